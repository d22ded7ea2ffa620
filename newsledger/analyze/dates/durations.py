"""Normalisation steps for durations ("three months", "recent weeks") and clock times
("10:09", "3 p.m. EST", "noon")."""
from __future__ import annotations

import re

from newsledger.analyze.dates.vocabulary import UNIT_CODES, format_number, number_value, time_unit
from newsledger.analyze.dates.calendar_math import pub_day
from newsledger.analyze.dates.matches import PatternHit, trim_space


_CLOCK_UNITS = ("hour", "minute", "second")


def _vague_duration(u: str) -> str:
    """A duration of unknown length in unit ``u``: "PXM" (months), "PTXH" (hours)."""
    code = UNIT_CODES.get(u, "X")
    return f"PTX{code}" if u in _CLOCK_UNITS else f"PX{code}"


def norm_vague_span(h: PatternHit):
    """"recent months", "the next few weeks": a duration of unknown length."""
    u = time_unit(h.g["u"])
    if u in _CLOCK_UNITS:
        return "duration", _vague_duration(u), h.start, h.end
    return "duration", _vague_duration(u), trim_space(h.text, h.m.start("q"), h.end)[0], h.end


def norm_plural_unit(h: PatternHit):
    """"years of war", "months later": a duration of unknown length."""
    return "duration", _vague_duration(time_unit(h.g["u"])), h.start, h.end


def _duration_value(n: float, u: str) -> str:
    """"P3M", "PT2H"; decades and centuries in years ("P20Y")."""
    code = UNIT_CODES[u]
    nv = format_number(n)
    if u == "decade":
        nv, code = format_number(n * 10), "Y"
    if u == "century":
        nv, code = format_number(n * 100), "Y"
    return f"PT{nv}{code}" if u in _CLOCK_UNITS else f"P{nv}{code}"


def _bare_article_span(h: PatternHit) -> bool:
    """"a year" / "a week" with no span word before it ("for", "in", "over"...): not a duration."""
    if h.g["n"].lower() not in ("a", "an") or h.g.get("pre"):
        return False
    before = h.text[max(0, h.start - 12):h.start].lower()
    return not re.search(r"\b(?:for|in|within|over|about|nearly|almost|than|after|past)\s*$", before)


def norm_duration(h: PatternHit):
    """"three months", "the past 10 days", "two decades": a duration ("P3M", "P10D", "P20Y")."""
    n = number_value(h.g["n"])
    u = time_unit(h.g["u"])
    if n is None or u == "quarter" or _bare_article_span(h):
        return None
    if re.match(r"\s*(?:'s|’s)\b", h.text[h.end:h.end + 3]):
        return None
    s = h.m.start("n") if (h.g.get("pre") or "").lower() == "the" else h.start
    return "duration", _duration_value(n, u), s, h.end


def _not_a_clock_time(h: PatternHit, ap: str) -> bool:
    """"10.45" (a decimal), "1:36.6" (a lap time), "3:07:35" (a duration) are no clock times."""
    if h.text[h.m.end("H")] == "." and not ap:
        return True
    if re.search(r"[\d:.]$", h.text[max(0, h.start - 2):h.start]):
        return True
    return bool(not ap and re.match(r"[.:]\d", h.text[h.end:h.end + 2]))


def norm_clock(h: PatternHit):
    """"10:09", "9.45pm", "3 p.m. EST": a time on the publication day (24-hour clock)."""
    H = int(h.g["H"])
    M = int(h.g.get("M") or 0)
    ap = (h.g.get("ap") or "").lower().replace(".", "")
    if h.name == "time" and _not_a_clock_time(h, ap):
        return None
    if ap == "pm" and H < 12:
        H += 12
    if ap == "am" and H == 12:
        H = 0
    s, e = trim_space(h.text, h.start, h.end)
    return "time", f"{pub_day(h.pub)}T{H:02d}:{M:02d}", s, e


def norm_noon(h: PatternHit):
    """"noon", "midnight": 12:00 or 00:00 on the publication day."""
    clock = "00:00" if h.g["w"].lower() == "midnight" else "12:00"
    return "time", f"{pub_day(h.pub)}T{clock}", h.start, h.end
