"""The real-news claim scorer (newsledger.evaluate.claims_real) and statement reading (negation,
questions, stance). Sentences are made up; the CLI test builds a throwaway gold file of offsets
into one shared realnews page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsledger.evaluate.claims_real import (GoldClaim, Tally, gate_misses, log_result, names_speaker, page_speakers,
                                             parse_gate, score_page, source_matches, stance_table)
from newsledger.model import Claim, Content, Cue, Source
from tests.claim_helpers import claim_about


def _claim(text, content, source=None, name=None):
    s = text.index(content)
    src = None
    if source is not None:
        a = text.index(source)
        src = Source(text=source, start=a, end=a + len(source), name=name)
    return Claim(source=src, cue=Cue(text="said", start=0, end=4),
                 content=Content(text=content, start=s, end=s + len(content), pieces=[(s, s + len(content))]),
                 kind="indirect")


TEXT = ("Mayor Lena Holt said the tunnel would open in May. The contractor said costs had doubled. "
        "He said nobody was hurt. Photos by staff.")


def _gold(content, source, core=True, aliases=()):
    s = TEXT.index(content)
    return GoldClaim(source=source, aliases=list(aliases), content=[(s, s + len(content))], core=core)


def test_source_matching_rules():
    g = GoldClaim(source="Lena Holt", aliases=["the mayor"], content=[])
    assert source_matches("Holt", g) and source_matches("lena holt", g) and source_matches("The Mayor", g)
    assert not source_matches("Tom Holm", g) and not source_matches(None, g)
    assert source_matches(None, GoldClaim(source=None, aliases=[], content=[]))
    assert source_matches("Environmental Protection Department officials",
                          GoldClaim(source="Environmental Protection officials", aliases=[], content=[]))


def test_a_surname_two_speakers_share_names_neither():
    pm = GoldClaim(source="Imran Vask", aliases=["the prime minister"], content=[])
    general = GoldClaim(source="Tariq Vask", aliases=["the army spokesman"], content=[])
    police = GoldClaim(source="Police in Norwood", aliases=[], content=[])
    mp = GoldClaim(source="Ada Lind", aliases=["An MP in Norwood"], content=[])
    speakers = page_speakers([pm, general, pm, police, mp])
    assert len(speakers) == 4
    assert source_matches("Tariq Vask", pm)  # alone, the surname rule would take the general for the PM
    assert not names_speaker("Tariq Vask", pm, speakers) and not names_speaker("Vask", pm, speakers)
    assert names_speaker("Imran Vask", pm, speakers) and names_speaker("The Prime Minister", pm, speakers)
    assert not names_speaker("MP in Norwood", police, speakers) and names_speaker("MP in Norwood", mp, speakers)
    assert names_speaker("Jon Vask", pm, [pm, police])  # nobody else on the page is a Vask


def test_a_group_named_after_a_person_is_no_namesake_of_that_person():
    """"advisers to Mr. Vask" speak too, but they are a group: "Vask" still names the president."""
    president = GoldClaim(source="Imran Vask", aliases=["Mr. Vask", "the president"], content=[])
    advisers = GoldClaim(source="advisers to Mr. Vask", aliases=[], content=[])
    brother = GoldClaim(source="Tariq Vask", aliases=[], content=[])
    assert names_speaker("Vask", president, page_speakers([president, advisers]))
    assert not names_speaker("Vask", president, page_speakers([president, advisers, brother]))
    experts = GoldClaim(source="many tax experts, including Mr. Vask", aliases=[], content=[])
    assert names_speaker("Vask", president, page_speakers([president, experts]))  # a group, not a namesake


def test_score_page_counts_right_unresolved_wrong_and_spurious():
    gold = [_gold("the tunnel would open in May", "Lena Holt"), _gold("costs had doubled", "the contractor"),
            _gold("nobody was hurt", "the contractor", core=False)]
    out = [_claim(TEXT, "the tunnel would open", "Mayor Lena Holt", "Lena Holt"),  # right (partial content)
           _claim(TEXT, "costs had doubled", "He", None),  # unresolved
           _claim(TEXT, "nobody was hurt", "Mayor Lena Holt", "Lena Holt"),  # wrong speaker
           _claim(TEXT, "Photos by staff", "Mayor Lena Holt", "Lena Holt")]  # spurious
    t = score_page(TEXT, gold, out)
    assert t.verdicts == ["right", "unresolved", "wrong-speaker", "spurious"]
    f = t.figures()
    assert f["precision"] == 0.5 and f["strict_precision"] == 0.25 and f["wrong_speaker"] == 0.25
    assert t.core == 2 and f["recall"] == 0.5 and f["recall_any_source"] == 1.0


STANCE_TEXT = ("Councillor Ada Brook denied that the bridge was unsafe. The engineer said the cables were new. "
               "Ada Brook said repairs would start in June. The ferry union accused the council of neglect. "
               "A clerk said the minutes were lost.")


def _stance_gold(content, source, stance):
    s = STANCE_TEXT.index(content)
    return GoldClaim(source=source, aliases=[], content=[(s, s + len(content))], stance=stance)


def _stance_claim(content, source, name, stance):
    c = _claim(STANCE_TEXT, content, source, name)
    c.stance = stance
    return c


def test_stance_is_scored_on_right_and_unresolved_outputs_against_their_gold_claim():
    gold = [_stance_gold("the bridge was unsafe", "Ada Brook", "denies"),
            _stance_gold("the cables were new", "the engineer", "asserts"),
            _stance_gold("repairs would start in June", "Ada Brook", "expects"),
            _stance_gold("the council of neglect", "the ferry union", "accuses"),
            _stance_gold("the minutes were lost", "a clerk", "asserts")]
    out = [_stance_claim("the bridge was unsafe", "Ada Brook", "Ada Brook", "denies"),  # right, marked, same
           _stance_claim("the cables were new", "The engineer", None, "expects"),  # unresolved, marked, differs
           _stance_claim("repairs would start in June", "Ada Brook", "Ada Brook", "asserts"),  # marked gold missed
           _stance_claim("the council of neglect", "Ada Brook", "Ada Brook", "accuses"),  # wrong speaker: not scored
           _stance_claim("the minutes were lost", "A clerk", "a clerk", "asserts")]  # right, asserts both
    t = score_page(STANCE_TEXT, gold, out, keep_examples=True)
    assert t.verdicts == ["right", "unresolved", "right", "wrong-speaker", "right"]
    f = t.figures()
    assert f["stance_matched"] == 4 and f["stance_agreement"] == 0.5
    assert f["marked_outputs"] == 2 and f["marked_precision"] == 0.5  # "denies" right, "expects" not
    assert f["marked_gold"] == 2 and f["marked_recall"] == 0.5  # the denial read, the expectation not
    assert f["marked_f1"] == 0.5
    mismatches = [e for e in t.examples if e[0] == "stance"]
    assert [e[1] for e in mismatches] == ["expects (gold asserts)", "asserts (gold expects)"]
    assert f["stance_confusion"] == {"asserts -> asserts": 1, "asserts -> expects": 1, "denies -> denies": 1,
                                     "expects -> asserts": 1}
    lines = stance_table(f["stance_confusion"])
    assert lines[1].split()[:3] == ["asserts", "->", "expects"] and lines[-1].split()[:3] == ["denies", "->", "denies"]


def test_a_marked_gold_claim_counts_once_and_is_read_when_any_output_has_its_stance():
    gold = [_stance_gold("the bridge was unsafe", "Ada Brook", "denies")]
    out = [_stance_claim("the bridge was unsafe", "Ada Brook", "Ada Brook", "asserts"),
           _stance_claim("bridge was unsafe", "Ada Brook", "Ada Brook", "denies")]
    t = score_page(STANCE_TEXT, gold, out)
    assert (t.marked_gold, t.marked_gold_same, t.marked_outputs, t.marked_outputs_same) == (1, 1, 1, 1)
    total = Tally()
    total.add(t)
    total.add(score_page(STANCE_TEXT, gold, out[:1]))
    assert total.figures()["marked_recall"] == 0.5 and total.figures()["stance_agreement"] == 1 / 3
    assert total.figures()["stance_confusion"] == {"denies -> asserts": 2, "denies -> denies": 1}


def test_the_test_run_log_keeps_its_figures_and_adds_the_stance_ones():
    res = {"pages": 3, "outputs": 10, "min_confidence": 0.31, "precision": 0.91234, "recall": 0.8, "wrong_speaker": 0.01,
           "unresolved": 0.0, "interval_95": {}, "stance_agreement": 0.85555, "marked_precision": 0.7,
           "marked_recall": 0.6, "marked_f1": 0.646, "spurious": 0.1}
    logged = log_result(res)
    assert logged["precision"] == 0.912 and logged["stance_agreement"] == 0.856 and "spurious" not in logged
    assert {"marked_precision", "marked_recall", "marked_f1", "recall", "wrong_speaker"} <= set(logged)


def test_gate_parsing_and_misses():
    gate = parse_gate("precision=0.9, recall=0.8,wrong-speaker=0.03")
    assert gate == {"precision": 0.9, "recall": 0.8, "wrong_speaker": 0.03}
    res = {"precision": 0.95, "recall": 0.7, "wrong_speaker": 0.05}
    misses = gate_misses(res, gate)
    assert len(misses) == 2 and misses[0].startswith("recall") and misses[1].startswith("wrong_speaker")
    with pytest.raises(ValueError, match="unknown figure"):
        parse_gate("f1=0.5")


def test_cli_scores_a_gold_dir_and_exits_nonzero_on_a_missed_gate(tmp_path, capsys):
    from newsledger.evaluate import data_dir
    from newsledger.evaluate.claims_real import main

    try:
        path = data_dir("realnews") / "expected.jsonl"
    except FileNotFoundError:
        pytest.skip("shared realnews data not found")
    page = "fundus-ca-GlobalNews_2026_05_24"
    rec = next((r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"] == page), None)
    if rec is None:
        pytest.skip(f"{page} not in realnews")
    text = rec["text"]
    cue = text.index(" said ")
    end = text.index(".", cue)
    gold = {"page": page, "claims": [{"source": "Nobody Atall", "aliases": [], "content": [[cue + 6, end]],
                                      "cue": [cue + 1, cue + 5], "kind": "indirect", "core": True}]}
    (tmp_path / f"{page}.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "SPLIT.json").write_text(json.dumps({"split": {page: "dev"}}), encoding="utf-8")
    assert main(["--split", "dev", "--gold-dir", str(tmp_path), "--min-confidence", "0"]) == 0
    out = capsys.readouterr().out
    assert "claims-real dev: 1 pages, 1 core gold claims" in out
    assert "recall (core)     0.000  [0.000, 0.000]" in out  # one page: its interval is the figure itself
    assert "stance agreement" in out and "marked stances    precision" in out
    assert main(["--split", "dev", "--gold-dir", str(tmp_path), "--min-confidence", "0", "--json"]) == 0
    assert {"stance_agreement", "marked_precision", "marked_recall", "marked_f1"} <= set(json.loads(capsys.readouterr().out))
    assert main(["--split", "dev", "--gold-dir", str(tmp_path), "--min-confidence", "0",
                 "--gate", "recall=0.5"]) == 1  # the made-up speaker is never found
    assert main(["--split", "test", "--gold-dir", str(tmp_path)]) == 2  # no test pages here
    assert main(["--gold-dir", str(tmp_path / "missing")]) == 2
    capsys.readouterr()
    # --prefix keeps the pages whose id starts with it: this page, or none
    assert main(["--split", "dev", "--gold-dir", str(tmp_path), "--min-confidence", "0", "--prefix", "fundus-ca-"]) == 0
    assert "claims-real dev: 1 pages" in capsys.readouterr().out
    assert main(["--split", "dev", "--gold-dir", str(tmp_path), "--prefix", "poltest-"]) == 2


GOLD_SOURCES = ("realnews", "trafilatura-eval", "htmldate-eval", "news-story-chains", "ecbplus", "tempeval3-platinum",
                "article-extraction-benchmark", "polnear")  # the shared sets the gold pages' texts come from


def _skip_without_shared(*names):
    """Skip the test, naming what is missing, unless every shared data set ``names`` is present."""
    from newsledger.evaluate import data_dir

    try:
        for name in names:
            data_dir(name)
    except FileNotFoundError:
        pytest.skip(f"shared {' / '.join(names)} data not found")


def _assert_each_indexes_its_text(golds: list[dict]) -> None:
    """Every gold file's page has a text, and the text's sha1 is the one the file was annotated on."""
    import hashlib

    from newsledger.evaluate.claims_real import load_texts

    texts = load_texts({g["page"] for g in golds})
    for g in golds:
        assert g["page"] in texts, g["page"]
        assert hashlib.sha1(texts[g["page"]]["text"].encode("utf-8")).hexdigest() == g["text_sha1"], g["page"]


def test_every_gold_page_text_is_the_text_it_was_annotated_on():
    """Gold offsets index the page text: a realnews record's, or for a ``trafeval-`` page our HTML
    extractor's output on that trafilatura-eval page; the stored sha1 catches a changed text."""
    from newsledger.evaluate.claims_real import GOLD_DIR, TRAFEVAL, load_texts

    _skip_without_shared(*GOLD_SOURCES)
    golds = [json.loads(f.read_text("utf-8")) for f in sorted(GOLD_DIR.glob("*.json")) if f.name != "SPLIT.json"]
    assert any(g["page"].startswith(TRAFEVAL) for g in golds)
    _assert_each_indexes_its_text(golds)
    assert load_texts({TRAFEVAL + "no-such-page"}) == {}


def test_every_second_reading_indexes_its_page_and_the_page_is_gold():
    """A second, blind reading (``claims_real/second/``) indexes the same text as the gold it is compared
    with, and its page is a gold page of the dev or test split."""
    from newsledger.evaluate.claims_real import GOLD_DIR, load_split

    _skip_without_shared(*GOLD_SOURCES)
    seconds = [json.loads(f.read_text("utf-8")) for f in sorted((GOLD_DIR / "second").glob("*.json"))]
    assert seconds
    split = load_split([GOLD_DIR])
    for g in seconds:
        assert split.get(g["page"]) in ("dev", "test"), g["page"]
    _assert_each_indexes_its_text(seconds)


def test_copied_pages_finds_one_article_stored_twice():
    from newsledger.evaluate.claims_real import copied_pages

    story = ("The harbour authority said on Monday that the northern pier would stay closed for repairs until "
             "the end of the month, after a storm damaged its pilings and two mooring posts last week.")
    other = ("Farmers in the valley said the late frost had cut the cherry harvest by a third, and the "
             "cooperative expects prices at the market to rise before the summer holidays begin.")
    got = copied_pages({"a": story, "b": "Updated: " + story + " More to follow.", "c": other})
    assert [(a, b) for a, b, _ in got] == [("a", "b")] and got[0][2] == 1.0
    assert copied_pages({"a": story, "c": other}) == []


def test_no_test_page_holds_the_article_of_a_dev_page():
    """A test page whose article is a dev page's (one story in two sets) is no held-out page: such a
    copy is withdrawn from the split (SPLIT.json), and none may be left."""
    from newsledger.evaluate.claims_real import GOLD_DIR, copied_pages, load_split, load_texts

    _skip_without_shared(*GOLD_SOURCES)
    split = load_split([GOLD_DIR])
    scored = {p: s for p, s in split.items() if s in ("dev", "test")}
    texts = {p: r["text"] for p, r in load_texts(set(scored)).items()}
    crossing = [(a, b) for a, b, _ in copied_pages(texts) if scored[a] != scored[b]]
    assert crossing == []
    assert split["trafeval-medicalnewstoday.com.318674"] == "withdrawn"


def _made_up_eval_set(root, folder, index, sub, stem, url, words):
    """A one-page stored HTML evaluation set under ``root/folder/tests`` (gzip HTML, as shared stores it)."""
    import gzip

    tests = root / folder / "tests"
    (tests / sub).mkdir(parents=True)
    (tests / index).write_text(json.dumps({url: {"file": f"{stem}.html", "date": "2020-05-04"}}), "utf-8")
    body = "".join(f"<p>{w}</p>" for w in words)
    html = f"<html><head><title>Bridge news</title></head><body><article><h1>Bridge</h1>{body}</article></body></html>"
    (tests / sub / f"{stem}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))


def test_eval_set_prefixes_resolve_to_their_stored_pages(tmp_path, monkeypatch):
    """``trafeval-`` and ``htmldate-`` ids are both read from their own set's index and sub-folders
    (htmldate-eval: test_set/ before cache/ and eval/); the text is our extractor's on the stored HTML."""
    import newsledger.evaluate as ev
    from newsledger.evaluate.claims_real import (EVAL_SETS, HTMLDATE, TRAFEVAL, eval_page_record, eval_set_files,
                                                   load_texts)

    para = ("Mayor Lena Holt said the new bridge over the river Wend would open in May after two years of work, "
            "and the council said the cost had stayed within the budget agreed by the town in the spring.")
    _made_up_eval_set(tmp_path, "trafilatura-eval", "evaldata.json", "eval", "wend-bridge",
                      "https://example.org/wend", [para, "Engineers said the deck had passed its load tests."])
    _made_up_eval_set(tmp_path, "htmldate-eval", "eval_mediacloud_2020.json", "test_set", "holt-bridge",
                      "https://example.net/holt", [para, "Residents said the ferry would stop running in June."])
    (tmp_path / "realnews").mkdir()
    (tmp_path / "realnews" / "expected.jsonl").write_text("", "utf-8")
    (tmp_path / "htmldate-eval" / "tests" / "eval_default.json").write_text("{}", "utf-8")
    monkeypatch.setattr(ev, "data_dir", lambda name: tmp_path / name)

    texts = load_texts({TRAFEVAL + "wend-bridge", HTMLDATE + "holt-bridge", HTMLDATE + "wend-bridge"})
    assert set(texts) == {TRAFEVAL + "wend-bridge", HTMLDATE + "holt-bridge"}
    assert "ferry would stop" in texts[HTMLDATE + "holt-bridge"]["text"]
    assert texts[HTMLDATE + "holt-bridge"]["url"] == "https://example.net/holt"
    assert "load tests" in texts[TRAFEVAL + "wend-bridge"]["text"]
    assert set(eval_set_files(EVAL_SETS[0])) == {"wend-bridge"}
    assert eval_page_record(TRAFEVAL + "wend-bridge")["url"] == "https://example.org/wend"
    assert eval_page_record(HTMLDATE + "wend-bridge") is None  # an htmldate id never finds a trafilatura-eval page


def test_story_chain_ids_resolve_to_their_csv_rows(tmp_path, monkeypatch):
    """An ``nsc-`` id is the news-story-chains article whose URL's sha1 starts with its 12 hex digits; its
    text is the CSV's one-block ``text`` as stored, its date the calendar day of the CSV date."""
    import csv
    import hashlib

    import newsledger.evaluate as ev
    from newsledger.evaluate.claims_real import NEWS_STORY_CHAINS, STORY_CHAINS_CSV, load_texts, story_chain_page_id

    folder, name = STORY_CHAINS_CSV
    (tmp_path / folder).mkdir()
    (tmp_path / "realnews").mkdir()
    (tmp_path / "realnews" / "expected.jsonl").write_text("", "utf-8")
    rows = [("https://example.org/wend-dam", "Wend dam", "2021-06-02 00:00:00",
             'The utility said on Monday the dam would "run by winter", and  a union said it disagreed. '),
            ("https://example.org/holt-grid", "Holt grid", "2021-06-03 09:10:00", "The grid operator said nothing.")]
    with (tmp_path / folder / name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL)
        w.writerow(["url", "paperurl", "title", "date", "text", "summary"])
        w.writerows([(u, "https://example.org/", t, d, x, "") for u, t, d, x in rows])
    monkeypatch.setattr(ev, "data_dir", lambda n: tmp_path / n)

    wend = NEWS_STORY_CHAINS + hashlib.sha1(rows[0][0].encode("utf-8")).hexdigest()[:12]
    assert story_chain_page_id(rows[0][0]) == wend
    texts = load_texts({wend, NEWS_STORY_CHAINS + "000000000000"})
    assert set(texts) == {wend}
    assert texts[wend] == {"id": wend, "text": rows[0][3], "title": "Wend dam", "date": "2021-06-02",
                           "url": rows[0][0]}


def test_a_shared_story_chain_page_is_its_csv_text():
    """The first news-story-chains article, read by ``load_texts``, has the CSV's text: same length, same sha1."""
    import csv
    import hashlib
    import sys

    from newsledger.evaluate import data_dir
    from newsledger.evaluate.claims_real import STORY_CHAINS_CSV, load_texts, story_chain_page_id

    folder, name = STORY_CHAINS_CSV
    try:
        path = data_dir(folder) / name
        data_dir("realnews")
    except FileNotFoundError:
        pytest.skip("shared news-story-chains / realnews data not found")
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    page = story_chain_page_id(row["url"])
    rec = load_texts({page})[page]
    assert "\n" not in rec["text"] and len(rec["text"]) == len(row["text"]) > 500
    assert hashlib.sha1(rec["text"].encode("utf-8")).hexdigest() == hashlib.sha1(row["text"].encode("utf-8")).hexdigest()
    assert (rec["title"], rec["url"], rec["date"]) == (row["title"], row["url"], row["date"][:10])


def test_an_ecbplus_dev_id_loads_its_rendered_document():
    """An ``ecb-`` id is the ECB+ development document of that file stem, its text exactly as
    ``ecbplus.render`` gives it, its URL the rendered one, no title and no date."""
    from newsledger.evaluate import data_dir, ecbplus
    from newsledger.evaluate.claims_real import ECBPLUS, load_texts

    try:
        data_dir("ecbplus"), data_dir("realnews")
    except FileNotFoundError:
        pytest.skip("shared ecbplus / realnews data not found")
    path = ecbplus.root() / "3" / "3_7ecbplus.xml"
    if not path.is_file():
        pytest.skip("ECB+ document 3_7ecbplus.xml not in the shared data")
    text, url = ecbplus.render(path)
    rec = load_texts({ECBPLUS + "3_7ecbplus", ECBPLUS + "3_999ecb"})
    assert set(rec) == {ECBPLUS + "3_7ecbplus"}  # a stem with no file is no page
    assert rec[ECBPLUS + "3_7ecbplus"] == {"id": "ecb-3_7ecbplus", "text": text, "title": None, "date": None,
                                           "url": url}
    assert len(text) > 200 and url and url.startswith("http")


@pytest.mark.parametrize("page", ["ecb-25_1ecb", "ecb-31_4ecbplus", "ecb-3_7", "ecb-../3_7ecbplus"])
def test_an_ecbplus_id_outside_the_dev_topics_is_refused(page):
    """Held-out ECB+ topics (25 and above) and malformed ids are refused before any file is read."""
    from newsledger.evaluate.claims_real import ecbplus_path, load_texts

    with pytest.raises(ValueError):
        ecbplus_path(page)
    with pytest.raises(ValueError):
        load_texts({page})


# ---------------------------------------------------------------- statements


def test_did_not_deny_is_not_a_denial(nlp):
    c = claim_about(nlp, "Councillor Amy Price did not deny sending the emails to the developer.", "emails")
    assert c.cue.negated
    assert c.stance != "denies"
    assert c.to_dict()["cue"]["negated"] is True


def test_plain_denial_is_a_denial(nlp):
    c = claim_about(nlp, "Councillor Amy Price denied sending the emails to the developer.", "emails")
    assert not c.cue.negated
    assert c.stance == "denies"


def test_interviewer_question_is_a_question(nlp):
    c = claim_about(nlp, "“Why did the council sell the land for so little?” asked Amy Price, a local campaigner.",
              "sell the land")
    assert c.kind == "question" and c.stance == "asks"


def test_asked_whether_is_a_question(nlp):
    c = claim_about(nlp, "Reporters asked whether the minister would resign over the 40 million pound loss.", "resign")
    assert c.kind == "question" and c.stance == "asks"


def test_will_in_a_relative_clause_does_not_make_an_expectation():
    from newsledger.analyze.stance import stance_for

    assert stance_for("said", "the plan, which will cost 3 million pounds, was approved last year") == "asserts"
    assert stance_for("said", "the factory's exports will drop in June") == "expects"


def test_every_claim_has_a_confidence_between_0_and_1(nlp):
    from newsledger.analyze.attribution import find_claims

    text = ("Mayor Lena Holt said the tunnel would open in May. “It is on budget,” she said.\n\n"
            "He said the contractor had been paid.")
    claims = find_claims(nlp(text), text)
    assert claims and all(0.0 <= c.confidence <= 1.0 for c in claims)
    named = [c for c in claims if c.source and c.source.name == "Lena Holt"]
    lost = [c for c in claims if c.unresolved]
    assert named and lost  # "he" after a woman named and called "she": unresolved
    assert max(c.confidence for c in named) > max(c.confidence for c in lost)


def test_a_quotation_going_on_into_the_next_paragraph_is_the_same_claim(nlp):
    from newsledger.analyze.attribution import find_claims

    text = ("“We have rebuilt the school twice since the floods,” said headteacher Joan Mbeki. “Each time the water "
            "came back higher than the year before.\n\n"
            "“This year we are moving the whole school up the hill.”\n\n"
            "The council has not yet approved the move.")
    claims = find_claims(nlp(text), text)
    c = next(c for c in claims if "rebuilt the school" in c.content.text)
    assert "moving the whole school" in c.content.text
    assert "not yet approved" not in c.content.text
    assert c.source.name == "Joan Mbeki"


def test_a_not_guilty_plea_keeps_its_not_and_is_a_denial(nlp):
    c = claim_about(nlp, "The former treasurer Paul Ek pleaded not guilty to fraud on Monday.", "fraud")
    assert c.content.text.startswith("not guilty")
    assert c.stance == "denies"


@pytest.mark.parametrize("text", ["The bakery chain Crumbly agreed to remove the adverts from its vans.",
                                  "Opposition leader Tom Reed pressed the minister on the delays.",
                                  "The mayor Ann Cole vowed to rebuild the library by spring."])
def test_deeds_are_not_claims(nlp, text):
    from newsledger.analyze.attribution import find_claims

    assert find_claims(nlp(text), text) == []


def test_a_quoted_promise_is_still_a_claim(nlp):
    c = claim_about(nlp, "The mayor Ann Cole promised: “We will rebuild the library by spring.”", "rebuild")
    assert c.source.name == "Ann Cole"


# made-up sentences: verb claims that name no statement (issue 12, the spurious claims)
@pytest.mark.parametrize("text", [
    "The new director Eva Lund is expected to return to work in August.",  # a forecast of a deed
    "Town clerk Mia Dahl described her attempt to buy the old mill.",  # a topic, not what was said
    "The engineer Paul Okafor explained it to me.",
    "Senator Jo Bell listed several questions for the agency.",
    "Former mayor Ian Lowe ordered a review of the harbour works.",  # deeds
    "Tom Pike, 41, admitted a single charge of criminal damage.",
    "The harbour board approved a plan to dredge the old channel.",  # a decision, not what was said
    "The scientist Ada Ruiz knew that the dam had a flaw.",  # the reporter's narration of knowing
    "The geologist Ben Carr learned that the quarry had closed.",
    "The Danish agency has told residents how to prepare for a flood.",  # instructions
    "The health chief Dara Quinn outlined a number of reasons for the closures.",  # a topic (h-claims15)
    "Port officials are refusing to release the ferry to its owners.",  # a deed with a to-infinitive (h-claims15)
    "The harbour board wants to build a second pier next year.",  # wishes, choices, efforts (h-claims19)
    "The mayor Ann Cole wanted me to see the old mill before it closed.",
    "Councillor Tom Brant opted to back the rezoning last spring.",
    "Governor Ray Lyle appointed Ms Orr to serve on the water board.",
    "The union persuaded the board to delay the vote.",
    "The Harbour Act would require every landlord to register tenants.",
    "Lake County declared a state of emergency on Friday.",  # a measure taken (h-claims19)
    "The board approved that the ferry would run on Sundays.",  # decisions taken (h-claims27)
    "The harbour board voted to approve a plan that would dredge the channel.",
    "No one can say how long the bridge will stay closed.",  # a subject naming nobody (h-claims27)
    "Few would argue that the old pier is safe.",
    "The mayor Ann Cole did not reply to a request for comment.",  # what was answered (h-claims27)
    "The minister Jo Bell says what the new harbour plan would do.",  # an embedded question: a topic (h-claims58)
    "Her old lab notes say how the two engineers wrote the code.",
    "The many histories of the storm say little to nothing about how the two engineers wrote the code.",
])
def test_claims_that_name_no_statement_are_not_claims(nlp, text):
    from newsledger.analyze.attribution import find_claims

    assert find_claims(nlp(text), text) == []


def test_a_wish_a_quotation_goes_on_from_is_still_a_claim(nlp):
    """A wish (h-claims19's rule above) is kept when the next paragraph, one whole quotation, goes
    on with it: that quotation is what the speaker said (made-up text)."""
    text = ("The mayor Ann Cole wants to see the bridge reopen by spring.\n\n"
            "“The town has waited too long for this and the ferry cannot cope with the traffic.”")
    c = claim_about(nlp, text, "ferry cannot cope")
    assert c.source.name == "Ann Cole"


def test_the_writers_own_question_or_remark_is_not_a_claim(nlp):
    """An interview written in the first person: "I suggest ..." outside any quotation is the writer
    speaking, not the interviewee (h-claims22; made-up text)."""
    from newsledger.analyze.attribution import find_claims

    text = ("“We will rebuild the pier,” the mayor Ann Cole told me.\n\n"
            "When I suggest the town cannot afford it, she laughs.")
    claims = find_claims(nlp(text), text)
    assert not [c for c in claims if "cannot afford" in c.content.text]
    assert [c for c in claims if "rebuild the pier" in c.content.text]


@pytest.mark.parametrize("text, fronted", [
    ("And where is that $90 a month supposed to come from? In her 2010 book, ''Raise a Saver,'' Ms. Dunn "
     "suggested looking at the bills on your card each month.", "Raise a Saver"),
    ("The scheme was generally supported by those in attendance and in his contribution to the talks, "
     "Dr Okafor suggested an even broader yearly meeting with lenders.", "generally supported"),
])
def test_words_before_a_verb_with_its_own_object_are_not_its_claim(nlp, text, fronted):
    """The verb's words are the object or clause right after it, not what stands before it (h-claims58)."""
    from newsledger.analyze.attribution import find_claims

    assert not [c for c in find_claims(nlp(text), text) if fronted in c.content.text]


@pytest.mark.parametrize("text", [
    "The bridge will stay closed until spring, the engineer Paul Okafor told reporters.",  # the person told
    "The bridge will stay closed until spring, the engineer Paul Okafor said Tuesday.",  # a time
    "“The bridge will stay closed,” the engineer Paul Okafor warned the council.",  # a quotation
])
def test_words_before_a_verb_and_its_addressee_stay_its_claim(nlp, text):
    claim_about(nlp, text, "stay closed")


@pytest.mark.parametrize("text, words", [
    ("Town clerk Mia Dahl described the mill as a danger to children.", "danger"),  # a predicate: a statement
    ("The engineer Paul Okafor explained that the bridge was unsafe.", "unsafe"),
    ("Senator Jo Bell denied the accusations of fraud.", "accusations"),
    ("The geologist Ben Carr found that the quarry had polluted the river.", "polluted"),
    ("The Danish agency has told residents that a flood is likely.", "flood"),
    ("The mayor Ann Cole declared the old bridge a danger to children.", "danger"),
    ("The mayor Ann Cole would not say what the repairs would cost.", "repairs"),  # a refusal (h-claims58)
    ("The engineer Paul Okafor said what the bridge needs is a new deck.", "new deck"),  # a subject clause
])
def test_statements_beside_those_verbs_are_still_claims(nlp, text, words):
    claim_about(nlp, text, words)


# made-up sentences: a passive asking or telling verb names who was addressed, not who spoke (h-claims15)
@pytest.mark.parametrize("text, cue", [
    ("Asked why the ferry was late, the captain Rosa Lind blamed the fog.", "Asked"),
    ("Councillor Ben Ode was asked whether the bridge would reopen in May.", "asked"),
    ("The jury was told that the driver had been drinking before the crash.", "told"),
])
def test_the_one_addressed_by_a_passive_cue_is_not_its_speaker(nlp, text, cue):
    from newsledger.analyze.attribution import find_claims

    assert not [c for c in find_claims(nlp(text), text) if cue in c.cue.text]


def test_an_active_question_keeps_its_asker(nlp):
    c = claim_about(nlp, "Councillor Ben Ode has asked whether the bridge would reopen in May.", "bridge")
    assert "Ben Ode" in c.source.name  # the rule above must not touch an active "has asked"


def test_a_quotation_closed_before_the_cue_is_its_content_not_an_unquoted_clause_after_it(nlp):
    text = "“We will rebuild the pier by June,” the mayor Ida Holm said on Monday, the storm damage was worse than feared."
    c = claim_about(nlp, text, "rebuild the pier")
    assert "storm damage" not in c.content.text and "Ida Holm" in c.source.name


def test_a_lowercase_word_is_no_surname_two_speakers_share():
    records = GoldClaim(source="data compiled from census and police records", aliases=[], content=[])
    rival = GoldClaim(source="the city's own data", aliases=[], content=[])
    speakers = page_speakers([records, rival])
    assert names_speaker("data", records, speakers)  # contained in the speaker's name, and no one's surname
    assert not names_speaker("Vask", records, speakers)


# made-up sentences: a wire dateline the parser takes for the cue's first subject is not the speaker (issue 12)
@pytest.mark.parametrize("text, name", [
    ("PORTVALE (AP) — Governor Ray Lyle said the dam would hold through the winter.", "Ray Lyle"),
    ("LAKEVILLE, Ore. (AP) — Mayor Ann Cole said on Friday that the bridge would reopen in May.", "Ann Cole"),
])
def test_a_wire_dateline_is_not_the_speaker(nlp, text, name):
    c = claim_about(nlp, text, "would")
    assert c.source is not None and c.source.name == name


def _first_polnear_article(split: str) -> tuple[Path, str]:
    """The text folder of a PolNeAR split and its first article's name (skips without the shared data)."""
    from newsledger.evaluate import data_dir

    _skip_without_shared("polnear", "realnews")
    folder = data_dir("polnear") / "data" / split / "text"
    return folder, sorted(folder.iterdir())[0].stem


def test_a_polnear_dev_id_loads_the_article_body_under_its_title_line():
    """A ``pol-`` id is a PolNeAR development article: text = the file after its title line and the
    blank lines under it (gold offsets index it), title = that line, date = the corpus metadata's."""
    from newsledger.evaluate.claims_real import POLNEAR, load_texts

    folder, name = _first_polnear_article("dev")
    raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
    rec = load_texts({POLNEAR + name, POLNEAR + "nyt_2016-01-01_no-such-article"})
    assert set(rec) == {POLNEAR + name}  # a name with no file is no page
    page = rec[POLNEAR + name]
    assert raw.endswith(page["text"]) and not page["text"].startswith("\n")
    assert page["title"] == raw.split("\n", 1)[0].strip() and page["title"] not in page["text"][:len(page["title"])]
    assert page["date"] == name.split("_")[1] and page["url"] is None


@pytest.mark.parametrize("page", ["pol-../test/text/nyt_2016-09-20_x", "pol-nyt", "pol-", "polnyt_2016-09-20_x",
                                  "poltest-../train/text/nyt_2016-09-20_x", "poltest-"])
def test_a_malformed_polnear_id_is_refused(page):
    """Only a dev file name is a ``pol-`` page: a path out of the dev folder or a malformed id is refused."""
    from newsledger.evaluate.claims_real import polnear_path

    with pytest.raises(ValueError):
        polnear_path(page)


def test_a_polnear_test_id_loads_a_test_split_article_and_is_a_claims_test_page_only(tmp_path):
    """A ``poltest-`` id is a PolNeAR TEST article (the same body-under-title text as a ``pol-`` page); gold for one
    that SPLIT.json puts anywhere but the claims test split is refused, so no rule is ever written from it."""
    from newsledger.evaluate.claims_real import POLNEAR_TEST, load_gold, load_texts, polnear_path

    folder, name = _first_polnear_article("test")
    assert polnear_path(POLNEAR_TEST + name) == folder / f"{name}.txt"
    page = load_texts({POLNEAR_TEST + name})[POLNEAR_TEST + name]
    assert (folder / f"{name}.txt").read_text(encoding="utf-8").endswith(page["text"]) and page["date"]
    gold = {"page": POLNEAR_TEST + name, "claims": []}
    (tmp_path / f"{POLNEAR_TEST}{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    for part, ok in (("test", True), ("dev", False)):
        (tmp_path / "SPLIT.json").write_text(json.dumps({"split": {POLNEAR_TEST + name: part}}), encoding="utf-8")
        if ok:
            assert [g.page for g in load_gold([tmp_path], "test")] == [POLNEAR_TEST + name]
        else:
            with pytest.raises(ValueError, match="claims test page only"):
                load_gold([tmp_path], "dev")


def _pools_module():
    """scripts/claims_pools.py, loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("claims_pools", Path(__file__).parents[1] / "scripts" / "claims_pools.py")
    pools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pools)
    return pools


def _pools_over(data: str):
    """scripts/claims_pools.py as a module, or a skip when the shared ``data`` folder its walk reads is absent."""
    from newsledger.evaluate import data_dir

    try:
        data_dir(data)
    except FileNotFoundError:
        pytest.skip(f"shared {data} data not found")
    return _pools_module()


def _walk(ranks_of) -> dict[str, int]:
    """A walk's page id -> rank map, checked to number its pages 1, 2, ... with no gap."""
    ranks = ranks_of()
    assert sorted(ranks.values()) == list(range(1, len(ranks) + 1))
    return ranks


def test_the_pol_pools_follow_the_walk_order_and_cover_every_pol_page():
    """scripts/claims_pools.py: ranks 1-20 and 41-62 of the sha1 walk are the rules pool, the rest of the
    walk the check pool; every pol- gold page has a rank, and both pools hold gold pages."""
    from newsledger.evaluate.claims_real import GOLD_DIR, load_split

    pools = _pools_over("polnear")
    ranks = _walk(pools.walk_ranks)
    pol = [p for p in load_split([GOLD_DIR]) if p.startswith("pol-")]
    kinds = {pools.pool_of(p, ranks) for p in pol}
    assert kinds == {"rules", "check"} and all(p in ranks for p in pol)
    first = min(ranks, key=ranks.get)
    assert pools.pool_of(first, ranks) == "rules" and pools.pool_of("nsc-0123456789ab", ranks) == "old"
    assert pools.pool_of(next(p for p, r in ranks.items() if r == 21), ranks) == "check"


def test_a_confidence_fit_reads_no_page_of_the_held_out_pools():
    """scripts/calibrate_confidence.py fits on claims_pools.fit_pages: the check, te3c and ecbc judges are left out,
    every other dev page is kept."""
    from newsledger.evaluate.claims_real import GOLD_DIR, load_gold

    _te3_folder()  # skips without the shared data
    pools = _pools_module()
    pages = load_gold([GOLD_DIR], "dev")
    ranks = pools.walk_ranks()
    kept = {p.page for p in pools.fit_pages(pages)}
    left = {p.page for p in pages} - kept
    assert set(pools.HELD_OUT) == {"check", "te3c", "ecbc", "webc", "aebc", "rnc", "tfc", "hdc"}
    assert {"check", "te3c", "ecbc"} <= {pools.pool_of(p, ranks) for p in left} <= set(pools.HELD_OUT)
    assert {"old", "rules", "te3r", "ecbr"} <= {pools.pool_of(p, ranks) for p in kept}
    assert {pools.pool_of(p, ranks) for p in kept} <= {"old", "rules", "te3r", "ecbr", "webr", "aebr", "rnr", "tfr", "hdr"}


def test_a_stop47_batch_page_takes_its_pool_from_the_parity_of_its_ids_sha1(monkeypatch):
    """scripts/claims_pools.py: a page listed in realnews_pool_pages.txt is rnc (a judge) when int(sha1(id), 16) is
    even and rnr when odd (trafeval_pool_pages.txt: tfc / tfr); the judges are held out of every fit."""
    import hashlib

    pools = _pools_module()
    ids = ["fundus-a", "fundus-b", "fundus-c", "fundus-d"]
    monkeypatch.setattr(pools, "batch_pools", lambda: {i: ("rnr", "rnc") for i in ids} | {"trafeval-x": ("tfr", "tfc")})
    want = ["rnr" if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 else "rnc" for i in ids]
    assert [pools.pool_of(i, {}) for i in ids] == want and set(want) == {"rnr", "rnc"}
    assert pools.pool_of("trafeval-x", {}) == ("tfr" if int(hashlib.sha1(b"trafeval-x").hexdigest(), 16) % 2 else "tfc")
    assert pools.pool_of("fundus-not-listed", {}) == "old" and {"rnc", "tfc"} <= set(pools.HELD_OUT)
    assert not {"rnr", "tfr"} & set(pools.HELD_OUT)


def test_rules_only_prints_no_judge_pool_and_no_all_pages_line(monkeypatch, capsys):
    """scripts/claims_pools.py --rules-only: a judge pool named in --together is refused before any page is read,
    and the pool lines leave every judge out, the last line being the rule-material pools together."""
    from types import SimpleNamespace

    pools = _pools_module()
    assert pools.main(["--rules-only", "--together", "old,webc"]) == 2
    assert "judge pool (webc)" in capsys.readouterr().err
    pages = [SimpleNamespace(page=n) for n in ("p-old", "p-rules")]
    monkeypatch.setattr(pools, "pool_of", lambda page, ranks: page[2:])
    monkeypatch.setattr(pools.cr, "evaluate", lambda sel, analysed: ({"pages": len(sel), "precision": 1.0, "recall": 1.0,
                                                                    "wrong_speaker": 0.0, "outputs": 0}, None))
    pools.print_pools(pages, {}, {}, rules_only=True)
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names[-1] == "rules-all" and not set(names) & set(pools.HELD_OUT) and "all" not in names
    pools.print_pools(pages, {}, {}, rules_only=False)
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names[-1] == "all" and set(pools.HELD_OUT) <= set(names)


def test_a_batch_page_takes_its_pool_from_the_parity_of_its_ids_sha1_and_is_a_dev_gold_page():
    """scripts/claims_pools.py: a page a batch file lists (web_pool_pages.txt and the others of BATCHES) is the
    batch's judge pool when int(sha1(id), 16) is even and its rule pool when odd, whatever its source; a page not
    listed keeps its old pool; every listed page is a dev gold page."""
    import hashlib

    from newsledger.evaluate.claims_real import GOLD_DIR, load_split

    pools = _pools_module()
    ids = ["htmldate-a", "htmldate-b", "htmldate-c", "htmldate-d"]
    want = ["webr" if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 else "webc" for i in ids]
    assert [pools.by_parity(i, pools.BATCHES[pools.WEB_PAGES]) for i in ids] == want and set(want) == {"webr", "webc"}
    assert pools.pool_of("htmldate-not-listed", {}) == "old"
    split = load_split([GOLD_DIR])
    assert pools._batch_pages(pools.WEB_PAGES)
    for name, batch in pools.BATCHES.items():
        for page in pools._batch_pages(name):
            assert split.get(page) == "dev" and (GOLD_DIR / f"{page}.json").exists(), page
            assert pools.pool_of(page, {}) == pools.by_parity(page, batch)


def test_an_aeb_page_takes_its_pool_from_the_parity_of_its_ids_sha1_and_is_a_dev_page_with_its_extracted_text():
    """An ``aeb-`` id names an article-extraction-benchmark page by the first 12 hex digits of its file stem: it is
    pool aebc (a judge) when int(sha1(id), 16) is even and aebr when odd; every aeb- page in SPLIT.json is dev; its
    text is our HTML extractor's on the stored page, and an unknown id reads as nothing."""
    import hashlib

    from newsledger.evaluate import data_dir
    from newsledger.evaluate.claims_real import AEB, GOLD_DIR, aeb_files, load_split, load_texts

    pools = _pools_module()
    ids = ["aeb-000000000001", "aeb-000000000002", "aeb-000000000003", "aeb-000000000004"]
    want = ["aebr" if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 else "aebc" for i in ids]
    assert [pools.pool_of(i, {}) for i in ids] == want and set(want) == {"aebr", "aebc"}
    assert all(v == "dev" for p, v in load_split([GOLD_DIR]).items() if p.startswith(AEB))
    try:
        data_dir("article-extraction-benchmark")
    except FileNotFoundError:
        pytest.skip("shared article-extraction-benchmark data not found")
    files = aeb_files()
    assert len(files) == 181 and all(p.exists() for _, p in files.values())
    first = sorted(files)[0]
    rec = load_texts({first, AEB + "no-such-page"})
    truth = json.loads((data_dir("article-extraction-benchmark") / "ground-truth.json").read_text("utf-8"))
    body = next(v["articleBody"] for k, v in truth.items() if AEB + k[:12] == first)
    assert set(rec) == {first} and rec[first]["url"] == files[first][0] and rec[first]["text"][:40] == body[:40]


def test_the_ecb_walk_rows_from_35_alternate_ecbr_and_ecbc_and_the_earlier_rows_stay_old():
    """scripts/claims_pools.py: every ECB+ dev-topic document by sha1(file stem) hex descending; rows 1-34
    (the batches walked before) are old, from row 35 an odd row is ecbr and an even row ecbc (a judge the
    confidence fit leaves out); every gold ecb- page is a dev page of the walk."""
    from newsledger.evaluate.claims_real import ECBPLUS, GOLD_DIR, load_split

    pools = _pools_over("ecbplus")
    rows = _walk(pools.ecb_walk_ranks)
    assert all(int(p[len(ECBPLUS):].split("_")[0]) <= 24 for p in rows)
    by_row = {r: p for p, r in rows.items()}
    assert rows["ecb-20_11ecbplus"] == 3 and rows["ecb-13_10ecbplus"] == 34  # the two earlier batches' ends
    assert [pools.pool_of(by_row[r], {}) for r in (1, 34, 35, 36, 37, 38)] == \
        ["old", "old", "ecbr", "ecbc", "ecbr", "ecbc"]
    assert [pools.ecb_pool(r) for r in (34, 35, 36, 101, 102)] == ["old", "ecbr", "ecbc", "ecbr", "ecbc"]
    assert "ecbc" in pools.HELD_OUT and "ecbr" not in pools.HELD_OUT
    split = load_split([GOLD_DIR])
    assert all(split[p] == "dev" and p in rows for p in split if p.startswith(ECBPLUS))


def _te3_folder():
    """The shared TempEval-3 platinum folder, or a skip when the shared data is absent."""
    from newsledger.evaluate import data_dir
    from newsledger.evaluate.claims_real import tempeval3_dir

    try:
        data_dir("realnews")
        return tempeval3_dir()
    except FileNotFoundError:
        pytest.skip("shared tempeval3-platinum / realnews data not found")


def test_a_tempeval3_id_loads_the_text_element_without_its_tags():
    """A ``te3-`` id is a TempEval-3 platinum document: text = the <TEXT> element's characters with the
    TimeML tags removed (line breaks kept, blank lines at either end dropped), title = <TITLE>, date = DCT."""
    from newsledger.evaluate.claims_real import TEMPEVAL3, load_texts

    folder = _te3_folder()
    stems = sorted(p.stem for p in folder.glob("*.tml"))
    assert len(stems) == 20
    rec = load_texts({TEMPEVAL3 + s for s in stems} | {TEMPEVAL3 + "AP_20990101"})
    assert set(rec) == {TEMPEVAL3 + s for s in stems}  # a stem with no file is no page
    for page in rec.values():
        text = page["text"]
        assert "<" not in text and "eid=" not in text and text.strip()
        assert not text.startswith("\n") and not text.endswith("\n")
        assert page["title"] and re.fullmatch(r"2013-03-\d\d", page["date"]) and page["url"] is None
    ap = rec[TEMPEVAL3 + "AP_20130322"]
    assert ap["date"] == "2013-03-22" and ap["title"].endswith("CDC Says")
    assert ap["text"].startswith("The flu season is winding down") and ap["text"].endswith("Jhung said.")


def test_a_tempeval3_text_keeps_the_characters_between_tags(tmp_path, monkeypatch):
    """Our own TimeML: tags vanish, the words and spaces around them stay, offsets are the plain text's."""
    from newsledger.evaluate import claims_real

    (tmp_path / "XY_20130101.tml").write_text(
        '<?xml version="1.0" ?><TimeML>\n<DOCID>XY_20130101</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-01-01">Jan 1</TIMEX3></DCT>\n<TITLE> A made-up day </TITLE>\n'
        '<TEXT>\n\n  The mayor <EVENT eid="e1">said</EVENT> on <TIMEX3 tid="t1">Monday</TIMEX3> it rained.\n\n'
        'Nobody <EVENT eid="e2">denied</EVENT> it.  \n\n</TEXT>\n</TimeML>\n', encoding="utf-8")
    monkeypatch.setattr(claims_real, "tempeval3_path", lambda page_id: tmp_path / f"{page_id[4:]}.tml")
    rec = claims_real.tempeval3_records({"te3-XY_20130101", "pol-x"})
    assert rec == {"te3-XY_20130101": {"id": "te3-XY_20130101", "title": "A made-up day", "date": "2013-01-01",
                                       "url": None,
                                       "text": "  The mayor said on Monday it rained.\n\nNobody denied it.  "}}


@pytest.mark.parametrize("page", ["te3-../te3-platinum/AP_20130322", "te3-AP", "te3-", "te3AP_20130322",
                                  "te3-AP_2013032", "te3-AP_20130322.tml"])
def test_a_malformed_tempeval3_id_is_refused(page):
    """Only a file stem of the platinum folder is a ``te3-`` page: paths and malformed ids are refused."""
    from newsledger.evaluate.claims_real import tempeval3_path

    with pytest.raises(ValueError, match=re.escape(page)):
        tempeval3_path(page)


def test_the_te3_pages_split_ten_and_ten_by_sha1_and_are_dev_pages_of_no_old_pool():
    """scripts/claims_pools.py: the 10 te3- ids with the lowest sha1 hex are pool te3r, the 10 highest te3c
    (a judge); none falls in "old"; SPLIT.json lists all 20 as dev."""
    import hashlib

    from newsledger.evaluate.claims_real import GOLD_DIR, TEMPEVAL3, load_split

    stems = [p.stem for p in _te3_folder().glob("*.tml")]
    pools = _pools_module()
    ids = sorted((TEMPEVAL3 + s for s in stems), key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    assert [pools.pool_of(i, {}) for i in ids] == ["te3r"] * 10 + ["te3c"] * 10
    split = load_split([GOLD_DIR])
    assert {p: v for p, v in split.items() if p.startswith(TEMPEVAL3)} == {i: "dev" for i in ids}


def test_the_pools_script_lists_the_pages_whose_claims_differ_between_two_analyses():
    """scripts/claims_pools.py --same-as: a page differs when its text, or any claim's content span, source name, cue
    or confidence differs (at any confidence), or when the other analysis lacks it; a reordered page does not."""
    from types import SimpleNamespace as NS

    pools = _pools_module()

    def claim(start, name, conf, cue="said"):
        return NS(content=NS(start=start, end=start + 10), source=NS(name=name) if name else None,
                  cue=NS(text=cue), confidence=conf)

    a = {"p1": ("text one", [claim(0, "Ada Klein", 0.9), claim(20, None, 0.4)]),
         "p2": ("text two", [claim(5, "Tom Reyes", 0.8)]),
         "p3": ("text three", [claim(1, "Ada Klein", 0.7)]),
         "p4": ("text four", [])}
    b = {"p1": ("text one", [claim(20, None, 0.4), claim(0, "Ada Klein", 0.9)]),  # the same claims, reordered
         "p2": ("text two", [claim(5, "Ada Klein", 0.8)]),                      # another speaker
         "p3": ("text three", [claim(1, "Ada Klein", 0.71)])}                   # another confidence; p4 missing
    assert pools.differing_pages(a, b) == ["p2", "p3", "p4"]
    assert pools.differing_pages(a, a) == []


def _two_speaker_page(page: str):
    """A made-up gold page with two speakers and its analysis: one claim under its gold speaker (right, found),
    one whose words are the other speaker's (a wrong name)."""
    from types import SimpleNamespace as NS

    from newsledger.evaluate.claims_real import GoldClaim, GoldPage

    text = "Ada Klein said the plan failed. Tom Reyes said taxes rose."

    def span(words):
        return (text.index(words), text.index(words) + len(words))

    def claim(words, name):
        s, e = span(words)
        return NS(content=NS(start=s, end=e, pieces=[], text=words), source=NS(name=name, text=name, resolved_from=None),
                  cue=NS(text="said"), confidence=0.99, signals={"src_via": "person"})

    gold = GoldPage(page, [GoldClaim("Ada Klein", [], [span("the plan failed")]),
                           GoldClaim("Tom Reyes", [], [span("taxes rose")])])
    return gold, {page: (text, [claim("the plan failed", "Ada Klein"), claim("taxes rose", "Ada Klein")])}


def test_the_pools_script_counts_the_pages_a_file_lists_as_one_set():
    """scripts/claims_pools.py --pages: the listed pages scored as one set, in counts (a batch read as a fresh judge)."""
    gold, done = _two_speaker_page("p1")
    assert _pools_module().counts("fresh.txt", [gold], done) == (
        "fresh.txt: 1 pages, 2 core, 1 found (recall 0.5000), 2 outputs, 1 right or unresolved (precision 0.5000), "
        "1 wrong names (share 0.5000, 95% over pages resampled 0.5000-0.5000)")


def test_the_pools_script_lists_rule_material_claims_and_never_a_judges():
    """scripts/claims_pools.py --list VERDICT: the rule-material pages' claims with that verdict, with the gold speakers
    their words belong to; a judge's page (aebc: an aeb- id whose sha1 is even) is never listed."""
    pools = _pools_module()
    rule, rule_done = _two_speaker_page("aeb-000000000002")  # odd sha1: aebr, rule material
    judge, judge_done = _two_speaker_page("aeb-000000000000")  # even sha1: aebc, a judge
    lines = pools.rule_material_claims([rule, judge], {**rule_done, **judge_done}, {}, "wrong-speaker")
    assert len(lines) == 1 and lines[0].startswith("aebr aeb-000000000002 wrong-speaker person")
    assert "Ada Klein <- 'Ada Klein'" in lines[0] and "taxes rose" in lines[0] and "gold ['Tom Reyes']" in lines[0]
    assert len(pools.rule_material_claims([rule, judge], {**rule_done, **judge_done}, {}, "any")) == 2


def test_the_pools_script_names_a_missing_page_list_in_one_line_before_any_analysis(tmp_path, capsys):
    missing = tmp_path / "none.txt"
    assert _pools_module().main(["--pages", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"claims_pools: {missing}: No such file or directory"


def test_claims_pools_stance_counts_the_stance_figures_of_a_set(monkeypatch):
    """scripts/claims_pools.py --stance: a counts line also gives agreement, marked precision and marked recall, in
    counts and as the shares eval claims-real prints; without it the line gives none."""
    from newsledger.evaluate import claims_real as cr

    pools = _pools_module()
    t = cr.Tally(outputs=10, right=8, unresolved=1, core=9, core_found=7, stance_matched=9, stance_same=7,
                 marked_outputs=4, marked_outputs_same=3, marked_gold=6, marked_gold_same=3)
    monkeypatch.setattr(pools.cr, "evaluate", lambda sel, analysed: (t.figures() | {"interval_95": {}}, t))
    line = pools.counts("judges", [object()], {}, stance=True)
    assert "stance agreement 7/9 (0.778), marked precision 3/4 (0.750), marked recall 3/6 (0.500)" in line
    assert "9 right or unresolved" in line and "stance" not in pools.counts("judges", [object()], {})
