"""Search syntax, the same on both backends: a query is parsed once into clauses and written out
as an FTS5 ``MATCH`` expression (SQLite, porter-stemmed index) or a ``to_tsquery`` expression
(PostgreSQL, ``english`` configuration).

* ``dam breach``: every word must match (stemmed: ``evacuate`` finds ``evacuated``);
* ``"dam breach"``: a phrase; ``evac*``: a prefix;
* ``flood OR storm``: either; ``-storm`` / ``-"storm surge"``: not;
* numbers match whatever their separators: ``7200``, ``7,200`` and ``7 200`` are one number.

Words are ``\\w+``; each distinct word counts once towards :data:`~newsledger.store.bounds.MAX_TERMS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsledger.store.bounds import MAX_TERM_CHARS, MAX_TERMS, QueryRejected

_WORD = re.compile(r"\w+", re.UNICODE)
# a grouped number (7,200 / 7.200 / 7 200 / 1,234,567) or a long plain one (7200)
_NUMBER = re.compile(r"^\d{1,3}(?:([,.\u00a0\u202f'])\d{3})(?:\1\d{3})*$|^\d{4,}$")
_TOKEN = re.compile(r'(-?)"([^"]*)"(\*?)|(\S+)')


@dataclass
class Term:
    """One alternative: a word, a phrase (several words in order), maybe a prefix; ``raw`` is a
    PostgreSQL-only token (a dotted number its parser keeps whole)."""

    words: list[str]
    prefix: bool = False
    raw: bool = False


@dataclass
class Clause:
    alts: list[Term] = field(default_factory=list)
    negated: bool = False


def _number_terms(token: str) -> Optional[list[Term]]:
    """``7,200`` -> the plain number, the number in groups of three (how the tokenizers split
    ``7,200``), and the dotted form (kept whole by PostgreSQL's parser)."""
    if not _NUMBER.match(token):
        return None
    digits = re.sub(r"\D", "", token)
    if len(digits) > 15:
        return None
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    alts = [Term([digits])]
    if len(groups) > 1:
        alts += [Term(groups), Term([".".join(groups)], raw=True)]
    return alts


def _terms_of(text: str, prefix: bool, quoted: bool) -> list[Term]:
    """The alternatives of one bare token (``quoted``: one phrase)."""
    if not quoted:
        numbers = _number_terms(text)
        if numbers:
            return numbers
    words = _WORD.findall(text)
    if not words:
        return []
    if quoted or len(words) == 1:
        return [Term(words, prefix=prefix)]
    return [Term(words, prefix=prefix)]  # 'dam-breach', 'e.g': the words as a phrase


def parse(query: str) -> list[Clause]:
    """The query's clauses (ANDed); :class:`QueryRejected` past the caps."""
    clauses: list[Clause] = []
    join_next = False
    for m in _TOKEN.finditer(query or ""):
        neg_q, phrase, star_q, bare = m.groups()
        if bare is not None:
            if bare == "OR" and clauses and not clauses[-1].negated:
                join_next = True
                continue
            negated = bare.startswith("-") and len(bare) > 1
            body = bare[1:] if negated else bare
            prefix = body.endswith("*")
            alts = _terms_of(body.rstrip("*"), prefix, quoted=False)
        else:
            negated, prefix = bool(neg_q), bool(star_q)
            alts = _terms_of(phrase, prefix, quoted=True)
        if not alts:
            continue
        if join_next and not negated:
            clauses[-1].alts.extend(alts)
        else:
            clauses.append(Clause(alts, negated))
        join_next = False
    clauses = _distinct(clauses)
    _check(clauses)
    return clauses


def _term_key(t: Term) -> tuple:
    return tuple(w.casefold() for w in t.words), t.prefix, t.raw


def _key(c: Clause) -> tuple:
    return c.negated, tuple(sorted({_term_key(t) for t in c.alts}))


def _distinct(clauses: list[Clause]) -> list[Clause]:
    """Each clause once (a word repeated 125 times asks no more than once), its alternatives
    once each: the query the database runs is as small as what it means."""
    seen, out = set(), []
    for c in clauses:
        k = _key(c)
        if k in seen:
            continue
        seen.add(k)
        alts, keys = [], set()
        for t in c.alts:
            tk = _term_key(t)
            if tk not in keys:
                keys.add(tk)
                alts.append(t)
        out.append(Clause(alts, c.negated))
    return out


def _check(clauses: list[Clause]) -> None:
    words = {w.casefold() for c in clauses for t in c.alts if not t.raw for w in t.words}
    if any(len(w) > MAX_TERM_CHARS for w in words):
        raise QueryRejected(f"a word of the query is over {MAX_TERM_CHARS} characters")
    if len(words) > MAX_TERMS:
        raise QueryRejected(f"the query has {len(words)} different words; at most {MAX_TERMS}")


def positive(clauses: list[Clause]) -> bool:
    """Whether the query asks for something (a query of exclusions only matches nothing)."""
    return any(not c.negated for c in clauses)


def to_fts5(clauses: list[Clause]) -> str:
    """The FTS5 MATCH expression (``NOT`` is binary in FTS5: exclusions come last)."""
    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    def clause(c: Clause) -> str:
        alts = [term(t) for t in c.alts if not t.raw]
        return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"

    pos = " AND ".join(clause(c) for c in clauses if not c.negated)
    neg = "".join(" NOT " + clause(c) for c in clauses if c.negated)
    return pos + neg


def to_tsquery(clauses: list[Clause]) -> str:
    """The ``to_tsquery('english', ...)`` expression."""
    def term(t: Term) -> str:
        if t.raw:
            return "'" + t.words[0] + "'"
        words = list(t.words)
        if t.prefix:
            words[-1] += ":*"
        return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"

    def clause(c: Clause) -> str:
        alts = [term(t) for t in c.alts]
        body = alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"
        return "!" + body if c.negated else body

    return " & ".join(clause(c) for c in clauses)


def numbers(clauses: list[Clause]) -> list[float]:
    """The numbers the query names (for claim search by figure)."""
    out = []
    for c in clauses:
        if not c.negated and c.alts and len(c.alts[0].words) == 1 and c.alts[0].words[0].isdigit():
            out.append(float(c.alts[0].words[0]))
    return out


def words(clauses: list[Clause]) -> list[str]:
    """The plain words of the query's wanted clauses, numbers left out."""
    out = []
    for c in clauses:
        if c.negated or (c.alts and c.alts[0].words and c.alts[0].words[0].isdigit()):
            continue
        for t in c.alts[:1]:
            out.extend(w for w in t.words)
    return out
