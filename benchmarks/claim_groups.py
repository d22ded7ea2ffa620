"""Claim groups under hostile input (issue 17, item 1): ordinary-looking pages whose every line
is a figure of the same unit and state, so the link stage puts them all into one claim group.

Four pages of ~300 lines each (~24 KB, within every CLI limit), each line like "Officials said
3716 homes were damaged on day 12, according to the ministry." with random figures and a
handful of sources, go through the real CLI ``ingest``. Printed: ingest wall time, the ledger's
size on disk, the largest claim group (members kept / found) and the latency of
``GET /api/conflicts`` (the first request, which builds the server's group cache from the
ledger, and the median of the next 20, served from that cache),
with the sample corpus as the same-run baseline.

    python benchmarks/claim_groups.py             # 4 pages of 300 lines
    python benchmarks/claim_groups.py --pages 3 --lines 1700
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("according to the ministry", "the police said", "the mayor's office said",
           "according to the red cross", "a fire brigade spokesman said", "the governor said")
THINGS = (("homes", "damaged"), ("homes", "destroyed"), ("homes", "flooded"))


def page_lines(n: int, rng: random.Random) -> list[str]:
    """``n`` lines, each one figure with a source: "Officials said 3716 homes were damaged on
    day 12, according to the ministry."."""
    out = []
    for _ in range(n):
        what, state = rng.choice(THINGS)
        out.append(f"Officials said {rng.randint(100, 9999)} {what} were {state} on day "
                   f"{rng.randint(1, 30)}, {rng.choice(SOURCES)}.")
    return out


def write_pages(folder: Path, pages: int = 4, lines: int = 300, seed: int = 17) -> list[Path]:
    """HTML pages of the reproduction, one story (same title words), one file each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(pages):
        body = "".join(f"<p>{line}</p>\n" for line in page_lines(lines, rng))
        html = (f"<html><head><meta charset='utf-8'><title>Flood damage in the valley, report {k + 1}"
                f"</title><meta name='date' content='2031-03-{10 + k:02d}'></head><body><article>"
                f"<h1>Flood damage in the valley, report {k + 1}</h1>\n{body}</article></body></html>")
        p = folder / f"flood-{k + 1}.html"
        p.write_text(html, encoding="utf-8")
        out.append(p)
    return out


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "newsledger.cli", *args], env=env,
                          capture_output=True, text=True)


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def _latency(db: Path) -> tuple[float, float, int]:
    """First and median-of-20 ``/api/conflicts`` latency (ms) and the body size of the first."""
    from fastapi.testclient import TestClient

    import newsledger.link.linker  # noqa: F401  (imported before timing: numpy, datasketch)
    from newsledger.serve import create_app
    from newsledger.store import Ledger

    client = TestClient(create_app(Ledger(str(db))))
    t = time.perf_counter()
    r = client.get("/api/conflicts")
    first = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(20):
        t = time.perf_counter()
        client.get("/api/conflicts")
        times.append((time.perf_counter() - t) * 1000)
    return first, statistics.median(times), len(r.content)


def _largest_group(db: Path) -> str:
    from newsledger.link import claim_groups
    from newsledger.store import Ledger

    gs = claim_groups(Ledger(str(db)))
    if not gs:
        return "none"
    g = max(gs, key=lambda g: g.get("size") or len(g["members"]))
    found = g.get("members_found", len(g["members"]))
    return f"{len(g['members'])} members kept of {found} found, {len(g.get('pairs') or [])} pairs stored"


def run(label: str, inputs: list[Path], work: Path) -> None:
    db = work / f"{label}.db"
    t = time.perf_counter()
    r = _cli("ingest", *map(str, inputs), "--db", str(db))
    ingest_s = time.perf_counter() - t
    for line in (r.stdout + r.stderr).splitlines():
        if r.returncode and line.strip():  # inputs the CLI refused, one line each
            print(f"{label:>12}: {line.strip()}")
    first, median, size = _latency(db)
    print(f"{label:>12}: ingest {ingest_s:.1f} s, ledger {_db_bytes(db) / 1e6:.2f} MB, "
          f"/api/conflicts first {first:.0f} ms, median {median:.1f} ms, {size / 1e3:.1f} KB; "
          f"largest group: {_largest_group(db)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=4)
    ap.add_argument("--lines", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        run("sample", [ROOT / "samples" / "corpus"], work)
        pages = write_pages(work / "pages", args.pages, args.lines)
        print(f"{'':>12}  {args.pages} pages of {args.lines} lines, "
              f"{sum(p.stat().st_size for p in pages) / args.pages / 1e3:.1f} KB each")
        run("reproduction", pages, work)


if __name__ == "__main__":
    main()
