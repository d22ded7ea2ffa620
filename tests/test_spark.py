"""Spark over WARC files -> Parquet -> ledger: same articles and claims as the one-process
path; a corrupt record lands in the errors table and the job goes on."""
from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess

import pytest

from newsledger.model import Article, Failure

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[spark]')")
import pyarrow.parquet as pq  # noqa: E402

PAGES = [
    ("https://harbour.example/strike", "Harbour strike enters third day",
     "Dock workers in Port Alder stayed off the job for a third day on Wednesday. "
     "“We will not go back until the port authority meets our demands,” said Maria Lopez, "
     "a spokeswoman for the dockworkers' union. About 1,200 workers have joined the strike, "
     "the union said. The port authority said it could not confirm the figure."),
    ("https://city.example/budget", "Council approves budget",
     "The city council approved a budget of $45 million on Tuesday. Mayor John Hale said the "
     "plan would fund 30 new teachers. “This is a budget for families,” Hale told reporters. "
     "Opposition councillor Ann Reed said the plan was reckless and warned of tax rises."),
    ("https://health.example/flu", "Flu cases rise",
     "Flu cases rose by 15 percent last week, health officials said on Friday. "
     "Dr. Sara Kim, the regional health director, urged residents to get vaccinated. "
     "Hospitals declined to comment on bed shortages."),
    ("https://sport.example/final", "Rovers reach cup final",
     "Rovers beat United 2-1 on Saturday to reach the cup final. “The lads were brilliant,” "
     "manager Tom Brady said after the match. Some 40,000 fans watched the game, the club said."),
    ("https://tech.example/chips", "Chip maker expands plant",
     "The chip maker will invest $2 billion in its plant near Dresden, the company said on "
     "Monday. Chief executive Lena Vogt said the expansion would create about 500 jobs. "
     "Analysts expect demand to rise next year, according to a report by Jane Doe."),
]


def _html(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<html><head><title>{title}</title><meta charset='utf-8'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>"
            f"{paras}</article><footer>Share on Facebook</footer></body></html>").replace("..", ".").encode()


def _record(url: str, payload: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    return buf.getvalue()


CORRUPT_URL = "https://broken.example/cut"
BINARY_URL = "https://binary.example/blob"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    d = tmp_path_factory.mktemp("crawl")
    recs = [_record(url, _html(title, body)) for url, title, body in PAGES]
    # one.warc.gz: three good pages; two.warc.gz: two good pages, a binary blob served as
    # HTML (extraction fails) and, last, a record cut short of its Content-Length (corrupt)
    cut = _record(CORRUPT_URL, _html("Cut", "A page whose record was cut short. " * 20))
    (d / "one.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in recs[:3]))
    (d / "two.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in recs[3:] + [
        _record(BINARY_URL, bytes(range(256)) * 8), cut[: len(cut) - 200]]))
    return d


@pytest.fixture(scope="module")
def reference(crawl):
    return _reference(crawl)


def _reference(crawl):
    """The one-process path: newsledger.read + newsledger.pipeline.process."""
    from newsledger.pipeline import process
    from newsledger.read import read

    arts, fails = [], []
    for result, _doc in process(read([str(crawl / "one.warc.gz"), str(crawl / "two.warc.gz")]), analyze=True):
        (fails if isinstance(result, Failure) else arts).append(result)
    return arts, fails


def _claim_keys_from_articles(arts: list[Article]) -> set:
    return {(a.id, i, c.source.name if c.source else None, c.cue.text, c.content.text, c.stance,
             c.content.start, c.content.end) for a in arts for i, c in enumerate(a.claims)}


def _table(out, name) -> list[dict]:
    files = sorted((out / name).glob("*.parquet"))
    return [r for f in files for r in pq.read_table(f).to_pylist()]


def _claim_keys(out) -> set:
    return {(r["article_id"], r["idx"], r["source_name"], r["cue"], r["content"], r["stance"],
             r["start"], r["end"]) for r in _table(out, "claims")}


def _check_output(out, crawl, report, reference):
    arts, fails = reference
    assert arts, "the one-process path found no articles"
    ids = {r["id"] for r in _table(out, "articles")}
    assert ids == {a.id for a in arts}
    assert _claim_keys(out) == _claim_keys_from_articles(arts)
    errors = _table(out, "errors")
    by_source = {e["source"]: e for e in errors}
    cut = f"{crawl / 'two.warc.gz'}#{CORRUPT_URL}"
    assert cut in by_source, errors
    assert by_source[cut]["stage"] == "read" and "truncated" in by_source[cut]["reason"]
    assert by_source[cut]["warc_file"] == str(crawl / "two.warc.gz")
    assert {f.source for f in fails} <= set(by_source)
    assert report["articles"] == len(ids) and report["errors"] == len(errors)
    # the articles table carries the full JSON that load rebuilds from
    for r in _table(out, "articles"):
        a = Article.from_dict(json.loads(r["data"]))
        assert a.id == r["id"] and a.text == r["text"] and r["n_claims"] == len(a.claims)
        assert r["raw"] and r["raw_kind"] == "html"


def _check_load(out, tmp_path):
    from newsledger.spark.load import load_parquet
    from newsledger.store import Ledger

    ledger = Ledger(str(tmp_path / "ledger.db"))
    first = load_parquet(out, ledger)
    n = len({r["id"] for r in _table(out, "articles")})
    assert first.new == n and first.failed == 0 and first.errors >= 1
    again = load_parquet(out, ledger)  # idempotent
    assert again.new == 0 and again.duplicate == n
    stats = ledger.stats()
    assert stats["articles"] == n and stats["claims"] == len(_table(out, "claims"))
    assert ledger.search("dock workers")
    ledger.close()


def test_local_tables_and_load(crawl, reference, tmp_path):
    """The same tables without Spark (pyarrow only), and load into SQLite."""
    from newsledger.spark.local import run_local

    out = tmp_path / "out"
    report = run_local([str(crawl / "*.warc.gz")], out)
    _check_output(out, crawl, report, reference)
    _check_load(out, tmp_path)


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install pyspark)"
    if not shutil.which("java"):
        return "Java is not installed (apt-get install openjdk-17-jre-headless)"
    try:
        v = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30).stderr
    except Exception as e:  # pragma: no cover
        return f"java -version failed: {e}"
    import re

    m = re.search(r'version "(\d+)', v)
    if m and int(m.group(1)) < 17:
        return f"Spark needs Java 17+, found {m.group(1)}"
    return None


@pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
def test_spark_job_end_to_end(crawl, reference, tmp_path):
    """local[2], two WARC files (one partition each) plus a glob that matches nothing; both
    writers (tasks writing Parquet with pyarrow, and Spark's DataFrame writer)."""
    from newsledger.spark import make_session, run_spark

    spark = make_session("local[2]")
    try:
        for writer in ("arrow", "spark"):
            out = tmp_path / writer / "out"
            report = run_spark([str(crawl / "*.warc.gz"), str(crawl / "missing-*.warc.gz")], str(out),
                               spark=spark, writer=writer)
            print(writer, report)
            assert report["files"] == 2
            assert any(e["reason"] == "no file matches" for e in _table(out, "errors"))
            _check_output(out, crawl, report, reference)
            _check_load(out, tmp_path / writer)
    finally:
        spark.stop()


@pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
def test_spark_submit_script_arguments(tmp_path):
    """job.py's command line (what spark-submit runs), without starting Spark."""
    from newsledger.spark import job

    assert job.main([str(tmp_path / "nothing-*.warc.gz"), "--out", str(tmp_path / "o")]) == 2


def test_load_reports_bad_rows_and_goes_on(tmp_path):
    """A row that does not rebuild, one whose content gives another id than the table's, and an
    article the crawl held twice: two failures naming their source, one duplicate; the good
    article is stored once."""
    from newsledger.model import Document
    from newsledger.pipeline import plain_article
    from newsledger.spark.load import load_parquet
    from newsledger.store import Ledger

    url, title, body = PAGES[1]
    art = plain_article(Document(source=url, raw=f"{title}\n\n{body}".encode(), kind="text", url=url))
    data = json.dumps(art.to_dict())
    rows = [{"id": art.id, "source": url, "data": data},
            {"id": "x1", "source": "bad.json", "data": "{not json"},
            {"id": "x2", "source": "other.json", "data": data},
            {"id": art.id, "source": url, "data": data}]
    (tmp_path / "out" / "articles").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "out" / "articles" / "part-0.parquet")
    ledger = Ledger(str(tmp_path / "ledger.db"))
    report = load_parquet(tmp_path / "out", ledger, link=False)
    assert (report.new, report.duplicate, report.failed) == (1, 1, 2)
    assert [f.source for f in report.failures] == ["bad.json", "other.json"]
    assert "cannot rebuild" in report.failures[0].reason and "id mismatch" in report.failures[1].reason
    assert ledger.stats()["articles"] == 1
    ledger.close()
