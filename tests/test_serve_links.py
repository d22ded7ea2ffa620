"""The web layer's cached view of the link stage (``newsledger.serve.links.Links``), over made-up
group lists: normalised groups, the per-article and per-id indexes, the fallbacks when the stage
lacks a function, the per-generation memo, and stale-while-revalidate (threads are joined and
gated by events, never timed)."""
from __future__ import annotations

import threading

import pytest

import newsledger.link as link
from newsledger.serve.links import Links
from newsledger.store import Ledger


class FakeLedger:
    """No database: the generation cannot be read, so every request finds the lists stale."""


def _group(gid, *aids, **kw) -> dict:
    return {"id": gid, "members": [{"article_id": a, "name": f"Source {a}"} for a in aids] + ["junk"], **kw}


def _join_refreshes() -> None:
    for t in threading.enumerate():
        if t.name == "newsledger-links":
            t.join(10)


@pytest.fixture
def stage(monkeypatch):
    """The link stage's group functions, as a dict the test fills."""
    lists = {"copy_groups": [], "story_groups": [], "conflict_groups": [], "claim_groups": []}
    for name in lists:
        monkeypatch.setattr(link, name, lambda ledger, n=name: lists[n], raising=False)
    monkeypatch.setattr(link, "link_stats", lambda ledger: {"groups": len(lists["copy_groups"])}, raising=False)
    monkeypatch.setattr(link, "claim_group", None, raising=False)  # no such function: from the lists
    return lists


def test_groups_are_normalised_and_indexed_by_article_and_id(stage):
    stage["copy_groups"] = [_group(7, "a1", "a2", "a1"), {"members": []}, "junk"]
    stage["conflict_groups"] = [_group("c1", "a2", timeline=("t",))]
    stage["claim_groups"] = [_group("k1", "a3")]
    links = Links(FakeLedger())
    (g,) = links.groups("copies")
    assert g["id"] == "7" and [m["article_id"] for m in g["members"]] == ["a1", "a2", "a1"]
    assert links.group("copies", "7") == g and links.group("copies", "8") is None
    assert links.for_article("a1") == {"copies": [g]}  # a group once, though it holds a1 twice
    assert set(links.for_article("a2")) == {"copies", "conflicts"}
    assert links.groups("conflicts")[0]["timeline"] == ["t"] and g["timeline"] == []
    assert links.claim_group("k1")["id"] == "k1" and links.claim_group("c1")["id"] == "c1"
    assert [x["id"] for x in links.for_source("source A3")] == ["k1"]  # case aside
    _join_refreshes()


def test_without_claim_groups_the_conflict_groups_stand_in(stage, monkeypatch):
    stage["conflict_groups"] = [_group("c1", "a1")]
    monkeypatch.setattr(link, "claim_groups", None)
    assert [g["id"] for g in Links(FakeLedger()).groups("claims")] == ["c1"]
    _join_refreshes()


def test_a_failing_stage_function_gives_an_empty_list(stage, monkeypatch, caplog):
    def broken(ledger):
        raise RuntimeError("half rewritten")

    monkeypatch.setattr(link, "story_groups", broken)
    stage["copy_groups"] = [_group("g", "a1")]
    links = Links(FakeLedger())
    assert links.groups("stories") == [] and links.groups("copies")
    assert "story_groups failed" in caplog.text
    _join_refreshes()


def test_claim_group_asks_the_stage_first(stage, monkeypatch):
    monkeypatch.setattr(link, "claim_group", lambda ledger, gid: _group(gid, "a9"))
    assert Links(FakeLedger()).claim_group("q")["members"][0]["article_id"] == "a9"


def test_stale_lists_are_served_while_new_ones_are_built(stage, monkeypatch):
    """The first request builds the lists itself; later ones get the old lists at once while a
    background thread rebuilds them."""
    stage["copy_groups"] = [_group("old", "a1")]
    links = Links(FakeLedger())
    assert [g["id"] for g in links.groups("copies")] == ["old"]
    gate = threading.Event()
    monkeypatch.setattr(link, "copy_groups", lambda ledger: gate.wait(10) and [_group("new", "a1")])
    assert [g["id"] for g in links.groups("copies")] == ["old"]  # the rebuild waits on the gate
    gate.set()
    _join_refreshes()
    assert [g["id"] for g in links.groups("copies")] == ["new"]
    _join_refreshes()


def test_cached_values_last_one_generation(stage, tmp_path):
    ledger = Ledger(str(tmp_path / "ledger.db"))
    links = Links(ledger)
    calls = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    assert links.cached("n", count) == 1 and links.cached("n", count) == 1
    links.invalidate()  # after our own ingest
    assert links.cached("n", count) == 2 and links.cached("m", count) == 3
    assert Links(FakeLedger()).cached("n", count) == 4  # no generation: no memo
    ledger.close()


def test_after_our_own_ingest_the_next_request_waits_for_new_lists(stage, tmp_path, monkeypatch):
    ledger = Ledger(str(tmp_path / "ledger.db"))
    links = Links(ledger)
    stage["copy_groups"] = [_group("old", "a1")]
    assert [g["id"] for g in links.groups("copies")] == ["old"]
    stage["copy_groups"] = [_group("new", "a1"), _group("newer", "a2")]  # the stage's counts change
    gate = threading.Event()  # a rebuild in the background would wait on it: this request must not

    def new_lists(ledger):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return stage["copy_groups"]

    monkeypatch.setattr(link, "copy_groups", new_lists)
    links.invalidate()
    assert [g["id"] for g in links.groups("copies")] == ["new", "newer"]  # built for this request
    gate.set()
    _join_refreshes()
    ledger.close()
