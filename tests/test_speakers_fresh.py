"""Speaker rules for kinds of wrong speakers fresh pages showed (issue 12, h-claims25): a he/she
carried over another person; words an outlet reports someone else said; the asker taken for the one
who answers; a gender read from a he/she that may be another's. All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about


def test_a_pronoun_is_not_carried_over_a_paragraph_naming_another_woman(nlp):
    text = ("Sarah Cole said the clinic would stay open.\n\nThe board later met Ruth Park, the deputy director, to "
            "discuss the budget.\n\nShe said the decision was final.")
    c = claim_about(nlp, text, "decision was final")
    assert c.source.name is None and c.unresolved


def test_a_pronoun_is_carried_over_a_paragraph_naming_nobody(nlp):
    text = ("Sarah Cole said the clinic would stay open.\n\nThe board met on Monday to discuss the budget.\n\n"
            "She said the decision was final.")
    assert claim_about(nlp, text, "decision was final").source.name == "Sarah Cole"


def test_a_pronoun_is_carried_over_a_paragraph_naming_a_man(nlp):
    text = ("Sarah Cole said the clinic would stay open.\n\nThe board later met Peter Lund, the deputy director, to "
            "discuss the budget.\n\nShe said the decision was final.")
    assert claim_about(nlp, text, "decision was final").source.name == "Sarah Cole"


@pytest.mark.parametrize("text, words", [
    pytest.param("The Daily Courier reported that one boy revealed the guards had beaten him.", "guards had beaten",
                 id="outlet-reported-that-one-boy-revealed"),
    pytest.param("One boy revealed that the guards had beaten him, the Daily Courier reported.", "guards had beaten",
                 id="one-boy-revealed-the-outlet-reported"),
    pytest.param("The Daily Courier reported on Monday that a witness told police the driver fled.", "driver fled",
                 id="outlet-reported-that-a-witness-told"),
])
def test_words_an_outlet_reports_someone_said_are_not_the_outlets(nlp, text, words):
    assert "Courier" not in (claim_about(nlp, text, words).source.name or "")


def test_an_outlets_own_report_stays_the_outlets(nlp):
    text = "The Daily Courier reported that the bridge had been closed since May."
    assert claim_about(nlp, text, "bridge had been closed").source.name == "Daily Courier"


@pytest.mark.parametrize("text, words, asker", [
    pytest.param("\"We will not move,\" Tom Hale said of the farm.\n\nWhen the reporter Peter Lund asked if he would "
                 "ever sell, he shook his head, saying \"The land is not for sale.\"", "not for sale", "Lund",
                 id="reporter-named-in-full-asked"),
    pytest.param("\"We will not move,\" Tom Hale said of the farm.\n\nWhen Lund asked if he would ever sell, he "
                 "refused, saying the land was not for sale.", "not for sale", "Lund", id="surname-asked"),
])
def test_the_one_who_asks_is_not_the_one_who_answers(nlp, text, words, asker):
    assert asker not in (claim_about(nlp, text, words).source.name or "")


def test_a_he_after_the_speakers_report_of_another_mans_words_is_unresolved(nlp):
    text = ("Dana Ross told the Courier that Mr Hale had said the farm was lost.\n\n"
            "\"We will fight on,\" he added.")
    c = claim_about(nlp, text, "fight on")
    assert c.source.name is None and c.unresolved


@pytest.mark.parametrize("text, name", [
    pytest.param("Kim Ross asked whether he would sell the farm. He refused.", "Kim Ross", id="asker"),
    pytest.param("Kim Ross told the Courier that Tom Hale had said the farm was lost. He then left.", "Kim Ross",
                 id="before-a-man-in-reported-words"),
])
def test_a_he_after_a_person_tells_nothing_of_their_gender(nlp, text, name):
    from newsledger.analyze.attribution import find_claims
    from newsledger.analyze.speakers.context import _Context

    doc = nlp(text)
    ctx = _Context(find_claims(doc, text, resolve=False), doc, text)
    assert ctx.gender_of_names(name) is None


def test_it_after_a_body_named_by_a_common_noun_in_its_sentence_is_no_earlier_organisation(nlp):
    text = ("Harbor Steel said profits fell. Police in the city are at the scene, as it promised people will be "
            "dealt with robustly.")
    assert "Harbor" not in (claim_about(nlp, text, "dealt with").source.name or "")
