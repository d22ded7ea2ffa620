"""A merged story's id is kept: ``link_story_aliases`` maps the id of a story that a later article
merged into another (:mod:`newsledger.link.story_merges`) to the story holding its members now,
so a link or bookmark to the old id still leads to the story. Stories merged before this
revision left no trace; their ids stay unknown.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "link_story_aliases",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("merged_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_link_story_aliases_story", "link_story_aliases", ["story_id"])


def downgrade():
    op.drop_index("ix_link_story_aliases_story", table_name="link_story_aliases")
    op.drop_table("link_story_aliases")
