"""Speaker rules for kinds of wrong speakers fresh pages showed (issue 12, h-claims25): a he/she
carried over another person; words an outlet reports someone else said. All sentences are made up."""
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
