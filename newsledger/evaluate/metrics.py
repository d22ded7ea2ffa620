"""The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark evaluate.py):
``\\w+`` tokens, multisets of 4-token shingles, per-page TP/FP/FN normalised to sum to 1,
precision and recall averaged over pages (pages with empty output left out of precision),
F1 of the two averages; accuracy = exact token-sequence match."""
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
