"""The realnews evaluation: its fixed held-out split, its field scores, and the three
flatteners it feeds the text extractor with."""
from __future__ import annotations

import hashlib

import pytest

from newsledger.evaluate.extraction_real import authors_ok, date_ok, load_pages, split_of, title_ok
from newsledger.evaluate.flatteners import FLATTENERS, flatten

PAGE = ("<html><body><nav><ul><li>Home</li><li>World</li></ul></nav><article>"
        "<h1>Harbour bridge closed after cracks found</h1><p>By <b>Jane Roe</b></p>"
        "<p>The council voted on Tuesday to close the bridge.</p><p>Repairs will take a year.</p>"
        "</article></body></html>").encode()


def test_split_is_sha1_of_the_id_mod_3():
    for pid in ("fundus-uk-BBC_2026_04_25", "readability-qq", "x"):
        want = "test" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 3 == 0 else "dev"
        assert split_of(pid) == want
    parts = [split_of(f"page-{i}") for i in range(3000)]
    assert 900 < parts.count("test") < 1100


def test_field_scores():
    assert title_ok("Harbour bridge  closed — “now”", "harbour bridge closed - \"now\"")
    assert not title_ok(None, "x") and not title_ok("Go to navigation", "Harbour bridge closed")
    assert authors_ok(["JANE ROE", "John Doe"], ["John Doe", "Jane Roe"])
    assert not authors_ok(["Jane Roe"], ["Jane Roe", "John Doe"])
    assert date_ok("2024-03-14T10:05", "2024-03-14", utc=False)
    assert not date_ok("2024-03-15", "2024-03-14", utc=False)
    assert date_ok("2024-03-15", "2024-03-14", utc=True)  # a UTC gold time: the local day may differ
    assert not date_ok("10:05", "2024-03-14", utc=True)


@pytest.mark.parametrize("name", sorted(FLATTENERS))
def test_every_flattener_keeps_headline_and_body(name):
    text = flatten(PAGE, name)
    assert "Harbour bridge closed after cracks found" in text
    assert "Repairs will take a year." in text
    assert len({flatten(PAGE, n) for n in FLATTENERS}) == 3  # three different layouts


def test_realnews_split_sizes():
    try:
        pages = load_pages("all")
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert len(pages) == 167
    assert sum(p.split == "test" for p in pages) == 49


def _fixture(tmp_path, ids):
    import gzip
    import json

    rows = []
    for n, pid in enumerate(ids):
        (tmp_path / f"{n}.html.gz").write_bytes(gzip.compress(PAGE))
        rows.append({"id": pid, "file": f"{n}.html.gz", "title": "A different headline", "authors": ["Jane Roe"],
                     "date": None, "text": "The council voted on Tuesday to close the bridge."})
    (tmp_path / "expected.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    return tmp_path


def test_failures_are_listed_for_dev_pages_only(tmp_path):
    from newsledger.evaluate.extraction_real import _only, failures

    ids = [f"page-{i}" for i in range(12)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert dev and len(dev) < len(ids)  # the fixture has pages of both parts
    data = _fixture(tmp_path, ids)
    only = _only(["lxml"])
    assert only == ["newsledger, flattened by lxml"]
    listed = failures("title", only, data)
    assert sorted(line.split("\t")[0] for line in listed) == sorted(dev)  # every dev page's title is wrong
    assert all("want 'A different headline'" in line and "got 'Harbour bridge closed" in line for line in listed)
    assert failures("authors", only, data) == []  # "By Jane Roe" is found on every page


def test_unknown_system_is_a_one_line_error():
    from newsledger.evaluate.extraction_real import _only

    with pytest.raises(SystemExit, match="no such system"):
        _only(["nosuchflattener"])


def test_reading_the_test_pages_is_logged_and_dev_is_the_default(tmp_path, monkeypatch, capsys):
    """Every run that prints the held-out pages leaves a line in the evaluation log; the
    default run reads dev only and leaves none."""
    import json as _json

    from newsledger.evaluate import extraction_real as E

    row = {"title": 0.5, "authors": None, "date": 1.0, "text": 0.9, "counts": {}, "errors": 0, "seconds": 0.0}
    asked = []

    def fake(split, data=None, only=None):
        asked.append(split)
        parts = ["dev", "test"] if split == "all" else [split]
        return {p: {"pages": 1, "systems": {"newsledger, flattened by lxml": row}} for p in parts}

    log = tmp_path / "log.jsonl"
    monkeypatch.setenv("NEWSLEDGER_EVAL_LOG", str(log))
    monkeypatch.setattr(E, "evaluate", fake)
    assert E.main([]) == 0 and not log.exists() and asked == ["dev"]
    assert E.main(["--split", "all"]) == 0
    (entry,) = [_json.loads(x) for x in log.read_text().splitlines()]
    assert entry["benchmark"] == "realnews-extraction" and entry["split"] == "test"
    assert entry["result"] == {"newsledger, flattened by lxml": "0.500/-/1.000/0.900"}
    assert "test run 1 recorded" in capsys.readouterr().out


def test_h1_gold_is_the_single_h1_confirmed_by_the_page_title():
    from newsledger.evaluate.flat_unseen import h1_gold, half_of

    page = ("<html><head><title>Harbour bridge closed to lorries | Port Lindell Post</title></head><body>"
            "<h1>Harbour bridge closed to lorries</h1><p>Text.</p></body></html>")
    assert h1_gold(page) == "Harbour bridge closed to lorries"
    assert h1_gold(page.replace("<title>Harbour", "<title>Weather")) is None  # the title does not confirm it
    assert h1_gold(page.replace("<p>Text.</p>", "<h1>Another heading here</h1>")) is None  # two h1
    assert h1_gold(page.replace("lorries</h1>", "lorries</h1>").replace("<h1>Harbour bridge closed to lorries",
                                                                        "<h1>Harbour bridge")) is None  # 2 words
    assert {half_of(f"tr:{i}.html") for i in range(20)} == {"a", "b"}


def test_reach_finds_gold_as_a_line_or_a_part_of_one():
    from newsledger.evaluate.extraction_real import names_reachable, title_reachable

    flat = ("Home | World\n\n# Harbour **bridge** closed\n\nHarbour bridge closed | The Daily Tide\n\n"
            "By Jane Roe and John\nDoe\n\nThe council voted.")
    assert title_reachable(flat, "Harbour bridge closed")  # the markdown line, marks removed
    assert title_reachable("Harbour bridge closed – The Daily Tide\nbody", "harbour bridge closed")  # before a separator
    assert title_reachable("The Daily Tide | Harbour bridge closed\nbody", "Harbour bridge closed")  # after it
    assert not title_reachable(flat, "Harbour bridge")  # part of a line at no separator
    assert not title_reachable(flat, "Bridge closed after cracks")  # nowhere
    assert names_reachable(flat, ["JANE ROE", "Jane", "John Doe", "Ann Roe"]) == [True, True, True, False]
    assert names_reachable("ByJane RoeTwitter", ["Jane Roe"]) == [True]  # glued: the byline rules unglue it


def test_html_title_sources_say_whether_the_gold_is_the_visible_headline():
    from newsledger.evaluate.extraction_real import html_title_sources

    page = ("<html><head><title>Bridge shut | The Daily Tide</title>"
            "<meta property='og:title' content='Bridge shut after cracks found'></head>"
            "<body><h1>Harbour  bridge closed</h1><p>The council voted.</p></body></html>")
    assert html_title_sources(page, "Harbour bridge closed") == {"h1"}
    assert html_title_sources(page, "Bridge shut after cracks found") == {"meta"}
    assert html_title_sources(page, "Bridge shut | The Daily Tide") == {"title"}
    assert html_title_sources(page, "Something else") == set()


def test_reach_reads_no_system_output(tmp_path):
    from newsledger.evaluate.extraction_real import reach

    data = _fixture(tmp_path, [f"page-{i}" for i in range(6)])
    res = reach("all", data)
    for part in res.values():
        for name in FLATTENERS:
            assert part[name]["title"] == [0, part["pages"]]  # "A different headline" is in no page
            assert part[name]["authors"] == [part["pages"], part["pages"]]  # "Jane Roe" is in every page
        assert sum(part["html"].values()) == part["pages"]


def test_flat_unseen_tally_counts_right_and_wrong_apart():
    """Each made-up page goes through every flattener and the text extractor; a page where the
    extractor says something other than the gold counts as wrong, one where it says nothing does not."""
    from newsledger.evaluate.flat_unseen import FLATTENERS, _tally

    body = "<p>" + "The harbour council voted on Monday to close the bridge to lorries after engineers found cracks. " * 3 + "</p>"
    page = ("<html><body><h1>Harbour bridge closed to lorries after cracks found</h1>"
            "<p>By Jane Roe</p><p>Published 3 March 2024</p>" + body + "</body></html>")
    items = [("p-right", page, "2024-03-03"), ("p-wrong", page, "2024-03-04")]
    res = _tally(items, lambda art: (art.published or "")[:10], lambda got, want: got == want)
    assert res["pages"] == 2 and "html" not in res
    for name in FLATTENERS:
        assert res[name] == 0.5 and res[f"{name} wrong"] == 1
    # with html=True the HTML extractor is scored beside them, on the page itself
    authors = [("a-right", page, {"jane roe"}), ("a-wrong", page, {"john doe"})]
    res = _tally(authors, lambda art: art.byline, lambda got, want: {a.casefold() for a in got or []} == want, html=True)
    assert res["html"] == 0.5 and res["html wrong"] == 1


def test_title_rules_count_each_single_source_of_the_gold_title(tmp_path):
    """The HTML title study: ours (the visible headline), the meta title, the <h1> and the
    <title> each scored against gold titles taken from each of them."""
    import gzip
    import json

    from newsledger.evaluate.extraction_real import title_rules

    page = ("<html><head><title>Harbour bridge closed | The Daily Tide</title>"
            "<meta property='og:title' content='Bridge shut for a year'></head><body><article>"
            "<h1>Harbour bridge closed after cracks found</h1><p>By <b>Jane Roe</b></p>"
            "<p>The council voted on Tuesday to close the bridge.</p><p>Repairs will take a year.</p>"
            "</article></body></html>").encode()
    golds = ["Harbour bridge closed after cracks found", "Bridge shut for a year", "Harbour bridge closed", None]
    rows = []
    for n, gold in enumerate(golds):
        (tmp_path / f"{n}.html.gz").write_bytes(gzip.compress(page))
        rows.append({"id": f"page-{n}", "file": f"{n}.html.gz", "title": gold, "authors": [], "date": None,
                     "text": "The council voted on Tuesday to close the bridge."})
    (tmp_path / "expected.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    got = title_rules("all", tmp_path)
    assert got == {"pages": 3, "ours": 1, "meta title": 1, "first <h1>": 1, "<title>": 0,
                   "<title>, site part off": 1}


def test_flat_unseen_html_titles_score_the_html_alone_against_the_title_gold(monkeypatch):
    """``--field title --html``: our HTML extractor only (no flattener runs) against a title gold;
    a wrong title given counts apart, and a blank gold page is never offered."""
    from newsledger.evaluate import flat_unseen

    body = "<p>" + "The harbour council voted on Monday to close the bridge to lorries after engineers found cracks. " * 3 + "</p>"
    page = ("<html><head><title>Harbour bridge closed to lorries | The Daily Tide</title></head><body>"
            "<h1>Harbour bridge closed to lorries</h1>" + body + "</body></html>")
    items = [("t-right", page, "Harbour bridge  closed to lorries"), ("t-wrong", page, "The Daily Tide")]
    monkeypatch.setattr(flat_unseen, "title_pages", lambda half: iter(items))
    res = flat_unseen.evaluate_html_titles("a")
    assert res == {"pages": 2, "html": 0.5, "html wrong": 1}
    assert flat_unseen.main(["--field", "title", "--html"]) == 0
    with pytest.raises(SystemExit):
        flat_unseen.main(["--field", "date", "--html"])


def test_the_fresh_title_set_reads_one_half_of_htmldates_default_set_and_logs_half_b(tmp_path, monkeypatch, capsys):
    """``--set hd-default``: the h1-gold pages of htmldate's DEFAULT set (not its Media Cloud set), one
    half at a time; both at once are refused before any page is read, and a reading of the held-out
    half *b* is logged (field ``title-fresh``)."""
    import gzip
    import json

    from newsledger.evaluate import flat_unseen

    root = tmp_path / "htmldate-eval" / "tests"
    (root / "test_set").mkdir(parents=True)
    names = [f"page{i}.html" for i in range(12)]
    half_a = [n for n in names if flat_unseen.half_of(f"hd:{n}") == "a"]
    assert half_a and len(half_a) < len(names)
    body = "<p>" + "The ferry service to the northern islands resumed on Friday after a week of storms. " * 3 + "</p>"
    for n in names:
        head = f"Ferry {n[4:-5]} sails again to the islands"
        page = f"<html><head><title>{head} | The Island Gazette</title></head><body><h1>{head}</h1>{body}</body></html>"
        (root / "test_set" / f"{n}.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (root / "eval_default.json").write_text(json.dumps({n: {"file": n, "date": "2021-05-07"} for n in names}))
    other = next(f"mc{i}.html" for i in range(20) if flat_unseen.half_of(f"hd:mc{i}.html") == "a")
    (root / "test_set" / f"{other}.gz").write_bytes((root / "test_set" / f"{half_a[0]}.gz").read_bytes())
    (root / "eval_mediacloud_2020.json").write_text(json.dumps({"x": {"file": other, "date": "2021-05-07"}}))
    monkeypatch.setattr(flat_unseen, "data_dir", lambda name: tmp_path / name)
    shared = half_a.pop()  # a default-set page that is a trafilatura page too belongs to that set's split
    monkeypatch.setattr(flat_unseen, "_trafilatura_files", lambda: frozenset({shared}))
    monkeypatch.setattr(flat_unseen, "_realnews_copies", lambda: frozenset())
    got = list(flat_unseen.fresh_pages("a"))
    assert [name for name, _, _ in got] == [f"hd:{n}" for n in half_a]
    assert got[0][2] == f"Ferry {half_a[0][4:-5]} sails again to the islands"
    half_b = [name for name, _, _ in flat_unseen.fresh_pages("b")]
    assert half_b == [f"hd:{n}" for n in names if n not in half_a and n != shared]
    with pytest.raises(ValueError):
        flat_unseen.fresh_pages("all")
    with pytest.raises(SystemExit):
        flat_unseen.main(["--set", "hd-default", "--half", "all"])
    with pytest.raises(SystemExit):
        flat_unseen.main(["--set", "hd-default", "--field", "date"])
    logged = []
    monkeypatch.setattr(flat_unseen, "_record", lambda field, res, argv: logged.append((field, res["pages"])))
    monkeypatch.setattr(flat_unseen, "fresh_pages", lambda half: iter(got[:2]))
    assert flat_unseen.main(["--set", "hd-default"]) == 0
    out = capsys.readouterr().out
    assert "the fresh set (htmldate's default set), half a, 2 pages" in out and "flattened by lxml" in out
    assert logged == []
    assert flat_unseen.main(["--set", "hd-default", "--half", "b"]) == 0
    assert logged == [("title-fresh", 2)]


def test_half_b_leaves_out_the_pages_the_fresh_sets_half_a_exposed(monkeypatch):
    """A trafilatura page that is also an htmldate default-set page of the fresh set's half *a* was scored
    (and some read) as title development data at stops 47-48, and one that is a realnews page too is
    tuned on there: half *b* readings leave them out, half *a* and "all" keep them."""
    from newsledger.evaluate import flat_unseen

    names = [f"p{i}.html" for i in range(40)]
    b_pages = [n for n in names if flat_unseen.half_of(f"tr:{n}") == "b"]
    seen = next(n for n in b_pages if flat_unseen.half_of(f"hd:{n}") == "a")
    other = next(n for n in b_pages if flat_unseen.half_of(f"hd:{n}") == "b")
    copy = next(n for n in b_pages if n not in (seen, other))
    monkeypatch.setattr(flat_unseen, "_default_set_files",
                        lambda: {n: flat_unseen.half_of(f"hd:{n}") for n in names if n != copy})
    monkeypatch.setattr(flat_unseen, "_realnews_copies", lambda: frozenset({copy}))  # a realnews page too
    assert flat_unseen.exposed(f"tr:{seen}") and not flat_unseen.exposed(f"tr:{other}")
    assert flat_unseen.exposed(f"tr:{copy}") and not flat_unseen._in_half(f"tr:{copy}", "b")
    assert not flat_unseen._in_half(f"tr:{seen}", "b") and flat_unseen._in_half(f"tr:{other}", "b")
    assert flat_unseen._in_half(f"tr:{seen}", "all") and not flat_unseen._in_half(f"tr:{seen}", "a")


def test_a_tally_gives_each_field_an_interval_over_its_pages():
    """Each field's share comes with a 95% page-bootstrap interval over the pages that have gold for it."""
    from newsledger.evaluate.extraction_real import Output, Page, Tally

    t = Tally()
    for i in range(20):
        gold = {"title": f"Headline {i}", "authors": ["Jane Roe"], "date": None}
        t.add(Page(f"p{i}", b"", None, gold, "dev"),
              Output(title=f"Headline {i}", authors=["Jane Roe"] if i % 4 else ["Staff"]), ("title", "authors", "date"))
    res = t.result()
    assert res["title"] == 1.0 and res["interval_95"]["title"] == [1.0, 1.0]
    lo, hi = res["interval_95"]["authors"]
    assert res["authors"] == 0.75 and lo < 0.75 < hi
    assert "date" not in res["interval_95"]  # no page has a gold date
