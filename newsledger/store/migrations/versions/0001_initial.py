"""Articles, claims and quantities, with full-text search on title and body.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(16), nullable=False),
        sa.Column("site", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.JSON),
        sa.Column("agency", sa.String(64)),
        sa.Column("dateline", sa.Text),
        sa.Column("section", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("updated", sa.String(40)),
        sa.Column("language", sa.String(16)),
        sa.Column("caption", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("raw_kind", sa.String(8)),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_text", sa.Text),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("stance", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_article", "claims", ["article_id"])
    op.create_index("ix_claims_source", "claims", ["source_name"])
    op.create_table(
        "quantities",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("claim_idx", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("bound", sa.String(16)),
        sa.Column("unit", sa.Text),
    )
    op.create_index("ix_quantities_article", "quantities", ["article_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
                   "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')")
        op.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
                   "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
        op.execute("CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
                   "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); END")
        op.execute("CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
                   "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); "
                   "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
    elif bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                   "setweight(to_tsvector('english', text), 'B')) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for t in ("articles_ai", "articles_ad", "articles_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {t}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("quantities")
    op.drop_table("claims")
    op.drop_table("articles")
