"""A flattened page's standfirst (issue 14), end to end: the deck under the headline is
``Article.standfirst``, kept out of the text and out of the removed lines (it is no navigation);
the ledger stores the field and reads it back (migration 0008, SQLite and PostgreSQL); the article
page and the API show it under the title. Its figures are not read (a deck's duration joined
unrelated groups on held-out ECB+ topics at stop 37). Made-up pages."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from newsledger.analyze import analyze
from newsledger.extract import extract
from newsledger.link import link_new
from newsledger.model import Article, Document
from newsledger.store import Ledger
from newsledger.store.schema import articles, quantities
from throwaway_db import alembic_config, throwaway_ledger

HEADLINE = "Halvorn Dam collapse floods Osvar and Brennik"
DECK = "Floodwater killed 41 people in Osvar and Brennik after the Halvorn Dam gave way at dawn"
BODY = ["Part of the Halvorn Dam on the Sedra river in Tarsk province collapsed at dawn, flooding the "
        "towns of Osvar and Brennik.",
        "Rescue boats from the Velmora Emergency Services Directorate carried 300 residents to safety.",
        "Governor Lidia Varenne said engineers from Halvorn Hydro had warned about the dam in 2029."]


def _page(deck: str = DECK) -> bytes:
    """A flattened page: a menu, the headline, the deck, a by-line, the body."""
    lines = ["  • Home", "  • World", "  • Sport", "", HEADLINE, "", deck, "", "By Jane Roe", ""]
    return "\n".join(lines + [x for b in BODY for x in (b, "")]).encode("utf-8")


def _flattened(deck: str = DECK) -> Article:
    return extract(Document(source="made-up", raw=_page(deck), kind="text",
                            url="https://harbourtimes.example/dam-flood"))


def _other() -> Article:
    a = Article(source="test:courier", url="https://courier.example/osvar-mourns", site="courier.example",
                title="Osvar mourns as Sedra waters recede", published="2031-03-13")
    a.set_paragraphs(["Residents of Osvar returned to mud-filled homes after the Halvorn Dam collapse.",
                      BODY[1], "Governor Lidia Varenne said 44 people had been killed in Osvar and Brennik."])
    return analyze(a)


def test_the_deck_is_the_standfirst_not_the_text_nor_removed():
    art = _flattened()
    assert art.title == HEADLINE
    assert art.standfirst == DECK
    assert DECK not in art.text and art.text.startswith("Part of the Halvorn Dam")
    assert all(r.text != DECK for r in art.removed)
    assert art.byline == ["Jane Roe"]
    d = art.to_dict()
    assert d["standfirst"] == DECK and Article.from_dict(d).standfirst == DECK


def test_a_page_without_a_deck_has_no_standfirst():
    art = _flattened("Weather forecast for the coming weekend in the region")  # shares no words with the story
    assert art.standfirst is None


def test_the_standfirst_is_no_figure_source():
    art = analyze(_flattened())
    assert all(q.where == "text" or q.where == "title" for q in art.quantities)
    assert Article.from_dict(art.to_dict()).standfirst == DECK


def _stored(ledger: Ledger, aid: str):
    with ledger.engine.connect() as c:
        sf = c.execute(select(articles.c.standfirst).where(articles.c.id == aid)).scalar_one()
        qs = c.execute(select(quantities.c.text, quantities.c["where"], quantities.c.start)
                       .where(quantities.c.article_id == aid)).all()
    return sf, [tuple(r) for r in qs]


def stores_and_reads(db: str) -> None:
    ledger = Ledger(db)
    try:
        a, b = analyze(_flattened()), _other()
        (aid,) = ledger.add([(a, None, None)]).new
        link_new(ledger, [aid])
        (bid,) = ledger.add([(b, None, None)]).new
        assert link_new(ledger, [bid])["stories_joined"] == 1
        sf, qs = _stored(ledger, aid)
        assert sf == DECK and all(w in ("text", "title") for _, w, _ in qs)
        assert ledger.get(aid)["standfirst"] == DECK
        assert ledger.get(bid)["standfirst"] is None
    finally:
        ledger.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_standfirst_is_stored_and_read_back(backend, tmp_path_factory):
    with throwaway_ledger(backend, tmp_path_factory) as db:
        stores_and_reads(db)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0008_adds_and_drops_the_standfirst(backend, tmp_path_factory):
    """Down to 0007 the column goes; up again it is back, empty for the article stored before."""
    from alembic import command

    with throwaway_ledger(backend, tmp_path_factory) as db:
        ledger = Ledger(db)
        try:
            a = analyze(_flattened())
            (aid,) = ledger.add([(a, None, None)]).new
            cfg = alembic_config(ledger)
            command.downgrade(cfg, "0007")
            with ledger.engine.connect() as c:
                cols = list(c.exec_driver_sql("SELECT * FROM articles").keys())
                wheres = {r[0] for r in c.exec_driver_sql('SELECT "where" FROM quantities')}
            assert "standfirst" not in cols and "text" in wheres
            command.upgrade(cfg, "head")
            assert _stored(ledger, aid)[0] is None
            b = analyze(extract(Document(source="made-up", raw=_page(), kind="text",
                                         url="https://courier.example/dam-flood")))
            (bid,) = ledger.add([(b, None, None)]).new
            assert _stored(ledger, bid)[0] == DECK
        finally:
            ledger.close()


def test_the_article_page_shows_the_standfirst_under_the_title(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path / "web.db"))
    try:
        ids = ledger.add([(analyze(_flattened()), None, None), (_other(), None, None)]).new
        client = TestClient(create_app(ledger))
        pages = [client.get(f"/articles/{i}").text for i in ids]
        api = client.get(f"/api/articles/{ids[0]}").json()
    finally:
        ledger.close()
    h1 = pages[0].index("<h1>")
    assert pages[0].index(f'<p class="standfirst" id="standfirst">{DECK}</p>') > h1
    assert 'class="standfirst"' not in pages[1]
    assert api["standfirst"] == DECK
    assert all(q["where"] in ("text", "title") for q in api["quantities"])
