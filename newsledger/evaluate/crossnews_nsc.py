"""Cross-article figure groups on news-story-chains (``newsledger eval crossnews --set nsc``).

A second domain for the figure groups of :mod:`newsledger.evaluate.crossnews` (ECB+: disasters,
crimes, awards): business-energy news, the story chains of
``../shared/data/news-story-chains`` (the pair CSV's same-story pairs joined into chains,
:func:`newsledger.evaluate.copies.story_components`). The gold
(``data/crossnews_nsc/<chain id>.json``, made by reading, converted by
``scripts/crossnews_nsc_gold.py``) holds offsets into the CSV's ``text`` column, values and labels
only, in the crossnews format: figures, cross-article groups, ``apart`` pairs.

- Articles that are claims-real **test** pages (``data/claims_real/SPLIT.json``) are left out of
  every chain: never read, never analysed here.
- Chains are split into halves by the SHA-1 of the chain's first url (:func:`copies.story_half`):
  half ``a`` (even) is tuned on; half ``b`` (odd) is held out: scored by the lead, never read
  through the tool's groups; every scored run of it is recorded in the evaluation log.

Each half is analysed, stored in one scratch ledger (ingest order: date, then url; or shuffled with
``--order-seed``), linked, and scored with crossnews' own functions: pair P/R of the cross-article
groups, verdicts, and ``apart`` pairs grouped.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Optional

from newsledger.evaluate import scratch_ledger

GOLD_DIR = Path(__file__).resolve().parent / "data" / "crossnews_nsc"
HALVES = {"a": "development", "b": "held-out"}


def chain_pages(min_size: int = 2) -> dict[str, dict]:
    """chain id -> {"half": "a" | "b", "pages": {page id: (CSV text, unanalysed Article)}} for every
    story chain holding at least ``min_size`` articles outside the claims-real test split (those are
    dropped before any text is read). A chain's id is ``chain-`` and the first 12 hex digits of the
    SHA-1 of its first url (sorted), the url's page id under another prefix (that url may be a
    test page)."""
    from newsledger.evaluate import claims_real
    from newsledger.evaluate.copies import load_story_chains, story_components, story_half

    arts, pairs = load_story_chains()
    split = claims_real.load_split([])
    out = {}
    for urls in story_components(arts, pairs):
        keep = sorted(u for u in urls if split.get(claims_real.story_chain_page_id(u)) != "test")
        if len(keep) < min_size:
            continue
        ids = {claims_real.story_chain_page_id(u): u for u in keep}
        raw = claims_real.story_chain_records(set(ids))
        half = next(k for k, v in HALVES.items() if v == story_half(urls))
        out["chain-" + claims_real.story_chain_page_id(min(urls))[len(claims_real.NEWS_STORY_CHAINS):]] = {
            "half": half, "pages": {i: (raw[i]["text"], arts[u]) for i, u in ids.items()}}
    return out


def to_stored(raw: str, stored: str, s: int, e: int) -> tuple[int, int]:
    """A span of the CSV text in the stored article text, which differs from it in whitespace only
    (the loader splits the one-line text into paragraphs): the same non-space characters."""
    def nth(text: str, k: int) -> int:  # offset of the k-th non-space character
        seen = -1
        for i, ch in enumerate(text):
            if not ch.isspace():
                seen += 1
                if seen == k:
                    return i
        raise ValueError(f"the stored text has fewer than {k + 1} non-space characters")

    k0 = sum(1 for ch in raw[:s] if not ch.isspace())
    k1 = sum(1 for ch in raw[:e] if not ch.isspace())
    return nth(stored, k0), nth(stored, k1 - 1) + 1


def load_gold(half: str, gold_dir: Path = GOLD_DIR) -> dict[str, dict]:
    """chain id -> gold, for the chains of ``half``."""
    out = {}
    for p in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if g["half"] == half:
            out[g["chain"]] = g
    return out


def stored_gold(gold: dict[str, dict], chains: dict[str, dict]) -> dict[str, dict]:
    """The gold with every span moved to the stored article text (:func:`to_stored`); a page whose
    text changed since the gold was written (``text_sha1``) stops the run."""
    out = {}
    for cid, g in gold.items():
        pages = chains[cid]["pages"]
        for doc, sha in g["text_sha1"].items():
            if hashlib.sha1(pages[doc][0].encode("utf-8")).hexdigest() != sha:
                raise SystemExit(f"{cid}: {doc} is not the text the gold was written on")
        figs = [dict(f, span=list(to_stored(pages[f["doc"]][0], pages[f["doc"]][1].text, *f["span"])))
                for f in g["figures"]]
        out[cid] = dict(g, figures=figs)
    return out


def analysed(chains: dict[str, dict], cache: Optional[Path]) -> list[tuple[str, object]]:
    """(page id, analysed Article or Failure) for every page of ``chains``, by date then url."""
    from newsledger.evaluate.crossnews import cached_analysis
    from newsledger.pipeline import analyze_one

    pages = sorted(((i, a) for c in chains.values() for i, (_t, a) in c["pages"].items()),
                   key=lambda p: (p[1].published or "", p[1].url))
    return cached_analysis(cache, "crossnews-nsc", "".join(i + a.text for i, a in pages).encode("utf-8"),
                           lambda: [(i, analyze_one(a) or a) for i, a in pages])


def wrong_pairs(pred: set, gold: dict[str, dict]) -> list[str]:
    """The predicted pairs no gold group holds, each as its two figures' labels."""
    from newsledger.evaluate.crossnews import gold_pairs

    fig = {(cid, f["id"]): f for cid, g in gold.items() for f in g["figures"]}
    right = set().union(*(gold_pairs(g, cid) for cid, g in gold.items())) if gold else set()
    out = []
    for cid, x, y in sorted(pred - right):
        fx, fy = fig[(cid, x)], fig[(cid, y)]
        out.append(f"{cid} {x}~{y}: {fx['value']} {fx['measure']} / {fx['about']}  ~  "
                   f"{fy['value']} {fy['measure']} / {fy['about']}")
    return out


def run(half: str, cache: Optional[Path] = None, order_seed: Optional[int] = None,
        failures: bool = False, gold_dir: Path = GOLD_DIR) -> dict:
    from newsledger.evaluate.crossnews import (stored_figure_members, fill_ledger, ingest_order, map_gold,
                                               order_label, predicted_pairs, score_groups)

    chains = {cid: c for cid, c in chain_pages().items() if c["half"] == half}
    gold = stored_gold(load_gold(half, gold_dir), chains)
    items = ingest_order(analysed({cid: chains[cid] for cid in gold}, cache), order_seed)
    with scratch_ledger("crossnews-nsc.db") as ledger:
        id_of, spent = fill_ledger(ledger, items)
        report = {"half": half, "chains": len(gold), "articles": len(id_of), "order": order_label(order_seed),
                  "failed": sum(1 for _, a in items if not hasattr(a, "text")), "link_seconds": round(spent, 1),
                  "figure_pairs": score_groups(gold, id_of, ledger, None)}
        members = stored_figure_members(ledger)
        wrong = wrong_pairs(predicted_pairs(members, map_gold(gold, id_of, members))[0], gold)
    report["figure_pairs"]["wrong"] = len(wrong)
    if failures:
        report["wrong_pairs"] = wrong
    report["figure_pairs"].pop("verdicts_wrong")
    return report


def _print(r: dict) -> None:
    f = r["figure_pairs"]
    print(f"news-story-chains half {r['half']}: {r['chains']} chains, {r['articles']} articles ({r['failed']} failed), "
          f"link {r['link_seconds']} s; ingest order {r['order']}")
    print(f"cross-article figure pairs: P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
          f"({f['pred']} predicted, {f['gold']} gold, {f['wrong']} wrong; "
          f"{f['pairs_unmapped']} predicted pairs on figures the gold does not hold; "
          f"{f['figures_mapped']}/{f['gold_figures']} gold figures stored)")
    print(f"verdicts: {f['verdicts_right']}/{f['groups_found']} found groups right; {f['gold_groups']} gold groups; "
          f"apart pairs joined: {f['apart_joined']}")
    for w in r.get("wrong_pairs", ()):
        print(f"   wrong: {w}")


def _record_held_out(report: dict, argv: list[str]) -> None:
    """Log a scored run of the held-out half b in the evaluation log, to stderr so that
    ``--format json`` stays parseable."""
    from newsledger.evaluate import evallog

    f = report["figure_pairs"]
    result = {"chains": report["chains"], "articles": report["articles"], "order": report["order"],
              "figure_pairs_gold": f["gold"], "figure_pairs_P": round(f["precision"], 3),
              "figure_pairs_R": round(f["recall"], 3), "wrong": f["wrong"], "apart_joined": f["apart_joined"]}
    print(evallog.record_test_run("nsc-crossnews", result, "newsledger eval crossnews --set nsc", argv),
          file=sys.stderr)


def main(argv: Optional[list[str]] = None) -> int:
    from newsledger.evaluate.crossnews import half_args

    args = half_args("newsledger eval crossnews --set nsc", argv, "list the wrong pairs (half a only)")
    report = run(args.half, Path(args.cache) if args.cache else None, args.order_seed, args.failures)
    if args.half == "b":
        _record_held_out(report, argv if argv is not None else sys.argv[1:])
    if args.format == "json":
        print(json.dumps(report, indent=1))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
