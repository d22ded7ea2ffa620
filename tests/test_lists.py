"""The list tools on the sample corpus ingested by the real pipeline: every list's page, .json
and .csv agree; sort, facets, totals and pagination; the flag filter and provenance badges;
copies folded under their original; conflicts counted alike in the UI and the API."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
LISTS = ("/articles", "/search?q=evacuate", "/claims", "/claims/groups", "/conflicts", "/copies",
         "/stories", "/sources")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from newsledger.link import link_new
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path_factory.mktemp("lists") / "ledger.db"))
    report = ingest(read([str(CORPUS)]), ledger)
    link_new(ledger, report.ids)
    yield TestClient(create_app(ledger)), ledger
    ledger.close()


def _with(path: str, ext: str, **params) -> str:
    base, _, query = path.partition("?")
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    query = "&".join(p for p in (query, extra) if p)
    return base + ext + ("?" + query if query else "")


@pytest.mark.parametrize("path", LISTS)
def test_page_json_and_csv_agree(client, path):
    c, _ = client
    page = c.get(_with(path, "", limit=5))
    data = c.get(_with(path, ".json", limit=5)).json()
    rows = list(csv.DictReader(io.StringIO(c.get(_with(path, ".csv", limit=5)).text)))
    assert page.status_code == 200
    assert len(rows) == data["count"] == len(data["items"]) == min(5, data["total"]) > 0, path
    key = "name" if path == "/sources" else "id"
    assert [r[key] for r in rows] == [str(i[key]) for i in data["items"]]
    if data["total"] > 5:
        assert f"1–5 of {data['total']}" in page.text
        assert data["next_offset"] == 5
        nxt = c.get(_with(path, ".json", limit=5, offset=5)).json()
        assert nxt["total"] == data["total"] and not {i[key] for i in nxt["items"]} & {i[key] for i in data["items"]}
    for link in ("JSON", "CSV"):  # the page links to its own rows in both formats
        assert re.search(rf'href="[^"]*\.{link.lower()}[^"]*limit=5[^"]*">{link}</a>', page.text), (path, link)


def test_sorts(client):
    c, _ = client
    newest = [i["published"] for i in c.get("/articles.json?copies=all&limit=100").json()["items"]]
    dated = [d for d in newest if d]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 20
    oldest = c.get("/articles.json?copies=all&limit=100&sort=oldest").json()["items"]
    assert [i["published"] for i in oldest if i["published"]] == sorted(dated)
    titles = [i["title"].casefold() for i in c.get("/articles.json?copies=all&limit=100&sort=title").json()["items"]]
    assert titles == sorted(titles)
    claims = c.get("/claims.json?sort=source&limit=200").json()["items"]
    assert [x["source"] for x in claims] == sorted(x["source"] for x in claims)
    assert c.get("/articles?sort=nonsense").status_code == 422


def test_facets_filter_and_count(client):
    c, _ = client
    data = c.get("/articles.json?copies=all").json()
    outlet = data["facets"]["outlet"][0]
    narrowed = c.get("/articles.json", params={"copies": "all", "outlet": outlet["value"]}).json()
    assert narrowed["total"] == outlet["count"] and {i["outlet"] for i in narrowed["items"]} == {outlet["value"]}
    outlets = {f["value"] for f in data["facets"]["outlet"]}
    assert "Daily Vista" in outlets and "dailyvista.example" not in outlets  # one name per outlet
    raw = c.get("/articles.json", params={"copies": "all", "site": "dailyvista.example"}).json()
    assert raw["total"] >= 1 and {i["outlet"] for i in raw["items"]} == {"Daily Vista"}
    stance = c.get("/claims.json").json()["facets"]["stance"][0]
    only = c.get("/claims.json", params={"stance": stance["value"], "limit": 500}).json()
    assert only["total"] == stance["count"] == len(only["items"])
    assert {x["stance"] for x in only["items"]} == {stance["value"]}
    months = c.get("/articles.json?copies=all&since=2025-03-12&until=2025-03-12").json()["items"]
    assert months and all(i["published"].startswith("2025-03-12") for i in months)


def test_flag_filter_and_badges(client):
    c, ledger = client
    swapped = c.get("/articles.json?flag=byline-swapped").json()
    stored = {a["id"] for a in ledger.articles(limit=100)
              if any(f["kind"] == "byline-swapped" and not (f.get("evidence") or {}).get("undecided")
                     for f in ledger.get(a["id"])["flags"])}
    assert stored and {i["id"] for i in swapped["items"]} == stored
    for i in swapped["items"]:
        assert "byline swapped" in [b["text"] for b in i["badges"]]
    api = c.get("/api/articles?flag=byline-swapped").json()
    assert {i["id"] for i in api["items"]} == stored and api["total"] == len(stored)
    page = c.get("/articles?flag=byline-swapped").text
    assert page.count('class="badge flag-byline-swapped"') == len(stored)
    anyflag = c.get("/articles.json?flag=any&limit=100").json()["items"]
    assert all(i["flag"] for i in anyflag) and stored <= {i["id"] for i in anyflag}


def test_copies_folded_under_their_original(client):
    from newsledger.link import copy_groups

    c, ledger = client
    groups = copy_groups(ledger)
    every = c.get("/articles.json?copies=all&limit=100").json()
    folded = c.get("/articles.json?limit=100").json()
    n_copies = sum(len(g["members"]) - 1 for g in groups)
    assert folded["total"] == every["total"] - n_copies
    big = max(groups, key=lambda g: len(g["members"]))
    head = next(i for i in folded["items"] if i["copy_group"] == big["id"])
    assert head["id"] == big["original"] and head["n_copies"] == len(big["members"]) - 1
    html = c.get("/articles?limit=100").text
    assert f"+{head['n_copies']} copies" in html
    search = c.get("/search.json?q=dam&limit=100").json()["items"]
    assert len([i for i in search if i["copy_group"] == big["id"]]) == 1


def test_claim_search_links_to_the_claim(client):
    c, _ = client
    page = c.get("/search", params={"q": "who said 7,200"}).text
    anchors = re.findall(r'href="(/articles/[0-9a-f]+#claim-\d+)"', page)
    assert anchors
    art, _, n = anchors[0].partition("#claim-")
    assert c.get(art).status_code == 200 and f'id="claim-{n}"' in c.get(art).text
    found = c.get("/claims.json", params={"q": "7,200"}).json()
    figures = [" ".join(x["figures"]) for x in found["items"]]
    assert found["total"] == len(figures) and any("7,200" in f for f in figures)
    assert not [f for f in figures if "1,000–10,000" in f]  # "thousands" is not a claim of 7,200


def test_conflicts_counted_alike(client):
    from newsledger.link import link_stats

    c, ledger = client
    n = link_stats(ledger)["conflicts"]
    assert c.get("/api/conflicts").json()["total"] == n == c.get("/conflicts.json").json()["total"]
    assert f"<strong>{n}</strong> conflicts" in c.get("/").text
    spread = c.get("/api/conflicts?verdict=spread").json()
    assert all(g["verdict"] == "spread" for g in spread["items"])
    assert c.get("/api/conflicts?verdict=maybe").status_code == 422


def test_sources_not_dates_or_datelines(client):
    c, _ = client
    names = [s["name"] for s in c.get("/sources.json?limit=500").json()["items"]]
    assert names and not {"Monday", "Tuesday", "office"} & set(names)
    assert not [n for n in names if re.fullmatch(r"[A-Z]{5,}", n)]


def test_head_and_glossary(client):
    c, _ = client
    for path in ("/", "/articles", "/glossary", "/api/stats"):
        r = c.head(path)
        assert r.status_code == 200 and r.content == b"", path
    assert "spread" in c.get("/glossary").text


def test_search_lists_claims_by_a_matching_source(client):
    c, ledger = client
    name = next(s["name"] for s in c.get("/sources.json").json()["items"] if s["claims"] >= 3)
    page = c.get("/search", params={"q": name})
    assert page.status_code == 200 and "Claims by these sources" in page.text
    anchors = re.findall(r'<ul class="claimhits">(.*?)</ul>', page.text, re.S)[0]
    assert anchors.count("<li>") == min(10, len(ledger.claims(source_in=[name], limit=500)))


def test_claims_by_date_match_the_plain_query(client, monkeypatch):
    import newsledger.store.claim_rows as claim_rows

    _, ledger = client
    names = [s["name"] for s in ledger.sources(limit=3)]
    for narrow in ({"stance": "asserts"}, {"source_in": names}, {}):
        for sort in ("newest", "oldest"):
            fast = [x["id"] for x in ledger.claims(sort=sort, limit=15, offset=3, **narrow)]
            with monkeypatch.context() as m:
                m.setattr(claim_rows, "execute_by_date", lambda conn, q, sort: conn.execute(q))
                plain = [x["id"] for x in ledger.claims(sort=sort, limit=15, offset=3, **narrow)]
            assert fast == plain and fast, (narrow, sort)


def test_claim_group_and_source_pages_show_a_copied_claim_once(client):
    from newsledger.link import conflict_groups

    c, ledger = client
    g = max(conflict_groups(ledger), key=lambda g: len(g["members"]))
    page = c.get(f"/claims/groups/{g['id']}").text
    rows = page.count("<tr") - 1
    folded = sum(int(n) for n in re.findall(r"also in (\d+) cop", page))
    assert folded >= 1 and rows + folded == len(g["members"])
    officials = c.get("/sources/officials").text
    assert "Also in" in officials
