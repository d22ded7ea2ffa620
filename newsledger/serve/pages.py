"""Server-rendered pages (Jinja2, autoescaped, no JavaScript, nothing from another origin)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from newsledger.serve import lists, render
from newsledger.serve.listing import csv_text, flag_label
from newsledger.serve.guard import run_bounded

HERE = Path(__file__).parent

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,  # every template, whatever its name
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
    finalize=render.no_bidi,  # every {{ }} output: bidi controls neutralised
)
_env.filters.update(
    stance_label=render.stance_label,
    css=render.css_token,
    figure=render.figure_text,
    quantity=render.fig_value_text,
    snippet=render.snippet,
    source_name=render.source_name,
    urlpart=lambda s: quote(str(s or ""), safe=""),
    linkify_ids=render.linkify_ids,
    ticks=render.ticks,
    quoted=render.quoted,
    evidence_items=render.evidence_items,
    jsonish=lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str),
    web_url=lambda u: isinstance(u, str) and u.lower().startswith(("http://", "https://")),
    plural=lambda n, word: f"{n} {word}" + ("" if n == 1 else "s"),
    date=lambda v: (str(v)[:16].replace("T", " ") if v else ""),
)


def list_url(request: Request, ext: str = "", keep_offset: bool = False, **changes: Any) -> str:
    """This list's URL with ``changes`` to its parameters (None drops one); the offset goes
    back to the first page unless it is among the changes or ``keep_offset``."""
    params = dict(request.query_params)
    if not keep_offset and "offset" not in changes:
        params.pop("offset", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    path = request.url.path
    for suffix in (".json", ".csv"):
        path = path.removesuffix(suffix)
    return path + ext + ("?" + urlencode(params) if params else "")


_env.globals.update(list_url=list_url, copy_name=lists.copy_name, flag_label=flag_label, verdict_words=lists.VERDICT_WORDS,
                    verdicts=lists.VERDICTS)
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)

PAGE = 20
SIDE_BY_SIDE = 6
MAX_MEMBERS = 400  # rows of a claim group page


def _ledger(request: Request):
    return request.app.state.ledger


def _links(request: Request):
    return request.app.state.links


def _page(request: Request, template: str, status_code: int = 200, **ctx) -> HTMLResponse:
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)


def _stats(request: Request) -> dict:
    return _links(request).cached("stats", lambda: _ledger(request).stats())


def _all_sources(request: Request) -> list[dict]:
    return _links(request).cached("sources", lambda: _ledger(request).sources(limit=5000))


# ---------------------------------------------------------------- home, lists, search


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    state = request.app.state
    latest = lists.articles(state, {"limit": str(PAGE)})
    counts = lists.claim_groups(state, {}).extra["verdict_counts"]
    return _page(request, "home.html", stats=_stats(request), latest=latest.items, n_latest=latest.total,
                 sources=lists.sources(state, {"limit": "15"}).items, verdict_counts=counts,
                 n_stories=len(_links(request).groups("stories")), n_copies=len(_links(request).groups("copies")))


LIST_PAGES = (  # path, list, template, title
    ("/articles", "articles", "articles.html", "Articles"),
    ("/search", "search", "search.html", "Search"),
    ("/claims", "claims", "claims.html", "Claims"),
    ("/claims/groups", "claim-groups", "groups.html", "Claim groups"),
    ("/conflicts", "conflicts", "groups.html", "Conflicts"),
    ("/copies", "copies", "copies_list.html", "Syndicated copies"),
    ("/stories", "stories", "stories_list.html", "Stories"),
    ("/sources", "sources", "sources.html", "Sources"),
)


async def list_response(request: Request, name: str, fmt: str):
    """One list as ``html``, ``json`` or ``csv``: the same :class:`Listing` rendered three ways."""
    fn, spec = lists.LISTS[name]
    listing = await run_bounded(request, fn, request.app.state, dict(request.query_params))
    if fmt == "json":
        return JSONResponse(jsonable_encoder(listing.as_json()))
    if fmt == "csv":
        return Response(csv_text(spec, listing.items), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'inline; filename="{name}.csv"'})
    path, _, template, title = next(p for p in LIST_PAGES if p[1] == name)
    extra = await run_in_threadpool(_list_extras, request, name, listing)
    return _page(request, template, L=listing, spec=spec, kind=name, title=title, path=path, **extra)


def _list_extras(request: Request, name: str, listing) -> dict:
    if name != "search" or not listing.extra.get("query"):
        return {}
    q = listing.extra["query"]
    state = request.app.state
    return {"sources": lists.matching_sources(state, q),
            "claim_hits": lists.claim_search(state, q, timeout=state.query_seconds)}


def _add_list_routes() -> None:
    for path, name, _template, _title in LIST_PAGES:
        for fmt, suffix in (("html", ""), ("json", ".json"), ("csv", ".csv")):
            async def endpoint(request: Request, _name=name, _fmt=fmt):
                return await list_response(request, _name, _fmt)
            router.add_api_route(path + suffix, endpoint, methods=["GET"], include_in_schema=False,
                                 response_class=HTMLResponse if fmt == "html" else Response)


_add_list_routes()


# ---------------------------------------------------------------- article


def _claim_groups_by_claim(article_id: str, claims: list[dict], groups: list[dict]) -> dict[int, list[dict]]:
    """Which claim groups each of the article's claims sits in."""
    out: dict[int, list[dict]] = {}
    for g in groups:
        for m in g["members"]:
            if m.get("article_id") != article_id:
                continue
            idx = m.get("idx")
            if idx is None:
                cid = str(m.get("claim_id") or m.get("claim") or "")
                if cid.startswith(article_id + "-") and cid.rsplit("-", 1)[-1].isdigit():
                    idx = int(cid.rsplit("-", 1)[-1])
            if idx is None and m.get("content"):
                content = m["content"]["text"] if isinstance(m["content"], dict) else str(m["content"])
                idx = next((i for i, c in enumerate(claims)
                            if (c.get("content") or {}).get("text") == content), None)
            if idx is None:
                name = m.get("name") or m.get("source")
                idx = next((i for i, c in enumerate(claims) if name and render.source_name(c) == name), None)
            if isinstance(idx, int) and 0 <= idx < len(claims):
                if g not in out.setdefault(idx, []):
                    out[idx].append(g)
    return out


_MIN_CONFIDENCE = Query(None, ge=0.0, le=1.0, description="show claims at least this confident (default: the "
                                                          "calibrated threshold)")


def _threshold(min_confidence: Optional[float]) -> float:
    """The confidence a page shows claims from (:func:`newsledger.analyze.confidence.threshold`)."""
    from newsledger.analyze.confidence import threshold

    return threshold(min_confidence)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, min_confidence: Optional[float] = _MIN_CONFIDENCE):
    art = _ledger(request).get(article_id[:64])
    if art is None:
        raise HTTPException(404, "No article has this id.")
    if art["id"] != article_id:
        return RedirectResponse(f"/articles/{quote(art['id'], safe='')}", status_code=308)
    threshold = _threshold(min_confidence)
    # claims under the confidence threshold stay in the ledger but are not shown; their slot is
    # kept empty so that claim numbers and claim-group links stay the stored indexes
    claims = [c if render.shown(c, threshold) else {} for c in art.get("claims") or []]
    groups = _links(request).for_article(art["id"])
    claim_groups = groups.get("claims") or groups.get("conflicts") or []
    by_claim = _claim_groups_by_claim(art["id"], claims, claim_groups)
    body = render.highlight(art.get("text") or "", claims, [q for q in art.get("quantities") or []
                                                             if q.get("where", "text") == "text"])
    stances = sorted({c.get("stance") for c in claims if c.get("stance")})
    row = lists.catalog_by_id(request.app.state).get(art["id"]) or {}
    original = lists.catalog_by_id(request.app.state).get(row.get("original_id") or "") if row.get("role") == "copy" else None
    return _page(request, "article.html", a=art, body=body, claims=claims, by_claim=by_claim,
                 badges=lists.badges(row), original=original, group_names=lists.group_names(request.app.state),
                 copies=groups.get("copies", []), stories=groups.get("stories", []),
                 claim_groups=claim_groups, stances=stances, head_figs=render.headline_figures(art),
                 threshold=threshold, asked=min_confidence is not None)


# ---------------------------------------------------------------- sources


@router.get("/sources/{name:path}", response_class=HTMLResponse)
async def source_page(request: Request, name: str, min_confidence: Optional[float] = _MIN_CONFIDENCE):
    name = name.strip()[:300]
    if not name:
        raise HTTPException(404, "No source has this name.")
    found = await run_bounded(request, _ledger(request).claims, source=name, limit=5000)
    return await run_in_threadpool(_source_claims_page, request, name, found, _threshold(min_confidence),
                                   min_confidence is not None)


def _source_claims_page(request: Request, name: str, found: list[dict], min_confidence: float,
                        asked: bool = False) -> HTMLResponse:
    low = name.casefold()
    every = [c for c in found if render.source_name(c).casefold() == low]
    exact = [c for c in every if render.shown(c, min_confidence)]
    similar = sorted({render.source_name(c) for c in found} - {name}) if not every else []
    if not every and not similar:
        raise HTTPException(404, "No claims by this source.")
    exact.sort(key=lambda c: (c.get("published") or "9999", c.get("article_id"), c.get("idx", 0)))
    exact = _fold_copied_claims(exact, lists.catalog_by_id(request.app.state))
    stances: dict[str, int] = {}
    for c in exact:
        stances[c.get("stance") or "asserts"] = stances.get(c.get("stance") or "asserts", 0) + 1
    articles = {c["article_id"] for c in exact}
    return _page(request, "source.html", name=(render.source_name(every[0]) if every else name),
                 claims=exact, hidden=len(every) - len(exact), similar=similar[:50], stances=stances,
                 n_articles=len(articles), group_names=lists.group_names(request.app.state),
                 groups=_links(request).for_source(name), threshold=min_confidence, asked=asked)


def _fold_copied_claims(claims: list[dict], catalog: dict) -> list[dict]:
    """Each claim (or claim-group member) once: one repeated word for word, by the same source,
    in a copy of its article is folded into the first, which lists the copies (``copies``)."""
    out, first = [], {}
    for c in claims:
        row = catalog.get(c.get("article_id") or "") or {}
        content = c.get("content") or ""
        text = content.get("text", "") if isinstance(content, dict) else str(content)
        who = c.get("name") or render.source_name(c) if "source" in c or "name" in c else ""
        key = (row.get("copy_group"), str(who).casefold(), " ".join(text.split()).casefold(),
               render.figure_text(c.get("figure")))
        foldable = bool(row.get("copy_group") and text.strip())
        if foldable and key in first:
            first[key].setdefault("copies", []).append({"article_id": c["article_id"], "site": c.get("site")})
            continue
        c = dict(c)
        if foldable:
            first[key] = c
        out.append(c)
    return out


# ---------------------------------------------------------------- groups


@router.get("/claims/groups/{group_id}", response_class=HTMLResponse)
def claim_group_page(request: Request, group_id: str):
    g = _links(request).claim_group(group_id[:200])
    if g is None:
        raise HTTPException(404, "No claim group has this id.")
    titles = _titles(_ledger(request), [m.get("article_id") for m in g["members"]])
    members = sorted(({**m, "title": m.get("title") or titles.get(m.get("article_id"))} for m in g["members"]),
                     key=lambda m: (str(m.get("published") or "9999"),))
    members = _fold_copied_claims(members, lists.catalog_by_id(request.app.state))  # copies once
    shown = members[:MAX_MEMBERS]
    conflict_ids = render.conflict_claims(g)
    verdict = g.get("verdict") if isinstance(g.get("verdict"), str) else None
    marks = render.conflict_marks(shown, conflict_ids, verdict)
    rows = [dict(m, _conflict=mark) for m, mark in zip(shown, marks)]
    stories = {s["id"]: s for s in _links(request).groups("stories")}
    return _page(request, "claim_group.html", g=g, rows=rows, hidden=len(members) - len(shown),
                 name=lists.group_name(g, stories),
                 timeline=(g.get("timeline") or [])[:MAX_MEMBERS],
                 chart=render.svg_chart(shown, conflict_ids, verdict))


def _titles(ledger, ids: list) -> dict[str, str]:
    """Titles of the given article ids, in one query."""
    ids = sorted({i for i in ids if isinstance(i, str)})[:500]
    if not ids:
        return {}
    try:
        from sqlalchemy import select

        from newsledger.store.schema import articles

        with ledger.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.title).where(articles.c.id.in_(ids)))
            return {r.id: r.title for r in rows if r.title}
    except Exception:
        return {}


def _member_articles(request: Request, g: dict, limit: int = SIDE_BY_SIDE,
                     order=None) -> list[tuple[dict, dict]]:
    """The group's members with their stored article, at most ``limit``, in ``order`` (a sort
    key over the members, else the group's own order)."""
    members, seen = [], set()
    for m in g["members"]:
        aid = m.get("article_id")
        if aid and aid not in seen:
            seen.add(aid)
            members.append(m)
    if order is not None:
        members.sort(key=order)
    out = []
    ledger = _ledger(request)
    for m in members[:limit]:
        art = ledger.get(m["article_id"])
        if art is not None:
            out.append((m, art))
    return out


ShowAll = Query(False, description="every member side by side, not the first few")


def _claim_summary(art: dict) -> list[dict]:
    rows = []
    for i, c in enumerate(art.get("claims") or []):
        rows.append({"i": i, "source": render.source_name(c), "stance": c.get("stance"),
                     "figures": [render.fig_value_text(q) for q in c.get("quantities") or []],
                     "text": (c.get("content") or {}).get("text", "")})
    return rows


@router.get("/stories/{group_id}", response_class=HTMLResponse)
def story_page(request: Request, group_id: str, all: bool = ShowAll):
    g, moved = _links(request).story_or_move(group_id)
    if g is None:
        if moved is None:
            raise HTTPException(404, "No story has this id.")
        # a later article merged this story into another: its old links lead there
        return RedirectResponse(f"/stories/{quote(moved, safe='')}" + ("?all=true" if all else ""), status_code=308)
    catalog = lists.catalog_by_id(request.app.state)
    distinct = _distinct_members(g["members"], catalog)
    members = g["members"] if all else distinct
    pairs = _member_articles(request, dict(g, members=members), limit=400 if all else SIDE_BY_SIDE)
    cols = _story_columns(pairs, catalog)
    names = [set(c["names"]) for c in cols]
    shared_sources = sorted(set.intersection(*names) - {"(no source)"}) if len(names) > 1 else []
    return _page(request, "story.html", g=g, cols=cols, shared_sources=shared_sources, show_all=all,
                 n_distinct=len(distinct), hidden=max(0, len(members) - len(pairs)))


def _distinct_members(members: list[dict], catalog: dict) -> list[dict]:
    """One member per copy group (its original, else the first), the others left out."""
    out, groups = [], set()
    for m in members:
        row = catalog.get(m.get("article_id") or "") or {}
        gid = row.get("copy_group")
        if gid and row.get("role") == "copy" and any(
                (catalog.get(o.get("article_id") or "") or {}).get("copy_group") == gid
                and (catalog.get(o.get("article_id") or "") or {}).get("role") == "original" for o in members):
            continue
        if gid and gid in groups:
            continue
        if gid:
            groups.add(gid)
        out.append(m)
    return out


def _story_columns(pairs: list[tuple[dict, dict]], catalog: dict) -> list[dict]:
    names = [{render.source_name(c) for c in a.get("claims") or []} for _, a in pairs]
    figs = [{render.fig_value_text(q) for q in a.get("quantities") or []} for _, a in pairs]
    cols = []
    for k, (m, a) in enumerate(pairs):
        others_names = set().union(*(n for j, n in enumerate(names) if j != k)) if len(pairs) > 1 else set()
        others_figs = set().union(*(f for j, f in enumerate(figs) if j != k)) if len(pairs) > 1 else set()
        row = catalog.get(a["id"]) or {}
        copies = [r for r in lists.copy_members(catalog, row.get("copy_group")) if r["id"] != a["id"]]
        cols.append({"m": m, "a": a, "claims": _claim_summary(a), "names": names[k],
                     "badges": lists.badges(row), "copies": copies, "copy_group": row.get("copy_group"),
                     "only_sources": sorted(names[k] - others_names - {"(no source)"}),
                     "only_figures": sorted(figs[k] - others_figs),
                     "lead": (a.get("paragraphs") or [a.get("text", "")])[:2]})
    return cols


@router.get("/copies/{group_id}", response_class=HTMLResponse)
def copies_group_page(request: Request, group_id: str, all: bool = ShowAll,
                      changed: bool = Query(False, description="changed paragraphs only")):
    g = _links(request).group("copies", group_id[:200])
    if g is None:
        raise HTTPException(404, "No copy group has this id.")
    catalog = lists.catalog_by_id(request.app.state)

    def order(m: dict) -> tuple:  # the original, then flagged copies, then the rest by date
        row = catalog.get(m["article_id"]) or {}
        return (m.get("role") != "original", len(row.get("flag") or []) <= 1, str(m.get("published") or ""))

    pairs = _member_articles(request, g, limit=400 if all else SIDE_BY_SIDE, order=order)
    if not pairs:
        raise HTTPException(404, "The articles of this group are no longer stored.")
    base_k = next((k for k, (m, _) in enumerate(pairs)
                   if str(m.get("role") or "").lower() in ("original", "probable-original", "source")), 0)
    base = pairs[base_k][1]
    cols = [_copy_column(m, a, base, k == base_k, catalog) for k, (m, a) in enumerate(pairs)]
    return _page(request, "copies.html", g=g, cols=cols, base=base, show_all=all, changed_only=changed,
                 hidden=max(0, len(g["members"]) - len(pairs)))


def _copy_column(m: dict, a: dict, base: dict, is_base: bool, catalog: dict) -> dict:
    paras = a.get("paragraphs") or [a.get("text", "")]
    if is_base:
        diff = [{"state": "same", "text": p} for p in paras]
    else:
        diff = render.para_diff(base.get("paragraphs") or [base.get("text", "")], paras)
    meta_diff = [f for f in ("title", "byline", "agency", "published", "dateline")
                 if not is_base and a.get(f) != base.get(f)]
    return {"m": m, "a": a, "diff": diff, "is_base": is_base, "meta_diff": meta_diff,
            "badges": lists.badges(catalog.get(a["id"]) or {}),
            "n_changed": sum(1 for d in diff if d["state"] != "same")}


# ---------------------------------------------------------------- API docs (no CDN)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    endpoints = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "type": (p.get("schema") or {}).get("type")
                       or ",".join(x.get("type", "") for x in (p.get("schema") or {}).get("anyOf", [])),
                       "description": p.get("description") or ""}
                      for p in op.get("parameters", [])]
            ok = (op.get("responses") or {}).get("200", {})
            ref = (((ok.get("content") or {}).get("application/json") or {}).get("schema") or {}).get("$ref", "")
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params, "returns": ref.rsplit("/", 1)[-1],
                              "body": list(((op.get("requestBody") or {}).get("content") or {}).keys())})
    schemas = spec.get("components", {}).get("schemas", {})
    return _page(request, "api_docs.html", endpoints=endpoints, schemas=schemas, info=spec.get("info", {}))


@router.get("/glossary", response_class=HTMLResponse)
def glossary(request: Request):
    return _page(request, "glossary.html")


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=308)
