"""The entry: :func:`find_quantities` runs every step over a text."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.model import Quantity
from newsledger.analyze.quantities.vocab import MULTIPLES, VAGUE
from newsledger.analyze.quantities.core import RawQuantity, overlaps_any
from newsledger.analyze.quantities.masks import INDEX_RE, masked_spans
from newsledger.analyze.quantities.words import spoken_ranges, word_quantity, word_runs, word_or_digit
from newsledger.analyze.quantities.digits import NUM_TOKEN, digit_quantity
from newsledger.analyze.quantities.units import attach_unit
from newsledger.analyze.quantities.bounds import attach_bound, merge_bound_pairs, merge_ranges


_SCI_RE = re.compile(r"(?<![\d.])(?P<m>\d+(?:\.\d+)?)\s*[×x*]\s*10\s*(?:\^|\*\*)?\s*(?P<e>[-−]?\d+)")


_FRAC_RE = re.compile(r"(?<![\d/$.,])(?P<a>\d{1,3})\s*[/⁄]\s*(?P<b>\d{1,4})(?![\d/])(?=\s+of\b|\s*(?:of|th)\b)")


_OUTOF_RE = re.compile(r"\b(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?(?:of|in)\s+(?:every\s+)?"
                       r"(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred|a thousand)\b(?!\s*(?:%|percent|per cent))"
                       r"(?=\s+[A-Za-z])", re.I)


_FOLD_RE = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+)-?fold\b", re.I)


# a killing counted by a multiplier word ("a double murder", "the triple homicide"): two or three
# killed, counted by the noun (the link reads a count of murders as the killed)
_MULTIPLE_RE = re.compile(r"\b(?P<n>" + "|".join(MULTIPLES) + r")[\s-]+(?P<u>murder|homicide|killing|slaying)s?\b", re.I)


_ORD_FRAC = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "quarter": 4,
             "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}


def find_quantities(text: str, doc=None, published: Optional[str] = None) -> list[Quantity]:
    """Figures in ``text`` (see the module docstring). ``doc``: optional spaCy Doc of ``text``."""
    if not text:
        return []
    masked = masked_spans(text, published, doc)
    masked += [(m.start(), m.end()) for m in INDEX_RE.finditer(text)]
    found = _Found(masked)
    # 0. spoken ranges, scientific notation, fractions, "one in three", "a double murder", "sixfold"
    _find_special(text, found)
    # 1. vague plurals: "tens of thousands", "hundreds of", "dozens of", "millions of"
    _find_vague(text, found)
    # 2. fractions in words: "a third of", "half of", "two-thirds of", "one fourth of"
    _find_word_fractions(text, found)
    # 3. digit numbers, 4. word numbers
    _find_numbers(text, found)
    qs = sorted(found.qs, key=lambda q: q.num_start)
    # 5. ranges written number-to-number ("15 to 22 mph", "$10 to $15 billion", "5-10W")
    qs = merge_ranges(text, qs, phase=1)
    # 6. units, bounds, counted nouns
    for q in qs:
        if q.unit is None:
            attach_unit(text, q, doc)
        attach_bound(text, q)
    # 7. ranges with a unit on both ends ("5 per cent to 7 per cent", "from 208 pounds to 193")
    qs = merge_ranges(text, qs, phase=2)
    # 8. a figure given with both bounds ("at least $160 million and possibly as much as $180 million")
    qs = merge_bound_pairs(text, qs)
    return [_quantity(text, q) for q in qs]


class _Found:
    """The figures found so far, the spans they take and the spans no figure may take."""

    def __init__(self, masked: list[tuple[int, int]]):
        self.masked = masked
        self.qs: list[RawQuantity] = []
        self.occupied: list[tuple[int, int]] = []

    def free(self, s: int, e: int, masked: bool = True) -> bool:
        return not overlaps_any(self.occupied, s, e) and not (masked and overlaps_any(self.masked, s, e))

    def add(self, q: RawQuantity, span: Optional[tuple[int, int]] = None) -> None:
        self.qs.append(q)
        self.occupied.append(span or (q.start, q.end))


def _find_special(text: str, found: _Found) -> None:
    """Spoken ranges, scientific notation, digit fractions, "one in three", "a double murder", "sixfold"."""
    for q in spoken_ranges(text):
        if not overlaps_any(found.masked, q.start, q.end):
            found.add(q)
    for m in _SCI_RE.finditer(text):
        if overlaps_any(found.masked, m.start(), m.end()):
            continue
        exp = int(m.group("e").replace("−", "-"))
        found.add(RawQuantity(m.start(), m.end(), float(m.group("m")) * 10.0 ** exp, m.start(), m.end(), flags={"sci"}))
    for m in _FRAC_RE.finditer(text):
        a_, b_ = int(m.group("a")), int(m.group("b"))
        if 0 < a_ < b_ and found.free(m.start(), m.end()):
            found.add(RawQuantity(m.start(), m.end(), a_ / b_, m.start(), m.end(), flags={"fraction"}))
    for m in _OUTOF_RE.finditer(text):
        v = _out_of(text, m)
        if v is not None and found.free(m.start(), m.end()):
            found.add(RawQuantity(m.start(), m.end(), v, m.start(), m.end(), flags={"fraction"}))
    for m in _MULTIPLE_RE.finditer(text):
        if found.free(m.start(), m.end()):
            found.add(RawQuantity(m.start(), m.end(), MULTIPLES[m.group("n").lower()], m.start(), m.end(),
                                  unit=m.group("u").lower(), is_word=True, flags={"multiple"}))
    for m in _FOLD_RE.finditer(text):
        n = word_or_digit(m.group("n"))
        if n:
            found.add(RawQuantity(m.start(), m.end(), float(n), m.start(), m.end(), unit="times", flags={"fold"}))


def _out_of(text: str, m: re.Match) -> Optional[float]:
    """The share that "one in three", "3 out of 10", "one in every five" says, else None."""
    a_, b_ = word_or_digit(m.group("a")), word_or_digit(m.group("b"))
    if not (a_ and b_ and a_ < b_):
        return None
    said = m.group(0).lower()
    if re.search(r"\b(?:of|in)\s+(?:every\s+)?$", text[m.start():m.start("b")]) and "out" not in said \
            and not re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
        return None
    if "out" not in said and not re.search(r"\bevery\b", said) and b_ < 100 and m.group("a").isdigit():
        return None
    return a_ / b_


def _find_vague(text: str, found: _Found) -> None:
    """Vague plurals: "tens of thousands", "hundreds of", "dozens of", "millions of"."""
    for m in re.finditer(r"\b(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<v>dozens|hundreds|thousands|millions|billions)\b"
                         r"(?=\s+(?:of\b|more\b|[a-z]))", text, re.I):
        if not found.free(m.start(), m.end(), masked=False):
            continue
        lo, hi = VAGUE[m.group("v").lower()]
        if m.group("tens"):
            mult = 10 if m.group("tens").lower() == "tens" else 100
            lo, hi = lo * mult, hi * mult
        found.add(RawQuantity(m.start(), m.end(), lo, m.start(), m.end(), low=lo, high=hi, bound="range", is_word=True,
                              flags={"vague"}))


def _find_word_fractions(text: str, found: _Found) -> None:
    """Fractions in words: "a third of", "half of", "two-thirds of", "one fourth of"."""
    for m in re.finditer(r"\b(?:(?P<n>a|an|one|two|three|four|five|nine|seven)[\s-]+)?(?P<f>half|halves|thirds?|fourths?|quarters?|fifths?|sixths?|tenths?)"
                         r"\s+(?=of\b|the\b)", text, re.I):
        if not found.free(m.start(), m.end(), masked=False):
            continue
        f = m.group("f").lower()
        if not m.group("n") and f != "half":
            continue
        if f == "half" and not m.group("n") and re.search(r"\b(?:first|second|this|the|a|latter|other)\s*$", text[max(0, m.start() - 8):m.start()], re.I):
            continue
        if f.startswith("quarter") and re.match(r"\s+of\s+(?:19|20)\d\d|\s+of\s+(?:the\s+)?(?:year|season|game)", text[m.end("f"):m.end("f") + 20]):
            continue
        n = 1.0 if (m.group("n") or "a").lower() in ("a", "an") else word_or_digit(m.group("n"))
        if not n:
            continue
        e = m.end("f")
        found.add(RawQuantity(m.start(), e, n / _ORD_FRAC[f], m.start(), e, is_word=True, flags={"fraction"}))


def _find_numbers(text: str, found: _Found) -> None:
    """Numbers in digits ("1,500", "$9.5bn"), then in words ("two hundred", "a dozen")."""
    for m in NUM_TOKEN.finditer(text):
        if overlaps_any(found.masked, m.start("n"), m.end()) or overlaps_any(found.occupied, m.start(), m.end()):
            continue
        q = digit_quantity(text, m)
        if q is not None:
            found.add(q, (q.num_start, q.num_end))
    for start, end, words in word_runs(text):
        if not found.free(start, end):
            continue
        q = word_quantity(text, start, end, words)
        if q is not None:
            found.add(q, (start, end))


def _quantity(text: str, q: RawQuantity) -> Quantity:
    """The public figure of a working one, its span trimmed of spaces and a trailing hyphen."""
    s, e = q.start, q.end
    while e > s and text[e - 1] in " -\t":
        e -= 1
    while s < e and text[s] in " \t":
        s += 1
    return Quantity(text=text[s:e], start=s, end=e, value=q.value, low=q.low, high=q.high,
                    bound=q.bound, unit=q.unit, concept=q.concept)
