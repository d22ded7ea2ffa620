"""A throwaway ledger URL on either backend, for tests that run on SQLite and PostgreSQL."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest

PG = os.environ.get("NEWSLEDGER_TEST_PG")


@contextmanager
def throwaway_ledger(backend: str, tmp_path_factory) -> Iterator[str]:
    """A ledger URL: a new file for SQLite; for PostgreSQL a fresh database on the test server
    (skipped without NEWSLEDGER_TEST_PG), dropped afterwards."""
    if backend == "sqlite":
        yield str(tmp_path_factory.mktemp("ledger") / "ledger.db")
        return
    if not PG:
        pytest.skip("NEWSLEDGER_TEST_PG is not set")
    with pg_database() as url:
        yield url


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh database on the PostgreSQL test server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"newsledger_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(PG), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str, tries: int = 20) -> None:
    """DROP ... WITH (FORCE) ends our own sessions; it is refused while a server process of
    another role (autovacuum, a session still closing) holds the database: wait for it to go."""
    import time

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    for attempt in range(tries):
        try:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == tries - 1:
                raise
            time.sleep(0.5)


def alembic_config(ledger):
    """An Alembic config on ``ledger``'s database, for tests that step its migrations down and up."""
    from pathlib import Path

    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parents[1] / "newsledger" / "store" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", ledger.url.replace("%", "%%"))
    return cfg
