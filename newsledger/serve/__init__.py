"""Serve stage: the ledger in the browser (server-rendered pages) and over HTTP (JSON API).

``create_app(ledger, token=None)`` builds the FastAPI application the ``serve`` command runs.
Everything is read-only except ``POST /api/ingest``, which needs ``Authorization: Bearer
<token>``. No page needs JavaScript and nothing loads from another origin: every response
carries a Content-Security-Policy of ``default-src 'self'`` without inline script.
"""
from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

import anyio

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger.serve.links import Links

HERE = Path(__file__).parent
DEFAULT_THREADS = 8

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


def create_app(ledger, token: Optional[str] = None) -> FastAPI:
    """The web UI and JSON API over ``ledger`` (a :class:`newsledger.store.Ledger`).

    ``token`` (else ``NEWSLEDGER_TOKEN``) is the bearer token that allows ``POST /api/ingest``;
    without one, ingest is refused (401) and the app is read-only.
    """
    from newsledger.serve import api, errors, pages

    if token is None:
        token = os.environ.get("NEWSLEDGER_TOKEN") or None

    @asynccontextmanager
    async def lifespan(_app):
        # Pages are sync (SQLite, Jinja2) and run in worker threads; a few threads serve a
        # CPU-bound, GIL-bound load with less contention than anyio's default 40.
        threads = int(os.environ.get("NEWSLEDGER_THREADS", "0") or 0) or DEFAULT_THREADS
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
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

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(Exception, errors.server_error)
    app.add_middleware(SecurityHeaders)
    return app


__all__ = ["create_app", "CSP"]
