"""Claim groups stay small whatever the input (issue 17, item 1): a group keeps at most
``MAX_GROUP_MEMBERS`` members (the earliest published) and ``MAX_PAIRS`` pairs, one row per
member, and the group endpoints are paginated.

The reproduction: four ordinary pages (~300 lines of ~24 KB each, every line a figure of homes
damaged with a source) through the real CLI ``ingest`` once made one group of 1,200 members and
705,090 pairs in a 134 MB row.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.link import claim_groups
from newsledger.link import claims as C
from newsledger.link import verdicts
from newsledger.serve import create_app
from newsledger.store import Ledger
from test_postgres import PG, pg_url  # noqa: F401  (pg_url: a throwaway PostgreSQL database)
from throwaway_db import alembic_config

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("claim_groups_bench", ROOT / "benchmarks" / "claim_groups.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

PAGES, LINES = 4, 300


def cli_ingest(inputs: list[Path], db: str) -> str:
    r = subprocess.run([sys.executable, "-m", "newsledger.cli", "ingest", *map(str, inputs), "--db", db],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    ps = bench.write_pages(tmp_path_factory.mktemp("pages"), PAGES, LINES)
    assert all(20_000 < p.stat().st_size < 30_000 for p in ps)  # ordinary pages, within every limit
    return ps


def check_reproduction(db: str) -> None:
    """What the four pages must leave in any ledger: one bounded group, bounded endpoints."""
    ledger = Ledger(db)
    (g,) = [g for g in claim_groups(ledger) if g["kind"] == "figure"]
    # most lines' figures join one group (a line whose claim is below the confidence threshold,
    # or whose words differ too much from the others', stays out) ...
    assert C.MAX_GROUP_MEMBERS * 4 < g["members_found"] <= PAGES * LINES
    assert g["truncated"] and g["size"] == len(g["members"]) == C.MAX_GROUP_MEMBERS  # ... and capped
    first_day = min(m["published"] for m in g["members"])
    assert first_day.startswith("2031-03-10")  # the earliest page's claims are the ones kept
    assert {m["published"] for m in g["members"]} == {first_day}
    assert len(g["pairs"]) == C.MAX_PAIRS < g["pairs_found"]
    assert g["verdict"] == "conflict" and g["pairs"][0]["relation"] == "conflict"
    assert any(m["conflict"] for m in g["members"])
    assert len(g["timeline"]) == g["size"]
    client = TestClient(create_app(ledger))
    r = client.get("/api/conflicts")
    assert r.status_code == 200 and len(r.content) < 1_000_000
    body = r.json()
    assert body["total"] == body["count"] == 1 and body["next_offset"] is None
    assert len(body["items"][0]["members"]) == C.MAX_GROUP_MEMBERS
    members = client.get(f"/api/claim-groups/{g['id']}", params={"limit": 50, "offset": 180}).json()
    assert [m["claim_id"] for m in members["members"]] == [m["claim_id"] for m in g["members"][180:]]
    assert members["members_total"] == C.MAX_GROUP_MEMBERS and members["next_offset"] is None
    assert client.get("/conflicts").text.count(f"of {g['members_found']} found") == 1
    assert "Truncated" in client.get(f"/claims/groups/{g['id']}").text
    ledger.close()


@pytest.mark.slow
def test_four_pages_of_figures_stay_small_on_sqlite(pages, tmp_path):
    db = tmp_path / "repro.db"
    cli_ingest(pages, str(db))
    stored = sum(p.stat().st_size for p in tmp_path.glob("repro.db*"))
    assert stored < 5_000_000, f"{stored:,} bytes"
    with Ledger(str(db)).engine.connect() as c:
        biggest = c.exec_driver_sql("SELECT max(length(data)) FROM link_claim_groups").scalar()
        member = c.exec_driver_sql("SELECT max(length(data)) FROM link_claim_members").scalar()
    assert biggest < 256_000 and member < 8_000
    check_reproduction(str(db))


@pytest.mark.slow
@pytest.mark.skipif(not PG, reason="NEWSLEDGER_TEST_PG is not set")
def test_four_pages_of_figures_stay_small_on_postgresql(pages, pg_url):  # noqa: F811
    cli_ingest(pages, pg_url)
    with Ledger(pg_url).engine.connect() as c:
        stored = c.exec_driver_sql("SELECT pg_total_relation_size('link_claim_groups') "
                                   "+ pg_total_relation_size('link_claim_members')").scalar()
        biggest = c.exec_driver_sql("SELECT max(pg_column_size(data)) FROM link_claim_groups").scalar()
    assert stored < 5_000_000 and biggest < 256_000
    check_reproduction(pg_url)


def _rows(n: int) -> list[dict]:
    """``n`` claims of one figure (people killed), two sources, one claim an article; dates
    going back in time, the last three undated."""
    rows = []
    for i in range(n):
        text = f"{10 + 7 * i} people were killed in the flood"
        q = {"text": str(10 + 7 * i), "value": 10 + 7 * i, "unit": "people", "bound": "exact"}
        rows.append({"article_id": f"a{i:03d}", "idx": 0, "source": f"s{i}", "site": "x.example",
                     "published": None if i >= n - 3 else f"2031-03-{28 - i:02d}",
                     "data": {"source": {"name": ("ministry", "opposition")[i % 2]}, "stance": "asserts",
                              "content": {"text": text}, "quantities": [q]}})
    return rows


def test_a_group_keeps_its_earliest_members_and_says_so(monkeypatch):
    monkeypatch.setattr(verdicts, "MAX_GROUP_MEMBERS", 10)
    monkeypatch.setattr(verdicts, "MAX_PAIRS", 5)
    rows = _rows(20)
    (g,) = C.group_story("s-1", rows)
    dated = sorted((r["published"], r["article_id"]) for r in rows if r["published"])
    assert [m["article_id"] for m in g["members"]] == sorted(a for _, a in dated[:10])  # ingest order
    assert g["size"] == 10 and g["members_found"] == 20 and g["truncated"]
    assert len(g["pairs"]) == 5 and g["pairs_found"] == 45
    assert all(p["relation"] == "conflict" and not p["same_source"] for p in g["pairs"])
    assert all(m["conflict"] for m in g["members"])  # every figure differs from the other source's
    (small,) = C.group_story("s-1", rows[:3])  # within both bounds: everything kept
    assert not small["truncated"] and small["members_found"] == small["size"] == 3
    assert len(small["pairs"]) == small["pairs_found"] == 3


def migration_round_trip(db: str, tmp_path: Path) -> None:
    """Groups stored by 0002 (members inside the group's JSON) read the same after 0003."""
    from alembic import command

    small = bench.write_pages(tmp_path / "small", pages=2, lines=12)
    cli_ingest(small, db)
    ledger = Ledger(db)
    before = claim_groups(ledger)
    assert before and all(not g["truncated"] for g in before)
    cfg = alembic_config(ledger)
    command.downgrade(cfg, "0002")
    with ledger.engine.connect() as c:
        gid, data = c.exec_driver_sql("SELECT id, data FROM link_claim_groups").first()
    data = json.loads(data) if isinstance(data, str) else data
    assert len(data["members"]) == {g["id"]: g["size"] for g in before}[gid] and data["timeline"]
    command.upgrade(cfg, "head")
    assert claim_groups(ledger) == before
    ledger.close()


def test_migration_0003_round_trip_on_sqlite(tmp_path):
    migration_round_trip(f"sqlite:///{tmp_path / 'mig.db'}", tmp_path)


@pytest.mark.skipif(not PG, reason="NEWSLEDGER_TEST_PG is not set")
def test_migration_0003_round_trip_on_postgresql(pg_url, tmp_path):  # noqa: F811
    migration_round_trip(pg_url, tmp_path)


def _brute_clusters(sets: list[set], thr: float) -> list[list[int]]:
    """Every pair compared: the single-link clusters ``single_link_clusters`` must find."""
    comp = list(range(len(sets)))
    for j in range(len(sets)):
        for i in range(j):
            a, b = sets[i], sets[j]
            if a and b and len(a & b) / len(a | b) >= thr:
                old, new = comp[i], comp[j]
                comp = [new if c == old else c for c in comp]
    out: dict[int, list[int]] = {}
    for k, c in enumerate(comp):
        out.setdefault(c, []).append(k)
    return sorted(out.values())


def test_clusters_compare_only_pairs_that_can_link_and_miss_none():
    import random

    rng = random.Random(5)
    for _ in range(200):
        vocab = rng.randint(3, 25)
        sets = [{f"w{rng.randint(0, vocab)}" for _ in range(rng.randint(0, 9))} for _ in range(rng.randint(0, 30))]
        thr = rng.choice([0.12, 0.18, 0.25, 1 / 3, 0.5])
        found = C.single_link_clusters([{"_kw": s, "k": k} for k, s in enumerate(sets)], thr)
        assert sorted([m["k"] for m in c] for c in found) == _brute_clusters(sets, thr)
    # 2,000 figures of ten words that share only their unit word (Jaccard 1/21): no pair is compared
    sets = [{"homes"} | {f"w{k}-{i}" for i in range(10)} for k in range(2000)]
    assert list(C.overlap_candidates(sets, 0.12)) == []


def test_group_lists_come_a_page_at_a_time(tmp_path, monkeypatch):
    import newsledger.link as link

    stories = [{"id": f"s{k:02d}", "label": f"story {k}", "members": [{"id": f"a{k}"}, {"id": f"b{k}"}]}
               for k in range(45)]
    monkeypatch.setattr(link, "story_groups", lambda ledger: stories, raising=False)
    client = TestClient(create_app(Ledger(str(tmp_path / "empty.db"))))
    first = client.get("/api/stories").json()
    assert (first["count"], first["total"], first["offset"], first["next_offset"]) == (20, 45, 0, 20)
    last = client.get("/api/stories", params={"limit": 20, "offset": 40}).json()
    assert [g["id"] for g in last["items"]] == [f"s{k}" for k in range(40, 45)] and last["next_offset"] is None
    assert client.get("/api/stories", params={"offset": 45}).json()["items"] == []
    for bad in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"offset": 10_000_001}):
        r = client.get("/api/stories", params=bad)
        assert r.status_code == 422, bad
    page = client.get("/stories", params={"offset": 20}).text
    assert page.count('href="/stories/s') == 20 and "/stories/s20" in page and "/stories/s40" not in page
    assert 'href="/stories?offset=0"' in page and 'href="/stories?offset=40"' in page
    assert "No more stories" in client.get("/stories", params={"offset": 900}).text
