"""What the words next to a figure say about it, for the claim groups (:mod:`newsledger.link.claims`):
its bounds ("up to 12,000" is [0, 12,000]), its aspects ("so far", "planned total", casualty
words), the names, years, weekdays and magnitudes written by it, the stage of a case it
counts, whether it counts "others", updates an earlier count or counts since a moment; and the
word overlap of two figures' contexts. Pure text reading: the joins and the verdicts use it."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.quantities import word_or_digit
from newsledger.link.measures import OWN_COUNT, NOT_NAMES
from newsledger.link.text import STOPWORDS, words


ASPECTS = {
    "training": r"\btrain(?:ing|ed|s)?\b|\bacclimati[sz]ation\b",
    "so far": r"\balready\b|\bso far\b|\bcurrently\b|\bfirst (?:contingent|batch|wave|group)\b|\bto date\b",
    "planned total": r"\bup to\b|\btotal\b|\bin all\b|\bcould\b|\bwill\b|\bexpected\b|\bplan(?:s|ned)?\b|\bto be\b|\beventually\b",
    "sent": r"\bsen[dt]s?\b|\bsending\b|\bdeploy(?:ed|ing|ment|s)?\b|\btransport(?:ed|ing)?\b|\bdispatch(?:ed)?\b",
    "killed": r"\bkill(?:ed|s|ing)?\b|\bdead\b|\bdied\b|\bdeaths?\b|\bfatalit",
    "wounded": r"\bwound(?:ed|s)?\b|\binjur(?:ed|ies|y)\b",
    "captured": r"\bcaptur(?:ed|e)\b|\bprisoners?\b|\bdetained\b",
    "missing": r"\bmissing\b",
}
_ASPECT_RE = {k: re.compile(v, re.I) for k, v in ASPECTS.items()}


def bounds(q: dict) -> tuple[float, float]:
    """The interval a figure allows."""
    v = float(q.get("value") or 0.0)
    lo, hi, b = q.get("low"), q.get("high"), q.get("bound") or "exact"
    if b == "range" and lo is not None and hi is not None:
        return float(lo), float(hi)
    if b == "at-most":
        return 0.0, float(hi if hi is not None else v)
    if b == "at-least":
        return float(lo if lo is not None else v), float("inf")
    if b == "approx":
        return v * 0.8, v * 1.2
    return v * 0.99, v * 1.01


def context_keywords(text: str) -> set:
    """The content words of a figure's context, each in one spelling (:func:`us_spelling`)."""
    return {us_spelling(w) for w in words(text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit()}


# British spellings news pages write beside the American ones ("jewellery" / "jewelry"): outlets of
# both kinds tell one figure, and its words must not look unlike for the spelling alone
_US_WORDS = {"jewellery": "jewelry", "jeweller": "jeweler", "jewellers": "jewelers", "programme": "program",
             "programmes": "programs", "defence": "defense", "offence": "offense", "offences": "offenses",
             "licence": "license", "tyre": "tire", "tyres": "tires", "aluminium": "aluminum", "grey": "gray"}
_OUR = re.compile(r"^([a-z]{2,}[b-df-hj-np-tv-z]|[a-z]+i)our(s|ed|ing|ite|ites|able)?$")  # labour, behaviour
_NOT_OUR = {"detour", "detours", "contour", "contours", "devour", "devoured", "devours", "velour", "paramour"}
_TRE = re.compile(r"^([a-z]{2,})(t|b)re(s)?$")  # centre, metres, theatre, fibre


def us_spelling(w: str) -> str:
    """A lower-case word in its American spelling ("jewellery": jewelry, "labour": labor,
    "centres": centers, "defence": defense), so that two outlets' words for one thing compare;
    a word of neither kind unchanged ("hour", "four", "genre", "acre")."""
    if w in _US_WORDS:
        return _US_WORDS[w]
    m = _OUR.match(w)
    if m and w not in _NOT_OUR:
        return m.group(1) + "or" + (m.group(2) or "")
    m = _TRE.match(w)
    return m.group(1) + m.group(2) + "er" + (m.group(3) or "") if m else w


def aspects(content: str, q: dict) -> set:
    """What a figure counts, beyond its unit: read from the words around it. A casualty word
    followed by a count of its own ("shot three people, killing one") tells of that count, not
    of this figure."""
    text = content or ""
    pos = text.find(q.get("text") or "\0")
    window = text if pos < 0 else text[max(0, pos - 90): pos + len(q.get("text") or "") + 90]
    at = -1 if pos < 0 else pos - max(0, pos - 90)  # the figure's start in the window
    found = {k for k, rx in _ASPECT_RE.items()
             if any(k not in CASUALTIES or not _counts_another(window, m.end(), at) for m in rx.finditer(window))}
    if "up to" in (q.get("text") or "").casefold() or q.get("bound") == "at-most":
        found.add("planned total")
    return found


def _counts_another(window: str, end: int, at: int) -> bool:
    """Whether a cue ending at ``end`` is followed by a count of its own that is not the figure
    starting at ``at`` ("killing one" after "shot three people"; not "killed 12" for the 12)."""
    own = OWN_COUNT.match(window, end)
    return own is not None and not end <= at < own.end()


_SHARE = re.compile(r"^\s*([\w-]+)\s+of\s+(?:the\s+)?([\w,-]+)\s*$", re.I)


def share_total(q: dict) -> Optional[float]:
    """The whole a share figure counts ("one of six children", "178 of 369 punches"): the
    quantity reader gives it as a fraction (1/6), but what it names is a set of six; None
    for any other figure (and for a rate, "23 of every 24 hours")."""
    m = _SHARE.match(q.get("text") or "")
    if m is None:
        return None
    part, whole = (word_or_digit(g.replace(",", "")) for g in m.groups())
    if part is None or whole is None or not 0 < part < whole:
        return None
    return whole


NAME_WINDOW = 30  # characters before a figure whose names say which one it is
_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'’-]+")


_OTHER_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,4}(?:besides|apart from|in addition to|excluding|not including|other than)\b", re.I)
_MORE_AFTER = re.compile(r"^\s*more\b(?!\s+than\b)", re.I)  # "20 more people", not "20 or more" / "more than"


_RESPECTIVELY = re.compile(r"^[^.;]{0,80}?\brespectively\b", re.I)


def in_respective_list(after: str) -> bool:
    """Whether a figure is one of a list paired in order with another ("Smith and Jones signed
    for $80 million and $25 million, respectively"): whose it is comes from its place in the
    list, which the words near it do not say, so equality alone does not join it."""
    return bool(_RESPECTIVELY.match(after))


def counts_others(after: str) -> bool:
    """Whether a figure counts things beyond one already named ("Two other buildings besides
    the bank", "Around 20 more people were led out"): not the same count as an equal plain
    figure ("at least two buildings, the bank and ...", "20 people were inside"), so equality
    alone does not join them."""
    return bool(_OTHER_AFTER.match(after) or _MORE_AFTER.match(after))


_STAGE = re.compile(r"\b(?:(charged|accused|indicted|charges|charging)|(guilty|convicted|acquitted|sentenced))\b", re.I)
STAGE_WINDOW = 40  # characters before a figure whose legal word says which stage it counts


def legal_stage(before: str) -> Optional[str]:
    """The stage of a case a figure counts, by the nearest legal word just before it: "charged
    with two counts of murder" (``charge``) and "found guilty of two counts" (``verdict``) are
    two facts, whatever their equal numbers; None when no such word is near."""
    found = list(_STAGE.finditer(before[-STAGE_WINDOW:]))
    if not found:
        return None
    return "charge" if found[-1].group(1) else "verdict"


_POSSESSIVE = re.compile(r"['’]s?$")


def names_near(before: str) -> set:
    """The capitalised words (not opening a sentence) just before a figure: "In Patras, around
    20,000" and "in Thessaloniki, where another 20,000" name two places; a day is no name,
    possessive or not ("Sunday's quake, about 58 km")."""
    since = len(before) - NAME_WINDOW
    return {m.group(0).casefold() for m in _NAME_WORD.finditer(before)
            if m.start() >= since and _POSSESSIVE.sub("", m.group(0)) not in NOT_NAMES}


_RUN = r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"  # a capitalised name of up to four words
_PAYER_VERB = r"(?:offer(?:ed|s)?|bids?|paid|pays|made|makes|upgraded|raised|sweetened|submitted|tabled)"
# the subject of a payment verb before the figure, in its clause ("The Nationals reportedly have
# bid $160 million", "the Red Sox have made an eight-year offer to Teixeira in excess of ...")
_SAME_CLAUSE = r"(?:(?!,\s+(?:and\s+)?(?:the\s+)?[A-Z])[^.;!?])"  # no sentence end, no ", the Orioles ..."
_PAYER = re.compile(r"\b" + _RUN + r"\s+(?:[a-z]+\s+){0,4}" + _PAYER_VERB + r"\b" + _SAME_CLAUSE + r"{0,60}$")
# a name and its terms in parentheses: "the Nationals (eight years, $160 million)"
_PAYER_PAREN = re.compile(r"\b" + _RUN + r"\s*\(([^()]{0,40})$")
_PAREN_LIST = re.compile(r"^\s*,[^()]{0,40}\)")  # the figure first in such a list: "($160 million, eight years)"
_PAYER_POSSESSIVE = re.compile(r"\b" + _RUN + r"['’]s?\s+(?:[\w-]+\s+){0,3}(?:offer|bid|deal|contract|proposal)"
                               r"\s+(?:of|worth|at|for)\s+$")  # "the Red Sox's latest offer of"
_PAYER_AGENT = re.compile(r"^[^.;!?]{0,20}?\b(?:offers?|bids?|deals?|contracts?|proposals?)\s+(?:made\s+)?by\s+"
                          r"(?:the\s+)?" + _RUN + r"(?:\s*(?:,|and)\s+(?:the\s+)?" + _RUN + r")?")
OWNER_WINDOW = 160  # characters of the clause before a figure read for whose offer it is


def owners_near(before: str, after: str) -> frozenset:
    """Whose offer or payment a figure is, read from its clause: the subject of the paying
    verb ("The Nationals reportedly have bid $160 million"), the name a parenthesis follows
    ("the Nationals (eight years, $160 million)"), a possessive ("the Red Sox's offer of") or
    the agent after it ("$160 million offers by the Angels and the Nationals"); each as its
    last word, lower case. Empty when no name says it ("the team offered ...")."""
    near = before[-OWNER_WINDOW:]
    runs = [m.group(1) for rx in (_PAYER, _PAYER_POSSESSIVE) if (m := rx.search(near))]
    paren = _PAYER_PAREN.search(near)
    if paren and ("," in paren.group(2) or _PAREN_LIST.match(after)):  # a list of terms, not "Teixeira (8 Years?)"
        runs.append(paren.group(1))
    agent = _PAYER_AGENT.match(after)
    runs += [g for g in agent.groups() if g] if agent else []
    return frozenset(w for w in (_last_word(r) for r in runs) if w)


def _last_word(run: str) -> Optional[str]:
    """The last word of a capitalised name that is not a function or title word ("The Angels": angels)."""
    parts = [p.strip(".,") for p in run.split() if p.strip(".,") not in NOT_NAMES]
    return re.sub(r"['’]s?$", "", parts[-1].casefold()) if parts else None


# the noun a stretch of time is spread over: "loans over three years", "cut its deficit over the
# next three years" (the bound word may be in the figure: "over three"); "for" follows a verb as
# often as a noun ("battled by firefighters for eight hours") and is not read
_SPANNED = re.compile(r"\b([a-z]{3,})\s+(?:over\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+|following\s+)?)?$")
_SPAN_WORD = re.compile(r"^over\b", re.I)
_NOT_SPANNED = {"years", "months", "weeks", "days", "hours", "euros", "dollars", "pounds", "million", "billion",
                "about", "around", "nearly", "almost", "some", "least", "more", "than", "just", "only", "and", "the"}


def spanned_noun(before: str, text: str) -> frozenset:
    """What a duration is spread over, read from the word before "over" ("loans over
    three years": loans; "its deficit over the next three years": deficit), as an owner that
    keeps two equal durations of two things apart; empty when no such word is there."""
    near = before[-60:]
    if not (_SPAN_WORD.match(text.strip()) or re.search(r"\bover\s+(?:the\s+)?\w*\s*$", near)):
        return frozenset()
    m = _SPANNED.search(near.rstrip() + " ")
    w = m.group(1) if m else None
    return frozenset({"of:" + w}) if w and w not in _NOT_SPANNED and w not in STOPWORDS else frozenset()


def owned_apart(a: frozenset, b: frozenset) -> bool:
    """Two figures whose owners (:func:`owners_near`) are named and none the same: two
    parties' offers, not one told twice, whatever their values or words."""
    return bool(a and b) and a.isdisjoint(b)


def member_unit(m: dict) -> tuple:
    """A figure member's unit: its dimension and the factor into it (km and miles differ)."""
    return m.get("dimension"), m.get("scale") or 1.0


def in_dimension(m: dict, key: str = "value") -> float:
    """A figure's value (or ``key``, e.g. its range's high end) in its measure's dimension (minutes as seconds)."""
    return float(m[key]) * (m.get("scale") or 1.0)


CONVERTIBLE = ("metres", "kg", "square metres")  # dimensions whose units convert by a factor alone
CONVERTED_SLACK = 0.05  # two units' figures of one value: at most this share apart


def converted_alike(a: dict, b: dict) -> bool:
    """Whether two figure members are one length or weight written in two units, equal as far
    as the rounder of the two is rounded ("40 miles" and "64 km", "200ft" and "about 60 metres":
    one figure converted; "2,000 feet" and "700 metres" are not), within ``CONVERTED_SLACK``."""
    if (a.get("dimension") not in CONVERTIBLE or a.get("dimension") != b.get("dimension")
            or member_unit(a) == member_unit(b)):
        return False
    x, y = abs(in_dimension(a)), abs(in_dimension(b))
    gap = abs(x - y)
    return min(x, y) > 0 and gap <= CONVERTED_SLACK * max(x, y) and gap <= max(_rounding(a), _rounding(b)) / 2


def _rounding(m: dict) -> float:
    """The step a figure's written value is rounded to, in its dimension: "60 metres" 10,
    "64 km" 1,000, "2.5 miles" 160.9."""
    v = abs(float(m["value"]))
    if v.is_integer():
        digits = str(int(v))
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if v else 1.0
    else:
        step = 10.0 ** -min(3, len(repr(v).split(".")[1]))
    return step * (m.get("scale") or 1.0)


FIGURE_WINDOW = 80  # characters either side of a figure whose words say what it is about (its
# sentence's other figures are kept apart by _figure_clusters, not by a narrow window)


CASUALTIES = {"killed", "wounded", "captured", "missing"}
# the casualty word a measure already names: its absence near one figure says nothing
OWN_ASPECT = {"killed": "killed", "injured": "wounded", "missing": "missing", "arrested": "captured"}


_SINCE = re.compile(r"\bsince\b|\bover (?:the )?(?:past |last )?\w+ (?:days|nights|weeks|months)\b", re.I)


def counts_since(before: str, after: str) -> bool:
    """Whether a figure counts over a stretch of time ("since the shooting", "over four
    nights"): a total to date, not one day's count."""
    return _SINCE.search(before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]) is not None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_QUAKE_SIZE = re.compile(r"\bmagnitude[- ](?:of )?(\d\.\d)\b|\b(\d\.\d)[- ]magnitude\b", re.I)
_MONTH = re.compile(r"\b[Ii]n (?:early |late |mid-?)?(January|February|March|April|May|June|July|August|September"
                    r"|October|November|December)\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b")  # "Monday's quake"


def context_marks(before: str, after: str) -> set:
    """What says which event a figure belongs to, in its sentence near it: the years, months,
    weekdays and magnitudes of an event written there ("the 2003 quake", "in September", "In early March",
    "Monday's second quake", "a magnitude-5.2 quake"); a count's own day ("on Tuesday") is not
    one (a later count of one measure updates it)."""
    near = before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]
    days = {"day:" + d.casefold() for d in _WEEKDAY.findall(near)}
    months = {"month:" + d.casefold() for d in _MONTH.findall(near)}
    quakes = {"magnitude:" + (a or b) for a, b in _QUAKE_SIZE.findall(near)}
    return set(_YEAR.findall(near)) | days | months | quakes


def office_words(before: str, after: str, source: Optional[str], name: Optional[str]) -> set:
    """The words near a figure (``FIGURE_WINDOW`` characters of its sentence either side) that
    only the source giving it holds, beyond its name: the office or description of who tells it
    ("... has taken four years," Robert McFarlane, an assistant state attorney general, said).
    They say who gives the figure, not what it measures (see ``figure_joins._beyond_office``)."""
    if not source or not source.strip():
        return set()
    blank = " " * len(source)
    rest = before.replace(source, blank)[-FIGURE_WINDOW:] + " " + after.replace(source, blank)[:FIGURE_WINDOW]
    near = before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]
    return context_keywords(near) - context_keywords(rest) - context_keywords(name or "")


def place_marks(marks: set) -> set:
    """The marks (:func:`context_marks`) that keep two counts of a place's population apart:
    its years only (a count of another year); the quake or weekday of the sentence that tells
    it ("The 6.1-magnitude quake struck the island, home to 120,000 people") is the event's,
    and one place's population is the same whichever event's report gives it."""
    return {k for k in marks if not k.startswith(("magnitude:", "day:", "month:"))}


_UPDATE = re.compile(r"\b(?:up|down) from\b|\brevis\w*|\braised\b|\brose\b|\brisen\b|\bearlier\b"
                     r"|\bprevious\w*|\bfrom\s+(?:an?\s+)?(?:earlier\s+|initial\s+)?(?:figure|estimate|count)\b", re.I)


def updates(before: str, after: str) -> bool:
    """Whether a figure's sentence, near it, says one count replaced another ("3,800, up from
    3,500", "revised its figure from up to 4,000 to at least 7,200")."""
    return _UPDATE.search(before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]) is not None


def context_overlap(a: set, b: set, who_a: set, who_b: set) -> float:
    """Jaccard of two figures' words, leaving out the words of each one's source name that the
    other lacks: who gives a figure ("the interior ministry said the death toll had risen to 14")
    is not what it measures, so two sources of one toll do not look unlike for their names."""
    union = (a | b) - (who_a - b) - (who_b - a)
    return len(a & b) / len(union) if union else 0.0
