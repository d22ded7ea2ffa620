"""Search syntax and results, the same on SQLite (FTS5, porter) and PostgreSQL (english):
stemming, prefixes, phrases, OR, -word, numbers whatever their separators, date range, counts,
and claim search by figure or source."""
from __future__ import annotations

import pytest

from newsledger.model import Article, Claim, Content, Quantity, Source, Span
from newsledger.store import Ledger, QueryRejected
from newsledger.store import query as syntax
from tests.throwaway_db import throwaway_ledger

TEXTS = {
    "dam": ("Dam breach forces evacuation", "Officials evacuated 7,200 residents after the dam breach on Monday.",
            "2025-03-10"),
    "storm": ("Storm hits the coast", "A storm surge flooded the harbour; 7200 homes lost power.", "2025-03-12"),
    "flood": ("Flood waters recede", "Families return as the flood recedes. About 12 000 people were displaced.",
              "2025-03-14"),
    "strike": ("Dock strike continues", "Workers evacuate nothing: the strike goes on at the port.", "2025-04-01"),
}


def _article(key: str) -> Article:
    title, body, day = TEXTS[key]
    a = Article(source=f"t/{key}", url=f"https://t.example/{key}", site="t.example", title=title,
                published=day, language="en")
    a.text, a.paragraphs = body, [body]
    if key == "dam":
        fig = "7,200"
        at = body.index(fig)
        q = Quantity(text=fig, start=at, end=at + len(fig), value=7200.0, unit="residents")
        a.claims = [Claim(source=Source(text="Officials", start=0, end=9, name="Officials"),
                          cue=Span("evacuated", 10, 19), content=Content(body[20:-1], 20, len(body) - 1,
                                                                         [(20, len(body) - 1)]),
                          kind="indirect", stance="asserts", quantities=[q])]
        a.quantities = [q]
    return a


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ledger(request, tmp_path_factory):
    with throwaway_ledger(request.param, tmp_path_factory) as url:
        led = Ledger(url)
        led.add([(_article(k), None, None) for k in TEXTS])
        yield led
        led.close()


def _titles(ledger, q, **kw) -> set[str]:
    return {r["title"].split()[0].lower() for r in ledger.search(q, limit=50, **kw)}


def test_stemming_and_prefix(ledger):
    assert _titles(ledger, "evacuate") == {"dam", "dock"}  # evacuated, evacuation, evacuate
    assert _titles(ledger, "evacuated") == _titles(ledger, "evacuate")
    assert _titles(ledger, "recedes") == {"flood"} == _titles(ledger, "reced*")


def test_phrases_or_and_not(ledger):
    assert _titles(ledger, '"dam breach"') == {"dam"}
    assert _titles(ledger, '"breach dam"') == set()
    assert _titles(ledger, "storm OR strike") == {"storm", "dock"}
    assert _titles(ledger, "evacuate -strike") == {"dam"}
    assert _titles(ledger, '-"dam breach"') == set()  # exclusions alone ask for nothing


def test_numbers_whatever_their_separators(ledger):
    assert _titles(ledger, "7200") == {"dam", "storm"} == _titles(ledger, "7,200")
    assert _titles(ledger, "12,000") == {"flood"} == _titles(ledger, "12000")


def test_date_range_and_counts(ledger):
    assert _titles(ledger, "7200", since="2025-03-11") == {"storm"}
    assert _titles(ledger, "evacuate", until="2025-03-31") == {"dam"}
    assert len(ledger.search_hits("evacuate OR storm OR flood")) == 4


def test_claim_search_by_figure_and_source(ledger):
    assert [c["source"]["name"] for c in ledger.claims(q="who said 7,200?")] == ["Officials"]
    assert [c["source"]["name"] for c in ledger.claims(q="7200")] == ["Officials"]
    assert ledger.claims(q="12,000") == []
    assert ledger.claim_counts(q="officials 7200")["total"] == 1


def test_parser():
    clauses = syntax.parse('dam "storm surge" flood OR fire -strike 7,200 evac*')
    assert syntax.to_fts5(clauses) == ('"dam" AND "storm surge" AND ("flood" OR "fire") AND '
                                       '("7200" OR "7 200") AND "evac"* NOT "strike"')
    assert syntax.to_tsquery(clauses) == ("dam & (storm <-> surge) & (flood | fire) & !strike & "
                                          "(7200 | (7 <-> 200) | '7.200') & evac:*")
    assert syntax.numbers(clauses) == [7200.0]
    with pytest.raises(QueryRejected):
        syntax.parse(" ".join(f"w{i}" for i in range(40)))


def test_lists_alike_on_both_backends(ledger):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    c = TestClient(create_app(ledger))
    arts = c.get("/articles.json?sort=oldest").json()
    assert [i["published"] for i in arts["items"]] == ["2025-03-10", "2025-03-12", "2025-03-14", "2025-04-01"]
    assert arts["facets"]["month"] == [{"value": "2025-03", "count": 3}, {"value": "2025-04", "count": 1}]
    found = c.get("/search.json", params={"q": "7,200", "sort": "newest"}).json()
    assert [i["title"] for i in found["items"]] == ["Storm hits the coast", "Dam breach forces evacuation"]
    assert found["total"] == 2 and "[" in found["items"][0]["snippet"]
    claims = c.get("/claims.json?sort=newest").json()
    assert claims["total"] == 1 and claims["items"][0]["source"] == "Officials"
    assert c.get("/articles.csv").text.count("\n") == 5  # a header and four rows


def test_a_repeated_word_is_asked_once(ledger):
    """125 times "the" (the hostile query of issue 17) is one clause, on both backends, and
    finds what "the" finds; repeated alternatives and exclusions collapse too."""
    assert syntax.to_fts5(syntax.parse(" ".join(["the"] * 125))) == '"the"'
    assert syntax.to_fts5(syntax.parse("dam OR Dam OR dam flood -x -X")) == '"dam" AND "flood" NOT "x"'
    assert syntax.to_tsquery(syntax.parse("flood flood flood")) == syntax.to_tsquery(syntax.parse("flood"))
    assert ledger.search(" ".join(["dam"] * 125)) == ledger.search("dam")
