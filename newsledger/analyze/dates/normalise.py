"""Which normalisation step reads each pattern of :mod:`newsledger.analyze.dates.patterns`:
one small step per pattern family; :data:`_NORMALISERS` maps each pattern name to its step."""
from __future__ import annotations

import re

from newsledger.analyze.dates.calendar_math import _Ctx
from newsledger.analyze.dates.matches import _Hit
from newsledger.analyze.dates.absolute import (
    _norm_day_range, _norm_full_date, _norm_month, _norm_month_day, _norm_month_year,
    _norm_numeric_date, _norm_quarter, _norm_season, _norm_weekday,
)
from newsledger.analyze.dates.years import _norm_century, _norm_decade, _norm_fiscal, _norm_year, _norm_year_range
from newsledger.analyze.dates.relative import _norm_ago, _norm_relative_unit, _norm_word
from newsledger.analyze.dates.durations import _norm_clock, _norm_duration, _norm_noon, _norm_plural_unit, _norm_vague_span


_NORMALISERS = {
    "iso": _norm_numeric_date, "iso_slash": _norm_numeric_date,
    "md_range": _norm_day_range, "dm_range": _norm_day_range,
    "mdy": _norm_full_date, "dmy": _norm_full_date,
    "md": _norm_month_day, "dm": _norm_month_day,
    "my": _norm_month_year,
    "month": _norm_month,
    "weekday": _norm_weekday,
    "year_range": _norm_year_range,
    "decade": _norm_decade,
    "century": _norm_century,
    "season": _norm_season,
    "quarter": _norm_quarter, "quarter_q": _norm_quarter,
    "fiscal": _norm_fiscal,
    "rel_unit": _norm_relative_unit,
    "ago": _norm_ago,
    "word": _norm_word,
    "recent": _norm_vague_span,
    "duration": _norm_duration,
    "plural_unit": _norm_plural_unit,
    "time": _norm_clock, "time_h": _norm_clock,
    "noon": _norm_noon,
    "year": _norm_year,
}


def _normalise(name: str, m: re.Match, ctx: _Ctx, text: str, doc):
    """(kind, value, start, end) for one pattern match, or None to reject it."""
    step = _NORMALISERS.get(name)
    if step is None:
        return None
    return step(_Hit(name, m, m.groupdict(), ctx, text, doc))
