"""A clock time with no day is no date (issue 14: "`published` is often only a clock time"):
``published``/``updated`` keep ISO dates only, a page's bare "Published at 10:09" goes to
``published_time``, the ledger moves clock times stored before (migration 0006, SQLite and
PostgreSQL), and CLI, API and web show them as clock times. Made-up pages except the seed."""
from __future__ import annotations

import json

import pytest

from newsledger.evaluate import shared_dir
from newsledger.extract import extract
from newsledger.model import Article, Document, settle_stamps
from newsledger.store import Ledger
from throwaway_db import alembic_config, throwaway_ledger


@pytest.mark.parametrize("given,settled", [
    (("10:09", "12:50"), (None, None, "10:09", "12:50")),  # the seed's page: no day at all
    (("9:05", None), (None, None, "09:05", None)),
    (("2024-10-18T10:09:00+02:00", "12:50"), ("2024-10-18T10:09:00+02:00", "2024-10-18T12:50+02:00", None, None)),
    (("2024-10-18T10:09", "08:00"), ("2024-10-18T10:09", None, None, "08:00")),  # earlier: maybe the next day
    (("2024-10-18", "12:50"), ("2024-10-18", None, None, "12:50")),  # no publication clock to compare with
    (("2024-10-18", "2024-10-19"), ("2024-10-18", "2024-10-19", None, None)),
    ((None, None), (None, None, None, None)),
])
def test_settle_stamps_keeps_dates_apart_from_bare_clock_times(given, settled):
    assert settle_stamps(*given) == settled


def _flat(stamp_line: str) -> Article:
    text = ("Harbour cranes stand idle in Port Alder\n\nBy Mara Quill\n\n" + stamp_line + "\n\n"
            "Dock workers in Port Alder extended their strike for a third week on Monday, the union said. "
            "The port authority said 40 ships were waiting offshore and that talks would resume.\n\n"
            "Union leader Tomas Brek said members had voted to stay out until the pay offer improved.")
    return extract(Document(source="test:flat", raw=text.encode(), kind="text"))


def test_a_flattened_page_with_only_clock_times_has_no_published_date():
    art = _flat("Published at 10:09 Updated at 12:50")
    assert (art.published, art.updated, art.published_time, art.updated_time) == (None, None, "10:09", "12:50")
    assert art.to_dict()["published_time"] == "10:09"


def test_an_update_clock_after_a_dated_publication_is_that_day():
    art = _flat("Published 18 October 2024 10:09 Updated 12:50")
    assert (art.published, art.published_time) == ("2024-10-18T10:09", None)
    assert (art.updated, art.updated_time) == ("2024-10-18T12:50", None)
    early = _flat("Published 18 October 2024 10:09 Updated 08:15")  # perhaps the next day: not guessed
    assert (early.published, early.updated, early.updated_time) == ("2024-10-18T10:09", None, "08:15")


def test_article_json_stored_before_the_split_reads_back_with_the_clock_apart():
    old = {"source": "test:old", "text": "x", "published": "10:09", "updated": "12:50"}
    a = Article.from_dict(old)
    assert (a.published, a.updated, a.published_time, a.updated_time) == (None, None, "10:09", "12:50")


def _seed_article() -> Article:
    seed = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"
    if not seed.exists():
        pytest.skip(f"seed page not found at {seed} (set NEWSLEDGER_SHARED to the shared folder)")
    return extract(Document(source=str(seed), raw=seed.read_bytes(), kind="text"))


def migration_0006(db: str) -> None:
    """Down to 0005, the seed's clock times go back into published/updated (as 0005 stored them);
    up again, they move out, in the columns and in the article JSON."""
    from alembic import command

    ledger = Ledger(db)
    (aid,) = ledger.add([(_seed_article(), None, None)]).new
    cfg = alembic_config(ledger)

    def stored():
        with ledger.engine.connect() as c:
            pub, upd, data = c.exec_driver_sql(
                f"SELECT published, updated, data FROM articles WHERE id = '{aid}'").one()
        data = data if isinstance(data, dict) else json.loads(data)
        return pub, upd, data.get("published"), data.get("published_time"), data.get("updated_time")

    assert stored() == (None, None, None, "10:09", "12:50")
    command.downgrade(cfg, "0005")
    assert stored() == ("10:09", "12:50", "10:09", None, None)
    command.upgrade(cfg, "head")
    assert stored() == (None, None, None, "10:09", "12:50")
    assert ledger.get(aid)["published_time"] == "10:09"
    ledger.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0006_moves_clock_times_out_and_back(backend, tmp_path_factory):
    with throwaway_ledger(backend, tmp_path_factory) as url:
        migration_0006(url)


def test_the_article_page_says_the_clock_time_and_that_the_page_gives_no_date(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path / "web.db"))
    try:
        (aid,) = ledger.add([(_seed_article(), None, None)]).new
        page = TestClient(create_app(ledger)).get(f"/articles/{aid}").text
    finally:
        ledger.close()
    dd = page[page.index("<dt>Published</dt>"):].split("</dd>", 1)[0]
    assert "at 10:09" in dd and "updated at 12:50" in dd and "the page gives no date" in dd
    assert "<time" not in dd  # no machine-readable date is claimed
