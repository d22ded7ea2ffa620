"""The Spark job as a ``spark-submit`` script (and ``python -m newsledger.spark.job``).

    spark-submit --master local[2] newsledger/spark/job.py crawl/*.warc.gz --out out/
    spark-submit --master spark://host:7077 \\
        --conf spark.pyspark.python=/opt/venv/bin/python \\
        newsledger/spark/job.py s3a://bucket/crawl/*.warc.gz --out s3a://bucket/out

Prints the row counts as JSON; exit status 0 when the job ran (records that failed are in
the errors table), 2 on bad arguments or no input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="newsledger-spark-job", description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="WARC files, globs, directories or Hadoop URLs")
    ap.add_argument("--out", required=True, help="output directory (or Hadoop URL) for the Parquet tables")
    ap.add_argument("--master", default=None,
                    help="local[N] | spark://host:port | ...; default: what spark-submit was given, "
                         "else local[2]")
    ap.add_argument("--no-analyze", action="store_true", help="extract only (no claims)")
    ap.add_argument("--no-raw", action="store_true", help="leave the page bytes out of articles.raw")
    ap.add_argument("--timeout", type=float, default=None, help="per-document time limit (s)")
    ap.add_argument("--partitions", type=int, default=None,
                    help="number of partitions (default: one per WARC file)")
    ap.add_argument("--writer", choices=["auto", "arrow", "spark"], default="auto",
                    help="arrow: tasks write Parquet themselves (a path every executor sees); "
                         "spark: Spark's DataFrame writer (any Hadoop URL); auto: by --out")
    args = ap.parse_args(argv)

    from newsledger.spark import run_spark

    master = args.master
    if master is None and not os.environ.get("PYSPARK_GATEWAY_PORT"):
        master = "local[2]"  # not under spark-submit, which sets the gateway and the master
    try:
        report = run_spark(args.inputs, args.out, master=master, analyze=not args.no_analyze,
                           timeout=args.timeout, keep_raw=not args.no_raw, partitions=args.partitions,
                           writer=args.writer)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
