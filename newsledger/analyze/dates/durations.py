"""Normalisation steps for durations ("three months", "recent weeks") and clock times
("10:09", "3 p.m. EST", "noon")."""
from __future__ import annotations

import re

from newsledger.analyze.dates.vocabulary import UNIT_CODES, _fmt_num, _num, _unit
from newsledger.analyze.dates.calendar_math import _pub_day
from newsledger.analyze.dates.matches import _Hit, _trim


_CLOCK_UNITS = ("hour", "minute", "second")


def _vague_duration(u: str) -> str:
    """A duration of unknown length in unit ``u``: "PXM" (months), "PTXH" (hours)."""
    code = UNIT_CODES.get(u, "X")
    return f"PTX{code}" if u in _CLOCK_UNITS else f"PX{code}"


def _norm_vague_span(h: _Hit):
    """"recent months", "the next few weeks": a duration of unknown length."""
    u = _unit(h.g["u"])
    if u in _CLOCK_UNITS:
        return "duration", _vague_duration(u), h.start, h.end
    return "duration", _vague_duration(u), _trim(h.text, h.m.start("q"), h.end)[0], h.end


def _norm_plural_unit(h: _Hit):
    """"years of war", "months later": a duration of unknown length."""
    return "duration", _vague_duration(_unit(h.g["u"])), h.start, h.end


def _duration_value(n: float, u: str) -> str:
    """"P3M", "PT2H"; decades and centuries in years ("P20Y")."""
    code = UNIT_CODES[u]
    nv = _fmt_num(n)
    if u == "decade":
        nv, code = _fmt_num(n * 10), "Y"
    if u == "century":
        nv, code = _fmt_num(n * 100), "Y"
    return f"PT{nv}{code}" if u in _CLOCK_UNITS else f"P{nv}{code}"


def _bare_article_span(h: _Hit) -> bool:
    """"a year" / "a week" with no span word before it ("for", "in", "over"...): not a duration."""
    if h.g["n"].lower() not in ("a", "an") or h.g.get("pre"):
        return False
    before = h.text[max(0, h.start - 12):h.start].lower()
    return not re.search(r"\b(?:for|in|within|over|about|nearly|almost|than|after|past)\s*$", before)


def _norm_duration(h: _Hit):
    """"three months", "the past 10 days", "two decades": a duration ("P3M", "P10D", "P20Y")."""
    n = _num(h.g["n"])
    u = _unit(h.g["u"])
    if n is None or u == "quarter" or _bare_article_span(h):
        return None
    if re.match(r"\s*(?:'s|’s)\b", h.text[h.end:h.end + 3]):
        return None
    s = h.m.start("n") if (h.g.get("pre") or "").lower() == "the" else h.start
    return "duration", _duration_value(n, u), s, h.end


def _not_a_clock_time(h: _Hit, ap: str) -> bool:
    """"10.45" (a decimal), "1:36.6" (a lap time), "3:07:35" (a duration) are no clock times."""
    if h.text[h.m.end("H")] == "." and not ap:
        return True
    if re.search(r"[\d:.]$", h.text[max(0, h.start - 2):h.start]):
        return True
    return bool(not ap and re.match(r"[.:]\d", h.text[h.end:h.end + 2]))


def _norm_clock(h: _Hit):
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
    s, e = _trim(h.text, h.start, h.end)
    return "time", f"{_pub_day(h.pub)}T{H:02d}:{M:02d}", s, e


def _norm_noon(h: _Hit):
    """"noon", "midnight": 12:00 or 00:00 on the publication day."""
    clock = "00:00" if h.g["w"].lower() == "midnight" else "12:00"
    return "time", f"{_pub_day(h.pub)}T{clock}", h.start, h.end
