"""Full-text and claim search on both backends (the syntax: :mod:`newsledger.store.query`).

:func:`hits` gives every matching article id with its rank (at most :data:`MAX_HITS`), so a
caller can count, facet, sort and page them; :func:`snippets` then marks the words in the few
articles of one page. :func:`claim_hits` finds claims by source, figure or words.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import and_, func, or_, select, text, tuple_

from newsledger.store import query as syntax
from newsledger.store.schema import articles, claims, quantities

MAX_HITS = 5000  # matches counted and faceted; past it the count reads "5000+"
IN_CHUNK = 500

_SQLITE_HITS = (
    "SELECT a.id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts "
    "JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH :q{where} "
    "ORDER BY rank LIMIT :cap")
_PG_HITS = (
    "SELECT a.id, -ts_rank(a.tsv, q) AS rank FROM articles a, to_tsquery('english', :q) q "
    "WHERE a.tsv @@ q{where} ORDER BY rank LIMIT :cap")
_SQLITE_SNIPPETS = (
    "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts "
    "JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH :q AND a.id IN ({ids})")
_PG_SNIPPETS = (
    "SELECT a.id, ts_headline('english', a.text, q, 'MaxWords=20,MinWords=8,StartSel=[,StopSel=]') "
    "AS snippet FROM articles a, to_tsquery('english', :q) q WHERE a.id IN ({ids})")

# words of a question that say nothing about the claim ("who said 7,200?")
QUESTION_WORDS = frozenset("who whom what when where which why how said say says claimed claim "
                           "did does do the a an of to is was were about".split())


def expression(conn, query: str) -> Optional[str]:
    """The backend's match expression for ``query``; None when it asks for nothing."""
    clauses = syntax.parse(query)
    if not syntax.positive(clauses):
        return None
    if conn.dialect.name == "postgresql":
        return syntax.to_tsquery(clauses)
    return syntax.to_fts5(clauses)


def hits(conn, query: str, site: Optional[str] = None, since: Optional[str] = None,
         until: Optional[str] = None, cap: int = MAX_HITS) -> list[tuple[str, float]]:
    """``(article id, rank)`` of every match, best first (lower rank is better)."""
    q = expression(conn, query)
    if q is None:
        return []
    params = {"q": q, "cap": cap, "site": site, "since": since, "until": until}
    where = "".join(f" AND a.{col} {op} :{name}" for col, op, name in
                    (("site", "=", "site"), ("published", ">=", "since"), ("published", "<=", "until"))
                    if params[name])
    sql = _PG_HITS if conn.dialect.name == "postgresql" else _SQLITE_HITS
    return [(r[0], float(r[1])) for r in conn.execute(text(sql.format(where=where)), params)]


def snippets(conn, query: str, ids: list[str]) -> dict[str, str]:
    """The matching words of each of ``ids`` in context, wrapped in ``[ ]``."""
    q = expression(conn, query)
    if q is None or not ids:
        return {}
    names = {f"i{k}": i for k, i in enumerate(ids[:IN_CHUNK])}
    sql = _PG_SNIPPETS if conn.dialect.name == "postgresql" else _SQLITE_SNIPPETS
    rows = conn.execute(text(sql.format(ids=", ".join(":" + n for n in names))), dict(names, q=q))
    return {r[0]: r[1] for r in rows}


def claim_filter(query: str):
    """A WHERE clause over ``claims`` for a claim search: every figure the query names must be
    a figure of the claim (whatever its separators; or inside a narrow range: "6,500 to 8,000"
    holds 7,200, "thousands" does not), every other word must
    be in the source's name or the claim's content (question words are ignored)."""
    clauses = syntax.parse(query)
    conds = []
    for n in syntax.numbers(clauses):  # from the (small) quantities table to the claims
        conds.append(tuple_(claims.c.article_id, claims.c.idx).in_(
            select(quantities.c.article_id, quantities.c.claim_idx).where(
                quantities.c.claim_idx.is_not(None),
                or_(quantities.c.value == n, quantities.c.low == n, quantities.c.high == n,
                    and_(quantities.c.low <= n, quantities.c.high >= n, quantities.c.high <= 2 * quantities.c.low)))))
    for w in syntax.words(clauses):
        if w.casefold() in QUESTION_WORDS:
            continue
        low = w.casefold()
        conds.append(or_(func.lower(claims.c.source_name).contains(low, autoescape=True),
                         func.lower(claims.c.content).contains(low, autoescape=True)))
    return and_(*conds) if conds else None
