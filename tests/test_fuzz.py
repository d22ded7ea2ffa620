"""Property-based fuzzing (hypothesis) of the readers, the extractor and the claim analyser.

Readers: any bytes under any file name give Documents and Failures, never an exception.
Extractor: any HTML or text Document gives an Article or ExtractError, nothing else.
Analyser: any text gives claims whose every span is exactly ``text[start:end]``.

Example counts are modest so the file runs in well under a minute; the coverage-guided
targets in ``fuzz/`` go further (``python fuzz/fuzz_readers.py -max_total_time=60``).
"""
from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.model import Article, Document, Failure
from newsledger.read import Limits, read

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

PAGE = (b'<html><head><title>Port Alder strike</title><meta charset="utf-8">'
        b'<link rel="canonical" href="https://harbour.example/strike"></head><body>'
        b'<nav><a href="/">Home</a></nav><article><h1>Port Alder strike</h1>'
        b"<p>Dock workers stayed off the job for a third day on Wednesday, the union said.</p>"
        b"<p>\"We will not go back,\" union leader Mara Quell told reporters, adding that 40 ships waited.</p>"
        b"</article><footer>\xc2\xa9 Harbour Times</footer></body></html>")


def _warc(body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/1\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")


FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><item>'
        b"<title>Dam</title><link>https://c.example/dam</link><description>The governor ordered an "
        b"inspection of the dam on Monday, officials said.</description></item></channel></rss>")
SEEDS = [PAGE, _warc(PAGE), FEED, json.dumps({"url": "https://j.example/1", "html": PAGE.decode()}).encode(),
         b"Headline here\n\nBy A Writer\n\nThe council said on Monday that rents rose 4%.\n", gzip.compress(PAGE)]
NAMES = ["a.html", "a.htm.gz", "a.txt", "a.warc", "a.warc.gz", "a.rss", "a.xml", "a.jsonl", "a.json", "noext"]


@st.composite
def mutated(draw, seeds=SEEDS):
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.integers(0, 4))
        at = draw(st.integers(0, len(data)))
        if op == 0:
            data = data[:at]
        elif op == 1 and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == 2:
            data[at:at] = draw(st.binary(max_size=40))
        elif op == 3:
            data[at:at] = draw(st.sampled_from([b"<div>" * 300, b"<!ENTITY x 'y'>", b"\x00", b"\r\n\r\n",
                                                b"WARC/1.0\r\n", b"]]>", b"<![CDATA[", b"&#xD800;", b"\xff\xfe"]))
        else:
            del data[at:at + draw(st.integers(0, 200))]
    return bytes(data)


def _read_bytes(data: bytes, name: str) -> list:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        return list(read([str(p)], Limits(max_page_bytes=200_000, max_file_bytes=2_000_000)))


@settings(FUZZ, max_examples=150)
@given(data=st.one_of(mutated(), st.binary(max_size=3000)), name=st.sampled_from(NAMES))
def test_readers_never_raise(data, name):
    items = _read_bytes(data, name)
    assert items, "every input gives at least one Document or Failure"
    for it in items:
        assert isinstance(it, (Document, Failure))
        it.source.encode("utf-8")
        if isinstance(it, Document):
            assert it.raw and it.kind in ("html", "text")
            it.decoded()
        else:
            assert it.reason and "\n" not in it.reason


@settings(FUZZ, max_examples=40)
@given(data=st.one_of(mutated(), st.binary(max_size=2000)))
def test_stdin_reader_never_raises(data):
    import sys

    class Stdin:
        buffer = io.BytesIO(data)

    old, sys.stdin = sys.stdin, Stdin()
    try:
        items = list(read(["-"], Limits(max_page_bytes=200_000)))
    finally:
        sys.stdin = old
    assert items and all(isinstance(x, (Document, Failure)) for x in items)


TAGS = ["div", "p", "span", "article", "section", "h1", "h2", "a", "b", "table", "tr", "td", "ul", "li",
        "script", "style", "nav", "footer", "aside", "figure", "figcaption", "time", "br", "img", "meta"]
WORDS = ["Dock", "workers", "said", "on", "Monday", "the", "union", "told", "reporters", "€40m", "3,000",
         "«quoted»", "“Yes,”", "according", "to", "officials", "\u200b", "Ünïcödé", "字", "&amp;", "&nbsp;",
         "<", ">", "'", '"', "\n", "\t", "—"]


def _html(tree) -> str:
    if isinstance(tree, str):
        return tree
    tag, attrs, children = tree
    inner = "".join(_html(c) for c in children)
    return f"<{tag}{attrs}>{inner}</{tag}>"


html_tree = st.recursive(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join),
    lambda kids: st.tuples(st.sampled_from(TAGS),
                           st.sampled_from(["", ' class="content"', ' id="main"', ' class="share"',
                                            ' itemprop="articleBody"', ' hidden', ' style="display:none"']),
                           st.lists(kids, max_size=6)),
    max_leaves=40)


@st.composite
def html_pages(draw):
    body = _html(draw(html_tree))
    head = draw(st.sampled_from(["", "<title>T</title>", '<meta charset="latin-1">',
                                 '<meta property="article:published_time" content="2031-02-30">',
                                 '<script type="application/ld+json">{"@type": "NewsArticle", "author": [[[[]]]]}</script>']))
    return f"<html><head>{head}</head><body>{body}</body></html>".encode(draw(st.sampled_from(["utf-8", "utf-16"])))


@settings(FUZZ, max_examples=80)
@given(raw=st.one_of(html_pages(), mutated([PAGE]), st.binary(max_size=2000)),
       kind=st.sampled_from(["html", "text"]))
def test_extractor_raises_only_extract_error(raw, kind):
    from newsledger.extract import ExtractError, extract
    from newsledger.pipeline import extract_one

    doc = Document(source="fuzz", raw=raw, kind=kind)
    try:
        art = extract(doc)
    except ExtractError:
        pass
    else:
        assert isinstance(art, Article)
        assert isinstance(art.text, str)
    assert isinstance(extract_one(doc, timeout=30), (Article, Failure))


TEXT_WORDS = WORDS + ["said", "says", "told", "claimed", "denied", "\"", "“", "”", ".", ",", "Mr.", "Ms.",
                      "John Smith", "the ministry", "a spokesperson", "who asked not to be named", "5%",
                      "$2 million", "last Tuesday", "in 2031", "40 vessels", "\n\n", "—", "(", ")", ":"]


@pytest.fixture(scope="module")
def nlp():
    pytest.importorskip("spacy")
    from newsledger.analyze.nlp import get_nlp

    return get_nlp()


@settings(FUZZ, max_examples=60)
@given(words=st.lists(st.one_of(st.sampled_from(TEXT_WORDS), st.text(max_size=8)), min_size=0, max_size=120))
def test_analyser_never_raises_and_offsets_hold(nlp, words):
    from newsledger.analyze import analyze
    from newsledger.pipeline import plain_article

    text = " ".join(words)
    raw = text.encode("utf-8", "surrogatepass")
    art = plain_article(Document(source="fuzz.txt", raw=raw, kind="text", encoding="utf-8"))
    analyze(art)
    t = art.text

    def ok(span):
        assert 0 <= span.start <= span.end <= len(t)
        assert t[span.start:span.end] == span.text, (span, t)

    for c in art.claims:
        ok(c.cue)
        pieces = c.content.pieces or [(c.content.start, c.content.end)]
        assert (pieces[0][0], pieces[-1][1]) == (c.content.start, c.content.end)
        if len(pieces) == 1:
            ok(c.content)
        for s, e in pieces:  # discontinuous content: its text is the pieces joined
            assert 0 <= s <= e <= len(t) and t[s:e] in c.content.text
        if c.source:
            ok(c.source)
        for q in c.quantities:
            ok(q)
    for q in art.quantities:
        ok(q)
    for d in art.dates:
        ok(d)
    for e in art.entities:
        ok(e)


# ---------------------------------------------------------------- crashes the fuzzers found


def test_regression_warc_charset_with_nul(tmp_path):
    """fuzz/fuzz_readers.py --reader=warc: a NUL in the record's charset broke decode()."""
    body = PAGE
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf\x00-8\r\n\r\n" + body
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/nul\r\n"
           b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")
    (tmp_path / "nul.warc.gz").write_bytes(gzip.compress(rec))
    (doc,) = read([str(tmp_path / "nul.warc.gz")])
    assert isinstance(doc, Document) and "Port Alder strike" in doc.decoded()


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "utf\x00-8", ""])
def test_regression_non_text_charsets_decode(charset):
    from newsledger.read.charset import decode

    raw = b'<html><head><meta charset="%s"></head><body><p>Caf\xc3\xa9</p></body></html>' % charset.encode()
    assert "Café" in decode(raw) and "Café" in decode(raw, charset)
