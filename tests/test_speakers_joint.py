"""Coordinated speakers (issue 12, h-claims60): "A and B said" is both's claim, named as a reader
would, and a joint name is no one person's alias across articles. All sentences are made up."""
from __future__ import annotations

import pytest

from newsledger.link.speakers import aliases, canonical
from tests.claim_helpers import claim_about


@pytest.mark.parametrize("text, words, name", [
    pytest.param("Senator Ada Klein and Senator Tom Reyes said the bill would pass.", "bill would pass",
                 "Ada Klein and Tom Reyes", id="two-titled-people"),
    pytest.param("Mark Oduya and Lena Fisch, the two founders, said the company would be sold.", "company would",
                 "Mark Oduya and Lena Fisch", id="two-people-and-an-apposition"),
    pytest.param("Nora Vance, Paul Ortiz and Ida Lund told reporters the vote was rigged.", "vote was rigged",
                 "Nora Vance, Paul Ortiz and Ida Lund", id="three-people"),
    pytest.param("Halvorn Hydro and Kestrel Motors said the merger would close in May.", "merger would close",
                 "Halvorn Hydro and Kestrel Motors", id="two-companies"),
])
def test_coordinated_speakers_are_named_together(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


def test_a_surname_in_a_joint_source_takes_the_full_name_given_before(nlp):
    text = ("Senator Ada Klein spoke first. Senator Tom Reyes spoke next, and he said the bill was dead. "
            "Both Ms. Klein and Mr. Reyes say the vote will be close.")
    assert claim_about(nlp, text, "vote will be close").source.name == "Ada Klein and Tom Reyes"


@pytest.mark.parametrize("text, words, name", [
    pytest.param("Mayor Ray Dunn and his aides said the budget was balanced.", "budget was", "Ray Dunn",
                 id="a-leader-and-his-group"),
    pytest.param("Ada Klein and the union said the talks had failed.", "talks had", "Ada Klein",
                 id="a-person-and-a-common-noun"),
])
def test_a_coordination_with_a_group_keeps_the_first_name(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


def test_a_joint_name_is_no_one_persons_alias():
    assert "phalen" not in aliases("Tinsley and Phalen")
    assert canonical(["Tinsley and Phalen", "Phalen"])["Phalen"] == "Phalen"
    assert "phalen" in aliases("Hannah Phalen")  # one person keeps the surname key
