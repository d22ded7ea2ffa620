"""The link stage's tables (SQLAlchemy Core), created by migration ``0002_links``.

They live in their own ``MetaData`` so the link stage owns them; the shape here is what the
migration produces.
"""
from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Column, Float, ForeignKey, Index, Integer,
                        LargeBinary, MetaData, String, Table, Text)

metadata = MetaData()

# One row per linked article: its MinHash signatures (uint32 little-endian bytes) and the
# set sizes the containment estimate needs. Written once, when the article is first linked.
signatures = Table(
    "link_signatures", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("shingles", Integer, nullable=False),  # distinct body shingles
    Column("sig", LargeBinary, nullable=False),  # body MinHash
    Column("lead", LargeBinary),  # MinHash of the opening words (trimmed copies keep the lead)
    Column("terms", JSON),  # story terms (entities, title words, salient words)
    Column("nterms", Integer, nullable=False, default=0),
    Column("published", String(40)),
    Column("linked_at", String(40), nullable=False),
)

# LSH bands: ``key`` is a 63-bit hash of (kind, band number, the band's rows). Two articles
# sharing a key are candidates; a lookup is an index probe, never a scan.
bands = Table(
    "link_bands", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("key", BigInteger, nullable=False),
    Column("kind", String(8), nullable=False),  # body | lead | passage | story
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Index("ix_link_bands_key", "key"),
    Index("ix_link_bands_article", "article_id"),
)

copy_groups = Table(
    "link_copy_groups", metadata,
    Column("id", String(40), primary_key=True),
    Column("original_id", String(32), nullable=False),
    Column("reason", Text),  # why that member is taken as the original
    Column("size", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

copies = Table(
    "link_copies", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("group_id", String(40), nullable=False),
    Column("role", String(16), nullable=False),  # original | copy
    Column("similarity", Float),  # estimated containment against the original
    Column("changes", JSON),  # {"summary": [...], "headline": ..., ...} against the original
    Index("ix_link_copies_group", "group_id"),
)

stories = Table(
    "link_stories", metadata,
    Column("id", String(40), primary_key=True),
    Column("label", Text),
    Column("first_published", String(40)),
    Column("last_published", String(40)),
    Column("size", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

story_members = Table(
    "link_story_members", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("score", Float),
    Column("via", String(40)),  # the article it was matched to
    Index("ix_link_story_members_story", "story_id"),
)

# A merged story's id -> the story that took its members (migration 0007), so that a link or
# bookmark to a story that a later article merged into another still leads somewhere
story_aliases = Table(
    "link_story_aliases", metadata,
    Column("id", String(40), primary_key=True),  # the merged story's id, gone from link_stories
    Column("story_id", String(40), nullable=False),  # the story holding its members now
    Column("merged_at", String(40), nullable=False),
    Index("ix_link_story_aliases_story", "story_id"),
)

claim_groups = Table(
    "link_claim_groups", metadata,
    Column("id", String(40), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("label", Text),
    Column("kind", String(16), nullable=False),  # figure | stance
    Column("verdict", String(24), nullable=False),  # conflict | spread | agree | different-things
    Column("reason", Text),
    Column("size", Integer, nullable=False),  # members kept (see claims.MAX_GROUP_MEMBERS)
    # the group as the CLI/API shows it, less its members and timeline (migration 0003): those
    # are the rows of ``link_claim_members``, so a group's storage is linear in its members
    Column("data", JSON, nullable=False),
    Index("ix_link_claim_groups_story", "story_id"),
    Index("ix_link_claim_groups_verdict", "verdict"),
)

claim_members = Table(
    "link_claim_members", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("group_id", String(40), nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("idx", Integer, nullable=False),  # claim index within the article
    Column("pos", Integer, nullable=False, default=0),  # order within the group (0003)
    Column("data", JSON),  # the member as the CLI/API shows it (0003)
    Index("ix_link_claim_members_group", "group_id"),
    Index("ix_link_claim_members_article", "article_id"),
)

# Author bios with the author's own name masked: the same key under another name is a
# reused bio.
bios = Table(
    "link_bios", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("key", BigInteger, nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("name", Text),
    Column("site", Text),
    Column("bio", Text, nullable=False),
    Index("ix_link_bios_key", "key"),
    Index("ix_link_bios_article", "article_id"),
)
