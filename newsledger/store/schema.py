"""The ledger's tables (SQLAlchemy Core). Changes go through Alembic migrations in
``migrations/versions``; this module is the current shape they produce."""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, String, Table, Text)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("content_hash", String(16), nullable=False),
    Column("site", Text),
    Column("title", Text),
    Column("standfirst", Text),  # the deck under the headline, kept out of the text (migration 0008)
    Column("byline", JSON),
    Column("agency", String(64)),
    Column("dateline", Text),
    Column("section", Text),
    Column("published", String(40)),
    Column("updated", String(40)),
    Column("language", String(16)),
    Column("caption", Text),
    Column("text", Text, nullable=False),
    Column("data", JSON, nullable=False),  # the whole article JSON (removed, flags, analysis)
    Column("raw", LargeBinary),  # the input, zlib-compressed, for re-extraction
    Column("raw_kind", String(8)),
    Column("ingested_at", String(40), nullable=False),
    Index("ix_articles_url", "url"),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_published", "published"),
)

claims = Table(
    "claims", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("source_name", Text),
    Column("source_text", Text),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("stance", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_claims_article", "article_id"),
    Index("ix_claims_source", "source_name"),
)

quantities = Table(
    "quantities", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("claim_idx", Integer),  # index of the claim it sits in, if any
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("bound", String(16)),
    Column("unit", Text),
    Column("where", String(16), nullable=False, server_default="text"),  # text | title | standfirst (offsets into it; 0009)
    Index("ix_quantities_article", "article_id"),
)
