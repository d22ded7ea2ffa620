"""Does a second, independent opinion on the speaker separate right speakers from wrong ones?

For every output claim at or above the confidence threshold on the claims-real gold of a split,
the rule resolver's source span is compared with the PolNeAR-trained tagger's own nearest source
run for the same cue (``signals["tag_src"]``) and with the cue verb's parse subject
(``signals["subj_src"]``). Prints, per how the speaker was reached (``src_via``), how often the
opinions agree / disagree / are silent among right and among wrong speakers::

    PYTHONPATH=$PWD .venv/bin/python scripts/speaker_second_opinion.py --split dev [--gold-dir D] [--list]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from newsledger.evaluate.claims_real import analyzed_claims, load_gold, score_page  # noqa: E402


RELATIVES = {"who", "which", "that", "whom", "whose"}


def opinion(span, other, text: str) -> str:
    """agree (the spans overlap), relative (the other opinion is a bare relative pronoun, which
    stands for a noun phrase it does not name), disagree, or silent (no opinion)."""
    if other is None:
        return "silent"
    s, e = span
    if other[0] < e and s < other[1]:
        return "agree"
    return "relative" if text[other[0]:other[1]].strip().lower() in RELATIVES else "disagree"


def rows(pages, thr: float):
    analysed = analyzed_claims(pages)
    for p in pages:
        text, claims = analysed[p.page]
        kept = [c for c in claims if c.confidence >= thr]
        t = score_page(text, p.claims, kept)
        for c, v in zip(kept, t.verdicts):
            if v not in ("right", "wrong-speaker") or c.source is None:
                continue
            sig = c.signals or {}
            span = (c.source.start, c.source.end)
            tag, subj = sig.get("tag_src"), sig.get("subj_src")
            yield {"page": p.page, "verdict": v, "via": sig.get("src_via"), "source": c.source.text,
                   "name": c.source.name, "tag": opinion(span, tag, text), "subj": opinion(span, subj, text),
                   "tag_text": text[tag[0]:tag[1]] if tag else None, "cue": c.cue.text}


def main(argv=None) -> int:
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("dev",))
    ap.add_argument("--gold-dir", action="append", default=[])
    ap.add_argument("--list", action="store_true", help="print every wrong speaker and every disagreement")
    args = ap.parse_args(argv)
    pages = load_gold([Path(d) for d in args.gold_dir], args.split)
    rs = list(rows(pages, DEFAULT_MIN_CONFIDENCE))
    for key in ("tag", "subj"):
        print(f"opinion: {key}  (right / wrong speakers)")
        cnt = Counter((r["via"], r[key], r["verdict"]) for r in rs)
        for via in sorted({r["via"] for r in rs}, key=str):
            cells = [f"{o}: {cnt[(via, o, 'right')]}/{cnt[(via, o, 'wrong-speaker')]}"
                     for o in ("agree", "relative", "disagree", "silent")]
            print(f"  {str(via):12s} " + "  ".join(cells))
        tot = Counter((r[key], r["verdict"]) for r in rs)
        print("  all          " + "  ".join(f"{o}: {tot[(o, 'right')]}/{tot[(o, 'wrong-speaker')]}"
                                          for o in ("agree", "relative", "disagree", "silent")))
    if args.list:
        for r in rs:
            if r["verdict"] == "wrong-speaker" or r["tag"] == "disagree":
                print(f"  {r['verdict']:13s} {r['via']}: {r['name']!r} <- {r['source']!r} | tagger {r['tag_text']!r} | "
                      f"({r['tag']}) | subj {r['subj']} | {r['cue']} | {r['page']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
