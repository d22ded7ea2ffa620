"""The working figure (:class:`RawQuantity`) and the unit names shared by every step."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsledger.model import Quantity
from newsledger.analyze.quantities.vocab import CURRENCY_NAMES, UNIT_NAMES, UNITS_CI


@dataclass
class RawQuantity:
    start: int
    end: int
    value: float
    num_start: int
    num_end: int
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "exact"
    unit: Optional[str] = None
    concept: Optional[str] = None
    has_scale: bool = False
    is_word: bool = False
    currency: Optional[str] = None
    flags: set = field(default_factory=set)


_ONE_OF = re.compile(r"\s+of\s+(?:the|a|an|his|her|its|their|our|my|your|those|these|them|us|many|several)\b", re.I)


def is_pronoun_one(text: str, q: Quantity) -> bool:
    """"one of the largest fires": "one" as a pronoun (NewsQuant counts it; a claim's figures do not)."""
    return q.text.lower() == "one" and bool(_ONE_OF.match(text, q.end))


def overlaps_any(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def normalized_unit(q: Quantity) -> str:
    """The NewsQuant/CQE normalised unit name of a quantity's unit ("-" when none)."""
    u = q.unit
    if not u:
        return "-"
    per = ""
    if " per " in u:
        u, per = u.split(" per ", 1)
        psym = UNITS_CI.get(per.lower())
        per = " per " + (UNIT_NAMES.get(psym, psym) if psym else singular(per))
    if u in CURRENCY_NAMES:
        return CURRENCY_NAMES[u] + per
    if u in UNIT_NAMES:
        return UNIT_NAMES[u] + per
    if u.lower() == "times":
        return "count" + per
    return singular(u).lower() + per


def singular(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    w = words[-1]
    lw = w.lower()
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "servicemen": "serviceman", "feet": "foot", "teeth": "tooth", "mice": "mouse",
                 "personnel": "personnel", "staff": "staff", "police": "police", "series": "series",
                 "species": "species", "news": "news", "fishermen": "fisherman"}
    if lw in irregular:
        w = irregular[lw]
    elif lw.endswith("men") and len(lw) > 4:
        w = w[:-3] + "man"
    elif lw.endswith("ies") and len(lw) > 4:
        w = w[:-3] + "y"
    elif re.search(r"(?:ss|sh|ch|x|z)es$", lw) or lw.endswith(("uses", "oes")):
        w = w[:-2]
    elif lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2:
        w = w[:-1]
    return " ".join(words[:-1] + [w])


def to_quantity(q: RawQuantity) -> Quantity:
    return Quantity(text="", start=q.start, end=q.end, value=q.value, unit=q.unit)
