#!/usr/bin/env python
"""Streaming check: peak memory of ``newsledger ingest`` stays flat as the input grows.

Generates small synthetic news pages in a temp dir and measures the peak RSS of one
``newsledger ingest`` process (``resource.getrusage(RUSAGE_CHILDREN)`` of a wrapper that runs
only that process) on 1,000 and on 10,000 pages, and prints both with the ratio (target
<= 1.5). ``--stage pipeline`` measures read -> extract -> store without the linking that the
CLI runs afterwards, to tell the two apart.

    python benchmarks/ingest_memory.py                      # 1k and 10k, --no-analyze; 1k analysed
    python benchmarks/ingest_memory.py --sizes 1000 10000 --analyze-all   # analyse 10k too (slow)
    python benchmarks/ingest_memory.py --stage pipeline --skip-analyze

Measured (2 cores, this repo at the time of writing): the pipeline stays flat (1k: ~120 MB,
10k: ~125 MB); the CLI's peak grows with the linking it runs after ingest (see the report).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WRAP = """import json, resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
json.dump({"rc": r.returncode, "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
           "seconds": time.monotonic() - t, "stdout": r.stdout[-2000:], "stderr": r.stderr[-2000:]},
          open(sys.argv[1], "w"))
"""

PIPELINE = """import sys
from newsledger.pipeline import ingest
from newsledger.read import read
from newsledger.store import Ledger
r = ingest(read([sys.argv[1]]), Ledger(sys.argv[2]), analyze=sys.argv[3] == "1")
print('{"new": %d, "failed": %d}' % (r.new, r.failed))
"""

COMMON = ("harbour council minister union strike river bridge budget school hospital police farmers "
          "election court ferry storm water energy prices workers village mayor report inspectors "
          "contract talks safety island road museum festival drought harvest said told officials").split()


def _word(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(COMMON)
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def page(i: int, rng: random.Random) -> str:
    def sent():
        return " ".join(_word(rng) for _ in range(rng.randint(12, 24))).capitalize() + "."
    who = " ".join(_word(rng).capitalize() for _ in range(2))
    paras = [f"<p>{sent()} {sent()}</p>" for _ in range(rng.randint(3, 6))]
    paras.insert(1, f'<p>"{sent()}" {who} told reporters on Monday.</p>')
    return (f"<html><head><title>{sent()[:60]}</title>"
            f'<link rel="canonical" href="https://site{i % 23}.example/news/{i}">'
            f'<meta property="article:published_time" content="2031-0{1 + i % 9}-1{i % 10}T08:00:00Z">'
            f'</head><body><nav><a href="/">Home</a></nav><article><h1>{sent()[:60]}</h1>'
            + "\n".join(paras) + "</article><footer>Copyright</footer></body></html>")


def generate(d: Path, n: int, seed: int = 1) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        sub = d / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"p{i:06d}.html").write_text(page(i, rng))
    return d


def measure(src: Path, n: int, analyze: bool, stage: str, work: Path) -> dict:
    db = work / f"ledger-{n}-{int(analyze)}-{stage}.db"
    for p in work.glob(db.name + "*"):
        p.unlink()
    if stage == "cli":
        cmd = [sys.executable, "-m", "newsledger.cli", "ingest", str(src), "--db", str(db), "--format", "json"]
        if not analyze:
            cmd.append("--no-analyze")
    else:
        cmd = [sys.executable, "-c", PIPELINE, str(src), str(db), "1" if analyze else "0"]
    rec = work / "rec.json"
    subprocess.run([sys.executable, "-c", WRAP, str(rec), *cmd], cwd=ROOT, check=True)
    r = json.loads(rec.read_text())
    if r["rc"] not in (0, 1):
        raise SystemExit(f"ingest failed ({r['rc']}): {r['stderr']}")
    out = json.loads(r["stdout"]) if r["stdout"].strip().startswith("{") else {}
    return {"pages": n, "analyze": analyze, "stage": stage, "peak_mb": r["peak_kb"] / 1024,
            "seconds": r["seconds"], "new": out.get("new"), "failed": out.get("failed")}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    ap.add_argument("--stage", choices=["cli", "pipeline"], default="cli")
    ap.add_argument("--analyze-all", action="store_true", help="analyse the large run too (slow)")
    ap.add_argument("--skip-analyze", action="store_true", help="only the --no-analyze runs")
    ap.add_argument("--keep", help="generate into this dir and keep it")
    a = ap.parse_args(argv)
    small, large = a.sizes
    with tempfile.TemporaryDirectory(prefix="nl-mem-") as tmp:
        work = Path(a.keep or tmp)
        t = time.monotonic()
        big = generate(work / f"pages-{large}", large)
        little = generate(work / f"pages-{small}", small)
        print(f"generated {small:,} and {large:,} pages in {time.monotonic() - t:.0f} s", flush=True)
        runs = [(little, small, False), (big, large, False)]
        if not a.skip_analyze:
            runs.insert(0, (little, small, True))
        if a.analyze_all:
            runs.append((big, large, True))
        rows = []
        for src, n, analyze in runs:
            r = measure(src, n, analyze, a.stage, work)
            rows.append(r)
            print(f"{a.stage:>8}  {n:>6,} pages  {'analyze' if analyze else '--no-analyze':>12}  "
                  f"peak {r['peak_mb']:7.1f} MB  {r['seconds']:7.1f} s  new={r['new']} failed={r['failed']}",
                  flush=True)
        for analyze in (False, True):
            pair = [r for r in rows if r["analyze"] == analyze]
            if len(pair) == 2:
                ratio = pair[1]["peak_mb"] / pair[0]["peak_mb"]
                print(f"ratio {large:,}/{small:,} ({'analyze' if analyze else '--no-analyze'}): {ratio:.2f} "
                      f"({'ok' if ratio <= 1.5 else 'OVER'} target 1.5)")


if __name__ == "__main__":
    main()
