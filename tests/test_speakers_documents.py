"""A release, statement, letter or filing is not a speaker; its issuer is, when the text names one
just before (issue 12, h-claims28). All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about

ISSUED = {
    "issued-a-release": ("The Harbor Agency issued a release on Tuesday about the seizure. According to the release, "
                         "officers found 40 kilos of heroin in a truck.", "40 kilos", "Harbor Agency"),
    "said-in-a-statement": ("The Harbor Agency said in a statement on Monday that the port was closed. The statement "
                            "said the storm had damaged two piers.", "damaged two piers", "Harbor Agency"),
    "a-letter-from": ("That was the warning in a letter from Governor Anna Holt to the minister.\n\nThe letter said "
                      "hospitals would be full by May.", "hospitals would be full", "Anna Holt"),
    "ran-a-profile-then-the-story": ("The Daily Courier ran a profile of the banker in 2003. The story portrayed him "
                                     "as a recluse who shunned parties.", "recluse", "Daily Courier"),
    "a-release-after-an-announcement": (
        "The drugs were found on Sunday, Kestrel Port Authority announced Tuesday. The drugs are worth $2 million."
        "\n\nOn May 3, officers stopped a boat near the pier. According to the release, officers found the drugs "
        "under the deck.", "under the deck", "Kestrel Port Authority"),
}


@pytest.mark.parametrize("case", ISSUED)
def test_a_bare_document_speaks_for_the_issuer_named_before_it(nlp, case):
    text, words, issuer = ISSUED[case]
    c = claim_about(nlp, text, words)
    assert c.source.name == issuer and c.source.resolved_from == issuer


NO_ONE_ISSUER = {
    "two-issuers-name-none": ("The Harbor Agency and the Port Board issued a joint release on Monday. According to "
                              "the release, the pier will close for a month.", "pier will close", "Harbor Agency"),
    "an-issuer-two-paragraphs-back-is-too-far": (
        "The Daily Courier ran a profile of the banker in 2003.\n\nHis friends were puzzled.\n\nThe story portrayed "
        "him as a recluse who shunned parties.", "recluse", "Daily Courier"),
}


@pytest.mark.parametrize("case", NO_ONE_ISSUER)
def test_a_document_keeps_its_own_words_without_one_issuer_nearby(nlp, case):
    text, words, wrong = NO_ONE_ISSUER[case]
    assert claim_about(nlp, text, words).source.name != wrong


def test_a_place_inside_a_phrase_does_not_join_an_outlet_named_after_it(nlp):
    from newsledger.analyze.attribution import find_claims

    text = ("New Haven magazine ran a profile of the banker in 2003. The story portrayed him as a recluse who "
            "shunned parties.\n\nOn Monday, federal prosecutors in New Haven said the banker had hidden $2 million.")
    names = {c.content.text: c.source.name for c in find_claims(nlp(text), text)}
    assert any("recluse" in k and v == "New Haven magazine" for k, v in names.items())
    assert all(v != "New Haven magazine" for k, v in names.items() if "hidden" in k)
