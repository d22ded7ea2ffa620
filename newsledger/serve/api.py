"""The JSON API under ``/api``: read-only views of the ledger plus token-guarded ingest."""
from __future__ import annotations

import hmac
import json
from typing import Any, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 500


# ---------------------------------------------------------------- response models


class Span(BaseModel):
    text: str
    start: int
    end: int


class SourceSpan(Span):
    name: Optional[str] = Field(None, description="canonical speaker; null when unresolved")
    anonymous: bool = False
    resolved_from: Optional[str] = Field(None, description="the mention a pronoun or descriptor was resolved to")
    confidence: float = 1.0


class ContentSpan(Span):
    pieces: list[list[int]] = Field(default_factory=list)


class Quantity(Span):
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "exact"
    unit: Optional[str] = None
    concept: Optional[str] = None


class DateExpr(Span):
    value: Optional[str] = None
    kind: str = "date"


class Entity(Span):
    label: str


class Removed(BaseModel):
    text: str
    reason: str


class Flag(BaseModel):
    kind: str
    detail: str
    evidence: dict[str, Any] = Field(default_factory=dict)


class ClaimBody(BaseModel):
    source: Optional[SourceSpan] = None
    cue: Span
    content: ContentSpan
    kind: str
    stance: str = "asserts"
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateExpr] = Field(default_factory=list)
    confidence: float = Field(1.0, description="calibrated probability that the claim is right")
    unresolved: bool = Field(False, description="no speaker could be named")


class Claim(ClaimBody):
    """A stored claim with its article."""

    id: str = Field(description="<article_id>-<index in the article>")
    article_id: str
    idx: int
    title: Optional[str] = None
    site: Optional[str] = None
    published: Optional[str] = None


class ArticleSummary(BaseModel):
    id: str
    title: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    agency: Optional[str] = None
    byline: list[str] = Field(default_factory=list)
    source: Optional[str] = None


class Article(BaseModel):
    id: str
    source: str
    url: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    byline: list[str] = Field(default_factory=list)
    agency: Optional[str] = None
    dateline: Optional[str] = None
    section: Optional[str] = None
    published: Optional[str] = None
    updated: Optional[str] = None
    language: Optional[str] = None
    caption: Optional[str] = None
    text: str = ""
    paragraphs: list[str] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    claims: Optional[list[ClaimBody]] = None
    quantities: Optional[list[Quantity]] = None
    dates: Optional[list[DateExpr]] = None
    entities: Optional[list[Entity]] = None


class Page(BaseModel):
    limit: int
    offset: int
    count: int = Field(description="items in this page")
    next_offset: Optional[int] = Field(None, description="offset of the next page, if it may exist")


class ArticleList(Page):
    items: list[ArticleSummary]


class ClaimList(Page):
    items: list[Claim]


class SearchHit(BaseModel):
    id: str
    title: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    snippet: Optional[str] = Field(None, description="matching words wrapped in [ ]")


class SearchResult(Page):
    query: str
    items: list[SearchHit]


class SourceItem(BaseModel):
    id: str = Field(description="the canonical source name")
    name: str
    claims: int
    articles: int


class SourceList(BaseModel):
    count: int
    items: list[SourceItem]


class GroupMember(BaseModel):
    model_config = ConfigDict(extra="allow")

    article_id: Optional[str] = None
    id: Optional[str] = None
    source: Optional[str] = None
    name: Optional[str] = None
    figure: Any = None
    stance: Optional[str] = None
    published: Optional[str] = None
    site: Optional[str] = None
    role: Optional[str] = None
    changes: Optional[list[Any]] = None


class Group(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    label: Optional[str] = None
    verdict: Optional[str] = None
    members: list[GroupMember] = Field(default_factory=list)
    timeline: list[Any] = Field(default_factory=list)


class GroupList(BaseModel):
    count: int
    items: list[Group]


class Stats(BaseModel):
    model_config = ConfigDict(extra="allow")

    articles: int
    claims: int
    quantities: int
    sources: int
    sites: int


class IngestResult(BaseModel):
    new: int
    duplicate: int
    failed: int
    ids: list[str]
    failures: list[str] = Field(default_factory=list, description="one line per failed input")


class Error(BaseModel):
    detail: str
    status: int


ERRORS = {404: {"model": Error, "description": "Not found"},
          422: {"model": Error, "description": "Invalid parameters"}}


# ---------------------------------------------------------------- helpers


def _ledger(request: Request):
    return request.app.state.ledger


def _links(request: Request):
    return request.app.state.links


def _page(items: list, limit: int, offset: int, **extra) -> dict:
    return dict(items=items, limit=limit, offset=offset, count=len(items),
                next_offset=offset + limit if len(items) >= limit else None, **extra)


def search_filtered(ledger, q: str, limit: int, offset: int, site: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
    """Full-text hits, optionally narrowed by site and publication date (in ranking order)."""
    if not (site or since or until):
        return ledger.search(q, limit=limit, offset=offset)
    out: list[dict] = []
    skipped, chunk, start = 0, 200, 0
    while len(out) < limit and start < 5000:
        rows = ledger.search(q, limit=chunk, offset=start)
        for r in rows:
            pub = r.get("published") or ""
            if site and r.get("site") != site:
                continue
            if since and not (pub and pub >= since):
                continue
            if until and not (pub and pub <= until):
                continue
            if skipped < offset:
                skipped += 1
                continue
            out.append(r)
            if len(out) >= limit:
                break
        if len(rows) < chunk:
            break
        start += chunk
    return out


# ---------------------------------------------------------------- read-only endpoints


@router.get("/articles", response_model=ArticleList, summary="List articles, newest first")
def list_articles(request: Request,
                  limit: int = Query(50, ge=1, le=MAX_LIMIT),
                  offset: int = Query(0, ge=0),
                  site: Optional[str] = Query(None, max_length=300, description="exact site"),
                  since: Optional[str] = Query(None, max_length=40, description="published on/after (ISO 8601)"),
                  until: Optional[str] = Query(None, max_length=40, description="published on/before (ISO 8601)"),
                  q: Optional[str] = Query(None, max_length=500, description="full-text words")):
    ledger = _ledger(request)
    if q and q.strip():
        rows = search_filtered(ledger, q, limit, offset, site, since, until)
    else:
        rows = ledger.articles(limit=limit, offset=offset, site=site, since=since, until=until)
    for r in rows:
        r["byline"] = list(r.get("byline") or [])
    return _page(rows, limit, offset)


@router.get("/articles/{article_id}", response_model=Article, responses=ERRORS,
            summary="One article with its analysis (a unique id prefix works too)")
def get_article(request: Request, article_id: str):
    art = _ledger(request).get(article_id[:64])
    if art is None:
        raise HTTPException(404, "no such article")
    return art


@router.get("/claims", response_model=ClaimList, summary="Claims: who said what")
def list_claims(request: Request,
                source: Optional[str] = Query(None, max_length=300, description="source name (substring, any case)"),
                about: Optional[str] = Query(None, max_length=500, description="words in the content"),
                stance: Optional[str] = Query(None, max_length=40),
                article_id: Optional[str] = Query(None, max_length=64),
                min_confidence: Optional[float] = Query(
                    None, ge=0.0, le=1.0, description="claims at least this confident (default: the calibrated "
                                                      "threshold, precision >= 0.90 on our dev annotations)"),
                limit: int = Query(100, ge=1, le=MAX_LIMIT),
                offset: int = Query(0, ge=0)):
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    rows = _ledger(request).claims(source=source, about=about, stance=stance,
                                   article_id=article_id, limit=limit, offset=offset,
                                   min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)
    return _page(rows, limit, offset)


@router.get("/sources", response_model=SourceList, summary="Speakers, most claims first")
def list_sources(request: Request, limit: int = Query(200, ge=1, le=5000)):
    rows = [dict(r, id=r["name"]) for r in _ledger(request).sources(limit=limit)]
    return {"count": len(rows), "items": rows}


@router.get("/search", response_model=SearchResult, summary="Full-text search, best match first")
def search(request: Request, q: str = Query(..., max_length=500),
           limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    rows = _ledger(request).search(q, limit=limit, offset=offset)
    return _page(rows, limit, offset, query=q)


def _group_list(request: Request, kind: str) -> dict:
    groups = _links(request).groups(kind)
    return {"count": len(groups), "items": groups}


@router.get("/copies", response_model=GroupList, summary="Syndicated copy groups")
def copies(request: Request):
    return _group_list(request, "copies")


@router.get("/stories", response_model=GroupList, summary="Story groups across outlets")
def stories(request: Request):
    return _group_list(request, "stories")


@router.get("/conflicts", response_model=GroupList,
            summary="Claim groups where sources disagree on a figure or a stance")
def conflicts(request: Request):
    return _group_list(request, "conflicts")


@router.get("/claim-groups/{group_id}", response_model=Group, responses=ERRORS,
            summary="One claim group: each source's figure over time")
def claim_group(request: Request, group_id: str):
    g = _links(request).claim_group(group_id[:200])
    if g is None:
        raise HTTPException(404, "no such claim group")
    return g


@router.get("/stats", response_model=Stats, summary="Counts of what the ledger holds")
def stats(request: Request):
    s = dict(_ledger(request).stats())
    try:
        from newsledger.link import link_stats

        extra = link_stats(_ledger(request))
        if isinstance(extra, dict):
            s.update({k: v for k, v in extra.items() if k not in s})
    except Exception:
        pass
    return s


# ---------------------------------------------------------------- ingest

INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary",
                                        "description": "an HTML page, text page, feed, JSONL or WARC"},
                               "url": {"type": "string", "description": "where the page came from"}}}},
            "application/json": {"schema": {
                "type": "object",
                "properties": {"url": {"type": "string"}, "html": {"type": "string"},
                               "text": {"type": "string"}},
                "description": 'either {"url", "html"} or {"url", "text"}'}},
        },
    }
}


def _authorised(request: Request) -> bool:
    token = request.app.state.token
    if not token:
        return False
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 4096:
        raise HTTPException(413, "page over the size limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + 4096:
            raise HTTPException(413, "page over the size limit")
        chunks.append(chunk)
    return b"".join(chunks)


async def _documents(request: Request, limits) -> list:
    """The request body as the read stage's Documents (or Failures)."""
    from newsledger.model import Document, Failure

    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_page_bytes + 65536:
        raise HTTPException(413, "page over the size limit")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, 'multipart body needs a "file" part')
        raw = await upload.read(limits.max_page_bytes + 1)
        await form.close()
        if len(raw) > limits.max_page_bytes:
            raise HTTPException(413, "page over the size limit")
        url = form.get("url") if isinstance(form.get("url"), str) else None
        name = upload.filename or "upload"
        given = f"upload:{name}" + (f"#{url}" if url else "")
        try:
            from newsledger.read import _from_bytes, _kind_of

            kind = _kind_of(name)
            if kind == "warc":
                from newsledger.read import _iter_warc
                import io

                items = list(_iter_warc(io.BytesIO(raw), given, limits))
            else:
                items = list(_from_bytes(raw, given, kind, limits))
        except ImportError:
            items = [Document(source=given, raw=raw, kind="html" if b"<" in raw[:2048] else "text")]
        for d in items:
            if isinstance(d, Document) and url and not d.url:
                d.url = url
        return items
    if ctype in ("application/json", "") or ctype.endswith("+json"):
        body = await _read_body(request, limits.max_page_bytes)
        try:
            obj = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(422, "body is not valid JSON")
        if not isinstance(obj, dict):
            raise HTTPException(422, 'body must be a JSON object {"url", "html"} or {"url", "text"}')
        url = obj.get("url") if isinstance(obj.get("url"), str) and obj.get("url") else None
        kind, content = "html", obj.get("html")
        if not isinstance(content, str):
            kind, content = "text", obj.get("text")
        if not isinstance(content, str) or not content.strip():
            raise HTTPException(422, 'body needs an "html" or a "text" field')
        given = f"api#{url}" if url else "api"
        return [Document(source=given, raw=content.encode("utf-8"), kind=kind, url=url,
                         encoding="utf-8")]
    raise HTTPException(415, "send multipart/form-data with a file, or JSON")


@router.post("/ingest", response_model=IngestResult, openapi_extra=INGEST_BODY,
             responses={401: {"model": Error, "description": "Missing or wrong bearer token"},
                        413: {"model": Error, "description": "Page too large"}},
             summary="Add a page to the ledger (needs Authorization: Bearer <token>)")
async def ingest(request: Request):
    if not _authorised(request):
        raise HTTPException(401, "a valid bearer token is required to ingest",
                            headers={"WWW-Authenticate": "Bearer"})
    from newsledger.read import Limits

    docs = await _documents(request, Limits())
    ledger = _ledger(request)
    app_state = request.app.state

    def run() -> dict:
        from newsledger.pipeline import ingest as run_ingest

        with app_state.write_lock:
            report = run_ingest(iter(docs), ledger, analyze=True)
            if report.ids:
                try:
                    from newsledger.link import link_new

                    link_new(ledger, report.ids)
                except Exception:
                    pass
        app_state.links.invalidate()
        return {"new": report.new, "duplicate": report.duplicate, "failed": report.failed,
                "ids": list(report.ids), "failures": [str(f) for f in report.failures]}

    return await run_in_threadpool(run)
