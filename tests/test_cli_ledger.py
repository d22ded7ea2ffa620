"""The CLI over a real SQLite ledger: ingest is idempotent, bad input is one line each."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.evaluate import shared_dir
from newsledger.store import Ledger

SEED = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"
BENCH = shared_dir() / "data" / "article-extraction-benchmark"

PAGE = """<html lang="en"><head><title>Port Alder dockers extend strike</title>
<link rel="canonical" href="https://harbourtimes.example/strike-{n}">
<meta property="article:published_time" content="2031-04-0{n}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article>
<h1>Port Alder dockers extend strike</h1>
<p>Dock workers in Port Alder voted on Tuesday to extend their strike by {n} more days, the union
said, leaving dozens of container ships waiting outside the harbour.</p>
<p>"We will not go back until the safety rules are changed," union leader Mara Quell told reporters
outside the port gates, where several hundred workers had gathered since dawn.</p>
<p>The port authority said it regretted the decision and declined to comment on the talks, which
have now failed three times since the dispute began in early March over night-shift staffing.</p>
<p>Shipping agents estimated that up to 40 vessels were delayed, costing operators more than
$2 million a day, according to the regional chamber of commerce.</p>
</article><footer>© Harbour Times. All rights reserved.</footer></body></html>"""


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "newsledger.cli", *args], capture_output=True,
                          text=True, input=stdin, timeout=600)


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for n in (1, 2):
        (d / f"strike{n}.html").write_text(PAGE.format(n=n))
    (d / "empty.html").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (d / "bad.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-8])
    (d / "mixed.txt").write_bytes("Caf\xe9 owners said trade fell. ".encode("latin-1") * 20
                                  + "Le café était plein, a dit le patron.".encode("utf-8") * 5)
    (d / "huge.html").write_bytes(b"<html><body>" + b"<p>word </p>" * (3 * 1024 * 1024) + b"</body></html>")
    return d


def test_ingest_counts_failures_and_is_idempotent(corpus, tmp_path):
    db = tmp_path / "l.db"
    first = run("ingest", str(corpus), "--db", str(db), "--no-analyze", "--format", "json")
    assert first.returncode == 1, first.stderr
    summary = json.loads(first.stdout)
    assert summary["new"] == 3 and summary["failed"] == 4, (summary, first.stderr)
    errors = [ln for ln in first.stderr.splitlines() if ln.strip()]
    assert len(errors) == 4 and "Traceback" not in first.stderr
    for name in ("empty.html", "binary.txt", "bad.warc.gz", "huge.html"):
        assert sum(name in ln for ln in errors) == 1, first.stderr
    again = json.loads(run("ingest", str(corpus), "--db", str(db), "--no-analyze",
                           "--format", "json").stdout)
    assert again["new"] == 0 and again["duplicate"] == 3
    stats = json.loads(run("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["articles"] == 3


def test_extract_prints_article_json_without_a_database(corpus, tmp_path):
    out = run("extract", str(corpus / "strike1.html"), "--format", "json")
    assert out.returncode == 0, out.stderr
    art = json.loads(out.stdout)
    for key in ("id", "source", "url", "site", "title", "byline", "agency", "dateline", "section",
                "published", "updated", "published_time", "updated_time", "language", "caption", "text",
                "paragraphs", "removed", "flags"):
        assert key in art
    assert art["title"] == "Port Alder dockers extend strike"
    assert art["url"] == "https://harbourtimes.example/strike-1"
    assert "Home" not in art["text"] and "All rights reserved" not in art["text"]
    assert art["text"].startswith("Dock workers in Port Alder voted")


def test_stdin_and_show_and_search(tmp_path):
    db = tmp_path / "l.db"
    out = run("ingest", "-", "--db", str(db), "--no-analyze", "--format", "json",
              stdin=PAGE.format(n=3))
    assert json.loads(out.stdout)["new"] == 1, out.stderr
    hits = json.loads(run("search", "container ships", "--db", str(db), "--format", "json").stdout)
    assert len(hits) == 1 and hits[0]["title"] == "Port Alder dockers extend strike"
    shown = json.loads(run("show", hits[0]["id"], "--db", str(db), "--format", "json").stdout)
    assert shown["source"] == "-"
    missing = run("show", "ffffffffffff", "--db", str(db))
    assert missing.returncode == 1 and missing.stderr.strip().count("\n") == 0


def test_raw_input_is_kept_for_re_extraction(tmp_path):
    from newsledger.pipeline import ingest
    from newsledger.read import read

    src = tmp_path / "p.html"
    src.write_text(PAGE.format(n=4))
    ledger = Ledger(str(tmp_path / "l.db"))
    report = ingest(read([str(src)]), ledger, analyze=False)
    raw, kind = ledger.raw(report.ids[0])
    assert raw == src.read_bytes() and kind == "html"


def test_bad_db_url_is_one_line(tmp_path):
    out = run("stats", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is absent (the canonical seed page)")
def test_seed_analyze_json_has_claims():
    out = run("analyze", str(SEED), "--format", "json")
    assert out.returncode == 0, out.stderr
    art = json.loads(out.stdout)
    assert art["title"] == "North Korea sends troops to Russia, South Korean intelligence says"
    assert art["agency"] == "AFP" and art["byline"] == ["Teilor Stone"]
    assert len(art["claims"]) >= 15
    for c in art["claims"]:
        cue, content = c["cue"], c["content"]
        assert art["text"][cue["start"]:cue["end"]] == cue["text"]
        pieces = content["pieces"] or [[content["start"], content["end"]]]
        assert pieces[0][0] == content["start"] and pieces[-1][1] == content["end"]
        if len(pieces) == 1:
            assert art["text"][content["start"]:content["end"]] == content["text"]
        for s, e in pieces:  # discontinuous content: every piece is in the content text
            assert art["text"][s:e] in content["text"]
        if c["source"]:
            s = c["source"]
            assert art["text"][s["start"]:s["end"]] == s["text"]
    for q in art["quantities"]:
        assert art["text"][q["start"]:q["end"]] == q["text"]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is absent (the canonical seed page)")
def test_plain_mode_keeps_the_file_text_and_offsets(tmp_path):
    text = "The minister said on Monday that 3,000 homes had been flooded.\n\nNo comment was given."
    p = tmp_path / "clean.txt"
    p.write_text(text)
    art = json.loads(run("analyze", str(p), "--plain", "--format", "json").stdout)
    assert art["text"] == text
    (claim,) = [c for c in art["claims"] if c["cue"]["text"] == "said"]
    assert text[claim["content"]["start"]:claim["content"]["end"]] == claim["content"]["text"]
    assert claim["quantities"][0]["value"] == 3000


def test_claims_min_confidence(tmp_path):
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE

    if not SEED.exists():
        pytest.skip("shared seed not found")
    db = tmp_path / "c.db"
    assert run("ingest", str(SEED), "--db", str(db)).returncode == 0
    shown = json.loads(run("claims", "--db", str(db), "--format", "json").stdout)
    every = json.loads(run("claims", "--db", str(db), "--format", "json", "--min-confidence", "0").stdout)
    sure = json.loads(run("claims", "--db", str(db), "--format", "json", "--min-confidence", "0.99").stdout)
    assert shown and len(every) >= len(shown) > len(sure)  # the ledger keeps the less sure claims too
    assert all(c["confidence"] >= DEFAULT_MIN_CONFIDENCE for c in shown)
    assert all(c["confidence"] >= 0.99 for c in sure)
    bad = run("claims", "--db", str(db), "--min-confidence", "2")
    assert bad.returncode != 0 and "--min-confidence" in bad.stderr and "Traceback" not in bad.stderr
