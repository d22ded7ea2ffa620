"""SQLite full-text index with the ``porter`` stemmer (``evacuate`` finds ``evacuated``), as
PostgreSQL's ``english`` configuration already stems; the index is rebuilt from the articles.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TRIGGERS = ("articles_ai", "articles_ad", "articles_au")


def _recreate(tokenize: str) -> None:
    for t in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {t}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
               f"content_rowid='pk', tokenize='{tokenize}')")
    op.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
               "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
    op.execute("CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
               "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
               "VALUES ('delete', old.pk, old.title, old.text); END")
    op.execute("CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
               "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
               "VALUES ('delete', old.pk, old.title, old.text); "
               "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        _recreate("porter unicode61 remove_diacritics 2")


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        _recreate("unicode61 remove_diacritics 2")
