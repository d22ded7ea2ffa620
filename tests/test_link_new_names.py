"""A newcomer whose names are mostly new to a story several members strong reports another event of
the kind (``scoring.names_new_to`` in ``story_ranking``). Every term here is made up."""
from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

from newsledger.link.scoring import NEW_NAMES_BELOW, STORY_THRESHOLD, names_new_to, story_ranking, story_score

SETTING = ["e:gulf of velmar", "e:velmar coast guard", "navy", "pirate", "patrol", "vessel", "gulf", "velmar",
           "attack", "boat", "merchant", "skiff"]
CREW = ["e:anton rebek", "e:mira solt", "e:harbour master office"]  # who the first operation's reports name


def _member(i: int) -> SimpleNamespace:
    """One report of the first operation: the setting, its persons, and words of its own."""
    return SimpleNamespace(terms=frozenset(SETTING + CREW + [f"own{i}{c}" for c in "abcdefgh"]))


def _newcomer(names: list[str], words: list[str], setting: int = 8) -> SimpleNamespace:
    terms = SETTING[:setting] + names + words
    return SimpleNamespace(id="new", terms=terms, article=SimpleNamespace(published=None))


def _story(n: int) -> dict:
    stored = {f"m{i}": _member(i) for i in range(n)}
    return {"stored": stored, "story_of": {k: "s-first" for k in stored}, "story_c": Counter({k: 3 for k in stored})}


def _best(fp, st) -> tuple:
    """(score, story id) of the newcomer's best story, (0.0, None) when it may join none."""
    ranking = story_ranking(fp, st["story_c"], st["story_of"], {}, st["stored"], {})
    return ranking[0][:2] if ranking else (0.0, None)


WORDS = ["second", "rescue", "tanker", "hostage", "ransom", "crew", "helicopter", "frigate", "seized", "escort"]
OTHER = _newcomer(["e:dario fenn", "e:kasia lorn", "e:oskar brandt"], WORDS)  # another operation's persons
SAME = _newcomer(["e:anton rebek", "e:oskar brandt"], WORDS, setting=5)  # one of the first's persons, one new


def test_the_setting_alone_scores_a_join_for_another_event():
    # the premise: a newcomer sharing only the setting and the event's words matches a member
    # above the join threshold, but not by much
    for fp in (OTHER, SAME):  # and one of the same event no better: the names it brings decide
        assert STORY_THRESHOLD <= story_score(frozenset(fp.terms), _member(0).terms, None, None) < NEW_NAMES_BELOW


def test_another_events_newcomer_does_not_join_a_story_that_never_names_its_persons():
    assert _best(OTHER, _story(12))[1] is None  # 3 of its 5 names are new to all 12 members
    assert _best(SAME, _story(12))[1] == "s-first"  # 1 of 4 new: the same operation


def test_a_young_story_has_not_named_its_event_yet():
    assert _best(OTHER, _story(4))[1] == "s-first"  # under NEW_NAMES_MEMBERS: single-link as before


def test_names_new_to_needs_enough_names_and_a_weak_match():
    st = _story(12)
    members = [(0.25, k) for k in st["stored"]]
    names = ["e:dario fenn", "e:kasia lorn", "e:oskar brandt", "e:gulf of velmar"]
    assert names_new_to(names, members, {}, st["stored"])  # 3 of 4 new
    assert not names_new_to(names[:2] + ["e:gulf of velmar"], members, {}, st["stored"])  # 3 names say too little
    assert not names_new_to(names, [(NEW_NAMES_BELOW, "m0")] + members[1:], {}, st["stored"])  # a strong match
    assert not names_new_to(["e:dario fenn", "e:anton rebek", "e:mira solt", "e:gulf of velmar"], members, {},
                            st["stored"])  # 1 of 4 new


def test_the_spark_link_refuses_a_story_whose_names_are_new_and_joins_the_next():
    """The Spark link's story ids (:func:`newsledger.spark.linkrows.story_ids` with
    :class:`StoryNames`): ``new`` matched the first operation's twelve members best, but its names
    are mostly new to them, so it joins the story of its next candidate, ``rescue``, and merges
    nothing into it; without a next candidate it starts its own story."""
    from newsledger.spark.linkrows import Names, StoryMerges, StoryNames, story_ids

    st = _story(12)
    order = {"rescue": 0, **{k: i + 1 for i, k in enumerate(st["stored"])}, "new": 13}
    parents = {k: "m0" for k in st["stored"] if k != "m0"}
    parents["new"] = "m0"
    names = ["e:dario fenn", "e:kasia lorn", "e:oskar brandt", "e:gulf of velmar"]
    held = {k: Names(frozenset(t for t in m.terms if t.startswith("e:"))) for k, m in st["stored"].items()}
    scored = {"new": [(0.25, k) for k in st["stored"]] + [(0.22, "rescue")]}
    merges = StoryMerges({"new": [(0.25, "m0"), (0.22, "rescue")]},
                         {k: m.terms for k, m in st["stored"].items()} | {"rescue": frozenset(names[:2])}, set())
    sn = StoryNames(scored, {"new": [("m0", 0.25), ("rescue", 0.22)]}, {"new": names}, held)
    got = story_ids(parents, order, merges, sn)
    assert got["new"] == got["rescue"] == "s-rescue" and got["m5"] == "s-m0"
    assert sn.moved == {"new": ("rescue", 0.22)}
    alone = StoryNames(scored, {"new": [("m0", 0.25)]}, {"new": names}, held)
    assert story_ids(parents, order, None, alone)["new"] == "s-new" and alone.moved == {"new": None}
    assert story_ids(parents, order, merges)["new"] == "s-m0"  # no name test: it joins the best match
