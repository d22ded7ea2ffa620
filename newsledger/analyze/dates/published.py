"""The publication date of an article's date stamp."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from newsledger.analyze.dates.vocabulary import MONTHS
from newsledger.analyze.dates.calendar_math import date_or_none


def parse_published(s: Optional[str]) -> Optional[_dt.date]:
    """The calendar date of a publication stamp, or None (a bare clock time "10:09" has no date).

    Accepts ISO dates/datetimes ("2024-10-18", "2024-10-18T10:09:00+02:00", "2024/10/18"),
    "18 October 2024", "October 18, 2024", "Oct. 18 2024" and RFC 2822 ("Fri, 18 Oct 2024 ...").
    """
    if not s:
        return None
    s = str(s).strip()
    m = re.search(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", s)
    if m:
        return date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", s)
    if m and m.group(2).lower() in MONTHS:
        return date_or_none(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", s)
    if m and m.group(1).lower() in MONTHS:
        return date_or_none(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None
