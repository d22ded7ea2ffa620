"""Whole-process speed of ``newsledger extract`` against plain ``trafilatura.extract``, as the
acceptance check times it: both are separate processes over the same 181 HTML pages of the
article-extraction-benchmark, so interpreter start-up and imports count, and repetitions
alternate which one runs first so machine load hits both alike.

- ours: ``newsledger extract <181 .html.gz> --format jsonl > /dev/null``
- reference: ``python -c`` reading each page (gunzip, UTF-8) and printing
  ``trafilatura.extract(html)`` (all defaults), stdout to /dev/null.

Throughput is pages / wall seconds of the process; the ratio is ours / reference from the
summed times (the figure reported), with its spread over the repetitions. The CPU seconds
(user + system) of each process are printed too: on a loaded machine they vary less than wall
time. The same measurement runs in ``python -m newsledger.evaluate.extraction``
(:func:`newsledger.evaluate.extraction.process_speed`).

    .venv/bin/python benchmarks/extract_speed.py [--reps 5] [--limit 181] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics

from newsledger.evaluate.extraction import print_process_speed, process_speed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5, help="repetitions of each process (alternating)")
    ap.add_argument("--limit", type=int, default=None, help="first N pages only")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    sp = process_speed(args.reps, limit=args.limit, log=None if args.json else print)
    if args.json:
        print(json.dumps(sp, indent=2))
        return 0
    for name, label in (("ours", "newsledger extract"), ("reference", "trafilatura.extract")):
        print(f"{label:20} median {statistics.median(sp['wall_s'][name]):.2f} s per run, "
              f"CPU median {statistics.median(sp['cpu_s'][name]):.2f} s")
    print_process_speed(sp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
