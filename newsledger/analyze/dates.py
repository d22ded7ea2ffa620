"""Time expressions in news text, normalised against the publication date.

``find_dates(text, published)`` returns :class:`DateExpr` spans (offsets into ``text``) whose
``value`` follows TimeML/TIMEX3 conventions:

* dates: ``2024-10-03``, ``2024-10`` (a month), ``2024`` (a year), ``2024-W42`` (a week),
  ``2024-SU`` (a season), ``2024-Q1`` (a quarter), ``197`` (the 1970s), ``19`` (20th century);
* unknown year: ``XXXX-10-03``; a weekday with no publication date: ``XXXX-WXX-5``
  (ISO weekday number, Monday = 1);
* intervals (kind ``interval``): ``2024-10-08/2024-10-13``; ``since August`` gives
  ``2024-08/2024-10-18`` (from the month to the publication date), or ``XXXX-08/PRESENT_REF``
  when the publication date is unknown;
* times (kind ``time``): ``2024-10-18T10:09`` (``XXXX-XX-XXT10:09`` without a date);
* durations (kind ``duration``): ``P3M``, ``P15Y``, ``PXM`` for "recent months";
* sets (kind ``set``): ``XXXX-WXX-1`` for "Mondays", ``P1Y`` style values are not used;
* vague references (kind ``date``): ``PRESENT_REF`` (now, currently, today without a
  publication date), ``PAST_REF`` (recently, the past), ``FUTURE_REF`` (soon).

Year inference for a month or day written without a year: the publication year, unless the
month/day falls after the publication date, in which case the previous year (news mostly
reports the past) -- except when the sentence is future-tense (``will``, ``expected to``,
``next``, ``scheduled``...), in which case the next such month/day on or after publication.
A weekday is the most recent such day on or before the publication date (the next one after
it in a future-tense sentence). Without a publication date the year stays ``XXXX``: a
year-less date is never given a guessed year.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from newsledger.model import DateExpr

__all__ = ["find_dates", "parse_published", "date_spans"]

# ---------------------------------------------------------------- vocabulary

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
VAGUE_COUNT = {"several", "few", "a few", "many", "some", "recent", "the past few", "the last few",
               "the next few", "past few", "last few", "next few", "the past several",
               "the last several", "the next several", "coming", "the coming"}

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
             r"Nov\.?|Dec\.?)")
_MONTH_RE_CI = r"(?:" + _MONTH_RE + r"|(?i:january|february|march|april|june|july|august|september|october|november|december))"
_WEEKDAY_RE = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"
_NUMW = (r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
         r"fifty|sixty|seventy|eighty|ninety|a hundred|hundred|half a)")
_TUNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie|quarter)"
_TZ = r"(?:\s*(?:GMT|UTC|BST|CET|CEST|EDT|EST|ET|PDT|PST|PT|CDT|CST|CT|MDT|MST|KST|JST|IST|MSK|AEST|AEDT)\b)?"
_AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|a\.m\b|p\.m\b)"

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|shall|going to|expected to|expects to|is to|are to|scheduled|"
    r"set to|due to|plans? to|planning to|planned for|upcoming|next|later this)\b", re.I)


# ---------------------------------------------------------------- published


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
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", s)
    if m and m.group(2).lower() in MONTHS:
        try:
            return _dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", s)
    if m and m.group(1).lower() in MONTHS:
        try:
            return _dt.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _published_time(s: Optional[str]) -> Optional[str]:
    if not s:
        return None
    m = re.search(r"(?:T|\s|^)(\d{1,2}):(\d{2})", str(s))
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


# ---------------------------------------------------------------- helpers


@dataclass
class _Ctx:
    pub: Optional[_dt.date]
    future: bool


def _iso(d: _dt.date) -> str:
    return d.isoformat()


def _ym(y: Optional[int], m: int) -> str:
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


def _ymd(y: Optional[int], m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"


def _infer_year(ctx: _Ctx, month: int, day: Optional[int] = None) -> Optional[int]:
    """The year of a year-less month (and day), as documented in the module docstring."""
    if ctx.pub is None:
        return None
    p = ctx.pub
    key: tuple = (month,) if day is None else (month, day)
    pkey: tuple = (p.month,) if day is None else (p.month, p.day)
    if ctx.future:
        return p.year + 1 if key < pkey else p.year
    return p.year - 1 if key > pkey else p.year


def _month(tok: str) -> Optional[int]:
    return MONTHS.get(tok.lower().rstrip("."))


def _num(tok: str) -> Optional[float]:
    tok = tok.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", tok):
        return float(tok)
    return NUMBER_WORDS.get(tok)


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _week(d: _dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _weekday_date(ctx: _Ctx, wd: int, rel: str = "") -> Optional[_dt.date]:
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


_SENT_END = re.compile(r"[.!?][\"”’)]?\s+|\n")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENT_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    m = _SENT_END.search(text, pos)
    return start, (m.start() if m else len(text))


# ---------------------------------------------------------------- patterns

_P: list[tuple[str, re.Pattern]] = []


def _pat(name: str, rx: str, flags: int = 0) -> None:
    _P.append((name, re.compile(rx, flags)))


# order matters only for documentation; overlaps are resolved by length then position
_pat("iso", r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b")
_pat("iso_slash", r"\b(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])\b")
# ranges first: "from October 8 to 13", "October 8-13, 2024", "between Oct. 8 and Nov. 2"
_pat("md_range", r"(?:\b(?P<pre>from|between)\s+)?\b(?P<mon>" + _MONTH_RE + r")\s+(?P<d1>" + _DAY + r")" + _ORD +
     r"\s*(?:-|–|—|to|and|through|until|till)\s*(?:(?P<mon2>" + _MONTH_RE + r")\s+)?(?P<d2>" + _DAY + r")" + _ORD +
     r"(?![\d,.]\d)(?:,?\s+(?P<y>" + _YEAR + r"))?\b")
_pat("dm_range", r"(?:\b(?P<pre>from|between)\s+)?\b(?P<d1>" + _DAY + r")" + _ORD + r"\s*(?:-|–|—|to|and|until)\s*(?P<d2>" +
     _DAY + r")" + _ORD + r"\s+(?P<mon>" + _MONTH_RE + r")(?:,?\s+(?P<y>" + _YEAR + r"))?\b")
_pat("mdy", r"\b(?P<mon>" + _MONTH_RE + r")\s+(?P<d>" + _DAY + r")" + _ORD + r"(?:,\s*|\s+)(?P<y>" + _YEAR + r")\b(?![,.]?\d)")
_pat("dmy", r"\b(?P<d>" + _DAY + r")" + _ORD + r"(?:\s+of)?\s+(?P<mon>" + _MONTH_RE + r"),?\s+(?P<y>" + _YEAR + r")\b")
_pat("md", r"\b(?P<mon>" + _MONTH_RE + r")\s+(?P<d>" + _DAY + r")" + _ORD + r"\b(?![:,.]?\d)")
_pat("dm", r"\b(?P<d>" + _DAY + r")" + _ORD + r"(?:\s+of)?\s+(?P<mon>" + _MONTH_RE + r")(?![a-z])")
_pat("my", r"(?:\b(?P<mod>early|mid|late|the end of|end of|the start of|the beginning of)[\s-]+)?\b(?P<mon>" + _MONTH_RE + r"),?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b")
_pat("month", r"(?:\b(?P<pre>in|since|from|until|till|by|during|through|of|before|after|early|late|mid|last|next|this|past|between|and|to)[\s-]+(?:(?:early|late|mid|last|next|this)[\s-]+)?)?\b(?P<mon>" + _MONTH_RE + r")(?![\w-])")
_pat("weekday", r"(?:\b(?P<rel>last|next|this|on|since|until|by|from|early|late)\s+)?\b(?P<wd>" + _WEEKDAY_RE + r")(?P<pl>s)?"
     r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b")
_pat("year_range", r"\b(?P<pre>from|between)?\s*\b(?P<y1>" + _YEAR + r")\s*(?:-|–|—|to|and|through|until)\s*(?P<y2>" + _YEAR + r"|\d\d)\b(?![,.]?\d|\s*%)")
_pat("decade", r"\b(?:the\s+)?(?:(?P<cent>1[6-9]|20)|')(?P<dec>\d)0s\b")
_pat("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury\b")
_pat("season", r"\b(?:(?P<rel>last|next|this|early|late|the)\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?\b", re.I)
_pat("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?\b", re.I)
_pat("quarter_q", r"\b(?P<y0>" + _YEAR + r")?\s*Q(?P<q>[1-4])\b(?:\s+(?P<y>" + _YEAR + r"))?")
_pat("rel_unit", r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|the past|the last|the previous|the coming|the next|the current)\s+(?P<u>week|weekend|month|year|quarter|decade|century|fiscal year)\b(?!\s*(?:'s|’s))", re.I)
_pat("ago", r"\b(?P<n>" + _NUMW + r"|several|a few|few|many)[\s-]+(?P<u>" + _TUNIT + r")s?\s+(?:ago|earlier|before)\b", re.I)
_pat("word", r"\b(?P<w>today|tonight|yesterday|tomorrow|now|currently|recently|soon|shortly|nowadays|lately|the past|at the time|this morning|this afternoon|this evening|last night|tomorrow night|yesterday morning|yesterday afternoon|yesterday evening|tomorrow morning|the day before yesterday|the day after tomorrow)\b", re.I)
_pat("recent", r"\b(?:(?:in|over|during|for)\s+)?(?P<q>recent|the past|the last|the next|the coming|past|coming|several|a few|the past few|the last few|the next few|the past several|the last several|the next several|many|few)\s+(?P<u>" + _TUNIT + r")s\b", re.I)
_pat("duration", r"\b(?:(?P<pre>the past|the last|the next|the first|the previous|the)\s+)?(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred|half a)(?:\s+|-)(?P<u>" + _TUNIT + r")s?\b(?![\s-]*old)(?!-)", re.I)
_pat("plural_unit", r"\b(?P<u>(?:year|month|week|decade|day|hour|minute)s)\b(?=\s+(?:of|ago|later|earlier|before|after)\b)")
_pat("time", r"\b(?P<H>[01]?\d|2[0-3])(?::|\.)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ap>" + _AMPM + r")?" + _TZ)
_pat("time_h", r"\b(?P<H>1[0-2]|0?[1-9])\s*(?P<ap>" + _AMPM + r")" + _TZ)
_pat("noon", r"\b(?P<w>noon|midnight|midday)\b", re.I)
_pat("year", r"(?:\b(?P<pre>in|since|from|until|by|during|of|before|after|early|late|mid|the end of|the start of|circa|around|c\.)[\s-]+)?(?<![$€£¥\d.,:/-])\b(?P<y>" + _YEAR + r")\b(?![.,]\d|\s*%|-\d|\s*(?:-|–)\s*\d)")
_pat("fiscal", r"\b(?:fiscal|FY)\s*(?P<y>" + _YEAR + r")\b")


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


# ---------------------------------------------------------------- main


def find_dates(text: str, published: Optional[str] = None, doc=None) -> list[DateExpr]:
    """Time expressions in ``text``, normalised against ``published`` (see module docstring)."""
    pub = parse_published(published)
    pub_time = _published_time(published)
    cands: list[tuple[int, int, str, Optional[str], str]] = []  # start, end, kind, value, name
    for name, rx in _P:
        for m in rx.finditer(text):
            if m.end() <= m.start():
                continue
            s0, s1 = _sentence_bounds(text, m.start())
            sent = text[s0:s1]
            ctx = _Ctx(pub, bool(_FUTURE.search(sent)))
            res = _normalise(name, m, ctx, text, doc, pub_time)
            if res is None:
                continue
            kind, value, start, end = res
            start, end = _trim(text, start, end)
            if end > start:
                cands.append((start, end, kind, value, name))
    # longest first, then earliest; drop overlaps
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for start, end, kind, value, _ in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(DateExpr(text=text[start:end], start=start, end=end, value=value, kind=kind))
    out.sort(key=lambda d: d.start)
    return out


def date_spans(text: str, published: Optional[str] = None, doc=None) -> list[tuple[int, int]]:
    """Offsets of calendar dates, intervals, clock times and years (not durations): the spans
    :mod:`newsledger.analyze.quantities` must not read as figures."""
    return [(d.start, d.end) for d in find_dates(text, published, doc)
            if d.kind in ("date", "interval", "time") and re.search(r"\d", d.text)]


def _strip_pre(m: re.Match, group: str = "pre") -> int:
    """Start offset after a leading preposition ("from", "between", "in") that the pattern consumed."""
    pre = m.group(group)
    if pre and pre.lower() in ("in", "on", "of", "by", "during", "at", "and", "to", "before",
                               "after", "circa", "around", "c.", "between", "from", "until", "till",
                               "through", "since"):
        return m.start(group) + len(pre)
    return m.start()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- normalisation steps
# One small step per pattern family; :data:`_NORMALISERS` maps each pattern name to its step.
# A step returns (kind, value, start, end), or None to reject the match.


@dataclass
class _Hit:
    """One pattern match being normalised: its pattern name, the match, its groups and context."""

    name: str
    m: re.Match
    g: dict
    ctx: _Ctx
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


def _valid_date(y: int, mo: Optional[int], d: int) -> bool:
    """Whether year, month and day make a real calendar date."""
    try:
        _dt.date(y, mo, d)
    except (ValueError, TypeError):
        return False
    return True


def _since_end(pub: Optional[_dt.date]) -> str:
    """The end of a "since ..." interval: the publication date, or PRESENT_REF without one."""
    return _iso(pub) if pub else "PRESENT_REF"


_MONTH_PREPS = ("in", "from", "until", "till", "by", "during", "through", "of", "before", "after",
                "between", "and", "to", "since")
_MONTH_ABBREVS = ("Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _norm_numeric_date(h: _Hit):
    """"2024-10-03" (with an optional clock time) and "2024/10/3": a checked calendar date."""
    y, mo, d = int(h.g["y"]), int(h.g["m"]), int(h.g["d"])
    if not _valid_date(y, mo, d):
        return None
    if h.g.get("H"):
        return "time", f"{_ymd(y, mo, d)}T{h.g['H']}:{h.g['M']}", h.start, h.end
    return "date", _ymd(y, mo, d), h.start, h.end


def _norm_day_range(h: _Hit):
    """"October 8 to 13", "8-13 October 2024", "between Oct. 8 and Nov. 2": an interval of days."""
    g = h.g
    mo1 = _month(g["mon"])
    mo2 = _month(g["mon2"]) if g.get("mon2") else mo1
    d1, d2 = int(g["d1"]), int(g["d2"])
    if mo1 is None or mo2 is None or (mo2 == mo1 and d2 <= d1):
        return None
    y = int(g["y"]) if g.get("y") else _infer_year(h.ctx, mo1, d1)
    y2 = y + 1 if (y and mo2 < mo1) else y
    s = _strip_pre(h.m) if g.get("pre") else h.start
    return "interval", f"{_ymd(y, mo1, d1)}/{_ymd(y2, mo2, d2)}", s, h.end


def _norm_full_date(h: _Hit):
    """"October 3, 2024" and "3 October 2024": a checked calendar date."""
    mo, y, d = _month(h.g["mon"]), int(h.g["y"]), int(h.g["d"])
    if not _valid_date(y, mo, d):
        return None
    return "date", _ymd(y, mo, d), h.start, h.end


def _norm_month_day(h: _Hit):
    """"October 3" and "3 October": a day whose year is inferred from the publication date."""
    mo = _month(h.g["mon"])
    d = int(h.g["d"])
    if mo is None:
        return None
    if h.name == "md":
        after = h.text[h.end:h.end + 12]
        if re.match(r"\s*(?:%|percent|per cent|million|billion|[a-z]+s\b)", after):
            return None  # "June 5 percent" is not a date
    if not _valid_date(2000, mo, d):
        return None
    return "date", _ymd(_infer_year(h.ctx, mo, d), mo, d), h.start, h.end


def _norm_month_year(h: _Hit):
    """"March 2020", "early June 2021": a month."""
    return "date", _ym(int(h.g["y"]), _month(h.g["mon"])), h.start, h.end


def _bare_month_rejected(mon: str, pre: str) -> bool:
    """A month name with no preposition that is probably no date: "May" (the modal verb),
    "Mar" (the verb), an abbreviation."""
    if pre:
        return False
    return mon in ("May", "Mar", "Mar.") or not mon[0].isupper() or mon.rstrip(".") in _MONTH_ABBREVS


def _month_year(ctx: _Ctx, mo: int, phrase: str) -> Optional[int]:
    """The year of a year-less month: "last June" the previous one, "next June" the next one,
    "this June" the publication year; otherwise as :func:`_infer_year`."""
    rel = re.findall(r"\b(last|next|this)\b", phrase.lower())
    pub = ctx.pub
    if pub and rel and rel[-1] == "last":
        return pub.year if mo < pub.month else pub.year - 1
    if pub and rel and rel[-1] == "next":
        return pub.year if mo > pub.month else pub.year + 1
    if pub and rel and rel[-1] == "this":
        return pub.year
    return _infer_year(ctx, mo)


def _norm_month(h: _Hit):
    """"in June", "last June", "since August" (an interval up to publication): a month."""
    mon = h.g["mon"]
    mo = _month(mon)
    pre = (h.g.get("pre") or "").lower()
    if mo is None or _bare_month_rejected(mon, pre):
        return None
    y = _month_year(h.ctx, mo, h.m.group(0))
    if pre == "since":
        return "interval", f"{_ym(y, mo)}/{_since_end(h.pub)}", h.m.start("pre"), h.end
    s = h.m.start("mon") if pre in _MONTH_PREPS else h.start
    return "date", _ym(y, mo), s, h.end


def _norm_weekday(h: _Hit):
    """"Friday", "last Monday", "Tuesday morning", "Mondays" (a set), "since Friday" (an interval)."""
    g = h.g
    wd = WEEKDAYS[g["wd"].lower()]
    rel = (g.get("rel") or "").lower()
    if g.get("pl"):
        return "set", f"XXXX-WXX-{wd}", h.m.start("wd"), h.end
    s = h.start if rel in ("last", "next", "this", "early", "late") else h.m.start("wd")
    d = _weekday_date(h.ctx, wd, rel if rel in ("last", "next") else "")
    base = _iso(d) if d else f"XXXX-WXX-{wd}"
    part = _DAY_PARTS.get((g.get("part") or "").lower())
    if part:
        return "time", f"{base}T{part}", s, h.end
    if rel == "since":
        return "interval", f"{base}/{_since_end(h.pub)}", h.start, h.end
    return "date", base, s, h.end



def _norm_year_range(h: _Hit):
    """"from 2001 to 2005", "1999-2004", "2010-12": an interval of years."""
    g = h.g
    y1 = int(g["y1"])
    y2s = g["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 200:
        return None
    if re.match(r"\s*(?:[a-z]+\s+)?(?:people|percent|per cent|%)", h.text[h.end:h.end + 20]):
        return None
    s = _strip_pre(h.m) if g.get("pre") else h.m.start("y1")
    return "interval", f"{y1}/{y2}", s, h.end


def _norm_decade(h: _Hit):
    """"the 1990s" -> 199, "the '80s" -> 198 ("'10s" -> 201)."""
    cent = h.g.get("cent")
    if cent is None:
        cent = "19" if int(h.g["dec"]) >= 2 else "20"
    return "date", f"{cent}{h.g['dec']}", h.start, h.end


def _norm_century(h: _Hit):
    """"the 19th century" -> 18."""
    n = int(h.g["n"])
    if not 1 <= n <= 21:
        return None
    return "date", f"{n - 1:02d}", h.start, h.end


def _norm_season(h: _Hit):
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


def _norm_quarter(h: _Hit):
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


def _norm_fiscal(h: _Hit):
    """"fiscal 2020", "FY2021": the year."""
    return "date", h.g["y"], h.start, h.end


_SPAN_RELS = ("the past", "the last", "the coming", "the next", "the previous")
_SPAN_UNITS = {"week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P1WE"}
_REL_OFFSETS = {"this": 0, "the current": 0, "last": -1, "the last": -1, "the previous": -1, "next": 1}
_UNKNOWN_UNITS = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                  "fiscal year": "XXXX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}


def _shift_month(pub: _dt.date, off: int) -> str:
    """The month ``off`` months from the publication month ("2024-09" for -1 in October 2024)."""
    mm = pub.month + off
    return _ym(pub.year + (mm - 1) // 12, (mm - 1) % 12 + 1)


def _shift_unit(pub: _dt.date, u: str, off: int) -> str:
    """The week, month, year, quarter, decade or century ``off`` units from the publication date."""
    if u in ("week", "weekend"):
        return _week(pub + _dt.timedelta(weeks=off)) + ("-WE" if u == "weekend" else "")
    if u == "month":
        return _shift_month(pub, off)
    if u in ("year", "fiscal year"):
        return str(pub.year + off)
    if u == "quarter":
        q = (pub.month - 1) // 3 + 1 + off
        return f"{pub.year + (q - 1) // 4}-Q{(q - 1) % 4 + 1}"
    if u == "decade":
        return str(pub.year // 10 + off)
    return f"{pub.year // 100 + off:02d}"


def _norm_relative_unit(h: _Hit):
    """"last week", "this year", "next quarter": a date; "the past year": a duration (P1Y)."""
    rel = h.g["rel"].lower()
    u = h.g["u"].lower()
    if rel in _SPAN_RELS and u not in _SPAN_UNITS:
        return None
    if rel in ("the past", "the coming", "the next"):
        return "duration", _SPAN_UNITS[u], h.start, h.end
    if h.pub is None:
        return "date", _UNKNOWN_UNITS[u], h.start, h.end
    return "date", _shift_unit(h.pub, u, _REL_OFFSETS[rel]), h.start, h.end



_CLOCK_UNITS = ("hour", "minute", "second")


def _unit(tok: str) -> str:
    """A time unit as :data:`UNIT_CODES` names it ("Years" -> "year", "centurie" -> "century")."""
    u = tok.lower().rstrip("s")
    return "century" if u == "centurie" else u


def _ago_value(pub: _dt.date, n: float, u: str) -> str:
    """The date ``n`` units before publication, at the unit's granularity (PAST_REF for hours...)."""
    k = int(n)
    if u == "year":
        return str(pub.year - k)
    if u == "decade":
        return str(pub.year - 10 * k)
    if u == "month":
        return _shift_month(pub, -k)
    if u in ("week", "fortnight"):
        return _week(pub - _dt.timedelta(days=7 * k * (2 if u == "fortnight" else 1)))
    if u == "day":
        return _iso(pub - _dt.timedelta(days=k))
    return "PAST_REF"


def _norm_ago(h: _Hit):
    """"two years ago", "a week earlier": a date before publication; "several years ago": PAST_REF."""
    n = _num(h.g["n"])
    if n is None or h.pub is None:
        return "date", "PAST_REF", h.start, h.end
    return "date", _ago_value(h.pub, n, _unit(h.g["u"])), h.start, h.end


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


def _norm_word(h: _Hit):
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
        return "time", f"{_iso(d)}T{part}", h.start, h.end
    return "date", _iso(d), h.start, h.end


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


def _pub_day(pub: Optional[_dt.date]) -> str:
    """The day of a clock time: the publication date, or XXXX-XX-XX without one."""
    return _iso(pub) if pub else "XXXX-XX-XX"


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


_YEAR_PREPS = ("in", "since", "from", "until", "by", "during", "of", "before", "after", "circa",
               "around", "c.")


def _year_is_count(h: _Hit) -> bool:
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


def _norm_year(h: _Hit):
    """"2019", "in 2019", "since 2013" (an interval up to publication): a year."""
    y = int(h.g["y"])
    pre = (h.g.get("pre") or "").lower()
    if _year_is_count(h) or not _plausible_year(y, pre):
        return None
    if pre == "since":
        return "interval", f"{y}/{_since_end(h.pub)}", h.m.start("pre"), h.end
    s = h.m.start("y") if pre in _YEAR_PREPS else h.start
    return "date", str(y), s, h.end


_NORMALISERS = {
    "iso": _norm_numeric_date, "iso_slash": _norm_numeric_date,
    "md_range": _norm_day_range, "dm_range": _norm_day_range,
    "mdy": _norm_full_date, "dmy": _norm_full_date,
    "md": _norm_month_day, "dm": _norm_month_day,
    "my": _norm_month_year,
    "month": _norm_month,
    "weekday": _norm_weekday,
    "year_range": _norm_year_range,
    "decade": _norm_decade,
    "century": _norm_century,
    "season": _norm_season,
    "quarter": _norm_quarter, "quarter_q": _norm_quarter,
    "fiscal": _norm_fiscal,
    "rel_unit": _norm_relative_unit,
    "ago": _norm_ago,
    "word": _norm_word,
    "recent": _norm_vague_span,
    "duration": _norm_duration,
    "plural_unit": _norm_plural_unit,
    "time": _norm_clock, "time_h": _norm_clock,
    "noon": _norm_noon,
    "year": _norm_year,
}


def _normalise(name: str, m: re.Match, ctx: _Ctx, text: str, doc, pub_time):
    """(kind, value, start, end) for one pattern match, or None to reject it."""
    step = _NORMALISERS.get(name)
    if step is None:
        return None
    return step(_Hit(name, m, m.groupdict(), ctx, text, doc))
