"""How sure a figure is: percentile intervals by resampling whole pages (a page bootstrap).

A figure such as the wrong-speaker share is a ratio of counts summed over pages, and the claims of one page are
not independent (one hard page can hold ten wrong names), so the pages, not the claims, are resampled. The
resampling is seeded: the same counts always print the same interval.
"""
from __future__ import annotations

import random
from typing import Mapping, Sequence

RATIO = tuple[tuple[str, ...], str]  # (numerator count names, summed; denominator count name)


def _ratio(totals: Mapping[str, float], ratio: RATIO) -> float:
    num, den = ratio
    return sum(totals[k] for k in num) / max(totals[den], 1)


def page_bootstrap(pages: Sequence[Mapping[str, float]], ratios: Mapping[str, RATIO], reps: int = 2000,
                   level: float = 0.95, seed: int = 0) -> dict[str, tuple[float, float]]:
    """For each named ratio of summed page counts, the ``level`` percentile interval over ``reps`` resamples of
    the pages (with replacement, as many as there are). No pages: no intervals."""
    if not pages:
        return {}
    rng = random.Random(seed)
    keys = {k for num, den in ratios.values() for k in (*num, den)}
    draws: dict[str, list[float]] = {name: [] for name in ratios}
    n = len(pages)
    for _ in range(reps):
        totals = dict.fromkeys(keys, 0.0)
        for _ in range(n):
            page = pages[rng.randrange(n)]
            for k in keys:
                totals[k] += page[k]
        for name, ratio in ratios.items():
            draws[name].append(_ratio(totals, ratio))
    lo_i, hi_i = int((1 - level) / 2 * reps), int((1 + level) / 2 * reps) - 1
    for v in draws.values():
        v.sort()
    return {name: (v[lo_i], v[hi_i]) for name, v in draws.items()}
