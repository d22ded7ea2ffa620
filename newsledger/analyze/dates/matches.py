"""One pattern match being normalised (:class:`PatternHit`), the sentence it stands in (future tense
or not) and the offset helpers every normalisation step uses.

A step returns (kind, value, start, end), or None to reject the match.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from newsledger.analyze.dates.calendar_math import DateContext


FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo n't|shall|going to|expected to|expects to|is to|are to|scheduled|"
    r"set to|due to|plans? to|planning to|planned for|upcoming|next|later this)\b", re.I)


_SENT_END = re.compile(r"[.!?][\"”’)]?\s+|\n")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENT_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    m = _SENT_END.search(text, pos)
    return start, (m.start() if m else len(text))


@dataclass
class PatternHit:
    """One pattern match being normalised: its pattern name, the match, its groups and context."""

    name: str
    m: re.Match
    g: dict
    ctx: DateContext
    text: str
    doc: object

    @property
    def start(self) -> int:
        return self.m.start()

    @property
    def end(self) -> int:
        return self.m.end()

    @property
    def pub(self) -> Optional[_dt.date]:
        return self.ctx.pub


def strip_pre(m: re.Match, group: str = "pre") -> int:
    """Start offset after a leading preposition ("from", "between", "in") that the pattern consumed."""
    pre = m.group(group)
    if pre and pre.lower() in ("in", "on", "of", "by", "during", "at", "and", "to", "before",
                               "after", "circa", "around", "c.", "between", "from", "until", "till",
                               "through", "since"):
        return m.start(group) + len(pre)
    return m.start()


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
