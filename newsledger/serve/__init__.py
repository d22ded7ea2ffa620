"""Serve stage: the ledger in the browser (server-rendered pages) and over HTTP (JSON API).

``create_app(ledger, token=None)`` builds the FastAPI application the ``serve`` command runs
(``app_from_env`` builds the same for each of ``serve --workers N``'s processes).
Everything is read-only except ``POST /api/ingest``, which needs ``Authorization: Bearer
<token>``. No page needs JavaScript and nothing loads from another origin: every response
carries a Content-Security-Policy of ``default-src 'self'`` without inline script.

Hardening: a request whose ``Host`` is not a trusted host answers 400 (so no redirect copies
a forged host); paths and parameters with NUL, broken UTF-8 or out-of-range offsets answer 422
before any route runs (:mod:`newsledger.serve.guard`); searches and list reads run under a
time limit (``NEWSLEDGER_QUERY_SECONDS``, 503 past it) and stop when their client leaves.
"""
from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterable, Optional

import anyio

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsledger.serve.links import Links

HERE = Path(__file__).parent
DEFAULT_THREADS = 8
DEFAULT_QUERY_SECONDS = 3.0
# loopback names, and the name Starlette's test client sends
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]", "testserver")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): adds the CSP and friends to
    every HTTP response, whatever produced it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """``HEAD`` answered as the ``GET`` of the same URL, without its body (FastAPI's routes
    answer HEAD with 405 otherwise)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)


def trusted_hosts_from(hosts: Optional[Iterable[str]] = None) -> list[str]:
    """The loopback names plus ``hosts`` (else ``NEWSLEDGER_TRUSTED_HOSTS``, comma-separated)."""
    if hosts is None:
        hosts = os.environ.get("NEWSLEDGER_TRUSTED_HOSTS", "").split(",")
    extra = [h.strip() for h in hosts if h and h.strip()]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *extra]))


def create_app(ledger, token: Optional[str] = None, trusted_hosts: Optional[Iterable[str]] = None,
               query_seconds: Optional[float] = None) -> FastAPI:
    """The web UI and JSON API over ``ledger`` (a :class:`newsledger.store.Ledger`).

    ``token`` (else ``NEWSLEDGER_TOKEN``) is the bearer token that allows ``POST /api/ingest``;
    without one, ingest is refused (401) and the app is read-only. ``trusted_hosts`` are the
    ``Host`` names answered besides the loopback ones (``"*"``: any). ``query_seconds`` (else
    ``NEWSLEDGER_QUERY_SECONDS``, else 3) bounds each search and list read.
    """
    from newsledger.serve import api, errors, pages
    from newsledger.serve.guard import RequestGuard
    from newsledger.store import QueryRejected, QueryTimeout

    if token is None:
        token = os.environ.get("NEWSLEDGER_TOKEN") or None
    if query_seconds is None:
        query_seconds = query_seconds_from_env()

    @asynccontextmanager
    async def lifespan(_app):
        # Pages are sync (SQLite, Jinja2) and run in worker threads; a few threads serve a
        # CPU-bound, GIL-bound load with less contention than anyio's default 40.
        anyio.to_thread.current_default_thread_limiter().total_tokens = _threads()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="newsledger",
        version="0.1.0",
        description="A ledger of who claimed what in the news. Read-only, except "
                    "`POST /api/ingest` with a bearer token.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's docs load JS from a CDN; ours is server-rendered
        redoc_url=None,
    )
    app.state.ledger = ledger
    app.state.token = token
    app.state.links = Links(ledger)
    app.state.write_lock = threading.Lock()
    app.state.query_seconds = query_seconds
    # bounded reads get at most half the worker threads: the other pages keep answering
    app.state.query_threads = max(1, _threads() // 2)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(QueryRejected, errors.query_rejected)
    app.add_exception_handler(QueryTimeout, errors.query_timeout)
    app.add_exception_handler(Exception, errors.server_error)
    app.add_middleware(RequestGuard)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts_from(trusted_hosts),
                       www_redirect=False)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # outermost: the 400 and 422 above get the headers too
    return app


def query_seconds_from_env() -> float:
    """``NEWSLEDGER_QUERY_SECONDS`` (a positive number), else the default; ValueError in one line."""
    given = os.environ.get("NEWSLEDGER_QUERY_SECONDS", "").strip()
    try:
        seconds = float(given) if given else DEFAULT_QUERY_SECONDS
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 86400:
        raise ValueError(f"NEWSLEDGER_QUERY_SECONDS={given[:40]!r}: not a number of seconds (0 < s < 86400)")
    return seconds


def _threads() -> int:
    return int(os.environ.get("NEWSLEDGER_THREADS", "0") or 0) or DEFAULT_THREADS


def app_from_env() -> FastAPI:
    """The app for one of ``serve --workers N``'s processes: the ledger from ``NEWSLEDGER_DB``
    (already migrated by the parent), the token and trusted hosts from the environment."""
    from newsledger.store import Ledger

    return create_app(Ledger(os.environ.get("NEWSLEDGER_DB"), migrate=False))


__all__ = ["create_app", "app_from_env", "trusted_hosts_from", "CSP"]
