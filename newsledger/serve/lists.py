"""The lists of the web UI and API, one function each (articles, search, claims, claim groups,
copies, stories, sources): each takes the app's state and the request's query parameters and
returns a :class:`~newsledger.serve.listing.Listing` that the page, ``.json`` and ``.csv``
render alike. Each function has the ``timeout``/``cancel`` keywords of a bounded read."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable, Mapping, Optional

from fastapi import HTTPException

from newsledger.serve import render
from newsledger.serve.listing import FLAG_LABELS, ListSpec, Listing, flag_label, options, remember, run
from newsledger.store import QueryRejected

Params = Mapping[str, str]


def _text(key: str):
    return lambda r: str(r.get(key) or "").casefold()


def _get(key: str):
    return lambda r: r.get(key)


ARTICLES = ListSpec(
    name="articles", facets=("outlet", "agency", "section", "language", "flag", "month"), exact=("site",),
    sorts={"newest": (_get("published"), True), "oldest": (_get("published"), False),
           "title": (_text("title"), False), "outlet": (_text("outlet"), False),
           "ingested": (_get("pk"), True)},
    default_sort="newest",
    columns=("id", "title", "outlet", "site", "published", "agency", "section", "language", "byline", "flag",
             "copy_of", "copy_group", "n_copies", "url"))

SEARCH = ListSpec(
    name="search", facets=ARTICLES.facets, exact=ARTICLES.exact,
    sorts={"relevance": (_get("pk"), False), "newest": (_get("published"), True),
           "oldest": (_get("published"), False)},
    default_sort="relevance", columns=("id", "title", "site", "published", "agency", "flag",
                                       "copy_of", "n_copies", "snippet", "url"))

CLAIMS = ListSpec(
    name="claims", facets=("stance", "kind", "site"), sorts={k: (_get(k), False) for k in
                                                           ("article", "newest", "oldest", "source")},
    default_sort="newest", columns=("id", "article_id", "source", "stance", "kind", "figures", "content",
                                    "title", "site", "published"))

GROUPS = ListSpec(
    name="groups", facets=("verdict", "kind", "unit"),
    sorts={"size": (_get("n_members"), True), "sources": (_get("n_sources"), True),
           "label": (_text("name"), False), "newest": (_get("last_published"), True)},
    default_sort="size", date_key="last_published",
    columns=("id", "name", "verdict", "reason", "figure_range", "n_members", "n_sources", "unit",
             "story_id", "last_published"))

COPIES = ListSpec(
    name="copies", facets=("site", "flag"),
    sorts={"size": (_get("n_members"), True), "newest": (_get("published"), True),
           "oldest": (_get("published"), False), "title": (_text("title"), False)},
    default_sort="size",
    columns=("id", "title", "site", "published", "original_id", "n_members", "outlets", "flag"))

STORIES = ListSpec(
    name="stories", facets=("site",),
    sorts={"size": (_get("n_members"), True), "newest": (_get("last_published"), True),
           "oldest": (_get("first_published"), False), "label": (_text("label"), False)},
    default_sort="size", date_key="last_published",
    columns=("id", "label", "n_members", "n_outlets", "first_published", "last_published", "site"))

SOURCES = ListSpec(
    name="sources", facets=(), date_key=None,
    sorts={"claims": (_get("claims"), True), "articles": (_get("articles"), True),
           "name": (_text("name"), False)},
    default_sort="claims", columns=("name", "claims", "articles"), page=100)

MAX_SOURCES = 5000
VERDICTS = ("conflict", "spread", "revised", "different-things", "agree")
VERDICT_WORDS = {"conflict": "conflict: the figures or stances disagree",
                 "spread": "spread: figures differ within bounds, not a disagreement",
                 "revised": "revised: one source changed its own figure over time (see the timeline)",
                 "different-things": "different things: the figures count different things",
                 "agree": "agreement: the figures match"}


# ---------------------------------------------------------------- the article catalog


def catalog(state) -> list[dict]:
    """Every article's list row (no text), with its flags and copy group, once per ledger
    generation."""
    return state.links.cached("catalog", lambda: _build_catalog(state))


def catalog_by_id(state) -> dict[str, dict]:
    return state.links.cached("catalog-by-id", lambda: {r["id"]: r for r in catalog(state)})


def outlet_names(sites: Iterable[Optional[str]]) -> dict[str, str]:
    """One name per outlet: a bare domain ("dailyvista.example") takes the name another article
    gives the same outlet ("Daily Vista") when its first label spells that name."""
    sites = {s for s in sites if s}
    by_letters = {re.sub(r"[^a-z0-9]", "", s.casefold()): s for s in sites if not _DOMAIN.match(s)}
    out = {}
    for s in sites:
        if _DOMAIN.match(s):
            label = s.casefold().removeprefix("www.").split(".")[0]
            out[s] = by_letters.get(re.sub(r"[^a-z0-9]", "", label), s)
        else:
            out[s] = s
    return out


_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+$")


def _build_catalog(state) -> list[dict]:
    rows = state.ledger.catalog()
    outlets = outlet_names(r.get("site") for r in rows)
    for r in rows:
        r["outlet"] = outlets.get(r.get("site") or "") or r.get("site")
    sites = {r["id"]: r.get("outlet") for r in rows}
    copy_of: dict[str, tuple[str, str, str]] = {}
    for g in state.links.groups("copies"):
        original = g.get("original") or next((m["article_id"] for m in g["members"]
                                              if m.get("role") == "original"), None)
        for m in g["members"]:
            copy_of[m["article_id"]] = (g["id"], m.get("role") or "", original or "")
    for r in rows:
        flags = []
        for f in r.pop("flags"):
            kind = "byline-differs" if f["kind"] == "byline-swapped" and f["undecided"] else f["kind"]
            if kind and kind not in flags:
                flags.append(kind)
        gid, role, original = copy_of.get(r["id"], (None, None, None))
        if role == "copy":
            flags.insert(0, "copy")
        r.update(flag=flags, copy_group=gid, role=role, original_id=original or None,
                 copy_of=sites.get(original) if role == "copy" else None,
                 month=month_of(r.get("published")))
    return rows


_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}")


def month_of(published: Optional[str]) -> Optional[str]:
    """The "YYYY-MM" an article's month facet shows; None when ``published`` names no month (none
    known, or a year alone; a bare clock time is in ``published_time``, not here)."""
    return published[:7] if published and _YEAR_MONTH.match(published) else None


def results_cache(state) -> dict:
    """Sorted, faceted lists of this ledger generation (a new generation starts empty)."""
    return state.links.cached("list-results", dict)


def badges(row: dict) -> list[dict]:
    """The provenance badge row of an article: ``[{kind, text}]``."""
    out = []
    for kind in row.get("flag") or []:
        text = f"copy of {row['copy_of']}" if kind == "copy" and row.get("copy_of") else flag_label(kind)
        out.append({"kind": kind, "text": text})
    return out


def fold_copies(rows: list[dict]) -> list[dict]:
    """One row per copy group: its original (else its earliest member) with the others under
    it as ``copies`` (flagged ones first); rows outside any group as they are."""
    by_group: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("copy_group"):
            by_group[r["copy_group"]].append(r)
    out = []
    placed: set[str] = set()
    for r in rows:
        gid = r.get("copy_group")
        if not gid:
            out.append(r)
            continue
        if gid in placed:
            continue
        placed.add(gid)
        members = by_group[gid]
        head = next((m for m in members if m.get("role") == "original"),
                    min(members, key=lambda m: m.get("published") or "9999"))
        others = sorted((m for m in members if m is not head),
                        key=lambda m: (len(m.get("flag") or []) <= 1, m.get("published") or ""))
        out.append(dict(head, copies=[_copy_brief(m) for m in others], n_copies=len(others)))
    return out


def copy_members(catalog: dict[str, dict], group_id: Optional[str]) -> list[dict]:
    """The catalog rows of one copy group."""
    if not group_id:
        return []
    return [r for r in catalog.values() if r.get("copy_group") == group_id]


def _copy_brief(r: dict) -> dict:
    return {"id": r["id"], "title": r.get("title"), "site": r.get("outlet") or r.get("site"), "published": r.get("published"),
            "flag": r.get("flag") or [], "badges": badges(r)}


def _article_opts(params: Params, spec: ListSpec) -> tuple[dict, bool]:
    opts = options(spec, params)
    copies = params.get("copies") or "fold"
    if copies not in ("fold", "all"):
        raise HTTPException(422, f"copies={copies[:20]!r}: not one of fold, all")
    return opts, copies == "fold" and not opts["filters"].get("flag")


def _shown(r: dict) -> dict:
    return dict(r, badges=badges(r), n_copies=r.get("n_copies", 0))


def articles(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    opts, fold = _article_opts(params, ARTICLES)
    listing = run(ARTICLES, catalog(state), opts, fold=fold_copies if fold else None, cache=results_cache(state))
    listing.items = [_shown(r) for r in listing.items]
    listing.extra["copies"] = "fold" if fold else "all"
    return listing


# ---------------------------------------------------------------- search


def search(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    q = (params.get("q") or "").strip()[:500]
    opts, fold = _article_opts(params, SEARCH)
    if not q:
        return Listing(items=[], total=0, offset=opts["offset"], limit=opts["limit"], sort=opts["sort"],
                       filters=opts["filters"], extra={"query": q, "capped": False})
    from newsledger.store.search import MAX_HITS

    cache = results_cache(state)
    found = remember(cache, ("hits", q), lambda: state.ledger.search_hits(q, timeout=timeout, cancel=cancel))
    by_id = catalog_by_id(state)
    rows = [by_id[i] for i, _ in found if i in by_id]  # best match first: the relevance order
    listing = run(SEARCH, rows, opts, fold=fold_copies if fold else None,
                  presorted=opts["sort"] == "relevance", cache=cache, key=q)
    snips = state.ledger.summaries([r["id"] for r in listing.items], snippets_for=q,
                                   timeout=timeout, cancel=cancel)
    snip = {s["id"]: s.get("snippet") for s in snips}
    listing.items = [dict(_shown(r), snippet=snip.get(r["id"])) for r in listing.items]
    listing.extra.update(query=q, capped=len(found) >= MAX_HITS, copies="fold" if fold else "all")
    return listing


def matching_sources(state, q: str, limit: int = 10) -> list[dict]:
    """Listed sources whose name contains ``q`` (any case), most quoted first."""
    low = q.casefold().strip()
    folded = state.links.cached("sources-folded", lambda: [
        ((s["name"] or "").casefold(), s) for s in listed_sources(state)])
    return [s for name, s in folded if low and low in name][:limit]


def claim_search(state, q: str, limit: int = 10, timeout: Optional[float] = None,
                 cancel: Any = None) -> dict:
    """Claims for the search page: by the figure the query names ("who said 7,200?"), else by a
    source whose name it matches; ``/claims?q=`` also searches the claims' words."""
    from newsledger.store import query as syntax

    try:
        has_number = bool(syntax.numbers(syntax.parse(q)))
    except QueryRejected:
        return {"total": 0, "items": []}
    if has_number:
        narrow: dict = {"q": q}
    else:
        names = [s["name"] for s in matching_sources(state, q)]
        if not names:
            return {"total": 0, "items": []}
        narrow = {"source_in": names}

    def find() -> dict:
        counts = state.ledger.claim_counts(facets=(), timeout=timeout, cancel=cancel, **narrow)
        rows = state.ledger.claims(limit=limit, sort="newest", timeout=timeout, cancel=cancel, **narrow)
        return {"total": counts["total"], "items": [_claim_row(c) for c in rows], "link": narrow.get("q")}
    return remember(results_cache(state), ("claim-search", q, limit), find)


# ---------------------------------------------------------------- claims


def _claim_row(c: dict) -> dict:
    return {"id": c["id"], "article_id": c["article_id"], "idx": c["idx"], "source": render.source_name(c),
            "stance": c.get("stance"), "kind": c.get("kind"),
            "figures": [render.fig_value_text(q) for q in c.get("quantities") or []],
            "content": (c.get("content") or {}).get("text", ""), "title": c.get("title"),
            "site": c.get("site"), "published": c.get("published"),
            "anchor": f"/articles/{c['article_id']}#claim-{c['idx'] + 1}"}


def claims(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    opts = options(CLAIMS, params)
    narrow = dict(opts["filters"])
    for k in ("q", "source", "about"):
        if params.get(k):
            narrow[k] = str(params[k])[:500]
    counts = remember(results_cache(state), ("claim-counts", tuple(sorted(narrow.items()))),
                      lambda: state.ledger.claim_counts(timeout=timeout, cancel=cancel, **narrow))
    rows = state.ledger.claims(limit=opts["limit"], offset=opts["offset"], sort=opts["sort"],
                               timeout=timeout, cancel=cancel, **narrow)
    facets = {k: [{"value": v, "count": n, "selected": opts["filters"].get(k) == v} for v, n in vs]
              for k, vs in counts["facets"].items()}
    return Listing(items=[_claim_row(c) for c in rows], total=counts["total"], offset=opts["offset"],
                   limit=opts["limit"], sort=opts["sort"], filters=narrow, facets=facets)


# ---------------------------------------------------------------- groups


def _figure_range(g: dict) -> str:
    values = sorted(m["value"] for m in g["members"] if isinstance(m.get("value"), (int, float)))
    if not values:
        return ""
    lo, hi = values[0], values[-1]
    return render.number_text(lo) if lo == hi else f"{render.number_text(lo)}–{render.number_text(hi)}"


def group_name(g: dict, stories: Mapping[str, dict]) -> str:
    """A readable claim-group name: the measure, what it is about, the story."""
    from newsledger.link.verdicts import measure_text

    story = stories.get(g.get("story_id") or "")
    measure = measure_text(g.get("unit")) or (g.get("label") or "").split(":")[0] or g.get("kind") or "claims"
    about = (story or {}).get("label")
    return f"{measure} — {about}" if about else str(g.get("label") or measure)


def all_claim_groups(state) -> list[dict]:
    """Every claim group the link stage keeps (whatever its verdict), conflicts first."""
    def build():
        seen, out = set(), []
        for g in state.links.groups("claims") + state.links.groups("conflicts"):
            if g["id"] not in seen:
                seen.add(g["id"])
                out.append(g)
        order = {v: k for k, v in enumerate(VERDICTS)}
        return sorted(out, key=lambda g: order.get(g.get("verdict") or "agree", len(VERDICTS)))
    return state.links.cached("all-claim-groups", build)


def _claim_group_rows(state) -> list[dict]:
    def build():
        stories = {s["id"]: s for s in state.links.groups("stories")}
        out = []
        for g in all_claim_groups(state):
            members = g["members"]
            dates = sorted(str(m.get("published")) for m in members if m.get("published"))
            out.append({"id": g["id"], "name": group_name(g, stories), "label": g.get("label"),
                        "verdict": g.get("verdict") or "agree", "kind": g.get("kind"), "unit": g.get("unit"),
                        "reason": g.get("reason"), "figure_range": _figure_range(g),
                        "n_members": len(members), "truncated": bool(g.get("truncated")),
                        "members_found": g.get("members_found"),
                        "n_sources": len({m.get("name") or m.get("source") for m in members}),
                        "story_id": g.get("story_id"), "last_published": dates[-1] if dates else None})
        return out
    return state.links.cached("claim-group-rows", build)


def group_names(state) -> dict[str, str]:
    """Readable names of every claim group, by id."""
    return state.links.cached("claim-group-names", lambda: {r["id"]: r["name"] for r in _claim_group_rows(state)})


def copy_name(g: dict) -> str:
    """A copy group named by its original: title, outlet, date."""
    members = g.get("members") or []
    head = next((m for m in members if m.get("role") == "original"), members[0] if members else {})
    bits = [b for b in (head.get("site"), str(head.get("published") or "")[:10]) if b]
    title = head.get("title") or g.get("label") or g.get("id")
    return f"“{title}”" + (f" — {', '.join(bits)}" if bits else "")


def claim_groups(state, params: Params, timeout: Optional[float] = None, cancel: Any = None,
                 default_verdict: Optional[str] = None) -> Listing:
    params = dict(params)
    if default_verdict and "verdict" not in params:
        params["verdict"] = default_verdict
    if params.get("verdict") == "all":
        params.pop("verdict")
    rows = _claim_group_rows(state)
    listing = run(GROUPS, rows, options(GROUPS, params), cache=results_cache(state))
    listing.extra["verdict_counts"] = {v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICTS}
    return listing


def conflicts(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    return claim_groups(state, params, default_verdict="conflict")


def _copy_rows(state) -> list[dict]:
    def build():
        by_id = catalog_by_id(state)
        out = []
        for g in state.links.groups("copies"):
            original = g.get("original") or (g["members"][0]["article_id"] if g["members"] else None)
            head = by_id.get(original or "") or (g["members"][0] if g["members"] else {})
            sites = [(by_id.get(m["article_id"]) or {}).get("outlet") or m.get("site") for m in g["members"]]
            sites = [x for x in sites if x]
            flags = sorted({f for m in g["members"] for f in (by_id.get(m["article_id"]) or {}).get("flag") or []
                            if f != "copy"})
            out.append({"id": g["id"], "title": head.get("title"), "site": sites, "outlets": sites,
                        "published": head.get("published"), "original_id": original,
                        "original_site": head.get("outlet") or head.get("site"), "n_members": len(g["members"]), "flag": flags,
                        "reason": g.get("reason")})
        return out
    return state.links.cached("copy-rows", build)


def copies(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    return run(COPIES, _copy_rows(state), options(COPIES, params), cache=results_cache(state))


def _story_rows(state) -> list[dict]:
    def build():
        out = []
        for g in state.links.groups("stories"):
            sites = sorted({m.get("site") for m in g["members"] if m.get("site")})
            out.append({"id": g["id"], "label": g.get("label") or g["id"], "n_members": len(g["members"]),
                        "n_outlets": len(sites), "site": sites,
                        "first_published": g.get("first_published"), "last_published": g.get("last_published")})
        return out
    return state.links.cached("story-rows", build)


def stories(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    return run(STORIES, _story_rows(state), options(STORIES, params), cache=results_cache(state))


def listed_sources(state) -> list[dict]:
    """The sources worth listing (not dates, datelines or bare words), most claims first."""
    return state.links.cached("sources-listed", lambda: [s for s in state.ledger.sources(limit=MAX_SOURCES)
                                                         if render.listable_source(s.get("name"))])


def sources(state, params: Params, timeout: Optional[float] = None, cancel: Any = None) -> Listing:
    return run(SOURCES, listed_sources(state), options(SOURCES, params), cache=results_cache(state))


LISTS = {"articles": (articles, ARTICLES), "search": (search, SEARCH), "claims": (claims, CLAIMS),
         "claim-groups": (claim_groups, GROUPS), "conflicts": (conflicts, GROUPS),
         "copies": (copies, COPIES), "stories": (stories, STORIES), "sources": (sources, SOURCES)}

__all__ = ["LISTS", "FLAG_LABELS", "badges", "catalog", "fold_copies"]
