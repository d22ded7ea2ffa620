"""Time expressions in news text, normalised against the publication date.

``find_dates(text, published)`` returns :class:`DateExpr` spans (offsets into ``text``) whose
``value`` follows TimeML/TIMEX3 conventions:

* dates: ``2024-10-03``, ``2024-10`` (a month), ``2024`` (a year), ``2024-W42`` (a week),
  ``2024-SU`` (a season), ``2024-Q1`` (a quarter), ``197`` (the 1970s), ``19`` (20th century);
* unknown year: ``XXXX-10-03``; a weekday with no publication date: ``XXXX-WXX-5``
  (ISO weekday number, Monday = 1);
* intervals (kind ``interval``): ``2024-10-08/2024-10-13``; ``since August`` gives
  ``2024-08/2024-10-18`` (from the month to the publication date), or ``XXXX-08/PRESENT_REF``
  when the publication date is unknown;
* times (kind ``time``): ``2024-10-18T10:09`` (``XXXX-XX-XXT10:09`` without a date);
* durations (kind ``duration``): ``P3M``, ``P15Y``, ``PXM`` for "recent months";
* sets (kind ``set``): ``XXXX-WXX-1`` for "Mondays", ``P1Y`` style values are not used;
* vague references (kind ``date``): ``PRESENT_REF`` (now, currently, today without a
  publication date), ``PAST_REF`` (recently, the past), ``FUTURE_REF`` (soon).

Year inference for a month or day written without a year: the publication year, unless the
month/day falls after the publication date, in which case the previous year (news mostly
reports the past) -- except when the sentence is future-tense (``will``, ``expected to``,
``next``, ``scheduled``...), in which case the next such month/day on or after publication.
A weekday is the most recent such day on or before the publication date (the next one after
it in a future-tense sentence). Without a publication date the year stays ``XXXX``: a
year-less date is never given a guessed year.

The package, each module importing only those above it: ``vocabulary`` (months, weekdays, units,
number words) <- ``calendar_math`` (value strings, year inference, weekday and unit arithmetic)
<- ``published`` (:func:`parse_published`); ``patterns`` (the pattern table); ``matches`` (one
match in its sentence) <- ``absolute`` (dates, months, weekdays, seasons, quarters), ``years``,
``relative`` ("last week", "ago", "yesterday"), ``durations`` (durations and clock times) <-
``normalise`` (each pattern's step) <- this module (:func:`find_dates`, :func:`date_spans`).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from newsledger.model import DateExpr
from newsledger.analyze.dates.published import parse_published
from newsledger.analyze.dates.patterns import NAMED_PATTERNS
from newsledger.analyze.dates.calendar_math import DateContext
from newsledger.analyze.dates.matches import FUTURE_CUE, sentence_bounds, trim_space
from newsledger.analyze.dates.normalise import NORMALISERS, normalise_match  # noqa: F401  (NORMALISERS: for tests)

__all__ = ["find_dates", "parse_published", "date_spans"]


def find_dates(text: str, published: Optional[str] = None, doc=None) -> list[DateExpr]:
    """Time expressions in ``text``, normalised against ``published`` (see module docstring)."""
    pub = parse_published(published)
    ctxs = {future: DateContext(pub, future) for future in (False, True)}
    cands: list[tuple[int, int, str, Optional[str], str]] = []  # start, end, kind, value, name
    for name, m, future in _scan(text):
        res = normalise_match(name, m, ctxs[future], text, doc)
        if res is None:
            continue
        kind, value, start, end = res
        start, end = trim_space(text, start, end)
        if end > start:
            cands.append((start, end, kind, value, name))
    # longest first, then earliest; drop overlaps
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for start, end, kind, value, _ in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(DateExpr(text=text[start:end], start=start, end=end, value=value, kind=kind))
    out.sort(key=lambda d: d.start)
    return out


@functools.lru_cache(maxsize=4)
def _scan(text: str) -> tuple[tuple[str, re.Match, bool], ...]:
    """(pattern name, match, future-tense sentence) of every non-empty match in ``text``: the part
    of :func:`find_dates` that does not depend on the publication date, read once per text (the
    quantity reader's call and the analyser's on the same article share it) and once per sentence
    for its tense."""
    future_of: dict[tuple[int, int], bool] = {}
    found = []
    for name, rx in NAMED_PATTERNS:
        for m in rx.finditer(text):
            if m.end() <= m.start():
                continue
            bounds = sentence_bounds(text, m.start())
            if bounds not in future_of:
                future_of[bounds] = bool(FUTURE_CUE.search(text[bounds[0]:bounds[1]]))
            found.append((name, m, future_of[bounds]))
    return tuple(found)


def date_spans(text: str, published: Optional[str] = None, doc=None) -> list[tuple[int, int]]:
    """Offsets of calendar dates, intervals, clock times and years (not durations): the spans
    :mod:`newsledger.analyze.quantities` must not read as figures."""
    return [(d.start, d.end) for d in find_dates(text, published, doc)
            if d.kind in ("date", "interval", "time") and re.search(r"\d", d.text)]
