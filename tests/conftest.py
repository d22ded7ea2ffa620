"""Fixtures shared by the test modules."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The product's spaCy pipeline (loaded once per process)."""
    from newsledger.analyze.nlp import get_nlp

    return get_nlp()

