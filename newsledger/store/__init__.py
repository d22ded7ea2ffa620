"""Store stage: the ledger database (SQLite by default, PostgreSQL through the same code).

``Ledger(url)`` opens (and migrates) a ledger; ``ledger.add(articles)`` stores a batch in one
transaction and says which were new and which duplicates. Identity: the same URL or the same
normalised content is one document, stored once.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from sqlalchemy import and_, create_engine, event, func, or_, select, text
from sqlalchemy.engine import Engine

from newsledger.model import Article, content_hash
from newsledger.store.bounds import (Cancel, QueryRejected, QueryTimeout,  # noqa: F401 (re-exported)
                                     bounded, search_terms)
from newsledger.store.schema import articles, claims, quantities

DEFAULT_URL = "sqlite:///newsledger.db"

# rank first, then build snippets for the page of results only
_SQLITE_SEARCH = (
    "SELECT a.id, a.title, a.site, a.url, a.published, "
    "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet "
    "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
    "WHERE articles_fts MATCH :q AND articles_fts.rowid IN ("
    " SELECT articles_fts.rowid FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
    " WHERE articles_fts MATCH :q{where}"
    " ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT :limit OFFSET :offset) "
    "ORDER BY bm25(articles_fts, 5.0, 1.0)")
_PG_SEARCH = (
    "SELECT id, title, site, url, published, "
    "ts_headline('english', text, q, 'MaxWords=20,MinWords=8,StartSel=[,StopSel=]') AS snippet "
    "FROM (SELECT a.id, a.title, a.site, a.url, a.published, a.text, q, ts_rank(a.tsv, q) AS rank"
    " FROM articles a, plainto_tsquery('english', :q) q WHERE a.tsv @@ q{where}"
    " ORDER BY rank DESC LIMIT :limit OFFSET :offset) hits ORDER BY rank DESC")


_URL_PASSWORD = re.compile(r"(?P<head>(?:^|[\s'\"/(])[^:/@\s'\"]*:)[^@\s'\"/]+(?=@)")
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)('[^']*'|[^\s'\"]+)", re.IGNORECASE)


def mask_url(text: str) -> str:
    """``text`` (a database URL, or a message quoting one) with every password shown as ***."""
    text = _URL_PASSWORD.sub(r"\g<head>***", str(text))
    return _KEYWORD_PASSWORD.sub(r"\g<head>***", text)


def resolve_url(url: Optional[str] = None) -> str:
    """``--db`` value, else ``NEWSLEDGER_DB``, else ``./newsledger.db``. A bare path means SQLite."""
    url = url or os.environ.get("NEWSLEDGER_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


@dataclass
class AddResult:
    new: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)


class Ledger:
    """A ledger database. Thread-safe for readers; one writer transaction at a time."""

    def __init__(self, url: Optional[str] = None, migrate: bool = True):
        self.url = resolve_url(url)
        self.engine: Engine = _make_engine(self.url)
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic)."""
        from alembic import command
        from alembic.config import Config

        from sqlalchemy.exc import OperationalError, ProgrammingError

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        for attempt in range(6):  # two processes may open a new ledger at the same moment
            try:
                with self.engine.begin() as conn:
                    if self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(72100)"))
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                return
            except (OperationalError, ProgrammingError):
                if attempt == 5:
                    raise
                time.sleep(0.3 * (attempt + 1))

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ writing

    def add(self, batch: Iterable[tuple[Article, Optional[bytes], Optional[str]]]) -> AddResult:
        """Store ``(article, raw_bytes, raw_kind)`` items in one transaction."""
        result = AddResult()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            for article, raw, kind in batch:
                aid, chash = article.id, content_hash(article.text, article.title)
                # the same page: same (normalised) URL -> same id, or the same content on the
                # same site; the same content on another site is a copy and is kept
                same_site = (articles.c.site.is_(None) if article.site is None
                             else articles.c.site == article.site)
                cond = or_(articles.c.id == aid, and_(articles.c.content_hash == chash, same_site))
                if conn.execute(select(articles.c.id).where(cond).limit(1)).first():
                    result.duplicate.append(aid)
                    continue
                data = article.to_dict()
                inserted = conn.execute(self._insert_ignore().values(
                    id=aid, content_hash=chash, source=article.source, url=article.url, site=article.site,
                    title=article.title, byline=article.byline, agency=article.agency,
                    dateline=article.dateline, section=article.section,
                    published=article.published, updated=article.updated,
                    language=article.language, caption=article.caption, text=article.text,
                    data=data, raw=zlib.compress(raw, 6) if raw is not None else None,
                    raw_kind=kind, ingested_at=now).returning(articles.c.pk)).first()
                if inserted is None:  # a concurrent writer stored it a moment ago (rowcount is -1 on psycopg)
                    result.duplicate.append(aid)
                    continue
                self._insert_analysis(conn, aid, article)
                result.new.append(aid)
        return result

    def _insert_ignore(self):
        """INSERT that skips a row whose id is already stored (safe with concurrent writers)."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        elif self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:  # pragma: no cover
            return articles.insert()
        return insert(articles).on_conflict_do_nothing(index_elements=["id"])

    def _insert_analysis(self, conn, aid: str, article: Article) -> None:
        rows = []
        for i, c in enumerate(article.claims):
            rows.append(dict(
                article_id=aid, idx=i, source_name=c.source.name if c.source else None,
                source_text=c.source.text if c.source else None,
                anonymous=bool(c.source and c.source.anonymous), cue=c.cue.text,
                content=c.content.text, kind=c.kind, stance=c.stance,
                start=c.content.start, end=c.content.end, data=c.to_dict()))
        if rows:
            conn.execute(claims.insert(), rows)
        qrows = []
        for q in article.quantities:
            idx = next((i for i, c in enumerate(article.claims)
                        if any(cq.start == q.start and cq.end == q.end for cq in c.quantities)), None)
            qrows.append(dict(article_id=aid, claim_idx=idx, text=q.text, start=q.start,
                              end=q.end, value=q.value, low=q.low, high=q.high, bound=q.bound,
                              unit=q.unit))
        if qrows:
            conn.execute(quantities.insert(), qrows)

    # ------------------------------------------------------------ reading

    def get(self, article_id: str) -> Optional[dict]:
        """The article JSON by id (a unique prefix of at least 6 characters works too)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.data).where(articles.c.id == article_id)).first()
            if row is None and len(article_id) >= 6:
                found = conn.execute(select(articles.c.data).where(
                    articles.c.id.startswith(article_id, autoescape=True)).limit(2)).all()
                row = found[0] if len(found) == 1 else None
        return dict(row[0]) if row else None

    def raw(self, article_id: str) -> Optional[tuple[bytes, str]]:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.raw, articles.c.raw_kind)
                               .where(articles.c.id == article_id)).first()
        if not row or row[0] is None:
            return None
        return zlib.decompress(row[0]), row[1]

    def articles(self, limit: int = 50, offset: int = 0, site: Optional[str] = None,
                 since: Optional[str] = None, until: Optional[str] = None,
                 timeout: Optional[float] = None, cancel: Optional[Cancel] = None) -> list[dict]:
        """Article summaries, newest first; ``timeout``/``cancel`` as in :meth:`search`."""
        q = select(articles.c.id, articles.c.title, articles.c.site, articles.c.url,
                   articles.c.published, articles.c.agency, articles.c.byline, articles.c.source)
        if site:
            q = q.where(articles.c.site == site)
        if since:
            q = q.where(articles.c.published >= since)
        if until:
            q = q.where(articles.c.published <= until)
        q = q.order_by(articles.c.pk.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            return [dict(r._mapping) for r in conn.execute(q)]

    def search(self, query: str, limit: int = 20, offset: int = 0, site: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None,
               timeout: Optional[float] = None, cancel: Optional[Cancel] = None) -> list[dict]:
        """Full-text search on title and body, best match first, with a snippet.

        Every word must match (each distinct word counts once; more than ``MAX_TERMS`` is
        :class:`QueryRejected`); ``site``/``since``/``until`` narrow by site and publication
        date; ``timeout`` seconds and ``cancel`` bound the work (:class:`QueryTimeout`)."""
        terms = search_terms(query)
        if not terms:
            return []
        params = {"limit": limit, "offset": offset, "site": site, "since": since, "until": until}
        where = "".join(f" AND a.{col} {op} :{name}" for col, op, name in
                        (("site", "=", "site"), ("published", ">=", "since"), ("published", "<=", "until"))
                        if params[name])
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            if self.dialect == "sqlite":
                rows = conn.execute(text(_SQLITE_SEARCH.format(where=where)),
                                    dict(params, q=" ".join('"%s"' % t for t in terms)))
            elif self.dialect == "postgresql":
                rows = conn.execute(text(_PG_SEARCH.format(where=where)), dict(params, q=" ".join(terms)))
            else:  # pragma: no cover
                like = f"%{query}%"
                rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.site,
                                           articles.c.url, articles.c.published)
                                    .where(or_(articles.c.title.ilike(like), articles.c.text.ilike(like)))
                                    .limit(limit).offset(offset))
            return [dict(r._mapping) for r in rows]

    def claims(self, source: Optional[str] = None, about: Optional[str] = None,
               article_id: Optional[str] = None, stance: Optional[str] = None,
               limit: int = 1000, offset: int = 0, min_confidence: Optional[float] = None,
               timeout: Optional[float] = None, cancel: Optional[Cancel] = None) -> list[dict]:
        """Claims with their article; ``source`` matches the canonical name (case-insensitive,
        substring), ``about`` the content text; ``min_confidence`` keeps claims whose stored
        ``confidence`` is at least that (claims stored before confidences existed count as 1);
        ``timeout``/``cancel`` as in :meth:`search`."""
        q = (select(claims.c.article_id, claims.c.idx, claims.c.data, articles.c.title,
                    articles.c.site, articles.c.published)
             .join(articles, articles.c.id == claims.c.article_id))
        if source:
            q = q.where(func.lower(claims.c.source_name).contains(source.lower(), autoescape=True))
        if about:
            q = q.where(func.lower(claims.c.content).contains(about.lower(), autoescape=True))
        if article_id:
            q = q.where(claims.c.article_id == article_id)
        if stance:
            q = q.where(claims.c.stance == stance)
        if min_confidence is not None:
            q = q.where(func.coalesce(claims.c.data["confidence"].as_float(), 1.0) >= min_confidence)
        q = q.order_by(claims.c.article_id, claims.c.idx).limit(limit).offset(offset)
        out = []
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            for r in conn.execute(q):
                d = dict(r.data)
                d.update(article_id=r.article_id, idx=r.idx, title=r.title, site=r.site,
                         published=r.published, id=f"{r.article_id}-{r.idx}")
                out.append(d)
        return out

    def sources(self, limit: int = 200) -> list[dict]:
        q = (select(claims.c.source_name, func.count().label("claims"),
                    func.count(func.distinct(claims.c.article_id)).label("articles"))
             .where(claims.c.source_name.is_not(None)).group_by(claims.c.source_name)
             .order_by(func.count().desc()).limit(limit))
        with self.engine.connect() as conn:
            return [{"name": r[0], "claims": r[1], "articles": r[2]} for r in conn.execute(q)]

    def iter_articles(self, batch: int = 500) -> Iterable[dict]:
        """Every stored article JSON, oldest first, streamed in batches."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(articles.c.pk, articles.c.data)
                                    .where(articles.c.pk > last).order_by(articles.c.pk)
                                    .limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield dict(r.data)
            last = rows[-1].pk

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            n_claims = conn.execute(select(func.count()).select_from(claims)).scalar_one()
            n_quant = conn.execute(select(func.count()).select_from(quantities)).scalar_one()
            n_sources = conn.execute(select(func.count(func.distinct(claims.c.source_name)))).scalar_one()
            n_sites = conn.execute(select(func.count(func.distinct(articles.c.site)))).scalar_one()
        return {"articles": n_articles, "claims": n_claims, "quantities": n_quant,
                "sources": n_sources, "sites": n_sites}


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.exists():
                raise FileNotFoundError(f"{path}: directory does not exist")
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # WAL: readers never block the writer
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)
