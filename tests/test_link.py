"""The link stage: copies, provenance flags, stories, claim groups and conflicts."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsledger.link import (article_flags, claim_group, claim_groups, conflict_groups, copy_groups,
                             link_new, link_stats, story_groups)
from newsledger.model import (Article, Claim, Content, Document, Quantity, Removed, Source, Span)
from newsledger.store import Ledger

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_cf3f4e080ef5b4cc.txt"
AEB = SHARED / "data" / "article-extraction-benchmark"


@pytest.fixture
def ledger(tmp_path):
    led = Ledger(str(tmp_path / "link.db"))
    yield led
    led.close()


def store(ledger, *arts):
    res = ledger.add([(a, None, None) for a in arts])
    assert len(res.new) == len(arts), "an article was refused as a duplicate"
    return res.new


def art(title, paras, site, published="2024-10-18", byline=(), agency=None, removed=(), claims=(),
        url=None):
    a = Article(source=f"test:{site}:{title}", url=url or f"https://{site}/{abs(hash(title)) % 10**9}",
                site=site, title=title, byline=list(byline), agency=agency, published=published,
                removed=list(removed))
    a.set_paragraphs(paras)
    for c in claims:
        c(a)
    return a


def claim(source, content, figure=None, value=None, bound="exact", unit=None, stance="asserts",
          low=None, high=None):
    """A claim builder: appends ``content`` as a paragraph and points the spans into it."""
    def add(a: Article):
        a.set_paragraphs(a.paragraphs + [content])
        start = a.text.rindex(content)
        qs = []
        if figure:
            qs.append(Quantity(figure, start + content.index(figure), start + content.index(figure) + len(figure),
                               value, low=low, high=high, bound=bound, unit=unit))
        c = Claim(source=Source(source, start, start, source), cue=Span("said", start, start),
                  content=Content(content, start, start + len(content)), kind="indirect", stance=stance,
                  quantities=qs)
        a.claims.append(c)
        a.quantities.extend(qs)
        a.analyzed = True
    return add


# ---------------------------------------------------------------- flags on the seed alone

def _seed_article() -> Article:
    from newsledger.pipeline import extract_one

    doc = Document(source=str(SEED), raw=SEED.read_bytes(), kind="text")
    a = extract_one(doc)
    assert isinstance(a, Article)
    return a


@pytest.mark.skipif(not SEED.exists(), reason="canonical seed not present")
def test_seed_alone_gets_byline_swapped_and_advertising_inside(ledger):
    a = _seed_article()
    kinds = {f.kind: f for f in article_flags(a)}
    assert "byline-swapped" in kinds and "advertising-inside" in kinds
    ev = kinds["byline-swapped"].evidence
    assert ev["agency"] == "Agence France-Presse" and ev["byline"] == "Teilor Stone"
    assert "Agence France-Presse in Seoul" in ev["credit_line"]
    assert "Deposit Bonus" in kinds["advertising-inside"].detail
    # stored: the flags land in the article JSON with their evidence
    (aid,) = store(ledger, a)
    report = link_new(ledger, [aid])
    assert report["linked"] == 1 and report["flagged"] == 1
    stored = {f["kind"] for f in ledger.get(aid)["flags"]}
    assert {"byline-swapped", "advertising-inside"} <= stored


def test_no_flags_on_a_plain_agency_story():
    a = art("Rates held", ["The central bank held rates on Thursday, its governor said."] * 3,
            "meridianpress.example", byline=["Meridian Press Agency"], agency="Meridian Press Agency")
    assert not [f for f in article_flags(a) if f.kind == "byline-swapped"]
    b = art("Rates held", ["The central bank held rates on Thursday."] * 3, "x.example",
            byline=["Jane Roe"], removed=[Removed("Jane Roe, Reuters", "byline")])
    assert not [f for f in article_flags(b) if f.kind == "byline-swapped"]


# ---------------------------------------------------------------- copies

def _benchmark_pages(n):
    from newsledger.pipeline import extract_one

    truth = json.loads((AEB / "ground-truth.json").read_text())
    out = []
    for key in sorted(truth):
        raw = gzip.open(AEB / "html" / f"{key}.html.gz").read()
        a = extract_one(Document(source=key, raw=raw, kind="html", url=truth[key].get("url")))
        if isinstance(a, Article) and len(a.paragraphs) >= 8 and len(a.text.split()) > 300:
            out.append(a)
        if len(out) == n:
            return out
    return out


@pytest.mark.skipif(not AEB.exists(), reason="article-extraction-benchmark not present")
def test_mutated_copy_joins_its_original_and_says_what_changed(ledger, tmp_path):
    pages = _benchmark_pages(4)
    orig, unrelated = pages[0], pages[1:]
    copy = Article(source="farm", url="https://trendfarm.example/x", site="trendfarm.example",
                   title="SHOCKING: you won't believe this", byline=["Teilor Stone"],
                   published=orig.published,
                   removed=[Removed("200% Deposit Bonus up to €3,000", "advertisement")])
    paras = list(orig.paragraphs)
    keep = paras[:len(paras) - 3]  # ending trimmed
    keep.insert(len(keep) // 2, "Claim your welcome bonus now — 50 free spins!")  # left in by the extractor
    copy.set_paragraphs(keep)
    ids = store(ledger, orig, *unrelated)
    link_new(ledger, ids)
    (cid,) = store(ledger, copy)
    link_new(ledger, [cid])  # incremental: only the newcomer is compared, against the index
    groups = copy_groups(ledger)
    assert len(groups) == 1
    g = groups[0]
    members = {m["id"]: m for m in g["members"]}
    assert set(members) == {orig.id, cid}
    assert g["original"] == orig.id and members[orig.id]["role"] == "original"
    m = members[cid]
    assert m["source"] == "farm" and m["role"] == "copy"
    d = m["diff"]
    assert d["headline"]["to"] == copy.title
    assert d["byline"]["to"] == ["Teilor Stone"]
    assert len(d["paragraphs_cut"]) == 3 and d["ending_trimmed"]
    inserted = {x["text"] for x in d["lines_inserted"]}
    assert "Claim your welcome bonus now — 50 free spins!" in inserted
    assert "200% Deposit Bonus up to €3,000" in inserted
    assert any(c.startswith("new headline") for c in m["changes"])
    assert {u.id for u in unrelated}.isdisjoint(members)
    # a new process continues from the stored signatures
    path = ledger.url
    again = Ledger(path)
    reworded = Article(source="second", url="https://other.example/y", site="other.example",
                       title=orig.title, published=orig.published)
    reworded.set_paragraphs([p.replace(" said ", " stated ").replace(" the ", " this ") for p in paras[2:]])
    (rid,) = store(again, reworded)
    assert link_new(again, [rid])["copies"] == 1
    assert {x["id"] for x in copy_groups(again)[0]["members"]} == {orig.id, cid, rid}
    assert link_stats(again)["copy_groups"] == 1


def test_copy_of_a_small_part_of_a_long_story_is_found_by_passage_keys(ledger):
    """A copy keeping a fifth of a long story from its middle: its MinHash Jaccard with the whole
    (~0.2) is far below the LSH bands' threshold and its opening differs, but the sampled 6-word
    shingles of the copied part are the original's too."""
    import random

    from newsledger.link.text import passage_keys, words

    rng = random.Random(3)
    vocab = ("harbour pilots tug crane quay ferry dredger berth tide lock canal barge pier customs "
             "inspector union council budget tender bridge mooring freight cargo warehouse").split()
    paras = [" ".join(rng.choice(vocab) + str(rng.randrange(10**6)) for _ in range(45)) + "." for _ in range(40)]
    orig = art("Saltmere port expansion", paras, "portnews.example", byline=["Mira Hollis"], published="2031-06-01")
    part = art("Port plans", paras[20:28], "aggregator.example", published="2031-06-02")
    ka, kb = set(passage_keys(words(orig.text))), set(passage_keys(words(part.text)))
    assert kb and kb <= ka  # every sampled shingle of the part is one of the whole's
    link_new(ledger, store(ledger, orig, part))
    groups = copy_groups(ledger)
    assert len(groups) == 1 and {m["id"] for m in groups[0]["members"]} == {orig.id, part.id}
    assert groups[0]["original"] == orig.id


def test_wire_copy_under_a_person_byline_and_reused_bio(ledger):
    body = [f"Paragraph {i} of the dockworkers strike story from the port of Saltmere, where cranes "
            f"stood idle and ships waited offshore for a {i}th day while the union and the port "
            f"authority traded blame over pay." for i in range(8)]
    wire = art("Dockworkers strike halts port", body, "cns.example", byline=["Continental News Service"],
               agency="Continental News Service", published="2031-03-11")
    bio = ("{n} has been a reporter on the news desk since 2013. Before that she wrote about young "
           "adolescence and family dynamics for the weekend pages and covered the courts.")
    farm = art("PORT CHAOS: what they are not telling you", body[:6] + ["Share this story!"],
               "trendnewsnow.example", byline=["Dorian Fask"], published="2031-03-10",
               removed=[Removed(bio.format(n="Dorian Fask"), "author-bio")])
    other = art("Velmora dam collapse forces thousands out",
                [f"Unrelated flood paragraph {i} about the Halvorn dam, the Sedra river, rescue boats and "
                 f"evacuation centres in Osvar and Brennik on day {i}." for i in range(6)],
                "trendnewsnow.example", byline=["Karla Venn"], published="2031-03-10",
                removed=[Removed(bio.format(n="Karla Venn"), "author-bio")])
    ids = store(ledger, wire, farm, other)
    link_new(ledger, ids)
    f = {x["kind"]: x for x in ledger.get(farm.id)["flags"]}
    assert f["byline-swapped"]["evidence"]["original"] == wire.id
    assert f["byline-swapped"]["evidence"]["agency"] == "Continental News Service"
    assert f["suspicious-date"]["evidence"]["original"] == wire.id  # dated before what it copies
    assert "Karla Venn" in f["reused-bio"]["detail"]
    assert "Dorian Fask" in {x["kind"]: x for x in ledger.get(other.id)["flags"]}["reused-bio"]["detail"]
    assert not [x for x in ledger.get(wire.id)["flags"] if x["kind"] == "byline-swapped"]
    # with the ledger, article_flags also returns the cross-ledger evidence
    assert {"byline-swapped", "reused-bio"} <= {x.kind for x in article_flags(farm, ledger)}


def test_person_story_copied_under_another_name(ledger):
    body = [f"Paragraph {i} of the Saltmere lighthouse restoration story: the keepers' cottage, the "
            f"lens brought back from the museum in Orlen and a volunteer crew of {i + 3} painting "
            f"the tower before the winter storms." for i in range(8)]
    first = art("Saltmere lighthouse lit again", body, "coastgazette.example", byline=["Mira Hollis"],
                published="2031-04-02")
    later = art("Lighthouse is back", body[:7], "farm.example", byline=["Rex Tallon"], published="2031-04-03")
    link_new(ledger, store(ledger, first, later))
    f = [x for x in ledger.get(later.id)["flags"] if x["kind"] == "byline-swapped"]
    assert f and f[0]["evidence"]["original"] == first.id and f[0]["evidence"]["original_byline"] == "Mira Hollis"
    assert not [x for x in ledger.get(first.id)["flags"] if x["kind"] == "byline-swapped"]
    # the same day: nothing tells which came first, so both carry the contradiction, marked undecided
    twin = art("Saltmere light returns", body[1:], "copysite.example", byline=["Ada Pell"],
               published="2031-04-02")
    link_new(ledger, store(ledger, twin))
    flagged = {a.id: [x for x in ledger.get(a.id)["flags"] if x["kind"] == "byline-swapped"]
               for a in (first, twin)}
    assert all(flagged.values()), flagged
    assert any(x["evidence"].get("undecided") for x in flagged[first.id] + flagged[twin.id])



def test_same_day_name_on_a_text_that_elsewhere_names_nobody(ledger):
    """Which of two same-day versions is the original is a tie-break (here the longer one, the
    named copy): the name is in doubt either way, so the named version carries an undecided flag;
    a copy that shares the chosen original's name is flagged too when a sibling names someone else."""
    body = [f"Paragraph {i} of the Orlen ferry timetable story: the winter crossings to Saltmere cut "
            f"to {i + 2} a day, the harbour master's notice and the islanders' petition against it."
            for i in range(8)]
    plain = art("Ferry crossings cut", body[:7], "islandpost.example", byline=[], published="2031-05-06")
    named = art("Ferry cuts anger islanders", body, "newsfarm.example", byline=["Rex Tallon"],
                published="2031-05-06")
    link_new(ledger, store(ledger, plain, named))
    group = copy_groups(ledger)[0]
    assert group["original"] == named.id  # longer text, same day: chosen, but not proven first
    f = [x for x in ledger.get(named.id)["flags"] if x["kind"] == "byline-swapped"]
    assert f and f[0]["evidence"]["undecided"] and f[0]["evidence"]["other"] == plain.id
    assert "names no author" in f[0]["detail"]
    assert not [x for x in ledger.get(plain.id)["flags"] if x["kind"] == "byline-swapped"]
    same = art("Ferry cuts anger islanders (2)", body[:6], "mirror.example", byline=["Rex Tallon"],
               published="2031-05-06")
    other = art("Islanders lose ferries", body[1:], "copysite.example", byline=["Ada Pell"],
                published="2031-05-06")
    link_new(ledger, store(ledger, same, other))
    for a in (same, other):
        f = [x for x in ledger.get(a.id)["flags"] if x["kind"] == "byline-swapped"]
        assert f and all(x["evidence"]["undecided"] for x in f), a.byline

def test_copy_naming_the_agency_reporter_is_undecided_not_a_firm_swap():
    """A copy that drops the wire credit but keeps the reporter whom another version names beside
    the credit is no firm swap (the evaluation's one wrong firm flag); another name still is."""
    from newsledger.link.copies import copy_flags

    body = [f"Paragraph {i} of the Orlen car plant story: {i + 2} lines idle after the parts strike, "
            "the union said on Tuesday." for i in range(6)]
    wire = art("Car plant idle", body, "paper.example", byline=["Dana Whitfield"], agency="AP",
               published="2031-06-01")  # a fake name on a credited copy, chosen as the original
    genuine = art("Car plant idle (AP)", body, "post.example", byline=["Tom Krisher"], agency="AP",
                  published="2031-06-01")
    copy = art("Car plant lines idle", body[:5], "copy.example", byline=["Tom Krisher"],
               published="2031-06-01")
    f = [x for x in copy_flags(wire, copy, "w1", [genuine]) if x.kind == "byline-swapped"]
    assert len(f) == 1 and f[0].evidence["undecided"] is True
    assert f[0].detail == ("copy of the Associated Press story w1, bylined Dana Whitfield, bylined Tom Krisher "
                           "here: the agency's reporter or a name put on wire copy, unclear")
    firm = [x for x in copy_flags(wire, copy, "w1", []) if x.kind == "byline-swapped"]
    assert len(firm) == 1 and "undecided" not in firm[0].evidence  # no version names him: firm
    same = art("Car plant lines idle", body[:5], "copy.example", byline=["Dana Whitfield"])
    assert not [x for x in copy_flags(wire, same, "w1", [genuine]) if x.kind == "byline-swapped"]


def test_agency_reporter_byline_is_not_a_swap():
    """"By Janie Har, AP" is how agencies sign; the seed's contradiction needs a staff persona."""
    a = art("Court rules on water rights", ["The court ruled on Tuesday, lawyers said."] * 4, "kdet.example",
            byline=["Janie Har"], agency="AP")
    assert not [f for f in article_flags(a) if f.kind == "byline-swapped"]
    a.removed.append(Removed("Janie Har has written for this site since 2013 about courts, water, "
                             "family dynamics and young adolescence.", "author-bio"))
    assert [f for f in article_flags(a) if f.kind == "byline-swapped"]


# ---------------------------------------------------------------- stories

DAM = ["Part of the Halvorn Dam on the Sedra river in Tarsk province collapsed at dawn, flooding the "
       "towns of Osvar and Brennik, Velmora's interior ministry said.",
       "Rescue boats from the Velmora Emergency Services Directorate worked through the night in Osvar.",
       "Governor Lidia Varenne said engineers from Halvorn Hydro had warned about the dam in 2029.",
       "The Sedra river rose four metres after three days of rain across Tarsk province."]


def _dam_story(i, site, published):
    paras = [p.replace("Part of", "A section of") if i % 2 else p for p in DAM]
    paras = paras[i % 4:] + paras[:i % 4]
    paras.append(f"Local reporter {i} met families from Brennik in a school gym used as a shelter; "
                 f"the Sedra flood left roads to Osvar cut on day {i}.")
    return art(f"Halvorn Dam collapse: Osvar and Brennik flooded (report {i})", paras, site, published)


def test_newcomer_joins_its_story_and_unrelated_does_not(ledger):
    a = _dam_story(0, "harbourtimes.example", "2031-03-10")
    b = art("Velmora counts the cost as Sedra waters recede",
            ["Residents of Osvar returned to mud-filled homes as the Sedra river fell after the Halvorn "
             "Dam collapse in Tarsk province.", "Governor Lidia Varenne said 2,100 people had gone home "
             "to Osvar and Brennik.", "Halvorn Hydro declined to comment on the collapse of the dam."],
            "courier.example", "2031-03-13")
    ids = store(ledger, a)
    link_new(ledger, ids)
    (bid,) = store(ledger, b)
    assert link_new(ledger, [bid])["stories_joined"] == 1
    unrelated = art("Council backs cycle path", ["The Merrow council voted for a new cycle path along "
                    "the lake shore, with cyclists and shop owners divided over parking."] * 3,
                    "lakeside.example", "2031-03-12")
    (uid,) = store(ledger, unrelated)
    assert link_new(ledger, [uid])["stories_joined"] == 0
    stories = story_groups(ledger)
    assert len(stories) == 1
    assert {m["id"] for m in stories[0]["members"]} == {a.id, bid}
    assert all(m["source"] for m in stories[0]["members"])


@pytest.mark.parametrize("first,second", [("2031-03-10", None), (None, "2031-03-13"), ("2031-03", "2031-03-13")])
def test_an_article_without_a_full_date_joins_its_dated_story(ledger, first, second):
    """Story keys carry a time bucket; an undated (or partly dated) article is indexed and looked
    up in the undated bucket, where dated articles are indexed too, so neither order splits."""
    a = _dam_story(0, "harbourtimes.example", first)
    b = art("Velmora counts the cost as Sedra waters recede",
            ["Residents of Osvar returned to mud-filled homes as the Sedra river fell after the Halvorn "
             "Dam collapse in Tarsk province.", "Governor Lidia Varenne said 2,100 people had gone home "
             "to Osvar and Brennik.", "Halvorn Hydro declined to comment on the collapse of the dam."],
            "courier.example", second)
    link_new(ledger, store(ledger, a))
    assert link_new(ledger, store(ledger, b))["stories_joined"] == 1


def test_a_shared_full_name_is_a_story_candidate_at_any_time():
    """Two reports of one event half a year apart (a follow-up) share no time bucket, and their
    term bands are a lottery; the names of two words or more they share are story keys of both,
    while a one-word place ("Osvar") is not one: events of one kind there share it."""
    from newsledger.link.fingerprints import NAME_KEYS, fingerprint, name_keys

    a = _dam_story(0, "harbourtimes.example", "2031-03-10")
    b = art("Dam inquiry opens", ["The inquiry heard that engineers at Halvorn Hydro had warned "
             "about the Halvorn Dam, and that the families of Osvar still wait.", "Outside, the "
             "Velmora Emergency Services Directorate promised a new school by spring."],
            "courier.example", "2031-09-20")
    fa, fb = fingerprint(a, "a"), fingerprint(b, "b")
    assert fa.bucket != fb.bucket and abs(fa.bucket - fb.bucket) > 1  # no shared time bucket
    shared = set(fa.keys["story"]) & set(fb.keys["story"])
    for name in ("e:halvorn dam", "e:velmora emergency services directorate", "e:halvorn hydro"):
        assert name in fa.terms and name in fb.terms
        assert set(name_keys([name])) <= shared
        assert ("story", name_keys([name])[0]) in fb.probe
    assert "e:osvar" in fb.terms and not set(name_keys(["e:osvar"])) & set(fb.keys["story"])
    many = [f"e:person {chr(97 + i)}{chr(97 + i)}" for i in range(NAME_KEYS + 3)]
    assert len(name_keys(many)) == NAME_KEYS


def test_shared_names_weigh_more_than_shared_one_word_places():
    """Two quakes in one province share its one-word names (where, what kind); the same quake's
    reports share the names of its people and places of two words or more (which event)."""
    from newsledger.link.scoring import story_score
    from newsledger.link.story_terms import naming

    assert naming("e:lidia varenne") and naming("e:gulf of aden") and naming("q:6.1")
    assert not naming("e:tarsk") and not naming("e:u s") and not naming("lidia varenne")
    kind = ["earthquake", "killed", "rescue", "magnitude", "collapsed", "aftershocks"]
    one = kind + ["e:tarsk", "e:velmora", "e:osvar", "e:halvorn dam", "e:lidia varenne", "e:sedra river"]
    same = kind + ["e:tarsk", "e:velmora", "e:brennik", "e:halvorn dam", "e:lidia varenne", "e:sedra river"]
    other = kind + ["e:tarsk", "e:velmora", "e:osvar", "e:merel bridge", "e:anton kask", "e:dorva valley"]
    assert story_score(one, same, None, None) > story_score(one, other, None, None) + 0.1



def test_story_words_are_read_in_the_singular_but_names_stay_whole():
    """One report writes "the riots", another "a riot": the plain words of the story terms are
    read in the singular, so the two share them; a word the text writes only capitalised (a
    place, a club: "Mornwick Hollies") is a name and is left as written."""
    from newsledger.link.scoring import story_score
    from newsledger.link.text import salient_terms, singular

    kept = ("crisis", "address", "status", "bus", "species", "news")
    common = frozenset(("riots", "facilities", "clashes") + kept)
    assert [singular(w, common) for w in ("riots", "facilities", "clashes")] == ["riot", "facility", "clash"]
    assert [singular(w, common) for w in kept] == list(kept)
    assert singular("hollies") == "hollies"  # never written in lower case: a name
    one = ("Police fought rioters in Mornwick Hollies overnight. The riots spread to three "
           "districts and the clashes closed the schools and the markets of Mornwick Hollies.")
    two = ("A riot broke out in Mornwick Hollies. The clash with police closed a school and a "
           "market, and the rioter who threw the first stone was held in Mornwick Hollies.")
    a, b = salient_terms(None, one), salient_terms(None, two)
    assert {"riot", "clash", "school", "market"} <= set(a) & set(b)
    assert "hollies" in a and "holly" not in a
    assert story_score(a, b, None, None) > 0.3


def test_a_name_is_read_without_its_article():
    """The recogniser takes "the" into a name in one report and leaves it out in the next ("the
    Velmora Rovers" / "Velmora Rovers"): the name's term is one either way, and "the Pentagon" is
    a name of one word (it says where, not which event), not of two."""
    from newsledger.link.story_terms import naming
    from newsledger.link.text import salient_terms

    terms = salient_terms(None, "x", ["the Velmora Rovers", "The Pentagon", "Theodore Vask"])
    assert terms[:3] == ["e:velmora rovers", "e:pentagon", "e:theodore vask"]
    assert naming("e:velmora rovers") and not naming("e:pentagon")


def _tagged(title, text, names, site):
    """An analysed article whose recogniser tagged ``names`` ((text, label)) and nothing else."""
    from newsledger.model import Entity

    a = art(title, [text], site, published=None)
    for name, label in names:
        s = a.text.index(name)
        a.entities.append(Entity(name, s, s + len(name), label))
    a.analyzed = True
    return a


def test_names_the_recogniser_missed_are_story_names():
    """A film's title in quotation marks and a ship's name in the headline and the body are names
    the recogniser often leaves untagged: they are names of the story's terms, so a short report
    that names nothing else shares a name with its event's longer reports."""
    from newsledger.link.fingerprints import fingerprint
    from newsledger.link.scoring import ENTITY_BONUS, story_score
    from newsledger.link.story_terms import missed_names, names_of

    long = _tagged("Studio picks director for 'The Silent Orchard' sequel",
                   "Brannock Pictures has chosen Ilse Marrow to direct the sequel to \"The Silent Orchard\", "
                   "the studio said. \"The Silent Orchard\" took in more than $210 million, and the studio "
                   "wants the sequel in cinemas next winter. Talks with the cast are under way.",
                   [("Brannock Pictures", "ORG"), ("Ilse Marrow", "PERSON")], "film.example")
    short = _tagged("'The Silent Orchard' sequel talks", "Talks on the sequel to \u201cThe Silent Orchard\u201d "
                    "are under way. The studio wants a winter release for the sequel.", [], "short.example")
    fa, fb = fingerprint(long, "a"), fingerprint(short, "b")
    assert "e:silent orchard" in names_of(fa.terms) and names_of(fb.terms) == ["e:silent orchard"]
    bare = [[t for t in f.terms if t != "e:silent orchard"] for f in (fa, fb)]
    assert story_score(fa.terms, fb.terms, None, None) > story_score(*bare, None, None) + ENTITY_BONUS
    ship = _tagged("KNS Veltra seizes pirate skiffs", "The frigate KNS Veltra seized two pirate skiffs, the "
                   "navy said.", [("navy", "ORG")], "navy.example")
    assert missed_names(ship) == ["e:kns veltra"]
    assert missed_names(long, fa.terms) == []  # held already: not twice


def test_quoted_words_and_sentence_openings_are_not_missed_names():
    """Only a quoted string that is a run of capitalised words is a title ("Give it back", a
    quoted one-word "Lionsgate" are not names of two words); a body's capitalised run counts only
    when the headline gives it too, never at a sentence start ("Police Chief" opening a sentence)."""
    from newsledger.link.story_terms import missed_names

    a = _tagged("Dock strike ends", "Protesters chanted \"Give it back\" outside \"Lionsgate\" offices. "
                "Police Chief Arno Pell said the Harbour Board met. The Harbour Board agreed.",
                [], "dock.example")
    assert missed_names(a) == []
    b = _tagged("Harbour Board ends dock strike", a.text, [], "dock2.example")
    assert missed_names(b) == ["e:harbour board"]


def test_a_one_word_name_counts_only_with_a_time_close_by():
    """A roundup and the reports of one event, dated ten days apart, share one-word names
    ("e:xinjiang", "e:china") and a few words: with the dates the place says which event and adds
    a little; undated, or months apart, it says only where (two events of one kind share it)."""
    from newsledger.link.scoring import PLACE_BONUS, PLACE_DAYS, story_score

    a = ["solar", "forced", "labor", "customs", "e:xinjiang", "e:china", "ban", "imports", "panels"]
    b = ["solar", "forced", "labor", "customs", "e:xinjiang", "e:china", "congress", "letter", "brief"]
    undated = story_score(a, b, None, None)
    close = story_score(a, b, "2021-06-24", "2021-06-14")
    decay = 1.0 - (10 - 7) / 80  # ten days: the score's time decay (STORY_DAYS, STORY_DECAY_DAYS)
    assert close == pytest.approx((undated + 2 * PLACE_BONUS) * decay)
    far = story_score(a, b, "2021-06-24", "2021-03-01")
    assert PLACE_DAYS < 115 and far == pytest.approx(undated * 0.6)  # the decay's floor, no bonus
    assert story_score(a, b, "2021-06-24", None) == undated  # one date alone is no time


# ---------------------------------------------------------------- claim groups and conflicts

def test_spread_conflict_and_different_things(ledger):
    ctx = ("North Korea has sent troops to Russia to support its war against Ukraine, South Korea's "
           "intelligence service said, as NATO and Kyiv reacted to the deployment of North Korean troops.")
    a = art("North Korea sends troops to Russia", [ctx], "wire.example", "2024-10-18", claims=[
        claim("NIS", "North Korea has decided to send up to 12,000 troops to help Russia",
              "up to 12,000", 12000, "at-most", "troops", high=12000),
        claim("NIS", "1,500 North Korean military personnel are already training in the Russian Far East",
              "1,500", 1500, "exact", "military personnel"),
    ])
    b = art("Zelensky: North Korea training troops for Russia", [ctx], "kyivpost.example", "2024-10-19",
            claims=[claim("Volodymyr Zelensky", "North Korea was training some 10,000 troops to support "
                          "Russia in its military campaign against Kyiv", "some 10,000", 10000, "approx",
                          "troops")])
    c = art("North Korea troops: 12,000 to be sent", [ctx], "daily.example", "2024-10-20", claims=[
        claim("NIS", "more North Korean troops are expected to be sent soon and the North could send a "
              "total of 12,000 troops", "12,000", 12000, "exact", "troops")])
    ids = store(ledger, a, b, c)
    out = link_new(ledger, ids)
    assert out["stories_joined"] == 2
    groups = conflict_groups(ledger)
    g = next(g for g in groups if any(m["figure"] == "some 10,000" for m in g["members"]))
    assert g["verdict"] == "spread"  # 10,000 sits inside "up to 12,000"
    assert "different things" in g["reason"]  # 1,500 training vs 12,000 to be sent
    rel = {(p["a"], p["b"]): p["relation"] for p in g["pairs"]}
    by_fig = {m["figure"]: m for m in g["members"]}
    key = lambda x, y: (by_fig[x]["claim_id"], by_fig[y]["claim_id"])
    pair = rel.get(key("1,500", "12,000")) or rel.get(key("12,000", "1,500"))
    assert pair == "different-things"
    pair = rel.get(key("up to 12,000", "some 10,000")) or rel.get(key("some 10,000", "up to 12,000"))
    assert pair == "spread"
    m = by_fig["some 10,000"]
    assert m["name"] == "Volodymyr Zelensky" and m["article_id"] == m["id"] == b.id
    assert m["source"] == b.source and m["value"] == 10000 and m["bound"] == "approx"
    assert {"low", "high", "unit", "stance", "published", "content"} <= set(m)
    assert [t["published"] for t in g["timeline"]] == sorted(t["published"] for t in g["timeline"])
    assert claim_group(ledger, g["id"])["id"] == g["id"]


def test_only_different_things_is_not_a_conflict(ledger):
    ctx = "North Korean troops in Russia: the intelligence service briefed lawmakers in Seoul on the deployment."
    a = art("1,500 training", [ctx], "a.example", "2024-10-18", claims=[
        claim("NIS", "1,500 North Korean soldiers are already training in the Russian Far East",
              "1,500", 1500, "exact", "soldiers")])
    b = art("12,000 to be sent", [ctx], "b.example", "2024-10-18", claims=[
        claim("Ukrainian intelligence", "12,000 North Korean troops are to be sent to Russia",
              "12,000", 12000, "exact", "troops")])
    ids = store(ledger, a, b)
    link_new(ledger, ids)
    (g,) = [g for g in claim_groups(ledger) if g["kind"] == "figure"]
    assert g["verdict"] == "different-things"
    assert "count different things" in g["reason"]
    assert link_stats(ledger)["conflicts"] == 0


def test_real_conflict_and_stance_conflict(ledger):
    ctx = ("The Halvorn Dam collapse flooded Osvar and Brennik in Velmora; officials and the opposition "
           "traded figures on the dead as rescue work went on in Tarsk province.")
    a = art("Dam toll rises", [ctx], "a.example", "2031-03-12", claims=[
        claim("interior ministry", "17 people were confirmed dead in the flood", "17", 17, "exact", "people"),
        claim("Halvorn Hydro", "the dam did not fail because of maintenance, and no warning was ignored",
              stance="denies")])
    b = art("Opposition disputes toll", [ctx], "b.example", "2031-03-12", claims=[
        claim("Kasimir Dolan", "at least 30 people were dead in the flood", "at least 30", 30, "at-least",
              "people", low=30),
        claim("Kasimir Dolan", "warnings about maintenance of the dam were ignored for years",
              stance="accuses")])
    ids = store(ledger, a, b)
    out = link_new(ledger, ids)
    assert out["conflicts"] >= 1
    groups = conflict_groups(ledger)
    fig = next(g for g in groups if g["kind"] == "figure")
    assert fig["verdict"] == "conflict" and {m["name"] for m in fig["members"]} == {"interior ministry", "Kasimir Dolan"}
    st = next(g for g in groups if g["kind"] == "stance")
    assert st["verdict"] == "conflict"
    assert {m["stance"] for m in st["members"]} == {"denies", "accuses"}
    assert link_stats(ledger)["conflicts"] >= 2


# ---------------------------------------------------------------- ages: a person's clock

_FIGHT_BODY = [
    ("The {age} champion Velk floored his challenger with a right hand near the end of the round "
     "and the referee stopped the heavyweight title fight.",
     "Velk keeps the belts of the Norland boxing federation and the Ostrava ring council."),
    ("Velk, the {age} champion, landed a left hook late in the round, and the referee waved the "
     "heavyweight bout off before the bell.", "The Norland federation belt and the Ostrava ring council "
     "title stay with Velk, who has not lost in years."),
    ("A crowd of thousands watched the {age} Velk defend the heavyweight titles with a hard right "
     "that ended the contest.", "Promoters of the Ostrava ring council said Velk would fight again "
     "in the spring, with the Norland federation belt at stake."),
    ("The {age} Velk dominated from the opening bell, and the heavyweight contest was stopped by "
     "the referee after a flurry of punches.", "Velk has held the Ostrava ring council title and the "
     "Norland federation belt since his first title win."),
]


def _fight(title, lead, age, site, variant):
    """A made-up report of a title fight of the boxer Dario Velk (one of four bodies), his age as
    the analyser reads it (a quantity of unit "year-old") and the full names it gives as PERSON
    entities."""
    from newsledger.model import Entity

    age_text = f"{age}-year-old"
    a = art(title, [lead] + [p.format(age=age_text) for p in _FIGHT_BODY[variant]], site, published=None)
    at = a.text.index(age_text)
    a.quantities.append(Quantity(str(age), at, at + len(str(age)), float(age), unit="year-old"))
    for name in ("Dario Velk", "Marek Velk", "Tomas Herrak", "Ivo Marsk"):
        if name in a.text:
            s = a.text.index(name)
            a.entities.append(Entity(name, s, s + len(name), "PERSON"))
    a.analyzed = True
    return a


def test_age_terms_name_the_one_full_named_person_of_a_surname():
    from newsledger.link.story_terms import age_terms, ages_apart

    a = _fight("Velk stops Herrak", "Dario Velk stopped Tomas Herrak in the sixth round.", 34, "ringside.example", 0)
    assert age_terms(a) == ["a:dario velk:34"]
    b = _fight("Velk stops Marsk", "Dario Velk stopped Ivo Marsk in the seventh round.", 30, "boxnews.example", 1)
    assert ages_apart(age_terms(a), age_terms(b))  # one person four years older: another fight
    c = _fight("Velk retains belts", "Dario Velk beat Tomas Herrak.", 35, "sportsdesk.example", 2)
    assert not ages_apart(age_terms(a), age_terms(c))  # a year apart: a birthday, not another time
    # two persons of the surname (a brother, a son): the age says nothing about either
    d = _fight("Velk stops Herrak", "Dario Velk stopped Tomas Herrak while his brother Marek Velk watched.",
               34, "ringside2.example", 0)
    assert age_terms(d) == []


def test_a_story_whose_member_gives_a_person_another_age_is_another_time(ledger):
    """Two undated reports of one fight form a story; a report of a fight of the same boxer
    four years later shares the names and words of the kind (no date tells them apart) but
    gives him another age, so it starts its own story; a third report of the first fight,
    with his age of then, still joins."""
    lead = "Dario Velk stopped Tomas Herrak in the sixth round to keep his heavyweight titles on Saturday night."
    first = [_fight("Velk stops Herrak in six", lead, 34, "ringside.example", 0),
             _fight("Velk keeps belts against Herrak", lead.replace("stopped", "beat"), 34, "boxnews.example", 1)]
    link_new(ledger, store(ledger, *first))
    later = _fight("Velk stops Marsk in seven", "Dario Velk stopped Ivo Marsk in the seventh round to keep "
                   "his heavyweight titles on Saturday night; Tomas Herrak watched.", 38, "sportsdesk.example", 2)
    assert link_new(ledger, store(ledger, later))["stories_joined"] == 0
    again = _fight("Herrak stopped by Velk", lead.replace("Saturday night", "Saturday"), 34, "fightwire.example", 3)
    assert link_new(ledger, store(ledger, again))["stories_joined"] == 1
    stories = {frozenset(m["id"] for m in g["members"]) for g in story_groups(ledger, min_size=1)}
    assert frozenset({first[0].id, first[1].id, again.id}) in stories
    assert frozenset({later.id}) in stories


def test_every_link_module_imports_first_on_its_own():
    """Each module of the link package loads when it is the first one imported (as the Spark
    link imports ``candidates``): ``from newsledger.link import text`` loads that submodule, not
    the linker through the package's lazy names, which would import the module half loaded."""
    import pkgutil
    import subprocess
    import sys

    import newsledger.link as pkg

    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__))
    assert {"candidates", "fingerprints", "linker", "scoring", "story_terms"} <= set(names)
    script = ("import importlib, sys\n"
              "for name in sys.argv[1:]:\n"
              "    for m in [m for m in sys.modules if m.startswith('newsledger.link')]:\n"
              "        del sys.modules[m]\n"
              "    importlib.import_module('newsledger.link.' + name)\n")
    done = subprocess.run([sys.executable, "-c", script, *names], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
