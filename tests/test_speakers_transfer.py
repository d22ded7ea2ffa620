"""Speaker rules that transfer (issue 12, h-claims42): grammar and what a name is, not one page's
wording (and h-claims52: speakers of US political news). All sentences are made up; each case
names the kind."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about

REINSURERS = ("Storms cost insurers dearly last year. Munich Re said its losses rose. Hannover Re also reported "
              "higher claims. Only Swiss Re has said it will raise prices in July.")

# (text, words of the claim, its speaker or None for unresolved)
THEIRS = [
    pytest.param(REINSURERS, "higher claims", "Hannover Re", id="names-sharing-a-head-word-are-two"),
    pytest.param(REINSURERS, "its losses rose", "Munich Re", id="the-first-of-them-keeps-its-name"),
    # the rule must leave these as they were
    pytest.param("Tom Hale said the bridge would open. Mr Hale said the toll would stay.", "toll would stay",
                 "Tom Hale", id="a-title-before-the-surname"),
    pytest.param("Tom Hale said the bridge would open. Labour's Hale said the toll would stay.", "toll would stay",
                 "Tom Hale", id="a-possessor-before-the-surname"),
    # a sentence's end (h-claims52): the name ending the sentence before is no apposition of a group
    pytest.param("The vote comes a week after a visit by Ada Kole. Democrats said the two events were unrelated.",
                 "two events were unrelated", "Democrats", id="a-name-ending-the-sentence-before-is-no-apposition"),
    # "A said B was right when he said ...": he is B, the subject of the reported words, not A (h-claims52)
    pytest.param('Former mayor Tom Okafor said Governor Sam Pike was "completely right" when he said on Tuesday that '
                 'the bridge "is falling apart."', "falling apart", "Sam Pike", id="a-he-inside-reported-words"),
    # nobody's words (h-claims52): "the campaign" is the body its spokesman speaks for; "you" is no speaker
    pytest.param("Campaign spokesman Rob Tate said the plan was ready. The campaign has credited the governor with "
                 "designing it.", "the governor with designing", "campaign", id="the-campaign-is-no-spokesman"),
    pytest.param("If you pointed to the report, you said the mayor had failed.", "the mayor had failed", None,
                 id="you-names-nobody"),
]


@pytest.mark.parametrize("text, words, name", THEIRS)
def test_the_speaker(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name
