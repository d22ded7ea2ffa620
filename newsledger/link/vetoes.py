"""Story vetoes: evidence, read from both articles, that two reports of one kind of event report
two events. A veto only ever splits where both articles give the evidence; an article that gives
none is never kept apart for it.

The evidence travels as story terms (stored with the article's other terms, so a stored article
needs no re-reading) that the story score leaves out (:func:`scored`): a veto term says which
event, never that two articles are alike.
"""
from __future__ import annotations

import re
from typing import Iterable

from newsledger.link.measures import measure
from newsledger.link.roles import lead_clauses
from newsledger.model import Article

VETO_PREFIX = "m:"  # a term "m:<magnitude>": a quake's magnitude given in the article's lead
OFFICE_PREFIX = "o:"  # a term "o:<office>:<holder's surname>": who holds an office the article names
ROLE_PREFIX = "r:"  # a term "r:<action>|<agent's label>|<agent>|<patient's label>|<patient>": who did what to whom
VETO_PREFIXES = (VETO_PREFIX, OFFICE_PREFIX, ROLE_PREFIX)
LEAD_CHARS = 300  # the lead: where an article gives the size of the event it reports
MAGNITUDE_APART = 0.5  # magnitudes this far apart are two quakes (agencies differ by 0.1-0.3)
MAGNITUDE_TERMS = 3


def magnitude_terms(a: Article, limit: int = MAGNITUDE_TERMS) -> list[str]:
    """Terms "m:<magnitude>" of the quake magnitudes the article's lead gives ("A 5.6 magnitude
    earthquake hit ..."): a quake's size is fixed, so reports of two quakes give two sizes."""
    out: list[str] = []
    for q in a.quantities or []:
        if q.where != "text" or q.start is None or q.start >= LEAD_CHARS or q.value is None:
            continue
        if not 1.0 <= q.value <= 10.0:
            continue
        m = measure(a.text[max(0, q.start - 80):q.start], q.text, a.text[q.end:q.end + 80], q.unit)
        t = f"{VETO_PREFIX}{q.value:g}"
        if m.name == "magnitude" and t not in out:
            out.append(t)
    return out[:limit]


def _magnitudes(terms: Iterable[str]) -> list[float]:
    return [float(t[len(VETO_PREFIX):]) for t in terms if t.startswith(VETO_PREFIX)]


def magnitudes_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether both articles give their quake's magnitude in the lead and every pair of the two
    is ``MAGNITUDE_APART`` or more apart (one quake: 5.9 from one agency, 6.1 from another)."""
    ma, mb = _magnitudes(a_terms), _magnitudes(b_terms)
    return bool(ma and mb) and min(abs(x - y) for x in ma for y in mb) >= MAGNITUDE_APART - 1e-9


OFFICE_NOUNS = {"secretary", "minister", "governor", "mayor", "chief", "commissioner", "chairman",
                "chairwoman", "president", "premier", "sheriff", "prosecutor", "director", "ambassador"}
OFFICE_TERMS = 8
# capitalised words written right before a name: "Interior Secretary", "President-elect"
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w'-]*\s+){1,4})$")
_NOT_HOLDER = re.compile(r"(?:former|ex-|then|late|outgoing|incoming|acting|interim|deputy|vice|previous|"
                         r"past|future|next|new)\W*$", re.I)
_ELECT = re.compile(r"^\s*(?:-\s*)?(?:elect|designate|nominee)\b", re.I)
_LEADING = {"the", "a", "an", "and", "but", "as", "in", "on", "at", "when", "after", "before", "by", "said", "says"}
# an office that many hold at once ("Deputy Sheriff") or whose place is not said ("Police Chief",
# "Prime Minister" of which town or country?) names no one office
_MANY = {"deputy", "assistant", "associate", "vice", "acting", "interim"}
_PLACELESS = {"police", "fire", "rescue", "prime", "county", "city", "state", "district", "regional"}
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
_NOT_NOW = {"former", "late", "outgoing", "incoming", "previous", "past", "future", "next"}  # "Former President"
HOLDS, ELECT = "holds", "elect"  # the terms "o:holds:<surname>", "o:elect:<surname>" (no office has one word)


def _title(text: str, start: int) -> tuple[list[str], bool] | None:
    """The title written right before a name at ``start``, lowercased ("interior", "secretary"), and
    whether it names one elected but not yet in office ("President-elect"); None when there is none
    or it names no present holder ("former", "Deputy")."""
    m = _TITLE_BEFORE.search(text[max(0, start - 60):start])
    if not m:
        return None
    words = [w.casefold() for w in m.group(1).split()]
    while words and words[0] in _LEADING:
        words = words[1:]
    elect = bool(words) and words[-1].endswith("-elect")
    if elect:
        words[-1] = words[-1][:-len("-elect")]
    if not words or words[-1] not in OFFICE_NOUNS or _MANY & set(words) or words[0] in _NOT_NOW:
        return None
    if _NOT_HOLDER.search(text[max(0, start - len(m.group(1)) - 12):start - len(m.group(1))]):
        return None
    return words, elect


def _title_terms(title: list[str], elect: bool, surname: str) -> list[str]:
    if elect:
        return [f"{OFFICE_PREFIX}{ELECT}:{surname}"]
    out = [f"{OFFICE_PREFIX}{HOLDS}:{surname}"]
    if len(title) >= 2 and not (len(title) == 2 and title[0] in _PLACELESS):
        out.append(f"{OFFICE_PREFIX}{' '.join(title)}:{surname}")
    return out


# a title's last word, then a run of capitalised words on its line: a name the recogniser may have missed
_OFFICE_RUN = re.compile(r"\b(?:%s) +([A-Z][\w'\u2019-]*(?: +[A-Z][\w'\u2019-]*)*)" % "|".join(
    sorted(w.capitalize() for w in OFFICE_NOUNS)))
# words of a title or an office, never of a person's name ("Chief Public Relations Officer")
_TITLE_WORDS = OFFICE_NOUNS | _MANY | _PLACELESS | {"officer", "attorney", "general", "public", "relations",
                                                    "spokesman", "spokeswoman", "department", "office", "justice"}


def _name_words(name: str) -> list[str]:
    """A name's words without a possessive ("Obama's" is "Obama")."""
    return name.replace("\u2019s", "").replace("'s", "").split()


def _named_persons(a: Article) -> list[tuple[int, int, list[str]]]:
    """(start, end, words) of each person the article names: its PERSON entities, and a name of two
    or three capitalised words written right after a title of office that no entity covers, the
    last more than an initial ("Qeshm Governor Mehdi Irannejad", a name the recogniser did not
    know; "President George W." is not all of a name)."""
    out = [(e.start, e.end, _name_words(e.text)) for e in a.entities or [] if e.label == "PERSON"]
    for m in _OFFICE_RUN.finditer(a.text or ""):
        s, e, ws = m.start(1), m.end(1), _name_words(m.group(1))
        if (2 <= len(ws) <= 3 and len(ws[-1]) > 1 and not any(w.casefold() in _TITLE_WORDS for w in ws)
                and not any(x.start < e and s < x.end for x in a.entities or [])):
            out.append((s, e, ws))
    return out


def office_terms(a: Article, limit: int = OFFICE_TERMS) -> list[str]:
    """Terms of the titled persons the article names: "o:<office>:<surname>" for an office of two
    words or more and its holder ("Interior Secretary Ken Salazar"), "o:holds:<surname>" for a
    person named with a title of office, "o:elect:<surname>" for one elected to it
    ("President-elect Barack Obama"). A person may be named by surname alone ("President Obama",
    the analyser's entity "Obama"): the terms hold surnames only. An office has one holder at a
    time, and an elect is not yet in office: both are clocks (see :func:`offices_apart`)."""
    out: list[str] = []
    for start, end, words in _named_persons(a):
        ws = [w for w in words if w.casefold().strip(".,") not in _SUFFIX]
        if not ws or _ELECT.match(a.text[end:end + 14]):
            continue
        title = _title(a.text, start)
        for t in _title_terms(*title, ws[-1].casefold()) if title else ():
            if t not in out:
                out.append(t)
    return out[:limit]


def _holders(terms: Iterable[str]) -> dict[str, set[str]]:
    """office (or ``holds`` / ``elect``) -> surnames, from an article's office terms."""
    out: dict[str, set[str]] = {}
    for t in terms:
        if t.startswith(OFFICE_PREFIX):
            office, _, name = t[len(OFFICE_PREFIX):].rpartition(":")
            out.setdefault(office, set()).add(name)
    return out


def _elect_then_holder(ha: dict[str, set[str]], hb: dict[str, set[str]]) -> bool:
    """A person the first article names as elected only and the second as in office."""
    return bool((ha.get(ELECT, set()) - ha.get(HOLDS, set())) & (hb.get(HOLDS, set()) - hb.get(ELECT, set())))


def offices_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether two articles name two times of one office: one holder each, not the same ("Interior
    Secretary Dirk Kempthorne" against "Interior Secretary Ken Salazar"; an article that names two
    holders, a handover, says nothing), or one person elected in one and in office in the other
    ("President-elect Barack Obama" against "President Obama")."""
    ha, hb = _holders(a_terms), _holders(b_terms)
    if _elect_then_holder(ha, hb) or _elect_then_holder(hb, ha):
        return True
    offices = {o for o in ha.keys() & hb.keys() if " " in o}
    return any(len(ha[o]) == 1 and len(hb[o]) == 1 and ha[o] != hb[o] for o in offices)


ROLE_TERMS = 8


def role_terms(a: Article, limit: int = ROLE_TERMS) -> list[str]:
    """Terms "r:<action>|<label>|<agent>|<label>|<patient>" of the lead's clauses whose agent and
    patient are both named (see :func:`newsledger.link.roles.lead_clauses`): "Klitschko stopped
    Rahman" is "r:stop|PERSON|klitschko|PERSON|rahman"."""
    return [f"{ROLE_PREFIX}{c.action}|{c.agent[0]}|{c.agent[1]}|{c.patient[0]}|{c.patient[1]}"
            for c in lead_clauses(a)][:limit]


def _roles(terms: Iterable[str]) -> list[tuple[str, ...]]:
    """(action, agent's label, agent, patient's label, patient) of an article's role terms."""
    return [tuple(t[len(ROLE_PREFIX):].split("|")) for t in terms if t.startswith(ROLE_PREFIX)]


def _other_participant(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One action, one participant the same, the other of one kind but another: "Klitschko stopped
    Rahman" / "Klitschko stopped Thompson", "the Angels offered Teixeira" / "the Red Sox offered
    Teixeira"."""
    if x[0] != y[0]:
        return False
    return (x[2] == y[2] and x[3] == y[3] and x[4] != y[4]) or (x[4] == y[4] and x[1] == y[1] and x[2] != y[2])


def roles_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether the two leads tell one action with one participant the same and the other another of
    its kind (:func:`_other_participant`), and neither lead also tells the other's clause (a lead
    telling both, "Klitschko stopped Rahman as he stopped Thompson", says nothing)."""
    ra, rb = _roles(a_terms), _roles(b_terms)
    keys_a, keys_b = {(x[0], x[2], x[4]) for x in ra}, {(y[0], y[2], y[4]) for y in rb}
    return any(_other_participant(x, y) and (x[0], x[2], x[4]) not in keys_b and (y[0], y[2], y[4]) not in keys_a
               for x in ra for y in rb)


def apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether the two articles' veto terms say they report two events."""
    return magnitudes_apart(a_terms, b_terms) or offices_apart(a_terms, b_terms) or roles_apart(a_terms, b_terms)


def veto_terms(a: Article) -> list[str]:
    """The article's veto terms, stored among its story terms."""
    return magnitude_terms(a) + office_terms(a) + role_terms(a)


def scored(terms: frozenset) -> frozenset:
    """The story terms the story score counts: all but the veto terms."""
    if any(t.startswith(VETO_PREFIXES) for t in terms):
        return frozenset(t for t in terms if not t.startswith(VETO_PREFIXES))
    return terms
