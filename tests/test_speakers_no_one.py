"""A source must be someone (issue 12, h-claims60): a bare article, a verb phrase or a quantifier over
a pronoun names nobody; a partitive relative ("many of whom") is the group named before it. All
sentences are made up."""
from __future__ import annotations

import pytest

from tests.claim_helpers import claim_about


@pytest.mark.parametrize("text, words", [
    pytest.param("Officers at the depot were suspended last week. The also said the van had been stolen twice.",
                 "van had been stolen", id="bare-article-left-by-a-typo"),
    pytest.param("Raising the fees shows the council is desperate for money.", "council is desperate",
                 id="gerund-phrase-a-deed"),
    pytest.param("Parents wrote to the school, and teachers called the office. All of them agreed the new "
                 "timetable was a mistake.", "timetable was a mistake", id="all-of-them"),
    pytest.param("The farmers met the minister. Both of them said the drought had ruined the harvest.",
                 "drought had ruined", id="both-of-them"),
    pytest.param("He spoke for those left behind, many of whom say they have no jobs to return to.",
                 "no jobs to return", id="partitive-relative-with-no-noun-before"),
])
def test_words_that_are_no_one_name_no_speaker(nlp, text, words):
    c = claim_about(nlp, text, words)
    assert c.source is not None and c.source.name is None


@pytest.mark.parametrize("text, words, group", [
    pytest.param("The council hired twelve engineers, many of whom say the bridge is unsafe.", "bridge is unsafe",
                 "engineers", id="many-of-whom"),
    pytest.param("The union represents 4,000 drivers, some of whom said the new shifts were dangerous.",
                 "shifts were dangerous", "drivers", id="some-of-whom"),
])
def test_a_partitive_relative_is_the_group_named_before_it(nlp, text, words, group):
    assert group in (claim_about(nlp, text, words).source.name or "")


@pytest.mark.parametrize("text, words, name", [
    pytest.param("The trust spending $100 million on a new bus line says the work will finish in May.",
                 "work will finish", "trust", id="a-doer-before-its-gerund"),
    pytest.param("Many said the plan was rushed.", "plan was rushed", "Many", id="a-bare-quantifier-stays"),
])
def test_a_source_with_a_doer_keeps_its_name(nlp, text, words, name):
    assert name in (claim_about(nlp, text, words).source.name or "")
