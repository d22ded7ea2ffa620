"""Articles per second for `analyze` over the article-extraction-benchmark HTML pages, with the
bare cost of trafilatura extraction + the spaCy pipeline on the same pages measured in the same
run beside it (the issue's baseline). Rounds alternate the order; the best round counts.

    .venv/bin/python benchmarks/analyze_throughput.py [--rounds 2] [--limit 181]
"""
from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

from newsledger.evaluate import data_dir


def load_pages(limit: int) -> list[tuple[str, bytes]]:
    d = data_dir("article-extraction-benchmark") / "html"
    pages = []
    for p in sorted(d.glob("*.html.gz"))[:limit]:
        pages.append((p.name, gzip.decompress(p.read_bytes())))
    return pages


def bare(pages) -> int:
    """trafilatura.extract + the spaCy pipeline, nothing else."""
    import trafilatura

    from newsledger.analyze.nlp import get_nlp

    nlp = get_nlp()
    texts = [trafilatura.extract(raw.decode("utf-8", "replace")) or "" for _, raw in pages]
    n = 0
    for _ in nlp.pipe(texts, batch_size=16):
        n += 1
    return n


def ours(pages) -> int:
    """newsledger extract + analyze (every component), as `newsledger analyze` runs it."""
    from newsledger.model import Article, Document
    from newsledger.pipeline import process

    docs = [Document(source=name, raw=raw, kind="html") for name, raw in pages]
    return sum(isinstance(a, Article) for a, _ in process(docs, analyze=True, timeout=None))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=181)
    args = ap.parse_args(argv)
    pages = load_pages(args.limit)
    from newsledger.analyze.nlp import get_nlp

    get_nlp()  # model load is not timed for either side
    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    for r in range(args.rounds):
        order = [("baseline: trafilatura + spaCy", bare), ("newsledger analyze", ours)]
        if r % 2:
            order.reverse()
        for name, fn in order:
            t0 = time.perf_counter()
            counts[name] = fn(pages)
            dt = time.perf_counter() - t0
            best[name] = min(best.get(name, dt), dt)
    base = best["baseline: trafilatura + spaCy"]
    print(f"{len(pages)} pages, best of {args.rounds} rounds")
    print(f"{'system':34} {'articles':>8} {'seconds':>8} {'art/s':>7} {'vs baseline':>11}")
    for name, dt in best.items():
        print(f"{name:34} {counts[name]:>8} {dt:>8.1f} {len(pages) / dt:>7.1f} {base / dt:>10.2f}x")


if __name__ == "__main__":
    main()
