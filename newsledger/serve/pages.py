"""Server-rendered pages (Jinja2, autoescaped, no JavaScript, nothing from another origin)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from newsledger.serve import render
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
    jsonish=lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str),
    web_url=lambda u: isinstance(u, str) and u.lower().startswith(("http://", "https://")),
    plural=lambda n, word: f"{n} {word}" + ("" if n == 1 else "s"),
    date=lambda v: (str(v)[:16].replace("T", " ") if v else ""),
)
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
    links = _links(request)
    return _page(request, "home.html", stats=_stats(request),
                 latest=_ledger(request).articles(limit=PAGE),
                 sources=_all_sources(request)[:15],
                 n_conflicts=len(links.groups("conflicts")), n_stories=len(links.groups("stories")),
                 n_copies=len(links.groups("copies")))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, offset: int = Query(0, ge=0, le=10_000_000),
                  site: Optional[str] = Query(None, max_length=300)):
    rows = _ledger(request).articles(limit=PAGE + 1, offset=offset, site=site or None)
    return _page(request, "articles.html", rows=rows[:PAGE], offset=offset, site=site,
                 more=len(rows) > PAGE, page=PAGE)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = Query("", max_length=500),
                      offset: int = Query(0, ge=0, le=100_000)):
    q = q.strip()
    rows = await run_bounded(request, _ledger(request).search, q, limit=PAGE + 1, offset=offset) if q else []
    return await run_in_threadpool(_search_results, request, q, rows, offset)


def _search_results(request: Request, q: str, rows: list[dict], offset: int) -> HTMLResponse:
    sources = []
    if q:
        low = q.casefold()
        folded = _links(request).cached("sources-folded", lambda: [
            ((s["name"] or "").casefold(), s) for s in _all_sources(request)])
        sources = [s for name, s in folded if low in name][:10]
    return _page(request, "search.html", q=q, rows=rows[:PAGE], more=len(rows) > PAGE,
                 offset=offset, page=PAGE, sources=sources)


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


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    art = _ledger(request).get(article_id[:64])
    if art is None:
        raise HTTPException(404, "No article has this id.")
    if art["id"] != article_id:
        return RedirectResponse(f"/articles/{quote(art['id'], safe='')}", status_code=308)
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    # claims under the confidence threshold stay in the ledger but are not shown; their slot is
    # kept empty so that claim numbers and claim-group links stay the stored indexes
    claims = [c if render.shown(c, DEFAULT_MIN_CONFIDENCE) else {} for c in art.get("claims") or []]
    groups = _links(request).for_article(art["id"])
    claim_groups = groups.get("claims") or groups.get("conflicts") or []
    by_claim = _claim_groups_by_claim(art["id"], claims, claim_groups)
    body = render.highlight(art.get("text") or "", claims, art.get("quantities") or [])
    stances = sorted({c.get("stance") for c in claims if c.get("stance")})
    return _page(request, "article.html", a=art, body=body, claims=claims, by_claim=by_claim,
                 copies=groups.get("copies", []), stories=groups.get("stories", []),
                 claim_groups=claim_groups, stances=stances)


# ---------------------------------------------------------------- sources


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request):
    return _page(request, "sources.html", sources=_all_sources(request))


@router.get("/sources/{name:path}", response_class=HTMLResponse)
async def source_page(request: Request, name: str):
    name = name.strip()[:300]
    if not name:
        raise HTTPException(404, "No source has this name.")
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    found = await run_bounded(request, _ledger(request).claims, source=name, limit=5000)
    return await run_in_threadpool(_source_claims_page, request, name, found, DEFAULT_MIN_CONFIDENCE)


def _source_claims_page(request: Request, name: str, found: list[dict], min_confidence: float) -> HTMLResponse:
    low = name.casefold()
    every = [c for c in found if render.source_name(c).casefold() == low]
    exact = [c for c in every if render.shown(c, min_confidence)]
    similar = sorted({render.source_name(c) for c in found} - {name}) if not every else []
    if not every and not similar:
        raise HTTPException(404, "No claims by this source.")
    exact.sort(key=lambda c: (c.get("published") or "9999", c.get("article_id"), c.get("idx", 0)))
    stances: dict[str, int] = {}
    for c in exact:
        stances[c.get("stance") or "asserts"] = stances.get(c.get("stance") or "asserts", 0) + 1
    articles = {c["article_id"] for c in exact}
    return _page(request, "source.html", name=(render.source_name(every[0]) if every else name),
                 claims=exact, hidden=len(every) - len(exact), similar=similar[:50], stances=stances,
                 n_articles=len(articles),
                 groups=_links(request).for_source(name))


# ---------------------------------------------------------------- groups


@router.get("/claims/groups/{group_id}", response_class=HTMLResponse)
def claim_group_page(request: Request, group_id: str):
    g = _links(request).claim_group(group_id[:200])
    if g is None:
        raise HTTPException(404, "No claim group has this id.")
    titles = _titles(_ledger(request), [m.get("article_id") for m in g["members"]])
    members = sorted(({**m, "title": m.get("title") or titles.get(m.get("article_id"))} for m in g["members"]),
                     key=lambda m: (str(m.get("published") or "9999"),))
    shown = members[:MAX_MEMBERS]
    conflict_ids = render.conflict_claims(g)
    verdict = g.get("verdict") if isinstance(g.get("verdict"), str) else None
    marks = render.conflict_marks(shown, conflict_ids, verdict)
    rows = [dict(m, _conflict=mark) for m, mark in zip(shown, marks)]
    return _page(request, "claim_group.html", g=g, rows=rows, hidden=len(members) - len(shown),
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


def _group_list_page(request: Request, kind: str, title: str, base: str, offset: int):
    groups = _links(request).groups(kind)
    return _page(request, "groups.html", kind=kind, title=title, groups=groups[offset:offset + PAGE],
                 base=base, offset=offset, page=PAGE, total=len(groups),
                 more=offset + PAGE < len(groups), path=f"/{kind}")


GroupOffset = Query(0, ge=0, le=10_000_000)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, offset: int = GroupOffset):
    return _group_list_page(request, "conflicts", "Conflicts", "/claims/groups/", offset)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, offset: int = GroupOffset):
    return _group_list_page(request, "stories", "Stories", "/stories/", offset)


@router.get("/copies", response_class=HTMLResponse)
def copies_page(request: Request, offset: int = GroupOffset):
    return _group_list_page(request, "copies", "Syndicated copies", "/copies/", offset)


def _member_articles(request: Request, g: dict) -> list[tuple[dict, dict]]:
    out, seen = [], set()
    ledger = _ledger(request)
    for m in g["members"]:
        aid = m.get("article_id")
        if not aid or aid in seen:
            continue
        seen.add(aid)
        art = ledger.get(aid)
        if art is not None:
            out.append((m, art))
        if len(out) >= SIDE_BY_SIDE:
            break
    return out


def _claim_summary(art: dict) -> list[dict]:
    rows = []
    for i, c in enumerate(art.get("claims") or []):
        rows.append({"i": i, "source": render.source_name(c), "stance": c.get("stance"),
                     "figures": [render.fig_value_text(q) for q in c.get("quantities") or []],
                     "text": (c.get("content") or {}).get("text", "")})
    return rows


@router.get("/stories/{group_id}", response_class=HTMLResponse)
def story_page(request: Request, group_id: str):
    g = _links(request).group("stories", group_id[:200])
    if g is None:
        raise HTTPException(404, "No story has this id.")
    pairs = _member_articles(request, g)
    cols = []
    names = [{render.source_name(c) for c in a.get("claims") or []} for _, a in pairs]
    figs = [{render.fig_value_text(q) for q in a.get("quantities") or []} for _, a in pairs]
    for k, (m, a) in enumerate(pairs):
        others_names = set().union(*(n for j, n in enumerate(names) if j != k)) if len(pairs) > 1 else set()
        others_figs = set().union(*(f for j, f in enumerate(figs) if j != k)) if len(pairs) > 1 else set()
        cols.append({"m": m, "a": a, "claims": _claim_summary(a),
                     "only_sources": sorted(names[k] - others_names - {"(no source)"}),
                     "only_figures": sorted(figs[k] - others_figs),
                     "lead": (a.get("paragraphs") or [a.get("text", "")])[:2]})
    shared_sources = sorted(set.intersection(*names) - {"(no source)"}) if len(names) > 1 else []
    return _page(request, "story.html", g=g, cols=cols, shared_sources=shared_sources,
                 hidden=max(0, len(g["members"]) - len(pairs)))


@router.get("/copies/{group_id}", response_class=HTMLResponse)
def copies_group_page(request: Request, group_id: str):
    g = _links(request).group("copies", group_id[:200])
    if g is None:
        raise HTTPException(404, "No copy group has this id.")
    pairs = _member_articles(request, g)
    if not pairs:
        raise HTTPException(404, "The articles of this group are no longer stored.")
    base_k = next((k for k, (m, _) in enumerate(pairs)
                   if str(m.get("role") or "").lower() in ("original", "probable-original", "source")), 0)
    base = pairs[base_k][1]
    cols = []
    for k, (m, a) in enumerate(pairs):
        paras = a.get("paragraphs") or [a.get("text", "")]
        if k == base_k:
            diff = [{"state": "same", "text": p} for p in paras]
        else:
            diff = render.para_diff(base.get("paragraphs") or [base.get("text", "")], paras)
        meta_diff = [f for f in ("title", "byline", "agency", "published", "dateline")
                     if k != base_k and a.get(f) != base.get(f)]
        cols.append({"m": m, "a": a, "diff": diff, "is_base": k == base_k, "meta_diff": meta_diff,
                     "n_changed": sum(1 for d in diff if d["state"] != "same")})
    return _page(request, "copies.html", g=g, cols=cols, base=base,
                 hidden=max(0, len(g["members"]) - len(pairs)))


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


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=308)
