"""What a figure measures, normalised, so that figures of different articles compare.

``measure(sentence, figure, unit)`` reads the figure's unit words and its sentence and returns a
:class:`Measure`: a normalised *measure* name (``killed``, ``injured``, ``age``, ``magnitude``,
``duration:sentence``, ``count:guard``, ``record:9-14`` (a win-loss record, keyed by both
numbers) ...), the *dimension* its value is in (``people``,
``seconds``, ``metres``, ``kg``, ``USD`` ...), the factor that converts the written value into
that dimension (minutes -> seconds: 60; miles -> metres: 1,609.344), and what it is *about*
when the measure belongs to one person (an age: the person named just before it).

Currencies are never converted into each other (no exchange rates): ``USD`` and ``EUR`` figures
stay apart, unless an article gives one amount in both (see ``claims.conversions``). No external
knowledge: unit tables and cue words only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsledger.analyze.quantities import CLITIC, CURRENCY_NAMES, MULTIPLES, word_or_digit

# unit word (singular, lower case) -> (dimension, factor into that dimension)
UNITS: dict[str, tuple[str, float]] = {
    **{w: ("seconds", 1.0) for w in ("second", "sec", "s")},
    **{w: ("seconds", 60.0) for w in ("minute", "min")},
    **{w: ("seconds", 3600.0) for w in ("hour", "hr", "h")},
    "day": ("seconds", 86400.0), "week": ("seconds", 604800.0),
    "month": ("seconds", 2629800.0), "year": ("seconds", 31557600.0), "decade": ("seconds", 315576000.0),
    **{w: ("metres", 1000.0) for w in ("km", "kilometre", "kilometer")},
    **{w: ("metres", 1.0) for w in ("m", "metre", "meter")},
    "mile": ("metres", 1609.344), "mi": ("metres", 1609.344), "yard": ("metres", 0.9144),
    **{w: ("metres", 0.3048) for w in ("ft", "foot", "feet")},
    **{w: ("metres", 0.0254) for w in ("in", "inch")},
    **{w: ("kg", 1.0) for w in ("kg", "kilogram", "kilo")},
    **{w: ("kg", 0.45359237) for w in ("pound", "lb")},
    **{w: ("kg", 1000.0) for w in ("ton", "tonne")},
    **{w: ("percent", 1.0) for w in ("percent", "%", "pct", "percentage")},
    **{w: ("degrees", 1.0) for w in ("degree", "°", "°c", "°f")},
}
CURRENCY = {"usd": "USD", "dollar": "USD", "$": "USD", "us$": "USD", "eur": "EUR", "euro": "EUR",
            "€": "EUR", "gbp": "GBP", "pound sterling": "GBP", "£": "GBP", "yen": "JPY", "jpy": "JPY",
            "yuan": "CNY", "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "zar": "ZAR", "rand": "ZAR",
            # every currency the quantity reader names ("4 million crowns": DKK; "Rs 500": INR)
            **{code.casefold(): code for code in CURRENCY_NAMES if "-" not in code}}
CENTS = {"usd-cent": ("USD", 0.01), "cent": ("USD", 0.01), "eur-cent": ("EUR", 0.01)}
PEOPLE = {"people", "person", "civilian", "resident", "individual", "victim", "man", "woman", "child",
          "men", "women", "children", "adult", "casualty", "body", "passenger", "worker", "employee", "member"}
# nouns that count persons: without a state cue ("2.5 million voters", "23 suspects") a count of
# them is a count of people, so one count worded two ways compares (PEOPLE without the nouns that
# count something else here: casualties and bodies, passengers, and workers and employees, which are jobs)
PERSONS = (PEOPLE - {"casualty", "body", "passenger", "worker", "employee"}) | {
    "girl", "boy", "teenager", "villager", "voter", "student", "tourist", "pilgrim", "migrant", "refugee",
    "prisoner", "inmate", "hostage", "suspect", "robber", "gunman", "pirate", "brigand", "sailor", "crewman",
    "fisherman", "miner", "climber", "protester", "demonstrator", "raider", "attacker", "assailant",
    "crewmember", "crew", "national", "guard", "companion", "thief", "viewer", "coworker", "colleague", "parishioner", "worshipper", "churchgoer", "shopper", "spectator",
    "partner", "boss", "bystander", "witness", "nurse", "doctor", "teacher"}
SYNONYMS = {"soldier": "troop", "personnel": "troop", "serviceman": "troop", "servicemen": "troop",
            "force": "troop", "fighter": "troop", "job": "job", "position": "job", "post": "job",
            "employee": "job", "worker": "job", "staff": "job", "kilometre": "km", "kilometer": "km",
            "quake": "earthquake", "tremor": "earthquake", "jail": "prison",
            "vessel": "ship", "skiff": "boat", "dinghy": "boat",
            "gun": "weapon", "firearm": "weapon", "rifle": "weapon", "handgun": "weapon", "pistol": "weapon"}
# what happened to the people counted, from cue words near the figure (nearest wins)
STATES = {
    "killed": r"kill\w*|fatally(?!\s+(?:shot|stabbed|wounded|struck|hit|injured)\b)|dead|died|die|death toll|toll|loss(?:es)? of|deaths?(?!\s+(?:penalty|sentences?|row)\b)|bodies|lives|fatalit\w*|murder\w*|slain|slay\w*|perished|gunn(?:ed|ing) down|shot dead",
    "injured": r"injur\w*|wound(?:ed|ing)|hurt|hospitali[sz]ed|treated",
    "missing": r"missing|unaccounted",
    "evacuated": r"evacuat\w*|displac\w*|homeless|fled",
    "rescued": r"rescu\w*",
    "arrested": r"arrest\w*|detain\w*|captur\w*|held|custody",
    "cut": r"cuts?|slash\w*|lay(?:s|ing)? off|laid off|layoffs?|eliminat\w*",
    "deployed": r"sen[dt]|sending|deploy\w*|train\w*|dispatch\w*|stationed",
    "sentenced": r"sentenc\w*|prison|jail|behind bars",
    "waiting": r"waiting|queu\w*|at anchor|stranded",
    "cancelled": r"cancel+ed",
    "striking": r"on strike|joined the strike|absent|stay(?:ed|ing)? away from work",
    "paid": r"paid|pay\w*|cost\w*|worth|fine[ds]?|price|valued|deal|bid|offer\w*",
}
# nouns that name what happened to the people counted
NOUN_STATES = {"death": "killed", "fatality": "killed", "murder": "killed", "homicide": "killed", "killing": "killed",
               "slaying": "killed",
               "arrest": "arrested", "injury": "injured"}
_MULTIPLE = re.compile(r"^(?:" + "|".join(MULTIPLES) + r")\b", re.I)  # a killing counted by its noun: "a double murder"
# states that say what was counted at one moment ("46 vessels were waiting", "212 flights were
# cancelled", "2,300 members were on strike"): a count of things in that state is one fact of
# its story, like a toll
MOMENT_STATES = ("waiting", "cancelled", "striking")
KEYED_STATES = ("killed", "injured", "cut", "deployed", "arrested", *MOMENT_STATES)  # kept in a count's name
UNCOUNTED = {"time", "twice", "fold"}  # "three times": how often, not what is counted ...
# ... but a person shot ("shot seven times", "shot him seven times", "hitting Gray eleven times")
_SHOT = re.compile(r"\b(?i:shot|struck|hit|hitting|striking)\s+(?:(?:him|her|them|[A-Z][\w'’-]+)\s+)?"
                   r"(?i:(?:at least|more than|about|some|nearly|up to)\s+)?$")
_STATE_RE = [(k, re.compile(r"\b(?:" + v + r")\b", re.I)) for k, v in STATES.items()]
_STATE_RX = dict(_STATE_RE)
_MAGNITUDE = re.compile(r"magnitude|richter|\bquake|\bearthquake", re.I)
_MAGNITUDE_WORD = re.compile(r"magnitude|richter", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:[- ]|\s+of\s+)$", re.I)  # "a magnitude-6.1 temblor"
_APPOSITION = re.compile(r"\b[A-Za-z][\w'’-]*\s*,\s*$")  # "the actress, 33, ..."
_AGE_UNIT = re.compile(r"^(?:years?[- ]old|year-old|yr-old|aged?)$")
_NAME = re.compile(r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+\.?)\s*,\s*$")
_AGED = re.compile(r"\b(?:aged|ages?|(?:at )?the age of)\s*(?:\d+\s*(?:,\s*|,?\s*and\s+))*$", re.I)  # "aged 49", "ages 6 and 16"


@dataclass(frozen=True)
class Measure:
    name: str  # normalised: killed | injured | age | magnitude | duration:sentence | count:guard ...
    dimension: Optional[str]  # people | seconds | metres | kg | percent | USD | EUR | ...
    factor: float = 1.0  # written value * factor = value in ``dimension``
    about: Optional[str] = None  # the person an age (or another personal figure) is about


NOT_MEN = ("specimen", "regimen", "abdomen", "acumen", "hymen", "stamen", "cyclamen")  # "-men" that is no plural


def singular(w: str) -> str:
    if w in ("people", "men", "women", "children", "feet", "police", "news", "series", "species"):
        return w
    if w.endswith("men") and len(w) > 5 and not w.endswith(NOT_MEN):  # "crewmen", "gunmen", "servicemen"
        return w[:-3] + "man"
    if w.endswith("children"):  # "schoolchildren"
        return "child"
    if w in ("thieves", "lives", "wives"):
        return w[:-3] + "f" + ("e" if w != "thieves" else "")
    if w.endswith(("sses", "shes")) and len(w) > 5:  # "bosses", "witnesses", "crashes"
        return w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


# what happened to the people counted, said right after the count ("Three die", "about 50
# hurt", "three people dead, many buildings"): no part of what is counted
_STATE_WORD = re.compile(r"^(?:die[ds]?|dead|hurt|injured|wounded|killed|missing|shot)$")


_CO_PREFIX = re.compile(r"\bco-(?=[a-z])")  # "co-workers" is "coworkers": the prefix is no word of its own
_RIFLE_MODEL = re.compile(r"\b(?:ak-?47|ar-?15|m-?16|kalashnikov)(?=s?\b)")  # "seven AK-47s": seven rifles


def _words(unit: Optional[str]) -> list[str]:
    """The unit's words, singular, up to a state word the reader took into it."""
    u = _CO_PREFIX.sub("co", _RIFLE_MODEL.sub("rifle", (unit or "").casefold()))
    u = u.replace("-", " ").replace("crew member", "crewmember")
    ws = [w for w in re.findall(r"[\w$€£%°.]+", u) if w not in ("of", "the", "a", "an")]
    cut = next((i for i, w in enumerate(ws) if _STATE_WORD.match(w)), len(ws))
    return [singular(w) for w in ws[:cut]]


# a count right after a state cue is the one it states ("shooting three people, killing one"):
# the cue says nothing of the figure before it
OWN_COUNT = re.compile(r"\s+(?:(?:at least|more than|about|some|nearly|another)\s+)?"
                        r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens"
                        r"|hundreds|scores)\b)", re.I)


# cues that name a state only as the verb taking the count ("executed two of them"): "executed a
# boarding action, nabbed 26 pirates" tells nothing of the 26
_VERB_ONLY = [("killed", re.compile(r"\bexecut(?:ed|ing)\b", re.I))]
_OBJECT_CUES = _STATE_RE + _VERB_ONLY  # the cues a figure may be the object of, read first
# a cue the figure follows as the next conjunct ("a receptionist died and two men ... underwent
# surgery", "was shot dead and two managers ... were wounded"): the cue's subject is another
_NEW_CONJUNCT = re.compile(r"^\s*,?\s*and\s+(?:the\s+)?$", re.I)
# a cue that nobody is in ("No one was hurt", "no-one is believed to have been injured", "no
# injuries"): it counts no one, so it says nothing of a figure near it ("including two children,
# were inside")
_DENIED = re.compile(r"(?:\b(?:no[- ]one|nobody|none)(?:\s+else)?(?:\s+[\w']+){0,5}|\bno)\s+$", re.I)


# a count a passive's "by" takes is who did it ("shot dead by two plainclothes officers",
# "wounded by three gunmen"; not "unrest by thousands"), and one "at" or "against" takes is what
# it was aimed at ("killed after pointing a gun at two officers"): the cue before it is not the
# count's state
_AGENT_BY = re.compile(r"\b(?:(?:\w+ed|dead|shot|hit|struck|slain|down)\s+by|at|against)\s+(?:the\s+|a\s+)?"
                       r"(?:(?:at least|more than|about|some|nearly|up to)\s+)?$", re.I)


def _cue_denied(text: str, start: int) -> bool:
    """Whether the state cue starting at ``start`` of ``text`` is denied (see ``_DENIED``)."""
    return _DENIED.search(text[max(0, start - 60):start]) is not None


def state(before: str, after: str) -> Optional[str]:
    """The state cue nearest the figure (one after it counts a little more than one before);
    the verb the figure is the object of comes first ("killed 612 people and injured more than
    1,400": 612 killed); a cue after the figure that states a count of its own ("shooting three
    people, killing one") is not the figure's, nor one before it that closes the clause the
    figure's "and" follows ("a receptionist died and two men were hurt")."""
    best, dist = None, 10 ** 6
    for k, rx in _OBJECT_CUES:
        m = rx.search(before[-40:])
        if m and not before[-40:][m.end():].strip() and not _cue_denied(before, max(0, len(before) - 40) + m.start()):
            return k
    near = "" if _AGENT_BY.search(before) else before[-80:]
    for k, rx in _STATE_RE:
        m = next((m for m in rx.finditer(after[:80]) if not OWN_COUNT.match(after, m.end())
                  and not _cue_denied(after, m.start())), None)
        if m and m.start() < dist:
            best, dist = k, m.start()
        for m in (m for m in rx.finditer(near) if not _NEW_CONJUNCT.match(near[m.end():])
                  and not _cue_denied(before, len(before) - len(near) + m.start())):
            d = len(near) - m.end() + 15
            if d < dist:
                best, dist = k, d
    return best


def person_before(before: str) -> Optional[str]:
    """The surname of the name written just before an age ("Arcade Comeaux Jr., 49")."""
    m = _NAME.search(before[-80:])
    if not m:
        return None
    parts = [p for p in m.group(1).split() if p.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    return parts[-1].strip(".,").casefold() if parts else None


_CAPRUN = re.compile(r"\b([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|al))*)")
NOT_NAMES = set("""The A An He She It They We I His Her Their Its In On At For By From With After Before
When While But And Or If As This That These Those Police Officials Authorities Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October
November December Mr Mrs Ms Dr Jr Sr Former According Sources Judge Coach President""".split())


def _surname(run: str) -> Optional[str]:
    """The last word of a capitalised run that may name a person ("He's" is "He", none)."""
    words = [CLITIC.sub("", p.strip(".,")) for p in run.split()]
    parts = [p for p in words if p not in ("Jr", "Sr", "II", "III") and p not in NOT_NAMES]
    return parts[-1].casefold() if parts else None


_NOUN_AFTER = re.compile(r"^\s+[a-z]")  # a common noun right after an age: "the 35-year-old deputy"
_RUN_THEN_WORD = re.compile(r"^\s+(?:[A-Z][\w'’.-]+\s+){1,3}([a-z]+)\b")


def _noun_after(after: str) -> bool:
    """Whether a common noun of a person follows an age, straight or after a place or
    nationality that qualifies it ("the 35-year-old deputy", "the 28-year-old Maryland
    native", "a 66-year-old Burnsville woman"): the age is that noun's, not a name's."""
    if _NOUN_AFTER.match(after):
        return True
    m = _RUN_THEN_WORD.match(after)
    return m is not None and singular(m.group(1)) in PEOPLE | PERSONS | {"native"}


def person_near(before: str, after: str, earlier: bool = True) -> Optional[str]:
    """The person an age is about: named just before it ("Comeaux, 49"), just after it ("the
    49-year-old Comeaux") or, when ``earlier``, last named earlier in its sentence; None when
    nobody is."""
    who = person_before(before)
    if who:
        return who
    m = re.match(r"^[^.;:A-Z]{0,30}?\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3})", after)
    if m and _surname(m.group(1)) and not _noun_after(" " + after[m.start(1):]):
        return _surname(m.group(1))
    if not earlier:
        return None
    runs = [r for r in _CAPRUN.findall(before[-200:]) if _surname(r)]
    return _surname(runs[-1]) if runs else None


def _number(text: str) -> Optional[float]:
    try:
        return float(text.strip().replace(",", ""))
    except ValueError:
        return None


_QUALIFIER = re.compile(r"^(?:(?:at least|at most|more than|less than|nearly|almost|about|around|some|over|"
                        r"under|up to|roughly|approximately)\s+)+", re.I)  # the bound words before a number


def _age_like(text: str) -> bool:
    """Whether a figure could be an age: a whole number 1-120."""
    v = _number(text)
    return v is not None and v.is_integer() and 1 <= v <= 120


_CLOSES = re.compile(r"^\s*(?:[.;]|$)")  # nothing after the figure but the sentence's end


def _apposed_age(before: str, text: str, after: str) -> bool:
    """A bare whole number between commas after a noun: "the actress, 33, was" (an age)."""
    return _age_like(text) and re.match(r"^\s*,", after) is not None and _APPOSITION.search(before) is not None


def _closing_age(before: str, text: str, after: str) -> bool:
    """A whole number 1-120 after a person's full name that closes the sentence: "killing
    Benjamin David Banky, 40." (an age, not a second toll)."""
    m = _NAME.search(before[-80:])
    return _age_like(text) and _CLOSES.match(after) is not None \
        and m is not None and len(m.group(1).split()) >= 2  # a full name: "Bam, 40." says no age


_PRONOUN_WAS = re.compile(r"(?:^|[.;]\s*|\bwho\s+|,\s*)(?:he|she)\s+(?:was|is|had been|would have been)\s*$", re.I)


def _pronoun_age(before: str, text: str, after: str) -> bool:
    """A whole number 1-120 that is all a person's clause says: "She was 85." (an age)."""
    return _age_like(text) and _CLOSES.match(after) is not None and _PRONOUN_WAS.search(before) is not None


_DIED_AT = re.compile(r"\b(?:dies|died|dead)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                      r"|today|yesterday)\s+)?at\s*$", re.I)  # "died Thursday at 91"
_CLOCK_AFTER = re.compile(r"^\s*(?:[ap]\.?m\b|o['’]clock|[:.]\d)", re.I)


def _died_at(before: str, text: str, after: str) -> bool:
    """A whole number 1-120 a death is "at": "Esther Williams dies at 91", "died Thursday at
    91" (an age), not a clock time ("died at 5 p.m.")."""
    return _age_like(text) and _DIED_AT.search(before) is not None and _CLOCK_AFTER.match(after) is None


def _magnitude(before: str, text: str, after: str) -> bool:
    """A bare number near "quake" is a magnitude when it reads as one: below 10, and written
    with a decimal or next to "magnitude"/"Richter" ("Ten people were killed and at least 50
    injured when an earthquake ..." holds no magnitude)."""
    near = before[-40:] + " " + after[:40]
    if not _MAGNITUDE.search(near):
        return False
    v = _number(_QUALIFIER.sub("", text))  # "at least 5.9": 5.9
    return v is not None and 0 < v < 10 and ("." in text or _MAGNITUDE_WORD.search(near) is not None)


_CALIBRE = {"caliber", "calibre", "magnum"}
_CALIBRE_AFTER = re.compile(r"^\s*-?\s*(?:caliber|calibre|magnum)\b", re.I)  # ".357 Magnum", "38-caliber"


_GUNS = {"revolver", "pistol", "handgun", "gun", "rifle", "shotgun", "magnum"}
_ONE_GUN_BEFORE = re.compile(r"\b[Aa]n?\s*\.?\s*$")  # "a .357 revolver" ("a. 357" as a page may space it)


def _calibre(ws: list[str], unit: Optional[str], before: str, after: str) -> bool:
    """A gun's calibre ("a .357 Magnum", "a 38-caliber revolver", "a .357 revolver"): not a
    count of guns; a number between "a" and one gun, singular, names the gun's calibre."""
    if not ws:
        return _CALIBRE_AFTER.match(after) is not None
    one_gun = ws[-1] in _GUNS and not (unit or "").casefold().rstrip().endswith("s") and _ONE_GUN_BEFORE.search(before)
    return ws[0] in _CALIBRE or _CALIBRE_AFTER.match(after) is not None or bool(one_gun)


RECORD = re.compile(r"^(\d{1,3})\s?[-–]\s?(\d{1,3})$")
RECORD_TAIL = re.compile(r"^[-–](\d{1,3})\b(?![-–.,]?\d)")
_RECORD_CUE = re.compile(r"\b(?:record|mark|lifetime|overall|career|opened|slumping|improved)\b", re.I)
# where a team or fighter stands: "fell to 36-3", "sitting at 9-14"; a fighter's record with its
# knockouts: "58-3 with 51 knockouts", "36-3 (24 KO)"
_RECORD_STAND = re.compile(r"\b(?:improve[sd]?|fell|dropped|slipped|fallen|sitting|sits|floundering|standing|stands)"
                           r"\s+(?:to|at)\s*$", re.I)
_RECORD_KO = re.compile(r"^(?:[-–]\d{1,3})?\s*(?:\(\d+\s*KOs?\)|with\s+\d+\s+(?:knockouts|KOs|wins))", re.I)


_RECORD_NOUN = re.compile(r"^(?:[-–]\d{1,3})?\s*(?:start|season|record)\b", re.I)  # "a 9-14 start to the season"
# a vote's split is one figure as a record is: "the jury deadlocked at 9-3", "voted 7-2", "a 9-3 deadlock"
_SPLIT_BEFORE = re.compile(r"\b(?:deadlocked|split|voted)\s+(?:at\s+)?$", re.I)
_SPLIT_NOUN = re.compile(r"^(?:[-–]\d{1,3})?\s*(?:deadlock|vote|split)\b", re.I)


def _record_cue(before: str, after: str) -> bool:
    """Whether a figure's words say it is a win-loss record (see :func:`win_loss`)."""
    return bool(_RECORD_CUE.search(before + " " + after) or before.rstrip().endswith("(")
                or _RECORD_STAND.search(before) or _RECORD_KO.match(after) or _RECORD_NOUN.match(after)
                or _SPLIT_BEFORE.search(before) or _SPLIT_NOUN.match(after))


def _record_noun(ws: list[str], before: str, text: str, after: str) -> bool:
    """A "W-L" figure counting a start or season ("a disappointing 9-14 start", "a 162-139 mark",
    "284-286 lifetime") or a vote ("their 9-3 deadlock"): a record, read whole or split ("9" then "-3", as the reader may give it)."""
    t = text.strip()
    return ws in (["start"], ["season"], ["record"], ["mark"], ["lifetime"], ["deadlock"], ["vote"], ["split"]) and (
        RECORD.match(t) is not None or (t.isdigit() and (RECORD_TAIL.match(after) is not None
                                                         or re.search(r"\d[-–]$", before) is not None)))


_WINS_LOSSES = re.compile(r"^\s*(?:wins?|victories)\s+(?:and|against|to)\s+([\w-]+)\s+(?:loss(?:es)?|defeats?)\b", re.I)


def wins_and_losses(text: str, after: str) -> Optional[str]:
    """A record written in words ("58 wins and three defeats", "40 victories against two
    losses") as "W-L"; None for any other figure."""
    m = _WINS_LOSSES.match(after)
    wins, losses = (word_or_digit(text.strip()), word_or_digit(m.group(1))) if m else (None, None)
    if wins is None or losses is None or not (wins.is_integer() and losses.is_integer()):
        return None
    return f"{int(wins)}-{int(losses)}"


def win_loss(before: str, text: str, after: str) -> Optional[str]:
    """A win-loss record ("a record of 9-14", "the Sixers (9-14)", "he was 162-139") as "W-L",
    its number read whole ("9-14") or split ("9" then "-14"); "" for the tail of a split one
    (no figure of its own); None when the figure is no record."""
    if not _record_cue(before, after):
        return None
    m = RECORD.match(text.strip())
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    t = m.group(1) if (m := RECORD_TAIL.match(after)) else None
    if t and text.strip().isdigit():
        return f"{text.strip()}-{t}"
    return "" if re.search(r"\d[-–]$", before) and text.strip().isdigit() else None


TOLL_VERBS = ("killed", "injured")  # states whose cue makes a count of persons of any noun a toll
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|for|with|from|by|among)\s+(?:the\s+)?$", re.I)


def _toll_persons(st: str, raw: Optional[str], before: str) -> bool:
    """Persons of any noun that a killing or wounding cue tells of ("killing two co-workers",
    "Two climbers killed", "two managing partners wounded", "the deaths of two co-workers"):
    that toll, as "two people were killed" is; not when a preposition takes the count and
    no such cue is just before it ("father to two boys died": the father did)."""
    if st not in TOLL_VERBS or raw not in PERSONS | {"other"}:
        return False
    near = before[-40:]
    if raw == "other":  # "killing one and injuring two others": the verb's own object only
        cue = _STATE_RX[st].search(near)
        return cue is not None and not near[cue.end():].strip()
    prep = _PREPOSITION_BEFORE.search(near)
    if prep is None:
        return True
    cues = list(_STATE_RX[st].finditer(near[:prep.start()]))
    return bool(cues) and not near[cues[-1].end():prep.start()].strip()


_AND_ONE_MORE = re.compile(r"^\s+(?:[\w-]+\s+)?([\w-]+)\s+and\s+(?:a|an|one)\s+(\w+)(?:[\s-]+(\w+))?", re.I)


def persons_listed(text: str, after: str) -> Optional[float]:
    """The persons a count names with one more ("two women and a man", "three men and one
    elderly woman"): the count plus one; None for any other figure (the reader gives "two")."""
    n = word_or_digit(text.strip())
    m = _AND_ONE_MORE.match(after)
    if n is None or not n.is_integer() or n < 2 or m is None:
        return None
    first, *second = (singular(g.casefold()) for g in m.groups() if g)
    return n + 1 if first in PERSONS and PERSONS.intersection(second) else None


_KNOCKOUTS_AFTER = re.compile(r"^\s*,?\s*(?:by\s+)?(?:KOs?|knockouts?)\b", re.I)  # "(51 KO)", "51 by knockout"


def knockouts(after: str) -> bool:
    """Whether a bare number counts a fighter's knockouts ("58-3 (51 KO)", "58 wins, 51 by
    knockout"), which the reader gives no unit: the count of "51 knockouts"."""
    return _KNOCKOUTS_AFTER.match(after) is not None


_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:is|ans|ons)$")  # a people named by its land: Somalis, Americans, Britons


# a whole counted by the noun that the number is "of" ("a population of more than 100,000", "a
# crowd of 200", "a majority of 160"): the bare number counts that noun
_WHOLE_OF = re.compile(r"\b(population|crowd|audience|majority)\s+of\s+$"  # ... or the one put "at" it:
                       r"|\b(?:put|puts|putting|estimated|estimates|estimating|placed)\s+the\s+(crowd|audience)\s+at\s+"
                       r"(?:(?:about|around|some|roughly|nearly|more than|at least)\s+)?$", re.I)  # "estimated the crowd at 70"
# a bare count that gathers, marches or riots ("Dozens gathered", "where 10,000 marched"): persons, as a
# count of people is (only persons do it)
_CROWD_VERB = re.compile(r"^\s+(?:had\s+|have\s+)?(?:gathered|assembled|rallied|marched|protested|rioted)\b", re.I)
# the people a place is "home to" ("the island, home to 120,000 people") or the residents it has
# ("the island, which has about 200,000 residents"): its population
_HOME_TO = re.compile(r"\bhome\s+to\s+$", re.I)
_HAS = re.compile(r"\b(?:has|had|have|with)\s+$", re.I)


_SHARE = re.compile(r"\b(?:half|thirds?|quarters?)$", re.I)  # a fraction the quantity reader gives as its value


def _population(ws: list[str], before: str) -> bool:
    """Whether a count of persons is a place's population (see ``_HOME_TO``)."""
    last = ws[-1] if ws else None
    return (last in PEOPLE | {"resident", "inhabitant"} and _HOME_TO.search(before[-40:]) is not None) or \
        (last in ("resident", "inhabitant") and _HAS.search(before[-40:]) is not None)


def _counted_words(before: str, unit: Optional[str], after: str = "") -> list[str]:
    """The words of what a figure counts: its unit's, or the whole it is a number "of" ("a crowd of
    200", "estimated the crowd at 70"), persons who gather ("Dozens gathered"), a place's population
    ("home to 120,000 people"), persons named by their land ("12 Somalis")."""
    ws = _words(unit)
    whole = None if ws else _WHOLE_OF.search(before[-40:])
    if whole:
        ws = [(whole.group(1) or whole.group(2)).casefold()]
    elif not ws and _CROWD_VERB.match(after):
        ws = ["people"]
    elif _population(ws, before):
        ws = ["population"]
    if ws and _DEMONYM.search(unit or ""):  # "12 Somalis", "three Americans": persons, as "12 nationals"
        ws = ws[:-1] + ["national"]
    return ws


def _is_age(u: str, before: str, text: str, after: str) -> bool:
    """Whether a figure whose unit words are ``u`` is a person's age ("35-year-old", "aged 35",
    "Smith, 35,", "he died at 35")."""
    return bool((u and _AGE_UNIT.match(u.replace(" ", "-")) or u in ("year old", "year-old"))
                or (not u and re.match(r"^\s*(?:years?[- ]old|,)", after) and person_before(before))
                or (not u and (_closing_age(before, text, after) or _pronoun_age(before, text, after)
                               or _died_at(before, text, after)))
                or (not u and _apposed_age(before, text, after)) or _AGED.search(before))


def measure(before: str, text: str, after: str, unit: Optional[str]) -> Measure:
    """The measure of the figure ``text`` written between ``before`` and ``after`` (its sentence)."""
    ws = _counted_words(before, unit, after)
    if not ws and _SHARE.search(text.strip()):  # "roughly a third" (of its flights): a share, no count
        return Measure("percent:share", "percent", 100.0)
    if not ws and knockouts(after):
        ws = ["knockout"]
    rec = win_loss(before, text, after) if not ws or _record_noun(ws, before, text, after) \
        else wins_and_losses(text, after)
    if rec is not None:  # one record is one figure: its key holds both numbers
        return Measure("record:" + rec, "record") if rec else Measure("count:-", None)
    u = " ".join(ws)
    if _is_age(u, before, text, after):
        # "charged with murdering the 35-year-old deputy": the deputy's age, not the one named before
        return Measure("age", "years", 1.0, person_near(before.rstrip(" (").rstrip(), after,
                                                        earlier=not (u and _noun_after(after))))
    if "magnitude" in u or {"quake", "earthquake", "richter"} & set(ws) or _MAGNITUDE_BEFORE.search(before) \
            or (not u and _magnitude(before, text, after)):
        return Measure("magnitude", "magnitude")
    if _calibre(ws, unit, before, after):
        return Measure("calibre", "calibre")
    money = _currency(u, ws)
    if money is not None:
        return Measure("amount:" + (state(before, after) or "-"), _per(money[0], ws), money[1])
    area = _area(ws, after)
    if area is not None:
        return area
    head = ws[0] if ws else ""
    if head in UNITS:
        rest = [w for w in ws[1:] if w not in ("per", "a", "an")]
        dim, f = UNITS[head]
        what = SYNONYMS.get(rest[0], rest[0]) if rest else (state(before, after) or "-")
        return Measure(f"{dim}:{what}", dim, f)
    if _MULTIPLE.match(text.strip()) and ws and NOUN_STATES.get(ws[-1]) == "killed":
        return Measure("killed", "people")  # "an arrest in a double murder case": two killed, whatever cue is near
    return _count_measure(ws, before, after)


def _count_measure(ws: list[str], before: str, after: str) -> Measure:
    """The measure of a count (no age, magnitude, money, area or unit of measurement): persons in a
    state ("46 arrests", "12 were arrested", "seven killed"), bullets that hit, else the counted noun."""
    st = state(before, after)
    raw = ws[-1] if ws else None
    if raw in NOUN_STATES and (st is None or st == NOUN_STATES[raw]) and (len(ws) == 1 or ws[-2] in PEOPLE):
        st = NOUN_STATES[raw]  # "46 arrests", "two deaths": 46 arrested (persons, as "46 were arrested"), two killed
        return Measure("count:people:arrested", "people") if st == "arrested" else Measure(st, "people")
    noun = "people" if raw in PERSONS or _staff_present(raw, st, before, after) else \
        SYNONYMS.get(raw, raw) if raw else None
    if st == "arrested" and (raw is None or raw in PEOPLE):  # "12 were arrested": persons, as "12 pirates" are
        return Measure("count:people:arrested", "people")  # (a count of persons of a noun keeps no arrest in its key)
    if st and st not in ("paid", "sentenced", "cut") and (raw is None or raw in PEOPLE or _toll_persons(st, raw, before)
                                                          or (st == "striking" and raw in PERSONS)):
        return Measure(st, "people")
    if raw == "time" and _SHOT.search(before[-30:]):  # "he had been shot seven times": seven bullets hit him
        return Measure("count:bullet", "bullet")
    if noun is None or noun in UNCOUNTED:
        return Measure("count:" + (st or "-"), None)
    return Measure(f"count:{noun}" + (f":{st}" if st in KEYED_STATES
                                     and noun not in ("troop", "job") else ""), noun)


SCALE_WORDS = {"mn": 1e6, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}  # "a 2 mn-euro heist"


def _currency(u: str, ws: list[str]) -> Optional[tuple[str, float]]:
    """The currency of a figure's unit and the factor into it: a cent, a currency word or sign
    leading the unit ("euro jewellery heist"), or one after a scale word ("mn-euro heist": the
    figure "2" counts millions); None for any other unit."""
    if u in CENTS:
        return CENTS[u]
    for key in (u, ws[0] if ws else ""):
        if key in CURRENCY:
            return CURRENCY[key], 1.0
    if len(ws) > 1 and ws[0] in SCALE_WORDS and ws[1] in CURRENCY:
        return CURRENCY[ws[1]], SCALE_WORDS[ws[0]]
    return None


def _per(currency: str, ws: list[str]) -> str:
    """An amount's dimension: its currency, or the currency per what a rate is reckoned in
    ("4 million crowns a day", "$20 per share" are no totals: "DKK per day", "USD per share")."""
    at = next((i for i, w in enumerate(ws) if w in ("per", "a", "an")), None)
    return f"{currency} per {ws[at + 1]}" if at is not None and at + 1 < len(ws) else currency


STAFF = {"worker", "employee", "staff"}
_JOB_CUE = re.compile(r"\b(?:jobs?|hir\w*|(?:un)?employ(?:ment|s|ed|ing|ers?)?|workforce|payroll|positions?|shifts?|strik\w*|union)\b", re.I)


def _staff_present(raw: Optional[str], st: Optional[str], before: str, after: str) -> bool:
    """Workers or employees counted as persons somewhere ("100 workers inside", "a dozen
    employees had been celebrating"), not as jobs: no job word or job cut near them."""
    return raw in STAFF and st is None and not _JOB_CUE.search(before[-80:] + " " + after[:80])


DIMENSIONS = ("seconds", "metres", "square metres", "kg", "percent", "degrees")
_SQUARE_AFTER = re.compile(r"^\s*-?\s*(?:square|sq\.?)[- ]", re.I)  # "170,000-square-foot building"


def _area(ws: list[str], after: str) -> Optional[Measure]:
    """An area: a length unit squared ("square feet", "15,800-square-metre building", read with
    "square" in the unit or just after the number), in square metres (the factor squared)."""
    squared = bool(ws) and ws[0] in ("square", "sq", "sq.")
    lengths = ws[1:] if squared else ws
    if not lengths or not (squared or _SQUARE_AFTER.match(after)):
        return None
    dim, f = UNITS.get(lengths[0], (None, 1.0))
    if dim != "metres":
        return None
    rest = [w for w in lengths[1:] if w not in ("per", "a", "an")]
    return Measure(f"square metres:{rest[0] if rest else '-'}", "square metres", f * f)


def group_key(m: Measure) -> tuple:
    """What figures must share to be compared: the measure without the cue words that vary from
    one article to the next ("a seven-year deal" and "around seven years"; "$90 million" paid or
    offered), but killed and injured apart; an age is keyed without its person (see ``about``)."""
    name = m.name
    if name.startswith("record:"):
        return (name,)
    if name.startswith("amount:"):
        return ("amount", m.dimension)
    if m.dimension in DIMENSIONS and ":" in name:
        return (m.dimension,)
    if name.startswith("count:"):
        parts = name.split(":")
        return (":".join(parts[:2]),) + tuple(p for p in parts[2:] if p in ("killed", "injured", *MOMENT_STATES))
    return (name, m.dimension)
