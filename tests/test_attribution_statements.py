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


@pytest.mark.parametrize("text, words, speaker, cue", [
    ("Vandals sprayed paint over the graves on Tuesday.\n\nThe chair of the parish board, Councillor Ruth "
     "Ellery, has issued the following statement:\n\n“Whoever did this has no respect for the dead or for "
     "the families who grieve here. We are working with officers to find them.”\n\nThe cemetery reopens soon.",
     "no respect for the dead", "Ruth Ellery", "issued"),
    ("The port reopened on Friday.\n\n“The deeper your harbour, the bigger the ships you can take,” Maria "
     "Olsen, who ran the docks for a decade and is now chief of dredging startup Deep Channel, told the "
     "Harbour Gazette.\n\nShips queued outside.", "bigger the ships", "Maria Olsen", "told"),
])
def test_a_quotation_the_parse_left_apart_keeps_its_named_speaker(nlp, text, words, speaker, cue):
    """A statement issued before a colon says the quotation after it; a fronted quotation keeps a speaker
    whose long description misled the parse."""
    hits = _said(_claims(nlp, text), words)
    assert hits and hits[0].source.name.endswith(speaker) and hits[0].cue.text.endswith(cue)


def test_an_issued_statement_takes_no_unquoted_paragraph(nlp):
    text = "The firm issued the following statement:\n\nThe plant will close in May.\n\nWorkers were told on Friday."
    assert not _said(_claims(nlp, text), "plant will close")


@pytest.mark.parametrize("between", ["a friend of Maria Olsen, who has known her for years,",
                                     "Maria Olsen’s lawyer, who has known her for years and is now partner of "
                                     "startup Lex Law,"])
def test_a_fronted_quotation_never_goes_to_a_name_beside_the_speaker(nlp, between):
    text = f"“We will win the appeal before the summer is out,” {between} told reporters."
    assert not any(c.source is not None and c.source.name == "Maria Olsen"
                   for c in _said(_claims(nlp, text), "win the appeal"))


@pytest.mark.parametrize("text, words, speaker", [
    ("A crew member was at the dock within minutes, said harbour manager Ted Voss, ready to move the boats away "
     "from the flames.", "at the dock", "Ted Voss"),
    ("The ministry on Monday ordered a ban on imports of cheap steel from two mills over safety concerns, said two "
     "officials briefed on the matter. The trade office declined to comment.", "ordered a ban", "officials"),
])
def test_an_inverted_said_gives_the_clause_to_the_speaker_after_it(nlp, text, words, speaker):
    hits = _said(_claims(nlp, text), words)
    assert hits and speaker in hits[0].source.name and hits[0].cue.text == "said"


@pytest.mark.parametrize("text", ["He left the room, said goodbye, and drove off into the rain.",
                                  "The clerk, said to be forty, was arrested at the border on Monday.",
                                  "The guild, which hands out the annual prizes, said Ann Tate, 40, star of the film "
                                  "\"Harbour\", will host the show."])
def test_an_inverted_said_needs_a_speaker_phrase_and_a_clause(nlp, text):
    assert not [c for c in _claims(nlp, text) if c.source is not None and c.cue.text == "said"
                and c.content.text.startswith(("He left", "The clerk", "The guild"))]


def test_an_inverted_said_needs_no_subject_before_it(nlp):
    text = "“We are far behind on the harbour works,” Ann Tate, a top adviser, said Thursday morning on Radio Nine."
    assert not [c for c in _claims(nlp, text) if c.source is not None and "Radio" in c.source.name]
