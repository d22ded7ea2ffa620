"""A headline's figures are the outlet's statements too (issue 13): the analyzer reads the title's
figures (``Quantity.where == "title"``, offsets into the title), the ledger stores and reads them
back (migration 0005, SQLite and PostgreSQL), and the linker groups them as the outlet's own
("reported") with the body's and other outlets' figures of the same measure. Made-up articles."""
from __future__ import annotations


import pytest
from sqlalchemy import select

from newsledger.analyze import analyze
from newsledger.link import claim_groups, link_new
from newsledger.model import Article
from newsledger.serve.render import headline_figures
from newsledger.store import Ledger
from newsledger.store.schema import quantities
from test_postgres import PG, pg_url  # noqa: F401  (pg_url: a throwaway PostgreSQL database)
from throwaway_db import alembic_config

FLOOD = ["Part of the Halvorn Dam on the Sedra river in Tarsk province collapsed at dawn, flooding the "
         "towns of Osvar and Brennik.",
         "Rescue boats from the Velmora Emergency Services Directorate worked through the night in Osvar.",
         "Governor Lidia Varenne said engineers from Halvorn Hydro had warned about the dam in 2029."]


def _article(title: str, paras: list[str], site: str, published: str) -> Article:
    a = Article(source=f"test:{site}", url=f"https://{site}/dam-{abs(hash(title)) % 10**6}", site=site,
                title=title, published=published)
    a.set_paragraphs(paras)
    return analyze(a)


def _first() -> Article:
    return _article("Halvorn Dam collapse kills 41 in Osvar and Brennik",
                    FLOOD + ["The flood killed 41 people in Osvar, the interior ministry said."],
                    "harbourtimes.example", "2031-03-10")


def _second() -> Article:
    return _article("Osvar mourns as Sedra waters recede",
                    ["Residents of Osvar returned to mud-filled homes as the Sedra river fell after the Halvorn "
                     "Dam collapse in Tarsk province.", FLOOD[1], FLOOD[2],
                     "Governor Lidia Varenne said 44 people had been killed in Osvar and Brennik."],
                    "courier.example", "2031-03-13")


def test_the_title_figures_are_read_where_they_are():
    a = _first()
    (head,) = [q for q in a.quantities if q.where == "title"]
    assert a.title[head.start:head.end] == head.text == "41" and head.value == 41
    body = [q for q in a.quantities if q.where == "text"]
    assert body and all(a.text[q.start:q.end] == q.text for q in body)
    assert all(q.where == "text" for c in a.claims for q in c.quantities)  # no claim holds a headline figure
    d = a.to_dict()
    assert {q["where"] for q in d["quantities"]} == {"text", "title"}
    assert [q.where for q in Article.from_dict(d).quantities] == [q.where for q in a.quantities]
    plain = _article("Osvar mourns", FLOOD, "x.example", "2031-03-10")
    assert all(q.where == "text" for q in plain.quantities)


def _stored_where(ledger: Ledger, aid: str) -> list[tuple[str, str]]:
    with ledger.engine.connect() as c:
        rows = c.execute(select(quantities.c.text, quantities.c["where"])
                         .where(quantities.c.article_id == aid).order_by(quantities.c.pk)).all()
    return [(r[0], r[1]) for r in rows]


def stores_and_groups(ledger: Ledger) -> None:
    a, b = _first(), _second()
    (aid,) = ledger.add([(a, None, None)]).new
    link_new(ledger, [aid])
    (bid,) = ledger.add([(b, None, None)]).new
    assert link_new(ledger, [bid])["stories_joined"] == 1
    stored = _stored_where(ledger, aid)
    assert ("41", "title") in stored and ("41", "text") in stored
    assert [q["where"] for q in ledger.get(aid)["quantities"]] == [q.where for q in a.quantities]
    killed = [g for g in claim_groups(ledger) if g["kind"] == "figure"
              and any(m.get("where") == "title" for m in g["members"])]
    assert len(killed) == 1
    g = killed[0]
    head = [m for m in g["members"] if m.get("where") == "title"]
    assert [(m["figure"], m["kind"], m["name"], m["article_id"]) for m in head] == \
        [("41", "reported", "harbourtimes.example", aid)]
    assert {m["article_id"] for m in g["members"]} == {aid, bid}
    assert {m["value"] for m in g["members"]} == {41, 44}
    keys = [(m["article_id"], m["idx"]) for m in g["members"]]
    assert len(keys) == len(set(keys))  # the headline's 41 and the body's 41: two members


def test_headline_figures_are_stored_and_grouped_as_the_outlets_on_sqlite(tmp_path):
    ledger = Ledger(str(tmp_path / "head.db"))
    try:
        stores_and_groups(ledger)
    finally:
        ledger.close()


@pytest.mark.skipif(not PG, reason="NEWSLEDGER_TEST_PG is not set")
def test_headline_figures_are_stored_and_grouped_as_the_outlets_on_postgresql(pg_url):  # noqa: F811
    ledger = Ledger(pg_url)
    try:
        stores_and_groups(ledger)
    finally:
        ledger.close()


def migration_0005(db: str) -> None:
    """0005 adds ``where`` ("text" for every figure stored before); down again, the headline
    figures (which 0004 cannot say are in the title) go."""
    from alembic import command

    ledger = Ledger(db)
    a = _first()
    (aid,) = ledger.add([(a, None, None)]).new
    cfg = alembic_config(ledger)
    command.downgrade(cfg, "0004")
    with ledger.engine.connect() as c:
        cols = [r for r in c.exec_driver_sql("SELECT * FROM quantities").keys()]
        n = c.exec_driver_sql("SELECT count(*) FROM quantities").scalar_one()
    assert "where" not in cols and n == sum(1 for q in a.quantities if q.where == "text")
    command.upgrade(cfg, "head")
    assert {w for _t, w in _stored_where(ledger, aid)} == {"text"}
    ledger.close()


def test_migration_0005_on_sqlite(tmp_path):
    migration_0005(f"sqlite:///{tmp_path / 'mig.db'}")


@pytest.mark.skipif(not PG, reason="NEWSLEDGER_TEST_PG is not set")
def test_migration_0005_on_postgresql(pg_url):  # noqa: F811
    migration_0005(pg_url)


def test_the_article_page_shows_the_headline_figures_and_flags_one_the_body_never_states(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    stated = _first()  # "kills 41" and the body says 41
    unstated = _article("Halvorn Dam collapse leaves 3,000 homeless in Osvar", FLOOD,
                        "courier.example", "2031-03-11")
    ledger = Ledger(str(tmp_path / "web.db"))
    try:
        ids = ledger.add([(stated, None, None), (unstated, None, None)]).new
        client = TestClient(create_app(ledger))
        pages = [client.get(f"/articles/{i}").text for i in ids]
    finally:
        ledger.close()
    heads = [p[p.index('id="headline-figures"'):].split("</p>", 1)[0] for p in pages]
    assert '<span class="fig">41</span>' in heads[0] and "stated nowhere in the body" not in heads[0]
    assert '<span class="fig">3,000</span>' in heads[1] and "stated nowhere in the body" in heads[1]
    plain = _article("Osvar mourns", FLOOD, "x.example", "2031-03-10")
    assert headline_figures(plain.to_dict()) == []
    spelled = _article("Council backs 6 km cycle path", ["Merrow council voted to build a six-kilometre "
                       "cycle path along the lake."], "lakeside.example", "2031-03-10")
    assert [(q["text"], alone) for q, alone in headline_figures(spelled.to_dict())] == [("6 km", False)]


def _figure(article, before, text, value, after, where="text"):
    """A stored figure as the linker hands it to ``group_story`` (made up)."""
    return {"article_id": article, "claim_idx": None, "text": text, "start": len(before), "value": value,
            "low": None, "high": None, "bound": "exact", "unit": None, "before": before, "after": after,
            "where": where, "source": "t", "site": f"{article}.example", "agency": None, "published": None}


@pytest.mark.parametrize("headline,speaker", [
    (("Flood in Osvar kills ", " as Sedra bursts its banks"), ("a.example", "reported")),
    (("Governor says flood in Osvar killed ", ""), ("Governor", "indirect")),  # the governor's figure
    (("Flood in Osvar killed ", ", study finds"), ("study", "indirect")),
    (("Flood in Osvar killed ", " people: police"), ("police", "indirect")),
    (("Flood in Osvar killed ", " people, says a ferryman"), ("a ferryman", "indirect")),
    (("Flood in Osvar kills ", "; police say the dam was old"), ("a.example", "reported")),  # police say another thing
    (("Governor says flood in Osvar killed ", "; dam was old"), ("Governor", "indirect")),
    (("What officials won't tell you about the flood that killed ", ""), ("a.example", "reported")),  # no one credited
    (("Flood in Osvar killed ", " people, the mayor of the lake town told reporters"), None),  # no plain credit read
])
def test_a_headline_figure_is_the_outlets_unless_the_headline_credits_someone(headline, speaker):
    """A headline's figure is the outlet's; when the headline credits someone in a plain form
    ("..., study finds", "...: police", "Governor says ...") it is that someone's (kind
    ``indirect``) and joins the others' equal figures; when no plain credit is read it takes no
    part (no speaker is better than a wrong one)."""
    from newsledger.link.claims import group_story

    before, after = headline
    figs = [_figure("a", before, "41", 41, after, where="title"),
            _figure("a", "The flood in Osvar killed ", "41", 41, " people on Monday.", ),
            _figure("b", "Officials said the flood in Osvar killed ", "41", 41, " people.")]
    heads = [m for g in group_story("s", [], figs) for m in g["members"] if m.get("where") == "title"]
    assert [(m["name"], m["kind"]) for m in heads] == ([speaker] if speaker else [])


def test_a_headline_in_title_case_gives_its_figures():
    """"Dam Collapse Kills 41 In Osvar" and "Clerk Charged With Two Counts Of Murder": in a
    headline that capitalises every word, a number after a capitalised word is no name ("Game
    2"), so its figures are read as in "Dam collapse kills 41 in Osvar", the text kept as
    written; a headline in sentence case is read as it is (its "Game 2" stays a name)."""
    from newsledger.analyze import sentence_cased, title_quantities

    a = Article(source="t", title="Halvorn Dam Collapse Kills 41 In Osvar On March 10")
    (q,) = title_quantities(a)
    assert (q.text, q.value, a.title[q.start:q.end]) == ("41", 41, "41")
    b = Article(source="t", title="Mill Clerk Charged With Two Counts Of Murder")
    assert [(q.text, q.value, q.unit) for q in title_quantities(b)] == [("Two", 2, "counts")]
    assert sentence_cased("Osvar Mourns As Sedra Waters Recede") == "Osvar mourns as sedra waters recede"
    assert sentence_cased("Lakers win Game 2 in Osvar") == "Lakers win Game 2 in Osvar"
    assert title_quantities(Article(source="t", title="Lakers win Game 2 in Osvar")) == []
