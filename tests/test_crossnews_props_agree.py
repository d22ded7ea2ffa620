"""Two readers' proposition gold compared (newsledger.evaluate.crossnews_props_agree) and the gold script's
``--gold-dir`` and ``agree`` commands; made-up claims only."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from newsledger.evaluate import crossnews_props as cp
from newsledger.evaluate import crossnews_props_agree as ag

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("crossnews_props_gold", ROOT / "scripts" / "crossnews_props_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _claim(cid, doc, span, prop, side="harbour office", stance="asserts", toward="for"):
    return {"id": cid, "doc": doc, "span": list(span), "prop": prop, "side": side, "stance": stance,
            "toward": toward, "speaker": side}


def _gold(claims, apart=()):
    return {"subtopic": "x", "claims": claims, "groups": _script().groups(claims),
            "apart": [{"a": a, "b": b, "why": "same harbour master, other question"} for a, b in apart]}


def _readers():
    """The first reader holds the ferry line's denial in the harbour office's proposition; the second
    puts it with a claim of its own, and reads it as a cannot-confirm."""
    first = _gold([_claim("a1", "d1", (0, 20), "p1"), _claim("a2", "d2", (0, 20), "p1"),
                   _claim("a3", "d3", (0, 20), "p1", "ferry line", "denies", "against"),
                   _claim("a4", "d3", (30, 50), "p2"), _claim("a5", "d1", (30, 50), "p2")], [("a1", "a4")])
    second = _gold([_claim("b1", "d1", (2, 18), "q1"), _claim("b2", "d2", (5, 25), "q1"),
                    _claim("b3", "d3", (0, 10), "q2", "ferry line", "cannot-confirm", "open"),
                    _claim("b4", "d3", (35, 45), "q3"), _claim("b5", "d1", (30, 40), "q3"),
                    _claim("b6", "d2", (60, 70), "q2", "ferry line", "denies", "against")], [("b1", "b4")])
    return first, second


def test_claims_match_one_to_one_by_the_largest_overlap_in_the_same_document():
    first = [_claim("a1", "d1", (0, 20), "p"), _claim("a2", "d1", (15, 40), "p"), _claim("a3", "d2", (0, 20), "p")]
    second = [_claim("b1", "d1", (10, 30), "q"), _claim("b2", "d1", (0, 12), "q"), _claim("b3", "d3", (0, 20), "q")]
    # b1 overlaps a2 by 15 and a1 by 10: a2 takes it, a1 falls back to b2; a3 and b3 are in other documents
    assert ag.match_claims(first, second) == {"a2": "b1", "a1": "b2"}


def test_kappa_from_the_two_by_two_counts():
    assert ag.kappa(2, 1, 0, 3) == pytest.approx(0.667, abs=0.001)
    assert ag.kappa(5, 0, 0, 5) == 1.0 and ag.kappa(0, 5, 5, 0) == -1.0
    assert ag.kappa(0, 0, 0, 4) == 1.0  # nothing grouped by either reader


def test_agreement_counts_claims_pairs_labels_verdicts_splits_and_apart():
    first, second = _readers()
    r = ag.agreement(first, second)
    assert r["matched"] == 5 and r["only_first"] == [] and r["only_second"] == ["b6"]
    # 8 cross-article pairs of matched claims: both group a1~a2 and a4~a5; only the first a1~a3, a2~a3
    assert r["pairs"] == {"both": 2, "first": 2, "second": 0, "neither": 4}
    assert r["pair_f1"] == 0.667 and r["kappa"] == 0.5
    assert r["first_only_pairs"] == [("a1", "a3"), ("a2", "a3")]
    lab = r["labels"]
    assert (lab["stance"], lab["toward"], lab["same_side"], lab["relation"]) == (4, 4, 2, 2)
    assert lab["stance_pairs"] == {"denies/cannot-confirm": 1}
    # the first's p1 is a conflict (the ferry line denies), the second's q1 only agrees: one verdict differs each way
    assert r["verdicts"] == [(1, 2), (1, 2)]
    assert r["split"] == [["p1: 2"], []]
    assert r["apart"][0] == {"apart": 1, "held": 1, "also_apart": 1, "grouped": 0} == r["apart"][1]
    lines = ag.agreement_lines(r)
    assert "pair F1 0.667, kappa 0.500" in lines[1] and "second only 1 ['b6']" in lines[0]


def test_an_apart_pair_the_other_reader_groups_is_counted():
    first, second = _readers()
    second["claims"][3]["prop"] = "q1"  # the second reader joins the harbour master's two answers
    second["groups"] = _script().groups(second["claims"])
    r = ag.agreement(first, second)
    assert r["apart"][0] == {"apart": 1, "held": 1, "also_apart": 1, "grouped": 1}


def test_gold_dir_option_and_agree_command(tmp_path, monkeypatch, capsys):
    script = _script()
    assert script.gold_dir_arg(["render", "7"]) == (cp.GOLD_DIR, ["render", "7"])
    assert script.gold_dir_arg(["--gold-dir", str(tmp_path), "render", "7"]) == (tmp_path, ["render", "7"])
    with pytest.raises(SystemExit):
        script.gold_dir_arg(["render", "7", "--gold-dir"])
    first, second = _readers()
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "two" / "x.json").write_text(json.dumps(second), encoding="utf-8")
    monkeypatch.setattr(script, "GOLD_DIR", tmp_path / "one")
    assert script.main(["--gold-dir", str(tmp_path / "two"), "agree", "x"]) == 0
    out = capsys.readouterr().out
    assert "grouped by both 2, first only 2, second only 0, neither 4" in out


def _second_files() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(cp.SECOND_DIR.glob("*.json"))}


def test_second_reader_gold_is_offsets_and_labels_of_first_reader_subtopics():
    seconds = _second_files()
    assert set(seconds) >= {"11", "19plus"} and set(seconds) <= {p.stem for p in cp.GOLD_DIR.glob("*.json")}
    for sub, g in seconds.items():
        assert g["subtopic"] == sub and "second reader" in g["annotator"]
        doc = {c["id"]: c["doc"] for c in g["claims"]}
        for c in g["claims"]:
            assert not {"quote", "text"} & set(c) and c["stance"] in cp.STANCES and c["toward"] in cp.TOWARD
        for grp in g["groups"]:
            assert len({doc[m] for m in grp["members"]}) >= 2 and grp["verdict"] == cp.group_verdict(grp["pairs"])
        assert all(doc[p["a"]] != doc[p["b"]] for p in g["apart"])


def _has_ecbplus() -> bool:
    from newsledger.evaluate import ecbplus

    try:
        return ecbplus.root().is_dir()
    except Exception:  # no ../shared at all
        return False


@pytest.mark.skipif(not _has_ecbplus(), reason="shared ECB+ data not present (../shared)")
def test_second_reader_gold_was_written_on_the_rendered_pages():
    from newsledger.evaluate import ecbplus

    for sub, g in _second_files().items():
        paths = dict(ecbplus.documents([int(sub.replace("plus", ""))]))
        for d, sha in g["text_sha1"].items():
            assert hashlib.sha1(ecbplus.render(paths[d])[0].encode("utf-8")).hexdigest() == sha, (sub, d)
