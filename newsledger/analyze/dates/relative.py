"""Normalisation steps for expressions relative to the publication date: "last week",
"two years ago", "yesterday", "now"."""
from __future__ import annotations

import datetime as _dt

from newsledger.analyze.dates.vocabulary import number_value, time_unit
from newsledger.analyze.dates.calendar_math import iso_day, shift_month, shift_unit, iso_week
from newsledger.analyze.dates.matches import PatternHit


_SPAN_RELS = ("the past", "the last", "the coming", "the next", "the previous")
_SPAN_UNITS = {"week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P1WE"}
_REL_OFFSETS = {"this": 0, "the current": 0, "last": -1, "the last": -1, "the previous": -1, "next": 1}
_UNKNOWN_UNITS = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                  "fiscal year": "XXXX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}


def norm_relative_unit(h: PatternHit):
    """"last week", "this year", "next quarter": a date; "the past year": a duration (P1Y)."""
    rel = h.g["rel"].lower()
    u = h.g["u"].lower()
    if rel in _SPAN_RELS and u not in _SPAN_UNITS:
        return None
    if rel in ("the past", "the coming", "the next"):
        return "duration", _SPAN_UNITS[u], h.start, h.end
    if h.pub is None:
        return "date", _UNKNOWN_UNITS[u], h.start, h.end
    return "date", shift_unit(h.pub, u, _REL_OFFSETS[rel]), h.start, h.end


def _ago_value(pub: _dt.date, n: float, u: str) -> str:
    """The date ``n`` units before publication, at the unit's granularity (PAST_REF for hours...)."""
    k = int(n)
    if u == "year":
        return str(pub.year - k)
    if u == "decade":
        return str(pub.year - 10 * k)
    if u == "month":
        return shift_month(pub, -k)
    if u in ("week", "fortnight"):
        return iso_week(pub - _dt.timedelta(days=7 * k * (2 if u == "fortnight" else 1)))
    if u == "day":
        return iso_day(pub - _dt.timedelta(days=k))
    return "PAST_REF"


def norm_ago(h: PatternHit):
    """"two years ago", "a week earlier": a date before publication; "several years ago": PAST_REF."""
    n = number_value(h.g["n"])
    if n is None or h.pub is None:
        return "date", "PAST_REF", h.start, h.end
    return "date", _ago_value(h.pub, n, time_unit(h.g["u"])), h.start, h.end


_WORD_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
              "recently": "PAST_REF", "the past": "PAST_REF", "at the time": "PAST_REF",
              "lately": "PAST_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF"}
_WORD_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "last night": -1, "tomorrow night": 1,
              "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
              "tomorrow morning": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
_WORD_PARTS = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF", "this evening": "EV",
               "last night": "NI", "tomorrow night": "NI", "yesterday morning": "MO",
               "yesterday afternoon": "AF", "yesterday evening": "EV", "tomorrow morning": "MO"}


def norm_word(h: PatternHit):
    """"now", "recently", "soon" (vague references); "yesterday", "tonight": a day (part) from publication."""
    w = h.g["w"].lower()
    if w in _WORD_REFS:
        return "date", _WORD_REFS[w], h.start, h.end
    part = _WORD_PARTS.get(w)
    if h.pub is None:
        if w == "today":
            return "date", "PRESENT_REF", h.start, h.end
        return ("time" if part else "date"), None, h.start, h.end
    d = h.pub + _dt.timedelta(days=_WORD_DAYS[w])
    if part:
        return "time", f"{iso_day(d)}T{part}", h.start, h.end
    return "date", iso_day(d), h.start, h.end
