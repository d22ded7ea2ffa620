"""A newcomer that joins two stories, each on its own evidence, merges them, so the stories do not
depend on the ingest order -- unless the two stories say two events: a member of one vetoes one of
the other, or their names are mostly new to each other (made-up reports of a made-up bridge fire;
every term here is made up)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from newsledger.link import link_new, story_alias, story_groups, story_of
from newsledger.link.story_merges import MERGE_STRONG, MERGE_THRESHOLD, names_new_between, stories_to_merge
from newsledger.link.tables import stories as stories_t
from newsledger.store import Ledger

from test_link import art


@pytest.fixture
def ledger(tmp_path):
    led = Ledger(str(tmp_path / "merge.db"))
    yield led
    led.close()


# made-up undated reports of one event: the fire itself (its chief, its flames), its detour
# (ferries and commuters, little of the fire's words), and one telling both, which matches each
# of the others on its own: (title, paragraphs, site)
REPORTS = {
    "fire": ("Fire closes Korvath bridge in Elstrand",
             ["A fire broke out under the Korvath bridge in Elstrand on Monday night, and firefighters "
              "fought the blaze for six hours.",
              "Fire chief Maren Oduya said burning tar had spread the flames along the timber supports, "
              "and mayor Tobin Hask thanked the crews.",
              "No one was hurt, but smoke drifted over the harbour and the old fish market."],
             "elstrandpost.example"),
    "ferries": ("Ferries added while Korvath bridge stays shut",
                ["Three ferries began crossing the estuary on Tuesday while the Korvath span stays closed "
                 "to cars and buses.",
                 "Commuters queued at the piers from dawn; drivers were asked to take the ring road, and "
                 "harbour staff warned that inspectors would need a week.",
                 "Ticket prices were waived, bus lines were rerouted through the northern suburbs, and "
                 "schools opened an hour late."],
                "vellnews.example"),
    "both": ("Korvath bridge fire: ferries carry Elstrand commuters",
             ["After the Monday blaze under the Korvath bridge in Elstrand, firefighters and chief Maren "
              "Oduya blamed tar for the flames on the timber supports.",
              "Three ferries now cross the estuary while the span stays closed; mayor Tobin Hask urged "
              "drivers onto the ring road, commuters queued at the piers from dawn and bus lines were "
              "rerouted.",
              "Engineers must check the girders first, the council said; smoke from the fire had covered "
              "the harbour."],
             "coastwire.example"),
}


def _report(kind: str):
    title, paras, site = REPORTS[kind]
    return art(title, paras, site, None)  # undated, as ECB+'s documents: no date test


def _link_each(ledger, *arts):
    for a in arts:
        res = ledger.add([(a, None, None)])
        link_new(ledger, res.new)


def _story_sets(ledger) -> set[frozenset]:
    return {frozenset(m["id"] for m in g["members"]) for g in story_groups(ledger, min_size=1)}


def test_a_newcomer_that_joins_two_stories_merges_them(ledger):
    fire, ferries, both = _report("fire"), _report("ferries"), _report("both")
    _link_each(ledger, fire, ferries)
    assert _story_sets(ledger) == {frozenset({fire.id}), frozenset({ferries.id})}  # nothing tied them yet
    _link_each(ledger, both)
    assert _story_sets(ledger) == {frozenset({fire.id, ferries.id, both.id})}
    with ledger.engine.connect() as conn:  # the merged story's row is gone, the other counts three
        rows = conn.execute(select(stories_t.c.size)).all()
    assert [r.size for r in rows] == [3]


def test_stories_merged_within_one_chunk(ledger):
    fire, ferries, both = _report("fire"), _report("ferries"), _report("both")
    res = ledger.add([(a, None, None) for a in (fire, ferries, both)])
    link_new(ledger, res.new)
    assert _story_sets(ledger) == {frozenset({fire.id, ferries.id, both.id})}


def test_the_stories_do_not_depend_on_the_ingest_order(tmp_path):
    seen = []
    for i, order in enumerate([("fire", "ferries", "both"), ("both", "fire", "ferries"),
                               ("fire", "both", "ferries")]):
        led = Ledger(str(tmp_path / f"order{i}.db"))
        _link_each(led, *(_report(k) for k in order))
        seen.append(sorted(len(s) for s in _story_sets(led)))
        led.close()
    assert seen == [[3], [3], [3]]


SETTING = ["e:korvath", "fire", "bridge", "blaze"]


def _terms(extra: dict[str, list[str]]):
    return lambda aid: frozenset(SETTING + extra.get(aid, []))


def test_only_stories_the_newcomer_joins_on_their_own_evidence_merge():
    ranking = [(0.40, "s1", [(0.40, "a")]), (MERGE_THRESHOLD, "s2", [(MERGE_THRESHOLD, "b")]),
               (MERGE_THRESHOLD - 0.01, "s3", [(MERGE_THRESHOLD - 0.01, "c")])]
    assert stories_to_merge(ranking, _terms({})) == ["s2"]
    assert stories_to_merge(ranking[:1], _terms({})) == []


def test_stories_whose_members_veto_each_other_stay_apart():
    """The office veto: one story's member names one holder of an office, the other's another
    (two times of the office), so the newcomer that matches both merges neither into the other."""
    terms = _terms({"a": ["o:fire chief:oduya"], "b": ["o:fire chief:brandt"], "c": ["o:fire chief:oduya"]})
    ranking = [(0.40, "s1", [(0.40, "a")]), (0.30, "s2", [(0.30, "b")]), (0.28, "s3", [(0.28, "c")])]
    assert stories_to_merge(ranking, terms) == ["s3"]


FIRST = ["e:maren oduya", "e:tobin hask", "e:elstrand fire service", "e:korvath bridge"]  # one fire's names
SECOND = ["e:ilse brandvik", "e:dario fenn", "e:kasia lorn", "e:korvath bridge"]  # another fire's at the bridge


def test_stories_whose_names_are_mostly_new_to_each_other_stay_apart():
    """Two fires at one bridge: a newcomer telling the setting matches a member of each, but
    each story names its own persons; a third story naming the first's persons merges."""
    terms = _terms({"a": FIRST, "b": SECOND, "c": FIRST[:3] + ["e:oskar brandt"]})
    ranking = [(0.40, "s1", [(0.40, "a")]), (0.30, "s2", [(0.30, "b")]), (0.28, "s3", [(0.28, "c")])]
    assert stories_to_merge(ranking, terms) == ["s3"]


def test_names_new_between_needs_enough_names_either_way():
    first, second = [frozenset(FIRST)], [frozenset(SECOND)]
    assert names_new_between(first, second)  # 3 of 4 new both ways
    assert not names_new_between(first, [frozenset(FIRST[1:] + ["e:dario fenn"])])  # 1 of 4 new
    assert not names_new_between([frozenset(FIRST[:3])], [frozenset(SECOND[:3])])  # 3 names say too little
    # a story of few names against one of many: the many names it never gives are new to it
    assert names_new_between([frozenset(FIRST[:2])], [frozenset(FIRST + SECOND[:3])])


# the first fire's story once its reports have named more people: its chief's deputy, a witness,
# the tar supplier, the harbour master (all made up)
GROWN = FIRST + ["e:lena voss", "e:pieter quand", "e:arnholt tar works", "e:harbour master ulla renn",
                 "e:jonas terve", "e:elstrand council"]


def test_names_read_on_the_side_with_fewer_when_asked():
    """A young story of four names, all held by a grown story of ten, whose other six are new to
    it: read both ways the names say two events; read on the side with fewer, one -- unless the
    young story's own names are mostly new to the grown one (another fire at the bridge)."""
    young, grown = [frozenset(FIRST)], [frozenset(GROWN)]
    assert names_new_between(young, grown)  # 6 of the grown story's 10 names are new to the young
    assert not names_new_between(young, grown, fewer_only=True)
    assert not names_new_between(grown, young, fewer_only=True)  # either order
    assert names_new_between([frozenset(SECOND)], grown, fewer_only=True)  # 3 of 4 new: another fire
    # as many names on each side: both are read
    assert names_new_between([frozenset(FIRST)], [frozenset(SECOND)], fewer_only=True)


def test_a_strong_newcomer_merges_a_young_story_into_a_grown_one():
    """A newcomer matching a grown story and a young one both ``MERGE_STRONG`` or better merges
    them when the young story's names are the grown one's; a weaker match (the join bar only)
    still reads both sides, and the grown story's names it never gave keep them apart."""
    terms = _terms({"a": GROWN, "b": FIRST})
    strong = [(0.45, "s1", [(0.45, "a")]), (MERGE_STRONG, "s2", [(MERGE_STRONG, "b")])]
    assert stories_to_merge(strong, terms) == ["s2"]
    weak = [(0.45, "s1", [(0.45, "a")]), (MERGE_STRONG - 0.05, "s2", [(MERGE_STRONG - 0.05, "b")])]
    assert stories_to_merge(weak, terms) == []
    another = _terms({"a": GROWN, "b": SECOND})  # the young story names another fire's people
    assert stories_to_merge(strong, another) == []


def test_the_spark_link_merges_the_stories_a_newcomer_joins():
    """The Spark link's story ids (:func:`newsledger.spark.linkrows.story_ids`): a and b start
    stories; c, matching both, joins a's and merges b's (named after a, the story it joined);
    d, a copy, merges nothing; e matches b's and a story apart by its names, and merges neither."""
    from newsledger.spark.linkrows import StoryMerges, story_ids

    order = {k: i for i, k in enumerate("abfcde")}
    parents = {"c": "a", "d": "f", "e": "b"}
    terms = {"a": frozenset(FIRST), "b": frozenset(FIRST[1:] + ["e:oskar brandt"]), "c": frozenset(FIRST),
             "d": frozenset(), "f": frozenset(SECOND), "e": frozenset(FIRST)}
    cands = {"c": [(0.40, "a"), (0.30, "b")], "d": [(1.0, "f"), (0.30, "a")], "e": [(0.30, "b"), (0.25, "f")]}
    got = story_ids(parents, order, StoryMerges(cands, terms, copied={"d"}))
    assert got == {"a": "s-a", "b": "s-a", "c": "s-a", "d": "s-f", "e": "s-a", "f": "s-f"}
    assert story_ids(parents, order) == {"a": "s-a", "b": "s-b", "c": "s-a", "d": "s-f", "e": "s-b", "f": "s-f"}


def _merged_ids(ledger):
    """(the merged story's id, the id that went) after fire, ferries, then both."""
    fire, ferries, both = _report("fire"), _report("ferries"), _report("both")
    _link_each(ledger, fire, ferries)
    started = {story_of(ledger, fire.id), story_of(ledger, ferries.id)}
    _link_each(ledger, both)
    (kept,) = {story_of(ledger, a.id) for a in (fire, ferries, both)}
    (gone,) = started - {kept}
    return kept, gone


def test_a_merged_story_id_leads_to_the_story_that_took_its_members(ledger):
    kept, gone = _merged_ids(ledger)
    assert story_alias(ledger, gone) == kept
    assert story_alias(ledger, kept) is None  # a story that exists is no alias
    assert story_alias(ledger, "s-nosuchstory") is None


def test_merged_ids_follow_a_second_merge_and_a_story_never_aliases_itself(ledger):
    from newsledger.link.story_refresh import alias_stories
    from newsledger.link.tables import story_aliases

    with ledger.engine.begin() as conn:
        alias_stories(conn, "s-b", {"s-a"}, "2026-12-06T00:00:00")
        alias_stories(conn, "s-c", {"s-b"}, "2026-12-06T00:01:00")  # a's members are in c now
        alias_stories(conn, "s-a", {"s-c"}, "2026-12-06T00:02:00")  # a's id starts a story again
        rows = {r.id: r.story_id for r in conn.execute(select(story_aliases))}
    assert rows == {"s-b": "s-a", "s-c": "s-a"}


def test_the_web_page_of_a_merged_story_redirects_to_the_story(ledger):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    kept, gone = _merged_ids(ledger)
    client = TestClient(create_app(ledger))
    r = client.get(f"/stories/{gone}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/stories/{kept}"
    assert client.get(f"/stories/{gone}?all=true", follow_redirects=False).headers["location"] == f"/stories/{kept}?all=true"
    page = client.get(f"/stories/{gone}")
    assert page.status_code == 200 and "Korvath" in page.text
    assert client.get("/stories/s-nosuchstory").status_code == 404


def test_the_api_gives_a_story_and_redirects_a_merged_story_id(ledger):
    from fastapi.testclient import TestClient

    from newsledger.serve import create_app

    kept, gone = _merged_ids(ledger)
    client = TestClient(create_app(ledger))
    got = client.get(f"/api/stories/{kept}").json()
    assert got["id"] == kept and len(got["members"]) == 3
    r = client.get(f"/api/stories/{gone}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/api/stories/{kept}"
    assert client.get(f"/api/stories/{gone}").json()["id"] == kept
    miss = client.get("/api/stories/s-nosuchstory")
    assert (miss.status_code, miss.json()) == (404, {"detail": "no such story", "status": 404})


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0007_adds_and_drops_the_alias_table(backend, tmp_path_factory):
    from alembic import command
    from sqlalchemy import inspect

    from throwaway_db import alembic_config, throwaway_ledger

    with throwaway_ledger(backend, tmp_path_factory) as url:
        led = Ledger(url)
        kept, gone = _merged_ids(led)
        cfg = alembic_config(led)
        command.downgrade(cfg, "0006")
        assert "link_story_aliases" not in inspect(led.engine).get_table_names()
        command.upgrade(cfg, "head")
        assert "link_story_aliases" in inspect(led.engine).get_table_names()
        assert story_alias(led, gone) is None  # merges before 0007 left no trace
        led.close()


def test_the_spark_link_refuses_a_story_one_of_whose_members_vetoes_the_newcomer():
    """As the linker's story ranking skips a story a scored member of which is kept apart from the
    newcomer by a veto (another age, magnitude, office holder or participant), the Spark link's
    story ids do, though the newcomer's best pair is another member, with no veto of its own:
    ``x`` joins the story of its next candidate ``c``."""
    from newsledger.spark.linkrows import StoryNames, story_ids

    order = {k: i for i, k in enumerate("abcx")}
    parents = {"b": "a", "x": "b"}
    scored = {"x": [(0.40, "b"), (0.10, "a"), (0.30, "c")]}
    ranked = {"x": [("b", 0.40), ("c", 0.30)]}
    vetoed = StoryNames(scored, ranked, {}, {}, apart={"x": {"a"}})
    assert story_ids(parents, order, None, vetoed) == {"a": "s-a", "b": "s-a", "c": "s-c", "x": "s-c"}
    assert vetoed.moved == {"x": ("c", 0.30)}
    assert story_ids(parents, order, None, StoryNames(scored, ranked, {}, {}))["x"] == "s-a"
