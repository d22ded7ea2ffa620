"""Writing a batch of articles into the ledger: one transaction, each page stored once.

Identity: the same (normalised) URL gives the same id; the same content on the same site is the
same page; the same content on another site is a copy and is kept. :func:`add_batch` is what
:meth:`newsledger.store.Ledger.add` runs.
"""
from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Optional

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Engine

from newsledger.model import Article, content_hash
from newsledger.store.schema import articles, claims, quantities


@dataclass
class AddResult:
    new: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)


def add_batch(engine: Engine, batch: Iterable[tuple[Article, Optional[bytes], Optional[str]]]) -> AddResult:
    """Store ``(article, raw_bytes, raw_kind)`` items in one transaction."""
    result = AddResult()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with engine.begin() as conn:
        for article, raw, kind in batch:
            chash = content_hash(article.text, article.title)
            if _stored_already(conn, article, chash) or not _insert_article(conn, article, chash, (raw, kind), now):
                # stored before, or a concurrent writer stored it a moment ago (rowcount is -1 on psycopg)
                result.duplicate.append(article.id)
                continue
            insert_analysis(conn, article.id, article)
            result.new.append(article.id)
    return result


def _stored_already(conn, article: Article, chash: str) -> bool:
    """The same page: the same (normalised) URL -> the same id, or the same content on the same site."""
    same_site = articles.c.site.is_(None) if article.site is None else articles.c.site == article.site
    cond = or_(articles.c.id == article.id, and_(articles.c.content_hash == chash, same_site))
    return conn.execute(select(articles.c.id).where(cond).limit(1)).first() is not None


def _insert_article(conn, article: Article, chash: str, raw_kind: tuple[Optional[bytes], Optional[str]],
                    now: str) -> bool:
    """Insert the article's row (with its raw page, compressed); False when a row of that id is already there."""
    raw, kind = raw_kind
    inserted = conn.execute(insert_ignore(conn.dialect.name).values(
        id=article.id, content_hash=chash, source=article.source,
        url=article.url, site=article.site, title=article.title, standfirst=article.standfirst, byline=article.byline,
        agency=article.agency, dateline=article.dateline, section=article.section,
        published=article.published, updated=article.updated, language=article.language,
        caption=article.caption, text=article.text, data=article.to_dict(),
        raw=zlib.compress(raw, 6) if raw is not None else None,
        raw_kind=kind, ingested_at=now).returning(articles.c.pk)).first()
    return inserted is not None


def insert_ignore(dialect: str):
    """INSERT that skips a row whose id is already stored (safe with concurrent writers)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover
        return articles.insert()
    return insert(articles).on_conflict_do_nothing(index_elements=["id"])


def insert_analysis(conn, aid: str, article: Article) -> None:
    """The article's claims and quantities as rows of their tables."""
    rows = [dict(article_id=aid, idx=i, source_name=c.source.name if c.source else None,
                 source_text=c.source.text if c.source else None,
                 anonymous=bool(c.source and c.source.anonymous), cue=c.cue.text,
                 content=c.content.text, kind=c.kind, stance=c.stance,
                 start=c.content.start, end=c.content.end, data=c.to_dict())
            for i, c in enumerate(article.claims)]
    if rows:
        conn.execute(claims.insert(), rows)
    qrows = [dict(article_id=aid, claim_idx=article.claim_index(q), text=q.text, start=q.start,
                  end=q.end, value=q.value, low=q.low, high=q.high, bound=q.bound,
                  unit=q.unit, where=q.where)
             for q in article.quantities]
    if qrows:
        conn.execute(quantities.insert(), qrows)
