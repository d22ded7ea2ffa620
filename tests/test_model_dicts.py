"""The JSON shape of the span classes: ``to_dict`` is ``dataclasses.asdict``, field for field."""
from __future__ import annotations

from dataclasses import asdict, fields

import pytest

from newsledger.model import Cue, DateExpr, Entity, Quantity, Source, Span

PLAIN = (str, int, float, bool, type(None))


@pytest.mark.parametrize("obj", [
    Span("said", 10, 14),
    Cue("did not say", 3, 14, negated=True),
    Quantity("about 300", 5, 14, 300.0, low=250.0, bound="approx", unit="troops"),
    DateExpr("last Monday", 20, 31, "2024-10-14"),
    Entity("Jane Roe", 0, 8, "PERSON"),
    Source("the mayor", 0, 9, "Jane Roe", resolved_from="Jane Roe", confidence=0.75),
])
def test_to_dict_is_asdict(obj):
    assert obj.to_dict() == asdict(obj)
    assert list(obj.to_dict()) == [f.name for f in fields(obj)]  # same keys, same order
    assert all(isinstance(v, PLAIN) for v in obj.to_dict().values())  # nothing nested to deep-copy
