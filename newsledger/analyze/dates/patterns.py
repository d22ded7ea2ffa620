"""The pattern table: one named regular expression per family of time expressions
(:data:`NAMED_PATTERNS`, in the order :func:`newsledger.analyze.dates.find_dates` runs them)."""
from __future__ import annotations

import re


_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
             r"Nov\.?|Dec\.?)")
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


NAMED_PATTERNS: list[tuple[str, re.Pattern]] = []


def _pat(name: str, rx: str, flags: int = 0) -> None:
    NAMED_PATTERNS.append((name, re.compile(rx, flags)))


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
