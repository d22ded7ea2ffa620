"""Store stage: the ledger database (SQLite by default, PostgreSQL through the same code).

``Ledger(url)`` opens (and migrates) a ledger; ``ledger.add(articles)`` stores a batch in one
transaction and says which were new and which duplicates. Identity: the same URL or the same
normalised content is one document, stored once.
"""
from __future__ import annotations

import os
import re
import time
import zlib
from pathlib import Path
from typing import Any, Iterable, Optional

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Engine

from newsledger.model import Article
from newsledger.store import search as fulltext
from newsledger.store.bounds import (Cancel, QueryRejected, QueryTimeout,  # noqa: F401 (re-exported)
                                     bounded)
from newsledger.store.claim_rows import CLAIM_SORTS, count_claims, day_end, list_claims  # noqa: F401 (re-exported)
from newsledger.store.schema import articles, claims, quantities
from newsledger.store.write import AddResult, add_batch  # noqa: F401 (re-exported)

DEFAULT_URL = "sqlite:///newsledger.db"

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
        """Store ``(article, raw_bytes, raw_kind)`` items in one transaction (:func:`write.add_batch`)."""
        return add_batch(self.engine, batch)

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

        The syntax (stemming, ``"phrases"``, ``OR``, ``-word``, ``prefix*``, numbers whatever
        their separators) is :mod:`newsledger.store.query`'s, the same on both backends; more
        than ``MAX_TERMS`` different words is :class:`QueryRejected`. ``site``/``since``/``until``
        narrow by site and publication date; ``timeout`` seconds and ``cancel`` bound the work
        (:class:`QueryTimeout`)."""
        found = self.search_hits(query, site=site, since=since, until=until,
                                 cap=offset + limit, timeout=timeout, cancel=cancel)
        ids = [i for i, _ in found[offset:offset + limit]]
        return self.summaries(ids, snippets_for=query, timeout=timeout, cancel=cancel)

    def search_hits(self, query: str, site: Optional[str] = None, since: Optional[str] = None,
                    until: Optional[str] = None, cap: int = fulltext.MAX_HITS,
                    timeout: Optional[float] = None, cancel: Optional[Cancel] = None) -> list[tuple[str, float]]:
        """``(article id, rank)`` of every match (at most ``cap``), best first."""
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            return fulltext.hits(conn, query, site=site, since=since, until=until, cap=cap)

    def summaries(self, ids: list[str], snippets_for: Optional[str] = None,
                  timeout: Optional[float] = None, cancel: Optional[Cancel] = None) -> list[dict]:
        """Article summaries of ``ids`` in that order (a ``snippet`` of ``snippets_for``'s words)."""
        if not ids:
            return []
        q = select(articles.c.id, articles.c.title, articles.c.site, articles.c.url,
                   articles.c.published).where(articles.c.id.in_(ids))
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            rows = {r.id: dict(r._mapping) for r in conn.execute(q)}
            snips = fulltext.snippets(conn, snippets_for, ids) if snippets_for else {}
        out = []
        for i in ids:
            if i in rows:
                out.append(dict(rows[i], snippet=snips.get(i)) if snippets_for else rows[i])
        return out

    def claims(self, source: Optional[str] = None, about: Optional[str] = None,
               article_id: Optional[str] = None, stance: Optional[str] = None,
               limit: int = 1000, offset: int = 0, timeout: Optional[float] = None,
               cancel: Optional[Cancel] = None, **narrow) -> list[dict]:
        """Claims with their article; ``source`` matches the canonical name (case-insensitive,
        substring), ``about`` the content text; ``narrow``: ``q`` (claim search: a figure
        whatever its separators, words in the source or content), ``kind``, ``site``, ``since``,
        ``until``, ``source_in`` (exact names), ``min_confidence``, ``sort``
        (:data:`~newsledger.store.claim_rows.CLAIM_SORTS`); ``timeout``/``cancel`` as in :meth:`search`."""
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            return list_claims(conn, limit, offset, source=source, about=about, article_id=article_id,
                               stance=stance, **narrow)

    def claim_counts(self, facets: Iterable[str] = ("stance", "kind", "site"),
                     timeout: Optional[float] = None, cancel: Optional[Cancel] = None,
                     **narrow) -> dict[str, Any]:
        """``{"total": n, "facets": {name: [(value, count), ...]}}`` of the claims
        :meth:`claims` would list with the same filters."""
        with self.engine.connect() as conn, bounded(conn, timeout, cancel):
            return count_claims(conn, facets, **narrow)

    def catalog(self) -> list[dict]:
        """A small row per article (no text) with its flags' ``kind`` and ``undecided``, oldest
        first: what the lists filter, count and facet in memory."""
        q = select(articles.c.pk, articles.c.id, articles.c.title, articles.c.site, articles.c.url,
                   articles.c.published, articles.c.agency, articles.c.byline, articles.c.section,
                   articles.c.language, articles.c.source, articles.c.data["flags"].label("flags")
                   ).order_by(articles.c.pk)
        out = []
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                d = dict(r._mapping)
                d["flags"] = [{"kind": f.get("kind"), "undecided": bool((f.get("evidence") or {}).get("undecided"))}
                              for f in (d["flags"] or []) if isinstance(f, dict)]
                d["byline"] = list(d["byline"] or [])
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
