"""The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark evaluate.py):
``\\w+`` tokens, multisets of 4-token shingles, per-page TP/FP/FN normalised to sum to 1,
precision and recall averaged over pages (pages with empty output left out of precision),
F1 of the two averages; accuracy = exact token-sequence match.

Also trafilatura-eval's segment metric (:func:`segment_counts`, :func:`segment_scores`)."""
from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(tokens: list[str], n: int = 4) -> Counter:
    return Counter(t for t in (tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))) if t)


def page_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page, as the benchmark's ``_get_shingle_tp_fp_fn``."""
    p, g = shingles(tokenize(pred)), shingles(tokenize(gold))
    tp = sum((p & g).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(preds: dict[str, str], golds: dict[str, str]) -> dict[str, float]:
    """Benchmark scores over all gold items; ``preds`` may lack items (scored as empty)."""
    precisions, recalls, exact = [], [], 0
    for key, gold in golds.items():
        pred = preds.get(key) or ""
        tp, fp, fn = page_counts(pred, gold)
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
        exact += tokenize(pred) == tokenize(gold)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": exact / len(golds) if golds else 0.0,
            "pages": len(golds)}


# ---------------------------------------------------------------- trafilatura-eval segment metric

_WS = re.compile(r"\s+")


def _norm_ws(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def segment_counts(pred: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """trafilatura's benchmark count for one page (``tests/eval_common.py: count_item``):
    (tp, fp, fn, tn) by whitespace-normalised substring matching; a "with" segment found is a
    TP (else FN), a "without" segment found is an FP (else TN)."""
    text = _norm_ws(pred)
    tp = sum(_norm_ws(w) in text for w in with_)
    fp = sum(_norm_ws(w) in text for w in without)
    return tp, fp, len(with_) - tp, len(without) - fp


def segment_scores(tp: int, fp: int, fn: int, tn: int) -> dict[str, float]:
    """Micro-averaged precision, recall, accuracy and F1 over all segments
    (``ConfusionMatrix.scores`` in trafilatura's ``tests/eval_common.py``)."""
    total = tp + fp + fn + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
    }
