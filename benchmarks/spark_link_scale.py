"""Scale of the link stage on Spark (``newsledger spark-link``) against the single-process
linker, on the same generated corpus, in the same run.

The corpus is :func:`link_scale.generate` with claims (stories with their own terms and
names, 10 % mutated copies, a figure per story that most sources repeat and some contradict,
denials), written as the Parquet tables ``newsledger spark`` writes. Per size, each side runs
as a whole process, as users run it:

* **spark**: ``newsledger spark-link OUT --master local[2]`` (JVM start included), then
  ``newsledger load OUT`` into a fresh SQLite ledger (stores the precomputed link tables);
* **single**: the same articles stored into a fresh ledger and linked by ``link_new`` in one
  process (``load_parquet(..., link_tables=False)``: the linker's 500-article chunks).

Reported: wall seconds of each step, peak memory (the sum of RSS over the process tree --
Spark's JVM and Python workers included -- sampled every 0.2 s), growth per 10x articles of the
Spark link's wall time, and for sizes up to ``--compare-max`` the pairwise precision and recall
of the Spark copy groups, stories and claim groups against the single-process linker's. The
machine's load average is printed before and after (the machine may be shared).

    python benchmarks/spark_link_scale.py --sizes 10000            # P/R at 10k
    python benchmarks/spark_link_scale.py --sizes 10000 100000     # + 100k, growth per 10x
    python benchmarks/spark_link_scale.py --sizes 100000 --no-single   # Spark only
    python benchmarks/spark_link_scale.py --sizes 100000 1000000 --no-single --load-max 0
                                                       # spark-link alone at 100k and 1M, growth
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    kids: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            kids.setdefault(int(parts[1]), []).append(int(d))
            rss[int(d)] = int(parts[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += kids.get(p, [])
    return total


def timed(cmd: list[str], env: dict) -> dict:
    """Run ``cmd``; wall seconds and peak tree RSS (MB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def watch():
        while p.poll() is None:
            peak[0] = max(peak[0], _tree_rss(p.pid))
            time.sleep(0.2)

    w = threading.Thread(target=watch, daemon=True)
    w.start()
    out, err = p.communicate()
    w.join()
    if p.returncode:
        raise SystemExit(f"{' '.join(cmd[:4])}... failed ({p.returncode}): {err.strip()[-800:]}")
    return {"s": round(time.perf_counter() - t0, 1), "peak_mb": round(peak[0] / 2**20),
            "stdout": out.strip()}


def write_corpus(out: Path, n: int) -> None:
    from link_scale import generate

    from newsledger.spark.local import TableWriter
    from newsledger.spark.rows import article_rows

    w = TableWriter(out, rows_per_group=5000)
    for a, _story, _copy in generate(n, claims=True):
        for table, row in article_rows(a, None, "generated"):
            w.add(table, row)
    w.close()


def single(out: str, db: str) -> None:
    """The single-process linker over the corpus (what `load` does without link tables)."""
    from newsledger.link import link_new
    from newsledger.spark.load import load_parquet
    from newsledger.store import Ledger

    ledger = Ledger(db)
    t0 = time.perf_counter()
    rep = load_parquet(out, ledger, link=False)
    t1 = time.perf_counter()
    link_new(ledger, rep.ids)
    print(json.dumps({"store_s": round(t1 - t0, 1), "link_s": round(time.perf_counter() - t1, 1)}))


def run_size(n: int, tmp: Path, env: dict, with_single: bool, compare: bool, load: bool = True) -> dict:
    out = tmp / f"corpus{n}"
    t = time.perf_counter()
    write_corpus(out, n)
    row: dict = {"articles": n, "generate_s": round(time.perf_counter() - t, 1)}
    cli = [sys.executable, "-m", "newsledger.cli"]
    sl = timed(cli + ["spark-link", str(out), "--master", "local[2]", "--format", "json"], env)
    stages = json.loads(sl["stdout"]) if sl["stdout"].startswith("{") else {}
    row.update(spark_link_s=sl["s"], spark_link_peak_mb=sl["peak_mb"],
               spark_stages={k: v for k, v in stages.items() if k.endswith("_s")})
    if load:
        ld = timed(cli + ["load", str(out), "--db", str(tmp / f"spark{n}.db"), "--format", "json"], env)
        row.update(spark_load_s=ld["s"], spark_load_peak_mb=ld["peak_mb"],
                   spark_total_s=round(sl["s"] + ld["s"], 1))
    print(json.dumps(row), flush=True)  # the Spark side, before the (longer) single process
    if with_single:
        sg = timed([sys.executable, __file__, "--single", str(out), str(tmp / f"single{n}.db")], env)
        inner = json.loads(sg["stdout"].splitlines()[-1])
        row.update(single_s=sg["s"], single_store_s=inner["store_s"], single_link_s=inner["link_s"],
                   single_peak_mb=sg["peak_mb"])
    if with_single and compare:
        from newsledger.spark.linkcheck import agreement, group_pairs
        from newsledger.store import Ledger

        row["agreement"] = agreement(group_pairs(Ledger(str(tmp / f"single{n}.db"))),
                                     group_pairs(Ledger(str(tmp / f"spark{n}.db"))))
    shutil.rmtree(out, ignore_errors=True)
    return row


def run_sizes(args, tmp: Path) -> list[dict]:
    """Every size's row, its corpus and ledgers under ``tmp``, with the machine load before and after."""
    env = dict(os.environ)
    print(f"load average before: {os.getloadavg()}, cores: {os.cpu_count()}", flush=True)
    rows = []
    for n in args.sizes:
        r = run_size(n, tmp, env, not args.no_single, n <= args.compare_max,
                     args.load_max is None or n <= args.load_max)
        print(json.dumps(r), flush=True)
        rows.append(r)
    print(f"load average after: {os.getloadavg()}")
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--no-single", action="store_true", help="the Spark side only")
    ap.add_argument("--compare-max", type=int, default=100000,
                    help="pairwise P/R against the single-process linker up to this size")
    ap.add_argument("--load-max", type=int, default=None,
                    help="run `newsledger load` of the link tables only up to this size (default: every size)")
    ap.add_argument("--tmp", default=None, help="working directory (default: a temporary one)")
    ap.add_argument("--single", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.single:
        single(*args.single)
        return
    if args.tmp:  # kept: the caller asked for it
        Path(args.tmp).mkdir(parents=True, exist_ok=True)
        rows = run_sizes(args, Path(args.tmp))
    else:  # corpora and ledgers of every size, removed at the end
        with tempfile.TemporaryDirectory(prefix="sparklink-") as tmp:
            rows = run_sizes(args, Path(tmp))
    for r in rows:
        line = f"{r['articles']:>8} articles: spark-link {r['spark_link_s']} s (peak {r['spark_link_peak_mb']} MB)"
        if "spark_load_s" in r:
            line += f" + load {r['spark_load_s']} s = {r['spark_total_s']} s"
        if "single_s" in r:
            line += (f" | single process {r['single_s']} s (store {r['single_store_s']} s, link "
                     f"{r['single_link_s']} s, peak {r['single_peak_mb']} MB)")
        print(line)
        for kind, a in (r.get("agreement") or {}).items():
            print(f"    {kind}: P {a['precision']} R {a['recall']} ({a['pairs']} pairs, reference {a['reference_pairs']})")
    for a, b in zip(rows, rows[1:]):
        k = b["articles"] / a["articles"]
        per10 = lambda x: round(x ** (1 / max(1e-9, __import__('math').log10(k))), 1)  # noqa: E731
        print(f"{a['articles']} -> {b['articles']}: spark-link wall x{b['spark_link_s'] / a['spark_link_s']:.1f}"
              f" (x{per10(b['spark_link_s'] / a['spark_link_s'])} per 10x)"
              + (f", single process x{b['single_s'] / a['single_s']:.1f}" if "single_s" in b and "single_s" in a else ""))


if __name__ == "__main__":
    main()
