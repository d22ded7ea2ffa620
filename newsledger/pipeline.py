"""The main job, end to end: read -> extract -> analyze -> store.

Library functions the CLI, API and Spark job all call, so every entry point does the same
work in the same way.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from newsledger.model import Article, Document, Failure

DEFAULT_TIMEOUT_S = 60


class DocumentTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: Optional[float]):
    """Per-document time limit (SIGALRM; main thread only, else no limit)."""
    import threading

    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(_sig, _frame):
        raise DocumentTimeout()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def extract_one(doc: Document, timeout: Optional[float] = DEFAULT_TIMEOUT_S) -> Union[Article, Failure]:
    """Extract one document; any problem becomes a one-line Failure."""
    from newsledger.extract import ExtractError, extract

    try:
        with time_limit(timeout):
            article = extract(doc)
    except ExtractError as e:
        return Failure(doc.source, str(e))
    except DocumentTimeout:
        return Failure(doc.source, f"extraction took longer than {timeout:g} s")
    except RecursionError:
        return Failure(doc.source, "page nested too deeply")
    except MemoryError:
        return Failure(doc.source, "page too large to extract")
    if not article.text.strip():
        return Failure(doc.source, "no article text found")
    if doc.url and not article.url:
        article.url = doc.url
    return article


def plain_article(doc: Document) -> Article:
    """``--plain``: the file is the article text, unchanged; offsets refer to it exactly."""
    text = doc.decoded()
    article = Article(source=doc.source, url=doc.url)
    article.text = text
    article.paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return article


def process(items: Iterable[Union[Document, Failure]], analyze: bool = False, plain: bool = False,
            timeout: Optional[float] = DEFAULT_TIMEOUT_S,
            on_item: Optional[Callable[[], None]] = None) -> Iterator[tuple[Union[Article, Failure], Optional[Document]]]:
    """Documents in, ``(article or failure, document)`` out, in input order."""
    def extracted():
        for item in items:
            if on_item:
                on_item()
            if isinstance(item, Failure):
                yield item, None
            elif plain:
                yield (plain_article(item) if item.raw.strip() else Failure(item.source, "empty file")), item
            else:
                yield extract_one(item, timeout), item

    if not analyze:
        yield from extracted()
        return
    from newsledger.analyze import analyze as analyze_article

    for result, doc in extracted():
        if isinstance(result, Article):
            try:
                with time_limit(timeout):
                    analyze_article(result)
            except DocumentTimeout:
                yield Failure(result.source, f"analysis took longer than {timeout:g} s"), doc
                continue
        yield result, doc


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


def ingest(items: Iterable[Union[Document, Failure]], ledger, analyze: bool = True,
           batch_size: int = 50, timeout: Optional[float] = DEFAULT_TIMEOUT_S,
           on_failure: Optional[Callable[[Failure], None]] = None,
           on_item: Optional[Callable[[], None]] = None) -> IngestReport:
    """Store documents in the ledger, a transaction per batch; returns the counts."""
    report = IngestReport()
    batch: list[tuple[Article, Optional[bytes], Optional[str]]] = []

    def flush():
        if not batch:
            return
        res = ledger.add(batch)
        report.new += len(res.new)
        report.duplicate += len(res.duplicate)
        report.ids.extend(res.new)
        batch.clear()

    try:
        for result, doc in process(items, analyze=analyze, timeout=timeout, on_item=on_item):
            if isinstance(result, Failure):
                report.failed += 1
                report.failures.append(result)
                if on_failure:
                    on_failure(result)
                continue
            batch.append((result, doc.raw if doc else None, doc.kind if doc else None))
            if len(batch) >= batch_size:
                flush()
    finally:
        flush()  # Ctrl-C: what was read so far is committed; the same command resumes
    return report
