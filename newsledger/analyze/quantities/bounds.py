"""Bounds and ranges: "more than 5", "8 to 13", "at least 160 and possibly 180"."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.quantities.vocab import ABBR_SCALES, BOUND_WORDS, SCALES
from newsledger.analyze.quantities.core import RawQuantity, to_quantity, normalized_unit


_BOUND_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<b>" + "|".join(re.escape(p) for p, _ in sorted(BOUND_WORDS, key=lambda x: -len(x[0])))
    + r")\s*$", re.I)


_BOUNDS = {p: b for p, b in BOUND_WORDS}


_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|risen|rise|rises|rising|fell|fall|falls|fallen|falling|dropped|drop|drops|"
    r"increased|increase|increases|decreased|decrease|climbed|climb|jumped|jump|slid|slipped|"
    r"declined|decline|gained|gain|gains|lost|grew|grow|cut|raised|lowered|up|down|surged|"
    r"soared|plunged|plummeted|tumbled|advanced|eased|edged|added|shed|boosted|revised|"
    r"sank|dipped|rallied|spiked|swelled|shrank|widened|narrowed|rebounded|recovered)\s+(?:\S+\s+){0,2}$",
    re.I)


def attach_bound(text: str, q: RawQuantity) -> None:
    if "sub" in q.flags:
        q.bound, q.high, q.start = "at-most", q.value, q.start - 4
        return
    if q.bound == "range":
        return
    before = text[max(0, q.start - 30):q.start]
    bm = _BOUND_RE.search(before)
    if not bm and re.search(r"\bsub-$", before, re.I):
        q.bound, q.high = "at-most", q.value
        q.start -= 4
        return
    if not bm:
        if re.match(r"\+|-plus\b|\s*plus\b(?!\s+\d)", text[q.end:q.end + 6]):
            q.bound, q.low = "at-least", q.value
            pm = re.match(r"\+|-plus\b|\s*plus\b", text[q.end:q.end + 6])
            q.end += pm.end()
        return
    phrase = re.sub(r"\s+", " ", bm.group("b").lower())
    bound = _BOUNDS.get(phrase)
    if bound is None:
        return
    # "some" and "over"/"under"/"above"/"below" need care: "over 10 years" is fine,
    # "some 10,000 troops" approx; but not "in some 3 cases"? keep simple.
    if phrase in ("under", "over", "above", "below", "beyond") and re.search(r"\b(?:the|a|an)\s+$", before):
        return
    q.bound = bound
    q.start = q.start - (len(before) - bm.start("b"))
    if bound == "at-least":
        q.low = q.value
    elif bound == "at-most":
        q.high = q.value


_SCORE_BEFORE = re.compile(
    r"\b(?:beat|beats|won|win|wins|lost|lose|draw|drew|drawn|score|scored|at|victory|defeat|lead|led|"
    r"leading|trail|trailed|trailing|record|series|tie|tied|ended|finished|edged|thrashed|"
    r"routed|down|up)\s*$", re.I)


def merge_ranges(text: str, qs: list[RawQuantity], phase: int) -> list[RawQuantity]:
    out: list[RawQuantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs) and a.bound != "range" and qs[i + 1].bound != "range" \
                and not ({"fraction", "sci", "fold"} & (a.flags | qs[i + 1].flags)):
            merged = _try_range(text, a, qs[i + 1], phase)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, a: RawQuantity, b: RawQuantity, phase: int) -> Optional[RawQuantity]:
    gap = text[a.end:b.start]
    if len(gap) > 12:
        return None
    sep = re.fullmatch(r"\s*(-|–|—|to-|to|and|through|thru)\s*", gap, re.I)
    if not sep:
        return None
    conn = sep.group(1).lower()
    before = text[max(0, a.start - 40):a.start]
    if phase == 2:
        if b.bound != "exact" or a.bound not in ("exact", "approx", "at-most"):
            return None
        before = text[max(0, a.start - 40):a.start]
    has_from = bool(re.search(r"\b(?:from|between|range|ranging|ranges|ranged)\s*$", before, re.I))
    if phase == 2:
        if a.bound == "at-most" and not re.search(r"\bfrom\s+up\s+to\s*$", text[max(0, a.start - 20):a.start + 6], re.I) \
                and not re.search(r"\bfrom\s*$", before, re.I):
            return None
        if a.bound == "at-most":
            has_from = True
        if not a.unit and not a.currency:
            return None
        ua = normalized_unit(to_quantity(a))
        ub = normalized_unit(to_quantity(b)) if (b.unit or b.currency) else None
        if ub is not None and ua != ub:
            return None
        if ub is None and not has_from:
            return None
    if conn == "and" and not re.search(r"\bbetween\s*$", before, re.I):
        return None
    if conn in ("to", "to-", "through", "thru") and not has_from and _CHANGE_BEFORE.search(before):
        return None
    if conn in ("-", "–", "—"):
        if re.search(r"\d\s*$", before) or re.match(r"\s*-\s*\d", text[b.end:b.end + 4]):
            return None  # "16-18-20" chains
        if a.value == int(a.value) and b.value == int(b.value) and a.value < 30 and b.value < 30 \
                and not a.currency and not b.currency and "-" in gap and gap.strip() == "-" \
                and (_SCORE_BEFORE.search(before) or a.value >= b.value
                     or re.match(r"\s*(?:win|victory|defeat|loss|lead|draw|on aggregate|home|away|in the)\b", text[b.end:b.end + 20], re.I)):
            return None  # scores "beat them 2-1", "a 9-2 lead", "at 89-89"
        if a.value >= b.value:
            return None
    if b.has_scale and not a.has_scale and 0 < abs(a.value) < 1000:
        scale = _scale_of(text, b)
        if scale and a.value * scale <= b.value:
            a.value *= scale
    lo, hi = a.value, b.value
    r = RawQuantity(a.start, b.end, min(lo, hi), a.num_start, b.num_end, low=min(lo, hi), high=max(lo, hi),
                    bound="range", unit=b.unit or a.unit, concept=b.concept or a.concept)
    r.currency = b.currency or a.currency
    r.has_scale = b.has_scale
    if r.currency and not r.unit and phase == 2:
        r.unit = r.currency
    return r


_BOUND_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|but|or)\s+(?:(?:possibly|perhaps|maybe|potentially|probably|likely|"
                             r"even|could be|might be|may be|conceivably)\s+)?", re.I)


def merge_bound_pairs(text: str, qs: list[RawQuantity]) -> list[RawQuantity]:
    """One figure given by a lower and an upper bound in turn ("at least $160 million and possibly
    as much as $180 million", "more than 20 but fewer than 30 people"): a range from the one to
    the other, when the two measure the same and the lower bound is below the upper one."""
    out: list[RawQuantity] = []
    for q in qs:
        a = out[-1] if out else None
        if a is not None and a.bound == "at-least" and q.bound == "at-most" and a.value < q.value \
                and _BOUND_PAIR_GAP.fullmatch(text, a.end, q.start) and _same_measure(a, q):
            r = RawQuantity(a.start, q.end, a.value, a.num_start, q.num_end, low=a.value, high=q.value, bound="range",
                            unit=q.unit or a.unit, concept=q.concept if q.unit else a.concept, has_scale=q.has_scale)
            r.currency = q.currency or a.currency
            out[-1] = r
        else:
            out.append(q)
    return out


def _same_measure(a: RawQuantity, b: RawQuantity) -> bool:
    """Whether two figures are in one unit (or the first leaves its unit to the second)."""
    return not (a.unit or a.currency) or normalized_unit(to_quantity(a)) == normalized_unit(to_quantity(b))


def _scale_of(text: str, q: RawQuantity) -> Optional[float]:
    sm = re.search(r"(thousand|million|billion|trillion|mln|mn|bn|bln|tn|trn|[kmbKMB])\s*$", text[q.num_start:q.end])
    if not sm:
        return None
    s = sm.group(1).lower()
    return SCALES.get(s) or ABBR_SCALES.get(s)
