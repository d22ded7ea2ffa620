"""The words of time expressions: months, weekdays, seasons, time units and number words."""
from __future__ import annotations

import re
from typing import Optional


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
            "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
            "fri": 5, "sat": 6, "sun": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
              "year": "Y", "decade": "DE", "century": "CE", "fortnight": "W", "weekend": "WE",
              "quarter": "Q"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "half a": 0.5, "a half": 0.5,
}


def month_number(tok: str) -> Optional[int]:
    return MONTHS.get(tok.lower().rstrip("."))


def number_value(tok: str) -> Optional[float]:
    tok = tok.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", tok):
        return float(tok)
    return NUMBER_WORDS.get(tok)


def format_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def time_unit(tok: str) -> str:
    """A time unit as :data:`UNIT_CODES` names it ("Years" -> "year", "centurie" -> "century")."""
    u = tok.lower().rstrip("s")
    return "century" if u == "centurie" else u
