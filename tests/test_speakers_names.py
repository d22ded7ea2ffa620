"""Speaker rules against words put in the wrong mouth (issue 12, h-claims56): a name that only shares
a last word or a head noun with an earlier speaker is another speaker. All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about


@pytest.mark.parametrize("text, words, name", [
    pytest.param("Munich Re said it would stop insuring coal mines by 2030, according to its chief executive. "
                 "Swiss Re has said it will set new limits for its treaty business.", "new limits",
                 "Swiss Re", id="company-sharing-a-last-word-with-another"),
    pytest.param("Only 41 percent of voters agreed that the mayor is fit to serve, while 68 percent said the same "
                 "of his rival.", "the same of his rival", "68 percent", id="one-share-is-not-another"),
])
def test_a_name_sharing_one_word_with_a_speaker_is_its_own(nlp, text, words, name):
    assert name in (claim_about(nlp, text, words).source.name or "")


def test_a_surname_with_a_particle_is_still_the_full_name(nlp):
    text = "Anne Le Clair, an analyst at a research firm, said the market was cooling. “Buyers wait,” Le Clair said."
    assert claim_about(nlp, text, "Buyers wait").source.name == "Anne Le Clair"


@pytest.mark.parametrize("text, words, name", [
    pytest.param("The vote comes days before her first debate against Richard Hale. Republicans said the timing "
                 "was an accident.", "timing was an accident", "Republicans", id="name-ending-the-sentence-before"),
    pytest.param("\"I ask all of you to look out for your neighbours as we fight this with Maria Lopez,\" Day said. "
                 "\"Together there is nothing we cannot do.\"", "look out for your neighbours", "Day",
                 id="name-inside-the-quotation-before"),
    pytest.param("‘I ask all of you to look out for your neighbours as we fight this with Maria Lopez,’ Day said.",
                 "look out for your neighbours", "Day", id="name-inside-a-single-quotation-before"),
])
def test_a_name_across_a_sentence_or_quotation_is_no_apposition(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


def test_a_name_ending_the_reported_words_is_not_the_outlet_after_it(nlp):
    """The words before "the Harbour Gazette reported" are what the paper reported; the victim named at
    their end is no apposition of the paper (issue 12: never a mention inside reported content)."""
    text = ("Harbour police named the victim of the Friday shooting at the depot as Tomas Rendell, 40, "
            "the Harbour Gazette reported.")
    c = claim_about(nlp, text, "named the victim")
    assert c.source.name != "Tomas Rendell"


def test_a_speaker_after_a_closed_quotation_still_heads_the_chain(nlp):
    """A content that runs on past its closing quotation into the speaker's name does not hide the
    name: the quotation closed before it."""
    text = ("'It is rare that the mint would mess up an order,' Dana Kirsch, head of grading at Corvel, "
            "a coin grading firm in Ohio, told the paper.")
    assert claim_about(nlp, text, "mess up an order").source.name == "Dana Kirsch"


def test_a_name_beside_its_description_is_still_the_speaker(nlp):
    text = "Yevhen Koval, 74, a retired teacher who lost his flat, said the strikes had grown worse."
    assert claim_about(nlp, text, "strikes had grown").source.name == "Yevhen Koval"


def test_a_name_in_a_fronted_phrase_is_not_the_body_after_it(nlp):
    text = "After her meeting with Paul Brandt, the council announced that the town would end its ban on food trucks."
    assert "Brandt" not in (claim_about(nlp, text, "end its ban").source.name or "")


def test_it_never_stands_for_a_candidate_named_by_role(nlp):
    text = ("The Lane campaign has said single parents would qualify for the tax breaks. The Green candidate proposes "
            "letting parents deduct the cost of care. The average weekly benefit, it says, would be $300.")
    assert claim_about(nlp, text, "weekly benefit").source.name != "Green candidate"
