"""Fit the claim confidence (:mod:`newsledger.analyze.confidence`) on the **dev** split of the
real-news claim gold, and print the threshold for precision >= 0.90.

    PYTHONPATH=$PWD .venv/bin/python scripts/calibrate_confidence.py [--gold-dir DIR ...] [--judge PREFIX] [--write]

Every dev page outside the held-out pools (``check``, ``te3c`` and ``ecbc`` of ``scripts/claims_pools.py``,
the judges of rule changes; ``--with-held-out`` reads them too, never for a shipped model) is analysed once (``--cache FILE`` keeps the analysis for a rerun with other
options); each output claim is labelled 1 when it is right (content and speaker,
:func:`newsledger.evaluate.claims_real.score_page`), else 0 (``--label content``: 1 also for an
unresolved claim whose content matches a gold claim, the scorer's ``precision`` sense; tried by
h-claims31 and not shipped: out of fold it let more spurious claims through). Everything is chosen by
leave-one-page-out logistic regressions (L2) on dev:

* the L2 strength: the one of :data:`L2_GRID` with the lowest out-of-fold log-loss (``--l2`` fixes it);
* the lowest threshold: the lowest one whose out-of-fold precision (the evaluator's: unresolved speakers
  counted right) is >= the target and whose out-of-fold wrong-speaker share is <= ``--max-wrong``
  (the issue's 3%), both on all dev pages **and** on the ``--newest`` most recently added dev pages
  (by the git history of their gold files): the newest kinds of page are the ones the held-out
  pages resemble least, so the threshold must hold on them too.

It prints the out-of-fold precision (and strict precision), wrong-speaker and unresolved shares and
recall (core claims), as the scorer counts them, at that threshold
and at the shipped :data:`DEFAULT_MIN_CONFIDENCE` (set by hand, at or above the lowest threshold: it
does not go down while the last held-out precision is short of the target). The final weights are fit on all dev pages;
``--write`` saves them to ``data/confidence_model.json``. ``--judge PREFIX`` (e.g. ``pol-``) also scores
the dev pages whose id starts with it three ways, out of fold: the shipped model (the claims' own
confidence, fit before those pages existed), a fit on the other dev pages alone, and the all-pages
leave-one-page-out run, each with its lowest threshold for the targets on those pages and a grid of
figures (:func:`judge`). Test pages are never read.
"""
from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE, ConfidenceModel, features  # noqa: E402
from newsledger.evaluate.claims_real import GOLD_DIR, Tally, analyzed_claims, load_gold, score_page  # noqa: E402

L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)


def analysed_pages(pages, cache: Path | None):
    """page id -> (text, claims), from ``cache`` when it holds these pages, else analysed (and cached)."""
    ids = sorted(p.page for p in pages)
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if sorted(stored) == ids:
            return stored
    analysed = analyzed_claims(pages)
    if cache is not None:
        cache.write_bytes(pickle.dumps(analysed))
    return analysed


LABELS = ("right", "content")


def dataset(pages, analysed, drop=(), label: str = "right"):
    """Feature matrix and labels of every output claim of every page (``groups``: its page's index).
    ``label`` "right": 1 for a claim right in content and speaker; "content": also for an unresolved
    claim whose content matches a gold claim (the scorer's ``precision``: right content, no wrong name)."""
    rows, labels, good, wrong, groups = [], [], [], [], []
    for k, p in enumerate(pages):
        text, claims = analysed[p.page]
        for c, v in zip(claims, score_page(text, p.claims, claims).verdicts):
            rows.append({n: x for n, x in features(c).items() if not n.startswith(tuple(drop))})
            labels.append(1.0 if v == "right" or (label == "content" and v == "unresolved") else 0.0)
            good.append(v in ("right", "unresolved"))
            wrong.append(v == "wrong-speaker")
            groups.append(k)
    names = sorted({n for r in rows for n in r})
    X = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    return names, X, np.array(labels), np.array(good), np.array(wrong), np.array(groups)


def fit(X, y, l2: float = 1.0, bias: int = 0, iters: int = 200) -> np.ndarray:
    """Logistic regression by Newton steps (no penalty on the bias column)."""
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[bias] = 1e-6
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def out_of_fold(X, y, groups, l2: float, bias: int) -> np.ndarray:
    """Leave-one-page-out probabilities: each page's claims scored by weights fit without it."""
    oof = np.zeros(len(y))
    for g in np.unique(groups):
        tr = groups != g
        w = fit(X[tr], y[tr], l2, bias)
        oof[~tr] = 1 / (1 + np.exp(-np.clip(X[~tr] @ w, -30, 30)))
    return oof


def log_loss(p, y) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def threshold_for(probs, good, wrong, target: float, max_wrong: float) -> float:
    """The lowest threshold whose kept claims have precision >= target and wrong speakers <= max_wrong."""
    order = np.argsort(-probs)
    best = 1.0
    hits = bad = 0
    for n, i in enumerate(order, 1):
        hits += good[i]
        bad += wrong[i]
        if hits / n >= target and bad / n <= max_wrong:
            best = probs[i]
    return float(best)


def newest_pages(pages, n: int) -> set[int]:
    """Indexes of the ``n`` pages whose gold files git added last (ties by page id)."""
    def added(page: str) -> int:
        out = subprocess.run(["git", "log", "--diff-filter=A", "--format=%ct", "-1", "--", f"{page}.json"],
                             cwd=GOLD_DIR, capture_output=True, text=True).stdout.strip()
        return int(out) if out else 0
    order = sorted(range(len(pages)), key=lambda k: (added(pages[k].page), pages[k].page))
    return set(order[-n:]) if n > 0 else set()


def oof_figures(thr, oof, groups, pages, analysed) -> str:
    """Out-of-fold precision (strict: unresolved counted wrong), wrong-speaker and unresolved shares
    and core recall of the claims kept at ``thr``, as the scorer counts them."""
    total = Tally()
    for k, p in enumerate(pages):
        text, claims = analysed[p.page]
        total.add(score_page(text, p.claims, [c for c, x in zip(claims, oof[groups == k]) if x >= thr]))
    f = total.figures()
    return (f"threshold {thr:.3f} keeps {f['outputs']} claims, precision {f['precision']:.3f} "
            f"(strict {f['strict_precision']:.3f}), wrong speaker {f['wrong_speaker']:.3f}, "
            f"unresolved {f['unresolved']:.3f}, recall (core) {f['recall']:.3f}")


def view_of(probs, groups, pages, keep):
    """(probabilities, page indexes renumbered, pages) of the pages of index set ``keep`` alone."""
    sub = np.isin(groups, sorted(keep))
    return probs[sub], np.searchsorted(sorted(keep), groups[sub]), [pages[k] for k in sorted(keep)]


def report(thr, oof, groups, pages, analysed, newest) -> None:
    """Out-of-fold figures at the chosen and the shipped threshold, on all dev pages and the newest."""
    views = [(f"all {len(pages)} dev pages", oof, groups, pages),
             (f"the {len(newest)} newest dev pages", *view_of(oof, groups, pages, newest))]
    for title, *view in views:
        print(f"out-of-fold, {title}:")
        for t in sorted({thr, DEFAULT_MIN_CONFIDENCE}):
            print("  " + ("lowest  " if t == thr else "shipped ") + oof_figures(t, *view, analysed))


JUDGE_GRID = (0.3, 0.4, 0.5, 0.6, DEFAULT_MIN_CONFIDENCE, 0.75, 0.8, 0.85, 0.9)


def judged(pages, prefix: str) -> set[int]:
    """Indexes of the pages whose id starts with ``prefix``: judged only, never fit on (``--judge``)."""
    return {k for k, p in enumerate(pages) if p.page.startswith(prefix)}


def judge(prefix, data, oof, pages, analysed, args) -> None:
    """The ``prefix`` pages (``--judge``), never in the fit, scored three ways: by the shipped model (the
    claims' own confidence), by a fit on the other pages alone (L2 chosen on them), and by the all-pages
    leave-one-page-out ``oof``; for each, the lowest threshold for the targets (and for precision alone) on
    those pages and their figures over :data:`JUDGE_GRID`."""
    X, y, good, wrong, groups, bias = data
    pool = judged(pages, prefix)
    fold = np.isin(groups, sorted(pool))
    print(f"{prefix} pages: {len(pool)}, {int(fold.sum())} output claims; L2 for the fit on the other "
          f"{len(pages) - len(pool)} pages:")
    l2, _ = choose_l2(X[~fold], y[~fold], groups[~fold], bias, args.l2)
    fresh = 1 / (1 + np.exp(-np.clip(X @ fit(X[~fold], y[~fold], l2, bias), -30, 30)))
    shipped = np.array([c.confidence for p in pages for c in analysed[p.page][1]])
    for title, probs in (("the shipped model", shipped), (f"fit on the other pages (l2 {l2})", fresh),
                         ("leave-one-page-out on all dev pages", oof)):
        both = threshold_for(probs[fold], good[fold], wrong[fold], args.target, args.max_wrong)
        alone = threshold_for(probs[fold], good[fold], wrong[fold], args.target, 1.0)
        print(f"{title}, on the {prefix} pages: lowest threshold for precision >= {args.target} and wrong <= "
              f"{args.max_wrong}: {both:.3f}; for precision alone: {alone:.3f}")
        for t in sorted({both, alone, *JUDGE_GRID}):
            print("  " + oof_figures(t, *view_of(probs, groups, pages, pool), analysed))


def choose_l2(X, y, groups, bias, fixed):
    """(l2, out-of-fold probabilities): ``fixed``, else the grid's lowest out-of-fold log-loss."""
    runs = {l2: out_of_fold(X, y, groups, l2, bias) for l2 in ([fixed] if fixed is not None else L2_GRID)}
    for l2, oof in runs.items():
        print(f"  l2 {l2:<5} out-of-fold log-loss {log_loss(oof, y):.4f}")
    best = min(runs, key=lambda l2: log_loss(runs[l2], y))
    return best, runs[best]


def choose_threshold(oof, good, wrong, groups, newest, args) -> float:
    """The lowest threshold meeting the targets on all dev pages and on the newest ones."""
    thr = threshold_for(oof, good, wrong, args.target, args.max_wrong)
    new = np.isin(groups, sorted(newest))
    if new.any():
        thr = max(thr, threshold_for(oof[new], good[new], wrong[new], args.target, args.max_wrong))
    return thr


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-dir", action="append", default=[])
    ap.add_argument("--target", type=float, default=0.90, help="precision to reach")
    ap.add_argument("--max-wrong", type=float, default=0.03, help="wrong-speaker share to stay under")
    ap.add_argument("--l2", type=float, default=None, help=f"fix the L2 strength (default: best of {L2_GRID})")
    ap.add_argument("--newest", type=int, default=20, help="the threshold must also hold on this many newest pages")
    ap.add_argument("--drop", default="", help="comma-separated feature-name prefixes to leave out")
    ap.add_argument("--cache", type=Path, help="pickle of the analysed dev pages (read if it holds them)")
    ap.add_argument("--label", choices=LABELS, default="right",
                    help="a claim's label: right in content and speaker, or right content with no wrong name")
    ap.add_argument("--judge", default="", help="page-id prefix (e.g. pol-) of dev pages also judged by a fit on "
                                                "the other pages alone")
    ap.add_argument("--with-held-out", action="store_true",
                    help="fit on the held-out pools too (check, te3c, ecbc: scripts/claims_pools.py); never for a shipped model")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    pages = load_gold([Path(d) for d in args.gold_dir], "dev")
    if not args.with_held_out:
        from claims_pools import HELD_OUT, fit_pages

        kept = fit_pages(pages)
        print(f"left out of the fit: {len(pages) - len(kept)} dev pages of the held-out pools ({', '.join(HELD_OUT)})")
        pages = kept
    analysed = analysed_pages(pages, args.cache)
    names, X, y, good, wrong, groups = dataset(pages, analysed, [d for d in args.drop.split(",") if d], args.label)
    bias = names.index("bias")
    print(f"dev: {len(pages)} pages, {len(y)} output claims, {int(y.sum())} labelled 1 ({args.label}), "
          f"{int(good.sum())} right or unresolved")
    l2, oof = choose_l2(X, y, groups, bias, args.l2)
    newest = newest_pages(pages, args.newest)
    thr = choose_threshold(oof, good, wrong, groups, newest, args)
    report(thr, oof, groups, pages, analysed, newest)
    if args.judge:
        judge(args.judge, (X, y, good, wrong, groups, bias), oof, pages, analysed, args)
    w = fit(X, y, l2, bias)
    weights = {n: round(float(v), 4) for n, v in zip(names, w)}
    for n in sorted(weights, key=lambda k: -abs(weights[k]))[:12]:
        print(f"  {n:<16} {weights[n]:+.3f}")
    if args.write:
        model = ConfidenceModel(weights, {"lowest_threshold": round(thr, 3), "target_precision": args.target,
                                          "max_wrong_speaker": args.max_wrong, "newest_pages": args.newest,
                                          "dev_pages": len(pages), "dev_outputs": len(y), "l2": l2, "label": args.label,
                                          "bias_index": bias})
        model.save()
        print("wrote data/confidence_model.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
