"""Link stage: MinHash signatures and LSH bands, copy groups, stories, claim groups, bios.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_fk():
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def upgrade():
    op.create_table(
        "link_signatures",
        sa.Column("article_id", sa.String(32), _article_fk(), primary_key=True),
        sa.Column("shingles", sa.Integer, nullable=False),
        sa.Column("sig", sa.LargeBinary, nullable=False),
        sa.Column("lead", sa.LargeBinary),
        sa.Column("terms", sa.JSON),
        sa.Column("nterms", sa.Integer, nullable=False, server_default="0"),
        sa.Column("published", sa.String(40)),
        sa.Column("linked_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "link_bands",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
    )
    op.create_index("ix_link_bands_key", "link_bands", ["key"])
    op.create_index("ix_link_bands_article", "link_bands", ["article_id"])
    op.create_table(
        "link_copy_groups",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("original_id", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "link_copies",
        sa.Column("article_id", sa.String(32), _article_fk(), primary_key=True),
        sa.Column("group_id", sa.String(40), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("similarity", sa.Float),
        sa.Column("changes", sa.JSON),
    )
    op.create_index("ix_link_copies_group", "link_copies", ["group_id"])
    op.create_table(
        "link_stories",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "link_story_members",
        sa.Column("article_id", sa.String(32), _article_fk(), primary_key=True),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("via", sa.String(40)),
    )
    op.create_index("ix_link_story_members_story", "link_story_members", ["story_id"])
    op.create_table(
        "link_claim_groups",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("verdict", sa.String(24), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_link_claim_groups_story", "link_claim_groups", ["story_id"])
    op.create_index("ix_link_claim_groups_verdict", "link_claim_groups", ["verdict"])
    op.create_table(
        "link_claim_members",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("group_id", sa.String(40), nullable=False),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
    )
    op.create_index("ix_link_claim_members_group", "link_claim_members", ["group_id"])
    op.create_index("ix_link_claim_members_article", "link_claim_members", ["article_id"])
    op.create_table(
        "link_bios",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.Column("article_id", sa.String(32), _article_fk(), nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("bio", sa.Text, nullable=False),
    )
    op.create_index("ix_link_bios_key", "link_bios", ["key"])
    op.create_index("ix_link_bios_article", "link_bios", ["article_id"])


def downgrade():
    for name in ("link_bios", "link_claim_members", "link_claim_groups", "link_story_members",
                 "link_stories", "link_copies", "link_copy_groups", "link_bands",
                 "link_signatures"):
        op.drop_table(name)
