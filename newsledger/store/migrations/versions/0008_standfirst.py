"""A page's standfirst (the deck under its headline, kept out of the text): ``articles.standfirst``
(NULL for every article stored before), and ``quantities.where`` widened to 16 characters for
the standfirst's figures (``where`` "standfirst", offsets into it). Down again, those figures go
(0007 knows text and title figures only) and the column is dropped.

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
    with op.batch_alter_table("quantities") as batch:
        batch.alter_column("where", type_=sa.String(16), existing_type=sa.String(8),
                           existing_nullable=False, existing_server_default="text")


def downgrade():
    op.execute(sa.text("DELETE FROM quantities WHERE \"where\" = 'standfirst'"))
    with op.batch_alter_table("quantities") as batch:
        batch.alter_column("where", type_=sa.String(8), existing_type=sa.String(16),
                           existing_nullable=False, existing_server_default="text")
    op.drop_column("articles", "standfirst")  # in place (a batch copy of the table would cascade its claims away)
