"""The antecedent mentions of an article (named PERSON / ORG / GPE / NORP outside quoted and reported
words), the genders they reveal, and the people named inside reported words."""
from __future__ import annotations

from typing import Callable, Optional

from newsledger.analyze.gender import disagrees
from newsledger.analyze.speakers.spans import (described_names, doc_ents, object_of, person_name, same_person,
                                               surname_spots, surname_subjects, surnames_tagged_org, titled_names)
from newsledger.analyze.speakers.words import ASK_VERBS, SUBJECT_DEPS, THING_NAME_WORDS, TITLE_GENDER


class Mention:
    """A possible antecedent: a named PERSON / ORG / GPE / NORP outside quoted and reported content."""

    def __init__(self, pos: int, ent, role: str):
        self.pos, self.ent, self.role = pos, ent, role
        self.kind = "person" if ent.label_ == "PERSON" else "org"
        self.gender: Optional[str] = None


def antecedent_mentions(doc, hidden: Callable[[int, int], bool]) -> list[Mention]:
    """The entities that may be antecedents, in text order, those the tagger missed or mistyped
    included, none ``hidden`` (inside quoted or reported words)."""
    out = []
    retagged = [*surnames_tagged_org(doc), *described_names(doc)]
    taken = {i for e in retagged for i in range(e.start, e.end)}
    ents = [e for e in doc_ents(doc) if not taken & set(range(e.start, e.end))]
    for e in sorted([*ents, *retagged, *titled_names(doc), *surname_subjects(doc)], key=lambda e: e.start):
        if e.label_ not in ("PERSON", "ORG", "GPE", "NORP") or hidden(e.start_char, e.end_char) or _thing_named(e):
            continue
        out.append(Mention(e.start_char, e, _mention_role(e.root)))
    return out


def _thing_named(ent) -> bool:
    """Whether a PERSON entity is a storm's or a ship's name ("Storm Ciarán", "Hurricane Ida", "HMS
    Dauntless"): no person, so no he/she's antecedent, nor a body that speaks."""
    doc = ent.doc
    first = ent[0].lower_ if ent.label_ == "PERSON" else ""
    before = doc[ent.start - 1].lower_ if ent.label_ == "PERSON" and ent.start > 0 else ""
    return first in THING_NAME_WORDS or before in THING_NAME_WORDS


def _mention_role(root) -> str:
    """"subject" (also a name beside a subject or an attribute), "heading" (a short sentence of its
    own) or "other"."""
    return "subject" if root.dep_ in SUBJECT_DEPS + ("attr",) or (
        root.dep_ in ("appos", "compound", "poss") and root.head.dep_ in SUBJECT_DEPS + ("attr",)) else \
        "heading" if root.dep_ == "ROOT" and root.sent.end - root.sent.start <= 8 else "other"


def reported_people(doc, qmask, reported, genders: dict[str, str]) -> list[tuple[int, str, Optional[str]]]:
    """(position, name, "m"/"f"/None) of the people named inside reported content (the
    claims' content, not quotations): no antecedents, but rivals of one."""
    out = []
    for e in [*doc_ents(doc), *titled_names(doc)]:
        if e.label_ != "PERSON" or not reported[e.start_char] or qmask[e.start_char]:
            continue
        name = person_name(doc, e.start_char, e.end_char) or e.text
        before = doc[max(e.start - 1, 0)].lower_.strip(".")
        out.append((e.start_char, name, TITLE_GENDER.get(before) or genders.get(name)))
    return sorted(out)


def mention_genders(doc, text: str, mentions: list[Mention], qmask, reported) -> dict[str, str]:
    """person name -> "m"/"f", from a title ("Mr", "Ms"), or the first he/she subject (or
    himself/herself) after it, before the next person (also one named in reported words), outside
    quoted and reported content; none for one who asks (the he/she after is the one asked)."""
    out: dict[str, str] = {}
    persons = [m for m in mentions if m.kind == "person"]
    spots = surname_spots(doc)
    # people named inside reported words ("Winfrey told CBS that Harry had said ... he added"): a he/she
    # after one may be theirs, so it tells nothing of the gender of a person named before
    inner = [e.start_char for e in doc_ents(doc)
             if e.label_ == "PERSON" and reported[e.start_char] and not qmask[e.start_char]]
    for k, m in enumerate(persons):
        name = person_name(doc, m.ent.start_char, m.ent.end_char) or m.ent.text
        before = doc[max(m.ent.start - 1, 0)].lower_.strip(".")
        if before in TITLE_GENDER:
            out.setdefault(name, TITLE_GENDER[before])
            continue
        if m.ent.root.dep_ == "poss" or m.ent.end < len(doc) and doc[m.ent.end].tag_ == "POS":
            continue  # "Jacob Zuma's daughter ... she": the pronoun is the daughter
        if m.role == "other" or _asks(m):
            continue  # "... a visiting President Donald Trump, and whether she would": she is the subject
        stop = _gender_reach(doc, text, m, name, persons[k + 1:], spots)
        stop = min([stop] + [q for q in inner if m.ent.end_char <= q < stop])
        g = _next_pronoun_gender(doc, m, stop, qmask, reported)
        if g is not None and not disagrees(g, name):  # "Judge Robert Kane rejected it. She said": not Kane
            out.setdefault(name, g)
    return out


def _gender_reach(doc, text: str, m: Mention, name: str, later: list[Mention], spots) -> int:
    """Where the he/she telling a person's gender must stand before: the next person, past those
    inside this mention's own phrase before its verb ("Kelly Clarke, from Vredehoek, said ... she":
    a place mis-tagged as a person), or a surname that is its verb's object, and at most 200
    characters past the mention's sentence."""
    verb = next((a for a in m.ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    after = verb.idx if verb is not None else len(text)
    nxt = next((p.pos for p in later
                if verb is None or p.pos > verb.idx or p.ent.sent.start != m.ent.sent.start), len(text))
    nxt = min(nxt, next((q for q, tail in spots if q > after and not same_person(name, tail)
                         and object_of(doc, q, q + len(tail), verb)), nxt))
    return min(nxt, m.ent.sent.end_char + 200)


def _asks(m: Mention) -> bool:
    """Whether a person is the subject of an asking verb ("When Winfrey asked if he could share it, he
    declined"): the he/she after it is the one asked, and says nothing of the asker's gender."""
    root = m.ent.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ASK_VERBS


def _next_pronoun_gender(doc, m: Mention, stop: int, qmask, reported) -> Optional[str]:
    """The gender of the first he/she subject (or himself/herself) after a mention and before
    ``stop``, outside quoted and reported words, else None."""
    for t in doc[m.ent.end:]:
        if t.idx >= stop:
            break
        if qmask[t.idx] or reported[t.idx]:
            continue  # "X filed a lawsuit saying he ...": reported words say nothing of X
        if (t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS) or t.lower_ in ("himself", "herself"):
            return "m" if t.lower_ in ("he", "himself") else "f"
    return None
