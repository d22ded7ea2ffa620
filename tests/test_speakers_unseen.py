"""Speaker rules for the kinds of wrong speakers unseen pages showed (issue 12, h-claims18): a
work is not the words of the people who backed it. All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about


@pytest.mark.parametrize("text, words, backer", [
    pytest.param("The letter, also backed by the chef Hugh Marlow, says the ban would protect children.",
                 "ban would protect", "Marlow", id="letter-backed-by-a-named-chef"),
    pytest.param("A report commissioned by Senator Ken Ward says the program wasted $3 million.",
                 "program wasted", "Ward", id="report-commissioned-by-a-senator"),
])
def test_a_work_is_not_its_backers_words(nlp, text, words, backer):
    assert backer not in (claim_about(nlp, text, words).source.name or "")


def test_a_story_someone_told_is_theirs(nlp):
    text = "According to a story her brother Tomas has told, the family left the city in 1990."
    assert "Tomas" in (claim_about(nlp, text, "family left").source.name or "")


@pytest.mark.parametrize("text, words, name", [
    pytest.param("Smith said the talks had been productive, according to a pool report.", "talks had been",
                 "Smith", id="pool-report-passes-on-a-named-speaker"),
    pytest.param("The minister said the plan would be dropped, according to the Daily Courier.", "plan would be",
                 "minister", id="outlet-passes-on-a-role"),
])
def test_according_to_over_words_with_their_own_speaker_is_that_speakers(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


def test_according_to_over_a_thing_that_added_money_keeps_its_source(nlp):
    text = "The revised plan added about $300 million, according to projections from the Budget Office."
    assert "plan" not in (claim_about(nlp, text, "300 million").source.name or "")


@pytest.mark.parametrize("text, words, person", [
    pytest.param("Dana Pratt, a lawyer at the State Department, said the visa was valid.\n\nThe department said the "
                 "visa had been revoked in March.", "revoked in March", "Dana Pratt", id="department-after-its-lawyer"),
    pytest.param("Tom Reese of the Transport Ministry said the road would reopen.\n\nThe ministry said it had hired "
                 "more crews.", "hired more crews", "Tom Reese", id="ministry-after-its-man"),
    pytest.param("Sandra Bell, a director of Kestrel Bank, said the loan was repaid.\n\nThe bank said it had no "
                 "comment on the case.", "no comment", "Sandra Bell", id="bank-after-its-director"),
])
def test_an_institution_descriptor_is_never_the_person_who_works_there(nlp, text, words, person):
    assert claim_about(nlp, text, words).source.name != person


def test_it_never_stands_for_one_person_named_by_role(nlp):
    text = ("The Harbour Police said 12 people were arrested. An MP in Seaford said the scenes were shameful.\n\n"
            "It promised that those involved would be punished.")
    assert "MP" not in (claim_about(nlp, text, "those involved").source.name or "")


def test_it_after_a_spokesman_for_an_unnamed_body_is_no_earlier_organisation(nlp):
    text = "Kestrel Bank reported a loss. A spokesman for the union said jobs would go.\n\nIt said it would appeal."
    c = claim_about(nlp, text, "would appeal")
    assert c.source.name is None and c.unresolved

