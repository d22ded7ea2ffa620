"""Speaker rules that transfer (issue 12, h-claims42): grammar and what a name is, not one page's
wording. All sentences are made up; each case names the kind."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about

REINSURERS = ("Storms cost insurers dearly last year. Munich Re said its losses rose. Hannover Re also reported "
              "higher claims. Only Swiss Re has said it will raise prices in July.")

# (text, words of the claim, its speaker or None for unresolved)
THEIRS = [
    pytest.param(REINSURERS, "higher claims", "Hannover Re", id="names-sharing-a-head-word-are-two"),
    pytest.param(REINSURERS, "its losses rose", "Munich Re", id="the-first-of-them-keeps-its-name"),
    pytest.param("The lab results, together with the photos, led fire inspector Ana Ruiz to conclude the fire was "
                 "deliberate.", "fire was deliberate", "Ana Ruiz", id="led-the-object-to-conclude"),
    pytest.param("That strong showing inspired Governor Ann Tate, a Hale backer, to urge Hale to quit the race.",
                 "Hale to quit", "Ann Tate", id="inspired-the-object-to-urge"),
    pytest.param("The report was published on Monday. Chief Executive Officer (Acting) of the Authority, Gary Scott, "
                 "added that fees would rise.", "fees would rise", "Gary Scott",
                 id="a-title-first-with-its-name-after"),
    pytest.param("We went back to the kitchen. Kneeling in the snow, Manzaro said the battery had failed. Kavi "
                 "Darsh leads the nonprofit Clean Snow Trust and lived in the hills before moving to the U.S. He told "
                 "me that glaciers are crucial to sea levels.", "glaciers are crucial", None,
                 id="he-after-a-person-the-tagger-read-as-an-organisation"),
    # the rules must leave these as they were
    pytest.param("Partners want open tools, said Anna Le Clair, an analyst at Norwin Research. If anything holds "
                 "vendors back, it is the wish to lock customers in, Le Clair said. She stressed the need for tools "
                 "to stay open.", "need for tools", "Anna Le Clair",
                 id="she-after-the-same-person-read-as-an-organisation"),
    pytest.param("Tom Hale said the bridge would open. Mr Hale said the toll would stay.", "toll would stay",
                 "Tom Hale", id="a-title-before-the-surname"),
    pytest.param("Tom Hale said the bridge would open. Labour's Hale said the toll would stay.", "toll would stay",
                 "Tom Hale", id="a-possessor-before-the-surname"),
    pytest.param("Hale urged the council to say more about the cuts.", "more about the cuts", "Hale",
                 id="the-one-who-urges-keeps-the-urging"),
]


@pytest.mark.parametrize("text, words, name", THEIRS)
def test_the_speaker(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name


def test_a_name_inside_the_closed_quote_is_no_apposition(nlp):
    """'"... with COVID-19," Day said': the name the tagger found inside the quotation just closed
    (here a disease it read as a person) does not stand beside the speaker."""
    text = ('"We will stay open," County Executive Ed Day said. "I ask all of you to look out for your friends as we '
            'navigate this situation with COVID-19," Day said. "Together we will win."')
    assert claim_about(nlp, text, "look out for your friends").source.name.endswith("Ed Day")
