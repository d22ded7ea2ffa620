"""Fit the claim confidence (:mod:`newsledger.analyze.confidence`) on the **dev** split of the
real-news claim gold, and print the threshold for precision >= 0.90.

    PYTHONPATH=$PWD .venv/bin/python scripts/calibrate_confidence.py [--gold-dir DIR ...] [--write]

Every dev page is analysed once; each output claim is labelled 1 when it is right (content and
speaker, :func:`newsledger.evaluate.claims_real.score_page`), else 0. Leave-one-page-out
logistic regressions (L2) give out-of-fold probabilities; the threshold is the lowest one whose
out-of-fold precision (the evaluator's: unresolved speakers counted right) is >= the target and
whose out-of-fold wrong-speaker share is <= ``--max-wrong`` (the issue's 3%). The
final weights are fit on all dev pages; ``--write`` saves them to ``data/confidence_model.json``.
Test pages are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger.analyze.confidence import ConfidenceModel, features  # noqa: E402
from newsledger.evaluate.claims_real import analyzed_claims, load_gold, score_page  # noqa: E402


def dataset(gold_dirs):
    pages = load_gold(gold_dirs, "dev")
    analysed = analyzed_claims(pages)
    rows, labels, good, wrong, groups = [], [], [], [], []
    for k, p in enumerate(pages):
        text, claims = analysed[p.page]
        t = score_page(text, p.claims, claims)
        for c, v in zip(claims, t.verdicts):
            rows.append(features(c))
            labels.append(1.0 if v == "right" else 0.0)
            good.append(v in ("right", "unresolved"))
            wrong.append(v == "wrong-speaker")
            groups.append(k)
    names = sorted({n for r in rows for n in r})
    X = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    return names, X, np.array(labels), np.array(good), np.array(wrong), np.array(groups), pages


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-dir", action="append", default=[])
    ap.add_argument("--target", type=float, default=0.90, help="precision to reach")
    ap.add_argument("--max-wrong", type=float, default=0.03, help="wrong-speaker share to stay under")
    ap.add_argument("--l2", type=float, default=0.3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    names, X, y, good, wrong, groups, pages = dataset([Path(d) for d in args.gold_dir])
    bias = names.index("bias")
    oof = np.zeros(len(y))
    for g in np.unique(groups):
        tr = groups != g
        w = fit(X[tr], y[tr], args.l2, bias)
        oof[~tr] = 1 / (1 + np.exp(-np.clip(X[~tr] @ w, -30, 30)))
    thr = threshold_for(oof, good, wrong, args.target, args.max_wrong)
    keep = oof >= thr
    print(f"dev: {len(pages)} pages, {len(y)} output claims, {int(y.sum())} right, {int(good.sum())} right or unresolved")
    print(f"out-of-fold: threshold {thr:.3f} keeps {int(keep.sum())} claims, precision {good[keep].mean():.3f}, "
          f"wrong speaker {wrong[keep].mean():.3f}")
    w = fit(X, y, args.l2, bias)
    weights = {n: round(float(v), 4) for n, v in zip(names, w)}
    for n in sorted(weights, key=lambda k: -abs(weights[k]))[:12]:
        print(f"  {n:<16} {weights[n]:+.3f}")
    if args.write:
        model = ConfidenceModel(weights, {"threshold": round(thr, 3), "target_precision": args.target,
                                          "max_wrong_speaker": args.max_wrong,
                                          "dev_pages": len(pages), "dev_outputs": len(y), "l2": args.l2,
                                          "bias_index": bias})
        model.save()
        print("wrote data/confidence_model.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
