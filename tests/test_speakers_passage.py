"""Speaker rules for the kinds unseen pages showed after run 14 (issue 12, h-claims32): a storm or a
ship named like a person, "the group" for a legislature, an indefinite document, a hyphenated role
before a name, a fronted participle phrase parsed as the subject, a name the tagger missed that a
description makes a person's, a name parsed as an auxiliary, "the governor" after "Governor Name". All sentences are made up."""
from __future__ import annotations

import pytest

from newsledger.analyze.speakers.kinds import kinds_clash
from tests.claim_helpers import claim_about

# (text, words of the claim, a name its speaker must not hold, test id)
NOT_THEIRS = [
    ("Storm Ciarán battered the coast on Thursday. \"It was the worst night of my life,\" he said.",
     "worst night", "Ciarán", "he-is-no-storm"),
    ("Cyclone Freddy struck Malawi again. \"Nobody was warned,\" she said.", "Nobody was warned",
     "Freddy", "she-is-no-cyclone"),
    ("The Senate passed the bill on Tuesday. The group said the law would protect workers.",
     "protect workers", "Senate", "group-is-no-legislature"),
]

# (text, words of the claim, its speaker, test id)
THEIRS = [
    ("The Harbor Agency issued a release on Monday. A press release said the port would close.",
     "port would close", "Harbor Agency", "an-indefinite-release-of-a-named-issuer"),
    ("\"The results are striking,\" said study co-author Jane Roe, a biologist at Leeds.",
     "results are striking", "Jane Roe", "hyphenated-role-before-a-name"),
    ("\"The results are striking,\" said co-founder Jane Roe.", "results are striking", "Jane Roe",
     "hyphenated-role-alone"),
    ("Piyum Moghadam, a Leeds business consultant, managed to book a flight this week.\n\n\"There are "
     "at least 60 more people who are stuck,\" Moghadam said.\n\nAn official said the flights would go on."
     "\n\nMoghadam was able to catch one of those flights. At the time, he said, there had been only a few "
     "seats left.", "few seats left", "Piyum Moghadam", "he-after-a-name-its-description-makes-a-person"),
    ("Kairo makes disks. This week SDK announced it had improved its recording technology to allow for bigger "
     "drives.", "improved its recording", "SDK", "a-name-parsed-as-an-auxiliary-is-the-subject"),
    ("Governor Tom Vale made the announcement on Monday.\n\nHe said the port would close for a week.\n\n\"We have "
     "no further details,\" the governor added.", "no further details", "Tom Vale", "the-governor-a-title-named"),
    ("Storm Ciarán battered the coast. Farmer Tom Hale lost his barn. \"We lost everything,\" he said.",
     "lost everything", "Farmer Tom Hale", "he-past-a-storm-is-the-man"),
]


@pytest.mark.parametrize("text, words, name, expected", [
    *[pytest.param(*case[:3], False, id=case[3]) for case in NOT_THEIRS],
    *[pytest.param(*case[:3], True, id=case[3]) for case in THEIRS]])
def test_the_speaker_is_or_is_not_named(nlp, text, words, name, expected):
    """A NOT_THEIRS name must be no part of the speaker's name; a THEIRS name must be the whole of it."""
    got = claim_about(nlp, text, words).source.name or ""
    assert (got == name if expected else name not in got), got


def test_an_indefinite_statement_with_no_issuer_keeps_its_words(nlp):
    text = "Greenpeace welcomed the ruling. A statement said the forest would be saved."
    assert claim_about(nlp, text, "forest would be saved").source.name == "statement"


@pytest.mark.parametrize("head, name, clash", [
    ("group", "Senate", True), ("group", "Ministry of Health", True), ("group", "Adani Group", False),
    ("company", "Adani Group", False), ("group", "Greenpeace", False), ("group", "Teamsters Union", False),
])
def test_a_group_is_no_legislature_nor_ministry(head, name, clash):
    assert kinds_clash(head, name) is clash


def test_a_fronted_participle_phrase_is_no_part_of_the_source(nlp):
    text = ("Speaking from a stage at Harbor Steel’s headquarters in Leeds, England, Chief Executive Tom Hale said "
            "that firms need to create jobs for the young.")
    assert claim_about(nlp, text, "create jobs").source.text == "Chief Executive Tom Hale"


@pytest.mark.parametrize("text, names", [
    pytest.param("Piyum Moghadam, a Leeds business consultant, booked a flight.", ["Piyum Moghadam"], id="consultant"),
    pytest.param("Kestrel Motors, the carmaker, said profits fell.", [], id="a-company-is-no-person"),
    pytest.param("Harbor Steel Group, a Leeds firm, said profits fell.", [], id="a-firm-is-no-person"),
])
def test_a_description_makes_a_name_a_persons(nlp, text, names):
    from newsledger.analyze.speakers.spans import described_names

    assert [e.text for e in described_names(nlp(text))] == names
