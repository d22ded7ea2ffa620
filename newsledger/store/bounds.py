"""Bounded reads: what a query may ask for, and how long it may run, on both backends.

A search query is cut into words (``\\w+``), each word kept once (case-folded) and at most
:data:`MAX_TERMS` of them; more is :class:`QueryRejected` (the server answers 422). A read run
under :func:`bounded` stops when its time is up or its :class:`Cancel` token is set
(the client went away): SQLite through a progress handler that checks both, PostgreSQL
through ``SET LOCAL statement_timeout`` plus a protocol-level cancel of the running statement.
Either way the caller gets :class:`QueryTimeout` (the server answers 503).
"""
from __future__ import annotations

import re
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

MAX_TERMS = 16
MAX_TERM_CHARS = 100
SQLITE_CHECK_EVERY = 4000  # VM instructions between two looks at the clock
PG_QUERY_CANCELED = "57014"

_WORD = re.compile(r"\w+", re.UNICODE)


class QueryRejected(ValueError):
    """The query asks for too much (too many words, a word too long): a 422."""


class QueryTimeout(RuntimeError):
    """The query ran past its time limit or its client went away: a 503."""


class Cancel:
    """A cancel token: ``set()`` from any thread stops the bounded read it is passed to."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], object]] = []

    def is_set(self) -> bool:
        return self._event.is_set()

    def set(self) -> None:
        with self._lock:
            self._event.set()
            for fn in list(self._callbacks):
                _quietly(fn)

    @contextmanager
    def calling(self, fn: Callable[[], object]) -> Iterator[None]:
        """Call ``fn`` if the token is set while inside the block (or was set before)."""
        with self._lock:
            if self._event.is_set():
                _quietly(fn)
            self._callbacks.append(fn)
        try:
            yield
        finally:
            with self._lock:  # after this, no call of fn is in flight
                self._callbacks.remove(fn)


def _quietly(fn: Callable[[], object]) -> None:
    try:
        fn()
    except Exception:  # a cancel that arrives after the statement ended is harmless
        pass


def search_terms(query: str) -> list[str]:
    """The distinct words of a search query, in order; :class:`QueryRejected` past the caps."""
    seen: dict[str, str] = {}
    for word in _WORD.findall(query or ""):
        if len(word) > MAX_TERM_CHARS:
            raise QueryRejected(f"a word of the query is over {MAX_TERM_CHARS} characters")
        seen.setdefault(word.casefold(), word)
    if len(seen) > MAX_TERMS:
        raise QueryRejected(f"the query has {len(seen)} different words; at most {MAX_TERMS}")
    return list(seen.values())


@contextmanager
def bounded(conn, seconds: Optional[float] = None, cancel: Optional[Cancel] = None) -> Iterator[None]:
    """Run the block's statements on ``conn`` (a SQLAlchemy Connection) for at most
    ``seconds`` (None: no limit) and until ``cancel`` is set; then :class:`QueryTimeout`.

    On PostgreSQL a cancel that lands between two statements cancels nothing; the time limit
    still bounds what follows."""
    if seconds is None and cancel is None:
        yield
        return
    if cancel is not None and cancel.is_set():  # gone before the first statement: none runs
        raise QueryTimeout(_timeout_reason(cancel))
    raw = conn.connection.driver_connection
    dialect = conn.dialect.name
    if dialect == "sqlite":
        with _sqlite_bounded(raw, seconds, cancel):
            yield
    elif dialect == "postgresql":
        with _pg_bounded(conn, raw, seconds, cancel):
            yield
    else:  # pragma: no cover - no other backend is supported
        yield


@contextmanager
def _sqlite_bounded(raw, seconds: Optional[float], cancel: Optional[Cancel]) -> Iterator[None]:
    deadline = time.monotonic() + seconds if seconds is not None else None

    def stop() -> int:
        if cancel is not None and cancel.is_set():
            return 1
        return 1 if deadline is not None and time.monotonic() > deadline else 0

    raw.set_progress_handler(stop, SQLITE_CHECK_EVERY)
    try:
        yield
    except DBAPIError as e:
        if "interrupted" in str(e.orig):
            raise QueryTimeout(_timeout_reason(cancel)) from None
        raise
    finally:
        raw.set_progress_handler(None, 0)


@contextmanager
def _pg_bounded(conn, raw, seconds: Optional[float], cancel: Optional[Cancel]) -> Iterator[None]:
    if seconds is not None:  # this transaction only; the pool's next user gets the default
        conn.execute(text(f"SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}"))
    stop = getattr(raw, "cancel_safe", None) or raw.cancel
    try:
        with cancel.calling(stop) if cancel is not None else _nothing():
            yield
    except DBAPIError as e:
        if getattr(e.orig, "sqlstate", None) == PG_QUERY_CANCELED:
            raise QueryTimeout(_timeout_reason(cancel)) from None
        raise


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def _timeout_reason(cancel: Optional[Cancel]) -> str:
    if cancel is not None and cancel.is_set():
        return "the query was cancelled (the client went away)"
    return "the query took too long; use fewer or rarer words"
