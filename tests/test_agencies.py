"""The one wire-agency registry: extraction and linking name an agency the same way."""
from __future__ import annotations

import pytest

from newsledger import agencies as A
from newsledger.extract.html import normalise_agency
from newsledger.extract.meta import find_agency
from newsledger.flags import canonical_agency, same_agency


@pytest.mark.parametrize("text,short,canonical", [
    ("Agence France-Presse in Seoul", "AFP", "Agence France-Presse"),
    ("SEOUL (AFP) —", "AFP", "Agence France-Presse"),
    ("By The Associated Press", "AP", "Associated Press"),
    ("Deutsche Presse-Agentur", "dpa", "Deutsche Presse-Agentur"),
    ("Press Association", "PA", "PA Media"),
    ("Meridian Press Agency (MPA)", "MPA", "Meridian Press Agency"),
    ("Continental News Service", "CNS", "Continental News Service"),
])
def test_extraction_and_linking_agree(text, short, canonical):
    assert find_agency(text) == normalise_agency(text) == short
    assert canonical_agency(text) == canonical
    assert same_agency(short, canonical)


@pytest.mark.parametrize("text", ["the ap style guide", "Tass is a word here", "a dpa-like afp", "", "MAP"])
def test_initials_only_in_capitals_and_as_words(text):
    assert A.find(text) is None


def test_registry_names_are_unique():
    assert len({a.name for a in A.REGISTRY}) == len(A.REGISTRY)
    assert len({a.short for a in A.REGISTRY}) == len(A.REGISTRY)
    for a in A.REGISTRY:
        assert A.find(a.name) == a, a.name
