"""How far two people annotating the same page blind agree: the ceiling a claim extractor can be
judged against.

Some real-news gold pages were annotated twice, by two annotators who never saw each other's
work (nor the system's output). The repo's gold file (``data/claims_real/<page>.json``) is the
one scored; the other reading is kept in ``data/claims_real/second/<page>.json`` (not loaded as
gold). Here the second reading's claims are scored as if they were a system's output, by the
claims-real scorer (:func:`~newsledger.evaluate.claims_real.score_page`): precision, recall of the
core claims, the wrong-speaker share and the stance agreement (of the claims both readings hold with one
speaker or none, the share given the same stance), both ways round. Questions are counted as claims either side.

    python -m newsledger.evaluate.claims_agreement [--core-only] [--prefix poltest-] [--system]

``--prefix`` keeps the pages whose id starts with it. ``--system`` also analyses those pages and scores the
product's claims (at the default confidence threshold) against each reading, so the product's figures stand beside
the human ceiling on the same pages; a run that reads a claims **test** page that way is appended to the evaluation
log (benchmark ``claims-agreement``).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

from newsledger.evaluate.claims_real import (GOLD_DIR, GoldClaim, GoldPage, Tally, evaluate, load_split, load_texts,
                                             log_result, score_page)

SECOND_DIR = GOLD_DIR / "second"


def _read(path: Path) -> tuple[str, list[dict]]:
    g = json.loads(path.read_text(encoding="utf-8"))
    return g["page"], [c for c in g["claims"] if c.get("content")]


def as_output(claim: dict):
    """A gold claim dressed as an analyzer claim (what :func:`score_page` reads of one)."""
    pieces = [tuple(p) for p in claim["content"]]
    name = claim.get("source")
    return SimpleNamespace(
        source=SimpleNamespace(name=name, text=name or "") if name else None,
        content=SimpleNamespace(pieces=pieces, start=pieces[0][0], end=pieces[-1][1], text=""),
        cue=SimpleNamespace(text=""), confidence=1.0, stance=claim.get("stance") or "asserts")


def agreement(first: list[dict], second: list[dict], text: str, core_only: bool = False) -> Tally:
    """``second`` scored against ``first`` as gold (``core_only``: only its core claims as outputs)."""
    gold = [GoldClaim.from_dict(c) for c in first]
    outputs = [as_output(c) for c in second if c.get("core", True) or not core_only]
    return score_page(text, gold, outputs)


def pairs(second_dir: Path = SECOND_DIR, prefix: str = "") -> list[tuple[str, list[dict], list[dict]]]:
    """(page, the repo gold's claims, the second reading's claims) for every page read twice (whose id starts
    with ``prefix``)."""
    out = []
    for f in sorted(Path(second_dir).glob("*.json")):
        page, second = _read(f)
        if page.startswith(prefix):
            out.append((page, _read(GOLD_DIR / f"{page}.json")[1], second))
    return out


def system_against_both(found: list[tuple[str, list[dict], list[dict]]]) -> tuple[dict, dict, dict]:
    """The product's figures on the pages read twice, against the repo gold, against the second reading and
    against either (one analysis; the default confidence threshold). Against either, the two readings' claims
    are one gold: an output is right when its words and its speaker match a claim of one reading or the other
    (only its precision and wrong-speaker share mean something; its recall counts both readings' claims)."""
    from newsledger.evaluate.claims_real import analyzed_claims

    def pages(*ks: int) -> list[GoldPage]:
        return [GoldPage(p, [GoldClaim.from_dict(c) for k in ks for c in readings[k]], None, "")
                for p, *readings in found]

    analysed = analyzed_claims(pages(0))
    return tuple(evaluate(pages(*ks), analysed=analysed)[0] for ks in ((0,), (1,), (0, 1)))


def _system_line(label: str, res: dict) -> str:
    return (f"{label:<44} outputs {res['outputs']:>4}  precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
            f"wrong speaker {res['wrong_speaker']:.3f}  stance agreement {res['stance_agreement']:.3f}")


def _line(label: str, t: Tally) -> str:
    f = t.figures()
    return (f"{label:<44} outputs {f['outputs']:>4}  precision {f['precision']:.3f}  recall {f['recall']:.3f}  "
            f"wrong speaker {f['wrong_speaker']:.3f} ({t.wrong_speaker})  spurious {t.spurious}  "
            f"stance agreement {f['stance_agreement']:.3f} ({t.stance_same}/{t.stance_matched})")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--core-only", action="store_true", help="score only the other reading's core claims as outputs")
    ap.add_argument("--prefix", default="", help="only the pages whose id starts with this")
    ap.add_argument("--system", action="store_true", help="also score the product against each reading")
    args = ap.parse_args(argv)
    found = pairs(prefix=args.prefix)
    if not found:
        print(f"{SECOND_DIR}: no page annotated twice")
        return 1
    texts = load_texts({p for p, _, _ in found})
    ab, ba = Tally(), Tally()
    for page, a, b in found:
        if page not in texts:
            print(f"{page}: text not found (is ../shared present?)")
            return 1
        text = texts[page]["text"]
        t1, t2 = agreement(a, b, text, args.core_only), agreement(b, a, text, args.core_only)
        print(_line(f"{page}: second vs repo gold", t1))
        print(_line(f"{page}: repo vs second", t2))
        ab.add(t1)
        ba.add(t2)
    print(_line(f"all {len(found)} pages: second vs repo gold", ab))
    print(_line(f"all {len(found)} pages: repo vs second", ba))
    if args.system:
        first, second, either = system_against_both(found)
        print(_system_line(f"the product vs repo gold ({len(found)} pages)", first))
        print(_system_line(f"the product vs second ({len(found)} pages)", second))
        print(f"{'the product vs either reading':<44} outputs {either['outputs']:>4}  precision {either['precision']:.3f}"
              f"  wrong speaker {either['wrong_speaker']:.3f}  (right when one reading or the other agrees)")
        if any(load_split([GOLD_DIR]).get(p) == "test" for p, _, _ in found):
            from newsledger.evaluate.evallog import record_test_run

            result = {"pages": len(found), "vs_repo_gold": log_result(first), "vs_second": log_result(second),
                      "vs_either": {k: round(either[k], 3) for k in ("outputs", "precision", "wrong_speaker")},
                      "second_vs_repo": {k: round(v, 3) for k, v in ab.figures().items()
                                         if k in ("precision", "recall", "wrong_speaker", "stance_agreement")}}
            print(record_test_run("claims-agreement", result, "python -m newsledger.evaluate.claims_agreement",
                                  list(argv if argv is not None else sys.argv[1:])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
