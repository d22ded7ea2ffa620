"""The Spark job's output without Spark: the same five Parquet tables from one process
(pyarrow only). For small crawls, machines without Java, and as the reference the Spark
output is checked against."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable, Optional

from newsledger.spark.tables import TABLES, arrow_schema


class TableWriter:
    """Buffers tagged rows and writes ``OUT/<table>/part-<n>.parquet`` files."""

    def __init__(self, out_dir, part: str = "00000", rows_per_group: int = 2000):
        import pyarrow.parquet as pq

        self.out = Path(out_dir)
        self.rows_per_group = rows_per_group
        self.buffers: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self.writers = {}
        self.counts = {t: 0 for t in TABLES}
        self.paths = {}
        for t in TABLES:  # written under a hidden name, renamed when complete
            (self.out / t).mkdir(parents=True, exist_ok=True)
            final = self.out / t / f"part-{part}.snappy.parquet"
            tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
            self.paths[t] = (tmp, final)
            self.writers[t] = pq.ParquetWriter(str(tmp), arrow_schema(t), compression="snappy")

    def add(self, table: str, row: tuple) -> None:
        self.buffers[table].append(row)
        self.counts[table] += 1
        if len(self.buffers[table]) >= self.rows_per_group:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows = self.buffers[table]
        if not rows:
            return
        schema = arrow_schema(table)
        cols = list(zip(*rows))
        arrays = [pa.array(list(c), type=f.type) for c, f in zip(cols, schema)]
        self.writers[table].write_table(pa.Table.from_arrays(arrays, schema=schema))
        rows.clear()

    def close(self) -> dict:
        for t in TABLES:
            self._flush(t)
            self.writers[t].close()
            tmp, final = self.paths[t]
            os.replace(tmp, final)  # a retried task replaces its earlier attempt's file
        return dict(self.counts)


def run_local(inputs: Iterable[str], out_dir, analyze: bool = True, timeout: Optional[float] = None,
              keep_raw: bool = True) -> dict:
    """What :func:`newsledger.spark.run_spark` writes, computed in this process."""
    import shutil

    from newsledger.spark import resolve_inputs
    from newsledger.spark.rows import error_row, rows_from_path

    local, remote, missing = resolve_inputs(list(inputs))
    if remote:
        raise ValueError("run_local reads local files only: " + " ".join(remote))
    t0 = time.perf_counter()
    for t in TABLES:  # a rerun replaces the tables, as Spark's overwrite does
        shutil.rmtree(Path(out_dir) / t, ignore_errors=True)
    w = TableWriter(out_dir)
    for src, why in missing:
        w.add(*error_row(src, src, "read", why))
    for path in local:
        for table, row in rows_from_path(path, analyze=analyze, timeout=timeout, keep_raw=keep_raw):
            w.add(table, row)
    counts = w.close()
    return {"files": len(local), **counts, "seconds": round(time.perf_counter() - t0, 2),
            "out": str(out_dir)}
