"""Normalisation steps for years, year ranges, decades, centuries and fiscal years, and the
tests that tell a year from a four-digit count ("2000 people")."""
from __future__ import annotations

import re

from newsledger.analyze.dates.calendar_math import since_end
from newsledger.analyze.dates.matches import PatternHit, strip_pre


# words right after a 4-digit number that make it a count, not a year
_COUNT_AFTER = re.compile(
    r"\s*(?:(?!(?:most|many|some|all|the|a|an|its|his|her|their|our|more|few|several|both|these|those|other)\b)[a-z]+\s+)?(?:people|persons|troops|soldiers|workers|employees|jobs|homes|units|"
    r"vehicles|cars|children|students|residents|deaths|cases|members|users|customers|"
    r"times|miles|km|kilometres|kilometers|meters|metres|feet|tons|tonnes|barrels|shares|"
    r"points|votes|rpm|hp|horsepower|words|pages|items|containers|servicemen|personnel|"
    r"staff|patients|deaths|refugees|migrants|fans|signatures|acres|hectares|calories|"
    r"(?![a-z]*(?:is|ss|us)\b)[a-z]+s)\b(?!\s+(?:season|election|campaign|census|report|budget|ago))")
_NOT_YEAR_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:US|USD|EUR|Rs|RM|No|no|number|Number|Section|Route|Model|"
                              r"Game|Part|Room|Flight|flight|Row|route|over|more than|than|about|some|"
                              r"nearly|almost|around|up to|least|of|total|to|and|from|between|"
                              r"approximately|roughly)\s*)$")


def _looks_like_count(text: str, m: re.Match, doc=None) -> bool:
    """A 4-digit number that counts something ("2000 people") rather than naming a year."""
    end = m.end("y")
    start = m.start("y")
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            tok = span[0]
            if tok.dep_ == "nummod" and tok.i < tok.head.i <= tok.i + 3 and tok.head.tag_ in ("NNS", "NNPS") \
                    and tok.head.lower_ not in ("elections", "olympics", "games"):
                return True
    after = text[end:end + 40]
    if re.match(r"\s*(?:[A-Za-z]{1,3}\b|[a-z]+-)", after) and re.match(r"\s*(?:in|on|at|to|as|by|of|is|was|it|he|we|an|a|and|or|the|its|his|her|for|but|she|our|had|has)\b", after) is None \
            and re.match(r"\s*[A-Z]", after) is None:
        return True  # "2000 km", "1500 rpm"
    if _COUNT_AFTER.match(after):
        word = re.match(r"\s*([a-z]+)", after)
        if word and word.group(1) in ("seasons", "elections", "olympics", "games", "levels", "figures",
                                      "results", "numbers", "rates", "prices", "sales", "earnings",
                                      "profits", "estimates", "forecasts", "accounts", "reports"):
            return False
        before = text[max(0, start - 25):start]
        return not re.search(r"\b(?:in|since|of|during|by|until|from|early|late|mid)\s*$", before, re.I)
    return False


_YEAR_PREPS = ("in", "since", "from", "until", "by", "during", "of", "before", "after", "circa",
               "around", "c.")


def _year_is_count(h: PatternHit) -> bool:
    """"$2019", "No. 2019", "more than 2000", "2000 people": a number, not a year."""
    before = h.text[max(0, h.m.start("y") - 30):h.m.start("y")]
    if _NOT_YEAR_BEFORE.search(before) and not h.g.get("pre") \
            and not re.search(r"\b(?:of|to|and|from|between)\s*$", before):
        return True
    return _looks_like_count(h.text, h.m, h.doc)


def _plausible_year(y: int, pre: str) -> bool:
    """1600-2199 after a preposition ("in 1750"), 1800-2100 on its own."""
    if y > 2199 or y < 1600:
        return False
    return bool(pre) or 1800 <= y <= 2100


def norm_year(h: PatternHit):
    """"2019", "in 2019", "since 2013" (an interval up to publication): a year."""
    y = int(h.g["y"])
    pre = (h.g.get("pre") or "").lower()
    if _year_is_count(h) or not _plausible_year(y, pre):
        return None
    if pre == "since":
        return "interval", f"{y}/{since_end(h.pub)}", h.m.start("pre"), h.end
    s = h.m.start("y") if pre in _YEAR_PREPS else h.start
    return "date", str(y), s, h.end


def norm_year_range(h: PatternHit):
    """"from 2001 to 2005", "1999-2004", "2010-12": an interval of years."""
    g = h.g
    y1 = int(g["y1"])
    y2s = g["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 200:
        return None
    if re.match(r"\s*(?:[a-z]+\s+)?(?:people|percent|per cent|%)", h.text[h.end:h.end + 20]):
        return None
    s = strip_pre(h.m) if g.get("pre") else h.m.start("y1")
    return "interval", f"{y1}/{y2}", s, h.end


def norm_decade(h: PatternHit):
    """"the 1990s" -> 199, "the '80s" -> 198 ("'10s" -> 201)."""
    cent = h.g.get("cent")
    if cent is None:
        cent = "19" if int(h.g["dec"]) >= 2 else "20"
    return "date", f"{cent}{h.g['dec']}", h.start, h.end


def norm_century(h: PatternHit):
    """"the 19th century" -> 18."""
    n = int(h.g["n"])
    if not 1 <= n <= 21:
        return None
    return "date", f"{n - 1:02d}", h.start, h.end


def norm_fiscal(h: PatternHit):
    """"fiscal 2020", "FY2021": the year."""
    return "date", h.g["y"], h.start, h.end
