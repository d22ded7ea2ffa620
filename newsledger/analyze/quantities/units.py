"""The unit of a figure: currency, measurement unit, age, rate or counted noun."""
from __future__ import annotations

import re

from newsledger.analyze.quantities.vocab import (
    CURRENCY_WORDS, AGE_AFTER, CURRENCY_COMPOUND, CUR_WORD_AFTER, PER_AFTER, UNITS_CI, UNITS_CS, UNIT_AFTER_CI,
    UNIT_AFTER_CS, glued_noun,
)
from newsledger.analyze.quantities.core import RawQuantity
from newsledger.analyze.quantities.nouns import head_noun_from_doc, head_noun_heuristic


def attach_unit(text: str, q: RawQuantity, doc) -> None:
    """The unit of a figure: the unit of a vague plural's or fraction's "of" complement (without a
    parse), a currency, an age, a measurement unit, else the noun it counts; then a rate ("a month")."""
    if q.flags & {"vague", "fraction"} and doc is None and _attach_complement_unit(text, q):
        return
    if q.currency:
        _attach_currency(text, q)
    elif _attach_age(text, q):
        return
    else:
        _attach_measure(text, q)
        q.unit = q.unit or glued_noun(text, q.end)  # "a five-boat attack": boats, not attacks
    if q.unit:
        _attach_rate(text, q)
        return
    _attach_counted_noun(text, q, doc)


def _attach_complement_unit(text: str, q: RawQuantity) -> bool:
    """"thousands of troops", "half of the budget": the complement's unit; False when no "of" follows."""
    om = re.match(r"\s+of\s+(?:the\s+)?", text[q.end:q.end + 12])
    if not om:
        return False
    probe = RawQuantity(q.end + om.end() - 1, q.end + om.end() - 1, q.value, q.end + om.end() - 1, q.end + om.end() - 1)
    probe.end = probe.start = q.end + om.end()
    probe.end = q.end + om.end() - 1 if text[q.end + om.end() - 1] == " " else probe.end
    _attach_unit_at(text, probe)
    if probe.unit:
        q.unit, q.concept = probe.unit, probe.concept
    return True


def _attach_currency(text: str, q: RawQuantity) -> None:
    """A figure with a currency sign: the currency, taking a currency word after it ("$6.8 million dollars")."""
    q.unit = q.currency
    # "$6.8 million", "US$ per barrel"
    cw = CUR_WORD_AFTER.match(text, q.end)
    if cw and cw.group("u").lower() not in ("p", "won", "rand", "cent", "cents"):
        q.end = cw.end()


def _attach_age(text: str, q: RawQuantity) -> bool:
    """Ages: "18-year-old", "a 50 year-old", "Maddon, 66, said", "aged 25"; whether one was read."""
    e = q.end
    am = AGE_AFTER.match(text, e)
    if am:
        q.unit = am.group("u").lower() + "-old"
        q.end = am.end()
        return True
    if q.value == int(q.value) and 0 < q.value < 120 and not q.is_word and q.bound == "exact" and (
            re.search(r"\b[A-Z][a-z]+,\s*$", text[max(0, q.start - 30):q.start]) and re.match(r"\s*,", text[e:e + 3])
            or re.search(r"\baged\s+$", text[max(0, q.start - 8):q.start])):
        q.unit = "year-old"
        return True
    return False


def _attach_measure(text: str, q: RawQuantity) -> None:
    """A currency word, a measurement unit or a degree sign after the figure ("5 euros", "10 km",
    "30°"); a scaled amount's currency glued to it ("two-million-euro")."""
    e = q.end
    glued = CURRENCY_COMPOUND.match(text, e) if q.has_scale else None
    if glued:
        q.unit = CURRENCY_WORDS[glued.group("u").lower()]
        q.end = glued.end()
        return
    cw = CUR_WORD_AFTER.match(text, e)
    um_cs = UNIT_AFTER_CS.match(text, e)
    um_ci = UNIT_AFTER_CI.match(text, e)
    if cw and (not um_ci or len(cw.group(0)) >= len(um_ci.group(0))) and cw.group("u").lower() not in ("p", "won", "pound", "dollar", "euro"):
        q.unit = CURRENCY_WORDS[cw.group("u").lower()]
        q.end = cw.end()
    elif um_ci and (not um_cs or len(um_ci.group("u")) >= len(um_cs.group("u"))) \
            and not (um_ci.group("sp") == " " and um_ci.group("u").lower() in ("in", "ha", "nm")):
        u = um_ci.group("u")
        sym = UNITS_CI[u.lower()]
        if u.lower() == "nm" and u == "nm":
            sym = "nm"
        q.unit = sym
        q.end = um_ci.end()
    elif um_cs:
        _attach_cased_unit(text, q, um_cs)
    if q.unit is None:
        dm = re.match(r"\s*°\s*([CF])?\b", text[e:e + 4])
        if dm:
            q.unit = "°" + (dm.group(1) or "")
            q.end = e + dm.end()


def _attach_cased_unit(text: str, q: RawQuantity, um_cs: re.Match) -> None:
    """A case-sensitive unit token ("5G", "164p", "10W", "3x"); single letters only when attached."""
    e = q.end
    u = um_cs.group("u")
    sym = UNITS_CS[u]
    sp = um_cs.group("sp")
    if u in ("in", "t", "s", "x", "F", "C", "V", "W", "G", "K", "L", "l", "g", "m", "p", "PS") and sp:
        if not (u in ("C", "F") and re.search(r"°\s*$", text[e - 2:e])):
            sym = None  # single letters only when attached ("5G", "164p", "10W")
    if u == "x" and not sp:
        sym = "times"
    if u == "K":
        sym = None
    if sym:
        q.unit = sym
        q.end = um_cs.end()


def _attach_rate(text: str, q: RawQuantity) -> None:
    """Rates: "$3500 a month", "78,000 times a minute" (but not "a year ago")."""
    pm = PER_AFTER.match(text, q.end)
    if pm and not re.match(r"\s*(?:a|an)\s+(?:year|month|week|day)\s+(?:ago|earlier|later|before)", text[q.end:q.end + 30]):
        q.unit = f"{q.unit} per {pm.group('p').lower()}"
        q.end = pm.end()


def _attach_counted_noun(text: str, q: RawQuantity, doc) -> None:
    """The noun the figure counts (from the parse, or without one from the words after it), with a rate."""
    res = None
    if doc is not None:
        try:
            res = head_noun_from_doc(doc, q)
        except Exception:  # a parse that does not line up: fall back
            res = None
    if res is None and doc is None:
        res = head_noun_heuristic(text, q)
    if res:
        unit, concept, _ = res
        q.unit = unit
        q.concept = concept if concept and concept != unit else None
        last = unit.split()[-1] if unit else ""
        idx = text.find(last, q.end, q.end + 60) if last else -1
        if idx >= 0:
            pm = PER_AFTER.match(text, idx + len(last))
            if pm and not re.match(r"\s*(?:a|an)\s+\w+\s+(?:ago|earlier|later|before)", text[idx + len(last):idx + len(last) + 30]):
                q.unit = f"{unit} per {pm.group('p').lower()}"


def _attach_unit_at(text: str, q: RawQuantity) -> None:
    """Unit of a vague plural's complement ("thousands of troops", "tens of thousands of dollars")."""
    cw = CUR_WORD_AFTER.match(text, q.end)
    um = UNIT_AFTER_CI.match(text, q.end)
    if cw and cw.group("u").lower() not in ("p", "won", "pound", "sterling", "rand"):
        q.unit = CURRENCY_WORDS[cw.group("u").lower()]
    elif um and um.group("sp"):
        q.unit = UNITS_CI[um.group("u").lower()]
    else:
        res = head_noun_heuristic(text, q)
        if res:
            q.unit, concept, _ = res
            q.concept = concept if concept != q.unit else None
