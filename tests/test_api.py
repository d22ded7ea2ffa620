"""The JSON API and the pages over HTTP, against the real app and a real SQLite ledger filled
by the real pipeline (the shared seed page plus a planted hostile page)."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what we ship
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient  # noqa: E402

from newsledger.evaluate import shared_dir  # noqa: E402
from newsledger.store import Ledger  # noqa: E402

SEED = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"
TOKEN = "test-token-3f9a"
TEMPLATES = Path(__file__).resolve().parents[1] / "newsledger" / "serve" / "templates"

HOSTILE = """Hostile page <b>title</b>

The mayor said on Monday that <script>alert(1)</script> would not be tolerated in the city council, according to officials.

"We will never allow <img src=x onerror=alert(1)> in our systems," the police chief told reporters on Tuesday, adding that 300 officers were deployed.

Residents said they were worried about the 1,200 complaints filed last year.
"""

UPLOAD = """Harbour strike goes on

Dock workers in Port Alder voted on Tuesday to extend their strike by five more days, the union said, leaving dozens of container ships waiting outside the harbour.

"We will not go back until the safety rules are changed," union leader Mara Quell told reporters outside the port gates.
"""


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app

    db = tmp_path_factory.mktemp("api") / "ledger.db"
    ledger = Ledger(str(db))
    seeded = None
    if SEED.is_file():  # the seed, and a syndicated copy of it that changes a figure
        from newsledger.model import Document

        copy = SEED.read_text(encoding="utf-8").replace("up to 12,000 troops", "up to 10,000 troops")
        report = ingest(list(read([str(SEED)])) + [Document(
            source="copy", raw=copy.encode(), kind="text", url="https://other.example/nk")], ledger)
        assert report.new == 2, report.failures
        seeded = report.ids[0]
        from newsledger.link import link_new

        link_new(ledger, report.ids)  # a failure here fails the tests: nothing hides it
    app = create_app(ledger, token=TOKEN)
    client = TestClient(app)
    r = client.post("/api/ingest", json={"url": "https://evil.example/hostile", "text": HOSTILE},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    planted = r.json()["ids"][0]
    yield {"ledger": ledger, "client": client, "seed": seeded, "planted": planted, "app": app}
    ledger.close()


def need_seed(state):
    if not state["seed"]:
        pytest.skip(f"shared seed page not found at {SEED} (set NEWSLEDGER_SHARED)")
    return state["seed"]


# ---------------------------------------------------------------- schema checks


def validator_for(client, path: str, method: str = "get"):
    """A JSON-Schema validator for the 200 response of ``path`` in our OpenAPI document."""
    spec = client.get("/api/openapi.json").json()
    schema = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    try:
        import jsonschema
    except ImportError:
        return None, spec, schema
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "components": spec["components"]}
    return jsonschema.Draft202012Validator(root), spec, schema


def check(client, path: str, data, method: str = "get"):
    validator, spec, schema = validator_for(client, path, method)
    if validator is not None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
        return
    # no jsonschema: the required keys of the named model at least
    name = schema["$ref"].rsplit("/", 1)[-1]
    required = spec["components"]["schemas"][name].get("required", [])
    assert all(k in data for k in required), (name, required, list(data))


def test_openapi_describes_the_api(state):
    spec = state["client"].get("/api/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/claims", "/api/sources",
                 "/api/search", "/api/copies", "/api/stories", "/api/conflicts",
                 "/api/claim-groups/{group_id}", "/api/stats", "/api/ingest"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    for model in ("ArticleList", "Article", "ClaimList", "Claim", "SearchResult", "SourceList",
                  "GroupList", "Group", "Stats", "IngestResult"):
        assert model in schemas, model
    claims_params = {p["name"] for p in spec["paths"]["/api/claims"]["get"]["parameters"]}
    assert {"source", "about", "stance", "article_id", "limit", "offset"} <= claims_params
    art_params = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert {"limit", "offset", "site", "since", "until", "q"} <= art_params
    # pages are not part of the API schema
    assert "/" not in spec["paths"] and "/articles/{article_id}" not in spec["paths"]


def test_claims_by_source_validates_against_schema(state):
    need_seed(state)
    client = state["client"]
    sources = client.get("/api/sources").json()
    check(client, "/api/sources", sources)
    assert sources["items"] and all(s["id"] == s["name"] for s in sources["items"])
    name = sources["items"][0]["name"]
    r = client.get("/api/claims", params={"source": name})
    assert r.status_code == 200
    data = r.json()
    check(client, "/api/claims", data)
    assert data["count"] >= 1
    for c in data["items"]:
        assert c["id"] == f"{c['article_id']}-{c['idx']}"
        assert name.lower() in c["source"]["name"].lower()
    # paging and filters
    one = client.get("/api/claims", params={"source": name, "limit": 1}).json()
    assert one["count"] == 1 and one["next_offset"] == 1
    by_article = client.get("/api/claims", params={"article_id": state["seed"]}).json()
    assert by_article["count"] >= data["count"]
    stance = data["items"][0]["stance"]
    assert all(c["stance"] == stance
               for c in client.get("/api/claims", params={"stance": stance}).json()["items"])


def test_claims_default_to_the_confidence_threshold(state):
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    need_seed(state)
    client = state["client"]
    params = {"article_id": state["seed"], "limit": 500}
    shown = client.get("/api/claims", params=params).json()["items"]
    every = client.get("/api/claims", params={**params, "min_confidence": 0}).json()["items"]
    sure = client.get("/api/claims", params={**params, "min_confidence": 0.99}).json()["items"]
    assert shown and all(c["confidence"] >= DEFAULT_MIN_CONFIDENCE for c in shown)
    assert len(every) >= len(shown) > len(sure)  # the ledger keeps the less sure claims too
    assert all(c["confidence"] >= 0.99 for c in sure)
    assert all(0 <= c["confidence"] <= 1 and isinstance(c["unresolved"], bool) for c in every)
    assert client.get("/api/claims", params={"min_confidence": 1.5}).status_code == 422


def test_pages_show_hidden_claims_on_asking(state):
    """The article and source pages show claims at or above the calibrated threshold and say how
    many are hidden; ``?min_confidence=0`` (the link they offer) shows every stored claim, in its
    stored number, and the threshold asked for is said on the page."""
    need_seed(state)
    client = state["client"]
    every = client.get("/api/claims", params={"article_id": state["seed"], "limit": 500,
                                              "min_confidence": 0}).json()["items"]
    shown = client.get("/api/claims", params={"article_id": state["seed"], "limit": 500}).json()["items"]
    hidden = [c for c in every if c not in shown]
    assert hidden, "the seed has claims under the threshold (the two 'For X, ...' claims)"
    page = client.get(f"/articles/{state['seed']}").text
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    assert f"{len(hidden)} more below the confidence threshold ({DEFAULT_MIN_CONFIDENCE:g})" in page  # not rounded
    assert 'href="?min_confidence=0"' in page
    assert len(re.findall(r'<li id="claim-\d+"', page)) == len(shown)
    full = client.get(f"/articles/{state['seed']}", params={"min_confidence": 0}).text
    assert len(re.findall(r'<li id="claim-\d+"', full)) == len(every)
    assert "Showing claims with confidence at least 0:" in full and "more below" not in full
    assert client.get(f"/articles/{state['seed']}", params={"min_confidence": 2}).status_code == 422
    name = hidden[0]["source"]["name"]
    if not any(c["source"]["name"] == name for c in shown):  # a source all of whose claims are hidden
        src = client.get(f"/sources/{name}")
        assert src.status_code == 200 and "below the confidence threshold and not shown" in src.text
        listed = client.get(f"/sources/{name}", params={"min_confidence": 0}).text
        assert hidden[0]["content"]["text"][:40] in listed.replace("&#39;", "'").replace("&#34;", '"')


def test_search_validates_against_schema(state):
    client = state["client"]
    r = client.get("/api/search", params={"q": "troops"} if state["seed"] else {"q": "mayor"})
    assert r.status_code == 200
    data = r.json()
    check(client, "/api/search", data)
    assert data["count"] >= 1 and all(item["id"] for item in data["items"])
    if state["seed"]:
        assert state["seed"] in [i["id"] for i in data["items"]]
    # hostile query text is just words
    r = client.get("/api/search", params={"q": '"<script>" OR *) --'})
    assert r.status_code == 200
    check(client, "/api/search", r.json())


def test_articles_list_filters_and_article_detail(state):
    client = state["client"]
    data = client.get("/api/articles").json()
    check(client, "/api/articles", data)
    ids = [a["id"] for a in data["items"]]
    assert state["planted"] in ids
    assert client.get("/api/articles", params={"site": "evil.example"}).json()["items"][0]["id"] == state["planted"]
    assert client.get("/api/articles", params={"site": "nowhere.example"}).json()["items"] == []
    assert state["planted"] in [a["id"] for a in client.get("/api/articles", params={"q": "mayor"}).json()["items"]]
    assert client.get("/api/articles", params={"limit": 1, "offset": 1}).json()["count"] == 1
    art = client.get(f"/api/articles/{state['planted']}")
    assert art.status_code == 200
    check(client, "/api/articles/{article_id}", art.json())
    assert "<script>alert(1)</script>" in art.json()["text"]  # stored as given, escaped when shown
    assert art.json()["claims"]
    stats = client.get("/api/stats").json()
    check(client, "/api/stats", stats)
    assert stats["articles"] == (3 if state["seed"] else 1)  # the seed, its copy, the planted page


def test_month_facet_only_from_dates_that_name_a_month(state):
    """The seed's page gives a clock time and no date ("10:09"): it is no published date, the
    article says the clock time apart, and no month facet is made of it."""
    seed = need_seed(state)
    data = state["client"].get("/api/articles").json()
    published = {a["id"]: a["published"] for a in data["items"]}
    assert published[seed] is None
    art = state["client"].get(f"/api/articles/{seed}").json()
    assert (art["published"], art["published_time"], art["updated_time"]) == (None, "10:09", "12:50")
    assert [f["value"] for f in data["facets"]["month"]] == []  # no page of this ledger names a month


def test_group_endpoints_valid_and_filled_by_the_seed_and_its_copy(state):
    client = state["client"]
    for path in ("/api/copies", "/api/stories", "/api/conflicts"):
        r = client.get(path)
        assert r.status_code == 200
        check(client, path, r.json())
    if state["seed"]:  # the seed and its copy (one figure changed) are one copy group and one story
        copies = client.get("/api/copies").json()
        assert copies["count"] == 1 and len(copies["items"][0]["members"]) == 2
        stories = client.get("/api/stories").json()["items"]
        assert any(len(g["members"]) == 2 for g in stories)
        conflicts = client.get("/api/conflicts").json()["items"]
        assert conflicts, "12,000 against 10,000 troops is a conflict"
    r = client.get("/api/claim-groups/no-such-group")
    assert r.status_code == 404 and r.json() == {"detail": "no such claim group", "status": 404}


def test_errors_are_plain(state):
    client = state["client"]
    r = client.get("/api/articles/ffffffffffffffff")
    assert r.status_code == 404 and r.json()["detail"] == "no such article"
    r = client.get("/api/articles", params={"limit": "many"})
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422 and body["errors"][0]["loc"] == "limit" and "many" not in r.text
    r = client.get("/articles/ffffffffffffffff")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Traceback" not in r.text and "No article has this id." in r.text
    r = client.get("/search", params={"offset": "x"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]


def test_server_error_is_plain(state, monkeypatch):
    from newsledger.serve import create_app

    ledger = state["ledger"]

    def boom(*a, **k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(ledger, "stats", boom)
    client = TestClient(create_app(ledger), raise_server_exceptions=False)
    for path in ("/api/stats", "/"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret" not in r.text and "Traceback" not in r.text
        assert "default-src 'self'" in r.headers["content-security-policy"]


# ---------------------------------------------------------------- ingest


def test_ingest_needs_the_token(state):
    client = state["client"]
    before = state["ledger"].stats()["articles"]
    body = {"url": "https://x.example/1", "text": UPLOAD}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                    {"Authorization": f"Basic {TOKEN}"}):
        r = client.post("/api/ingest", json=body, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers.get("www-authenticate") == "Bearer"
    r = client.post("/api/ingest", files={"file": ("page.txt", UPLOAD.encode())})
    assert r.status_code == 401
    assert state["ledger"].stats()["articles"] == before
    # an app without a token is read-only
    ro = TestClient(create_app_no_token(state["ledger"]))
    assert ro.post("/api/ingest", json=body, headers={"Authorization": "Bearer "}).status_code == 401


def create_app_no_token(ledger):
    import os

    from newsledger.serve import create_app

    old = os.environ.pop("NEWSLEDGER_TOKEN", None)
    try:
        return create_app(ledger)
    finally:
        if old is not None:
            os.environ["NEWSLEDGER_TOKEN"] = old


def test_ingest_with_token_stores_upload_and_json(state):
    client = state["client"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/ingest", files={"file": ("strike.txt", UPLOAD.encode(), "text/plain")},
                    data={"url": "https://harbour.example/strike"}, headers=auth)
    assert r.status_code == 200, r.text
    data = r.json()
    check(client, "/api/ingest", data, method="post")
    assert data["new"] == 1 and data["failed"] == 0 and len(data["ids"]) == 1
    stored = client.get(f"/api/articles/{data['ids'][0]}").json()
    assert stored["url"] == "https://harbour.example/strike" and "Port Alder" in stored["text"]
    assert any(c["source"] and "Mara Quell" in c["source"]["name"] for c in stored["claims"])
    # the same page again is a duplicate; the planted page too
    again = client.post("/api/ingest", files={"file": ("strike.txt", UPLOAD.encode())},
                        data={"url": "https://harbour.example/strike"}, headers=auth).json()
    assert again == {"new": 0, "duplicate": 1, "failed": 0, "ids": [], "failures": []}
    dup = client.post("/api/ingest", json={"url": "https://evil.example/hostile", "text": HOSTILE},
                      headers=auth).json()
    assert dup["duplicate"] == 1
    # junk in, one clear failure or a 4xx out, never a 500
    bad = client.post("/api/ingest", files={"file": ("blob.txt", bytes(range(256)) * 20)}, headers=auth)
    assert bad.status_code == 200 and bad.json()["failed"] == 1 and bad.json()["failures"]
    assert client.post("/api/ingest", content=b"{not json", headers=dict(auth, **{"content-type": "application/json"})).status_code == 422
    assert client.post("/api/ingest", json={"url": "x"}, headers=auth).status_code == 422
    assert client.post("/api/ingest", json=["x"], headers=auth).status_code == 422
    big = client.post("/api/ingest", headers=auth, json={"url": "https://x.example/big",
                                                         "text": "word " * (2_200_000)})
    assert big.status_code == 413 and big.json()["detail"] == "page over the size limit"
    assert client.post("/api/ingest", content=b"url=x", headers=dict(
        auth, **{"content-type": "application/x-www-form-urlencoded"})).status_code == 415
    html = client.post("/api/ingest", headers=auth, json={
        "url": "https://harbour.example/html",
        "html": "<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
                "<p>Ferry fares will rise by 12 percent in May, the transport board said on Friday, "
                "citing higher fuel costs and a shortage of crew across the network.</p>"
                "<p>Passenger groups said the increase was unfair to island residents who have no "
                "other way to reach the mainland for work, school or hospital visits.</p>"
                "<script>alert('x')</script></article></body></html>"})
    assert html.status_code == 200 and html.json()["new"] == 1, html.text


# ---------------------------------------------------------------- hostile input in pages


def test_planted_page_renders_inert(state):
    client = state["client"]
    r = client.get(f"/articles/{state['planted']}")
    assert r.status_code == 200
    html = r.text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html.lower()  # no script of ours either
    # claims are highlighted and labelled by source and stance
    assert html.count('<mark class="claim') >= 2
    assert re.search(r'class="tag stance-[a-z-]+"[^>]*>\d+ · [^<]+ · ', html)
    assert 'href="/sources/' in html
    # search results escape the snippet
    s = client.get("/search", params={"q": "mayor"}).text
    assert "<script>alert" not in s and f"/articles/{state['planted']}" in s
    # the headers
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_template_marks_text_safe():
    for t in TEMPLATES.glob("*.html"):
        src = t.read_text()
        assert not re.search(r"\|\s*safe\b", src) and "autoescape false" not in src, t.name
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", src), t.name  # nothing off-site


def test_every_response_has_csp(state):
    client = state["client"]
    for path in ("/", "/search?q=troops", "/articles", "/sources", "/conflicts", "/stories",
                 "/copies", "/api/docs", "/api/openapi.json", "/api/stats", "/static/style.css",
                 "/no/such/page", "/api/no-such"):
        r = client.get(path)
        assert "default-src 'self'" in r.headers.get("content-security-policy", ""), path


def test_pages_render(state):
    client = state["client"]
    home = client.get("/")
    assert home.status_code == 200 and 'action="/search"' in home.text
    assert f"/articles/{state['planted']}" in home.text
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/claims" in docs.text and "<script" not in docs.text
    if state["seed"]:
        seed = state["seed"]
        page = client.get(f"/articles/{seed}").text
        assert "<details" in page and "share-widget" in page  # removed junk, with reasons
        assert '<span class="fig"' in page
        name = client.get("/api/sources").json()["items"][0]["name"]
        src = client.get(f"/sources/{name}")
        assert src.status_code == 200 and f"/articles/{seed}#claim-" in src.text
        # a unique id prefix redirects to the article
        r = client.get(f"/articles/{seed[:8]}", follow_redirects=False)
        assert r.status_code == 308 and r.headers["location"] == f"/articles/{seed}"
    assert client.get("/sources/Nobody%20At%20All").status_code == 404


# ---------------------------------------------------------------- group pages (link stage stubbed)


@pytest.fixture()
def linked(state, monkeypatch):
    """The link stage's functions stubbed with groups over the stored articles, so the group
    pages can be checked whatever the link stage returns today."""
    import newsledger.link as link
    from newsledger.serve import create_app

    ids = [a["id"] for a in state["ledger"].articles(limit=10)]
    a, b = ids[0], ids[1]
    conflict = {"id": "g1", "label": "troops <script>alert('g')</script>", "verdict": "conflict",
                "members": [
                    {"article_id": a, "name": "NIS", "figure": 12000, "stance": "asserts",
                     "published": "2024-10-18T10:09:00", "site": "a.example", "idx": 0},
                    {"article_id": b, "name": "NIS", "figure": {"text": "10,000", "value": 10000},
                     "stance": "asserts", "published": "2024-10-20", "site": "b.example"},
                    {"article_id": b, "name": "Kremlin <b>", "figure": "none", "stance": "denies",
                     "published": "2024-10-21", "site": "b.example"},
                    {"article_id": a, "name": "Pentagon", "figure": 3000, "stance": "cannot-confirm",
                     "published": "2024-10-22", "site": "a.example"}],
                "timeline": [{"date": "2024-10-18", "event": "<i>first report</i>"}]}
    copies = [{"id": "c1", "label": "copied", "members": [
        {"id": a, "source": "x", "role": "original", "site": "a.example", "changes": []},
        {"id": b, "source": "y", "role": "copy", "site": "b.example", "changes": ["<b>byline</b> swapped"]}]}]
    stories = [{"id": "s1", "label": "a story", "members": [{"id": a}, {"id": b}]}]
    monkeypatch.setattr(link, "conflict_groups", lambda ledger: [conflict], raising=False)
    monkeypatch.setattr(link, "claim_groups", lambda ledger, **kw: [conflict], raising=False)
    monkeypatch.setattr(link, "copy_groups", lambda ledger: copies, raising=False)
    monkeypatch.setattr(link, "story_groups", lambda ledger: stories, raising=False)
    monkeypatch.setattr(link, "claim_group", lambda ledger, gid: conflict if gid == "g1" else None,
                        raising=False)
    return TestClient(create_app(state["ledger"], token=TOKEN)), a, b


def test_group_pages_with_groups(linked):
    client, a, b = linked
    for path in ("/api/copies", "/api/stories", "/api/conflicts"):
        data = client.get(path).json()
        check(client, path, data)
        assert data["count"] == 1
    g = client.get("/api/claim-groups/g1").json()
    check(client, "/api/claim-groups/{group_id}", g)
    page = client.get("/claims/groups/g1")
    assert page.status_code == 200
    html = page.text
    assert "<svg" in html and "<polyline" in html and "conflicting" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "Kremlin &lt;b&gt;" in html
    assert html.count('class="conflict"') >= 1
    art = client.get(f"/articles/{a}").text
    assert 'href="/claims/groups/g1"' in art and 'href="/copies/c1"' in art and 'href="/stories/s1"' in art
    copies = client.get("/copies/c1")
    assert copies.status_code == 200 and "side-by-side" in copies.text
    assert "&lt;b&gt;byline&lt;/b&gt; swapped" in copies.text
    story = client.get("/stories/s1")
    assert story.status_code == 200 and f"/articles/{b}" in story.text
    for path in ("/conflicts", "/copies", "/stories"):
        assert "/g1" in client.get(path).text or "/c1" in client.get(path).text or "/s1" in client.get(path).text
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/copies/nope").status_code == 404


def test_group_pages_survive_a_broken_link_stage(state, monkeypatch):
    import newsledger.link as link
    from newsledger.serve import create_app

    def broken(*a, **k):
        raise RuntimeError("link stage exploded")

    for name in ("conflict_groups", "claim_groups", "copy_groups", "story_groups", "claim_group"):
        monkeypatch.setattr(link, name, broken, raising=False)
    client = TestClient(create_app(state["ledger"]))
    assert client.get("/api/conflicts").json() == {"count": 0, "total": 0, "limit": 20, "offset": 0,
                                                   "next_offset": None, "items": []}
    assert client.get(f"/articles/{state['planted']}").status_code == 200
    assert client.get("/api/claim-groups/x").status_code == 404
    assert client.get("/").status_code == 200


# ---------------------------------------------------------------- provenance flags as shown


def test_undecided_byline_flag_is_shown_as_undecided_not_as_a_finding(tmp_path):
    """Two same-day versions of a text under different names: nothing tells which name is
    genuine, so the article page says "undecided" and does not style it as a firm flag; a later
    copy under a third name is a firm flag."""
    from newsledger.link import link_new
    from newsledger.model import Article
    from newsledger.serve import create_app

    body = [f"Paragraph {i} of the Orlen bridge story: the council closed the old span for {i + 2} "
            "weeks after engineers found cracks in two of its piers, the mayor's office said." for i in range(8)]

    def version(site, name, published):
        a = Article(source=f"test:{site}", url=f"https://{site}/bridge", site=site, title="Bridge closed",
                    byline=[name], published=published)
        a.set_paragraphs(body)
        return a

    first, twin, later = (version("a.example", "Mira Hollis", "2031-04-02"),
                          version("b.example", "Rex Tallon", "2031-04-02"),
                          version("c.example", "Ada Pell", "2031-04-05"))
    ledger = Ledger(str(tmp_path / "flags.db"))
    try:
        res = ledger.add([(a, None, None) for a in (first, twin, later)])
        link_new(ledger, res.new)
        client = TestClient(create_app(ledger))
        html = client.get(f"/articles/{twin.id}").text
        assert '<strong class="flag-open">byline swapped: undecided</strong>' in html
        assert '<strong class="flag">byline swapped</strong>' not in html
        firm = client.get(f"/articles/{later.id}").text
        assert '<strong class="flag">byline swapped</strong>' in firm
    finally:
        ledger.close()
