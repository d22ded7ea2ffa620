"""The JSON API under ``/api``: read-only views of the ledger plus token-guarded ingest."""
from __future__ import annotations

import hmac
from typing import Any, Optional
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from newsledger.serve import lists
from newsledger.serve.guard import MAX_OFFSET, run_bounded
from newsledger.store.bounds import MAX_TERMS

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 500
GROUP_LIMIT = 20  # groups per page of /api/copies, /api/stories, /api/conflicts
MAX_GROUP_LIMIT = 100
MEMBER_LIMIT = 200  # members per page of /api/claim-groups/{id}


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
    where: str = Field("text", description='the string the offsets point into: "text", "title" or "standfirst"')


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
    group: Optional[str] = Field(None, description="the claim group holding it (see /api/groups)")
    groups: list[str] = Field(default_factory=list, description="every claim group holding it")
    title: Optional[str] = None
    site: Optional[str] = None
    published: Optional[str] = None


class Badge(BaseModel):
    kind: str
    text: str


class FacetValue(BaseModel):
    value: str
    count: int


class ArticleSummary(BaseModel):
    id: str
    title: Optional[str] = None
    site: Optional[str] = None
    outlet: Optional[str] = Field(None, description="the outlet's one name (a bare domain takes its outlet's name)")
    url: Optional[str] = None
    published: Optional[str] = None
    agency: Optional[str] = None
    byline: list[str] = Field(default_factory=list)
    source: Optional[str] = None
    flag: list[str] = Field(default_factory=list, description="provenance flags (copy, byline-swapped, ...)")
    badges: list[Badge] = Field(default_factory=list, description="the flags in plain words")
    copy_of: Optional[str] = Field(None, description="the original's outlet, for a copy")
    copy_group: Optional[str] = None
    n_copies: int = Field(0, description="copies folded under this article (copies=fold)")
    snippet: Optional[str] = Field(None, description="matching words wrapped in [ ] (with q)")


class Article(BaseModel):
    id: str
    source: str
    url: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    standfirst: Optional[str] = Field(None, description="the deck under the headline, kept out of the text "
                                      "(its figures: quantities with where \"standfirst\")")
    byline: list[str] = Field(default_factory=list)
    agency: Optional[str] = None
    dateline: Optional[str] = None
    section: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or datetime; never a bare clock time")
    updated: Optional[str] = None
    published_time: Optional[str] = Field(None, description='a clock time the page gave with no day ("10:09")')
    updated_time: Optional[str] = None
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


class Totals(BaseModel):
    total: Optional[int] = Field(None, description="items in all pages")
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict, description="counts per value")


class ArticleList(Page, Totals):
    items: list[ArticleSummary]


class ClaimList(Page, Totals):
    items: list[Claim]


class SearchHit(BaseModel):
    id: str
    title: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    snippet: Optional[str] = Field(None, description="matching words wrapped in [ ]")


class SearchResult(Page, Totals):
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


class ClaimGroup(Group):
    """A claim group with one page of its members (the timeline covers them all)."""

    truncated: bool = Field(False, description="the group found more members than it keeps")
    members_found: Optional[int] = Field(None, description="members found, kept or not")
    members_total: int = Field(description="members the group keeps (all pages)")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="offset of the next page of members")


class GroupList(BaseModel):
    count: int = Field(description="groups in this page")
    total: int = Field(0, description="groups in all")
    limit: int = GROUP_LIMIT
    offset: int = 0
    next_offset: Optional[int] = Field(None, description="offset of the next page, if there is one")
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
BOUNDED = {422: {"model": Error, "description": "Invalid parameters, or a query with too many words"},
           503: {"model": Error, "description": "The query took too long (one-line reason)"}}


# ---------------------------------------------------------------- helpers


def _ledger(request: Request):
    return request.app.state.ledger


def _links(request: Request):
    return request.app.state.links


def _page(items: list, limit: int, offset: int, **extra) -> dict:
    return dict(items=items, limit=limit, offset=offset, count=len(items),
                next_offset=offset + limit if len(items) >= limit else None, **extra)


# ---------------------------------------------------------------- read-only endpoints


Sort = Query(None, max_length=20, description="articles: newest, oldest, title, outlet, ingested")
Flag = Query(None, max_length=40, description="provenance flag: copy, byline-swapped, byline-differs, "
             "reused-bio, advertising-inside, suspicious-date, any or none")


@router.get("/articles", response_model=ArticleList, responses=BOUNDED,
            summary="List articles (newest first), filtered and faceted as the /articles page")
async def list_articles(request: Request,
                        limit: int = Query(50, ge=1, le=MAX_LIMIT),
                        offset: int = Query(0, ge=0, le=MAX_OFFSET),
                        site: Optional[str] = Query(None, max_length=300, description="exact site"),
                        since: Optional[str] = Query(None, max_length=40, description="published on/after (ISO 8601)"),
                        until: Optional[str] = Query(None, max_length=40, description="published on/before (ISO 8601)"),
                        q: Optional[str] = Query(None, max_length=500, description="full-text words"),
                        sort: Optional[str] = Sort, flag: Optional[str] = Flag,
                        outlet: Optional[str] = Query(None, max_length=300, description="outlet (one name per outlet)"),
                        agency: Optional[str] = Query(None, max_length=64),
                        section: Optional[str] = Query(None, max_length=300),
                        language: Optional[str] = Query(None, max_length=16),
                        copies: Optional[str] = Query("all", max_length=8, description="all, or fold: one row per copy group")):
    params = {k: v for k, v in dict(request.query_params).items()}
    params.update(limit=str(limit), copies=copies or "all")
    if q and q.strip():
        params.setdefault("sort", "relevance")
        listing = await run_bounded(request, lists.search, request.app.state, params)
    else:
        listing = await run_bounded(request, lists.articles, request.app.state, params)
    return _listing(listing)


def _listing(listing, **extra) -> dict:
    out = listing.as_json()
    out["next_offset"] = listing.next_offset
    return dict(out, **extra)


@router.get("/articles/{article_id}", response_model=Article, responses=ERRORS,
            summary="One article with its analysis (a unique id prefix works too)")
def get_article(request: Request, article_id: str):
    art = _ledger(request).get(article_id[:64])
    if art is None:
        raise HTTPException(404, "no such article")
    return art


@router.get("/claims", response_model=ClaimList, responses=BOUNDED, summary="Claims: who said what")
async def list_claims(request: Request,
                      source: Optional[str] = Query(None, max_length=300, description="source name (substring, any case)"),
                      about: Optional[str] = Query(None, max_length=500, description="words in the content"),
                      stance: Optional[str] = Query(None, max_length=40),
                      article_id: Optional[str] = Query(None, max_length=64),
                      q: Optional[str] = Query(None, max_length=500, description="claim search: a figure "
                                               "whatever its separators, words of the source or content"),
                      kind: Optional[str] = Query(None, max_length=16, description="direct, indirect, mixed"),
                      site: Optional[str] = Query(None, max_length=300),
                      since: Optional[str] = Query(None, max_length=40), until: Optional[str] = Query(None, max_length=40),
                      sort: Optional[str] = Query(None, max_length=20, description="newest, oldest, source, article"),
                      min_confidence: Optional[float] = Query(
                          None, ge=0.0, le=1.0, description="claims at least this confident (default: the calibrated "
                                                            "threshold, precision >= 0.90 on our dev annotations)"),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT),
                      offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    from newsledger.analyze.confidence import threshold
    from newsledger.link import with_group_ids

    ledger = _ledger(request)
    narrow = {k: v for k, v in dict(source=source, about=about, stance=stance, article_id=article_id, q=q,
                                    kind=kind, site=site, since=since, until=until).items() if v}
    narrow["min_confidence"] = threshold(min_confidence)
    try:
        rows = await run_bounded(request, ledger.claims, limit=limit, offset=offset,
                                 sort=sort or "article", **narrow)
    except ValueError as e:
        raise HTTPException(422, str(e)) from None
    counts = await run_bounded(request, ledger.claim_counts, **narrow)
    facets = {k: [{"value": v, "count": n} for v, n in vs] for k, vs in counts["facets"].items()}
    rows = await run_in_threadpool(with_group_ids, ledger, rows)  # a query: not on the event loop
    page = _page(rows, limit, offset, total=counts["total"], facets=facets)
    page["next_offset"] = offset + limit if offset + limit < counts["total"] else None
    return page


@router.get("/sources", response_model=SourceList, summary="Speakers, most claims first")
def list_sources(request: Request, limit: int = Query(200, ge=1, le=5000)):
    rows = [dict(r, id=r["name"]) for r in _ledger(request).sources(limit=limit)]
    return {"count": len(rows), "items": rows}


@router.get("/search", response_model=SearchResult, responses=BOUNDED,
            summary=f"Full-text search, best match first (every word must match; at most {MAX_TERMS} different words)")
async def search(request: Request, q: str = Query(..., max_length=500),
                 limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                 sort: Optional[str] = Query(None, max_length=20, description="relevance, newest, oldest"),
                 site: Optional[str] = Query(None, max_length=300), flag: Optional[str] = Flag,
                 since: Optional[str] = Query(None, max_length=40), until: Optional[str] = Query(None, max_length=40)):
    params = dict(request.query_params, limit=str(limit), copies="all")
    listing = await run_bounded(request, lists.search, request.app.state, params)
    return _listing(listing, query=q)


def _slice(items: list, limit: int, offset: int) -> tuple[list, Optional[int]]:
    """One page of ``items`` and the offset of the next page (None on the last)."""
    end = offset + limit
    return items[offset:end], (end if end < len(items) else None)


def _group_list(request: Request, kind: str, limit: int, offset: int) -> dict:
    groups = _links(request).groups(kind)
    page, next_offset = _slice(groups, limit, offset)
    return {"count": len(page), "total": len(groups), "limit": limit, "offset": offset,
            "next_offset": next_offset, "items": page}


GroupLimit = Query(GROUP_LIMIT, ge=1, le=MAX_GROUP_LIMIT, description="groups per page")
GroupOffset = Query(0, ge=0, le=MAX_OFFSET, description="groups to skip")


@router.get("/copies", response_model=GroupList, summary="Syndicated copy groups, largest first")
def copies(request: Request, limit: int = GroupLimit, offset: int = GroupOffset):
    return _group_list(request, "copies", limit, offset)


@router.get("/stories", response_model=GroupList, summary="Story groups across outlets, largest first")
def stories(request: Request, limit: int = GroupLimit, offset: int = GroupOffset):
    return _group_list(request, "stories", limit, offset)


@router.get("/stories/{story_id}", response_model=Group, responses=ERRORS,
            summary="One story and its member articles; a merged story's old id redirects (308) to the story "
                    "that took its members")
def story(request: Request, story_id: str):
    g, moved = _links(request).story_or_move(story_id)
    if g is not None:
        return g
    if moved is None:
        raise HTTPException(404, "no such story")
    return RedirectResponse(f"/api/stories/{quote(moved, safe='')}", status_code=308)


@router.get("/conflicts", response_model=GroupList,
            summary="Claim groups where sources disagree on a figure or a stance (verdict=conflict); "
                    "verdict=spread, different-things, agree or all for the others")
def conflicts(request: Request, limit: int = GroupLimit, offset: int = GroupOffset,
              verdict: str = Query("conflict", max_length=20, description="conflict, spread, different-things, agree, all")):
    if verdict not in (*lists.VERDICTS, "all"):
        raise HTTPException(422, f"verdict={verdict[:20]!r}: not one of {', '.join(lists.VERDICTS)}, all")
    groups = [g for g in lists.all_claim_groups(request.app.state)
              if verdict == "all" or (g.get("verdict") or "agree") == verdict]
    page, next_offset = _slice(groups, limit, offset)
    return {"count": len(page), "total": len(groups), "limit": limit, "offset": offset,
            "next_offset": next_offset, "items": page}


@router.get("/groups", response_model=GroupList,
            summary="Every claim group whatever its verdict (agree, spread, conflict, revised, ...)")
def claim_group_list(request: Request, verdict: Optional[str] = Query(None, max_length=40),
                     limit: int = GroupLimit, offset: int = GroupOffset):
    groups = _links(request).groups("claims")
    if verdict:
        groups = [g for g in groups if g.get("verdict") == verdict]
    page, next_offset = _slice(groups, limit, offset)
    return {"count": len(page), "total": len(groups), "limit": limit, "offset": offset,
            "next_offset": next_offset, "items": page}


@router.get("/claim-groups/{group_id}", response_model=ClaimGroup, responses=ERRORS,
            summary="One claim group: each source's figure over time (members paginated)")
def claim_group(request: Request, group_id: str,
                limit: int = Query(MEMBER_LIMIT, ge=1, le=MAX_LIMIT, description="members per page"),
                offset: int = Query(0, ge=0, le=MAX_OFFSET, description="members to skip")):
    g = _links(request).claim_group(group_id[:200])
    if g is None:
        raise HTTPException(404, "no such claim group")
    members, next_offset = _slice(g["members"], limit, offset)
    return dict(g, members=members, members_total=len(g["members"]), limit=limit, offset=offset,
                next_offset=next_offset)


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


@router.post("/ingest", response_model=IngestResult, openapi_extra=INGEST_BODY,
             responses={401: {"model": Error, "description": "Missing or wrong bearer token"},
                        413: {"model": Error, "description": "Page too large"}},
             summary="Add a page to the ledger (needs Authorization: Bearer <token>)")
async def ingest(request: Request):
    if not _authorised(request):
        raise HTTPException(401, "a valid bearer token is required to ingest",
                            headers={"WWW-Authenticate": "Bearer"})
    from newsledger.serve.ingest import ingest_request

    return await ingest_request(request)
