"""A standfirst's figures: ``quantities.where`` widened to 16 characters so that a figure read in
the deck can say ``where`` "standfirst" (offsets into ``articles.standfirst``). PostgreSQL checks
a VARCHAR's length, so it gets a plain ``ALTER COLUMN ... TYPE``; SQLite does not (its VARCHAR(8)
already holds "standfirst"), and a batch copy of the table is not worth the risk there. Down
again, the standfirst's figures go (0008 knows text and title figures only) and PostgreSQL's
column is narrowed back.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _checks_lengths() -> bool:
    """Whether the database enforces a VARCHAR's length (SQLite does not)."""
    return op.get_bind().dialect.name != "sqlite"


def upgrade():
    if _checks_lengths():
        op.alter_column("quantities", "where", type_=sa.String(16), existing_type=sa.String(8),
                        existing_nullable=False, existing_server_default="text")


def downgrade():
    op.execute(sa.text("DELETE FROM quantities WHERE \"where\" = 'standfirst'"))
    if _checks_lengths():
        op.alter_column("quantities", "where", type_=sa.String(8), existing_type=sa.String(16),
                        existing_nullable=False, existing_server_default="text")
