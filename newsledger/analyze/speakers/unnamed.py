"""Unnamed speakers: anonymous sources ("officials", "a company spokesman") and the pronouns an unnamed
person may be referred to by."""
from __future__ import annotations

import re

from newsledger.analyze.attribution.base import WORK_NOUNS
from newsledger.analyze.speakers.spans import head_token
from newsledger.analyze.speakers.words import ANON_HEADS, ANON_ROLES, FEMALE, MALE, NEUTER, PERSON_NOUNS, content_words


ANON_CUES = re.compile(r"\b(familiar with|on condition of anonymity|not authori[sz]ed|who (asked|spoke|requested)|"
                       r"unnamed|anonymous|speaking on background)\b", re.I)


def unnamed_person(c, cl) -> bool:
    """Whether a resolved source is an unnamed person: anonymous, or a role phrase kept as its
    own name ("the teacher")."""
    if c.source.anonymous:
        return True
    if cl is None or cl.kind != "org" or c.signals.get("src_via") != "phrase":
        return False
    words = content_words(_POSTMODIFIER.split(cl.name, 1)[0])  # "man in red shorts": the man
    return bool(words) and words[-1].lower() in ANON_ROLES | PERSON_NOUNS


# a preposition opening what follows a role phrase's head ("the man in red shorts", "a woman with a dog")
_POSTMODIFIER = re.compile(r"\s+(?:in|with|from|at|wearing)\s+", re.I)


MALE_NOUNS = {"man", "boy", "father", "son", "husband", "spokesman", "chairman", "brother", "king"}
FEMALE_NOUNS = {"woman", "girl", "mother", "daughter", "wife", "spokeswoman", "chairwoman", "sister", "queen"}


def pronouns_of(doc, src) -> set[str]:
    """The singular pronouns an unnamed source can be referred to by: none for a group ("officials"),
    "he" for "a masked man", "she" for "a spokeswoman", both for "a teacher", "it" for a work ("the
    report")."""
    head = head_token(doc, src.start, src.end)
    if head is None or head.tag_ in ("NNS", "NNPS"):
        return set()
    lemma = head.lemma_.lower()
    if lemma in WORK_NOUNS - {"team", "office", "campaign"}:
        return NEUTER  # "the report says ... It also points out": a work is an "it", never a he/she
    return MALE if lemma in MALE_NOUNS else FEMALE if lemma in FEMALE_NOUNS else MALE | FEMALE


def speaks_for(doc, src) -> bool:
    """Whether an unnamed speaker speaks for a body the source names only by a common noun ("a
    spokesman for the union", "officials at the agency"): a following "it" most likely means that
    body, so no organisation named earlier is a safe guess."""
    head = head_token(doc, src.start, src.end)
    return head is not None and any(
        p.dep_ == "prep" and p.lower_ in ("for", "at", "of") and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" and src.start <= o.idx < src.end for o in p.children)
        for p in head.children)


def is_anonymous(raw: str, head) -> bool:
    """An unnamed source: "officials", "a person familiar with ...", "sources at the broadcaster",
    "a company spokesman", "a spokeswoman for Tesco", "a resident who asked not to be named"."""
    if ANON_CUES.search(raw):
        return True
    if head is None or head.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" for t in head.subtree):
        return False
    if head.lower_ in ANON_HEADS and not any(t.ent_type_ == "ORG" for t in head.subtree):
        return True
    first = raw.split()[0].lower() if raw.split() else ""
    indefinite = first in ("a", "an", "one", "two", "three", "several", "some")
    represents = first in ("his", "her", "their")  # "his spokesman": someone speaking for him, unnamed
    return head.lower_ in ANON_ROLES and (indefinite or represents or head.tag_ == "NNS")
