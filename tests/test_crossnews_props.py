"""The ECB+ proposition gold and its scorer (newsledger.evaluate.crossnews_props)."""
from __future__ import annotations

import hashlib
import itertools
import json
import subprocess
import sys

import pytest

from newsledger.evaluate import crossnews_props as cp
from newsledger.model import Claim, Content, Span


def _gold_files() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(cp.GOLD_DIR.glob("*.json"))}


def _needs_ecbplus():
    from newsledger.evaluate import ecbplus

    try:
        return ecbplus.root().is_dir()
    except Exception:  # no ../shared at all
        return False


needs_data = pytest.mark.skipif(not _needs_ecbplus(), reason="shared ECB+ data not present (../shared)")


def test_a_spokesman_never_conflicts_with_his_own_side():
    assert cp.pair_relation("for", "against") == "conflict"
    assert cp.pair_relation("open", "for") == "open" and cp.pair_relation("open", "open") == "agree"
    own = [{"relation": "conflict", "same_side": True}, {"relation": "agree", "same_side": False}]
    assert cp.group_verdict(own) == "agree"
    assert cp.group_verdict(own + [{"relation": "conflict", "same_side": False}]) == "conflict"
    assert cp.group_verdict(own + [{"relation": "open", "same_side": False}]) == "spread"


def test_halves_are_fixed_by_the_hash_of_the_subtopic_name():
    for sub in ("13", "21plus", "8", "19"):
        even = int(hashlib.sha1(sub.encode()).hexdigest(), 16) % 2 == 0
        assert cp.half_of(sub) == ("a" if even else "b")


def test_gold_is_offsets_and_labels_over_both_halves():
    golds = _gold_files()
    assert len(golds) >= 12 and {cp.half_of(s) for s in golds} == {"a", "b"}
    pairs = 0
    for sub, g in golds.items():
        assert g["subtopic"] == sub
        doc = {c["id"]: c["doc"] for c in g["claims"]}
        assert set(doc.values()) <= set(g["text_sha1"])
        for c in g["claims"]:
            assert not {"quote", "text"} & set(c)  # no article text copied
            assert c["stance"] in cp.STANCES and c["toward"] in cp.TOWARD and c["side"]
            assert 0 <= c["span"][0] < c["span"][1]
        for grp in g["groups"]:
            assert len({doc[m] for m in grp["members"]}) >= 2  # cross-article
            assert grp["verdict"] == cp.group_verdict(grp["pairs"])
            cross = [p for p in itertools.combinations(grp["members"], 2) if doc[p[0]] != doc[p[1]]]
            assert len(grp["pairs"]) == len(cross)
            pairs += len(cross)
        for p in g["apart"]:
            assert doc[p["a"]] != doc[p["b"]] and p["why"]
    assert pairs >= 40


@needs_data
def test_gold_was_written_on_the_pages_as_crossnews_renders_them():
    from newsledger.evaluate import ecbplus

    for sub, g in _gold_files().items():
        paths = dict(ecbplus.documents([int(sub.replace("plus", ""))]))
        for doc, sha in g["text_sha1"].items():
            text = ecbplus.render(paths[doc])[0]
            assert hashlib.sha1(text.encode("utf-8")).hexdigest() == sha, (sub, doc)
            assert all(c["span"][1] <= len(text) for c in g["claims"] if c["doc"] == doc)


def _claim(text: str, cue: str, content: str) -> Claim:
    c0 = text.index(content)
    q0 = text.index(cue)
    return Claim(source=None, cue=Span(cue, q0, q0 + len(cue)),
                 content=Content(content, c0, c0 + len(content)), kind="indirect")


class _Art:
    def __init__(self, claims):
        self.claims = claims


def test_a_stored_claim_maps_to_the_gold_claim_it_overlaps_most():
    text = ("The mayor said the bridge was closed for repairs, and the council said it had not voted on it. "
            "Nobody said anything about the ferry.")
    a = _claim(text, "said", "the bridge was closed for repairs")
    b = _claim(text, "the council said", "it had not voted on it")
    spans = {"d1": [(text.index("The mayor"), text.index(", and"), ("s", "c1")),
                    (text.index("the council"), text.index(". Nobody"), ("s", "c2"))]}
    far = _claim(text, "said anything", "anything about the ferry")
    got = cp.map_claims(spans, [("d1", _Art([a, b, far]))])
    assert got == {("d1", 0): ("s", "c1"), ("d1", 1): ("s", "c2")}


def _gold_two_sides():
    claims = [{"id": "c1", "doc": "d1", "side": "harbour office", "stance": "asserts", "toward": "for",
               "prop": "p1", "speaker": "a harbour spokesman", "span": [0, 5]},
              {"id": "c2", "doc": "d2", "side": "harbour office", "stance": "asserts", "toward": "for",
               "prop": "p1", "speaker": "the harbour master", "span": [0, 5]},
              {"id": "c3", "doc": "d3", "side": "ferry line", "stance": "denies", "toward": "against",
               "prop": "p1", "speaker": "the ferry line", "span": [0, 5]},
              {"id": "c4", "doc": "d3", "side": "harbour office", "stance": "asserts", "toward": "for",
               "prop": "p2", "speaker": "the harbour master", "span": [9, 15]}]
    pairs = [{"a": x["id"], "b": y["id"], "same_side": x["side"] == y["side"],
              "relation": cp.pair_relation(x["toward"], y["toward"])}
             for x, y in itertools.combinations(claims[:3], 2)]
    return {"s": {"claims": claims, "groups": [{"prop": "p1", "members": ["c1", "c2", "c3"],
                                                 "verdict": cp.group_verdict(pairs), "pairs": pairs}],
                  "apart": [{"a": "c2", "b": "c4", "why": "same harbour master, other question"}]}}


def test_scores_pairs_verdicts_apart_and_same_side_conflicts():
    gold = _gold_two_sides()
    gold_of = {("d1", 0): ("s", "c1"), ("d2", 0): ("s", "c2"), ("d3", 0): ("s", "c3"), ("d3", 1): ("s", "c4")}
    groups = [({"id": "g1", "verdict": "conflict"}, [("d1", 0), ("d2", 0)]),  # the spokesman against his office
              ({"id": "g2", "verdict": "agree"}, [("d2", 0), ("d3", 1), ("d4", 0)])]
    r = cp.score(gold, groups, gold_of, {"d1": "st", "d2": "st", "d3": "st"}, set())
    assert (r["pred"], r["gold"], r["precision"], r["recall"]) == (2, 3, 0.5, 0.333)
    assert r["apart_joined"] == 1 and r["pairs_unmapped"] == 2  # d4 holds no gold claim
    # the gold group conflicts (the ferry line against the harbour office), so g1's verdict is right,
    # but g1 calls two men of the harbour office a conflict: a same-side conflict
    assert r["groups_found"] == 1 and r["verdicts_right"] == 1
    assert r["same_side_conflicts"] == ["g1: harbour office"] and r["stored_conflicts"] == 1
    assert r["failures"]["missed"]["causes"] == {"no marked stance": 2}
    assert r["unmarked_read_marked"] == "0/1"
    r = cp.score(gold, groups, gold_of, {"d1": "st", "d2": "st", "d3": "other"}, {("d3", 0)})
    assert r["failures"]["missed"]["causes"] == {"stories apart": 2} and r["unmarked_read_marked"] == "1/1"


def test_eval_crossnews_props_refuses_half_b_failures_and_other_sets_in_one_line():
    for args, said in ((["--half", "b", "--failures"], "half b is scored, never read"), (["--half", "c"], "--half c"),
                       (["--set", "nsc"], "--props scores the development topics"),
                       (["--topics", "check"], "--props scores the development topics")):
        r = subprocess.run([sys.executable, "-m", "newsledger.cli", "eval", "crossnews", "--props", *args],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and said in r.stderr, r.stderr
