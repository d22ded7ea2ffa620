"""Normalisation steps for calendar dates: numeric and written dates, day ranges, months,
weekdays, seasons and quarters."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.dates.vocabulary import SEASONS, WEEKDAYS, month_number
from newsledger.analyze.dates.calendar_math import (
    DateContext, infer_year, iso_day, since_end, valid_date, weekday_date, year_month, year_month_day,
)
from newsledger.analyze.dates.matches import PatternHit, strip_pre


_MONTH_PREPS = ("in", "from", "until", "till", "by", "during", "through", "of", "before", "after",
                "between", "and", "to", "since")
_MONTH_ABBREVS = ("Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def norm_numeric_date(h: PatternHit):
    """"2024-10-03" (with an optional clock time) and "2024/10/3": a checked calendar date."""
    y, mo, d = int(h.g["y"]), int(h.g["m"]), int(h.g["d"])
    if not valid_date(y, mo, d):
        return None
    if h.g.get("H"):
        return "time", f"{year_month_day(y, mo, d)}T{h.g['H']}:{h.g['M']}", h.start, h.end
    return "date", year_month_day(y, mo, d), h.start, h.end


def norm_day_range(h: PatternHit):
    """"October 8 to 13", "8-13 October 2024", "between Oct. 8 and Nov. 2": an interval of days."""
    g = h.g
    mo1 = month_number(g["mon"])
    mo2 = month_number(g["mon2"]) if g.get("mon2") else mo1
    d1, d2 = int(g["d1"]), int(g["d2"])
    if mo1 is None or mo2 is None or (mo2 == mo1 and d2 <= d1):
        return None
    y = int(g["y"]) if g.get("y") else infer_year(h.ctx, mo1, d1)
    y2 = y + 1 if (y and mo2 < mo1) else y
    s = strip_pre(h.m) if g.get("pre") else h.start
    return "interval", f"{year_month_day(y, mo1, d1)}/{year_month_day(y2, mo2, d2)}", s, h.end


def norm_full_date(h: PatternHit):
    """"October 3, 2024" and "3 October 2024": a checked calendar date."""
    mo, y, d = month_number(h.g["mon"]), int(h.g["y"]), int(h.g["d"])
    if not valid_date(y, mo, d):
        return None
    return "date", year_month_day(y, mo, d), h.start, h.end


def norm_month_day(h: PatternHit):
    """"October 3" and "3 October": a day whose year is inferred from the publication date."""
    mo = month_number(h.g["mon"])
    d = int(h.g["d"])
    if mo is None:
        return None
    if h.name == "md":
        after = h.text[h.end:h.end + 12]
        if re.match(r"\s*(?:%|percent|per cent|million|billion|[a-z]+s\b)", after):
            return None  # "June 5 percent" is not a date
    if not valid_date(2000, mo, d):
        return None
    return "date", year_month_day(infer_year(h.ctx, mo, d), mo, d), h.start, h.end


def norm_month_year(h: PatternHit):
    """"March 2020", "early June 2021": a month."""
    return "date", year_month(int(h.g["y"]), month_number(h.g["mon"])), h.start, h.end


def _bare_month_rejected(mon: str, pre: str) -> bool:
    """A month name with no preposition that is probably no date: "May" (the modal verb),
    "Mar" (the verb), an abbreviation."""
    if pre:
        return False
    return mon in ("May", "Mar", "Mar.") or not mon[0].isupper() or mon.rstrip(".") in _MONTH_ABBREVS


def _month_year(ctx: DateContext, mo: int, phrase: str) -> Optional[int]:
    """The year of a year-less month: "last June" the previous one, "next June" the next one,
    "this June" the publication year; otherwise as :func:`infer_year`."""
    rel = re.findall(r"\b(last|next|this)\b", phrase.lower())
    pub = ctx.pub
    if pub and rel and rel[-1] == "last":
        return pub.year if mo < pub.month else pub.year - 1
    if pub and rel and rel[-1] == "next":
        return pub.year if mo > pub.month else pub.year + 1
    if pub and rel and rel[-1] == "this":
        return pub.year
    return infer_year(ctx, mo)


def norm_month(h: PatternHit):
    """"in June", "last June", "since August" (an interval up to publication): a month."""
    mon = h.g["mon"]
    mo = month_number(mon)
    pre = (h.g.get("pre") or "").lower()
    if mo is None or _bare_month_rejected(mon, pre):
        return None
    y = _month_year(h.ctx, mo, h.m.group(0))
    if pre == "since":
        return "interval", f"{year_month(y, mo)}/{since_end(h.pub)}", h.m.start("pre"), h.end
    s = h.m.start("mon") if pre in _MONTH_PREPS else h.start
    return "date", year_month(y, mo), s, h.end


def norm_weekday(h: PatternHit):
    """"Friday", "last Monday", "Tuesday morning", "Mondays" (a set), "since Friday" (an interval)."""
    g = h.g
    wd = WEEKDAYS[g["wd"].lower()]
    rel = (g.get("rel") or "").lower()
    if g.get("pl"):
        return "set", f"XXXX-WXX-{wd}", h.m.start("wd"), h.end
    s = h.start if rel in ("last", "next", "this", "early", "late") else h.m.start("wd")
    d = weekday_date(h.ctx, wd, rel if rel in ("last", "next") else "")
    base = iso_day(d) if d else f"XXXX-WXX-{wd}"
    part = _DAY_PARTS.get((g.get("part") or "").lower())
    if part:
        return "time", f"{base}T{part}", s, h.end
    if rel == "since":
        return "interval", f"{base}/{since_end(h.pub)}", h.start, h.end
    return "date", base, s, h.end


def norm_season(h: PatternHit):
    """"summer 2020", "last spring" -> 2023-SP; a bare "fall" is rejected."""
    code = SEASONS[h.g["s"].lower()]
    rel = (h.g.get("rel") or "").lower()
    if h.g.get("y"):
        return "date", f"{h.g['y']}-{code}", h.start, h.end
    if rel not in ("last", "next", "this"):
        return None  # a bare "fall" / "spring" is usually not a date
    if h.pub is None:
        return "date", f"XXXX-{code}", h.start, h.end
    y = h.pub.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    return "date", f"{y}-{code}", h.start, h.end


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4}


def norm_quarter(h: PatternHit):
    """"the third quarter (of 2019)", "Q3 2020": a quarter; a year-less one from the publication date."""
    qw = h.g["q"].lower()
    q = _QUARTERS.get(qw) or int(qw)
    y = h.g.get("y") or h.g.get("y0")
    if h.name == "quarter_q" and not y:
        return None
    if y:
        return "date", f"{y}-Q{q}", h.start, h.end
    if h.pub is None:
        return "date", f"XXXX-Q{q}", h.start, h.end
    pub = h.pub
    yy = pub.year if (q <= (pub.month - 1) // 3 + 1 or h.ctx.future) else pub.year - 1
    return "date", f"{yy}-Q{q}", h.start, h.end
