"""A page's standfirst (the deck under its headline, kept out of the text): ``articles.standfirst``
(NULL for every article stored before). Down again, the column is dropped.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("articles", sa.Column("standfirst", sa.Text))


def downgrade():
    op.drop_column("articles", "standfirst")  # in place (a batch copy of the table would cascade its claims away)
