"""Story vetoes: evidence, read from both articles, that two reports of one kind of event report
two events. A veto only ever splits where both articles give the evidence; an article that gives
none is never kept apart for it.

The evidence travels as story terms (stored with the article's other terms, so a stored article
needs no re-reading) that the story score leaves out (:func:`scored`): a veto term says which
event, never that two articles are alike.
"""
from __future__ import annotations

from typing import Iterable

from newsledger.link.measures import measure
from newsledger.model import Article

VETO_PREFIX = "m:"  # a term "m:<magnitude>": a quake's magnitude given in the article's lead
LEAD_CHARS = 300  # the lead: where an article gives the size of the event it reports
MAGNITUDE_APART = 0.5  # magnitudes this far apart are two quakes (agencies differ by 0.1-0.3)
MAGNITUDE_TERMS = 3


def magnitude_terms(a: Article, limit: int = MAGNITUDE_TERMS) -> list[str]:
    """Terms "m:<magnitude>" of the quake magnitudes the article's lead gives ("A 5.6 magnitude
    earthquake hit ..."): a quake's size is fixed, so reports of two quakes give two sizes."""
    out: list[str] = []
    for q in a.quantities or []:
        if q.where != "text" or q.start is None or q.start >= LEAD_CHARS or q.value is None:
            continue
        if not 1.0 <= q.value <= 10.0:
            continue
        m = measure(a.text[max(0, q.start - 80):q.start], q.text, a.text[q.end:q.end + 80], q.unit)
        t = f"{VETO_PREFIX}{q.value:g}"
        if m.name == "magnitude" and t not in out:
            out.append(t)
    return out[:limit]


def _magnitudes(terms: Iterable[str]) -> list[float]:
    return [float(t[len(VETO_PREFIX):]) for t in terms if t.startswith(VETO_PREFIX)]


def magnitudes_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether both articles give their quake's magnitude in the lead and every pair of the two
    is ``MAGNITUDE_APART`` or more apart (one quake: 5.9 from one agency, 6.1 from another)."""
    ma, mb = _magnitudes(a_terms), _magnitudes(b_terms)
    return bool(ma and mb) and min(abs(x - y) for x in ma for y in mb) >= MAGNITUDE_APART - 1e-9


def apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether the two articles' veto terms say they report two events."""
    return magnitudes_apart(a_terms, b_terms)


def veto_terms(a: Article) -> list[str]:
    """The article's veto terms, stored among its story terms."""
    return magnitude_terms(a)


def scored(terms: frozenset) -> frozenset:
    """The story terms the story score counts: all but the veto terms."""
    if any(t.startswith(VETO_PREFIX) for t in terms):
        return frozenset(t for t in terms if not t.startswith(VETO_PREFIX))
    return terms
