"""Small helpers of the link stage's database work: IN lists cut to a bound, the clock, articles
read by id."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import select

from newsledger.store.schema import articles as articles_t

IN_LIMIT = 900  # bound parameters per IN list


def chunks(xs: list, n: int = IN_LIMIT):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def articles_by_id(conn, ids: Iterable[str]) -> dict[str, tuple[int, dict]]:
    out = {}
    for part in chunks(list(ids)):
        for r in conn.execute(select(articles_t.c.pk, articles_t.c.id, articles_t.c.data)
                              .where(articles_t.c.id.in_(part))):
            out[r.id] = (r.pk, dict(r.data))
    return out
