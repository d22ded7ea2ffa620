"""Spark over WARC crawls: read -> extract -> analyze on a cluster (or ``local[N]``), out to
Parquet; ``newsledger load`` then puts the Parquet into a ledger (SQLite or PostgreSQL).

    run_spark(["crawl/*.warc.gz"], "out/", master="local[2]")      # library
    newsledger spark crawl/*.warc.gz --out out/ --master local[2]   # CLI
    spark-submit --master spark://host:7077 newsledger/spark/job.py crawl/*.warc.gz --out out/
    newsledger load out/ --db postgresql+psycopg://user@host/db     # Parquet -> ledger

Work is distributed by WARC file: local paths (globs and directories expanded on the
driver) are parallelised as a list of paths, one partition per file, and each task streams
its file from disk; URLs with a scheme (``s3a://``, ``hdfs://``, ``gs://``, ...) go through
``SparkContext.binaryFiles`` and so work wherever the Hadoop connector is configured. Inside
a task every record goes through :func:`newsledger.read.warc.iter_warc` and
:func:`newsledger.pipeline.process`, the code ``newsledger ingest`` runs; the spaCy model is
loaded once per Python worker (``get_nlp`` is cached per process and Spark reuses workers),
never per record. A record that cannot be read, extracted or analyzed, or whose processing
raises, becomes a row of ``errors``; the job goes on.

Output: ``OUT/<table>/part-*.parquet`` for five tables (rewritten on each run). To a local
directory (or one every executor sees) each task writes its own part of every table with
pyarrow in the same pass (``writer="arrow"``); to a Hadoop URL the rows go through Spark's
DataFrame writer (``writer="spark"``). Same schema either way:

``articles`` -- one row per extracted article
    id string (``Article.id``, the ledger's id: from the normalised URL, else the
    content; the same wherever the page is read), source string
    ("<warc>#<target URI>"), warc_file string, warc_date string, url, site, title string,
    byline list<string>, agency, dateline, section, published, updated, language, caption
    string, text string, analyzed bool, n_claims int, n_quantities int, n_removed int,
    data string (the full article JSON, ``Article.to_dict()``, analysis included; what
    ``load`` rebuilds the Article from), raw binary (the page bytes, for re-extraction; null
    with ``keep_raw=False``), raw_kind string ("html" | "text").
    The same id can occur twice when a crawl holds the same page twice (revisits);
    ``load`` stores it once, as ``ingest`` would.
``claims`` -- one row per claim
    article_id string, idx int, source_name string (canonical speaker; null when
    unattributed), source_text string, anonymous bool, cue string, content string, kind
    string (direct | indirect | mixed), stance string, start int, end int (content offsets
    into articles.text), data string (the full claim JSON).
``quantities`` -- one row per figure
    article_id string, idx int, claim_idx int (the claim holding it, or null), text string,
    start int, end int, value double, low double, high double, bound string, unit string,
    concept string, where string ("text", "title": a headline's figure, offsets into the title, or
    "standfirst": the deck's, offsets into the article JSON's ``standfirst``).
``removed`` -- one row per line dropped from a page
    article_id string, idx int, reason string, text string.
``errors`` -- one row per record (or file) that failed
    source string (the record, or the file when the file itself is unreadable), warc_file
    string, stage string (read | extract | analyze | crash), reason string (one line).

Needs ``pyspark`` and Java 17+ (``apt-get install openjdk-17-jre-headless``); ``load`` needs
only ``pyarrow``. On a real cluster every worker needs newsledger's dependencies installed
(the package itself is shipped as a zip for non-local masters).
"""
from __future__ import annotations

import glob
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable, Optional

from newsledger.spark.tables import TABLES

__all__ = ["run_spark", "resolve_inputs", "TABLES", "load_parquet"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GLOB_CHARS = set("*?[")


def load_parquet(out_dir, ledger, **kw):
    """Parquet written by :func:`run_spark` into ``ledger`` (see :mod:`newsledger.spark.load`)."""
    from newsledger.spark.load import load_parquet as _load

    return _load(out_dir, ledger, **kw)


def _is_url(p: str) -> bool:
    head = p.split("://", 1)[0]
    return "://" in p and head.isalnum() and head.lower() != "file" and len(head) > 1


def _is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def resolve_inputs(inputs: Iterable[str]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """``(local files, remote URLs, [(input, reason)])``: globs and directories expanded on the
    driver (directories: the WARC files under them, recursively); remote URLs are left to
    Hadoop, globs included."""
    local: list[str] = []
    remote: list[str] = []
    missing: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            local.append(p)

    for given in inputs:
        if _is_url(given):
            remote.append(given)
            continue
        path = given[len("file://"):] if given.startswith("file://") else given
        matches = sorted(glob.glob(path, recursive=True)) if _GLOB_CHARS & set(path) else [path]
        if not matches:
            missing.append((given, "no file matches"))
            continue
        for m in matches:
            if os.path.isdir(m):
                found = sorted(str(f) for f in Path(m).rglob("*") if f.is_file() and _is_warc_name(f.name))
                if not found:
                    missing.append((m, "no WARC files in directory"))
                for f in found:
                    add(f)
            elif os.path.exists(m):
                add(m)
            else:
                missing.append((m, "no such file"))
    return local, remote, missing


def _check_java() -> None:
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    if not java or not os.path.exists(java):
        raise RuntimeError("Spark needs Java 17 or newer: apt-get install -y openjdk-17-jre-headless")


def _package_zip() -> str:
    """newsledger as a zip, for executors that do not have it installed."""
    import zipfile

    root = Path(__file__).resolve().parent.parent  # .../newsledger
    fd, path = tempfile.mkstemp(prefix="newsledger-", suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for f in root.rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                z.write(f, str(f.relative_to(root.parent)))
    return path


def make_session(master: Optional[str] = "local[2]", app_name: str = "newsledger",
                 conf: Optional[dict] = None):
    """A SparkSession; ``master=None`` leaves the master to ``spark-submit``."""
    _check_java()
    from pyspark.sql import SparkSession

    if master is None or master.startswith("local"):
        # local workers run this interpreter (the venv with spaCy and the model)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    b = SparkSession.builder.appName(app_name)
    if master:
        b = b.master(master)
    settings = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                "spark.python.worker.reuse": "true", "spark.sql.shuffle.partitions": "8"}
    if master and master.startswith("local"):
        settings.update({"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"})
    settings.update(conf or {})
    for k, v in settings.items():
        b = b.config(k, v)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _write_arrow(tagged, out: str) -> dict:
    """One pass: each task writes ``out/<table>/part-<partition>.snappy.parquet`` for every
    table and returns its row counts."""
    out = os.path.abspath(out[len("file://"):] if out.startswith("file://") else out)
    for name in TABLES:  # a rerun replaces the tables, like Spark's mode("overwrite")
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
        os.makedirs(os.path.join(out, name), exist_ok=True)

    def task(index, it):
        from newsledger.spark.local import TableWriter

        w = TableWriter(out, part=f"{index:05d}")
        for table, row in it:
            w.add(table, row)
        yield w.close()

    counts = {name: 0 for name in TABLES}
    for c in tagged.mapPartitionsWithIndex(task).collect():
        for k, v in c.items():
            counts[k] += v
    for name in TABLES:
        Path(out, name, "_SUCCESS").touch()
    return counts


def _tagged_rows(sc, local: list[str], remote: list[str], missing: list[tuple[str, str]],
                 partitions: Optional[int], **options):
    """One RDD of ``(table, row)`` for every input: local files as a list of paths (one
    partition per file, each task streams its file), remote URLs through ``binaryFiles``, and
    an ``errors`` row per input that matched nothing. ``options``: what each record is read
    with (``analyze``, ``timeout``, ``keep_raw``)."""
    from newsledger.spark.rows import error_row, rows_from_bytes, rows_from_path

    def from_path(it):
        for p in it:
            yield from rows_from_path(p, **options)

    def from_bytes(it):
        for path, data in it:
            yield from rows_from_bytes(path, data, **options)

    parts = []
    if local:
        parts.append(sc.parallelize(local, partitions or len(local)).mapPartitions(from_path))
    if remote:
        parts.append(sc.binaryFiles(",".join(remote), partitions or len(remote))
                     .mapPartitions(from_bytes))
    if missing:
        parts.append(sc.parallelize([error_row(src, src, "read", why) for src, why in missing], 1))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _write_spark(spark, tagged, out: str) -> tuple[dict, float]:
    """Rows back through Spark's DataFrame writer (any Hadoop URL): one pass that does the
    work and counts the rows (cached), then a table at a time from the cache. Returns the
    counts and when the work (before the writing) ended."""
    from pyspark import StorageLevel

    from newsledger.spark.tables import spark_schema

    tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
    counts = dict(tagged.map(lambda t: (t[0], 1)).countByKey())  # the pass that does the work
    t_work = time.perf_counter()
    for name in TABLES:  # from the cache
        rows = tagged.filter(lambda t, n=name: t[0] == n).map(lambda t: t[1])
        spark.createDataFrame(rows, spark_schema(name)).write.mode("overwrite").parquet(f"{out}/{name}")
    tagged.unpersist()
    return counts, t_work


def _write(spark, tagged, out: str, writer: str) -> tuple[dict, float]:
    """The tables under ``out`` by ``writer`` ("auto": arrow for a local path, spark for a URL);
    the row counts and when the work ended (with arrow, tasks write as they go: the work
    includes the writing)."""
    if writer == "auto":
        writer = "spark" if _is_url(out) else "arrow"
    if writer == "arrow":
        return _write_arrow(tagged, out), time.perf_counter()
    return _write_spark(spark, tagged, out)


def _inputs(inputs: Iterable[str]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """:func:`resolve_inputs`, refusing inputs with no WARC file at all."""
    inputs = list(inputs)
    local, remote, missing = resolve_inputs(inputs)
    if not local and not remote:
        raise FileNotFoundError("no WARC files found in: " + " ".join(inputs) if inputs else "no inputs")
    return local, remote, missing


def run_spark(inputs: Iterable[str], out_dir: str, master: Optional[str] = "local[2]",
              analyze: bool = True, timeout: Optional[float] = None, keep_raw: bool = True,
              partitions: Optional[int] = None, spark=None, conf: Optional[dict] = None,
              writer: str = "auto") -> dict:
    """Extract (and analyze) every WARC record under ``inputs`` with Spark; write the five
    Parquet tables under ``out_dir``. Returns row counts per table, files and seconds.

    ``master``: ``local[N]``, ``spark://host:port``, ... or None to take it from
    ``spark-submit``. ``spark``: an existing SparkSession to use (left running).
    ``writer``: "arrow" -- each task writes its own part of every table with pyarrow, in
    the same pass that processes the records (a directory every executor can see: local
    mode, or a shared file system); "spark" -- rows go back through Spark's DataFrame
    writer (any Hadoop URL: s3a://, hdfs://, ...); "auto" (default): "arrow" for a local
    path, "spark" for a URL.
    """
    if writer not in ("auto", "arrow", "spark"):
        raise ValueError(f"writer={writer!r}: use auto, arrow or spark")
    local, remote, missing = _inputs(inputs)
    t0 = time.perf_counter()
    own = spark is None
    if own:
        spark = make_session(master, conf=conf)
    t_started = time.perf_counter()
    sc = spark.sparkContext
    out = str(out_dir).rstrip("/")
    try:
        if not sc.master.startswith("local"):  # executors need the package, and paths they can see
            sc.addPyFile(_package_zip())
            local = [os.path.abspath(p) for p in local]
        tagged = _tagged_rows(sc, local, remote, missing, partitions,
                              analyze=analyze, timeout=timeout, keep_raw=keep_raw)
        counts, t_work = _write(spark, tagged, out, writer)
    finally:
        if own:
            spark.stop()
    return {"files": len(local) + len(remote), **{name: int(counts.get(name, 0)) for name in TABLES},
            "seconds": round(time.perf_counter() - t0, 2),  # all of it
            "startup_seconds": round(t_started - t0, 2),  # the session (JVM) start
            "process_seconds": round(t_work - t_started, 2),  # read, extract, analyze
            "write_seconds": round(time.perf_counter() - t_work, 2),  # the Parquet
            "out": out}
