"""A he/she/it after an unnamed source is not reached past it to an earlier name (issue 12,
h-claims61): a role phrase with a postmodifier ("the man in red shorts") is an unnamed person, and a
work ("the report") is an "it", never a he/she. All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about

# (text, words of the claim, a name its speaker must not hold, test id)
NOT_THEIRS = [
    ("Omar Vale runs the bakery now, and he decided to close it on Sundays.\n\n"
     "The man in the grey coat told staff he was waiting for a friend.\n\n"
     "On the tape, he says his friend wanted a cake, and then he leaves.",
     "his friend wanted a cake", "Omar Vale", "he-after-a-man-with-a-postmodifier"),
    ("Nina Holt said the vote was close.\n\nThe woman with the red umbrella said she had waited for an hour.\n\n"
     "Later she said the queue had been far too long.",
     "queue had been far too long", "Nina Holt", "she-after-a-woman-with-a-postmodifier"),
    ("The Harbor Council argued that the port was underfunded.\n\n"
     "Ships wait for days, the report says.\n\nIt also points out that the cranes are forty years old.",
     "cranes are forty years old", "Harbor Council", "it-after-a-report-is-not-an-earlier-body"),
]

# (text, words of the claim, its speaker, test id)
THEIRS = [
    ("Omar Vale runs the bakery now.\n\nOn the tape, he says the ovens were cold.",
     "ovens were cold", "Omar Vale", "he-with-no-unnamed-source-between"),
    ("Tom Reese, the mayor, spoke on Monday.\n\nA new study says the river is rising.\n\n"
     "He said the town would build a wall.",
     "town would build a wall", "Tom Reese", "a-study-is-no-he"),
]


@pytest.mark.parametrize("text, words, name, expected", [
    *[pytest.param(*case[:3], False, id=case[3]) for case in NOT_THEIRS],
    *[pytest.param(*case[:3], True, id=case[3]) for case in THEIRS]])
def test_the_speaker_is_or_is_not_named(nlp, text, words, name, expected):
    """A NOT_THEIRS name must be no part of the speaker's name; a THEIRS name must be the whole of it."""
    got = claim_about(nlp, text, words).source.name or ""
    assert (got == name if expected else name not in got), got
