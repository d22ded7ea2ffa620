"""Readers: every input kind, and one clear failure per bad input."""
from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from newsledger.model import Document, Failure
from newsledger.read import Limits, read
from newsledger.read.charset import decode

PAGE = """<html><head><title>Harbour strike enters third day</title>
<meta charset="{charset}"></head><body><article><h1>Harbour strike enters third day</h1>
<p>Dock workers in Port Alder stayed off the job for a third day on Wednesday, the union said.</p>
<p>Café owners near the quay said trade had fallen by half since the strike began.</p>
</article></body></html>"""


def write_warc(path, pages, truncate=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=http))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 40] if truncate else data)


def items(paths, **kw):
    return list(read([str(p) for p in paths], **kw))


def test_html_plain_and_gzipped(tmp_path):
    (tmp_path / "a.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    with gzip.open(tmp_path / "b.htm.gz", "wb") as f:
        f.write(PAGE.format(charset="utf-8").replace("third", "fourth").encode())
    got = items([tmp_path])
    assert [type(x) for x in got] == [Document, Document]
    assert all(d.kind == "html" for d in got)
    assert b"fourth day" in got[1].raw
    assert got[0].source.endswith("a.html")


def test_undeclared_charset_is_detected(tmp_path):
    page = PAGE.replace('<meta charset="{charset}">', "").encode("cp1252")
    (tmp_path / "latin.html").write_bytes(page)
    (doc,) = items([tmp_path / "latin.html"])
    assert "Café owners" in doc.decoded()


def test_declared_charset_wins():
    raw = PAGE.format(charset="iso-8859-1").encode("latin-1")
    assert "Café" in decode(raw)


def test_text_page(tmp_path):
    (tmp_path / "p.txt").write_text("Spread the love\n\nA headline\n\nBody text here.\n")
    (doc,) = items([tmp_path / "p.txt"])
    assert doc.kind == "text" and doc.decoded().startswith("Spread the love")


def test_warc_records_and_truncated_warc(tmp_path):
    pages = [("https://a.example/1", PAGE.format(charset="utf-8")),
             ("https://a.example/2", PAGE.format(charset="utf-8").replace("third", "fifth"))]
    write_warc(tmp_path / "c.warc.gz", pages)
    got = items([tmp_path / "c.warc.gz"])
    assert [d.url for d in got] == ["https://a.example/1", "https://a.example/2"]
    assert got[0].source == f"{tmp_path / 'c.warc.gz'}#https://a.example/1"

    write_warc(tmp_path / "t.warc.gz", pages, truncate=True)
    got = items([tmp_path / "t.warc.gz"])
    assert isinstance(got[0], Document)  # the records before the damage still come through
    assert isinstance(got[-1], Failure) and "truncated" in got[-1].reason


def test_feed_items_keep_their_link(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lakeside Courier</title>
<item><title>Dam inspection ordered</title><link>https://lakeside.example/dam</link>
<content:encoded><![CDATA[<p>The regional governor ordered an inspection of the dam on Monday.</p>]]></content:encoded></item>
<item><title>Ferry resumes</title><link>https://lakeside.example/ferry</link>
<description>The ferry to Gull Island resumed service after repairs, the operator said.</description></item>
</channel></rss>"""
    (tmp_path / "f.rss").write_text(feed)
    got = items([tmp_path / "f.rss"])
    assert [d.url for d in got] == ["https://lakeside.example/dam", "https://lakeside.example/ferry"]
    assert b"inspection of the dam" in got[0].raw


def test_malformed_feed_and_entity_expansion(tmp_path):
    (tmp_path / "bad.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti")
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            "<rss><channel><item><title>&lol2;</title></item></channel></rss>")
    (tmp_path / "bomb.xml").write_text(bomb)
    bad, lol = items([tmp_path / "bad.rss"]), items([tmp_path / "bomb.xml"])
    assert len(bad) == 1 and isinstance(bad[0], Failure)
    assert len(lol) == 1 and isinstance(lol[0], Failure) and "entit" in lol[0].reason


def test_jsonl_html_text_and_bad_lines(tmp_path):
    lines = [json.dumps({"url": "https://x.example/1", "html": PAGE.format(charset="utf-8")}),
             json.dumps({"url": "https://x.example/2", "text": "Plain text page body."}),
             "{not json", json.dumps({"url": "https://x.example/3"})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines))
    got = items([tmp_path / "d.jsonl"])
    assert [type(x).__name__ for x in got] == ["Document", "Document", "Failure", "Failure"]
    assert got[0].kind == "html" and got[1].kind == "text"
    assert got[1].url == "https://x.example/2"
    assert "invalid JSON" in got[2].reason


@pytest.mark.parametrize("name,data,reason", [
    ("empty.html", b"", "empty"),
    ("blank.txt", b"   \n\n ", "empty"),
    ("image.html", bytes(range(256)) * 40, "binary"),
    ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
])
def test_bad_files_fail_with_one_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (got,) = items([tmp_path / name])
    assert isinstance(got, Failure) and reason in got.reason and name in got.source


def test_size_limits_refuse_large_pages_and_gzip_bombs(tmp_path):
    (tmp_path / "big.html").write_bytes(b"<p>" + b"a" * (3 * 1024 * 1024) + b"</p>")
    with gzip.open(tmp_path / "bomb.html.gz", "wb") as f:
        f.write(b"<p>" + b"0" * (5 * 1024 * 1024))
    limits = Limits(max_page_bytes=1024 * 1024)
    got = list(read([str(tmp_path / "big.html"), str(tmp_path / "bomb.html.gz")], limits))
    assert all(isinstance(g, Failure) and "size limit" in g.reason for g in got)


def test_missing_files_and_symlink_loops(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "ok.txt").write_text("A short story about the harbour strike.")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path / "nowhere", tmp_path / "d" / "dangling.html")
    got = items([tmp_path / "d", tmp_path / "missing.html"])
    docs = [g for g in got if isinstance(g, Document)]
    fails = [g for g in got if isinstance(g, Failure)]
    assert len(docs) == 1
    assert any("loop" in f.reason for f in fails)
    assert any("dangling" in f.reason for f in fails)
    assert any(f.source.endswith("missing.html") and "no such file" in f.reason for f in fails)
