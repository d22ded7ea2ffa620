"""Claims across articles (issue 13): the seed plus a later wire piece on the same deployment,
figure measures and unit conversions, speakers and their sides, `newsledger groups`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.link import claim_groups, link_new, with_group_ids
from newsledger.link.measures import measure
from newsledger.link.speakers import canonical, same_side, side_keys
from newsledger.model import Document
from newsledger.pipeline import handle_one
from newsledger.store import Ledger

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_cf3f4e080ef5b4cc.txt"
WIRE = ROOT / "tests" / "data" / "wire_nk_troops.txt"  # made up: a later wire piece, same deployment


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("canonical seed not present")
    db = str(tmp_path_factory.mktemp("cross") / "cross.db")
    ledger = Ledger(db)
    ids, joined = [], []
    for p in (SEED, WIRE):
        a = handle_one(Document(source=str(p), raw=p.read_bytes(), kind="text"), analyze=True)
        new = ledger.add([(a, None, "text")]).new
        joined.append(link_new(ledger, new)["stories_joined"])
        ids += new
    yield ledger, db, ids, joined
    ledger.close()


def test_seed_and_wire_piece_share_one_troop_group(pair):
    ledger, _db, (seed, wire), joined = pair
    assert joined == [0, 1]  # the wire piece joins the seed's story
    troops = [g for g in claim_groups(ledger) if g["kind"] == "figure"
              and {m["article_id"] for m in g["members"]} == {seed, wire}
              and any(m["figure"] == "11,000" for m in g["members"])]
    assert len(troops) == 1
    g = troops[0]
    figs = {m["figure"] for m in g["members"]}
    assert {"11,000", "up to 12,000", "some 10,000"} <= figs
    assert "six" not in figs  # "six North Korean servicemen were killed": the dead, not the troops sent
    assert g["verdict"] in ("spread", "revised") and g["reason"]
    assert "different things" in g["reason"]  # 1,500 already training is not a disagreement


def test_a_spokesman_and_his_organisation_are_one_side(pair):
    ledger, *_ = pair
    for g in claim_groups(ledger):
        if g["kind"] != "stance" or g["verdict"] != "conflict":
            continue
        names = {m["name"] for m in g["members"] if m["stance"] == "denies"}
        others = {m["name"] for m in g["members"] if m["stance"] != "denies"}
        assert not ({"Kremlin", "Dmitry Peskov"} & others and {"Kremlin", "Dmitry Peskov"} & names)
    assert same_side(side_keys("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"), side_keys("Kremlin"))
    assert not same_side(side_keys("Kremlin"), side_keys("NATO"))


def test_outlet_stated_figures_are_reported_claims(pair):
    ledger, *_ = pair
    reported = [m for g in claim_groups(ledger) for m in g["members"] if m.get("kind") == "reported"]
    assert reported and all(m["name"] == "AFP" for m in reported if m["figure"] == "13,000")


def test_every_claim_in_json_carries_its_group(pair):
    ledger, db, (seed, wire), _ = pair
    claims = with_group_ids(ledger, ledger.claims(limit=1000))
    grouped = {g["id"] for g in claim_groups(ledger)}
    assert all("group" in c for c in claims)
    assert {c["group"] for c in claims if c["group"]} <= grouped
    assert any(c["group"] for c in claims if c["article_id"] == wire)
    out = subprocess.run([sys.executable, "-m", "newsledger.cli", "claims", "--db", db, "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert all("group" in c for c in json.loads(out.stdout))


def test_groups_command_lists_every_verdict(pair):
    _ledger, db, *_ = pair
    run = lambda *a: subprocess.run([sys.executable, "-m", "newsledger.cli", "groups", "--db", db, *a],
                                    capture_output=True, text=True, timeout=300)
    every = json.loads(run("--format", "json").stdout)
    assert {g["verdict"] for g in every} >= {"spread", "conflict"}
    spread = json.loads(run("--verdict", "spread", "--format", "json").stdout)
    assert spread and {g["verdict"] for g in spread} == {"spread"}
    assert len(spread) < len(every)
    csv = run("--format", "csv").stdout.splitlines()
    assert csv[0].startswith("group,verdict,what,source,figure")
    bad = run("--verdict", "maybe")
    assert bad.returncode == 2 and "--verdict maybe" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("before,text,after,unit,name,dim,factor", [
    ("The quake killed ", "seven", " people.", "people", "killed", "people", 1.0),
    ("A ", "6.1", "-magnitude earthquake struck Iran.", None, "magnitude", "magnitude", 1.0),
    ("The shaking lasted ", "90", " seconds.", "seconds", "seconds:-", "seconds", 1.0),
    ("The shaking lasted ", "1.5", " minutes.", "minutes", "seconds:-", "seconds", 60.0),
    ("It was felt ", "100", " miles away.", "miles", "metres:-", "metres", 1609.344),
    ("The company paid ", "$2 million", " for it.", "USD", "amount:paid", "USD", 1.0),
    ("The company paid ", "2 million euros", " for it.", "euros", "amount:paid", "EUR", 1.0),
    ("Bam was razed by a ", "6.6", " degree quake.", "degree quake", "magnitude", "magnitude", 1.0),
    ("Ten people were killed and ", "at least 50", " injured when an earthquake razed the village.", None,
     "injured", "people", 1.0),  # a number near "earthquake" that is no magnitude
    ("The quake, of magnitude ", "6", ", struck at dawn.", None, "magnitude", "magnitude", 1.0),
    ("The actress, ", "33", ", entered a clinic in Malibu.", None, "age", "years", 1.0),
    ("In the port, ", "2,300", ", containers waited.", None, "count:-", None, 1.0),  # no age: too large
])
def test_measures_normalise_units(before, text, after, unit, name, dim, factor):
    m = measure(before, text, after, unit)
    assert (m.name, m.dimension, m.factor) == (name, dim, factor)


def test_a_state_cue_stating_a_count_of_its_own_is_not_the_figure_before_its():
    """"shot three people, killing one": the three were shot, the one killed; the three is no
    toll (it had been read as three killed and joined another article's "one victim died")."""
    assert measure("A gunman shot ", "three", " people, killing one, at a bakery in Dorvik.", "people").name \
        == "count:people"
    assert measure("A gunman shot three people, killing ", "one", ", at a bakery in Dorvik.", None).name == "killed"
    assert measure("", "Three", " people were killed at a bakery in Dorvik.", "people").name == "killed"


def test_an_age_is_about_the_person_named_before_it():
    m = measure("Arcade Joseph Comeaux Jr., ", "49", ", escaped.", None)
    assert (m.name, m.about) == ("age", "comeaux")
    assert measure("the ", "49-year-old", " inmate", "year-old").name == "age"


def test_name_variants_are_one_speaker():
    assert canonical(["Varenne", "Lidia Varenne", "NATO"]) == {"Varenne": "Lidia Varenne",
                                                               "Lidia Varenne": "Lidia Varenne", "NATO": "NATO"}
    assert same_side(side_keys("NIS"), side_keys("National Intelligence Service"))


def test_api_lists_every_group_and_each_claims_group(pair):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    ledger, *_ = pair
    client = TestClient(create_app(ledger))
    every = client.get("/api/groups", params={"limit": 100}).json()
    assert every["total"] == len(claim_groups(ledger)) and {g["verdict"] for g in every["items"]} >= {"spread"}
    agree = client.get("/api/groups", params={"verdict": "conflict"}).json()
    assert agree["items"] and all(g["verdict"] == "conflict" for g in agree["items"])
    claims = client.get("/api/claims", params={"limit": 200}).json()["items"]
    ids = {g["id"] for g in every["items"]}
    assert all("group" in c for c in claims) and any(c["group"] in ids for c in claims)


def test_gold_spans_are_found_in_a_stored_text_that_lost_paragraphs():
    from newsledger.evaluate.crossnews import relocate

    rendered = "Share this story\n\nThe quake killed 7 people in Bam.\n\nIt struck at dawn; 7 aftershocks followed."
    stored = "The quake killed 7 people in Bam.\n\nIt struck at dawn; 7 aftershocks followed."
    s = rendered.index("7 after")
    at = relocate(rendered, stored, s, s + 1)
    assert stored[at[0]:at[0] + len("7 after")] == "7 after"
    assert relocate(rendered, stored, 0, 5) is None  # the dropped paragraph: not found, not guessed


def test_eval_crossnews_refuses_unknown_topics_in_one_line():
    r = subprocess.run([sys.executable, "-m", "newsledger.cli", "eval", "crossnews", "--topics", "all"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "--topics all" in r.stderr


def _fig(article, name, text, value, bound, published):
    return {"article_id": article, "name": name, "figure": text, "value": value, "bound": bound,
            "low": None if bound == "at-most" else value, "high": value, "aspects": [], "published": published}


def test_one_source_quoted_with_two_figures_at_one_moment_is_a_conflict():
    """A copy that changes "up to 12,000" to "up to 10,000" under the same speaker and date has
    altered the figure: a conflict, though the two upper bounds overlap. Published later, it is an
    update (a revision or spread), not this."""
    from newsledger.link.claims import compare

    orig = _fig("a1", "NIS", "up to 12,000", 12000, "at-most", "2024-10-18")
    copy = _fig("a2", "NIS", "up to 10,000", 10000, "at-most", "2024-10-18")
    rel, why = compare(orig, copy)
    assert rel == "conflict" and "same time" in why
    later = dict(copy, published="2024-10-25")
    assert compare(orig, later)[0] != "conflict"
    other = dict(copy, name="Volodymyr Zelensky")
    assert compare(orig, other)[0] == "spread"


def test_questions_and_unsure_claims_take_no_part_in_groups():
    """Claims below the confidence threshold, and questions, are stored but never grouped or
    compared: a shaky claim must not make a conflict."""
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE
    from newsledger.link.claims import group_story

    def row(article, name, text, value, **extra):
        claim = {"source": {"name": name}, "stance": "asserts", "kind": "direct",
                 "content": {"text": f"some {text} troops were sent to the front"},
                 "quantities": [{"text": text, "value": value, "bound": "exact", "unit": None}], **extra}
        return {"article_id": article, "idx": 0, "data": claim, "source": "t", "site": f"{article}.example",
                "published": "2024-10-18"}

    sure = [row("a", "NIS", "12,000", 12000, confidence=0.95), row("b", "Pentagon", "3,000", 3000, confidence=0.95)]
    assert [g["verdict"] for g in group_story("s", sure)] == ["conflict"]
    shaky = [sure[0], row("b", "Pentagon", "3,000", 3000, confidence=DEFAULT_MIN_CONFIDENCE - 0.01)]
    asked = [sure[0], row("b", "Pentagon", "3,000", 3000, confidence=0.95, kind="question")]
    assert group_story("s", shaky) == [] and group_story("s", asked) == []


def test_a_figure_of_an_unsure_claim_is_grouped_as_the_outlets_own():
    """A figure inside a claim below the confidence threshold is kept, as a figure the article
    states outside any claim is: the outlet's (kind ``reported``), never the unsure speaker's,
    whose claim still takes no part. A question's figure takes no part at all."""
    from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE
    from newsledger.link.claims import group_story

    def claim(article, name, before, text, value, after, **extra):
        row = {"article_id": article, "idx": 0, "source": "t", "site": f"{article}.example", "published": None,
               "data": {"source": {"name": name}, "stance": "asserts", "kind": "indirect",
                        "content": {"text": before + text + after}, "quantities": [], **extra}}
        return row, dict(_stated(article, before, text, value, after, len(before)), claim_idx=0)

    sure = claim("a", "regional governor", "The regional governor said the flood killed ", "14", 14,
                 " people in the valley.", confidence=0.95)
    shaky = claim("b", "Mayor Brandt", "Brandt said the flood killed ", "17", 17, " people in the valley.",
                  confidence=DEFAULT_MIN_CONFIDENCE - 0.01)
    (g,) = group_story("s", [sure[0], shaky[0]], [sure[1], shaky[1]])
    (outlet,) = [m for m in g["members"] if m["article_id"] == "b"]
    assert outlet["kind"] == "reported" and outlet["name"] == "b.example" and outlet["idx"] < 0
    assert "Mayor Brandt" not in {m["name"] for m in g["members"]} | {m["speaker"] for m in g["members"]}
    assert g["verdict"] == "conflict"
    asked = claim("b", "Mayor Brandt", "Did the flood kill ", "17", 17, " people in the valley?",
                  confidence=0.95, kind="question")
    assert group_story("s", [sure[0], asked[0]], [sure[1], asked[1]]) == []


def test_eval_crossnews_lists_failures_of_the_development_topics_only():
    from newsledger.evaluate.crossnews import main

    with pytest.raises(SystemExit) as e:
        main(["--topics", "check", "--failures"])
    assert e.value.code == 2
    r = subprocess.run([sys.executable, "-m", "newsledger.cli", "eval", "crossnews", "--topics", "check",
                        "--failures"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "--failures" in r.stderr


def test_a_missed_figure_pair_is_put_down_to_its_cause():
    """Text the extractor lost, a figure not found, articles in two stories, a figure in no
    group, two groups: each missed gold pair gets the first cause that applies."""
    from newsledger.evaluate.crossnews import _pair_cause

    text = "The quake killed 7 people.\n\nSeven died, officials said."
    texts = {"a": (text, text, ()), "b": (text, text, ()), "c": (text, "Seven died, officials said.", ())}
    id_of = {"a": "A", "b": "B", "c": "C"}
    fa = {"id": "fa", "doc": "a", "span": [17, 18]}
    fb = {"id": "fb", "doc": "b", "span": [28, 33]}
    fc = {"id": "fc", "doc": "c", "span": [17, 18]}
    spans = {"a": [("text", 17, 18)], "b": [("text", 28, 33)], "c": []}

    def cause(x, y, fig_of, group_at, story):
        return _pair_cause("1", x, y, fig_of, group_at, story, id_of, spans, texts)

    both = {("1", "fa"): ("A", "text", 17), ("1", "fb"): ("B", "text", 28)}
    one_story = {"A": "s1", "B": "s1", "C": "s1"}
    assert cause(fa, fc, both, {}, one_story) == "text lost"
    assert cause(fa, fb, both, {}, {"A": "s1", "B": "s2"}) == "stories apart"
    assert cause(fa, fb, {("1", "fa"): ("A", "text", 17)}, {}, one_story) == "ungrouped"
    apart = {("A", "text", 17): ("g1", "killed people"), ("B", "text", 28): ("g2", "killed people")}
    assert cause(fa, fb, both, apart, one_story) == "groups apart, same measure"
    same = {("A", "text", 17): ("g1", "x"), ("B", "text", 28): ("g1", "x")}
    assert cause(fa, fb, both, same, one_story) is None
    no_fig = dict(spans, b=[])
    assert _pair_cause("1", fa, fb, {}, {}, one_story, id_of, no_fig, texts) == "no figure"
    # a headline the extractor kept as the title (not in the stored text): its figure is looked
    # for among the title's figures, never the text's at the same offsets
    page = "Quake kills 7\n\n" + text
    fh = {"id": "fh", "doc": "h", "span": [12, 13]}
    head = {"h": (page, text, (("title", "Quake kills 7"), ("standfirst", None)))}
    one_story["H"] = "s1"
    assert _pair_cause("1", fh, fa, {}, {}, one_story, {"h": "H", **id_of},
                       {"h": [("text", 12, 13)], **spans}, dict(texts, **head)) == "no figure (headline)"
    assert _pair_cause("1", fh, fa, {}, {}, one_story, {"h": "H", **id_of},
                       {"h": [("title", 12, 13)], **spans}, dict(texts, **head)) == "ungrouped"


def test_a_gold_figure_in_the_standfirst_is_found_there():
    """A deck the extractor kept as the standfirst (out of the text): a gold span inside it is
    located in the standfirst, at its offsets there; one in the title stays the title's."""
    from newsledger.evaluate.crossnews import locate

    body = "Rescuers searched the rubble through the night."
    deck = "A quake killed 7 people in the hill towns"
    page = f"Quake kills 7\n\n{deck}\n\n{body}"
    header = (("title", "Quake kills 7"), ("standfirst", deck))
    at = page.index("7 people")
    assert locate(page, body, header, at, at + 1) == ("standfirst", deck.index("7"), deck.index("7") + 1)
    assert locate(page, body, header, 12, 13) == ("title", 12, 13)
    assert locate(page, body, (("title", "Quake kills 7"), ("standfirst", None)), at, at + 1) is None


def _stated(article, before, text, value, after, start=0, unit=None):
    """A figure an article states itself (made up), as the linker hands it to ``group_story``."""
    return {"article_id": article, "claim_idx": None, "text": text, "start": start, "value": value,
            "low": None, "high": None, "bound": "exact", "unit": unit, "before": before, "after": after,
            "source": "t", "site": f"{article}.example", "agency": None, "published": None}


def test_a_persons_age_groups_within_a_year_and_two_people_of_one_name_stay_apart():
    from newsledger.link.claims import group_story

    figs = [_stated("a", "The owner, Arne Brandt, ", "66", 66, ", was shot at the club."),
            _stated("a", "His son Ole Brandt, ", "36", 36, ", was unhurt.", start=90),
            _stated("b", "Arne Brandt, ", "67", 67, ", died in hospital on Sunday."),
            _stated("c", "Witnesses said Ole Brandt, ", "36", 36, ", ran for help.")]
    ages = [sorted(m["value"] for m in g["members"]) for g in group_story("s", [], figs) if g["unit"].startswith("age")]
    assert sorted(ages) == [[36, 36], [66, 67]]


def test_one_number_with_and_without_a_one_sided_bound_agrees():
    """"eight years" and "at least eight years" name one number: agree. "at least 20" and "up to
    20" meet only at 20, and "eight" against "at least nine" is still a spread."""
    from newsledger.link.claims import compare

    exact = _fig("a1", "Henry", "eight", 8, "exact", "2008-12-10")
    least = _fig("a2", "Boston Herald", "at least eight", 8, "at-least", "2008-12-10")
    rel, why = compare(exact, least)
    assert rel == "agree" and "same figure" in why
    assert compare(_fig("a1", "AP", "at least 20", 20, "at-least", None),
                   _fig("a2", "Police", "up to 20", 20, "at-most", None))[0] == "spread"
    assert compare(exact, _fig("a2", "Boston Herald", "at least nine", 9, "at-least", None))[0] != "agree"


def test_two_figures_of_one_sentence_never_end_in_one_group():
    """"12 Somali and 11 Yemeni pirates": two quantities, whatever chain of shared words would
    join them through another article's figures."""
    from newsledger.link.claims import group_story

    def both(article, lead, tail):  # the sentence's two figures, offsets from its start
        one, two = lead, f"{lead}12 Somali and "
        return [_stated(article, one, "12", 12, f" Somali and 11 Yemeni pirates{tail}", len(one), "Somali pirates"),
                _stated(article, two, "11", 11, f" Yemeni pirates{tail}", len(two), "Yemeni pirates")]

    figs = both("a", "The navy captured ", " in the Gulf of Aden.") + \
        both("b", "Indian commandos captured ", " in the Gulf.")
    groups = [sorted(m["value"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert groups and all(len(set(vs)) == 1 for vs in groups), groups


def test_counts_of_persons_worded_differently_compare():
    """"23 suspects" and "23 pirates" (or "2.5 million voters" and "2.5 million people") are
    counts of people; "23 boats" are not."""
    from newsledger.link.measures import group_key

    key = lambda before, text, after, unit: group_key(measure(before, text, after, unit))
    suspects = key("The navy is holding ", "23", " suspects on the warship.", "suspects")
    assert suspects == key("The navy is holding ", "23", " pirates on the warship.", "pirates") == ("count:people",)
    assert key("Almost all of the ", "2.5 million", " voters cast ballots.", "voters") == \
        key("Almost all of the ", "2.5 million", " people eligible cast ballots.", "people")
    assert key("The navy is holding ", "23", " boats in the port.", "boats") != suspects


def test_a_sources_own_name_does_not_keep_its_figure_from_another_sources_of_one_toll():
    """"The transport ministry said the death toll had climbed to 9, up from 6 on Friday" and a
    later "The confirmed death toll is 12": one toll, given by two sources. The words naming the
    ministry say who gives the figure, not what is measured, so they do not dilute the overlap.
    The sentence's earlier 6 is the same toll's earlier count ("up from"), so it joins too (two
    figures of one sentence stay apart unless the sentence says one updates the other)."""
    from newsledger.link.claims import group_story

    def claim(article, name, before, text, value, after, start):
        sentence = before + text + after
        row = {"article_id": article, "idx": 0, "source": "t", "site": f"{article}.example", "published": None,
               "data": {"source": {"name": name}, "stance": "asserts", "kind": "indirect",
                        "content": {"text": sentence}, "quantities": []}}
        fig = dict(_stated(article, before, text, value, after, start), claim_idx=0)
        return row, fig

    lead = "The transport ministry said the death toll had climbed to "
    a9 = claim("a", "transport ministry", lead, "9", 9, ", up from 6 on Friday.", len(lead))
    a6 = claim("a", "transport ministry", lead + "9, up from ", "6", 6, " on Friday.", len(lead) + 11)
    b12 = claim("b", "regional governor", "The regional governor said the confirmed death toll was ", "12", 12,
                ".", 56)
    rows = [a9[0], b12[0]]
    figs = [a9[1], a6[1], b12[1]]
    groups = [g for g in group_story("s", rows, figs) if g["unit"].startswith("killed")]
    assert [sorted(m["value"] for m in g["members"]) for g in groups] == [[6, 9, 12]], groups
    assert groups[0]["verdict"] == "conflict"
    # a source named inside the words does count when both share it: the overlap is not raised
    # by dropping words the other figure holds too
    from newsledger.link.claims import context_overlap
    toll = {"death", "toll", "ministry"}
    assert context_overlap(toll, {"death", "toll", "ministry"}, {"ministry"}, {"governor"}) == 1.0
    assert context_overlap(toll | {"climbed"}, {"death", "toll", "confirmed"}, {"ministry"}, set()) == 0.5


def test_ecbplus_rendering_keeps_split_numbers_whole():
    from newsledger.evaluate.ecbplus import detokenize

    assert detokenize("the 6 , 000 - member Academy".split()) == "the 6,000-member Academy"
    assert detokenize("watched by 39 . 9 million , nab $2 . 5 million , 2 , 000ft".split()) == \
        "watched by 39.9 million, nab $2.5 million, 2,000ft"
    assert detokenize("May 2 , 2013 , 1 : 12 PM ; 58 - 3".split()) == "May 2, 2013, 1:12 PM; 58-3"
    assert detokenize("in 1994 , 1996 and 2002 , 12 , 000 came".split()) == "in 1994, 1996 and 2002, 12,000 came"
    assert detokenize("an eight - year deal for the 16 - year - old co - worker".split()) == \
        "an eight-year deal for the 16-year-old co-worker"
    assert detokenize("War - Zone Athens".split()) == "War - Zone Athens"  # a dash between names stays


def test_crossnews_gold_spans_hold_whole_numbers():
    from newsledger.evaluate import crossnews, ecbplus

    try:
        paths = dict(ecbplus.documents())
    except OSError:
        paths = {}
    if not paths:
        pytest.skip("ECB+ (../shared/data/ecbplus) not present")
    import re

    gold = crossnews.load_gold([crossnews.GOLD_DIR], ecbplus.DEV_TOPICS)
    texts, split = {}, []
    for g in gold.values():
        for f in g["figures"]:
            if f["doc"] not in texts:
                texts[f["doc"]] = ecbplus.render(paths[f["doc"]])[0]
            s, e = f["span"]
            if re.search(r"\d[,.:] \d|\w - [a-z0-9]", texts[f["doc"]][s:e]):
                split.append(texts[f["doc"]][s:e])
    assert len(texts) > 100 and not split


def test_equal_figures_named_by_two_places_stay_apart():
    """"In Patras, around 20,000 protesters marched" and "In Thessaloniki, another 20,000 people
    marched": two marches of one size, not one figure told twice; the same march told by two
    articles ("In Patras, some 20,000 ...") groups."""
    from newsledger.link.claims import group_story

    tail = " protesters marched through the city centre on Wednesday."
    figs = [_stated("a", "In Patras, around ", "20,000", 20000, tail, unit="protesters"),
            _stated("b", "Violence broke out in Thessaloniki, where another ", "20,000", 20000,
                    " people marched past the shops.", unit="people"),
            _stated("c", "In Patras, some ", "20,000", 20000, " protesters joined farmers on tractors.",
                    unit="protesters")]
    groups = [sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert groups == [["a", "c"]], groups


def test_an_age_after_a_full_name_closing_the_sentence_is_no_toll():
    """"..., killing Benjamin David Banky, 40." gives the victim's age, not a second toll (one
    killed and 40 killed would be a false conflict); a place before the number says no age."""
    killed = "The gunman opened fire at an office party on Friday, killing Benjamin David Banky, "
    assert measure(killed, "40", ".", None).name == "age"
    assert measure(killed, "40", ".", None).about == "banky"
    assert measure("The quake struck Bam, ", "40", ".", None).name != "age"
    assert measure("The death toll in Athens rose to ", "40", ".", None).name == "killed"


def test_a_state_word_read_into_the_unit_says_what_is_counted():
    """"Three die in ferry fire", "about 40 hurt", "four people dead, many shops burning": the
    reader took the state into the unit; the figures are tolls, comparable with "killed 3 people".
    "two deaths" and "four murders" name the state too, "46 arrests" counts persons arrested, as "46
    were arrested" does; "eight ships" stays a count of ships."""
    key = lambda before, text, after, unit: group_key(measure(before, text, after, unit))
    from newsledger.link.measures import group_key

    killed = key("The fire killed ", "3", " people on Sunday.", "people")
    assert killed == ("killed", "people")
    assert key("", "Three", " die in ferry fire", "die") == killed
    assert key("Riot: ", "four", " people dead, many shops burning", "people dead many shops") == killed
    assert key("Two were killed and ", "about 40", " hurt.", "hurt") == ("injured", "people")
    assert key("By nightfall ", "46", " arrests had been made.", "arrests") == ("count:people",) \
        == key("By nightfall ", "46", " were arrested.", None)
    assert key("The gunman did not regret the ", "four", " murders.", "murders") == killed
    assert key("The ferry ran aground; ", "eight", " ships stood by.", "ships") == ("count:ship",)


def test_the_verb_a_figure_is_the_object_of_names_its_state():
    """"killed 52 people and injured more than 300": 52 killed (a cue after it does not win);
    "killing 52 people and wounding about 300": 300 injured, never a second toll of the killed."""
    assert measure("The blast killed ", "52", " people and injured more than 300 others.", "people").name == "killed"
    assert measure("The blast killed 52 people and injured ", "more than 300", " people.", "people").name == "injured"
    assert measure("The blast hit the market, killing 52 people and wounding ", "about 300", ".", None).name == "injured"


def test_counts_of_persons_named_by_other_nouns_compare():
    """"nearly 300 crewmen" and "about 300 crew members", "23 raiders" and "23 pirates", "four
    thieves" and "four robbers": counts of people."""
    from newsledger.link.measures import group_key

    key = lambda text, unit: group_key(measure("The navy said ", text, f" {unit} were seen.", unit))
    assert key("nearly 300", "crewmen") == key("about 300", "crew members") == ("count:people",)
    assert key("23", "raiders") == key("23", "pirates") == key("four", "thieves") == ("count:people",)
    assert key("two", "rifles") == key("two", "guns") != key("two", "boats")
    from newsledger.link.measures import singular

    assert [singular(w) for w in ("gunmen", "specimen", "regimen")] == ["gunman", "specimen", "regimen"]


def test_she_was_85_is_an_age_and_an_unnamed_age_joins_the_one_person_of_that_age():
    """"She was 85." closing a sentence is an age; "the 40-year-old actor" joins the story's
    40-year-old when one named person has that age, and stays out when two have it."""
    from newsledger.link.claims import group_story

    assert measure("Ms Brandt died at home. She was ", "85", ".", None).name == "age"
    assert measure("The storm flooded the valley. It was ", "85", ".", None).name != "age"
    named = _stated("a", "The actor, Hugo Lind, ", "40", 40, ", flew in on Monday.")
    unnamed = _stated("b", "The ", "40-year-old", 40, " plays a cattle driver.", unit="year-old")
    groups = [sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], [named, unnamed])]
    assert groups == [["a", "b"]], groups
    other = _stated("c", "His co-star, Pia Holm, ", "40", 40, ", is new to film.")
    assert group_story("s", [], [named, unnamed, other]) == []


def test_an_unnamed_age_joins_named_ages_already_grouped_as_one():
    """"She was 85." joins the story's age 85 when its named ages are one group, though read
    as two names ("Vera Lind ... at the age of 85" and "died in Bergen, aged 85", credited to
    Bergen); two named people of that age in two groups keep it out (test above)."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "The singer Vera Lind died in Bergen, aged ", "85", 85, ", her family said."),
            _stated("b", "Singer Vera Lind has died at the age of ", "85", 85, ", her family said."),
            _stated("c", "She was ", "85", 85, ".")]
    assert {measure(f["before"], f["text"], f["after"], None).about for f in figs} == {"bergen", "lind", None}
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b", "c"]


def test_persons_a_killing_verb_takes_are_the_toll():
    """"killing two co-workers" (the reader's unit "co-workers", a coworker) and "wounded three
    guards" count the dead and the wounded, as "killing two people" does, and group with
    another outlet's "Two people were killed"; a cue further off ("a father of two boys who
    died") makes no toll of the boys."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import group_key

    assert group_key(measure("The clerk is accused of killing ", "two", " co-workers at the mill.", "co-workers")) == \
        ("killed", "people")
    assert group_key(measure("The gunman wounded ", "three", " guards before he fled.", "guards")) == \
        ("injured", "people")
    assert group_key(measure("He was a father of ", "two", " boys who died young.", "boys"))[0] != "killed"
    assert group_key(measure("The ", "two", " co-op members met.", "co-op members"))[0] != "killed"
    # a coworker is a person, not a job, even beside a job word
    assert group_key(measure("The union says ", "two", " co-workers went on strike with her.", "co-workers")) == \
        ("striking", "people")  # persons on strike, as "two workers on strike" (h-cross36)
    figs = [_stated("a", "The clerk is accused of killing ", "two", 2, " co-workers at the mill on Friday.",
                    unit="co-workers"),
            _stated("b", "Police said ", "two", 2, " people were killed at the mill on Friday.", unit="people")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]


def _one_group(figs):
    """The article ids of the one claim group made of ``figs``."""
    from newsledger.link.claims import group_story

    (g,) = group_story("s", [], figs)
    return sorted(m["article_id"] for m in g["members"])


def test_persons_of_any_noun_a_killing_or_wounding_cue_tells_of_are_the_toll():
    """"Two climbers killed", "two managing partners wounded", "wounding two former bosses" and
    "the deaths of two co-workers" count the dead and the wounded ("bosses" a boss), as "two
    people were killed" does, and group with another outlet's count of people; a count a
    preposition takes with no such cue just before it is no toll ("father to two boys died":
    the father did)."""
    from newsledger.link.measures import group_key

    assert group_key(measure("", "Two", " climbers killed in Norden Peak falls", "climbers")) == ("killed", "people")
    assert group_key(measure("The blast left a clerk dead and ", "two", " managing partners wounded.",
                             "managing partners")) == ("injured", "people")
    assert group_key(measure("A clerk accused of wounding ", "two", " former bosses in an attack", "former bosses")) == \
        ("injured", "people")
    assert group_key(measure("She is charged over the shooting deaths of ", "two", " female co-workers.",
                             "female co-workers")) == ("killed", "people")
    assert group_key(measure("The teacher and father to ", "two", " boys died at once.", "boys"))[0] != "killed"
    figs = [_stated("a", "", "Two", 2, " climbers killed in Norden Peak falls on Sunday", unit="climbers"),
            _stated("b", "Police said ", "two", 2, " people were killed in falls on Norden Peak on Sunday.",
                    unit="people")]
    assert _one_group(figs) == ["a", "b"]


def test_others_a_wounding_verb_takes_are_the_toll():
    """"killed one person and injured two others" counts two wounded, and joins another
    outlet's "two people were hurt"; "two others" the verb does not take stays a count of others."""
    from newsledger.link.measures import group_key

    before, after = "The gunman killed one person and injured ", " others at the Varno depot on Monday."
    assert group_key(measure(before, "two", after, "others")) == ("injured", "people")
    assert group_key(measure("The gunman killed one and ", "two", " others were hurt.", "others"))[0] != "injured"
    figs = [_stated("a", before, "two", 2, after, unit="others"),
            _stated("b", "Police said ", "two", 2, " people were hurt at the Varno depot on Monday.", unit="people")]
    assert _one_group(figs) == ["a", "b"]


def test_the_loss_of_persons_is_a_toll():
    """"mourn the loss of two children" counts the dead, though an arrest cue follows ("the
    attackers will be captured"), and groups with another outlet's "Two children died"."""
    from newsledger.link.measures import group_key

    before, after = "The mayor said all who mourn the loss of ", " children know the attackers will be captured."
    assert group_key(measure(before, "two", after, "children")) == ("killed", "people")
    figs = [_stated("a", before, "two", 2, after, unit="children"),
            _stated("b", "", "Two", 2, " children died in the Varno school fire, the mayor said.", unit="children")]
    assert _one_group(figs) == ["a", "b"]


def test_shot_so_many_times_counts_the_bullets_that_hit():
    """"he had been shot five times" counts the bullets that hit him, as "hit by five bullets"
    does, and groups with it; "fired two times in the air" stays a count of nothing."""
    from newsledger.link.measures import group_key

    assert group_key(measure("The autopsy showed Lund had been shot ", "five", " times, police said.", "times")) == \
        ("count:bullet",)
    assert group_key(measure("The guard fired ", "two", " times in the air.", "times")) != ("count:bullet",)
    figs = [_stated("a", "The autopsy showed Lund had been shot ", "five", 5, " times by the guards.", unit="times"),
            _stated("b", "The autopsy showed Lund was hit by ", "five", 5, " bullets fired by the guards.",
                    unit="bullets")]
    assert _one_group(figs) == ["a", "b"]


def test_persons_an_arrest_cue_tells_of_are_a_count_of_persons():
    """"The arrest of the 23 raiders (12 Norlish and 11 Vestish)": the 12 are counted as
    persons, as "seized 12 Norlish raiders" is (a count of persons of a noun keeps no arrest
    cue in its key), so the two join."""
    from newsledger.link.measures import group_key

    before, after = "The arrest of the 23 raiders (", " Norlish and 11 Vestish) was announced by the navy."
    assert group_key(measure(before, "12", after, None)) == group_key(
        measure("Marines seized ", "12", " Norlish and 11 Vestish raiders.", "raiders")) == ("count:people",)
    figs = [_stated("a", before, "12", 12, after),
            _stated("b", "Marines boarded the boat to seize ", "12", 12, " Norlish and 11 Vestish raiders.",
                    unit="raiders")]
    assert _one_group(figs) == ["a", "b"]


def test_a_people_named_by_its_land_is_a_count_of_persons():
    """"three Americans" and "12 Somalis" count persons, as "three people" does, and join
    another outlet's count of persons; a capitalised plural of no people ("two Oscars") does not."""
    from newsledger.link.measures import group_key

    assert group_key(measure("The crew included ", "three", " Americans.", "Americans")) == ("count:people",)
    assert group_key(measure("Police held ", "12", " Somalis.", "Somalis")) == ("count:people",)
    assert group_key(measure("She won ", "two", " Oscars.", "Oscars")) != ("count:people",)
    figs = [_stated("a", "The hostages included ", "three", 3, " Americans, officials in Varno said.", unit="Americans"),
            _stated("b", "Officials in Varno said ", "three", 3, " people were among the hostages.", unit="people")]
    assert _one_group(figs) == ["a", "b"]


def test_two_women_and_a_man_count_three():
    """"two women and a man were killed" counts three dead (the reader gives "two"), so it
    agrees with another outlet's "Three people died"; "two women and critically injuring a
    third" and "two men, ages 47 and 48" count two."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import persons_listed

    assert persons_listed("two", " women and one elderly man died.") == 3
    assert persons_listed("Three", " young men and a woman-were hurt") == 4
    assert persons_listed("two", " women and critically injuring a third") is None
    assert persons_listed("two", " men, ages 47 and 48, were shot") is None
    assert persons_listed("two", " women and a dog were rescued") is None
    figs = [_stated("a", "Firefighters said ", "two", 2, " women and a man were killed in the blaze at the mill.",
                    unit="women"),
            _stated("b", "", "Three", 3, " people died in the blaze at the mill, firefighters said.", unit="people")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]
    assert (g["verdict"], {m["value"] for m in g["members"]}) == ("agree", {3})


def test_a_bare_number_before_ko_counts_knockouts():
    """"improved to 41-2 (37 KO)" and "41 wins, 37 by knockout": the reader gives "37" no unit,
    yet it counts knockouts, as "37 knockouts" does, and groups with it."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import group_key

    assert group_key(measure("Varga improved to 41-2 (", "37", " KO).", None)) == ("count:knockout",)
    assert group_key(measure("It was his 41st win, ", "37", " by knockout.", None)) == ("count:knockout",)
    assert group_key(measure("The hall seats ", "37", " kids.", None)) != ("count:knockout",)
    figs = [_stated("a", "Varga improved to 41-2 (", "37", 37, " KO) with the win in Riga."),
            _stated("b", "Varga, now 41-2 with ", "37", 37, " knockouts, won in Riga.", unit="knockouts")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]


def test_a_number_with_m_glued_and_no_unit_is_metres():
    """"fell about 400m while descending": the reader gives 400 metres (not 400 million of
    nothing), so it groups with another outlet's "about 400 metres"; "40m voters" stays no length."""
    from newsledger.analyze.quantities import find_quantities
    from newsledger.link.claims import group_story
    from newsledger.link.measures import group_key

    def read(before, text, after):
        (q,) = find_quantities(before + text + after)
        assert q.text == text
        return q

    fell = read("The climber fell ", "about 400m", " while descending the ridge.")
    assert group_key(measure("The climber fell ", fell.text, " while descending the ridge.", fell.unit)) == ("metres",)
    voters = read("The party courts ", "40m", " voters.")
    assert group_key(measure("The party courts ", "40m", " voters.", voters.unit)) != ("metres",)
    figs = [dict(_stated("a", "The climber fell ", "about 400m", fell.value, " while descending the ridge.",
                         unit=fell.unit), bound="approx"),
            dict(_stated("b", "The climber fell ", "about 400 metres", 400, " while descending the ridge.",
                         unit="metres"), bound="approx")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"] and g["verdict"] == "agree"


def test_ages_in_a_list_are_ages():
    """"two sons, ages 6 and 16": both numbers are ages (no counted thing, so no figure before)."""
    assert measure("He is survived by two sons, ages ", "6", " and 16.", None).name == "age"
    assert measure("He is survived by two sons, ages 6 and ", "16", ".", None).name == "age"
    assert measure("The stages ", "4", " and 5 were cut.", None).name != "age"


def test_a_win_loss_record_is_one_figure_however_it_is_read():
    """"a record of 9-14" (read whole), "slumping at 9-14" (read as 9, then 14) and "the Hawks
    (9-14)" are one record, grouped and agreeing; "12-11" is another; a vote "5-4" and a number
    with no record word are none."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import win_loss

    assert win_loss("who are slumping at ", "9", "-14 a year after.") == "9-14"
    assert win_loss("who are slumping at 9-", "14", " a year after.") == ""
    assert win_loss("The court ruled ", "5-4", " on Monday.") is None
    figs = [_stated("a", "The Hawks have a record of ", "9-14", 9, " this season.", start=40),
            _stated("b", "The coach was fired with the Hawks slumping at ", "9", 9, "-14 after a loss.", start=60),
            _stated("b", "The coach was fired with the Hawks slumping at 9-", "14", 14, " after a loss.", start=62),
            _stated("c", "The Hawks (", "9-14", 9, ") are last in the division.", start=11),
            _stated("d", "The Owls opened ", "12-11", 12, " under their new coach.", start=16)]
    figs[0].update(low=9, high=14, bound="range")
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b", "c"] and g["verdict"] == "agree"


def test_where_a_team_or_fighter_stands_is_a_win_loss_record():
    """"fell to 21-4", "sitting at 7-12", "30-2 with 25 knockouts", "30-2 (25 KO)", "a 7-12 start"
    are records; a fall "to 21" with no loss count after it and a plain "30-2" with no cue are not."""
    from newsledger.link.measures import win_loss

    assert win_loss("The challenger fell to ", "21", "-4 after the loss.") == "21-4"
    assert win_loss("The Owls, currently sitting at ", "7", "-12 on the season, play tonight.") == "7-12"
    assert win_loss("The champion Varga, ", "30-2", " with 25 knockouts, won again.") == "30-2"
    assert win_loss("Varga moved to ", "30", "-2 (25 KO).") == "30-2"
    assert win_loss("Sales fell to ", "21", " stores last year.") is None
    assert measure("The coach was fired after the Owls' disappointing ", "7-12", " start to the season.",
                   "start").name == "record:7-12"
    assert win_loss("The bill passed ", "30-2", " in the committee.") is None


def test_a_guns_calibre_is_one_measure_however_it_is_written():
    """"a .44 Magnum", "a 44-caliber pistol" and "a 44 calibre pistol" give one calibre (keyed
    alike, not a count of pistols nor a bare number); "44 pistols" is a count."""
    from newsledger.link.measures import group_key

    key = lambda before, text, after, unit: group_key(measure(before, text, after, unit))
    magnum = key("He fired a .", "44", " Magnum at the door.", None)
    assert magnum == key("He fired a ", "44", "-caliber pistol at the door.", "caliber pistol") \
        == key("He fired a ", "44", " calibre pistol at the door.", "calibre pistol") == ("calibre", "calibre")
    assert key("Police seized ", "44", " pistols at the door.", "pistols") != magnum


def test_vessels_are_ships_and_skiffs_are_boats():
    """"40 vessels" and "40 ships" count one thing, so do "three skiffs" and "three boats"; a
    ship is not a boat (a mother ship and its skiffs are counted apart)."""
    from newsledger.link.measures import group_key

    key = lambda text, unit: group_key(measure("The coast guard said ", text, f" {unit} were seen.", unit))
    assert key("40", "vessels") == key("more than 40", "ships") == ("count:ship",)
    assert key("three", "skiffs") == key("three", "boats") == ("count:boat",)
    assert key("three", "boats") != key("three", "ships")


def test_died_at_the_age_of_85_is_an_age_not_a_toll():
    m = measure("The painter Ida Lorn has died at the age of ", "85", " after a long illness.", None)
    assert (m.name, m.about) == ("age", "lorn")
    assert measure("The storm has killed ", "85", " in the region.", None).name == "killed"


def test_crew_nationals_guards_and_companions_count_persons():
    """"14 crew" and "14 Chilean nationals" count people, as "14 sailors" does; so do "two
    guards" and "three companions"."""
    from newsledger.link.measures import group_key

    key = lambda text, unit: group_key(measure("The navy said ", text, f" {unit} were on board.", unit))
    assert key("14", "crew") == key("14", "Chilean nationals") == key("14", "sailors") == ("count:people",)
    assert key("two", "guards") == key("three", "companions") == ("count:people",)


def test_workers_present_are_persons_and_workers_cut_are_jobs():
    """"about 60 workers were inside" counts the people there, as "60 people" does; workers laid
    off, or employees with a job word near them, are jobs."""
    from newsledger.link.measures import group_key

    key = lambda before, text, after, unit: group_key(measure(before, text, after, unit))
    inside = key("Officials said about ", "60", " workers were inside the mill.", "workers")
    assert inside == key("", "About 60", " people were inside the mill.", "people") == ("count:people",)
    assert key("The mill laid off ", "60", " workers on Friday.", "workers") == ("count:job",)
    assert key("The mill, which is hiring, has ", "60", " employees.", "employees") == ("count:job",)


def test_a_bounded_magnitude_is_a_magnitude():
    """"a magnitude of at least 5.4" is a magnitude, not a toll read from "killing" after it."""
    m = measure("A quake with a magnitude of ", "at least 5.4", " hit the coast, killing two.", None)
    assert m.name == "magnitude"
    assert measure("The quake hit the coast, killing ", "at least 5", " people.", None).name == "killed"


def test_slayings_and_gunning_down_count_the_killed():
    """"the slayings of two clerks", "accused of gunning down two clerks" and "killing two clerks"
    are one toll."""
    from newsledger.link.measures import group_key

    key = lambda before, after: group_key(measure(before, "two", after, "clerks"))
    killed = key("The man was charged with killing ", " clerks at the store.")
    assert key("He was charged in the 1990 slayings of ", " clerks at the store.") == killed
    assert key("And so were the ", " clerks he is accused of gunning down.") == killed
    assert key("He hired ", " clerks at the store.") != killed


def test_an_age_before_a_common_noun_is_not_the_earlier_named_persons():
    """"Police charged Ivo Brandt with attacking the 52-year-old guard": the guard's age, not
    Brandt's; "the 52-year-old Brandt" and "Ivo Brandt, 52," are Brandt's."""
    guard = measure("Police charged Ivo Brandt with attacking the ", "52-year-old", " guard at the gate.", "year-old")
    assert (guard.name, guard.about) == ("age", None)
    assert measure("Police charged the ", "52-year-old", " Brandt on Friday.", "year-old").about == "brandt"
    assert measure("Police charged Ivo Brandt, ", "52", ", on Friday.", None).about == "brandt"


def test_rifles_named_by_their_model_are_weapons():
    """"five AK-47s", "five AK-47 assault rifles" and "five Kalashnikovs" count one thing."""
    from newsledger.link.measures import group_key

    key = lambda unit: group_key(measure("Police seized ", "five", f" {unit} in the raid.", unit))
    assert key("AK-47s") == key("AK-47 assault rifles") == key("Kalashnikovs") == key("rifles") == ("count:weapon",)


def test_a_death_penalty_vote_counts_no_dead():
    """"eight in favour of the death penalty" counts jurors, not people killed; "eight deaths" do."""
    m = measure("The jury split, with ", "eight", " jurors in favour of the death penalty.", "jurors")
    assert "killed" not in m.name
    assert measure("Officials confirmed ", "eight", " deaths in the fire.", "deaths").name == "killed"


def _range(article, name, text, low, high):
    return {"article_id": article, "name": name, "figure": text, "value": low, "bound": "range",
            "low": low, "high": high, "aspects": [], "published": None}


@pytest.mark.parametrize("a, b, verdict", [
    ((40, 80), (40, 70), "spread"),  # one low end, two figures: within each other's bounds
    ((40, 70), (40, 70), "agree"),
    ((140, 150), (140, 160), "spread"),
    ((10, 20), (30, 40), "conflict"),
])
def test_two_ranges_agree_only_when_both_ends_match(a, b, verdict):
    """"40 to 80 percent" and "40 to 70 percent" share a low end (the value a range is read
    with), not a figure."""
    from newsledger.link.claims import compare

    ra = _range("a1", "Governor", f"{a[0]} to {a[1]} percent", *a)
    rb = _range("a2", "Agency", f"{b[0]} to {b[1]} percent", *b)
    assert compare(ra, rb)[0] == verdict


@pytest.mark.parametrize("unit, after, factor", [
    ("foot building", "-square-foot building houses shops.", 0.3048 ** 2),
    ("metre building", "-square-metre building houses shops.", 1.0),
    ("square feet", " of office space.", 0.3048 ** 2),
    ("square kilometres", " of forest burned.", 1e6),
])
def test_areas_compare_in_square_metres(unit, after, factor):
    from newsledger.link.measures import group_key, measure

    ms = measure("The ", "170,000", after, unit)
    assert ms.dimension == "square metres" and group_key(ms) == ("square metres",)
    assert ms.factor == pytest.approx(factor)


def test_a_length_stays_a_length():
    from newsledger.link.measures import measure

    ms = measure("The climber fell ", "200", " feet down a gully.", "feet")
    assert ms.dimension == "metres" and ms.factor == pytest.approx(0.3048)


def test_an_area_told_in_two_units_agrees():
    """170,000 square feet is 15,794 square metres: "15,800 square metres" is the same area."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "The 3-storey, ", "170,000", 170000, "-square-foot building houses shops.", unit="foot building"),
            _stated("b", "The 3-storey, ", "15,800", 15800, "-square-metre building houses shops.", unit="metre building")]
    (g,) = group_story("s", [], figs)
    assert g["verdict"] == "agree", g["reason"]


@pytest.mark.parametrize("after, others", [
    (" other buildings besides the bank were set on fire.", True),
    (" buildings apart from the ministry burned.", True),
    (" people other than the gunman were hurt.", True),
    (" buildings, the bank and a ministry branch, burned.", False),
    (" other people were at the party.", False),  # "twelve other people": often the same count
    (" more people were led out of the hall.", True),  # "20 more people": beyond those counted
    (" or more people were inside.", False),
    (" more than the council expected.", False),
])
def test_a_count_of_the_rest_is_read(after, others):
    from newsledger.link.claims import counts_others

    assert counts_others(after) is others


def test_a_count_of_the_rest_does_not_join_an_equal_total():
    """"At least two buildings, the bank and a ministry branch" and "Two other buildings besides
    the bank": equal numbers, different counts (the second leaves the bank out)."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "Firefighters put out blazes in ", "at least two", 2,
                    " buildings, the bank and a branch of the ministry, in Athens.", unit="buildings"),
            _stated("b", "Firefighters said ", "two", 2, " other buildings besides the bank burned in Athens.",
                    unit="buildings"),
            _stated("c", "Firefighters put out blazes in ", "two", 2, " buildings in Athens, the bank among them.",
                    unit="buildings")]
    groups = [sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert groups == [["a", "c"]]


def test_a_count_of_more_does_not_join_an_equal_count():
    """"Around 20 more people were led out" counts people beyond those already counted, not the
    "20 people" inside; a third plain 20 still joins the first."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "Firemen said ", "20", 20, " people were inside the town hall when the fire began.",
                    unit="people"),
            _stated("b", "", "Around 20", 20, " more people had to be led out by firemen.", unit="people"),
            _stated("c", "Firemen said ", "20", 20, " people were in the town hall.", unit="people")]
    groups = [sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert groups == [["a", "c"]]


@pytest.mark.parametrize("before, stage", [
    ("The clerk was charged with ", "charge"),
    ("A jury found the clerk guilty of ", "verdict"),
    ("He was convicted last year and is now accused of ", "charge"),  # the nearest word
    ("The clerk admitted ", None),
])
def test_the_stage_of_a_case_is_read_before_a_figure(before, stage):
    from newsledger.link.claims import legal_stage

    assert legal_stage(before) == stage


def test_counts_charged_and_counts_of_a_verdict_stay_apart():
    """"Charged with two counts of fraud" and "found guilty of two counts of fraud": two facts of
    one case (what was charged, what the jury found), not one figure told twice."""
    from newsledger.link.claims import group_story

    charged = _stated("a", "The clerk was charged with ", "two", 2, " counts of fraud at the bank.", unit="counts")
    again = _stated("c", "The clerk, charged with ", "two", 2, " counts of fraud, pleaded not guilty.",
                    unit="counts")
    guilty = _stated("b", "A jury found the clerk guilty of ", "two", 2, " counts of fraud at the bank.",
                     unit="counts")
    assert group_story("s", [], [charged, guilty]) == []
    (g,) = group_story("s", [], [charged, again, guilty])
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "c"]


def test_a_figure_of_a_respectively_list_does_not_join_an_equal_figure_on_equality_alone():
    """"The club re-signed Ortiz and Lamb for $40 million and $9 million, respectively": whose
    $40 million it is comes from its place in the list, not the words near it, so it does not
    join another player's "$40 million" deal through a few shared words."""
    from newsledger.link.claims import group_story, in_respective_list

    assert in_respective_list(" and $9 million, respectively, last summer.")
    assert not in_respective_list(" deal. The club respectively declined.")  # another sentence
    listed = _stated("a", "The club re-signed Ortiz and Lamb for ", "$40 million", 40e6,
                     " and $9 million, respectively.", unit="USD")
    signed = _stated("b", "Last summer the club signed a forward to a five-year, ", "$40 million", 40e6,
                     " deal.", unit="USD")
    assert group_story("s", [], [listed, signed]) == []


def test_counts_of_a_charge_are_not_a_toll():
    """"One count of murder" and "three counts of murder": different charges of a case, not one
    death toll told two ways, so different values need shared words to join."""
    from newsledger.link.claims import group_story, is_specific

    figs = [_stated("a", "Prosecutors filed ", "one", 1, " count of murder over the shooting.", unit="count"),
            _stated("b", "A judge read out ", "three", 3, " counts of murder and a weapons charge.", unit="counts")]
    assert [g for g in group_story("s", [], figs) if len(g["members"]) > 1] == []
    assert is_specific(("count:people", "killed"))


@pytest.mark.parametrize("text, value, total", [
    ("one of six", 1 / 6, 6.0),
    ("178 of 369", 178 / 369, 369.0),
    ("two of the 12", 2 / 12, 12.0),
    ("23 of every 24", 23 / 24, None),  # a rate, not a set
    ("tens of thousands", 10000.0, None),
    ("six", 6.0, None),
])
def test_a_share_counts_its_whole(text, value, total):
    from newsledger.link.claims import share_total

    assert share_total({"text": text, "value": value}) == total


def test_one_of_six_children_agrees_with_six_children():
    from newsledger.link.claims import group_story

    figs = [_stated("a", "She was ", "one of six", 1 / 6, " children of a poor family in Ohio.", unit="children"),
            _stated("b", "She grew up with five siblings, ", "six", 6, " children of a poor family in Ohio.",
                    unit="children")]
    (g,) = group_story("s", [], figs)
    assert g["verdict"] == "agree", g["reason"]


def _specific_groups(figs, unit):
    from newsledger.link.claims import group_story

    return [sorted(m["value"] for m in g["members"]) for g in group_story("s", [], figs) if g["unit"].startswith(unit)]


def test_different_values_of_one_specific_measure_join_without_shared_words():
    """Two outlets word one evacuation differently (no word beyond the count's own in common):
    a specific measure (people evacuated) joins its values unless something says they differ."""
    figs = [_stated("a", "Police said ", "120", 120, " people were evacuated overnight."),
            _stated("b", "Firefighters reported that about ", "150", 150,
                    " residents had been evacuated from homes near the chemical plant.")]
    assert _specific_groups(figs, "evacuated") == [[120, 150]]


def test_things_waiting_or_cancelled_at_one_moment_are_a_specific_measure():
    """"30 vessels were waiting at anchor" and "more than 60 ships were waiting to berth" (two
    sources, few shared words) are one count told two ways, and disagree; so are two counts of
    flights cancelled; ships merely seen, or sold, need shared words as before."""
    from newsledger.link.claims import group_story

    waiting = [_stated("a", "The port authority said ", "30", 30, " vessels were waiting at anchor.", unit="vessels"),
               _stated("b", "The union said ", "more than 60", 60, " ships were waiting to berth.", unit="ships")]
    waiting[1].update(bound="at-least", low=60)
    (g,) = group_story("s", [], waiting)
    assert g["verdict"] == "conflict", g["reason"]
    flights = [_stated("a", "The airline said ", "about 180", 180, " flights had been cancelled by midday.", unit="flights"),
               _stated("b", "Travellers counted ", "250", 250, " flights cancelled across the country.", unit="flights")]
    assert _specific_groups(flights, "count:flight") == [[180, 250]]
    seen = [_stated("a", "The port authority said ", "30", 30, " vessels were seen at dawn.", unit="vessels"),
            _stated("b", "The union said ", "60", 60, " ships were sold to a rival.", unit="ships")]
    assert group_story("s", [], seen) == []


def test_values_of_one_specific_measure_stay_apart_on_evidence_of_two_events():
    """Another year near one figure, a count "since" against one of a day, values far apart, and
    one source's two counts in one article: different things, not one toll told twice."""
    year = [_stated("a", "Police said ", "40", 40, " people died in the explosion at the market."),
            _stated("b", "A similar blast in 2005 killed ", "60", 60, " people in the same town.")]
    assert _specific_groups(year, "killed") == []
    since = [_stated("a", "Police said ", "46", 46, " people were arrested on the second night."),
             _stated("b", "Since the shooting, over ", "50", 50, " people have been arrested.")]
    assert _specific_groups(since, "arrested") == []
    far = [_stated("a", "Rescuers had recovered ", "612", 612, " bodies by nightfall."),
           _stated("b", "The agency estimated that ", "26000", 26000, " people were killed in the province.")]
    assert _specific_groups(far, "killed") == []
    one_article = [_stated("a", "The morning tremor injured ", "five", 5, " people on the island."),
                   _stated("a", "A second quake left ", "three", 3, " people wounded in the port.", start=200),
                   _stated("b", "Officials said ", "four", 4, " people were injured.")]
    groups = _specific_groups(one_article, "injured")
    assert not any({3, 5} <= set(g) for g in groups), groups
    assert any(4 in g and len(g) == 2 for g in groups), groups  # the other article's 4 joins one of them


def test_a_vague_measure_still_needs_shared_words():
    """A count of things of no named kind ("stalls") joins different values only on shared words."""
    figs = [_stated("a", "Organisers said ", "40", 40, " stalls will open in the square."),
            _stated("b", "This year ", "55", 55, " stalls are booked, the council reported.")]
    assert [g for g in _specific_groups(figs, "count") if len(set(g)) > 1] == []


def _converted(article, sentence, first, v1, u1, second, v2, u2):
    """Two amounts of one made-up sentence, as the linker hands them: ``second`` right after
    ``first`` (its conversion, or not)."""
    s1, s2 = sentence.index(first), sentence.index(second)
    return [_stated(article, sentence[:s1], first, v1, sentence[s1 + len(first):], start=100 + s1, unit=u1),
            _stated(article, sentence[:s2], second, v2, sentence[s2 + len(second):], start=100 + s2, unit=u2)]


@pytest.mark.parametrize("sentence, second", [
    ("Thieves took jewels worth 3 million euros ($3.9 million) from the vault.", "$3.9 million"),
    ("Thieves took jewels worth 3 million euros, or about $3.9 million, from the vault.", "$3.9 million"),
    ("Thieves took jewels worth 3 million euros, the equivalent of $3.9 million, from the vault.", "$3.9 million"),
])
def test_an_amount_given_in_two_currencies_groups_with_either(sentence, second):
    """"3 million euros ($3.9 million)": one amount in two currencies, so it groups with another
    outlet's "3 million euros" and a third's "$3.9 million" (no exchange rate: only because the
    article converts it itself); the two currencies are never compared with each other."""
    from newsledger.link.claims import group_story

    figs = _converted("a", sentence, "3 million euros", 3e6, "euros", second, 3.9e6, "$") + [
        _stated("b", "Police said thieves took jewels worth ", "3 million euros", 3e6, " from a vault.", unit="euros"),
        _stated("c", "Thieves escaped with jewels worth ", "$3.9 million", 3.9e6, " from the vault.", unit="$")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "a", "b", "c"]
    assert g["verdict"] == "agree", g["reason"]
    assert g["range"] == [3e6, 3e6]  # the values of one currency


def test_two_amounts_in_two_currencies_are_no_conversion_unless_the_article_says_so():
    """"3 million euros and $3.9 million": two amounts (a list), not one in two currencies; so
    another outlet's "3 million euros" and a third's "$3.9 million" stay in two groups."""
    from newsledger.link.claims import group_story

    sentence = "Thieves took jewels worth 3 million euros and $3.9 million in cash from the vault."
    pair = _converted("a", sentence, "3 million euros", 3e6, "euros", "$3.9 million", 3.9e6, "$")
    figs = pair + [
        _stated("b", "Police said thieves took jewels worth ", "3 million euros", 3e6, " from a vault.", unit="euros"),
        _stated("c", "Thieves escaped with ", "$3.9 million", 3.9e6, " in cash from the vault.", unit="$")]
    groups = sorted(sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], figs))
    assert groups == [["a", "b"], ["a", "c"]]


def test_an_age_before_a_place_and_a_common_noun_is_no_name():
    """"the 27-year-old Ohio native" and "a 61-year-old Dayton woman": the age of the native or
    the woman, not of a person called Ohio or Dayton; so it joins the one named person of that
    age ("Ivo Brandt, 27,"), as an unnamed age does. "the 27-year-old Brandt" stays Brandt's."""
    from newsledger.link.claims import group_story

    assert measure("The club will not sign the ", "27-year-old", " Ohio native.", "year-old").about is None
    assert measure("Police found a ", "61-year-old", " Dayton woman at home.", "year-old").about is None
    assert measure("The club will not sign the ", "27-year-old", " Brandt this winter.", "year-old").about == "brandt"
    figs = [_stated("a", "Ivo Brandt, ", "27", 27, ", hit 30 home runs last season."),
            _stated("b", "Two clubs said they would not bid for the ", "27-year-old", 27, " Ohio native.",
                    unit="year-old")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]


def test_a_scale_word_before_a_currency_is_an_amount():
    """A headline's "3 mn-euro jewel heist" (the reader gives "3" with the unit "mn-euro jewel
    heist") is three million euros, and "R39 million" an amount in rand, not a count of heists or
    of "zar"; the headline's amount groups with another outlet's "3 million euros"."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import group_key

    heist = measure("Lyon hit by ", "3", " mn-euro jewel heist", "mn-euro jewel heist")
    assert (group_key(heist), heist.factor) == (("amount", "EUR"), 1e6)
    assert group_key(measure("a haul worth ", "R39 million", ", police said.", "ZAR")) == ("amount", "ZAR")
    figs = [dict(_stated("a", "Lyon hit by ", "3", 3, " mn-euro jewel heist", unit="mn-euro jewel heist"),
                 where="title"),
            _stated("b", "Thieves took jewels worth ", "3 million euros", 3e6, " from a shop in Lyon.", unit="euros")]
    (g,) = group_story("s", [], figs)
    assert g["verdict"] == "agree", g["reason"]


def test_a_distance_given_in_two_units_groups_with_either_and_its_rounding_is_no_conflict():
    """"12 km (7 miles)": one distance in two units; 7 miles is 11.3 km, the article's rounding,
    so another outlet's "12 km" and a third's "7 miles" join it and the group agrees."""
    from newsledger.link.claims import group_story

    sentence = "The quake struck 12 km (7 miles) east of Varno, officials said."
    figs = _converted("a", sentence, "12 km", 12, "km", "7 miles", 7, "miles") + [
        _stated("b", "The quake struck ", "12 km", 12, " east of Varno.", unit="km"),
        _stated("c", "The epicentre was ", "7 miles", 7, " east of Varno, officials said.", unit="miles")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "a", "b", "c"]
    assert g["verdict"] == "agree", g["reason"]


def test_a_record_in_words_is_the_record():
    """"a career record of 31 wins and two defeats" is the record 31-2, so it groups with
    another outlet's "improved to 31-2"; "31 wins this year" alone stays a count of wins."""
    from newsledger.link.claims import group_story
    from newsledger.link.measures import group_key

    assert measure("He improved to a career record of ", "31", " wins and two defeats.", "wins").name == "record:31-2"
    assert measure("She has ", "31", " victories against two losses.", "victories").name == "record:31-2"
    assert measure("He has ", "31", " wins this year.", "wins").name == "count:win"
    figs = [_stated("a", "Dario Velk improved to a career record of ", "31", 31, " wins and two defeats.",
                    unit="wins"),
            _stated("b", "Velk, the champion, improved to ", "31-2", 31, " with 20 knockouts.")]
    assert [group_key(measure(f["before"], f["text"], f["after"], f["unit"])) for f in figs] == [("record:31-2",)] * 2
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]


def test_a_cue_closing_the_clause_before_and_is_not_the_next_counts():
    """"The cashier died and two men ... were taken to surgery": the men did not die (the cue
    closes the cashier's clause and "and" opens the men's); "was shot dead and two clerks, ...,
    were wounded": the clerks are the wounded; "were killed and about 40 hurt" stays the hurt."""
    from newsledger.link.measures import state

    assert measure("The cashier died and ", "two", " men, said to be customers, were taken to surgery.",
                   "men").name == "count:people"
    assert state("The cashier was shot dead and ", " clerks, Ann Roe and Bo Lee, were wounded.") == "injured"
    assert state("Two were killed and ", " hurt.") == "injured"
    assert state("The blast killed ", " people and hurt more.") == "killed"
    figs = [_stated("a", "The cashier died and ", "two", 2, " men, said to be customers, were taken to surgery.",
                    unit="men"),
            _stated("b", "Police said ", "two", 2, " men who were shot at the store had surgery.", unit="men")]
    assert _one_group(figs) == ["a", "b"]


def test_persons_taken_into_custody_are_a_count_of_persons_arrested():
    """"took 14 into custody": fourteen persons arrested (no noun; the cue says who), so the
    count joins another outlet's "seized 14 raiders"; a stay "in custody" of years stays a duration."""
    from newsledger.link.measures import group_key

    before, after = "The coast guard stopped the raid and took ", " into custody on Sunday."
    assert measure(before, "14", after, None).name == "count:people:arrested"
    assert group_key(measure("Marines seized ", "14", " raiders.", "raiders")) == ("count:people",)
    figs = [_stated("a", before, "14", 14, after),
            _stated("b", "Marines boarded the boat to seize ", "14", 14, " raiders near the coast.", unit="raiders")]
    assert _one_group(figs) == ["a", "b"]
    assert measure("He spent ", "two", " years in custody.", "years").dimension == "seconds"


def test_a_bare_number_a_whole_is_of_counts_that_whole():
    """"has a population of more than 80,000": the number counts the population (the reader
    gives it no unit), so two outlets' equal populations join; "a majority of 160" counts a
    majority, not the population; a bare number after any other "of" stays bare."""
    from newsledger.link.measures import group_key

    assert group_key(measure("The island has a population of ", "more than 80,000", ".", None)) == ("count:population",)
    assert group_key(measure("The ruling party holds a majority of ", "160", " in parliament.", None)) \
        == ("count:majority",)
    assert measure("He is one of ", "160", ".", None).dimension is None
    figs = [_stated("a", "The island, a trade zone, has a population of ", "more than 80,000", 80000, "."),
            _stated("b", "Lorn is the largest island in the bay, with a population of ", "more than 80,000", 80000,
                    ", and a port.")]
    assert _one_group(figs) == ["a", "b"]


def test_equal_values_of_a_specific_measure_join_as_readily_as_different_ones():
    """Two outlets give one count of the wounded in words they share none of: a specific
    measure joins different values so (see the evacuation test above), and equal ones no less."""
    figs = [_stated("a", "A courier accused of wounding ", "two", 2, " guards in a van robbery was held.", unit="guards"),
            _stated("b", "Officers said the gunman injured ", "two", 2, " others Monday near the depot.", unit="others")]
    assert _specific_groups(figs, "injured") == [[2, 2]]


def test_executed_as_the_verb_taking_the_count_names_the_killed():
    """"found his rivals in the yard and executed two of them": two killed; "a neatly executed
    search, seizing 26 raiders" says nothing of the 26 (executed is no verb of theirs there)."""
    assert measure("The gunman found his rivals in the yard and executed ", "two", " guards before fleeing.",
                   "guards").name == "killed"
    assert measure("The navy said that in a neatly executed search, marines seized ", "26", " raiders.",
                   "raiders").name != "killed"


def test_a_lone_figure_joins_the_one_group_holding_its_value():
    """A third outlet gives the count two others group on in words it shares none of: it joins
    their group (one value of one measure told once more), unless something near it says it
    counts something else ("14 more pirates"); durations and amounts, which measure many
    things in one story, are left to their words."""
    group = [_stated("a", "The navy seized ", "14", 14, " raiders near the coast on Sunday.", unit="raiders"),
             _stated("b", "Marines seized ", "14", 14, " raiders off the coast, the navy said.", unit="raiders")]
    lone = _stated("c", "A spokesman confirmed that ", "14", 14, " pirates were held in the hold.", unit="pirates")
    assert _one_group(group + [lone]) == ["a", "b", "c"]
    other = _stated("c", "A spokesman confirmed that ", "14", 14, " more pirates were held in the hold.",
                    unit="pirates")
    assert _one_group(group + [other]) == ["a", "b"]
    years = [_stated("a", "He had led the unit for the past ", "five", 5, " years on patrol.", unit="years"),
             _stated("b", "He led the unit on patrol for ", "five", 5, " years, the chief said.", unit="years"),
             _stated("c", "The appeal could last ", "five", 5, " years in all.", unit="years")]
    assert _one_group(years) == ["a", "b"]


def test_a_land_and_its_people_are_one_name_near_a_figure():
    """"caught 12 Norlis and 11 Vestis" and "seized 12 Norli and 11 Vesti nationals" name one
    people each way (a plural, a land: "Norlia"), so the 11 join; two places stay two names."""
    from newsledger.link.figure_joins import _named_apart

    assert not _named_apart({"norlis"}, {"norli"}) and not _named_apart({"norlia"}, {"norlis"})
    assert not _named_apart({"vesten"}, {"vesteni"})
    assert _named_apart({"patras"}, {"thessaloniki"}) and _named_apart({"ann"}, {"anna"})
    figs = [_stated("a", "The navy said it caught 12 Norlis and ", "11", 11, " Vestis off the coast.", unit="Vestis"),
            _stated("b", "The navy said marines seized 12 Norli and ", "11", 11, " Vesti nationals off the coast.",
                    unit="Vesti nationals")]
    assert _one_group(figs) == ["a", "b"]


def test_the_number_a_death_is_at_is_an_age():
    """"Film Star Mara Holm Dies At 88": her age, which joins "Holm, 88, died on Sunday"; a
    clock time a death is at is no age ("died at 5 p.m.")."""
    assert measure("Film Star Mara Holm Dies At ", "88", "", None).name == "age"
    assert measure("The singer died at ", "88", " in her home.", None).name == "age"
    assert measure("The patient died at ", "5", " p.m. on Sunday.", None).name != "age"
    figs = [_stated("a", "Film Star Mara Holm Dies At ", "88", 88, ""),
            _stated("b", "Mara Holm, ", "88", 88, ", died on Sunday at her home.")]
    assert _one_group(figs) == ["a", "b"]


def test_a_cue_that_nobody_is_in_names_no_count_near_it():
    """"No one was hurt, though a handful of people, including two children, were inside":
    the two children are no count of the hurt (nobody is), so they join another outlet's "two
    children were inside"; "no injuries" and "no-one is believed to have been injured" neither;
    "two children were hurt" still is."""
    from newsledger.link.measures import group_key

    denied = measure("No one was hurt in the fire, though a handful of people, including ", "two",
                     " children, were inside the hall.", "children")
    assert group_key(denied) == ("count:people",)
    assert group_key(measure("No-one is believed to have been injured in the blaze, which saw more than ", "40",
                             " firefighters tackle it.", "firefighters")) == ("count:firefighter",)
    assert group_key(measure("There were no injuries, and ", "two", " pumps were sent.", "pumps")) == ("count:pump",)
    assert measure("Police said ", "two", " children were hurt in the fire.", "children").name == "injured"
    figs = [_stated("a", "No one was hurt in the fire, though a handful of people, including ", "two", 2,
                    " children, were inside the hall.", unit="children"),
            _stated("b", "Firefighters said ", "two", 2, " children were inside the hall when it caught.",
                    unit="children")]
    assert _one_group(figs) == ["a", "b"]


def test_a_count_a_cue_acts_by_or_at_is_not_in_its_state():
    """"the boy, who was shot dead by two officers": the officers did it, they were not killed;
    "killed after pointing a rifle at two guards": the guards neither; "killed by gunfire" keeps
    nothing from the killed it counts ("killed 12 people" is still the toll)."""
    from newsledger.link.measures import group_key

    assert group_key(measure("a vigil for the boy, who was shot dead by ", "two", " officers on Friday.",
                             "officers")) == ("count:officer",)
    assert group_key(measure("The boy was shot and killed after pointing a rifle at ", "two", " guards.",
                             "guards")) == ("count:people",)
    assert measure("The two clerks were wounded by ", "three", " gunmen.", "gunmen").name != "injured"
    assert measure("The gunman killed ", "12", " people at the depot.", "people").name == "killed"
    assert measure("The blast killed at least ", "12", " people.", "people").name == "killed"


def test_fatally_names_the_killed_but_not_those_who_fatally_shot():
    """"He shot one man fatally": one killed; "two officers fatally shot the suspect": the
    officers did the shooting (fatally then heads the verb), so they are no toll."""
    from newsledger.link.measures import group_key

    assert measure("He shot ", "one", " man fatally, police said.", "man").name == "killed"
    assert group_key(measure("", "Two", " officers fatally shot the suspect on Friday.", "officers")) == \
        ("count:officer",)


def test_a_death_a_weekday_before_its_number_is_still_an_age():
    """"The actress died Thursday at 91": her age, as "died at 91" is; "died Sunday at 5 p.m." a time."""
    assert measure("The actress died Thursday at ", "91", ".", None).name == "age"
    assert measure("The actress died on Sunday at ", "5", " p.m.", None).name != "age"


def test_the_people_a_place_is_home_to_are_its_population():
    """"the island, home to 90,000 people" and "which has about 150,000 residents" give its
    population, as "a population of more than 80,000" does; a place's population is one fact
    of its story, so different values of two outlets join without shared words, while two
    named places' populations stay apart; "50 residents were moved" is no population."""
    from newsledger.link.measures import group_key

    assert group_key(measure("The quake hit Lorn island, home to ", "90,000", " people, on Sunday.", "people")) \
        == ("count:population",)
    assert group_key(measure("The island, which has ", "about 150,000", " residents, lies off the coast.",
                             "residents")) == ("count:population",)
    assert group_key(measure("", "Fifty", " residents were moved from their homes.", "residents")) == ("count:people",)
    figs = [_stated("a", "The quake hit Lorn island, home to ", "90,000", 90000, " people, on Sunday.", unit="people"),
            _stated("b", "Officials said the island has a population of ", "more than 80,000", 80000,
                    " and one port.")]
    assert _specific_groups(figs, "count:population") == [[80000, 90000]]
    apart = [_stated("a", "The quake hit Lorn, home to ", "90,000", 90000, " people.", unit="people"),
             _stated("b", "It was felt in the port of Dessa, with a population of ", "80,000", 80000, ".")]
    assert _specific_groups(apart, "count:population") == []


def test_a_person_shot_so_many_times_counts_bullets_with_the_person_named_between():
    """"shot him seven times", "hitting Lund eleven times" count the bullets that hit, as "shot
    seven times" does; "tried Lund seven times" counts nothing."""
    from newsledger.link.measures import group_key

    assert group_key(measure("The guards fired, hitting Lund ", "eleven", " times in the legs.", "times")) == \
        ("count:bullet",)
    assert group_key(measure("An officer shot him ", "seven", " times.", "times")) == ("count:bullet",)
    assert group_key(measure("The court tried Lund ", "seven", " times.", "times")) != ("count:bullet",)


def test_three_people_shot_is_a_count_of_people():
    """"Three People Shot in Office": the reader takes "shot" into the unit; it is what happened
    to the people counted, not what is counted, so the count is of people."""
    from newsledger.link.measures import group_key

    assert group_key(measure("Breaking News - ", "Three", " People Shot in Office", "People Shot")) == \
        ("count:people",)


def test_a_month_an_event_happened_in_early_or_late_is_its_month():
    """"In early March, a gunman wounded three people at a print shop": an earlier event, as "in
    March" is, so its three wounded do not join this shooting's two."""
    from newsledger.link.figure_marks import context_marks

    assert context_marks("In early March, a gunman shot and wounded ", " people at a print shop.") == {"month:march"}
    assert context_marks("It happened in late May when ", " men were hurt.") == {"month:may"}
    figs = [_stated("a", "In early March, a gunman shot and wounded ", "three", 3, " people at a print shop.",
                    unit="people"),
            _stated("b", "The clerk shot and wounded ", "two", 2, " managers at the mill, police said.",
                    unit="managers")]
    assert _specific_groups(figs, "injured") == []


def test_a_number_after_magnitude_is_a_magnitude_whatever_follows():
    """"a magnitude-6.1 temblor", "measuring magnitude 5.9 shook": a magnitude, though the reader
    takes "temblor" or "shook" for what is counted."""
    assert measure("USGS said it was a magnitude-", "6.1", " temblor.", "temblor").name == "magnitude"
    assert measure("A quake measuring at least magnitude ", "5.9", " shook the island.", "shook").name == "magnitude"
    assert measure("The magnitude of the loss was ", "5", " ships.", "ships").name != "magnitude"


def test_a_number_between_a_and_one_gun_is_its_calibre():
    """"pulled out a .357 revolver" (or "a. 357 revolver" as a page may space it) and "a .357
    Magnum handgun" name a calibre, not 357 revolvers; "two revolvers" still counts guns."""
    assert measure("He pulled out a ", ".357", " revolver at the corner.", "revolver").name == "calibre"
    assert measure("He pulled out a. ", "357", " revolver at the corner.", "revolver").name == "calibre"
    assert measure("She was carrying a. ", "357", " Magnum handgun.", "handgun").name == "calibre"
    assert measure("Police found ", "two", " revolvers in the car.", "revolvers").name != "calibre"


def test_a_pronoun_with_its_clitic_names_no_person_of_an_age():
    """"“He's 16 years old,” she said": the age of whoever "He" is, not of someone called
    "He's", so it joins the story's one named age of 16 as "She was 85." does."""
    m = measure("“He's ", "16 years old", ",” she said.", "year-old")
    assert (m.name, m.about) == ("age", None)
    figs = [_stated("a", "Police shot Tom Lund, ", "16", 16, ", on Friday."),
            _stated("b", "The boy, Tom Lund, ", "16", 16, ", died in hospital."),
            _stated("c", "“He's ", "16 years old", 16, ",” his aunt said.", unit="year-old")]
    assert _one_group(figs) == ["a", "b", "c"]


def test_one_quakes_magnitude_as_two_agencies_read_it_is_one_fact():
    """"a magnitude-5.9 quake" (one agency) and "USGS put it at 6.1" (another) are one quake's
    magnitude told two ways, so they join without shared words; a magnitude 0.4 or more apart
    (another quake) stays apart, as does one of an earlier year."""
    figs = [_stated("a", "The island was rocked by a magnitude-", "5.9", 5.9, " earthquake on Sunday.",
                    unit="earthquake"),
            _stated("b", "The U.S. Geological Survey put the magnitude at ", "6.1", 6.1, ".")]
    assert _specific_groups(figs, "magnitude") == [[5.9, 6.1]]
    other = [figs[0], _stated("b", "The U.S. Geological Survey put the magnitude at ", "6.4", 6.4, ".")]
    assert _specific_groups(other, "magnitude") == []
    earlier = [figs[0], _stated("b", "The 2005 quake there had a magnitude of ", "6.0", 6.0, ".")]
    assert _specific_groups(earlier, "magnitude") == []


def test_a_bare_win_loss_pair_is_the_record_the_story_gives():
    """"The Lynx have a record of 9-14" and another outlet's "the Lynx, just 9-14 despite a
    strong start": the bare "9-14" is that record (one team's standing told again), so the two
    join; a bare "40-42" no article gives as a record stays unread."""
    figs = [_stated("a", "The Lynx have a record of ", "9-14", 9, " and had hoped for the playoffs."),
            _stated("b", "The Lynx have disappointed, just ", "9-14", 9, " despite a strong start."),
            _stated("b", "Last year they wound up at ", "40-42", 40, ", sixth in the league.", start=80)]
    (g,) = [g for g in _groups_of(figs) if g["unit"].startswith("record")]
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]
    assert not [g for g in _groups_of(figs) if any(m["figure"] == "40-42" for m in g["members"])]


def test_a_win_loss_pair_split_by_the_reader_is_the_record_the_story_gives():
    """The reader may give "at 12-17 when" as "12" then "17": the bare "12" with "-17" glued after
    it is the record "a 12-17 start" of another outlet, so the two join; "a 51-38 mark" is a
    record too (its noun says so), joining "51-38"; a split "20-30" no article gives stays unread."""
    figs = [_stated("a", "The Otters made a dismal ", "12-17", 12, " start to the season.", unit="start"),
            _stated("b", "The Otters, stuck at ", "12", 12, "-17 when the coach left, lost again."),
            _stated("a", "He leaves with a ", "51-38", 51, " mark in two seasons.", start=60, unit="mark"),
            _stated("b", "In Tulsa he was ", "51", 51, "-38 over two seasons.", start=90),
            _stated("b", "They ended at ", "20", 20, "-30 last year.", start=140)]
    recs = {g["unit"]: sorted(m["article_id"] for m in g["members"])
            for g in _groups_of(figs) if g["unit"].startswith("record")}
    assert recs == {"record:12-17": ["a", "b"], "record:51-38": ["a", "b"]}


def test_a_double_murder_is_the_toll_of_two_killed():
    """"an arrest in the 30-year-old double murder case" is two killed (the arrest cue near it
    says nothing of the count), so it joins another outlet's "two people were killed"."""
    from newsledger.link.measures import measure

    assert measure("police made an arrest in the 30-year-old ", "double murder", " case.", "murder").name == "killed"
    figs = [_stated("a", "Police made an arrest in the ", "double murder", 2, " of the Lake Road farmers.",
                    unit="murder"),
            _stated("b", "The Lake Road farmers, ", "two", 2, " people killed in their barn, were brothers.",
                    unit="people")]
    (g,) = [g for g in _groups_of(figs) if g["unit"].startswith("killed")]
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b"]


def test_a_bare_count_that_gathers_or_a_crowd_put_at_a_number_counts_persons():
    """"Hundreds gathered outside the court" counts persons (only persons gather), so it is a
    figure, as "hundreds of people" is; "police estimated the crowd at 300" counts the crowd, as
    "a crowd of 300" does; a bare count that does neither ("300 on Friday") says nothing counted."""
    from newsledger.link.measures import measure

    assert measure("", "Hundreds", " gathered outside the court on Friday.", None).name == "count:people"
    assert measure("Fans say ", "5,000", " had marched to the stadium.", None).name == "count:people"
    assert measure("Police estimated the crowd at ", "300", ", organisers at 900.", None).name == "count:crowd"
    assert measure("The crowd grew to ", "300", " on Friday.", None).dimension is None


def _groups_of(figs):
    from newsledger.link.claims import group_story

    return group_story("s", [], figs)


def test_british_and_american_spellings_read_as_one_word():
    """"jewellery" / "jewelry", "labour" / "labor", "centres" / "centers": one word for the
    figure overlap; words of neither kind ("hour", "four", "genre", "acre") unchanged."""
    from newsledger.link.figure_marks import context_keywords, us_spelling

    assert [us_spelling(w) for w in ("jewellery", "labour", "behaviour", "centres", "metre", "defence")] == \
        ["jewelry", "labor", "behavior", "centers", "meter", "defense"]
    assert [us_spelling(w) for w in ("hour", "four", "flour", "detour", "genre", "acre")] == \
        ["hour", "four", "flour", "detour", "genre", "acre"]
    assert context_keywords("the jewellery of the Labour centre") == context_keywords("the jewelry of the Labor center")


def test_a_lone_amount_in_the_other_spelling_joins_its_group():
    """One haul told as $4.1 million by two outlets and as $4 million by a third that writes
    "jewellery": the third shares its words with the group only once spelt alike, and joins it."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "Raiders grab ", "$4 million", 4e6, " of jewellery and watches.", unit="$"),
            _stated("b", "Thieves took jewelry and watches worth ", "$4.1 million", 4.1e6, ".", unit="$"),
            _stated("c", "Jewelry and watches worth ", "$4.1 million", 4.1e6, " were taken by thieves.", unit="$")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b", "c"]


def test_a_places_population_joins_whichever_quake_its_sentence_names():
    """"The 5.7-magnitude quake struck Varnoy island, home to 80,000 people" and "The island has
    about 95,000 residents": one place's population, though the first sentence names a quake;
    two tolls of quakes of two magnitudes still stay apart."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "The 5.7-magnitude quake struck Varnoy island, home to ", "80,000 people", 80000,
                    ", officials said.", unit="people"),
            _stated("b", "The island has ", "about 95,000 residents", 95000, " and a small port.", unit="residents")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["value"] for m in g["members"]) == [80000, 95000]
    tolls = [_stated("a", "The 5.7-magnitude quake on Sunday left ", "12 people", 12, " dead in the hills.", unit="people"),
             _stated("b", "A magnitude-4.9 aftershock killed ", "15 people", 15, " near the port.", unit="people")]
    assert group_story("s", [], tolls) == []


def test_a_votes_split_is_one_figure_however_it_is_read():
    """"the panel deadlocked at 7-5", "their 7-5 deadlock" (read whole, or split as "7" and
    "-5"), "the board voted 6-1": one figure, keyed by both numbers, as a win-loss record is;
    the split's tail is no figure of its own. "7-5" with no such word stays a bare number."""
    assert measure("After two days the panel deadlocked at ", "7-5", ".", None).name == "record:7-5"
    assert measure("The members reported their ", "7-5", " deadlock to the judge.", "deadlock").name == "record:7-5"
    assert measure("The members reported their ", "7", "-5 deadlock to the judge.", "deadlock").name == "record:7-5"
    tail = measure("The members reported their 7-", "5", " deadlock to the judge.", "deadlock")
    assert tail.dimension is None
    assert measure("The board voted ", "6-1", " to close the school.", None).name == "record:6-1"
    assert measure("The club began the year ", "12", "-3 start that no one expected.", "start").name == "record:12-3"
    assert measure("The score stood at ", "7-5", " at the break.", None).dimension is None


def test_a_casualty_word_with_a_count_of_its_own_is_no_aspect_of_another_figure():
    """"The gunman shot four people, killing one": "killing" tells of the one, not of the four, so
    the four and "the four victims were taken to hospital" are one count; "four people were
    killed" is still a count of the killed."""
    from newsledger.link.claims import group_story
    from newsledger.link.figure_marks import aspects

    shot = "The gunman shot four people, killing one, in the car park."
    assert "killed" not in aspects(shot, {"text": "four people"})
    assert "killed" in aspects("Police said four people were killed.", {"text": "four people"})
    assert aspects("The blast killed 12 people and injured 30.", {"text": "12 people"}) == {"killed"}
    assert aspects("The blast killed 12 people and injured 30.", {"text": "30"}) == {"wounded"}
    figs = [_stated("a", "The gunman shot ", "four people", 4, ", killing one, in the car park.", unit="people"),
            _stated("b", "Nurses said ", "the four victims", 4, " were taken to hospital.", unit="victims"),
            _stated("c", "", "The four victims", 4, " were taken to the city hospital, nurses said.", unit="victims")]
    (g,) = group_story("s", [], figs)
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "b", "c"]


def test_killed_soldiers_stay_out_of_the_group_of_soldiers_sent():
    """"four soldiers ... were killed" and "9,000 soldiers ... were sent" share most of their words
    yet count different things: a casualty word near one figure and not the other keeps two values
    apart on the shared-words path as on the specific one (the seed and a later wire piece put
    "six North Korean servicemen were killed" in the troop group)."""
    from newsledger.link.claims import group_story

    figs = [_stated("a", "Officials said about ", "9,000", 9000,
                    " soldiers of the northern army were sent to the border region this month.", unit="soldiers"),
            _stated("b", "Local media said ", "four", 4,
                    " soldiers of the northern army were killed in a strike on the border region.", unit="soldiers"),
            _stated("c", "Officials said some ", "10,000", 10000,
                    " soldiers of the northern army were sent to the border region.", unit="soldiers")]
    groups = [sorted(m["value"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert [9000, 10000] in groups, groups
    assert not any(4 in vs and len(vs) > 1 for vs in groups), groups


def test_the_office_of_a_figures_source_is_no_word_of_what_it_measures():
    """"Closing the trust has taken six years," said Ann Lowe, a county planning officer; another
    outlet: the mill "has been on the county's register of threatened buildings for the past six
    years". Two durations of two things: they share only "county", and that word names the
    speaker's office, not what the six years measure, so equality does not join them. The
    speaker's name is no office word, and a word outside the source still joins equal figures."""
    from newsledger.link.claims import group_story
    from newsledger.link.figure_marks import office_words

    office = "Ann Lowe, a county planning officer"
    assert office_words('"Closing the trust has taken ', f' years," {office}, said.', office, "Ann Lowe") == \
        {"county", "planning", "officer"}
    assert office_words("", " years, the county planning officer Lowe said.", "Lowe", "Ann Lowe") == set()

    def said(article, before, after):
        row = {"article_id": article, "idx": 0, "source": "t", "site": f"{article}.example", "published": None,
               "data": {"source": {"name": "Ann Lowe", "text": office}, "stance": "asserts", "kind": "direct",
                        "content": {"text": before + "six" + after}, "quantities": []}}
        return row, dict(_stated(article, before, "six", 6, after, len(before), unit="years"), claim_idx=0)

    lowe = said("b", '"Closing the trust has taken ', f' years," {office}, said.')
    mill = _stated("a", "The mill has been on the county's register of threatened buildings for the past ", "six", 6,
                   " years.", 81, unit="years")
    assert [g for g in group_story("s", [lowe[0]], [mill, lowe[1]]) if g["unit"] == "seconds"] == []
    # the same office named, but the register shared outside it: one duration told twice
    kept = said("c", "The mill has been on the register of threatened buildings for ", f" years, {office}, said.")
    (g,) = [g for g in group_story("s", [kept[0]], [mill, kept[1]]) if g["unit"] == "seconds"]
    assert sorted(m["article_id"] for m in g["members"]) == ["a", "c"]


def test_an_amount_in_any_currency_the_reader_names_is_money_and_a_rate_is_no_total():
    """"about 4 million crowns" (the reader's DKK) or "Rs 500" (INR) is an amount like "$500"
    (it was a count of "dkk" or "inr" before), and "4 million crowns a day" or "$20 per share" is
    a rate, no total: its key names what it is reckoned in."""
    from newsledger.link.measures import group_key

    key = lambda before, unit: group_key(measure(before, "4 million", " this week.", unit))
    assert key("The strike will cost about ", "DKK") == ("amount", "DKK")
    assert key("The fine was ", "INR") == ("amount", "INR")
    assert key("The strike costs the region about ", "DKK per day") == ("amount", "DKK per day")
    assert key("The bid values the firm at ", "USD per share") == ("amount", "USD per share")
    assert key("The strike costs the region about ", "DKK per day") != key("The strike will cost about ", "DKK")


def test_a_fraction_with_no_noun_is_a_share_not_a_count():
    """"90 trains were cancelled, roughly a third of the timetable": "roughly a third" is a
    share (33 %), not a third of a person cancelled; "half an hour" stays a duration and a
    count with its noun stays a count."""
    from newsledger.link.measures import group_key

    third = measure("The operator said 90 trains were cancelled, ", "roughly a third", " of the timetable.", None)
    assert group_key(third) == ("percent",) and abs(third.factor * (1 / 3) - 33.33) < 0.01
    assert group_key(measure("Some ", "two-thirds", " of the homes were flooded.", None)) == ("percent",)
    assert group_key(measure("The talks lasted ", "half an hour", ".", "hours")) == ("seconds",)
    assert group_key(measure("", "90 trains", " were cancelled.", "trains")) == ("count:train", "cancelled")


def test_workers_on_strike_or_absent_are_one_count_whoever_words_it():
    """A union's "some 900 members had joined the strike" and the employer's "about 600
    workers were absent" count the strikers of one walkout (a count of members was a count of
    "member" before, and neither said what happened to those counted); members of a family
    killed are people killed."""
    from newsledger.link.measures import group_key

    key = lambda before, text, after, unit: group_key(measure(before, text, after, unit))
    union = key("The union said ", "some 900 members", " had joined the strike.", "members")
    assert union == key("The hospital said ", "about 600 workers", " were absent on Monday.", "workers") \
        == key("The union insisted that ", "900 members", " were on strike.", "members") == ("striking", "people")
    assert key("", "Three members", " of the family were killed in the fire.", "members") == ("killed", "people")


def _gold_script():
    """scripts/crossnews_gold.py, loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("crossnews_gold", ROOT / "scripts" / "crossnews_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_crossnews_gold_opens_check_topics_only_with_the_switch():
    """Held-out check sub-topics (25-45) open only with ``check``; with it a development one is
    refused (an annotator of check gold never mixes the two). Refused before any text is read."""
    from newsledger.evaluate.crossnews import CHECK_TOPICS

    gold = _gold_script()
    assert gold.topics(check=True) == CHECK_TOPICS and 30 not in gold.topics()
    with pytest.raises(SystemExit, match="need --check"):
        gold.pages("30plus")
    with pytest.raises(SystemExit, match="held out"):
        gold.pages("3plus", check=True)


def test_crossnews_gold_check_switch_converts_and_lists_a_made_up_article(tmp_path, monkeypatch, capsys):
    """A made-up check article (topic 30): ``convert`` refuses its working file without
    ``--check`` and writes the gold with it; ``--check list`` counts it; ``load_gold`` reads it
    for the check topics only, never for ``--topics dev``."""
    from newsledger.evaluate import crossnews

    gold = _gold_script()
    text = "The storm left 12 people dead on Tuesday, the mayor said."
    fake = {"30_1ecbplus.xml": tmp_path / "30_1ecbplus.xml"}
    monkeypatch.setattr(gold.ecbplus, "documents",
                        lambda topics=range(1, 25): ((n, p) for n, p in fake.items() if 30 in topics))
    monkeypatch.setattr(gold.ecbplus, "render", lambda p: (text, "http://example.org/storm"))
    monkeypatch.setattr(gold, "GOLD_DIR", tmp_path / "gold")
    work = tmp_path / "work.json"
    work.write_text(json.dumps({"subtopic": "30plus", "annotator": "test", "figures": [
        {"id": "f1", "doc": "30_1ecbplus.xml", "anchor": "left 12 people", "text": "12 people", "value": 12,
         "bound": "exact", "unit": "people", "measure": "killed", "about": "storm", "source": "mayor"}],
        "groups": [], "apart": []}), encoding="utf-8")
    with pytest.raises(SystemExit):
        gold.main(["convert", str(work)])
    gold.main(["--check", "convert", str(work)])
    written = json.loads((tmp_path / "gold" / "30plus.json").read_text(encoding="utf-8"))
    s, e = written["figures"][0]["span"]
    assert text[s:e] == "12 people"
    capsys.readouterr()
    gold.main(["--check", "list"])
    assert capsys.readouterr().out.split() == ["30plus", "1"]
    assert crossnews.load_gold([tmp_path / "gold"], crossnews.CHECK_TOPICS).keys() == {"30plus"}
    assert crossnews.load_gold([tmp_path / "gold"], range(1, 25)) == {}
