"""Parquet written by the Spark job -> a ledger (SQLite or PostgreSQL), idempotently.

Each ``articles`` row's ``data`` column (the full article JSON) is rebuilt with
:meth:`Article.from_dict` and stored with ``ledger.add``, which skips what the ledger
already holds (same id or same URL), so loading the same output twice, or two outputs
that overlap, stores each article once. The cross-outlet linking then runs over what is
new (:func:`newsledger.link.link_new`). Needs pyarrow, not Spark.

When the output holds the link stage's tables (``OUT/link/``, written by ``newsledger spark
--link`` or ``newsledger spark-link``) and the ledger has linked nothing yet, those tables are
stored as they are (copy groups, stories, claim groups, bands, flags: nothing recomputed);
into a ledger that already holds linked articles the new articles are linked by
``link_new`` instead, since the Spark link saw only this output.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from newsledger.model import Article, Failure


@dataclass
class LoadReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0  # article rows that could not be rebuilt
    errors: int = 0  # rows of the job's errors table (records the job could not process)
    ids: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    linked: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {"new": self.new, "duplicate": self.duplicate, "failed": self.failed,
                "job_errors": self.errors, **self.linked}


def _dataset(path: Path):
    import pyarrow.dataset as ds

    files = sorted(str(f) for f in path.rglob("*.parquet") if not f.name.startswith((".", "_")))
    if not files:
        return None
    return ds.dataset(files, format="parquet")


def _article_rows(out: Path, batch_rows: int) -> Iterator[dict]:
    d = _dataset(out / "articles")
    if d is None:
        return
    cols = [c for c in ("id", "source", "data", "raw", "raw_kind") if c in d.schema.names]
    for batch in d.to_batches(columns=cols, batch_size=batch_rows):
        yield from batch.to_pylist()


def load_parquet(out_dir, ledger, batch_size: int = 200, link: bool = True,
                 on_failure: Optional[Callable[[Failure], None]] = None,
                 link_tables: bool = True) -> LoadReport:
    """Store the ``articles`` table under ``out_dir`` in ``ledger``; link what is new (from
    the Spark link's tables where there are some and ``link_tables``, see above)."""
    out = Path(out_dir)
    if not (out / "articles").is_dir():
        raise FileNotFoundError(f"{out}: no articles table (expected {out / 'articles'}/*.parquet)")
    report = LoadReport()
    errors = _dataset(out / "errors")
    if errors is not None:
        report.errors = errors.count_rows()

    from newsledger.spark.linkload import has_link_tables, ledger_is_unlinked, link_flags, store_link_tables

    precomputed = link and link_tables and has_link_tables(out) and ledger_is_unlinked(ledger)
    flags = link_flags(out) if precomputed else {}
    batch: list[tuple[Article, Optional[bytes], Optional[str]]] = []
    seen: set[str] = set()

    def flush():
        if not batch:
            return
        res = ledger.add(batch)
        report.new += len(res.new)
        report.duplicate += len(res.duplicate)
        report.ids.extend(res.new)
        batch.clear()

    def fail(source: str, reason: str) -> None:
        f = Failure(source, reason)
        report.failed += 1
        report.failures.append(f)
        if on_failure:
            on_failure(f)

    for row in _article_rows(out, batch_size):
        article = _row_article(row, seen, report, fail)
        if article is None:
            continue
        if article.id in flags:  # the link stage's flags, merged by the Spark link
            article.flags = flags[article.id]
        batch.append((article, row.get("raw"), row.get("raw_kind")))
        if len(batch) >= batch_size:
            flush()
    flush()
    if precomputed and report.ids:
        report.linked = store_link_tables(out, ledger, set(report.ids))
    elif link and report.ids:
        from newsledger.link import link_new

        report.linked = link_new(ledger, report.ids) or {}
    return report


def _row_article(row: dict, seen: set[str], report: LoadReport,
                 fail: Callable[[str, str], None]) -> Optional[Article]:
    """The article a row of the ``articles`` table holds, or None: a row that does not rebuild, or
    whose content gives another id than the table's, is a failure (``fail``); a second row of an
    article already read (the crawl held the same story twice) a duplicate."""
    source = row.get("source") or row.get("id") or "?"
    try:
        article = Article.from_dict(json.loads(row["data"]))
    except Exception as e:  # a hand-edited or foreign table
        fail(source, f"cannot rebuild article from the data column ({e.__class__.__name__}: {e})")
        return None
    if row.get("id") and article.id != row["id"]:
        fail(source, f"id mismatch: table says {row['id']}, content gives {article.id}")
        return None
    if article.id in seen:
        report.duplicate += 1
        return None
    seen.add(article.id)
    return article
