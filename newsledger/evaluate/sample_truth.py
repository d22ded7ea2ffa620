"""Score the link stage on the bundled sample corpus against ``samples/truth.json``: its copy
pairs, its byline swaps, and its conflict and non-conflict pairs of figures.

The corpus is ingested (with analysis) into a fresh ledger and linked, as ``newsledger ingest``
does. A truth document is matched to its article by URL. A figure of the truth is found in a
claim group when a member's article is one of the documents that carry it (``doc``, ``also_in``,
``restated_in``) and the member's value (or its low end, for a range) equals the figure's value;
in the figure's own document (``doc``), whose wording the truth quotes, the member's figure must
also be worded as the truth's ``text`` (one inside the other).
A **conflict** pair is found when one group returned by ``conflict_groups`` holds both figures;
a **non-conflict** pair is wrong when one such group holds both with the verdict "conflict".

``python -m newsledger.evaluate.sample_truth`` prints the score (about a minute on 2 cores).
"""
from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def load_truth(path: Optional[Path] = None) -> dict:
    return json.loads((path or SAMPLES / "truth.json").read_text(encoding="utf-8"))


def _norm_url(u: Optional[str]) -> str:
    return (u or "").split("#")[-1].rstrip("/").lower()


def build_ledger(db: str):
    """The sample corpus ingested, analysed and linked into a new ledger at ``db``."""
    from newsledger.link import link_new
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.store import Ledger

    ledger = Ledger(db)
    report = ingest(read([str(SAMPLES / "corpus")]), ledger)
    link_new(ledger, report.ids)
    return ledger


def doc_ids(ledger, truth: dict) -> dict[str, str]:
    """truth document id -> article id (by URL)."""
    by_url = {_norm_url(a.get("url")): a["id"] for a in ledger.articles(limit=1000)}
    return {d["id"]: by_url[_norm_url(d["url"])] for d in truth["docs"] if _norm_url(d["url"]) in by_url}


def score_copies(ledger, truth: dict, ids: dict[str, str]) -> dict:
    """Copy pairs of the truth found in one copy group (recall), and predicted pairs among the
    truth's documents that the truth does not list as copies of one text (precision)."""
    from newsledger.link import copy_groups

    group_of = {m["id"]: g["id"] for g in copy_groups(ledger) for m in g["members"]}
    family: dict[str, str] = {}
    for c in truth["copies"]:
        family[c["copy"]] = family.setdefault(c["original"], c["original"])
    gold = {frozenset((a, b)) for a, b in itertools.combinations(sorted(family), 2) if family[a] == family[b]}
    pred = {frozenset((a, b)) for a, b in itertools.combinations(sorted(ids), 2)
            if group_of.get(ids[a]) is not None and group_of.get(ids[a]) == group_of.get(ids[b])}
    tp = len(pred & gold)
    return {"gold": len(gold), "predicted": len(pred), "found": tp,
            "precision": tp / len(pred) if pred else 1.0, "recall": tp / len(gold) if gold else 1.0,
            "missed": sorted(tuple(sorted(p)) for p in gold - pred),
            "wrong": sorted(tuple(sorted(p)) for p in pred - gold)}


def score_swaps(ledger, truth: dict, ids: dict[str, str]) -> dict:
    """Byline swaps of the truth that carry a byline-swapped flag (firm or undecided), and the
    other documents of the corpus that carry one."""
    flagged = {}
    for d, aid in ids.items():
        fs = [f for f in (ledger.get(aid) or {}).get("flags") or [] if f["kind"] == "byline-swapped"]
        if fs:
            flagged[d] = "undecided" if all((f.get("evidence") or {}).get("undecided") for f in fs) else "firm"
    gold = {s["doc"] for s in truth["byline_swaps"]}
    return {"gold": sorted(gold), "flagged": flagged, "found": sorted(gold & set(flagged)),
            "other_flagged": sorted(set(flagged) - gold)}


def _holds(group: dict, fig: dict, ids: dict[str, str]) -> bool:
    arts = {ids.get(d) for d in [fig["doc"]] + list(fig.get("also_in") or []) + list(fig.get("restated_in") or [])}
    want = fig["value"] if fig.get("low") is None else fig["low"]
    for m in group["members"]:
        got = m.get("value") if m.get("low") is None or fig.get("low") is None else m.get("low")
        if m.get("article_id") in arts and got is not None and _same(got, want) \
                and (m.get("article_id") != ids.get(fig["doc"]) or _worded(m.get("figure"), fig.get("text"))):
            return True
    return False


def _worded(figure: Optional[str], text: Optional[str]) -> bool:
    """Whether a member's figure is the truth's wording of it in the truth's own document (the
    truth quotes that document): an equal value written otherwise there is another figure
    ("Eleven" patients in serious condition, a toll "risen to 14 from 11"); no wording given
    in the truth: any."""
    if not text or not figure:
        return True
    f, t = figure.casefold().strip(), text.casefold().strip()
    return f in t or t in f


def _same(a, b) -> bool:
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(b)))


def score_conflicts(ledger, truth: dict, ids: dict[str, str]) -> dict:
    from newsledger.link import conflict_groups

    groups = conflict_groups(ledger)
    figs = {f["id"]: f for f in truth["figures"]}

    def together(pair, verdicts=None):
        return [g["id"] for g in groups if (verdicts is None or g.get("verdict") in verdicts)
                and _holds(g, figs[pair["a"]], ids) and _holds(g, figs[pair["b"]], ids)]

    found = [(c["a"], c["b"]) for c in truth["conflicts"] if together(c)]
    wrong = [(c["a"], c["b"]) for c in truth["not_conflicts"] if together(c, {"conflict"})]
    return {"conflicts": len(truth["conflicts"]), "found": found,
            "missed": [(c["a"], c["b"]) for c in truth["conflicts"] if (c["a"], c["b"]) not in found],
            "not_conflicts": len(truth["not_conflicts"]), "wrongly_conflicting": wrong,
            "groups": len(groups)}


def evaluate(db: Optional[str] = None) -> dict:
    truth = load_truth()
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "samples.db")
    ledger = build_ledger(db)
    try:
        ids = doc_ids(ledger, truth)
        return {"docs": len(truth["docs"]), "matched_docs": len(ids),
                "copies": score_copies(ledger, truth, ids), "byline_swaps": score_swaps(ledger, truth, ids),
                "conflicts": score_conflicts(ledger, truth, ids)}
    finally:
        ledger.close()
        if tmp is not None:
            tmp.cleanup()


def main(argv: Optional[list[str]] = None) -> int:
    r = evaluate()
    c, s, k = r["copies"], r["byline_swaps"], r["conflicts"]
    print(f"samples/truth.json: {r['matched_docs']} of {r['docs']} documents matched by URL")
    print(f"copy pairs: {c['found']} of {c['gold']} found (R {c['recall']:.3f}), {c['predicted']} predicted "
          f"(P {c['precision']:.3f}); missed {c['missed']}; wrong {c['wrong']}")
    print(f"byline swaps flagged: {len(s['found'])} of {len(s['gold'])} ({s['flagged']}); "
          f"other documents flagged: {s['other_flagged']}")
    print(f"conflicts found: {len(k['found'])} of {k['conflicts']}; missed {k['missed']}")
    print(f"non-conflicts put in one conflict group: {len(k['wrongly_conflicting'])} of {k['not_conflicts']} "
          f"{k['wrongly_conflicting']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
