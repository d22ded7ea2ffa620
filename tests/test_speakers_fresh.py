"""Speaker rules for kinds of wrong speakers fresh pages showed (issue 12, h-claims25): a he/she
carried over another person. All sentences are made up."""
from __future__ import annotations

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
