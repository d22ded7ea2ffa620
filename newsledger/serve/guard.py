"""What the server refuses before any route runs, and how long a route's query may work.

:class:`RequestGuard` (pure ASGI middleware, one place for every route):

* a path or query string with a NUL, bytes that are not UTF-8, or an encoded lone surrogate
  answers 422 naming the parameter (PostgreSQL cannot store NUL; nothing needs it);
* ``offset`` and ``limit`` must be integers in ``0..MAX_OFFSET`` (a 64-bit overflow was a 500);
* ``HEAD`` is answered as ``GET`` without the body.

:func:`run_bounded` runs a ledger read in a worker thread under the app's query time limit
and with a :class:`~newsledger.store.Cancel` token that is set when the client disconnects,
so the read stops (SQLite: progress handler; PostgreSQL: statement cancel) instead of
working for nobody.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Any, Callable, Optional
from urllib.parse import unquote_to_bytes

import anyio
from starlette.requests import Request

from newsledger.store import Cancel

MAX_OFFSET = 10_000_000
BOUNDED_PARAMS = ("offset", "limit")
_INTEGER = re.compile(r"[+-]?\d+")


def problem_in_path(raw_path: bytes) -> Optional[str]:
    """Why the (percent-encoded) path is refused, or None."""
    why = _text_problem(unquote_to_bytes(raw_path))
    return f"the path {why}" if why else None


def problem_in_query(query_string: bytes) -> Optional[str]:
    """Why the query string is refused (naming the parameter), or None."""
    for pair in query_string.split(b"&"):
        if not pair:
            continue
        raw_name, _, raw_value = pair.partition(b"=")
        name = unquote_to_bytes(raw_name.replace(b"+", b" "))
        value = unquote_to_bytes(raw_value.replace(b"+", b" "))
        why = _text_problem(name)
        if why:
            return f"a parameter name {why}"
        label = name.decode("utf-8")[:40]
        why = _text_problem(value) or _bound_problem(label, value.decode("utf-8"))
        if why:
            return f"parameter {label!r} {why}"
    return None


def _text_problem(data: bytes) -> Optional[str]:
    if b"\x00" in data:
        return "contains a NUL character"
    try:
        data.decode("utf-8")  # strict: encoded surrogates (ED A0 80 ...) fail too
    except UnicodeDecodeError:
        return "is not valid UTF-8 (or holds a lone surrogate)"
    return None


def _bound_problem(name: str, value: str) -> Optional[str]:
    if name not in BOUNDED_PARAMS or not _INTEGER.fullmatch(value.strip()):
        return None  # not an integer at all: the route's own validation names it
    if not 0 <= int(value) <= MAX_OFFSET:
        return f"must be between 0 and {MAX_OFFSET}"
    return None


class RequestGuard:
    """Pure ASGI middleware: refuses unusable paths and parameters with a 422 before routing,
    and answers ``HEAD`` like ``GET`` without a body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        why = (problem_in_path(scope.get("raw_path") or scope["path"].encode("utf-8", "surrogatepass"))
               or problem_in_query(scope.get("query_string") or b""))
        if why:
            from newsledger.serve.errors import error_response

            response = error_response(Request(scope), 422, f"Invalid request: {why}.")
            return await response(scope, receive, send)
        if scope["method"] == "HEAD":
            return await self.app(dict(scope, method="GET"), receive, _without_body(send))
        return await self.app(scope, receive, send)


def _without_body(send):
    async def send_head(message):
        if message["type"] == "http.response.body":
            message = dict(message, body=b"")
        await send(message)

    return send_head


async def run_bounded(request: Request, fn: Callable[..., Any], *args, **kwargs) -> Any:
    """``fn(*args, timeout=<the app's limit>, cancel=<token>, **kwargs)`` in a worker thread
    (at most ``app.state.query_threads`` at once); the token is set if the client goes away."""
    cancel = Cancel()
    call = partial(fn, *args, timeout=request.app.state.query_seconds, cancel=cancel, **kwargs)
    outcome: dict[str, Any] = {}
    async with anyio.create_task_group() as tg:
        tg.start_soon(_cancel_on_disconnect, request, cancel)
        try:
            outcome["value"] = await anyio.to_thread.run_sync(call, limiter=_limiter(request, "query"))
        except Exception as e:  # raised below, outside the task group (no exception group)
            outcome["error"] = e
        tg.cancel_scope.cancel()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


async def _cancel_on_disconnect(request: Request, cancel: Cancel) -> None:
    while True:  # a GET has one (empty) body message; the next one is the disconnect
        message = await request.receive()
        if message["type"] == "http.disconnect":
            # PostgreSQL's cancel is a network round trip: not on the event loop
            await anyio.to_thread.run_sync(cancel.set, abandon_on_cancel=True,
                                           limiter=_limiter(request, "cancel"))
            return


def _limiter(request: Request, name: str) -> anyio.CapacityLimiter:
    """The app's limiter for bounded queries (``query``: ``app.state.query_threads`` at once) or
    for cancels (``cancel``: their own threads, so a full query pool never delays a cancel).
    Made on first use: a limiter belongs to the running event loop."""
    state = request.app.state
    key = f"{name}_limiter"
    if getattr(state, key, None) is None:
        setattr(state, key, anyio.CapacityLimiter(state.query_threads if name == "query" else 4))
    return getattr(state, key)
