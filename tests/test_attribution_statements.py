"""Which statements are claims, and their words: cues the parse leaves without content and
non-statements dropped (made-up sentences, issue 12's US political news kinds)."""
from __future__ import annotations

import pytest

from newsledger.analyze.attribution import find_claims


def _claims(nlp, text):
    return find_claims(nlp(text), text)


def _said(claims, words):
    return [c for c in claims if words in c.content.text]


@pytest.mark.parametrize("lead_in, block", [
    ("Marta Quill continued:",
     "The levy will fall hardest on the smallest growers, and nobody in the council has asked them what they can pay."),
    ("The council clerk then added:",
     "“We have never seen a budget this tight, and we will have to cut the library hours next spring.”"),
])
def test_a_lead_in_paragraph_says_the_next_paragraph(nlp, lead_in, block):
    text = f"The mayor spoke to a crowd of farmers on Monday about the new water levy.\n\n{lead_in}\n\n{block}\n\n" \
           "The council meets again next week."
    hits = _said(_claims(nlp, text), "smallest growers" if "levy" in block else "library hours")
    assert hits and hits[0].cue.text.split()[-1] in ("continued", "added")
    assert hits[0].source.name in ("Marta Quill", "council clerk", "The council clerk")


def test_a_colon_after_narration_takes_no_unquoted_paragraph(nlp):
    text = "The mayor, who has run the town for a decade and rarely speaks to the press, said on Monday:\n\n" \
           "The levy was passed in a late session with four members absent.\n\nThe council meets again next week."
    assert not _said(_claims(nlp, text), "late session")


@pytest.mark.parametrize("text, words", [
    # a supposition: "'s" is no speaker
    ("Let's say you think a new roof will cost $40,000 in ten years.", "new roof"),
    # what was added is a bare noun phrase
    ("Quill backed the plan. He added a note of caution.", "note of caution"),
    # what was told is only the addressee and when
    ("A neighbour told a dispatcher before the firefighters arrived.", "firefighters arrived"),
    # inquiry names what is looked into, not what anyone asserted
    ("The documentary follows three families over a decade.\n\nThe filmmakers interviewed dozens of farmers. They "
     "explore how small towns lost their rail lines to the new highways and how the farms changed after that.",
     "rail lines"),
    # the fact a reaction came after, not the reacting party's statement
    ("Council Republicans seethed after the disclosure that the mayor's aide was cleared of wrongdoing for handing "
     "over the phone she used while sorting the town's \"official\" texts from her “private notes.”", "aide was cleared"),
    # a photo caption: what was talked about, not what was said
    ("The documentary follows three farm families.\n\nActivist Marta Quill talks to Varga about the issue of water "
     "rights in “Dry Fields.”", "water rights"),
])
def test_no_statement(nlp, text, words):
    assert not _said(_claims(nlp, text), words)


@pytest.mark.parametrize("text, words", [
    ("The clerk added a warning that the roof could fail.", "roof could fail"),
    ("A neighbour told a dispatcher that the barn was on fire.", "barn was on fire"),
    ("A neighbour told reporters the barn was on fire before the firefighters arrived.", "barn was on fire"),
    ("Quill said you think a new roof will cost $40,000 in ten years.", "new roof"),
    ("Farm groups said after the vote that the ministry had moved the subsidy.", "ministry had moved"),
    ("Quill talked about how the council had cut the levy.", "council had cut"),
    ("Quill spoke of “a betrayal of every grower in this valley.”", "betrayal"),
])
def test_still_a_statement(nlp, text, words):
    assert _said(_claims(nlp, text), words)


def test_a_works_quoted_title_is_not_what_was_said(nlp):
    text = "In her 2015 memoir, “Make Your Farm Pay,” Ms. Varga suggested planting rye before the first frost."
    claims = _claims(nlp, text)
    assert _said(claims, "planting rye") and not _said(claims, "memoir")


def test_a_fronted_quotation_before_its_cue_is_still_what_was_said(nlp):
    text = "“Our farms must pay,” Ms. Varga said at the meeting, pointing to the new grants."
    assert _said(_claims(nlp, text), "Our farms must pay")
