"""``POST /api/ingest`` under hostile use (issue 17, items 3, 4, 5, 7): the work runs in the
ingest worker (a child process) under the CLI's limits, so a gzip bomb or a page that blows up
the extractor neither stalls other requests nor escapes the per-document limits; a chunked
body is counted as it arrives; uploads take the CLI's read path (cleaning, ``.gz``).

Tests that need "while the ingest runs" hook the server's side of the worker: the hook runs
when the worker reports progress, inside the ingest request, so what it sees happens during
the ingest by construction (no sleeps, no timings). The cleaning cases run on SQLite and, with
NEWSLEDGER_TEST_PG set, on PostgreSQL.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
import warnings
import zlib

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient  # noqa: E402

from newsledger.serve import create_app  # noqa: E402
from newsledger.serve.ingest import IngestLimits, Worker, read_body, worker  # noqa: E402
from newsledger.store import Ledger  # noqa: E402
from test_postgres import pg_url  # noqa: E402,F401  (the PostgreSQL fixture)

TOKEN = "ingest-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PG = os.environ.get("NEWSLEDGER_TEST_PG")

STORY = """Ferry fares rise on the island routes

Ferry fares on the island routes will rise by 12 percent in May, the transport board said on Friday, citing higher fuel costs and a shortage of crew.

"Island residents have no other way to reach the mainland," said Tom Reyes, who chairs the passenger group, adding that 3,000 people had signed a petition.
"""


def story(n: int) -> str:
    """A distinct page (its own title and figures), so each ingest is new."""
    return STORY.replace("Ferry fares", f"Ferry fares ({n})").replace("12 percent", f"{12 + n} percent")


def warc_bomb(mb: int) -> bytes:
    """A gzipped WARC whose one record inflates to ``mb`` MB (~1 KB per MB compressed)."""
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (mb << 20))
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [z.compress(head + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")]
    block = b"<p>" + b"a" * (1 << 20)
    out += [z.compress(block) for _ in range(mb)]
    return b"".join(out + [z.flush()])


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "ledger.db")
    elif not PG:
        pytest.skip("NEWSLEDGER_TEST_PG is not set")
    else:
        url = request.getfixturevalue("pg_url")  # a fresh database, dropped afterwards
    led = Ledger(url)
    yield led
    led.close()


@pytest.fixture
def sqlite_app(tmp_path):
    led = Ledger(str(tmp_path / "ledger.db"))
    yield create_app(led, token=TOKEN)
    led.close()


def on_worker_message(monkeypatch, hook):
    """Call ``hook(message)`` each time the worker's message reaches the server, inside the
    ingest request (the request cannot answer before the hook returns)."""
    original = Worker._message

    def spied(self, proc, silence_s):
        message = original(self, proc, silence_s)
        hook(message)
        return message

    monkeypatch.setattr(Worker, "_message", spied)


def one_line(failures: list[str]) -> None:
    assert failures and all("\n" not in f and "Traceback" not in f for f in failures), failures


# ---------------------------------------------------------------- items 3 and 4: off the loop, limited


def test_a_warc_gzip_bomb_does_not_stall_other_requests(sqlite_app, monkeypatch):
    sqlite_app.state.ingest_limits = IngestLimits(max_file_bytes=64 << 20)
    seen = []
    with TestClient(sqlite_app) as client:
        def during(message):
            if message[0] == "tick" and not seen:  # the worker is reading the bomb now
                r = client.get("/api/stats")
                seen.append((r.status_code, r.json().get("articles")))

        on_worker_message(monkeypatch, during)
        bomb = warc_bomb(300)
        assert len(bomb) < 1 << 20  # 300 MB inflated from under 1 MB
        r = client.post("/api/ingest", files={"file": ("crawl.warc.gz", bomb)}, headers=AUTH)
    assert seen == [(200, 0)]  # answered while the bomb was being read
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["new"] == 0 and data["failed"] >= 1
    one_line(data["failures"])
    assert any("over the size limit (64 MB decompressed)" in f for f in data["failures"]), data


def test_per_document_memory_limit_applies_to_api_ingest(sqlite_app):
    """The page that sends the extractor into minutes and gigabytes: the CLI's watchdog stops
    it in the worker (in a server thread it had no limit at all)."""
    sqlite_app.state.ingest_limits = IngestLimits(max_memory_mb=40)
    client = TestClient(sqlite_app)
    links = ("<html><body>" + "<div><a href='/x'>link</a></div>\n" * 80_000 + "</body></html>").encode()
    r = client.post("/api/ingest", files={"file": ("links.html", links)}, headers=AUTH)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["new"] == 0 and data["failed"] == 1
    one_line(data["failures"])
    assert "memory" in data["failures"][0] or "longer than" in data["failures"][0], data
    # the same worker goes on with the next request (the CLI's limits: the models need more)
    sqlite_app.state.ingest_limits = IngestLimits()
    ok = client.post("/api/ingest", json={"url": "https://ferry.example/1", "text": story(1)}, headers=AUTH)
    assert ok.status_code == 200 and ok.json()["new"] == 1, ok.text


def test_a_worker_killed_mid_ingest_costs_that_request_one_line(sqlite_app, monkeypatch):
    client = TestClient(sqlite_app)

    def kill(message):
        if message[0] == "tick" and worker().pid:
            os.kill(worker().pid, signal.SIGKILL)

    on_worker_message(monkeypatch, kill)
    r = client.post("/api/ingest", json={"url": "https://ferry.example/2", "text": story(2)}, headers=AUTH)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["new"] == 0 and data["failed"] == 1
    assert data["failures"] == ["api: the ingest worker stopped (exit status -9) while reading this "
                                "input; the rest of this input is skipped"]
    monkeypatch.undo()
    again = client.post("/api/ingest", json={"url": "https://ferry.example/2", "text": story(2)}, headers=AUTH)
    assert again.status_code == 200 and again.json()["new"] == 1, again.text


def test_a_stalled_worker_is_killed_without_signals_in_the_server(sqlite_app, monkeypatch):
    """The backstop that needs no watchdog: a worker that sends nothing for ``no_progress_s``
    (here: stopped with SIGSTOP, so it cannot progress however fast the machine) is killed."""
    sqlite_app.state.ingest_limits = IngestLimits(no_progress_s=1)
    client = TestClient(sqlite_app)
    stopped = []

    def freeze(message):
        if message[0] == "tick" and not stopped:
            stopped.append(worker().pid)
            os.kill(stopped[0], signal.SIGSTOP)

    on_worker_message(monkeypatch, freeze)
    r = client.post("/api/ingest", json={"url": "https://ferry.example/3", "text": story(3)}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["failures"] == ["api: ingest stopped: no progress in 1 s; the rest of this input is skipped"]
    assert worker().pid != stopped[0]  # killed; the next request starts a fresh worker
    with pytest.raises(ProcessLookupError):
        os.kill(stopped[0], 0)


# ---------------------------------------------------------------- item 5: chunked bodies


class Stream:
    """A request whose body arrives in chunks; counts what the server pulled."""

    def __init__(self, chunk: bytes, n: int):
        self.chunk, self.n, self.pulled = chunk, n, 0
        self.headers: dict = {}

    async def stream(self):
        for _ in range(self.n):
            self.pulled += len(self.chunk)
            yield self.chunk


def test_chunked_body_is_refused_as_soon_as_it_passes_the_cap():
    import anyio
    from fastapi import HTTPException

    req = Stream(b"x" * 65536, 1000)  # 64 MB on offer, no Content-Length
    with pytest.raises(HTTPException) as e:
        anyio.run(read_body, req, 1 << 20)
    assert e.value.status_code == 413
    assert req.pulled <= (1 << 20) + 65536  # stopped at the first chunk past the cap
    small = Stream(b"y" * 1000, 5)
    assert anyio.run(read_body, small, 1 << 20) == b"y" * 5000


def test_chunked_uploads_over_http_never_spool_to_disk(sqlite_app, monkeypatch):
    import starlette.formparsers

    def no_spooling(*a, **kw):
        raise AssertionError("an upload was spooled to a temporary file")

    monkeypatch.setattr(starlette.formparsers, "SpooledTemporaryFile", no_spooling)
    sqlite_app.state.ingest_limits = IngestLimits(max_page_bytes=1 << 20)
    client = TestClient(sqlite_app)
    boundary = "b0undary"

    def multipart(name: str, payload: bytes, chunks: int):
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
               "Content-Type: application/octet-stream\r\n\r\n").encode()
        for _ in range(chunks):
            yield payload
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = dict(AUTH, **{"content-type": f"multipart/form-data; boundary={boundary}"})
    big = client.post("/api/ingest", content=multipart("big.txt", b"word " * 13_000, 300), headers=headers)
    assert big.status_code == 413 and big.json()["detail"] == "page over the size limit"
    ok = client.post("/api/ingest", content=multipart("ferry.txt", story(4).encode(), 1), headers=headers)
    assert ok.status_code == 200 and ok.json()["new"] == 1, ok.text


# ---------------------------------------------------------------- item 7: the reader's cleaning


def test_hostile_json_bodies_are_cleaned_or_refused_in_one_line(ledger):
    client = TestClient(create_app(ledger, token=TOKEN))
    post = lambda raw: client.post("/api/ingest", content=raw,  # noqa: E731
                                   headers=dict(AUTH, **{"content-type": "application/json"}))
    # lone surrogates (JSON escapes) in the url and the text: U+FFFD, stored
    r = post(json.dumps({"url": "https://x.example/\ud800a", "text": story(5).replace("Friday", "Fri\udc00day")},
                        ensure_ascii=True).encode())
    assert r.status_code == 200 and r.json()["new"] == 1, r.text
    stored = client.get(f"/api/articles/{r.json()['ids'][0]}").json()
    assert stored["url"] == "https://x.example/\ufffda" and "Fri\ufffdday" in stored["text"]
    # NUL in the url (PostgreSQL cannot store it) and in the text
    r = post(json.dumps({"url": "https://x.example/a\u0000b", "text": story(6).replace("May", "May\u0000")}).encode())
    assert r.status_code == 200 and r.json()["new"] == 1, r.text
    stored = client.get(f"/api/articles/{r.json()['ids'][0]}").json()
    assert "\x00" not in stored["url"] and "\x00" not in stored["text"]
    # 100,000-deep JSON: one line, 422
    deep = post(b'{"url": "https://x.example/deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert deep.status_code == 422 and deep.json()["detail"] == "JSON body refused: invalid JSON (nested too deeply)"
    assert post(b"[1, 2]").json()["detail"] == "JSON body refused: body is not a JSON object"
    assert ledger.stats()["articles"] == 2


def test_uploads_take_the_cli_read_path(ledger):
    client = TestClient(create_app(ledger, token=TOKEN))

    def upload(name: str, raw: bytes, url: str | None = None):
        r = client.post("/api/ingest", files={"file": (name, raw)}, data={"url": url} if url else None,
                        headers=AUTH)
        assert r.status_code == 200, r.text
        return r.json()

    html = (f"<html><head><title>Ferry fares (7)</title></head><body><article><h1>Ferry fares (7)</h1>"
            + "".join(f"<p>{p}</p>" for p in story(7).split("\n\n")[1:]) + "</article></body></html>")
    assert upload("page.html.gz", gzip.compress(html.encode()))["new"] == 1
    assert upload("page.gz", gzip.compress(story(8).encode()), url="https://x.example/8\x00")["new"] == 1
    bomb = upload("bomb.html.gz", gzip.compress(b"<p>" + b"a" * (11 << 20)))
    assert bomb["failures"] == ["upload:bomb.html.gz: page over the size limit (10 MB)"]
    lines = [json.dumps({"url": "https://x.example/9", "text": story(9)}).encode(),
             b'{"url": "https://x.example/deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"]
    jsonl = upload("pages.jsonl", b"\n".join(lines))
    assert jsonl["new"] == 1 and jsonl["failures"] == ["upload:pages.jsonl#2: invalid JSON (nested too deeply)"]
    junk = upload("\ud800evil\x00name.txt".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
                  bytes(range(256)) * 20)
    one_line(junk["failures"])
    assert junk["failed"] == 1 and "\x00" not in junk["failures"][0]
    assert ledger.stats()["articles"] == 3
