"""Where a stored figure is: ``where`` "text" (offsets into the article text, every figure stored
before) or "title" (a headline's figure, offsets into the title).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("quantities", sa.Column("where", sa.String(8), nullable=False, server_default="text"))


def downgrade():
    op.execute(sa.text("DELETE FROM quantities WHERE \"where\" <> 'text'"))  # 0004 knows text figures only
    with op.batch_alter_table("quantities") as batch:
        batch.drop_column("where")
