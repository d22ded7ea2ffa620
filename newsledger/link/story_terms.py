"""Story terms an article's words leave out: its telling figures, the ages of the persons it
names, and which terms name an event (see :func:`naming`)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from newsledger.link import text as T
from newsledger.link.measures import measure
from newsledger.model import Article

FIGURE_TERMS = 10  # story terms taken from an article's figures


def figure_terms(a: Article, limit: int = FIGURE_TERMS) -> list[str]:
    """Story terms from the article's telling figures ("q:6.1", "q:160000000"): a value that is
    neither a small count nor a year, so two articles quoting the same toll, magnitude or price
    share a term whatever words they use."""
    out: list[str] = []
    for q in a.quantities or []:
        if q.where != "text":  # the headline's figures stay out of story terms (as before)
            continue
        v = q.value
        if v is None or (float(v).is_integer() and (abs(v) < 20 or (1800 <= v <= 2100 and not q.unit))):
            continue
        t = f"q:{v:g}"
        if t not in out:
            out.append(t)
        if len(out) >= limit:
            break
    return out


# a quoted string that may be a title ("The Hunger Games", 'Happy Birthday'): a capital after the
# opening quotation mark, no quotation mark before the closing one
_QUOTED = re.compile(r"[\"\u201c\u2018']([A-Z][^\"\u201d\u2019']{2,60})[\"\u201d\u2019']")


def _name(run: str) -> str:
    """A capitalised run as a name's words ("The Hunger Games" -> "hunger games")."""
    return " ".join(T.words(run[4:] if run.startswith("The ") else run))


def missed_names(a: Article, terms: Iterable[str] = ()) -> list[str]:
    """Story terms ("e:ins sukanya", "e:hunger games") of the names of two words or more the
    analysis did not tag and ``terms`` do not hold: a capitalised run that is a whole quoted string
    (the title of a film, book, law or song) or that both the headline and the body give (a ship,
    "INS Sukanya"; a conference). The recogniser misses names in quotation marks and names of
    things, and a short article then has no name to tie it to its event's other reports."""
    body = a.text[:20000]
    found = {_name(r) for r in T.capitalised_runs(body)} & {_name(r) for r in T.capitalised_runs(a.title or "", True)}
    for m in _QUOTED.finditer(body):
        found |= {_name(r) for r in T.capitalised_runs(m.group(1), True) if r == m.group(1).strip()}
    held = set(terms)
    return [f"e:{n}" for n in sorted(found) if len(n.split()) >= 2 and f"e:{n}" not in held]


AGE_TERMS = 6  # story terms taken from the ages of named persons
AGE_APART = 3  # years between two ages of one person that put two articles years apart


def _full_name(a: Article, surname: str) -> Optional[str]:
    """The one full name (two words or more) of a person the article names with ``surname``;
    None when it names none or several (a family shares a surname)."""
    full, sn = set(), T.words(surname.replace("\u2019s", "").replace("'s", ""))[-1:]
    for e in a.entities or []:
        ws = T.words(e.text.replace("\u2019s", "").replace("'s", ""))
        if e.label == "PERSON" and len(ws) >= 2 and ws[-1:] == sn:
            full.add(" ".join(ws))
    return next(iter(full)) if len(full) == 1 else None


_AGE_AFTER = re.compile(r"^\s*(?:years?[- ]old|[,.;)]|$)")


def _maybe_age(text: str, q) -> bool:
    """A cheap test before :func:`measure`, which reads every kind of figure: a whole number
    1-120 of the body with an age's unit, or none and an age's punctuation or word around it."""
    if q.where != "text" or q.value is None or not (1 <= q.value <= 120 and float(q.value).is_integer()):
        return False
    u = (q.unit or "").casefold()
    if u:
        return "year" in u or "age" in u
    return _AGE_AFTER.match(text[q.end:q.end + 12]) is not None or "age" in text[max(0, q.start - 14):q.start].casefold()


def age_terms(a: Article, limit: int = AGE_TERMS) -> list[str]:
    """Story terms "a:<full name>:<age>" of the persons whose age the article gives once ("The
    36-year-old champion Klitschko", the article's one Klitschko being Wladimir Klitschko): a
    person's age is a clock, so two articles giving one person ages years apart report events
    years apart (see :func:`ages_apart`)."""
    ages: dict[str, set] = defaultdict(set)
    for q in a.quantities or []:
        if not _maybe_age(a.text, q):
            continue
        m = measure(a.text[max(0, q.start - 80):q.start], q.text, a.text[q.end:q.end + 80], q.unit)
        name = _full_name(a, m.about) if m.name == "age" and m.about else None
        if name:
            ages[name].add(int(q.value))
    return [f"a:{n}:{next(iter(v))}" for n, v in ages.items() if len(v) == 1][:limit]


def ages_by_name(terms: Iterable[str]) -> dict[str, int]:
    """{full name: age} of the age terms among ``terms`` (see :func:`age_terms`)."""
    return {t[2:].rpartition(":")[0]: int(t.rpartition(":")[2]) for t in terms if t.startswith("a:")}


def age_maps_apart(aa: dict[str, int], bb: dict[str, int]) -> bool:
    """Whether two {full name: age} maps give one person ages ``AGE_APART`` years or more apart."""
    return any(abs(aa[n] - bb[n]) >= AGE_APART for n in aa.keys() & bb.keys())


def ages_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether two articles give one named person ages ``AGE_APART`` years or more apart."""
    return age_maps_apart(ages_by_name(a_terms), ages_by_name(b_terms))


# a story term naming an entity in two words or more (two of them longer than a letter), or a
# telling figure (see figure_terms)
NAME_TERM = r"^(?:e:.*\w\w.* .*\w\w|q:)"  # also Spark's (Java) regular expression
_NAME_TERM = re.compile(NAME_TERM)


def names_of(terms) -> list[str]:
    """The names of two words or more among story terms (``e:`` terms that are :func:`naming`), in
    the order given: what the names tests of joins and merges read."""
    return [t for t in terms if t.startswith("e:") and naming(t)]


def naming(term: str) -> bool:
    """Whether a story term says which event: a name of two words or more ("e:tony thompson",
    "e:gulf of aden") or a telling figure ("q:6.1", "q:160000000"); a one-word entity
    ("e:greece", "e:indian") or an initialism ("e:u s") often says only which kind or where,
    and events of one kind share it."""
    return _NAME_TERM.match(term) is not None
