"""Articles per second: one process vs Spark local[1] vs local[2], on the same WARC files.

The pages are the article-extraction benchmark's HTML (../shared/data/article-extraction-
benchmark/html/*.html.gz, 181 pages, with their URLs from ground-truth.json), written into a
few WARC files in a temporary directory (never into the repository). The three runs must
give the same article ids and the same claims; the script exits 1 when they differ.

    .venv/bin/python benchmarks/spark_throughput.py                # 181 pages, 6 WARC files
    .venv/bin/python benchmarks/spark_throughput.py --repeat 2     # each page twice (distinct URLs)
    .venv/bin/python benchmarks/spark_throughput.py --no-analyze   # extraction only

Each Spark run is its own ``python -m newsledger.spark.job`` process, so its figures include
the JVM start; "steady" excludes the session start and the Parquet write. The one-process
figure is ``newsledger.pipeline.process(read(warcs), analyze=True)``, what ``ingest`` runs
before storing.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"


def build_warcs(out: Path, n_files: int, repeat: int = 1, limit: int | None = None) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    truth = json.loads((DATA / "ground-truth.json").read_text())
    pages = sorted((DATA / "html").glob("*.html.gz"))[:limit]
    records = []
    for r in range(repeat):
        for p in pages:
            key = p.name.split(".")[0]
            url = (truth.get(key) or {}).get("url") or f"https://bench.example/{key}"
            if r:
                url += ("&" if "?" in url else "?") + f"bench_copy={r}"
            records.append((url, gzip.decompress(p.read_bytes())))
    paths = [out / f"bench-{i:02d}.warc.gz" for i in range(n_files)]
    files = [open(p, "wb") for p in paths]
    writers = [WARCWriter(f, gzip=True) for f in files]
    for i, (url, html) in enumerate(records):  # round robin: files of similar size
        w = writers[i % n_files]
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html),
                                            http_headers=http))
    for f in files:
        f.close()
    return [str(p) for p in paths]


def claim_key(article_id, idx, c):
    return (article_id, idx, (c.get("source") or {}).get("name"), c["cue"]["text"],
            c["content"]["text"], c["stance"], c["content"]["start"], c["content"]["end"])


def one_process(warcs: list[str], analyze: bool, timeout: float) -> dict:
    from newsledger.model import Failure
    from newsledger.pipeline import process
    from newsledger.read import read

    t0 = time.perf_counter()
    ids, claims, failed = set(), set(), 0
    for result, _doc in process(read(warcs), analyze=analyze, timeout=timeout):
        if isinstance(result, Failure):
            failed += 1
            continue
        ids.add(result.id)
        for i, c in enumerate(result.claims):
            claims.add(claim_key(result.id, i, c.to_dict()))
    secs = time.perf_counter() - t0
    return {"run": "one process", "articles": len(ids), "failed": failed, "claims": len(claims),
            "seconds": round(secs, 1), "articles_per_s": round(len(ids) / secs, 2),
            "steady_articles_per_s": round(len(ids) / secs, 2), "_ids": ids, "_claims": claims}


def spark_run(warcs: list[str], out: Path, master: str, analyze: bool, timeout: float) -> dict:
    import pyarrow.dataset as ds

    cmd = [sys.executable, "-m", "newsledger.spark.job", *warcs, "--out", str(out),
           "--master", master, "--timeout", str(timeout)] + ([] if analyze else ["--no-analyze"])
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=out.parent)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{master}: the job failed:\n{proc.stderr[-4000:]}")
    rep = json.loads(proc.stdout.strip().splitlines()[-1])
    arts = ds.dataset(str(out / "articles"), format="parquet").to_table(columns=["id"]).to_pylist()
    ids = {r["id"] for r in arts}
    claims = set()
    for r in ds.dataset(str(out / "claims"), format="parquet").to_table(columns=["article_id", "idx", "data"]).to_pylist():
        claims.add(claim_key(r["article_id"], r["idx"], json.loads(r["data"])))
    steady = rep["process_seconds"]
    return {"run": f"spark {master}", "articles": len(ids), "failed": rep["errors"],
            "claims": len(claims), "seconds": round(wall, 1),
            "articles_per_s": round(len(ids) / wall, 2),
            "steady_articles_per_s": round(len(ids) / steady, 2) if steady else None,
            "startup_s": rep["startup_seconds"], "process_s": rep["process_seconds"],
            "write_s": rep["write_seconds"], "_ids": ids, "_claims": claims}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=6, help="WARC files to spread the pages over")
    ap.add_argument("--repeat", type=int, default=1, help="copies of each page (distinct URLs)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    ap.add_argument("--no-analyze", action="store_true", help="extraction only")
    ap.add_argument("--timeout", type=float, default=600,
                    help="per-document limit (s); large so a busy machine times out nothing")
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    if not (DATA / "html").is_dir():
        sys.exit(f"{DATA}: not found (the shared data sits beside the repository)")
    analyze = not args.no_analyze
    with tempfile.TemporaryDirectory(prefix="nl-spark-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "warc").mkdir()
        warcs = build_warcs(tmp / "warc", args.files, args.repeat, args.limit)
        print(f"{len(warcs)} WARC files, {os.cpu_count()} cores, analyze={analyze}, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        runs = [one_process(warcs, analyze, args.timeout)]
        print(f"  one process done in {runs[0]['seconds']} s", flush=True)
        for m in args.masters.split(","):
            runs.append(spark_run(warcs, tmp / m.replace("[", "_").replace("]", ""), m, analyze,
                                  args.timeout))
            print(f"  spark {m} done in {runs[-1]['seconds']} s", flush=True)
    ref = runs[0]
    same = True
    for r in runs[1:]:
        r["same_ids"] = r["_ids"] == ref["_ids"]
        r["same_claims"] = r["_claims"] == ref["_claims"]
        if not (r["same_ids"] and r["same_claims"]):
            same = False
            print(f"MISMATCH {r['run']}: ids only here {len(r['_ids'] - ref['_ids'])}, only in one "
                  f"process {len(ref['_ids'] - r['_ids'])}; claims only here "
                  f"{len(r['_claims'] - ref['_claims'])}, only in one process "
                  f"{len(ref['_claims'] - r['_claims'])}")
    cols = ["run", "articles", "failed", "claims", "seconds", "articles_per_s",
            "steady_articles_per_s", "startup_s", "process_s", "write_s", "same_ids", "same_claims"]
    print()
    print(" | ".join(cols))
    for r in runs:
        print(" | ".join(str(r.get(c, "")) for c in cols))
    print(f"\nsame article ids and claims in all runs: {same} "
          f"(load average now {os.getloadavg()[0]:.1f})")
    if args.json:
        Path(args.json).write_text(json.dumps([{k: v for k, v in r.items() if not k.startswith("_")}
                                               for r in runs], indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
