"""Which normalisation step reads each pattern of :mod:`newsledger.analyze.dates.patterns`:
one small step per pattern family; :data:`NORMALISERS` maps each pattern name to its step."""
from __future__ import annotations

import re

from newsledger.analyze.dates.calendar_math import DateContext
from newsledger.analyze.dates.matches import PatternHit
from newsledger.analyze.dates.absolute import (
    norm_day_range, norm_full_date, norm_month, norm_month_day, norm_month_year,
    norm_numeric_date, norm_quarter, norm_season, norm_weekday,
)
from newsledger.analyze.dates.years import norm_century, norm_decade, norm_fiscal, norm_year, norm_year_range
from newsledger.analyze.dates.relative import norm_ago, norm_relative_unit, norm_word
from newsledger.analyze.dates.durations import norm_clock, norm_duration, norm_noon, norm_plural_unit, norm_vague_span


NORMALISERS = {
    "iso": norm_numeric_date, "iso_slash": norm_numeric_date,
    "md_range": norm_day_range, "dm_range": norm_day_range,
    "mdy": norm_full_date, "dmy": norm_full_date,
    "md": norm_month_day, "dm": norm_month_day,
    "my": norm_month_year,
    "month": norm_month,
    "weekday": norm_weekday,
    "year_range": norm_year_range,
    "decade": norm_decade,
    "century": norm_century,
    "season": norm_season,
    "quarter": norm_quarter, "quarter_q": norm_quarter,
    "fiscal": norm_fiscal,
    "rel_unit": norm_relative_unit,
    "ago": norm_ago,
    "word": norm_word,
    "recent": norm_vague_span,
    "duration": norm_duration,
    "plural_unit": norm_plural_unit,
    "time": norm_clock, "time_h": norm_clock,
    "noon": norm_noon,
    "year": norm_year,
}


def normalise_match(name: str, m: re.Match, ctx: DateContext, text: str, doc):
    """(kind, value, start, end) for one pattern match, or None to reject it."""
    step = NORMALISERS.get(name)
    if step is None:
        return None
    return step(PatternHit(name, m, m.groupdict(), ctx, text, doc))
