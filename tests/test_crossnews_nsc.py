"""The news-story-chains figure-group gold and its scorer (newsledger.evaluate.crossnews_nsc)."""
from __future__ import annotations

import itertools
import json

import pytest

from newsledger.evaluate import crossnews_nsc as cn
from newsledger.evaluate.copies import NSC

needs_data = pytest.mark.skipif(not NSC.is_dir(), reason="shared news-story-chains data not present (../shared)")


def test_to_stored_follows_the_non_space_characters():
    raw = "The plant cost  $5m. It employs 40 people."
    stored = "The plant cost $5m.\n\nIt employs 40 people."
    s = raw.index("40 people")
    a, b = cn.to_stored(raw, stored, s, s + len("40 people"))
    assert stored[a:b] == "40 people"
    s = raw.index("$5m")
    a, b = cn.to_stored(raw, stored, s, s + 3)
    assert stored[a:b] == "$5m"


def _gold_files():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(cn.GOLD_DIR.glob("*.json"))]


def test_gold_is_offsets_and_labels_with_cross_article_groups():
    golds = _gold_files()
    assert len(golds) >= 8
    pairs = 0
    for g in golds:
        ids = {f["id"] for f in g["figures"]}
        doc = {f["id"]: f["doc"] for f in g["figures"]}
        assert g["half"] in ("a", "b") and g["chain"].startswith("chain-")
        assert set(doc.values()) <= set(g["text_sha1"])
        assert all("text" not in f for f in g["figures"])  # no article text copied
        for grp in g["groups"]:
            assert set(grp["members"]) <= ids
            assert len({doc[m] for m in grp["members"]}) >= 2  # cross-article
            pairs += sum(1 for x, y in itertools.combinations(grp["members"], 2) if doc[x] != doc[y])
        for p in g["apart"]:
            assert p["a"] in ids and p["b"] in ids and doc[p["a"]] != doc[p["b"]]
    assert pairs >= 60


@needs_data
def test_chains_leave_out_the_claims_real_test_pages():
    from newsledger.evaluate import claims_real

    split = claims_real.load_split([])
    chains = cn.chain_pages()
    pages = [p for c in chains.values() for p in c["pages"]]
    assert pages and not [p for p in pages if split.get(p) == "test"]
    assert all(len(c["pages"]) >= 2 and c["half"] in ("a", "b") for c in chains.values())
    assert {g["chain"] for g in _gold_files()} <= set(chains)


@needs_data
def test_gold_spans_land_on_the_same_words_in_the_stored_text():
    chains = cn.chain_pages()
    gold = cn.load_gold("a")
    moved = cn.stored_gold(gold, chains)
    for cid, g in gold.items():
        for f, m in zip(g["figures"], moved[cid]["figures"]):
            raw, art = chains[cid]["pages"][f["doc"]]
            assert raw[slice(*f["span"])] == art.text[slice(*m["span"])]


@needs_data
def test_half_a_is_scored_with_crossnews_functions(tmp_path):
    r = cn.run("a", cache=tmp_path)
    f = r["figure_pairs"]
    gold = cn.load_gold("a")
    from newsledger.evaluate.crossnews import gold_pairs
    assert f["gold"] == sum(len(gold_pairs(g, cid)) for cid, g in gold.items())
    assert r["chains"] == len(gold) and r["failed"] == 0
    assert f["figures_mapped"] > f["gold_figures"] // 2
    assert f["pred"] > 0 and 0.0 <= f["precision"] <= 1.0 and f["wrong"] <= f["pred"]
    assert f["apart_joined"] <= sum(len(g["apart"]) for g in gold.values())


def test_eval_crossnews_nsc_refuses_to_list_half_b_and_unknown_halves_in_one_line():
    import subprocess
    import sys

    for args, said in ((["--half", "b", "--failures"], "half b is scored, never read"), (["--half", "c"], "--half c")):
        r = subprocess.run([sys.executable, "-m", "newsledger.cli", "eval", "crossnews", "--set", "nsc", *args],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and said in r.stderr, r.stderr
