"""A flattened page's standfirst (issues 13 and 14), end to end: the deck under the headline is
``Article.standfirst``, kept out of the text and out of the removed lines; its figures are read
like the headline's (``Quantity.where == "standfirst"``, offsets into the standfirst); the ledger
stores the field and the figures and reads them back (migrations 0008 and 0009, SQLite and
PostgreSQL); the linker groups a standfirst's figure as the outlet's own with another outlet's,
only when its own words say what it counts (a duration, an age or a bare number is stored, not
grouped); the article page shows it under the title. Made-up pages."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from newsledger.analyze import analyze, standfirst_quantities
from newsledger.extract import extract
from newsledger.link import claim_groups, link_new
from newsledger.link.figure_members import deck_counts
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


def test_the_standfirst_figures_are_read_like_the_headlines():
    art = analyze(_flattened())
    (q,) = [q for q in art.quantities if q.where == "standfirst"]
    assert art.standfirst[q.start:q.end] == q.text == "41" and q.value == 41
    assert all(q.where == "text" for c in art.claims for q in c.quantities)  # no claim holds it
    assert standfirst_quantities(Article(source="t")) == []
    back = Article.from_dict(art.to_dict())
    assert [(q.where, q.text) for q in back.quantities] == [(q.where, q.text) for q in art.quantities]


def _stored(ledger: Ledger, aid: str):
    with ledger.engine.connect() as c:
        sf = c.execute(select(articles.c.standfirst).where(articles.c.id == aid)).scalar_one()
        qs = c.execute(select(quantities.c.text, quantities.c["where"], quantities.c.start)
                       .where(quantities.c.article_id == aid)).all()
    return sf, [tuple(r) for r in qs]


def stores_and_groups(db: str) -> None:
    ledger = Ledger(db)
    try:
        a, b = analyze(_flattened()), _other()
        (aid,) = ledger.add([(a, None, None)]).new
        link_new(ledger, [aid])
        (bid,) = ledger.add([(b, None, None)]).new
        assert link_new(ledger, [bid])["stories_joined"] == 1
        sf, qs = _stored(ledger, aid)
        assert sf == DECK and ("41", "standfirst", DECK.index("41")) in qs
        assert ledger.get(aid)["standfirst"] == DECK
        killed = [g for g in claim_groups(ledger) if g["kind"] == "figure"
                  and any(m.get("where") == "standfirst" for m in g["members"])]
        assert len(killed) == 1
        (deck,) = [m for m in killed[0]["members"] if m.get("where") == "standfirst"]
        assert (deck["figure"], deck["kind"], deck["name"], deck["article_id"]) == \
            ("41", "reported", "harbourtimes.example", aid)
        assert {m["article_id"] for m in killed[0]["members"]} == {aid, bid}
    finally:
        ledger.close()


def _deck_figure(line: str, text: str) -> dict:
    """The figure ``text`` of a standfirst ``line`` as the linker reads it (its words around it)."""
    (q,) = [q for q in standfirst_quantities(Article(source="t", standfirst=line)) if q.text == text]
    return {"text": q.text, "unit": q.unit, "where": "standfirst", "before": line[:q.start], "after": line[q.end:]}


@pytest.mark.parametrize("line, text, joins", [
    ("Floodwater killed 41 people in Osvar after the dam gave way", "41", True),
    ("A ferry fire in Brennik left two deckhands dead", "two", True),
    ("Insurers paid $2 million to the owners of the flooded mill", "$2 million", True),
    ("Floodwater kills 41 in Osvar after the dam gave way", "41", False),  # what is counted: only the verb's guess
    ("The dam gave way after holding the Sedra for 90 years", "90", False),  # a bare duration
    ("The mill was flooded two years ago, the owners say", "two", False),
    ("A 73-year-old ferryman drowned near Osvar", "73-year-old", False),  # an age
    ("Grain prices climb 4 percent after the flood", "4 percent", False),  # a share of nothing named
])
def test_a_standfirst_figure_joins_only_when_its_words_say_what_it_counts(line, text, joins):
    assert deck_counts(_deck_figure(line, text)) is joins


DURATION_DECK = "Floodwater killed 41 people in Osvar and Brennik when the Halvorn Dam gave way after 90 years"


def test_a_standfirst_duration_is_stored_but_not_grouped(tmp_path):
    """The deck's "90 years" stays in the ledger but joins no group, though the other outlet's
    text tells "90 years" of the same dam in a sentence of the toll (both read "90 years" of the
    killed: joined before); its "41 people" joins the other outlet's toll."""
    other = Article(source="test:courier", url="https://courier.example/dam-age", site="courier.example",
                    title="Osvar mourns as Sedra waters recede", published="2031-03-13")
    other.set_paragraphs(["Residents of Osvar returned to mud-filled homes after the Halvorn Dam collapse.",
                          "Floodwater killed dozens in the valley when the Halvorn Dam gave way after 90 years "
                          "of service.",
                          "Governor Lidia Varenne said 44 people had been killed in Osvar and Brennik."])
    ledger = Ledger(str(tmp_path / "deck.db"))
    try:
        a = analyze(_flattened(DURATION_DECK))
        assert a.standfirst == DURATION_DECK
        (aid,) = ledger.add([(a, None, None)]).new
        link_new(ledger, [aid])
        (bid,) = ledger.add([(analyze(other), None, None)]).new
        assert link_new(ledger, [bid])["stories_joined"] == 1
        stored = _stored(ledger, aid)[1]
        assert ("90", "standfirst", DURATION_DECK.index("90")) in stored
        decks = [m["figure"] for g in claim_groups(ledger) if g["kind"] == "figure"
                 for m in g["members"] if m.get("where") == "standfirst"]
        assert decks == ["41"]
    finally:
        ledger.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_standfirst_and_its_figures_are_stored_read_back_and_grouped(backend, tmp_path_factory):
    with throwaway_ledger(backend, tmp_path_factory) as db:
        stores_and_groups(db)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0008_adds_and_drops_the_standfirst(backend, tmp_path_factory):
    """Down to 0007 the column and the standfirst's figures go (0007 knows text and title
    figures only); up again the column is back, empty for the article stored before."""
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
            assert "standfirst" not in cols and "standfirst" not in wheres and "text" in wheres
            command.upgrade(cfg, "head")
            assert _stored(ledger, aid)[0] is None
            b = analyze(extract(Document(source="made-up", raw=_page(), kind="text",
                                         url="https://courier.example/dam-flood")))
            (bid,) = ledger.add([(b, None, None)]).new
            assert _stored(ledger, bid)[0] == DECK
        finally:
            ledger.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0009_makes_room_for_and_drops_the_standfirst_figures(backend, tmp_path_factory):
    """Down to 0008 the standfirst's figures go but the field stays; up again a deck's figure is
    stored with its full ``where`` (PostgreSQL checks the column's length)."""
    from alembic import command

    with throwaway_ledger(backend, tmp_path_factory) as db:
        ledger = Ledger(db)
        try:
            (aid,) = ledger.add([(analyze(_flattened()), None, None)]).new
            cfg = alembic_config(ledger)
            command.downgrade(cfg, "0008")
            sf, qs = _stored(ledger, aid)
            assert sf == DECK and all(w != "standfirst" for _, w, _ in qs) and qs
            command.upgrade(cfg, "head")
            b = analyze(extract(Document(source="made-up", raw=_page(), kind="text",
                                         url="https://courier.example/dam-flood")))
            (bid,) = ledger.add([(b, None, None)]).new
            assert ("41", "standfirst", DECK.index("41")) in _stored(ledger, bid)[1]
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
    assert ("41", "standfirst") in [(q["text"], q["where"]) for q in api["quantities"]]
