"""A descriptor resolves only to a body of a compatible kind (issue 12, h-claims25): "the agency" is
no legislature, "the department" no company, "the state" no department. All sentences are made up."""
from __future__ import annotations

import pytest

from newsledger.analyze.speakers.kinds import kinds_clash, name_kind
from tests.claim_helpers import claim_about


@pytest.mark.parametrize("name, kind", [
    ("Ministry of Health", "executive"), ("the Senate Finance Committee", "council"), ("Kestrel Motors", "company"),
    ("University of Leeds", "school"), ("the U.S. Senate", "legislature"), ("NATO", None), ("Reuters", None),
])
def test_name_kind_reads_the_head_word(name, kind):
    assert name_kind(name) == kind


@pytest.mark.parametrize("head, name, clash", [
    ("agency", "Senate", True), ("department", "Kestrel Motors", True), ("state", "State Department", True),
    ("agency", "Environmental Protection Agency", False), ("agency", "Reuters", False),
    ("committee", "Senate", False), ("department", "Metropolitan Police", False), ("group", "Senate", False),
])
def test_kinds_clash(head, name, clash):
    assert kinds_clash(head, name) is clash


@pytest.mark.parametrize("text, words, wrong", [
    pytest.param("The Senate passed the bill on Tuesday. The agency said the rules would take effect in June.",
                 "take effect", "Senate", id="agency-is-no-legislature"),
    pytest.param("Kestrel Motors announced record sales. The department said the recall covered 40,000 cars.",
                 "recall covered", "Kestrel", id="department-is-no-company"),
    pytest.param("Harlow University announced new fees. The company said the change was needed.",
                 "change was needed", "Harlow", id="company-is-no-university"),
    pytest.param("The Supreme Court ruled against the rule. The agency said it would comply.",
                 "would comply", "Court", id="agency-is-no-court"),
    pytest.param("The State Department said the visa was valid. The state said the permit had lapsed.",
                 "permit had lapsed", "Department", id="state-is-no-department"),
])
def test_a_descriptor_never_stands_for_a_body_of_another_kind(nlp, text, words, wrong):
    assert wrong not in (claim_about(nlp, text, words).source.name or "")


@pytest.mark.parametrize("text, words, name", [
    pytest.param("The Senate passed the bill. The Environmental Protection Agency said the rule would cut emissions. "
                 "The agency said it would act soon.", "act soon", "Environmental Protection Agency",
                 id="agency-past-a-legislature"),
    pytest.param("The Senate Finance Committee said costs had doubled. The committee said it would hold another "
                 "hearing.", "another hearing", "Senate Finance Committee", id="committee-of-a-legislature"),
])
def test_a_descriptor_still_stands_for_a_body_of_its_kind(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


@pytest.mark.parametrize("text, words", [
    pytest.param("Texas Attorney General Ken Moss filed the suit in May. In its brief, the state said the rule was "
                 "unlawful.", "rule was unlawful", id="state-after-its-attorney-general"),
    pytest.param("A lawyer for Ohio, Dana Marsh, told the court the map was fair.\n\nThe state said the challengers "
                 "had waited too long.", "waited too long", id="state-after-its-lawyer"),
])
def test_a_state_whose_lawyer_is_named_nearby_is_left_unresolved(nlp, text, words):
    c = claim_about(nlp, text, words)
    assert c.source.name is None and c.unresolved


def test_a_state_with_no_lawyer_near_is_still_the_state(nlp):
    text = "Texas passed the law in May. In a statement, the state said the rule was needed."
    assert claim_about(nlp, text, "rule was needed").source.name == "Texas"
