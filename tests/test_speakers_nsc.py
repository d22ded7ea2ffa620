"""Speaker rules for the kinds of wrong speakers the news-story-chains dev pages showed (issue 12,
h-claims37); each case names the kind. All sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about

TORVIK = ("Torvik’s Oslo office will run the study. Torvik’s CEO of Offshore Production, Flemming Grønlund, said the "
          "awards were its first with Total. He said: “We are thrilled with this chance.”")

# (text, words of the claim, its speaker)
THEIRS = [
    pytest.param("The news agency quoted the ministry spokesman as saying the country will take all necessary "
                 "measures.", "necessary measures", "ministry spokesman", id="agency-quoted-an-official-as-saying"),
    pytest.param("The paper quoted Jane Roe, a local farmer, as saying the river had never been so low.",
                 "never been so low", "Jane Roe", id="paper-quoted-a-name-in-apposition-as-saying"),
    pytest.param("Reuters said that Acme Silicon Industry said on an investor platform that it backed the ministry "
                 "reaction.", "backed the ministry", "Acme Silicon Industry", id="agency-said-that-a-company-said"),
    pytest.param("Customs issued a Withhold Release Order (WRO) against the maker. Firms must now trace supply chains, "
                 "said Mark Herlach, a partner in the Boston law firm Hogan Lovells. In a note to clients, the firm "
                 "said that sanctions could hurt buyers of panels.", "hurt buyers", "Hogan Lovells",
                 id="the-firm-after-law-firm-name"),
    pytest.param("Hard drive makers want more capacity. This week SDK announced it had improved upon heat "
                 "assisted recording to allow for bigger drives.", "bigger drives", "SDK",
                 id="time-phrase-before-the-subject"),
    pytest.param("Lloyd’s of London, which has around 100 syndicate members and launched a strategy on coal last "
                 "year, said by email that it would publish further guidance.", "further guidance", "Lloyd's of London",
                 id="said-by-email-after-a-relative-clause"),
    pytest.param(TORVIK, "first with Total", "Flemming Grønlund", id="role-of-a-division-with-its-name-after-a-comma"),
    pytest.param(TORVIK, "thrilled", "Flemming Grønlund", id="he-after-a-role-of-a-division-with-its-name"),
    # the rules must leave these as they were
    pytest.param("Reuters said that the plant had closed in May.", "plant had closed", "Reuters",
                 id="agency-own-words"),
    pytest.param("Tom Hale said that Acme Silicon Industry said on its website that it backed the plan.",
                 "backed the plan", "Tom Hale", id="a-person-reporting-a-company-keeps-the-words"),
    pytest.param("Norway said Mr Hale had told President Ana Diaz by telephone on Wednesday that he was well.",
                 "he was well", "Norway", id="a-country-reporting-a-persons-words-keeps-them"),
    pytest.param("The law firm Hogan Lovells advised the buyer. Kestrel Motors announced record sales on Monday. The "
                 "company said the recall covered 40,000 cars.", "recall covered", "Kestrel Motors",
                 id="the-company-after-a-later-organisation"),
]


@pytest.mark.parametrize("text, words, name", THEIRS)
def test_the_speaker_is_named(nlp, text, words, name):
    assert claim_about(nlp, text, words).source.name == name
