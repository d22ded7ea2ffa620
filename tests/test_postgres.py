"""The ledger on a real PostgreSQL server: migrations, ingest, tsvector search, stats, and
two processes ingesting the same inputs at once without duplicates.

Skipped unless NEWSLEDGER_TEST_PG holds a SQLAlchemy URL of a role that may create
databases (scripts/postgres.sh starts such a server and prints it). Each test gets a fresh
database, dropped afterwards.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

PG = os.environ.get("NEWSLEDGER_TEST_PG")
pytestmark = pytest.mark.skipif(
    not PG, reason="NEWSLEDGER_TEST_PG is not set (export NEWSLEDGER_TEST_PG=$(scripts/postgres.sh))")

STORIES = [
    ("harbour", "Harbour strike enters third day",
     ["Dock workers in Port Alder stayed off the job for a third day on Wednesday.",
      "“We will not go back until the port authority meets our demands,” said Maria Lopez, "
      "a spokeswoman for the dockworkers' union.",
      "About 1,200 workers have joined the strike, the union said."]),
    ("budget", "Council approves budget",
     ["The city council approved a budget of $45 million on Tuesday.",
      "Mayor John Hale said the plan would fund 30 new teachers.",
      "“This is a budget for families,” Hale told reporters."]),
    ("flu", "Flu cases rise",
     ["Flu cases rose by 15 percent last week, health officials said on Friday.",
      "Dr. Sara Kim, the regional health director, urged residents to get vaccinated."]),
]


def _page(title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


@pytest.fixture
def pg_url():
    """A fresh database on the test server; dropped afterwards."""
    from throwaway_db import pg_database

    with pg_database() as url:
        yield url


def _write_pages(d, n_extra: int = 0):
    d.mkdir(parents=True, exist_ok=True)
    for slug, title, paras in STORIES:
        (d / f"{slug}.html").write_text(_page(title, paras), encoding="utf-8")
    for i in range(n_extra):  # distinct filler stories, for the concurrency test
        paras = [f"Story number {i} reports that {i * 7 + 3} volunteers cleaned beach {i} on Sunday.",
                 f"“Beach {i} has never looked better,” said organiser Pat Number{i}.",
                 f"The council said it would repeat the clean-up of beach {i} in spring."]
        (d / f"story{i:03d}.html").write_text(_page(f"Volunteers clean beach {i}", paras), encoding="utf-8")
    return d


def test_ingest_search_stats(pg_url, tmp_path):
    from sqlalchemy import text

    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.store import Ledger

    pages = _write_pages(tmp_path / "pages")
    ledger = Ledger(pg_url)
    assert ledger.dialect == "postgresql"
    with ledger.engine.connect() as c:  # the migration made the generated tsvector + GIN index
        assert c.execute(text("SELECT data_type FROM information_schema.columns "
                              "WHERE table_name='articles' AND column_name='tsv'")).scalar() == "tsvector"
        assert c.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname='ix_articles_tsv'")
                         ).scalar().lower().count("gin") == 1
    report = ingest(read([str(pages)]), ledger, analyze=True)
    assert report.failed == 0 and report.new == len(STORIES)
    again = ingest(read([str(pages)]), ledger, analyze=True)
    assert again.new == 0 and again.duplicate == len(STORIES)

    hits = ledger.search("dock workers")
    assert hits and hits[0]["title"] == "Harbour strike enters third day"
    assert "[" in hits[0]["snippet"]  # ts_headline marks the match
    assert ledger.search("striking")[0]["title"] == "Harbour strike enters third day"  # English stemming
    assert [h["title"] for h in ledger.search("council budget")][:1] == ["Council approves budget"]
    assert ledger.search("xylophone") == []

    stats = ledger.stats()
    assert stats["articles"] == len(STORIES) and stats["sites"] == 0  # files without a URL name no site
    with ledger.engine.connect() as c:
        assert stats["claims"] == c.execute(text("SELECT count(*) FROM claims")).scalar()
    every, sure = ledger.claims(min_confidence=0.0), ledger.claims(min_confidence=0.9)
    assert every and len(sure) <= len(every)  # the JSON confidence filter works on PostgreSQL too
    assert all(c["confidence"] >= 0.9 for c in sure)
    art = ledger.get(hits[0]["id"])
    assert art["title"] == "Harbour strike enters third day" and "claims" in art
    assert ledger.raw(hits[0]["id"])[1] == "html"
    ledger.close()


WORKER = textwrap.dedent("""
    import json, sys, time
    url, pages, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.store import Ledger
    docs = list(read([pages]))
    time.sleep(max(0.0, start_at - time.time()))  # both writers start together
    ledger = Ledger(url)
    r = ingest(docs, ledger, analyze=True, batch_size=5)
    print(json.dumps({"new": r.new, "duplicate": r.duplicate, "failed": r.failed}))
""")


def _race(url: str, pages, n_procs: int = 2) -> list[dict]:
    start_at = time.time() + 4.0
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, str(pages), str(start_at)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(n_procs)]
    results = []
    for p in procs:  # (print: pytest -s shows how the work was split)
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, f"a concurrent writer failed:\n{err[-3000:]}"
        results.append(json.loads(out.strip().splitlines()[-1]))
    print("concurrent writers:", results)
    return results


def _assert_no_duplicates(url: str, expected: int):
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    with eng.connect() as c:
        n, distinct_ids, distinct_texts = c.execute(text(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT md5(text)) FROM articles")).one()
        claim_dups = c.execute(text(
            "SELECT count(*) FROM (SELECT article_id, idx FROM claims GROUP BY article_id, idx "
            "HAVING count(*) > 1) d")).scalar()
    eng.dispose()
    assert n == distinct_ids == distinct_texts == expected
    assert claim_dups == 0, f"{claim_dups} claims stored twice"


def test_two_concurrent_ingests_store_each_article_once(pg_url, tmp_path):
    from newsledger.store import Ledger

    pages = _write_pages(tmp_path / "pages", n_extra=40)
    expected = len(STORIES) + 40
    Ledger(pg_url).close()  # migrated beforehand: this test is about the writers
    results = _race(pg_url, pages)
    _assert_no_duplicates(pg_url, expected)
    # each article is reported new by exactly one writer (the report drives link_new)
    assert sum(r["new"] for r in results) == expected
    assert all(r["new"] + r["duplicate"] == expected for r in results)


def test_two_concurrent_first_opens_migrate_once(pg_url, tmp_path):
    """Two writers on a database nobody has migrated yet: one migrates, both ingest."""
    pages = _write_pages(tmp_path / "pages", n_extra=10)
    expected = len(STORIES) + 10
    results = _race(pg_url, pages)
    _assert_no_duplicates(pg_url, expected)
    assert sum(r["new"] for r in results) == expected


def test_load_parquet_into_postgres(pg_url, tmp_path):
    """Spark's Parquet (here written by the one-process twin) loads into PostgreSQL, twice."""
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsledger.spark.load import load_parquet
    from newsledger.spark.local import run_local
    from newsledger.store import Ledger

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for slug, title, paras in STORIES:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://{slug}.example/", "response",
                                            payload=io.BytesIO(_page(title, paras).encode()),
                                            http_headers=http))
    (tmp_path / "c.warc.gz").write_bytes(buf.getvalue())
    out = tmp_path / "out"
    run_local([str(tmp_path / "c.warc.gz")], out)
    ledger = Ledger(pg_url)
    first = load_parquet(out, ledger)
    assert first.new == len(STORIES) and first.failed == 0
    again = load_parquet(out, ledger)
    assert again.new == 0 and again.duplicate == len(STORIES)
    assert ledger.search("dockworkers union")
    ledger.close()


def test_web_ui_and_api_on_postgresql(pg_url, tmp_path):
    """The web UI and the JSON API answer from a PostgreSQL ledger as from SQLite."""
    from fastapi.testclient import TestClient

    from newsledger.link import link_new
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app
    from newsledger.store import Ledger

    ledger = Ledger(pg_url)
    report = ingest(read([str(_write_pages(tmp_path / "pages"))]), ledger, analyze=True)
    link_new(ledger, report.ids)
    c = TestClient(create_app(ledger))
    assert "Harbour strike enters third day" in c.get("/").text
    hits = c.get("/api/search", params={"q": "dock workers"}).json()
    items = hits["items"] if isinstance(hits, dict) else hits
    assert items and items[0]["title"] == "Harbour strike enters third day"
    page = c.get(f"/articles/{items[0]['id']}")
    assert page.status_code == 200 and "Harbour strike enters third day" in page.text
    assert c.get("/search", params={"q": "council budget"}).status_code == 200
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    claims = c.get("/api/claims", params={"min_confidence": 0}).json()
    names = {(x["source"] or {}).get("name") for x in claims["items"]}
    # 6: "The city council approved a budget" is a deed, not a statement (no claim since stop 24)
    assert claims["count"] == ledger.stats()["claims"] == 6, claims
    shown = c.get("/api/claims").json()  # the default threshold, filtered inside PostgreSQL's JSON
    assert shown["count"] == sum(x["confidence"] >= DEFAULT_MIN_CONFIDENCE for x in claims["items"]), shown
    assert {"Maria Lopez", "John Hale", "Sara Kim"} <= names
    for path in ("/sources", "/stories", "/copies", "/conflicts"):
        assert c.get(path).status_code == 200, path
    ledger.close()
