"""What one Spark task does with one WARC file: records -> tagged table rows.

Pure Python (no pyspark import), so the same code runs in a test, in a plain process and
inside an executor. Every record goes through :func:`newsledger.read.warc.iter_warc` and
:func:`newsledger.pipeline.process`, exactly like ``newsledger ingest``; any failure becomes
one row of the ``errors`` table and the file goes on.
"""
from __future__ import annotations

import io
import json
from typing import BinaryIO, Iterator, Optional

from newsledger.model import Article, Document, Failure

Row = tuple  # values in the column order of newsledger.spark.tables
Tagged = tuple[str, Row]  # (table name, row)


def _line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_row(source: str, warc_file: str, stage: str, reason: str) -> Tagged:
    return ("errors", (source, warc_file, stage, _line(reason)))


def _float(x) -> Optional[float]:
    return None if x is None else float(x)


def article_rows(article: Article, doc: Optional[Document], warc_file: str,
                 keep_raw: bool = True) -> Iterator[Tagged]:
    """The rows of one article in every table."""
    aid = article.id
    data = article.to_dict()
    yield ("articles", (
        aid, article.source, warc_file, (doc.meta.get("warc_date") if doc else None),
        article.url, article.site, article.title, [str(b) for b in article.byline],
        article.agency, article.dateline, article.section, article.published, article.updated,
        article.language, article.caption, article.text, bool(article.analyzed),
        len(article.claims), len(article.quantities), len(article.removed),
        json.dumps(data, ensure_ascii=False),
        (doc.raw if (doc is not None and keep_raw) else None), (doc.kind if doc else None)))
    for i, c in enumerate(article.claims):
        yield ("claims", (
            aid, i, c.source.name if c.source else None, c.source.text if c.source else None,
            bool(c.source and c.source.anonymous), c.cue.text, c.content.text, c.kind, c.stance,
            c.content.start, c.content.end, json.dumps(c.to_dict(), ensure_ascii=False)))
    for i, q in enumerate(article.quantities):
        yield ("quantities", (aid, i, article.claim_index(q), q.text, q.start, q.end, _float(q.value),
                              _float(q.low), _float(q.high), q.bound, q.unit, q.concept, q.where))
    for i, r in enumerate(article.removed):
        yield ("removed", (aid, i, r.reason, r.text))


def rows_from_stream(stream: BinaryIO, warc_file: str, analyze: bool = True,
                     timeout: Optional[float] = None, keep_raw: bool = True,
                     limits=None) -> Iterator[Tagged]:
    """Every record of one WARC stream through read -> extract -> analyze, as tagged rows.

    The records go through :func:`newsledger.pipeline.process` as one stream (its
    per-document time and memory limits apply to reading, extracting and analyzing each
    record, and a record's failure is a Failure, not an exception); should it raise all the
    same, the rest of this file becomes one ``crash`` row and the task goes on."""
    from newsledger.pipeline import DEFAULT_TIMEOUT_S, process
    from newsledger.read import Limits
    from newsledger.read.warc import iter_warc

    timeout = DEFAULT_TIMEOUT_S if timeout is None else timeout
    results = process(iter_warc(stream, warc_file, limits or Limits()), analyze=analyze,
                      timeout=timeout)
    last = warc_file
    while True:
        try:
            result, doc = next(results)
        except StopIteration:
            return
        except Exception as e:  # a bug: the generator is done, and so is this file
            yield error_row(warc_file, warc_file, "crash",
                            f"{e.__class__.__name__}: {e} (after {last}; the rest of the file is skipped)")
            return
        if isinstance(result, Failure):
            source = warc_file if result.source == "(input)" else result.source
            stage = ("read" if doc is None else
                     "analyze" if result.reason.startswith("analysis") else "extract")
            yield error_row(source, warc_file, stage, result.reason)
        else:
            last = result.source
            yield from article_rows(result, doc, warc_file, keep_raw=keep_raw)


def rows_from_path(path: str, analyze: bool = True, timeout: Optional[float] = None,
                   keep_raw: bool = True) -> Iterator[Tagged]:
    """A local WARC file, streamed (never read whole into memory)."""
    try:
        f = open(path, "rb")
    except OSError as e:
        yield error_row(path, path, "read", f"cannot open: {e.strerror or e}")
        return
    with f:
        yield from rows_from_stream(f, path, analyze=analyze, timeout=timeout, keep_raw=keep_raw)


def rows_from_bytes(path: str, data: bytes, analyze: bool = True, timeout: Optional[float] = None,
                    keep_raw: bool = True) -> Iterator[Tagged]:
    """A WARC file already read by Hadoop (``binaryFiles``: object stores, HDFS)."""
    yield from rows_from_stream(io.BytesIO(data), path, analyze=analyze, timeout=timeout,
                                keep_raw=keep_raw)
