"""The main job, end to end: read -> extract -> analyze -> store.

Library functions the CLI, API and Spark job all call, so every entry point does the same
work in the same way.
"""
from __future__ import annotations

import functools
import gc
import itertools
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from newsledger.interrupts import deferred
from newsledger.model import Article, Document, Failure

DEFAULT_TIMEOUT_S = 60
# memory one document may add to the process while it is read, extracted or analysed; with the
# ~250 MB the loaded models take, a process stays near 1 GB whatever the input
DEFAULT_MAX_MEMORY_MB = 600
# longest article text the claim analyser is given (its time and memory grow faster than the
# text: ~450 MB and ~15 s at 100,000 characters); real articles are far shorter
MAX_ANALYZE_CHARS = 150_000
# deepest element nesting accepted in an HTML page (lxml stops at 256 levels anyway)
MAX_NESTING = 5_000
_TICK_S = 0.25  # how often the watchdog looks at the clock and the memory


class ResourceLimit(BaseException):
    """A per-document limit was hit. A ``BaseException`` (like ``KeyboardInterrupt``), so the
    broad ``except Exception`` inside third-party extractors cannot swallow it and run on."""


class DocumentTimeout(ResourceLimit):
    pass


class DocumentMemoryLimit(ResourceLimit):
    pass


class StoreError(Exception):
    """The ledger refused a batch (disk full, read-only, gone); earlier batches are kept."""


def _rss() -> Optional[int]:
    """Resident memory of this process in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


try:
    import os as _os

    _PAGE = _os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # pragma: no cover
    _PAGE = 4096


_LIBC: list = []  # the C library, loaded once ([None] where there is no glibc)
_TRIMMED_AT = [0]  # resident size right after the last trim
TRIM_SLACK = 32 << 20  # bytes of growth since the last trim that make the next one worth it


def _trim_heap(force: bool = False) -> None:
    """Give freed heap back to the OS (glibc ``malloc_trim``). Memory freed by an earlier
    document but kept by malloc would otherwise be reused without the resident size growing,
    and the next document's growth would go unseen until it was used up. Trimming costs page
    faults afterwards, so unless ``force`` it happens only when the resident size grew by
    ``TRIM_SLACK`` since the last trim (so at most that much goes unseen)."""
    rss = _rss()
    if not force and rss is not None and rss < _TRIMMED_AT[0] + TRIM_SLACK:
        return
    if not _LIBC:
        try:
            import ctypes

            _LIBC.append(ctypes.CDLL("libc.so.6"))
        except OSError:  # pragma: no cover - not glibc
            _LIBC.append(None)
    try:
        if _LIBC[0] is not None:
            _LIBC[0].malloc_trim(0)
    except AttributeError:  # pragma: no cover - a libc without malloc_trim
        _LIBC[0] = None
    _TRIMMED_AT[0] = _rss() or 0


def _release_memory() -> None:
    """After a document hit the memory limit: collect, and give freed heap back to the OS."""
    gc.collect()
    _trim_heap(force=True)


@contextmanager
def time_limit(seconds: Optional[float], max_memory_mb: Optional[float] = None):
    """Per-document limits: ``seconds`` of wall time and ``max_memory_mb`` of memory growth.

    A SIGALRM watchdog (main thread only, else no limit: the server runs API ingest in a child
    process for that, see :mod:`newsledger.serve.ingest`) raises :class:`DocumentTimeout` or
    :class:`DocumentMemoryLimit` and keeps raising every tick after that, so code that catches
    even ``BaseException`` cannot run on past the limit for long."""
    import threading

    if (not seconds and not max_memory_mb) or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return
    deadline = time.monotonic() + seconds if seconds else None
    if max_memory_mb:
        _trim_heap()  # so growth from here shows in the resident size
    base = _rss() if max_memory_mb else None
    cap = base + int(max_memory_mb * 1024 * 1024) if base is not None else None
    live = [True]

    def _tick(_sig, _frame):
        if not live[0]:
            return
        if deadline is not None and time.monotonic() >= deadline:
            raise DocumentTimeout(seconds)
        if cap is not None:
            rss = _rss()
            if rss is not None and rss > cap:
                raise DocumentMemoryLimit(max_memory_mb)

    old = signal.signal(signal.SIGALRM, _tick)
    first = _TICK_S if cap is not None else seconds
    signal.setitimer(signal.ITIMER_REAL, first, _TICK_S)
    try:
        yield
    finally:
        pending: Optional[BaseException] = None
        while True:  # a tick (or Ctrl-C) may land while disarming: disarm until it holds
            try:
                live[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)
                break
            except ResourceLimit:
                continue
            except BaseException as e:  # KeyboardInterrupt: raised once the watchdog is off
                pending = e
        if pending is not None:
            raise pending


def first_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()
    return f"{e.__class__.__name__}: {msg[0][:160]}" if msg else e.__class__.__name__


def refuse(doc: Document) -> Optional[str]:
    """Why a document is refused before extraction (hostile shape), or None."""
    if doc.kind == "html":
        from newsledger.read.guards import too_deep

        if too_deep(doc.raw, MAX_NESTING):
            return f"page nested too deeply (over {MAX_NESTING:,} levels), refused"
    return None


def extract_one(doc: Document, timeout: Optional[float] = DEFAULT_TIMEOUT_S,
                max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB) -> Union[Article, Failure]:
    """Extract one document; any problem becomes a one-line Failure."""
    from newsledger.extract import ExtractError, extract

    try:
        with time_limit(timeout, max_memory_mb):
            why = refuse(doc)
            if why:
                return Failure(doc.source, why)
            article = extract(doc)
    except ExtractError as e:
        return Failure(doc.source, str(e))
    except DocumentTimeout:
        return Failure(doc.source, f"extraction took longer than {timeout:g} s")
    except (DocumentMemoryLimit, MemoryError):
        _release_memory()
        return Failure(doc.source, "page too large to extract (needed more than "
                                   f"{max_memory_mb or 0:g} MB of memory)")
    except RecursionError:
        return Failure(doc.source, "page nested too deeply")
    except Exception as e:  # a bug on odd input must cost this page only
        return Failure(doc.source, f"extraction failed ({first_line(e)})")
    if not article.text.strip():
        return Failure(doc.source, "no article text found")
    if doc.url and not article.url:
        article.url = doc.url
    return article


def analyze_one(article: Article, timeout: Optional[float] = DEFAULT_TIMEOUT_S,
                max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB,
                max_chars: Optional[int] = MAX_ANALYZE_CHARS) -> Optional[Failure]:
    """Analyze one article in place; a problem becomes a one-line Failure (reason starts
    with "analysis")."""
    from newsledger.analyze import analyze as analyze_article

    if max_chars and len(article.text) > max_chars:
        return Failure(article.source, f"analysis refused: article text too long ({len(article.text):,} "
                                       f"characters, limit {max_chars:,}); store it with --no-analyze")
    try:
        with time_limit(timeout, max_memory_mb):
            analyze_article(article)
    except DocumentTimeout:
        return Failure(article.source, f"analysis took longer than {timeout:g} s")
    except (DocumentMemoryLimit, MemoryError):
        _release_memory()
        return Failure(article.source, f"analysis needed more than {max_memory_mb or 0:g} MB of memory")
    except RecursionError:
        return Failure(article.source, "analysis failed (text nested too deeply)")
    except Exception as e:  # a bug on odd input must cost this article only
        return Failure(article.source, f"analysis failed ({first_line(e)})")
    return None


def timed_read(items: Iterable[Union[Document, Failure]], timeout: Optional[float] = DEFAULT_TIMEOUT_S,
               max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB) -> Iterator[Union[Document, Failure]]:
    """``items`` with the per-document limits applied to reading each one too (a gzip bomb
    inside a WARC record, a feed that takes forever to parse). The readers of
    :mod:`newsledger.read` turn a limit hit while reading one file into a Failure for that
    file and go on; a limit hit elsewhere ends ``items`` with one Failure."""
    it = iter(items)
    while True:
        try:
            with time_limit(timeout, max_memory_mb):
                item = next(it)
        except StopIteration:
            return
        except DocumentTimeout:
            yield Failure("(input)", f"reading took longer than {timeout:g} s; the rest of this input is skipped")
            return
        except (DocumentMemoryLimit, MemoryError):
            _release_memory()
            yield Failure("(input)", f"reading needed more than {max_memory_mb or 0:g} MB of memory; "
                                     "the rest of this input is skipped")
            return
        yield item


def plain_article(doc: Document) -> Article:
    """``--plain``: the file is the article text, unchanged; offsets refer to it exactly."""
    text = doc.decoded()
    article = Article(source=doc.source, url=doc.url)
    article.text = text
    article.paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return article


def process(items: Iterable[Union[Document, Failure]], analyze: bool = False, plain: bool = False,
            timeout: Optional[float] = DEFAULT_TIMEOUT_S,
            on_item: Optional[Callable[[], None]] = None,
            max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB,
            max_analyze_chars: Optional[int] = MAX_ANALYZE_CHARS,
            jobs: int = 1,
            ) -> Iterator[tuple[Union[Article, Failure], Optional[Document]]]:
    """Documents in, ``(article or failure, document)`` out, in input order.

    Every document is read, extracted and analysed under the per-document limits (``timeout``
    seconds, ``max_memory_mb`` of memory growth); whatever goes wrong with one document
    becomes a one-line Failure for it and the stream goes on. ``jobs`` > 1 extracts and
    analyses in that many worker processes (:mod:`newsledger.workers`); the output is the same."""
    work = functools.partial(handle_one, analyze=analyze, plain=plain, timeout=timeout,
                             max_memory_mb=max_memory_mb, max_analyze_chars=max_analyze_chars)

    def documents():
        for item in timed_read(items, timeout, max_memory_mb):
            if on_item:
                on_item()
            yield item

    docs = documents()
    if jobs > 1:
        first = list(itertools.islice(docs, 2))
        docs = itertools.chain(first, docs)
        if len(first) > 1:  # a pool for one document costs more than it saves
            yield from _process_parallel(docs, work, jobs, analyze)
            return
    for item in docs:
        if isinstance(item, Failure):
            yield item, None
        else:
            yield work(item), item


def handle_one(doc: Document, analyze: bool = False, plain: bool = False,
               timeout: Optional[float] = DEFAULT_TIMEOUT_S,
               max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB,
               max_analyze_chars: Optional[int] = MAX_ANALYZE_CHARS) -> Union[Article, Failure]:
    """One document through extraction (or ``plain``) and, if asked, analysis."""
    if plain:
        result = plain_article(doc) if doc.raw.strip() else Failure(doc.source, "empty file")
    else:
        result = extract_one(doc, timeout, max_memory_mb)
    if analyze and isinstance(result, Article):
        failed = analyze_one(result, timeout, max_memory_mb, max_analyze_chars)
        if failed is not None:
            return failed
    return result


WARM_UP_TEXT = ("The ministry said on Monday that 1,200 people had been evacuated. "
                "\"We are safe,\" a resident told reporters.")


def _process_parallel(docs, work, jobs: int, analyze: bool):
    from newsledger.workers import ordered_map

    import newsledger.extract  # noqa: F401  imported once, before the fork, for every worker

    if analyze:  # load every model before the fork, so the workers share them
        from newsledger.analyze import analyze as analyze_article

        analyze_article(Article(source="(warm-up)", text=WARM_UP_TEXT, paragraphs=[WARM_UP_TEXT]))
    for item, result in ordered_map(work, docs, jobs, lost=lambda d, why: Failure(d.source, why),
                                    skip=lambda d: isinstance(d, Failure)):
        yield (item, None) if result is None else (result, item)


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # new article ids, for linking (~70 bytes each)


MAX_BATCH_BYTES = 64 * 1024 * 1024  # a batch is committed early once its raw pages hold this much


def _store_reason(e: BaseException) -> str:
    orig = getattr(e, "orig", None)  # SQLAlchemy wraps the driver's error
    return first_line(orig if orig is not None else e).split(": ", 1)[-1]


def ingest(items: Iterable[Union[Document, Failure]], ledger, analyze: bool = True,
           batch_size: int = 50, timeout: Optional[float] = DEFAULT_TIMEOUT_S,
           on_failure: Optional[Callable[[Failure], None]] = None,
           on_item: Optional[Callable[[], None]] = None,
           max_memory_mb: Optional[float] = DEFAULT_MAX_MEMORY_MB, jobs: int = 1) -> IngestReport:
    """Store documents in the ledger, a transaction per batch; returns the counts.

    Interrupted (Ctrl-C), it commits what was processed and re-raises; the same input again
    stores the rest (what is stored is a duplicate). A batch the ledger refuses (disk full)
    raises :class:`StoreError`; the batches before it stay committed."""
    results = process(items, analyze=analyze, timeout=timeout, on_item=on_item,
                      max_memory_mb=max_memory_mb, jobs=jobs)
    return store(results, ledger, batch_size=batch_size, on_failure=on_failure)


def store(results: Iterable[tuple[Union[Article, Failure], Optional[Document]]], ledger,
          batch_size: int = 50, on_failure: Optional[Callable[[Failure], None]] = None) -> IngestReport:
    """The stored half of :func:`ingest`: ``(article or failure, document)`` pairs as
    :func:`process` yields them (here or in another process) into the ledger, a transaction
    per batch; what was taken is committed even when ``results`` stops with an exception."""
    report = IngestReport()
    batch: list[tuple[Article, Optional[bytes], Optional[str]]] = []
    held = [0, False]  # raw bytes in the batch; the ledger refused a batch

    def flush():
        if not batch or held[1]:
            return
        with deferred():  # Ctrl-C lands after the batch is committed and counted
            try:
                res = ledger.add(batch)
            except Exception as e:
                held[1] = True
                raise StoreError(f"cannot store articles in the ledger: {_store_reason(e)}; the {report.new} "
                                 "stored before are kept; fix that and run the same command again") from e
            report.new += len(res.new)
            report.duplicate += len(res.duplicate)
            report.ids.extend(res.new)
            batch.clear()
            held[0] = 0

    try:
        for result, doc in results:
            if isinstance(result, Failure):
                report.failed += 1
                report.failures.append(result)
                if on_failure:
                    on_failure(result)
                continue
            batch.append((result, doc.raw if doc else None, doc.kind if doc else None))
            held[0] += len(doc.raw) if doc else 0
            if len(batch) >= batch_size or held[0] >= MAX_BATCH_BYTES:
                flush()
    finally:
        flush()  # Ctrl-C: what was read so far is committed; the same command resumes
    return report
