"""The server stays up under hostile queries (issue 17, items 2, 6, 8, 9), on SQLite and, where
NEWSLEDGER_TEST_PG is set, on PostgreSQL: each reproduction of the security review is a test.

- repeated words count once, more than MAX_TERMS different words is a 422 with one line;
- a read past its time limit is a 503 with one line; a client that leaves stops its read;
- offset/limit past 2^63, NUL and encoded surrogates in any path or parameter: 422, no 500;
- passwords never printed, --token documented, non-loopback warning, trusted hosts, HEAD,
  bidi controls neutralised, serve --workers.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import warnings
from urllib.parse import quote

import pytest

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what we ship
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient  # noqa: E402

from newsledger.store import Cancel, Ledger, QueryTimeout  # noqa: E402
from throwaway_db import PG, throwaway_ledger  # noqa: E402  (tests/throwaway_db.py)
from newsledger.store.bounds import MAX_TERMS, bounded  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

RLO = "\u202e"
PAGES = {
    "harbour.txt": ("https://port.example/harbour", "Harbour strike enters third day\n\n"
                    "Dock workers in Port Alder stayed off the job for a third day on Wednesday, "
                    "the union said.\n\n\"We will not go back until the port authority meets our "
                    "demands,\" said Maria Lopez, a spokeswoman for the dockworkers' union.\n"),
    "budget.txt": ("https://city.example/budget", "Council approves budget\n\n"
                   "The city council approved a budget of $45 million on Tuesday, the mayor said.\n\n"
                   "Mayor John Hale said the plan would fund 30 new teachers.\n"),
    "bidi.txt": (f"https://files.example/{RLO}gpj.exe", f"Leaked file {RLO}gpj.exe surfaces\n\n"
                 "The harbour office said on Monday that the file had been shared widely.\n"),
}
SLOW_SQL = {  # a statement that runs far longer than any limit below, on each backend
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000) "
              "SELECT count(*) FROM c",
    "postgresql": "SELECT pg_sleep(600)",
}


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    """(ledger, client, ids by page name) on each backend, filled by the real pipeline."""
    from newsledger.model import Document
    from newsledger.pipeline import ingest
    from newsledger.serve import create_app

    with throwaway_ledger(request.param, tmp_path_factory) as url:
        ledger = Ledger(url)
        docs = [Document(source=name, raw=body.encode(), kind="text", url=page_url)
                for name, (page_url, body) in PAGES.items()]
        report = ingest(docs, ledger, analyze=True)
        assert report.new == len(PAGES), report.failures
        yield ledger, TestClient(create_app(ledger)), dict(zip(PAGES, report.ids))
        ledger.close()


def _one_line(r) -> str:
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail
    return detail


# ---------------------------------------------------------------- item 2: search


def test_repeated_words_count_once(served):
    ledger, client, ids = served
    once = [h["id"] for h in ledger.search("harbour")]
    assert once and ids["harbour.txt"] in once
    assert [h["id"] for h in ledger.search(" ".join(["harbour"] * 125))] == once
    assert [h["id"] for h in ledger.search("Harbour HARBOUR harbour")] == once
    for q in (" ".join(["the"] * 125), " ".join(["a"] * 250)):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, r.text
    r = client.get("/api/articles", params={"q": "harbour " * 60, "site": "nowhere.example"})
    assert r.status_code == 200 and r.json()["items"] == []
    narrowed = client.get("/api/articles", params={"q": "harbour", "site": "port.example"}).json()
    assert [a["id"] for a in narrowed["items"]] == [ids["harbour.txt"]]


def test_too_many_words_is_a_422_with_one_line(served):
    _, client, _ = served
    words = " ".join(f"word{i}" for i in range(MAX_TERMS + 1))
    for path, params in (("/api/search", {"q": words}), ("/api/articles", {"q": words})):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        assert f"at most {MAX_TERMS}" in _one_line(r)
    page = client.get("/search", params={"q": words})
    assert page.status_code == 422 and f"at most {MAX_TERMS}" in page.text
    fits = " ".join(f"word{i}" for i in range(MAX_TERMS))
    assert client.get("/api/search", params={"q": fits}).status_code == 200


def test_a_read_past_its_time_limit_stops(served):
    ledger, _, _ = served
    with pytest.raises(QueryTimeout, match="too long"):
        with ledger.engine.connect() as conn, bounded(conn, 0.2):
            conn.exec_driver_sql(SLOW_SQL[ledger.dialect]).all()
    assert ledger.search("harbour")  # the pooled connection is usable again, unbounded
    if ledger.dialect == "postgresql":  # the limit was the transaction's, not the connection's
        with ledger.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
    gone = Cancel()
    gone.set()
    with pytest.raises(QueryTimeout, match="cancelled"):
        ledger.search("harbour", cancel=gone)  # a client gone before the query: nothing runs


def _slow_app(ledger, query_seconds: float, seen: list):
    """The real app over a ledger whose search runs a statement that never ends by itself."""
    from newsledger.serve import create_app

    class SlowLedger:
        def __getattr__(self, name):
            return getattr(ledger, name)

        def search(self, query, timeout=None, cancel=None, **_):
            try:
                with ledger.engine.connect() as conn, bounded(conn, timeout, cancel):
                    conn.exec_driver_sql(SLOW_SQL[ledger.dialect]).all()
            except QueryTimeout as e:
                seen.append(str(e))
                raise
            return []

        search_hits = search  # what the search page and API read through

    return create_app(SlowLedger(), query_seconds=query_seconds)


def test_a_search_past_the_time_limit_is_a_503_with_one_line(served, caplog):
    ledger, _, _ = served
    client = TestClient(_slow_app(ledger, 0.3, []))
    with caplog.at_level(logging.ERROR, logger="newsledger.serve"):
        r = client.get("/api/search", params={"q": "harbour"})
        page = client.get("/search", params={"q": "harbour"})
    assert r.status_code == 503 and "took too long" in _one_line(r)
    assert page.status_code == 503 and "took too long" in page.text
    assert not caplog.records  # an expected refusal, not a server error


def test_a_client_that_leaves_stops_its_search(served):
    """The route's read is cancelled when the client disconnects, long before its limit."""
    ledger, _, _ = served
    seen: list[str] = []
    app = _slow_app(ledger, 600.0, seen)
    sent: list[dict] = []

    async def call():
        messages = [{"type": "http.request", "body": b"", "more_body": False},
                    {"type": "http.disconnect"}]

        async def receive():
            if len(messages) > 1:
                return messages.pop(0)
            await asyncio.sleep(0.05)  # the client is gone: it waits a moment, then says so
            return messages[0]

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": "/api/search", "raw_path": b"/api/search",
                 "query_string": b"q=harbour", "root_path": "", "client": ("127.0.0.1", 5),
                 "server": ("127.0.0.1", 80), "headers": [(b"host", b"127.0.0.1")]}
        await asyncio.wait_for(app(scope, receive, send), timeout=300)  # a hang fails, not blocks

    asyncio.run(call())
    assert seen == ["the query was cancelled (the client went away)"]
    assert sent[0]["status"] == 503


# ---------------------------------------------------------------- item 6: parameters


def _get_routes() -> list[str]:
    """Every GET route of the JSON API and the pages (the app's own list wraps the routers)."""
    from fastapi.routing import APIRoute

    from newsledger.serve import api, pages

    return sorted({r.path for router in (api.router, pages.router) for r in router.routes
                   if isinstance(r, APIRoute) and "GET" in r.methods})


def test_offset_and_limit_past_64_bits_are_422(served, caplog):
    _, client, _ = served
    huge = str(2 ** 63)
    with caplog.at_level(logging.ERROR, logger="newsledger.serve"):
        for path in ("/api/articles", "/api/claims", "/api/search", "/articles", "/search"):
            for name in ("offset", "limit"):
                r = client.get(path, params={"q": "harbour", name: huge})
                assert r.status_code == 422, (path, name, r.status_code)
                assert name in r.text
            assert client.get(path, params={"q": "harbour", "offset": "-1"}).status_code == 422
    assert not caplog.records


@pytest.mark.parametrize("bad", ["%00", "a%00b", "%ED%A0%80", "%FF"],
                         ids=["nul", "nul-inside", "lone-surrogate", "not-utf8"])
def test_nul_and_surrogates_are_422_on_every_route(served, bad, caplog):
    _, client, ids = served
    routes = _get_routes()
    assert len(routes) >= 15  # every GET route of the API and the pages is tried below
    tried = 0
    with caplog.at_level(logging.ERROR, logger="newsledger.serve"):
        for route in routes:
            with_params = re.sub(r"\{[^}]+\}", bad, route)
            paths = [with_params] if with_params != route else []
            plain = re.sub(r"\{[^}]+\}", ids["harbour.txt"], route)
            for url in [*paths, f"{plain}?q={bad}", f"{plain}?site={bad}&offset=0"]:
                r = client.get(url)
                assert r.status_code == 422, (url, r.status_code, r.text[:200])
                tried += 1
        r = client.post(f"/api/ingest?url={bad}", json={"text": "x"})
        assert r.status_code == 422
    assert tried > 2 * len(routes) and not caplog.records


def test_head_is_answered_like_get(served):
    _, client, ids = served
    for path in ("/", f"/articles/{ids['harbour.txt']}", "/api/stats"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]


# ---------------------------------------------------------------- item 9: hosts, bidi


def test_only_trusted_hosts_are_answered(served):
    from newsledger.serve import create_app

    ledger, client, _ = served
    evil = client.get("/api/articles/", headers={"host": "evil.example"}, follow_redirects=False)
    assert evil.status_code == 400 and "evil.example" not in evil.headers.get("location", "")
    ok = client.get("/api/articles/", headers={"host": "127.0.0.1:8000"}, follow_redirects=False)
    assert ok.status_code in (307, 308) and ok.headers["location"].startswith("http://127.0.0.1:8000/")
    named = TestClient(create_app(ledger, trusted_hosts=["news.example"]))
    assert named.get("/api/stats", headers={"host": "news.example"}).status_code == 200
    assert named.get("/api/stats", headers={"host": "evil.example"}).status_code == 400


def test_bidi_controls_are_neutralised_in_pages_not_in_data(served):
    _, client, ids = served
    aid = ids["bidi.txt"]
    for path in ("/", f"/articles/{aid}", "/search?q=leaked", "/articles"):
        html = client.get(path).text
        assert RLO not in html, path
        assert "\ufffdgpj.exe" in html, path
    assert RLO in client.get(f"/api/articles/{aid}").json()["url"]  # the data is kept as it was


# ---------------------------------------------------------------- item 8: secrets, serve


def test_passwords_are_masked_in_cannot_open_ledger():
    from typer.testing import CliRunner

    from newsledger.cli import app

    runner = CliRunner()
    for db in ("postgresql+psycopg://reader:hunter2-secret@127.0.0.1:1/nowhere",
               "postgres//reader:hunter2-secret@127.0.0.1:1/nowhere"):
        r = runner.invoke(app, ["stats", "--db", db])
        assert r.exit_code == 1 and "cannot open ledger" in r.output
        assert "hunter2" not in r.output and "reader:***@" in r.output


@pytest.mark.skipif(not PG, reason="NEWSLEDGER_TEST_PG is not set")
def test_wrong_password_on_postgresql_is_not_printed():
    from sqlalchemy.engine import make_url
    from typer.testing import CliRunner

    from newsledger.cli import app

    wrong = make_url(PG).set(password="wrong-Pa55word").render_as_string(hide_password=False)
    r = CliRunner().invoke(app, ["stats", "--db", wrong])
    assert r.exit_code == 1 and "cannot open ledger" in r.output and "wrong-Pa55word" not in r.output


def test_serve_help_warnings_and_workers(tmp_path, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from newsledger.cli import app

    runner = CliRunner()
    helptext = " ".join(runner.invoke(app, ["serve", "--help"], terminal_width=200).output.split())
    assert "NEWSLEDGER_TOKEN" in helptext and "process list" in helptext and "--workers" in helptext
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    for name in ("NEWSLEDGER_TOKEN", "NEWSLEDGER_DB", "NEWSLEDGER_TRUSTED_HOSTS"):
        monkeypatch.setenv(name, "")  # what serve --workers sets is undone after the test
        monkeypatch.delenv(name)
    db = str(tmp_path / "ledger.db")
    quiet = runner.invoke(app, ["serve", "--db", db])
    assert quiet.exit_code == 0 and "warning" not in quiet.output
    loud = runner.invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--token", "t0ken",
                               "--workers", "3", "--trusted-host", "news.example"])
    assert loud.exit_code == 0, loud.output
    assert "not a loopback address" in loud.output and "visible to other local users" in loud.output
    target, kw = calls[-1]
    assert target == "newsledger.serve:app_from_env" and kw["factory"] and kw["workers"] == 3
    assert os.environ["NEWSLEDGER_TRUSTED_HOSTS"] == "news.example"
    assert os.environ["NEWSLEDGER_TOKEN"] == "t0ken" and os.environ["NEWSLEDGER_DB"].endswith(db)
    bad = runner.invoke(app, ["serve", "--db", db, "--trusted-host", "news*"])
    assert bad.exit_code == 1 and bad.output.count("\n") == 1 and "'news*'" in bad.output
    slow = runner.invoke(app, ["serve", "--db", db], env={"NEWSLEDGER_QUERY_SECONDS": "soon"})
    assert slow.exit_code == 1 and slow.output.count("\n") == 1 and "NEWSLEDGER_QUERY_SECONDS" in slow.output


def test_a_worker_app_is_built_from_the_environment(served, monkeypatch):
    from newsledger.serve import app_from_env

    ledger, _, ids = served
    monkeypatch.setenv("NEWSLEDGER_DB", ledger.url)
    monkeypatch.setenv("NEWSLEDGER_TRUSTED_HOSTS", "news.example")
    monkeypatch.setenv("NEWSLEDGER_TOKEN", "worker-token")
    worker = app_from_env()
    client = TestClient(worker)
    r = client.get(f"/api/articles/{quote(ids['budget.txt'])}", headers={"host": "news.example"})
    assert r.status_code == 200 and worker.state.token == "worker-token"
    worker.state.ledger.close()
