"""Error responses without internals: JSON under ``/api``, a plain page elsewhere."""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import Request
from fastapi.responses import JSONResponse, Response

log = logging.getLogger("newsledger.serve")


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_response(request: Request, status: int, message: str, headers=None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message, "status": status}, status_code=status,
                            headers=headers)
    from newsledger.serve.pages import templates

    return templates.TemplateResponse(
        request, "error.html", {"status": status, "reason": _reason(status), "message": message},
        status_code=status, headers=headers)


async def http_error(request: Request, exc) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", None)
    message = detail if isinstance(detail, str) and detail else _reason(status)
    if status >= 500:
        message = _reason(status)
    return error_response(request, status, message, headers=getattr(exc, "headers", None))


async def validation_error(request: Request, exc) -> Response:
    """422 naming the bad parameters, never echoing their values."""
    problems = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        problems.append({"loc": loc, "msg": str(e.get("msg", "invalid"))})
    if _is_api(request):
        return JSONResponse({"detail": "invalid request", "status": 422, "errors": problems},
                            status_code=422)
    names = ", ".join(sorted({p["loc"] for p in problems if p["loc"]})) or "the request"
    return error_response(request, 422, f"Invalid value for {names}.")


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path, exc_info=exc)
    resp = error_response(request, 500, "Something went wrong on our side.")
    from newsledger.serve import SECURITY_HEADERS  # the outermost handler skips middleware

    for k, v in SECURITY_HEADERS:
        resp.headers[k.decode()] = v.decode()
    return resp


async def query_rejected(request: Request, exc: Exception) -> Response:
    """A search that asks for too much (:class:`newsledger.store.QueryRejected`): 422, one line."""
    return error_response(request, 422, f"Invalid query: {exc}.")


async def query_timeout(request: Request, exc: Exception) -> Response:
    """A read stopped by its time limit or its client leaving: 503, one line, retry later."""
    return error_response(request, 503, f"Not answered: {exc}.", headers={"Retry-After": "5"})
