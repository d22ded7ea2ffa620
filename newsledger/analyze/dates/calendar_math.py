"""Calendar arithmetic against the publication date: TIMEX3 value strings, year inference,
weekdays, weeks and shifts by a unit."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Optional


@dataclass
class DateContext:
    pub: Optional[_dt.date]
    future: bool


def iso_day(d: _dt.date) -> str:
    return d.isoformat()


def year_month(y: Optional[int], m: int) -> str:
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


def year_month_day(y: Optional[int], m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"


def date_or_none(y: int, mo: Optional[int], d: int) -> Optional[_dt.date]:
    """The calendar date of year, month and day, or None where they make no real date."""
    try:
        return _dt.date(y, mo, d)
    except (ValueError, TypeError):
        return None


def valid_date(y: int, mo: Optional[int], d: int) -> bool:
    """Whether year, month and day make a real calendar date."""
    return date_or_none(y, mo, d) is not None


def infer_year(ctx: DateContext, month: int, day: Optional[int] = None) -> Optional[int]:
    """The year of a year-less month (and day), as documented in the module docstring."""
    if ctx.pub is None:
        return None
    p = ctx.pub
    key: tuple = (month,) if day is None else (month, day)
    pkey: tuple = (p.month,) if day is None else (p.month, p.day)
    if ctx.future:
        return p.year + 1 if key < pkey else p.year
    return p.year - 1 if key > pkey else p.year


def iso_week(d: _dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekday_date(ctx: DateContext, wd: int, rel: str = "") -> Optional[_dt.date]:
    if ctx.pub is None:
        return None
    p = ctx.pub
    rel = rel.lower()
    if rel == "next" or (ctx.future and rel != "last"):
        delta = (wd - p.isoweekday()) % 7 or (7 if rel == "next" else 0)
        return p + _dt.timedelta(days=delta)
    delta = (p.isoweekday() - wd) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return p - _dt.timedelta(days=delta)


def since_end(pub: Optional[_dt.date]) -> str:
    """The end of a "since ..." interval: the publication date, or PRESENT_REF without one."""
    return iso_day(pub) if pub else "PRESENT_REF"


def pub_day(pub: Optional[_dt.date]) -> str:
    """The day of a clock time: the publication date, or XXXX-XX-XX without one."""
    return iso_day(pub) if pub else "XXXX-XX-XX"


def shift_month(pub: _dt.date, off: int) -> str:
    """The month ``off`` months from the publication month ("2024-09" for -1 in October 2024)."""
    mm = pub.month + off
    return year_month(pub.year + (mm - 1) // 12, (mm - 1) % 12 + 1)


def shift_unit(pub: _dt.date, u: str, off: int) -> str:
    """The week, month, year, quarter, decade or century ``off`` units from the publication date."""
    if u in ("week", "weekend"):
        return iso_week(pub + _dt.timedelta(weeks=off)) + ("-WE" if u == "weekend" else "")
    if u == "month":
        return shift_month(pub, off)
    if u in ("year", "fiscal year"):
        return str(pub.year + off)
    if u == "quarter":
        q = (pub.month - 1) // 3 + 1 + off
        return f"{pub.year + (q - 1) // 4}-Q{(q - 1) % 4 + 1}"
    if u == "decade":
        return str(pub.year // 10 + off)
    return f"{pub.year // 100 + off:02d}"
