"""Numbers written in digits: signs, codes and identifiers that are no figure, currency signs, scales."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.quantities.vocab import (
    ABBR_SCALES, CLITIC, CURRENCY_PREFIX, SCALES, CUR_PREFIX_RE, FUNCTION_WORDS, SCALE_AFTER, UNITS_CI, UNITS_CS,
    UNIT_AFTER_CI,
)
from newsledger.analyze.quantities.core import RawQuantity


_SEP_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


NUM_TOKEN = re.compile(r"(?<![\d.,_])(?P<neg>[-−](?=\d))?(?P<n>" + _SEP_NUM + r")(?![\d])")


_LETTER_PREFIX_OK = re.compile(r"(?:(?<![A-Za-z])(?:PS|RM|Rs|USD|EUR|AUD|GBP|INR|JPY|CHF|CAD|NZD|HKD|SGD|CNY|RMB|NIS|ZAR|KRW|RUB|US|HK|NZ|NT|C|A|S|R)|\$(?:US|A|C))$")


_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)


def digit_quantity(text: str, m: re.Match) -> Optional[RawQuantity]:
    raw = m.group("n")
    s, e = m.start(), m.end()
    before = text[max(0, s - 30):s]
    after = text[e:e + 40]
    if _no_figure(text, m, before, after):
        return None
    q = _signed(text, m, before)
    if q is None or _identifier_before(raw, before, after):
        return None
    _currency_before(text, q, s)
    _apply_scales(text, q)
    return q


_UNIT_OR_SCALE_AFTER = re.compile(
    r"(?:" + "|".join(re.escape(k) for k in sorted(set(UNITS_CI) | set(UNITS_CS) | set(ABBR_SCALES) | {"x"},
                                                   key=len, reverse=True)) + r")(?![a-z])", re.I)


def _no_figure(text: str, m: re.Match, before: str, after: str) -> bool:
    """Digits that are no figure: ordinals, codes (S23, CO2, 3D, A320neo), a player's number,
    a year or decade with an "s" ("2018s", "1990s")."""
    raw, s = m.group("n"), m.start()
    if _ORDINAL_AFTER.match(after):
        return True
    if not m.group("neg") and s > 0 and text[s - 1].isalpha() and not (_LETTER_PREFIX_OK.search(before) and CUR_PREFIX_RE.search(before)):
        return True  # S23, CO2, mk5 (but RM23.50, USD10m, $US160, PS2.7m are money)
    if s > 0 and text[s - 1] == "-" and re.search(r"[A-Za-z]-$", before):
        return True  # never reached for "-" + digits (the sign is part of the match)
    if re.match(r"\s*\)", after) and re.search(r"[A-Z][a-z]+\s+\(\s*$", before) and "." not in raw and len(raw) <= 2:
        return True  # a player's number "Dak Prescott (4)"
    if re.match(r"s\b", after) and re.fullmatch(r"(?:1[89]|20)\d\d", raw):
        return True  # "2018s best performing sector" (year + lost apostrophe)
    if re.match(r"[A-Za-z]", after) and not _UNIT_OR_SCALE_AFTER.match(after):
        return True  # 3D, 4x4 codes, A320neo; "1990s" is a decade (dates), "80s"
    try:
        float(raw.replace(",", ""))
    except ValueError:
        return True
    return False


def _signed(text: str, m: re.Match, before: str) -> Optional[RawQuantity]:
    """The figure with its sign: "minus 5", "-3" (but "sub-7", "now-18" join with a hyphen, and
    COVID-19 or "10-20" hold no negative number: None)."""
    s, e = m.start(), m.end()
    q = RawQuantity(s, e, float(m.group("n").replace(",", "")), s, e)
    neg = bool(m.group("neg"))
    if neg:
        if re.search(r"\bminus$", before, re.I):
            q.start = s - 5
        elif re.search(r"\b(?:sub|now|then|to|over|under|about|nearly|some|around|from|by|up|and|or|top|mid"
                       r"|magnitude)$", before, re.I):
            neg = False  # a joining hyphen: "sub-7", "now-18", "to-260,000"
            q.start = q.num_start = s + 1
            if re.search(r"\bsub$", before, re.I):
                q.flags.add("sub")
        elif re.search(r"[A-Za-z]$", before):
            return None  # COVID-19, V-12, F-35
        elif re.search(r"\d$", before) or re.search(r"\d\s+$", before) and text[e:e + 1] not in ("%",):
            return None  # "10-20" is a range, not a negative number
    elif re.search(r"\bminus\s+$", before, re.I):
        neg = True
        q.start = s - len(re.search(r"minus\s+$", before, re.I).group(0))
    if neg:
        q.value = -q.value
    return q


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who"}  # "He's 16 years old": a pronoun names nothing


def _identifier_before(raw: str, before: str, after: str) -> bool:
    """A number that names rather than counts: "category 4 hurricane", "No. 10", and after a
    capitalised word: "Game 2", "iPhone 11", "S&P 500", "Section 427"."""
    if re.search(r"\b(?:category|level|grade|stage|phase|type|number|version|chapter|section|article|"
                 r"row|seat|gate|platform|terminal|room|route|flight|tier|step|no\.|nos\.|#)\s*$", before, re.I) \
            and "," not in raw and not re.match(r"\s*(?:%|percent|per cent)", after):
        return True
    prev = re.search(r"(?P<w>[A-Za-z][\w&.'’]*)\s+$", before)
    if not prev or re.search(r"[$€£¥]\s*$", before):
        return False
    w = CLITIC.sub("", prev.group("w"))  # "He's 16 years old": "He" (see _PRONOUNS)
    if (w[0].isupper() or re.match(r"[a-z]+[A-Z]", w)) and w.lower().rstrip(".") not in FUNCTION_WORDS | _PRONOUNS \
            and w.rstrip(".").lower() not in CURRENCY_PREFIX and w not in CURRENCY_PREFIX \
            and w.rstrip(".").lower() not in ("no",) \
            and not UNIT_AFTER_CI.match(after) and not re.match(r"\s*(?:%|percent|per cent|million|billion|bn|m\b)", after, re.I):
        return not re.match(r"[,.]\d", raw[-4:] if len(raw) > 4 else "x") and "," not in raw
    return False


# the second end of a range written with one currency sign: "$140-150m" (its own number glued by a dash)
_RANGE_END_AFTER_AMOUNT = re.compile(r"(?<![\w$€£¥])(?P<c>[$€£¥])\d[\d,]*(?:\.\d+)?[-–]$")


def _currency_before(text: str, q: RawQuantity, s: int) -> None:
    """A currency sign or code before the number at ``s`` ("$58", "US $58", "R100", "USD10m")."""
    cm = CUR_PREFIX_RE.search(text[max(0, s - 6):s])
    if not cm:
        if re.search(r"\$\s?[-−]$", text[max(0, s - 3):s]):
            q.currency = "USD"
        elif (rm := _RANGE_END_AFTER_AMOUNT.search(text[max(0, s - 20):s])):
            q.currency = CURRENCY_PREFIX[rm.group("c")]  # "$140-150MM": the second end's scale is an amount's
        return
    sym = cm.group(0).strip()
    # single-letter prefixes only when directly attached (R100, P500)
    if sym in ("R", "P", "Sh", "kr", "PS", "RM", "Rs") and not re.search(r"(?<![A-Za-z])" + re.escape(sym) + r"$", text[max(0, s - 6):s]):
        return
    if sym in ("R", "P", "Sh", "kr") and not re.search(r"\b" + re.escape(sym) + r"$", text[max(0, s - 6):s]):
        return
    q.currency = CURRENCY_PREFIX[sym]
    q.start = s - len(cm.group(0))
    more = re.search(r"\b(US|HK|NZ|A|C|S)\s$", text[max(0, q.start - 4):q.start])  # "US $58", "HK $216"
    if more and sym == "$":
        q.currency = CURRENCY_PREFIX[more.group(1) + "$"]
        q.start -= len(more.group(0))


def _apply_scales(text: str, q: RawQuantity) -> None:
    """Scale words after the number ("2 million", "4 hundred million", "$1.762bn", "35m", "4.3M", "1mil")."""
    pos = q.end
    while True:
        sm = SCALE_AFTER.match(text, pos)
        if not sm or not _scale_applies(text, sm, q):
            break
        scl = sm.group("s").lower()
        q.value *= SCALES.get(scl) or ABBR_SCALES[scl]
        q.end = q.num_end = pos = sm.end()
        q.has_scale = True


def _scale_applies(text: str, sm: re.Match, q: RawQuantity) -> bool:
    """Whether the scale word ``sm`` after the figure multiplies it ("k", "b", "m" only glued on)."""
    sc = sm.group("s")
    scl = sc.lower()
    attached = sm.group("sp") == ""
    if scl == "mm":  # "$200MM" counts millions; "5mm" and "$5 mm" are millimetres
        return sc == "MM" and attached and bool(q.currency)
    if scl in SCALES:
        return True
    if scl in ("mn", "bn", "bln", "tn", "trn", "mln", "mil") and (attached or q.currency):
        return True
    if q.has_scale or not attached:
        return False
    if scl == "k":
        return sc == "k" or bool(q.currency)
    if scl == "b":
        return bool(q.currency) or sc == "B"
    if sc == "M":
        return True
    return sc == "m" and (bool(q.currency) or _glued_m_is_million(text, q.num_start, sm.end()))


# after a glued "m": a length for sure ("600m tall", "the 400m hurdles"), or nothing counted
# (the clause ends, a preposition or conjunction follows) so the sentence says which
_M_LENGTH_NEXT = re.compile(
    r"\s*(?:tall|long|high|wide|deep|above|below|beneath|away|sprint|race|run|dash|freestyle|hurdles|"
    r"backstroke|breaststroke|butterfly|medley|relay|squared|metres|meters|x\b|of (?:water|snow|rain|height|depth))",
    re.I)


_M_NOTHING_COUNTED = re.compile(
    r"\s*(?:\(|-|[.,;:)!?]|$|(?:under|in|from|of|to|and|or|by|down|up|into|while|when|on|at|before|after)\b)", re.I)


_M_WITHIN = re.compile(r"\bwithin\s+(?:about\s+|some\s+|just\s+)?$", re.I)  # "within 80m of their goal"


_M_PARTITIVE = re.compile(r"\s*of\s+(?:its|their|his|her|our|your|these|those)\b", re.I)  # "35m of its devices"


_LENGTH_CUE = re.compile(
    r"\b(?:height|tall|high|deep|depth|long|length|wide|width|distance|altitude|elevation|sea level|summit|"
    r"peak|mountain|cliff|climbers?|mountaineers?|descen\w*|plunged|swim\w*|swam|sprint\w*|dive|dived|tower|"
    r"runway|tunnel|shaft|ridge|slope|crevasse|metres|meters|feet|kilometres|kilometers|miles)\b", re.I)


_MONEY_CUE = re.compile(
    r"\b(?:pa(?:y|id|ys|ying)|cost\w*|worth|pric\w*|budget\w*|revenues?|sales|turnover|profits?|loss(?:es)?|"
    r"debts?|deficit|fund\w*|bid|offer\w*|valu\w*|spen[dt]\w*|invest\w*|fees?|tax\w*|income|salar\w*|wages?|"
    r"bonus\w*|fine[ds]?|compensation|damages|loans?|cash|earn\w*|deal|contract|grants?|subsid\w*|capital|"
    r"dividends?|bonds?|euros?|dollars?|pounds|sterling|bail-?out|takeover|acquisition|bought|sold|buy|sell|"
    r"people|population|(?:resident|inhabitant|citizen|user|viewer|voter|vote|subscriber|customer|passenger|"
    r"visitor|tourist|reader|listener|follower|fan|download|cop(?:y|ie))s?)\b", re.I)


def _glued_m_is_million(text: str, start: int, end: int) -> bool:
    """Whether "600m" (no currency; ``end`` just after the "m") counts millions: when a noun it
    counts follows ("40m voters", "35m of its devices"), or when nothing counted follows and its
    sentence is about money or people, not height, distance or depth ("revenue reached 600m."
    against "fell about 600m while climbing", "within 80m of their hut"). ``start``: the number's."""
    nxt = text[end:end + 25]
    if _M_LENGTH_NEXT.match(nxt) or _M_WITHIN.search(text[max(0, start - 20):start]):
        return False
    if _M_PARTITIVE.match(nxt) or not _M_NOTHING_COUNTED.match(nxt):
        return True
    sentence = _sentence_around(text, end)
    return _MONEY_CUE.search(sentence) is not None and _LENGTH_CUE.search(sentence) is None


def _sentence_around(text: str, pos: int, reach: int = 150) -> str:
    """The sentence holding ``pos`` (at most ``reach`` characters either side)."""
    left = text[max(0, pos - reach):pos]
    right = text[pos:pos + reach]
    lm = list(re.finditer(r"[.!?]\s|\n", left))
    rm = re.search(r"[.!?](?:\s|$)|\n", right)
    return left[lm[-1].end() if lm else 0:] + right[:rm.start() if rm else len(right)]
