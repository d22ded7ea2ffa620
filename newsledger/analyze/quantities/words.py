"""Numbers written in words: "two hundred and fifty", "a dozen", spoken ranges."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.quantities.vocab import (
    CURRENCY_PREFIX, SCALES, SMALL, TENS, AGE_AFTER, CURRENCY_COMPOUND, CUR_PREFIX_RE, FUNCTION_WORDS, glued_noun,
)
from newsledger.analyze.quantities.core import RawQuantity


_WORDNUM = "|".join(sorted(list(SMALL) + list(TENS) + list(SCALES) + ["dozen", "a", "an", "and"],
                           key=len, reverse=True))


_WORD_RUN = re.compile(r"\b(?:(?:" + _WORDNUM + r")(?:[\s-]+|(?=\b)))+", re.I)


def _parse_words(words: list[str]) -> Optional[float]:
    """Value of a run of number words ("two hundred and fifty", "a dozen", "twenty-five")."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        w = w.lower()
        if w in ("and",):
            continue
        if w in ("a", "an"):
            if seen:
                return None
            current = 1.0
            continue
        if w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def word_or_digit(w: Optional[str]) -> Optional[float]:
    """A number written as digits or as a word ("12", "twelve", "a dozen"), else None."""
    if not w:
        return None
    w = w.lower().strip()
    if w.isdigit():
        return float(w)
    return _parse_words(w.replace("-", " ").split())


_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)?"


_SPOKEN_END = r"(?:\d+(?:\.\d+)?|(?:" + "|".join(sorted(list(SMALL) + list(TENS), key=len, reverse=True)) + r")" \
              r"(?:[\s-](?:" + "|".join(SMALL) + r"))?)" + _HALF


_SPOKEN_RANGE = re.compile(r"\bbetween\s+(?P<a>" + _SPOKEN_END + r")\s+(?P<sc>thousand|million|billion|trillion)\s+and\s+"
                           r"(?P<b>" + _SPOKEN_END + r")\b(?![\s-]+(?:thousand|million|billion|trillion|hundred|percent|per\b|%))",
                           re.I)


def _spoken(s: str) -> Optional[float]:
    """"two", "2.5", "two-and-a-half", "twenty five" -> the number."""
    half = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", s, re.I)
    core = s[:half.start()] if half else s
    v = word_or_digit(core)
    return None if v is None else v + (0.5 if half else 0.0)


def spoken_ranges(text: str) -> list["RawQuantity"]:
    """"between two billion and two-and-a-half": the second end takes the first end's scale."""
    out = []
    for m in _SPOKEN_RANGE.finditer(text):
        a, b = _spoken(m.group("a")), _spoken(m.group("b"))
        if a is None or b is None:
            continue
        sc = SCALES[m.group("sc").lower()]
        lo, hi = sorted((a * sc, b * sc))
        out.append(RawQuantity(m.start("a"), m.end(), lo, m.start("a"), m.end(), low=lo, high=hi, bound="range",
                               has_scale=True, is_word=True, flags={"spoken-range"}))
    return out


_WORD_TOKEN = re.compile(r"[A-Za-z]+")


def word_runs(text: str):
    """Maximal runs of number words, split where the grammar breaks ("four five" -> 4, 5)."""
    for m in _WORD_RUN.finditer(text):
        toks = [(t.group(0), m.start() + t.start()) for t in _WORD_TOKEN.finditer(m.group(0))]
        for g in _grammar_groups(toks):
            run = _trimmed_run(g)
            if run is not None:
                yield run


def _next_state(lw: str, state: Optional[str]) -> tuple[bool, Optional[str]]:
    """Whether the number word ``lw`` may follow a run in ``state``
    (None | a | small | tens | tensunit | hundred | scale | and), and the state after it."""
    if lw in ("a", "an"):
        return state is None, "a"
    if lw == "and":
        return state in ("hundred", "scale"), "and"
    if lw in SMALL:
        ok = state in (None, "tens", "hundred", "scale", "and") and not (state == "tens" and SMALL[lw] >= 10)
        if state == "tens" and SMALL[lw] == 0:
            ok = False
        return ok, "tensunit" if state == "tens" else "small"
    if lw in TENS:
        return state in (None, "hundred", "scale", "and"), "tens"
    if lw == "hundred":
        return state in (None, "a", "small", "tens", "tensunit"), "hundred"
    if lw in SCALES or lw == "dozen":
        return state in (None, "a", "small", "tens", "tensunit", "hundred"), "scale"
    return False, None


def _grammar_groups(toks: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The (word, offset) tokens of a run cut into groups where a word may not follow the last."""
    groups: list[list[tuple[str, int]]] = []
    cur: list[tuple[str, int]] = []
    state = None
    for w, pos in toks:
        lw = w.lower()
        ok, nstate = _next_state(lw, state)
        if not ok and cur:
            groups.append(cur)
            cur = []
            # restart with this token
            if lw in ("and",):
                state = None
                continue
            state = None
            if lw in ("a", "an"):
                nstate = "a"
            elif lw in SMALL:
                nstate = "small"
        cur.append((w, pos))
        state = nstate
    if cur:
        groups.append(cur)
    return groups


def _trimmed_run(g: list[tuple[str, int]]) -> Optional[tuple[int, int, list[str]]]:
    """(start, end, words) of a group without a dangling "and" / "a", or None when no number is left
    ("a" alone, a bare "million" after digits)."""
    while g and g[-1][0].lower() in ("and", "a", "an"):
        g = g[:-1]
    while g and g[0][0].lower() == "and":
        g = g[1:]
    if not g:
        return None
    words = [w for w, _ in g]
    lw0 = words[0].lower()
    if lw0 in ("a", "an"):
        if len(words) == 1:
            return None
        if words[1].lower() not in SCALES and words[1].lower() not in ("dozen",):
            g = g[1:]
            words = words[1:]
    if len(words) == 1 and words[0].lower() in SCALES:
        return None  # a bare "million" after digits is read with the digits
    start = g[0][1]
    end = g[-1][1] + len(g[-1][0])
    return start, end, words


def word_quantity(text: str, start: int, end: int, words: list[str]) -> Optional[RawQuantity]:
    lw = [w.lower() for w in words]
    before = text[max(0, start - 20):start]
    after = text[end:end + 30]
    if lw == ["one"]:
        if re.search(r"\b(?:no|any|every|some|each|this|that|the|which|last|next|same|little|such|"
                     r"big|new|old|right|wrong|only|anyone|someone|another|other|a)\s*$", before, re.I) \
                and not re.match(r"\s+of\b", after):
            return None
        if re.match(r"\s*(?:another|\d)", after, re.I):
            return None
    # compound adjectives "three-year", "one-way", "Three-Point" (but ages "18-year-old", a glued
    # noun that the number counts, "a five-boat attack", and "two-million-euro" stay)
    if re.match(r"-[A-Za-z]", after) and not AGE_AFTER.match(text, end) and not re.match(r"-(?:and|or)\b", after) \
            and not glued_noun(text, end) \
            and not (any(w in SCALES and w != "hundred" for w in lw) and CURRENCY_COMPOUND.match(text, end)):
        return None
    # identifiers: "Kick Six", "BBC One", "Formula One", "Apollo Eleven"
    if words[0][0].isupper():
        prev = re.search(r"([A-Za-z][\w&.'’]*)\s+$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower().rstrip(".") not in FUNCTION_WORDS \
                and not re.search(r"[.!?:]\s+$", before):
            return None
        if re.match(r"\s+[A-Z][a-z]", after) and len(words) == 1 and not re.search(r"(?:^|[.!?]\s+|\n)$", before):
            return None
    value = _parse_words(words)
    if value is None:
        return None
    q = RawQuantity(start, end, value, start, end, is_word=True,
                    has_scale=any(w in SCALES and w != "hundred" for w in lw))
    cm = CUR_PREFIX_RE.search(text[max(0, start - 6):start])
    if cm and cm.group(0).strip() in ("$", "€", "£", "¥"):
        q.currency = CURRENCY_PREFIX[cm.group(0).strip()]
        q.start = start - len(cm.group(0))
    return q
