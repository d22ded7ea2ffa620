"""Score the claims-real dev split by pool, as stop 30's pre-registered rule reads it.

The ``pol-`` dev pages (PolNeAR development articles) were walked in one fixed order: the split's
text files sorted by sha1(file name) hex, descending; rank 1 is the first. Ranks 1-20 and 41-62 are
the **rules** pool (rule helpers and the confidence refit may read them), ranks 21-40 and 63-84 the
**check** pool (no rule is written from them and ``scripts/calibrate_confidence.py`` leaves them out of
its fit, :func:`fit_pages`; they judge both). The 20
``te3-`` dev pages (TempEval-3 platinum news documents, issue 12) sorted by sha1(page id) hex, ascending:
the 10 lowest are pool **te3r** (rule material), the 10 highest pool **te3c** (a fresh judge: no rule is
ever written from them, and no fit reads them). The ``ecb-`` dev pages (ECB+ development topics 1-24) were
walked in one fixed order too: every dev-topic document by sha1(file stem) hex, descending (row 1 is the
first, :func:`ecb_walk_ranks`); rows 1-34 (the twenty-fourth and twenty-fifth batches) are **old**, a page
of row 35 or later (issue 12's walk continued) is pool **ecbr** (rule material) when its row is odd and
**ecbc** (a fresh judge like te3c: no rule is written from it, no fit reads it) when even, so both pools
draw on the whole walk. The dev pages of the web batch begun at stop 36 (``htmldate-`` pages taken after
every earlier walk, listed one id a line in ``web_pool_pages.txt`` beside the gold, one of :data:`BATCHES`) are pool
**webc** (a judge: no rule is written from it, no fit reads it) when ``int(sha1(page id), 16)`` is even and
**webr** (rule material) when odd, so the annotator never chooses. The ``aeb-`` dev pages (article-extraction-benchmark
pages, annotated from stop 37: extraction was tuned on them, attribution never) are pool **aebc** (a judge) when
``int(sha1(page id), 16)`` is even and **aebr** (rule material) when odd, :func:`aeb_pool`. The realnews pages
annotated from stop 47 (listed in ``realnews_pool_pages.txt`` beside the gold) are pool **rnc** (a judge) when
``int(sha1(page id), 16)`` is even and **rnr** (rule material) when odd; the trafilatura-eval pages of stop 47's second
batch (``trafeval_pool_pages.txt``) likewise **tfc** / **tfr**, and the htmldate default-set pages of stop 48's batch
(``htmldate_pool_pages.txt``) **hdc** / **hdr**. Every other dev page is **old**. ::

    PYTHONPATH=$PWD .venv/bin/python scripts/claims_pools.py [--cache FILE] [--together check,te3c,ecbc,webc,aebc]
        [--pages FILE] [--list VERDICT] [--same-as OTHER.pkl] [--rules-only] [--stance]

prints precision, recall (core), wrong-speaker share and outputs per pool (old, rules, check, te3r, te3c,
ecbr, ecbc, webr, webc, aebr, aebc, rnr, rnc, tfr, tfc, hdr, hdc, all) at the shipped threshold
(``--cache``: pickle of the analysed dev pages, reused when it holds exactly them — the same pickle as
``scripts/calibrate_confidence.py --cache``); ``--together`` adds pools scored as one set, in counts (how a judge's
rule reads them), ``--pages`` the dev pages a file lists (a batch read once as a fresh judge); ``--list
wrong-speaker`` (or spurious, unresolved, right, any) lists the rule-material pools' claims with that verdict, never a
judge's; ``--same-as`` lists the pages whose claims (at any confidence) differ from another such pickle;
``--stance`` adds the stance figures (agreement, marked precision and recall, in counts) to the ``--together`` and
``--pages`` lines, and with ``--rules-only`` prints them for the rule material as one set. ``--rules-only`` is the mode
for whoever writes rules: the judge pools are left out of everything it prints (no judge's line; the last line,
"rules-all", is the rule-material pools together, not all pages: with an all-pages line beside the rule pools, the
judges' figures could be worked out; ``--together`` naming a judge is refused; ``--pages`` and ``--same-as`` skip
judges' pages). To score another analyzer on the same pools, run this file from a checkout of that analyzer holding
this gold.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from calibrate_confidence import analysed_pages  # noqa: E402
from newsledger.evaluate import claims_real as cr  # noqa: E402
from newsledger.evaluate import data_dir  # noqa: E402

RULES_RANKS = (range(1, 21), range(41, 63))
TE3_RULES = 10  # the te3- pages with the lowest sha1(page id) are pool te3r, the rest te3c
ECB_FIRST_ROW = 35  # rows 1-34 of the ECB+ walk are old; from this row on, odd rows are ecbr, even rows ecbc
WEB_PAGES = "web_pool_pages.txt"  # beside the gold: the stop-36 web batch, one page id a line
# the batches split by a coin, each a file beside the gold (one page id a line) -> (its rule pool, its judge pool)
BATCHES = {WEB_PAGES: ("webr", "webc"), "realnews_pool_pages.txt": ("rnr", "rnc"),
           "trafeval_pool_pages.txt": ("tfr", "tfc"), "htmldate_pool_pages.txt": ("hdr", "hdc")}
# the judges: no rule is written from them, no fit reads them
HELD_OUT = ("check", "te3c", "ecbc", "webc", "aebc", "rnc", "tfc", "hdc")
POOLS = ("old", "rules", "check", "te3r", "te3c", "ecbr", "ecbc", "webr", "webc", "aebr", "aebc", "rnr", "rnc", "tfr",
         "tfc", "hdr", "hdc")


def walk_ranks() -> dict[str, int]:
    """``pol-`` page id -> its rank in the walk (sha1 of the file name, descending; from 1)."""
    names = [p.stem for p in (data_dir("polnear") / "data" / "dev" / "text").glob("*.txt")]
    names.sort(key=lambda n: hashlib.sha1(n.encode("utf-8")).hexdigest(), reverse=True)
    return {cr.POLNEAR + n: i for i, n in enumerate(names, 1)}


@lru_cache(maxsize=1)
def te3_pools() -> dict[str, str]:
    """``te3-`` page id -> "te3r" (the :data:`TE3_RULES` lowest sha1(page id) hex) or "te3c" (the rest),
    over every TempEval-3 platinum document in the shared folder."""
    folder = cr.tempeval3_dir()
    ids = sorted((cr.TEMPEVAL3 + p.stem for p in folder.glob("*.tml")),
                 key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    return {i: "te3r" if k < TE3_RULES else "te3c" for k, i in enumerate(ids)}


@lru_cache(maxsize=1)
def ecb_walk_ranks() -> dict[str, int]:
    """``ecb-`` page id -> its row in the ECB+ walk: every document of the development topics (1-24; the
    held-out topics are never listed) by sha1(file stem) hex, descending; from 1."""
    from newsledger.evaluate import ecbplus

    stems = [p.stem for t in ecbplus.DEV_TOPICS for p in (ecbplus.root() / str(t)).glob("*.xml")]
    stems.sort(key=lambda n: hashlib.sha1(n.encode("utf-8")).hexdigest(), reverse=True)
    return {cr.ECBPLUS + n: i for i, n in enumerate(stems, 1)}


def ecb_pool(row: int) -> str:
    """The pool of an ``ecb-`` page by its walk row: "old" before :data:`ECB_FIRST_ROW` (the pages walked
    before issue 12's continuation), then "ecbr" for an odd row and "ecbc" for an even one."""
    if row < ECB_FIRST_ROW:
        return "old"
    return "ecbr" if row % 2 else "ecbc"


def _batch_pages(name: str) -> frozenset[str]:
    """The page ids a batch file beside the gold lists (blank lines and ``#`` lines skipped)."""
    path = cr.GOLD_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@lru_cache(maxsize=1)
def batch_pools() -> dict[str, tuple[str, str]]:
    """page id -> (rule pool, judge pool) of every page a batch file (:data:`BATCHES`) lists."""
    return {page: pools for name, pools in BATCHES.items() for page in _batch_pages(name)}


def _odd_sha1(page: str) -> bool:
    """Whether ``int(sha1(page id), 16)`` is odd: the coin that splits a batch into rule material and a judge."""
    return bool(int(hashlib.sha1(page.encode("utf-8")).hexdigest(), 16) % 2)


def by_parity(page: str, pools: tuple[str, str]) -> str:
    """Of a batch's (rule pool, judge pool), the page's: the rule pool when its id's sha1 is odd, the judge
    when even."""
    return pools[0] if _odd_sha1(page) else pools[1]


def aeb_pool(page: str) -> str:
    """The pool of an ``aeb-`` page by the parity of its id's sha1: "aebc" when even, "aebr" when odd."""
    return by_parity(page, ("aebr", "aebc"))


def pool_of(page: str, ranks: dict[str, int]) -> str:
    """"te3r" or "te3c" for a ``te3-`` page, "ecbr", "ecbc" or "old" for an ``ecb-`` page by its ECB+ walk
    row, "rules" or "check" for a ``pol-`` page by its walk rank, the rule or judge pool of a page a batch file
    lists (:data:`BATCHES`: webr / webc, rnr / rnc, tfr / tfc, hdr / hdc) and "aebr" or "aebc" for an ``aeb-`` page,
    by the parity of its id's sha1 (the judge when even), "old" for a page of another source."""
    pools = batch_pools().get(page)
    if pools is not None:
        return by_parity(page, pools)
    if page.startswith(cr.AEB):
        return aeb_pool(page)
    if page.startswith(cr.TEMPEVAL3):
        return te3_pools()[page]
    if page.startswith(cr.ECBPLUS):
        return ecb_pool(ecb_walk_ranks()[page])
    if not page.startswith(cr.POLNEAR):
        return "old"
    return "rules" if any(ranks[page] in r for r in RULES_RANKS) else "check"


def fit_pages(pages: list) -> list:
    """The gold pages a fit may read: every page outside the :data:`HELD_OUT` pools."""
    ranks = walk_ranks()
    return [p for p in pages if pool_of(p.page, ranks) not in HELD_OUT]


def together(pages: list, done: dict, ranks: dict[str, int], names: list[str], stance: bool = False) -> str:
    """The pools ``names`` scored as one set, in counts (a judge's rule reads wrong names and found claims, which
    rounded shares per pool hide): core claims, found, outputs, right or unresolved, wrong names."""
    return counts("+".join(names), [p for p in pages if pool_of(p.page, ranks) in names], done, stance)


def counts(label: str, sel: list, done: dict, stance: bool = False) -> str:
    """The pages ``sel`` scored as one set, in counts (see :func:`together`); with ``stance``, the stance
    figures of ``newsledger eval claims-real`` too, in counts."""
    res, t = cr.evaluate(sel, analysed=done)
    lo, hi = res["interval_95"].get("wrong_speaker", (0.0, 0.0))
    line = (f"{label}: {len(sel)} pages, {t.core} core, {t.core_found} found "
            f"(recall {t.core_found / max(1, t.core):.4f}), {t.outputs} outputs, {t.right + t.unresolved} right or "
            f"unresolved (precision {(t.right + t.unresolved) / max(1, t.outputs):.4f}), {t.wrong_speaker} wrong names "
            f"(share {t.wrong_speaker / max(1, t.outputs):.4f}, 95% over pages resampled {lo:.4f}-{hi:.4f})")
    if stance:
        line += (f"; stance agreement {t.stance_same}/{t.stance_matched} ({res['stance_agreement']:.3f}), marked "
                 f"precision {t.marked_outputs_same}/{t.marked_outputs} ({res['marked_precision']:.3f}), marked recall "
                 f"{t.marked_gold_same}/{t.marked_gold} ({res['marked_recall']:.3f})")
    return line


def claim_key(claims) -> list[tuple]:
    """What a reader of a page's claims sees, at any confidence: (content start, end, source name, cue, confidence)."""
    return sorted((c.content.start, c.content.end, c.source.name if c.source else None, c.cue.text, c.confidence)
                  for c in claims)


def differing_pages(done: dict, other: dict) -> list[str]:
    """Pages of ``done`` whose text or claims (:func:`claim_key`) differ in ``other`` (or that ``other`` lacks)."""
    return sorted(page for page, (text, claims) in done.items()
                  if page not in other or other[page][0] != text or claim_key(other[page][1]) != claim_key(claims))


def rule_material_claims(pages: list, done: dict, ranks: dict[str, int], verdict: str) -> list[str]:
    """One line per output claim (at the shipped threshold) of the rule-material pools whose verdict is ``verdict``
    ("wrong-speaker", "spurious", "unresolved", "right" or "any"): pool, page, how the speaker was found, confidence,
    name <- source words, the mention it was resolved from, cue, content, the speakers of the gold claims its content
    matches. The judges (:data:`HELD_OUT`) are never listed: no rule is written from them."""
    from newsledger.analyze.confidence import threshold

    out, thr = [], threshold(None)
    for p in pages:
        pool = pool_of(p.page, ranks)
        if pool in HELD_OUT:
            continue
        text, claims = done[p.page]
        kept = [c for c in claims if c.confidence >= thr]
        gold = [cr._letters(text, g.content) for g in p.claims]
        for c, v in zip(kept, cr.score_page(text, p.claims, kept).verdicts):
            if verdict not in ("any", v):
                continue
            speakers = [p.claims[k].source for k in cr.content_hits(cr._letters(text, cr.claim_pieces(c)), gold)]
            s = c.source
            out.append(f"{pool} {p.page} {v} {(c.signals or {}).get('src_via')} | {c.confidence:.2f} | "
                       f"{s.name if s else None} <- {(s.text if s else '')!r} | from {s.resolved_from if s else None} | "
                       f"{c.cue.text} | {' '.join(c.content.text.split())[:100]} | gold {speakers}")
    return out


def listed_pages(path: Path) -> set[str]:
    """The page ids a file lists, one a line (blank lines and ``#`` lines skipped)."""
    return {s.strip() for s in path.read_text(encoding="utf-8").splitlines() if s.strip() and not s.startswith("#")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--together", action="append", default=[], metavar="POOLS",
                    help="also print these pools (comma list, e.g. check,te3c,ecbc,webc,aebc) scored as one set, in counts")
    ap.add_argument("--pages", type=Path, action="append", default=[], metavar="FILE",
                    help="also print the dev pages listed in FILE (one id a line, # comments) scored as one set, in counts")
    ap.add_argument("--list", metavar="VERDICT", choices=("wrong-speaker", "spurious", "unresolved", "right", "any"),
                    help="list the rule-material pools' output claims with this verdict (never the judges')")
    ap.add_argument("--rules-only", action="store_true",
                    help="score the rule-material pools only: no judge pool's line, no all-pages line (a helper's mode)")
    ap.add_argument("--stance", action="store_true",
                    help="the --together / --pages lines (and with --rules-only, a line for the rule material) also give "
                         "the stance figures of eval claims-real, in counts")
    ap.add_argument("--same-as", type=Path, metavar="PICKLE",
                    help="list the pages whose claims differ from another analysis (a --cache pickle), per pool")
    args = ap.parse_args(argv)
    try:  # the page lists first: a wrong path is told before minutes of analysis
        lists = [(path, listed_pages(path)) for path in args.pages]
    except (OSError, UnicodeDecodeError) as exc:
        print(f"claims_pools: {getattr(exc, 'filename', None) or ''}: {getattr(exc, 'strerror', None) or exc}",
              file=sys.stderr)
        return 2
    judged = [n for names in args.together for n in names.split(",") if n in HELD_OUT]
    if args.rules_only and judged:
        print(f"claims_pools: --rules-only: --together names a judge pool ({', '.join(judged)})", file=sys.stderr)
        return 2
    pages = cr.load_gold([cr.GOLD_DIR], "dev")
    done, ranks = analysed_pages(pages, args.cache), walk_ranks()
    if args.rules_only:  # nothing a judge pool holds is scored, counted or named
        pages = fit_pages(pages)
    print_pools(pages, done, ranks, args.rules_only)
    for names in args.together:
        print(together(pages, done, ranks, names.split(","), args.stance))
    for path, listed in lists:
        print(counts(path.name, [p for p in pages if p.page in listed], done, args.stance))
    if args.rules_only and args.stance:
        print(counts("rule material", pages, done, stance=True))
    if args.list:
        print("\n".join(rule_material_claims(pages, done, ranks, args.list)))
    if args.same_as is not None:
        print_differing(done, pickle.loads(args.same_as.read_bytes()), ranks, {p.page for p in pages}, args.same_as)
    return 0


def print_pools(pages: list, done: dict, ranks: dict[str, int], rules_only: bool) -> None:
    """One line a pool and one for them all; with ``rules_only`` (``pages`` then holds no judge's page) the
    judge pools are not printed and the last line is "rules" all: the rule-material pools together."""
    for name in [n for n in POOLS if not (rules_only and n in HELD_OUT)] + ["all"]:
        sel = [p for p in pages if name == "all" or pool_of(p.page, ranks) == name]
        res, _ = cr.evaluate(sel, analysed=done)
        label = "rules-all" if rules_only and name == "all" else name
        print(f"{label:6s} {res['pages']:3d} pages  precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
              f"wrong speaker {res['wrong_speaker']:.3f}  outputs {res['outputs']}")


def print_differing(done: dict, other: dict, ranks: dict[str, int], shown: set[str], path: Path) -> None:
    """The pages of ``shown`` whose claims differ from another analysis, per pool."""
    diff = [page for page in differing_pages(done, other) if page in shown]
    print(f"claims differ from {path} on {len(diff)} of {len(shown)} pages")
    for page in diff:
        print(f"  {pool_of(page, ranks):6s} {page}")


if __name__ == "__main__":
    sys.exit(main())
