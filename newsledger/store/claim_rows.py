"""Reading claims out of the ledger: the filters every claim list shares (:func:`claim_where`),
their orders, and the list and facet counts that :meth:`newsledger.store.Ledger.claims` and
:meth:`~newsledger.store.Ledger.claim_counts` run."""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

from sqlalchemy import func, select

from newsledger.store import search as fulltext
from newsledger.store.schema import articles, claims

CLAIM_SORTS = ("article", "newest", "oldest", "source")

_CLAIMS_JOIN = "FROM claims JOIN articles ON articles.id = claims.article_id"


def day_end(until: str) -> str:
    """A date bound that includes its whole day: ``2024-10-18`` covers ``2024-10-18T23:59``."""
    return until + "\uffff" if len(until) <= 10 else until


def list_claims(conn, limit: int, offset: int, **narrow) -> list[dict]:
    """Claims with their article (see :meth:`newsledger.store.Ledger.claims` for ``narrow``)."""
    sort = narrow.pop("sort", None) or "article"
    where = claim_where(**narrow)
    q = (select(claims.c.article_id, claims.c.idx, claims.c.data, articles.c.title,
                articles.c.site, articles.c.published)
         .join(articles, articles.c.id == claims.c.article_id).where(*where))
    q = q.order_by(*claim_order(sort)).limit(limit).offset(offset)
    selective = any(narrow.get(k) for k in ("q", "source_in", "source", "about", "article_id"))
    out = []
    for r in (conn.execute(q) if selective else execute_by_date(conn, q, sort)):
        d = dict(r.data if isinstance(r.data, dict) else json.loads(r.data))
        d.update(article_id=r.article_id, idx=r.idx, title=r.title, site=r.site,
                 published=r.published, id=f"{r.article_id}-{r.idx}")
        out.append(d)
    return out


def count_claims(conn, facets: Iterable[str], **narrow) -> dict[str, Any]:
    """``{"total": n, "facets": {name: [(value, count), ...]}}`` of the claims :func:`list_claims`
    would list with the same filters."""
    narrow.pop("sort", None)
    where = claim_where(**narrow)
    base = select(claims.c.pk).join(articles, articles.c.id == claims.c.article_id).where(*where)
    cols = {"stance": claims.c.stance, "kind": claims.c.kind, "site": articles.c.site}
    out: dict[str, Any] = {"facets": {}}
    out["total"] = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    for name in facets:
        col = cols[name]
        q = (select(col, func.count()).select_from(claims)
             .join(articles, articles.c.id == claims.c.article_id).where(*where)
             .group_by(col).order_by(func.count().desc(), col).limit(30))
        out["facets"][name] = [(v, n) for v, n in conn.execute(q) if v is not None]
    return out


def claim_where(source: Optional[str] = None, about: Optional[str] = None,
                article_id: Optional[str] = None, stance: Optional[str] = None,
                q: Optional[str] = None, kind: Optional[str] = None, site: Optional[str] = None,
                since: Optional[str] = None, until: Optional[str] = None,
                source_in: Optional[list[str]] = None, min_confidence: Optional[float] = None) -> list:
    """The WHERE conditions of a claim list's filters."""
    where = []
    if min_confidence is not None:
        where.append(func.coalesce(claims.c.data["confidence"].as_float(), 1.0) >= min_confidence)
    if source_in:
        where.append(claims.c.source_name.in_(list(source_in)))
    if source:
        where.append(func.lower(claims.c.source_name).contains(source.lower(), autoescape=True))
    if about:
        where.append(func.lower(claims.c.content).contains(about.lower(), autoescape=True))
    exact = ((claims.c.article_id, article_id), (claims.c.stance, stance), (claims.c.kind, kind), (articles.c.site, site))
    where.extend(col == value for col, value in exact if value)
    if since:
        where.append(articles.c.published >= since)
    if until:
        where.append(articles.c.published <= day_end(until))
    if q:
        cond = fulltext.claim_filter(q)
        if cond is not None:
            where.append(cond)
    return where


def execute_by_date(conn, q, sort: str):
    """``q`` (claims joined to their articles); sorted by date on SQLite, the articles are read
    in their date index's order (a CROSS JOIN fixes that order), so a page stops early instead
    of sorting every claim. For broad filters only (stance, kind, site): a selective one (a
    source, words) is faster the other way round."""
    if conn.dialect.name != "sqlite" or sort not in ("newest", "oldest"):
        return conn.execute(q)
    compiled = q.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    sql = str(compiled)
    if sql.count(_CLAIMS_JOIN) != 1 or "POSTCOMPILE" in sql:
        return conn.execute(q)
    sql = sql.replace(_CLAIMS_JOIN, "FROM articles CROSS JOIN claims ON articles.id = claims.article_id")
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    return conn.exec_driver_sql(sql, params)


def claim_order(sort: str) -> list:
    """ORDER BY columns of a claim list sorted by ``sort`` (one of :data:`CLAIM_SORTS`)."""
    if sort not in CLAIM_SORTS:
        raise ValueError(f"sort={sort[:40]!r}: not one of {', '.join(CLAIM_SORTS)}")
    if sort == "newest":
        return [articles.c.published.desc(), claims.c.article_id, claims.c.idx]
    if sort == "oldest":
        return [articles.c.published, claims.c.article_id, claims.c.idx]
    if sort == "source":
        # unresolved speakers (no name) last, on SQLite as on PostgreSQL
        return [claims.c.source_name.is_(None), claims.c.source_name, claims.c.article_id, claims.c.idx]
    return [claims.c.article_id, claims.c.idx]
