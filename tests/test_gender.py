"""First-name genders (newsledger.analyze.gender) and their one use: a he/she never goes to a person
whose first name is clearly of the other gender; an unknown name stays possible. Sentences made up."""
from __future__ import annotations

import pytest

from newsledger.analyze.gender import _table, disagrees, first_name_gender
from tests.claim_helpers import claim_about


def test_a_full_name_gives_its_first_names_gender():
    assert first_name_gender("Robert Kane") == "m"
    assert first_name_gender("Margaret Owens") == "f"


@pytest.mark.parametrize("name", ["Kane", "James", "Alex Reed", "Jordan Vale", "Taylor Moss", "Chris Hale",
                                  "Sam Ortiz", "Zebulon Quarry"])
def test_a_bare_surname_unisex_or_unknown_name_says_nothing(name):
    assert first_name_gender(name) is None
    assert not disagrees("m", name) and not disagrees("f", name)


def test_the_table_leaves_unisex_names_out():
    assert not {"alex", "jordan", "taylor", "chris", "sam", "jamie", "robin", "leslie", "andrea"} & set(_table())
    assert len(_table()) > 300


@pytest.mark.parametrize("text, words", [
    pytest.param("Brian Holt, a lawyer for the family, said the case was strong.\n\n"
                 "She said the hearing would take place in May.", "hearing would take place",
                 id="she-after-a-man-named-brian"),
    pytest.param("Judge Robert Kane rejected the motion on Monday.\n\nShe said the decision would be appealed.",
                 "decision would be appealed", id="she-read-as-the-gender-of-a-man-named-robert"),
    pytest.param("Margaret Owens said the school was full.\n\nThe district has 40 schools. Its budget grew last "
                 "year.\n\nHe said more teachers were needed.", "more teachers", id="he-after-a-woman-named-margaret"),
])
def test_a_pronoun_against_the_first_names_gender_is_unresolved(nlp, text, words):
    c = claim_about(nlp, text, words)
    assert c.source.name is None and c.unresolved


def test_a_name_of_unknown_gender_stays_possible(nlp):
    text = "Jordan Vale, the coach, said the team was ready.\n\nShe said the final would be hard."
    assert claim_about(nlp, text, "final would be hard").source.name == "Jordan Vale"


def test_he_after_a_woman_named_as_a_rival_goes_to_no_woman(nlp):
    # Greta Holm spoke last, her gender unknown to the text; her first name rules her out for "he"
    text = ("Peter Lund said the vote was close.\n\nThe mayor, Anna Ruiz, won by 40 votes. Her rival, Greta Holm, "
            "asked for a recount.\n\nHe said the recount would take a week.")
    assert claim_about(nlp, text, "recount would take").source.name != "Greta Holm"
