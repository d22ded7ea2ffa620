"""A bare clock time is no date: ``published``/``updated`` keep dates only, and a clock time a
page gave with no day ("Published at 10:09") moves to the article's ``published_time`` /
``updated_time`` (in the article JSON; the date columns, which filters and sorting read, get
NULL). Down again, the clock times go back into the date fields.

Revision ID: 0006
Revises: 0005
"""
import json
import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_articles = sa.table("articles", sa.column("id", sa.String), sa.column("published", sa.String),
                     sa.column("updated", sa.String), sa.column("data", sa.JSON))
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")  # as newsledger.model._clock (a migration keeps its own copy)
_FIELDS = (("published", "published_time"), ("updated", "updated_time"))


def _rows(conn, where):
    for r in conn.execute(sa.select(_articles.c.id, _articles.c.data).where(where)):
        yield r.id, dict(r.data if isinstance(r.data, dict) else json.loads(r.data))


def _store(conn, aid: str, data: dict) -> None:
    conn.execute(_articles.update().where(_articles.c.id == aid).values(
        published=data.get("published"), updated=data.get("updated"), data=data))


def upgrade():
    conn = op.get_bind()
    maybe = sa.or_(*(sa.and_(_articles.c[f].like("%:%"), sa.not_(_articles.c[f].like("%-%")))
                     for f, _t in _FIELDS))
    for aid, data in list(_rows(conn, maybe)):
        for date_key, time_key in _FIELDS:
            m = _CLOCK.match(str(data.get(date_key) or ""))
            if m:
                data[time_key], data[date_key] = f"{int(m.group(1)):02d}:{m.group(2)}", None
        _store(conn, aid, data)


def downgrade():
    conn = op.get_bind()
    empty = sa.or_(*(_articles.c[f].is_(None) for f, _t in _FIELDS))
    for aid, data in list(_rows(conn, empty)):
        moved = False
        for date_key, time_key in _FIELDS:
            clock = data.pop(time_key, None)
            if clock and not data.get(date_key):
                data[date_key], moved = clock, True
        if moved:
            _store(conn, aid, data)
