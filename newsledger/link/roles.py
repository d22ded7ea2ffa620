"""Who did what to whom: the event clauses of an article's lead, read from the spaCy parse.

A clause is (action, agent, patient): the verb's lemma ("stop", "push_out" with its particle),
or for a light verb the noun it carries ("made an offer to X" -> "offer"); the agent its subject
(or the "by" of a passive), the patient its object (or the passive's subject, or whom a light
verb's noun is for: "an offer to / for X", "made X an offer"). Only named participants count
(the analyser's entities, by their last word); a clause is kept only when both are named, so it
says which event of a kind the article reports ("Klitschko stopped Rahman").
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from newsledger.model import Article

LEAD_SENTENCES = 2  # the lead: where an article says what happened
LEAD_CHARS = 600  # at most this much is parsed to find those sentences ...
# ... and no further than the third likely sentence end (an abbreviation's dot ends none for
# the parser, so one more is kept)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d)]?\s+(?=[\"\u201c]?[A-Z])")
NAMED = {"PERSON", "ORG", "GPE", "FAC", "LOC"}  # who can act or be acted on (a nationality is not one)
# verbs that say nothing of who did what ("said", "was") or carry the action in their noun ("made an offer")
REPORTING = {"say", "tell", "report", "announce", "confirm", "state", "add", "claim", "reveal", "learn",
             "believe", "expect", "accord", "appear", "seem", "speculate"}
LIGHT = {"make", "give", "extend", "submit", "present", "put", "take"}
EMPTY = {"be", "have", "do", "get", "go", "come"}
_NOT_ACTIONS = REPORTING | EMPTY


class Clause(NamedTuple):
    action: str
    agent: Optional[tuple[str, str]]  # (label, key), None when not named
    patient: Optional[tuple[str, str]]


def _key(text: str) -> str:
    """An entity's key: its last word, casefolded, without a possessive or punctuation."""
    ws = text.replace("\u2019s", "").replace("'s", "").split()
    return re.sub(r"[^\w'-]", "", ws[-1].casefold()) if ws else ""


def _named(a: Article, tok) -> Optional[tuple[str, str]]:
    """(label, key) of the named entity the token is part of; None when it is in none."""
    for e in a.entities or []:
        if e.start <= tok.idx < e.end and e.label in NAMED:
            k = _key(e.text)
            return (e.label, k) if k else None
    return None


def _pobj(prep):
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _verb_args(a: Article, v) -> tuple[Optional[tuple[str, str]], Optional[tuple[str, str]]]:
    """The named agent and patient of a verb: its subject or a passive's "by", and its object or a
    passive's subject, else whom it is done to ("offered X a contract", "an offer to X")."""
    agent = patient = to = None
    for c in v.children:
        if c.dep_ == "nsubj":
            agent = _named(a, c)
        elif c.dep_ in ("nsubjpass", "dobj"):
            patient = _named(a, c)
        elif c.dep_ == "agent" and _pobj(c) is not None:
            agent = _named(a, _pobj(c))
        elif c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to" and _pobj(c) is not None):
            to = _named(a, _pobj(c) or c)
    return agent, patient or to


def _light_noun(v):
    """The noun a light verb carries ("made an offer", "made X the largest offer")."""
    return next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "ccomp", "oprd") and c.pos_ == "NOUN"),
                None)


def _noun_patient(a: Article, noun) -> Optional[tuple[str, str]]:
    """Whom a light verb's noun is for: "an offer to / for X", "made X an offer" (X its subject)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for") and _pobj(c) is not None:
            return _named(a, _pobj(c))
        if c.dep_ == "nsubj":
            return _named(a, c)
    return None


def _clause(a: Article, v) -> Clause:
    prt = [c.lower_ for c in v.children if c.dep_ == "prt"]
    lemma = v.lemma_.casefold() + ("_" + prt[0] if prt else "")
    agent, patient = _verb_args(a, v)
    noun = _light_noun(v) if lemma in LIGHT else None
    if noun is not None:
        return Clause(_key(noun.lemma_), agent, _noun_patient(a, noun) or patient)
    return Clause(_key(lemma), agent, patient)


def _lead_has_two_names(a: Article) -> bool:
    """A cheap test before parsing: a clause of two named participants needs two names in the lead."""
    return sum(1 for e in a.entities or [] if e.start < LEAD_CHARS and e.label in NAMED) >= 2


def _parse_lead(text: str):
    """The parse of the text's first sentences, without the entity recogniser (the article's
    entities are read already; it is half the cost)."""
    from newsledger.analyze.nlp import get_nlp

    lead = text[:LEAD_CHARS]
    ends = [m.end() for m in _SENTENCE_END.finditer(lead)]
    if len(ends) > LEAD_SENTENCES:
        lead = lead[:ends[LEAD_SENTENCES]]
    nlp = get_nlp()
    doc = nlp.make_doc(lead)
    for name, proc in nlp.pipeline:
        if name != "ner":
            doc = proc(doc)
    return doc


def lead_clauses(a: Article) -> list[Clause]:
    """The clauses of the article's first ``LEAD_SENTENCES`` sentences whose agent and patient are
    both named, in order (reporting and empty verbs left out: "the navy said it captured ...")."""
    if not a.text or not _lead_has_two_names(a):
        return []
    out: list[Clause] = []
    for sent in list(_parse_lead(a.text).sents)[:LEAD_SENTENCES]:
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.casefold() in _NOT_ACTIONS:
                continue
            c = _clause(a, v)
            if c.action and c.agent and c.patient and c.action not in EMPTY and c not in out:
                out.append(c)
    return out
