"""The per-article state of speaker resolution: the antecedent mentions outside quoted and reported
words, the genders known for people, and the passage's current speaker."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.gender import disagrees
from newsledger.analyze.speakers.clusters import _Cluster, _find_org, _find_person, _new
from newsledger.analyze.speakers.spans import (_ents, _object_of, _person_name, _same_person, _surname_spots,
                                               _surname_subjects, _surnames_tagged_org, _titled_names)
from newsledger.analyze.speakers.words import SUBJECT_DEPS, TITLE_GENDER, _norm, _strip_det, _strip_paren


class _Mention:
    """A possible antecedent: a named PERSON / ORG / GPE / NORP outside quoted and reported content."""

    def __init__(self, pos: int, ent, role: str):
        self.pos, self.ent, self.role = pos, ent, role
        self.kind = "person" if ent.label_ == "PERSON" else "org"
        self.gender: Optional[str] = None


class _Context:
    """Per-article state: clusters, the antecedent mentions, the current speaker."""

    def __init__(self, claims, doc, text: str):
        from newsledger.analyze.attribution.base import quoted_mask

        self.doc, self.text = doc, text
        self.qmask = quoted_mask(text)
        self.reported = _reported_mask(claims, len(text))
        self.clusters: list[_Cluster] = []
        self.mentions = self._mentions()
        self.genders = self._genders()
        self.reported_persons = self._reported_persons()
        self.current: Optional[_Cluster] = None  # speaker of the latest resolved claim
        self.current_pos = self.current_end = -1
        self.current_group = False  # the current speaker was named with others ("Gallagher and his colleagues")
        self.current_guessed = False  # the current speaker is itself an ambiguous guess
        self.current_patient: Optional[str] = None  # the person the current speaker's passive cue is about
        self.last_person: Optional[_Cluster] = None
        self.unnamed_pos = self.unnamed_end = -1  # the latest speaker that is an unnamed person ("a teacher")
        self.unnamed_agrees: set[str] = set()  # the pronouns that person can be ("he"/"she"/"they")

    def hidden(self, start: int, end: int) -> bool:
        return any(self.qmask[i] or self.reported[i] for i in range(start, min(end, len(self.text))))

    def _mentions(self) -> list[_Mention]:
        out = []
        retagged = _surnames_tagged_org(self.doc)
        taken = {(e.start, e.end) for e in retagged}
        ents = [e for e in _ents(self.doc) if (e.start, e.end) not in taken]
        for e in sorted([*ents, *retagged, *_titled_names(self.doc), *_surname_subjects(self.doc)],
                        key=lambda e: e.start):
            if e.label_ not in ("PERSON", "ORG", "GPE", "NORP") or self.hidden(e.start_char, e.end_char):
                continue
            root = e.root
            role = "subject" if root.dep_ in SUBJECT_DEPS + ("attr",) or (
                root.dep_ in ("appos", "compound", "poss") and root.head.dep_ in SUBJECT_DEPS + ("attr",)) else \
                "heading" if root.dep_ == "ROOT" and root.sent.end - root.sent.start <= 8 else "other"
            out.append(_Mention(e.start_char, e, role))
        return out

    def _reported_persons(self) -> list[tuple[int, str, Optional[str]]]:
        """(position, name, "m"/"f"/None) of the people named inside reported content (the
        claims' content, not quotations): no antecedents, but rivals of one."""
        out = []
        for e in [*_ents(self.doc), *_titled_names(self.doc)]:
            if e.label_ != "PERSON" or not self.reported[e.start_char] or self.qmask[e.start_char]:
                continue
            name = _person_name(self.doc, e.start_char, e.end_char) or e.text
            before = self.doc[max(e.start - 1, 0)].lower_.strip(".")
            out.append((e.start_char, name, TITLE_GENDER.get(before) or self.genders.get(name)))
        return sorted(out)

    def _genders(self) -> dict[str, str]:
        """person name -> "m"/"f", from a title ("Mr", "Ms"), or the first he/she subject (or
        himself/herself) after it, before the next person, outside quoted and reported content."""
        out: dict[str, str] = {}
        persons = [m for m in self.mentions if m.kind == "person"]
        spots = _surname_spots(self.doc)
        for k, m in enumerate(persons):
            name = _person_name(self.doc, m.ent.start_char, m.ent.end_char) or m.ent.text
            before = self.doc[max(m.ent.start - 1, 0)].lower_.strip(".")
            if before in TITLE_GENDER:
                out.setdefault(name, TITLE_GENDER[before])
                continue
            if m.ent.root.dep_ == "poss" or m.ent.end < len(self.doc) and self.doc[m.ent.end].tag_ == "POS":
                continue  # "Jacob Zuma's daughter ... she": the pronoun is the daughter
            if m.role == "other":
                continue  # "... a visiting President Donald Trump, and whether she would": she is the subject
            # the next person, past those inside this mention's own phrase before its verb ("Kelly
            # Clarke, from Vredehoek, said ... she": a place mis-tagged as a person)
            verb = next((a for a in m.ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            after = verb.idx if verb is not None else len(self.text)
            nxt = next((p.pos for p in persons[k + 1:]
                        if verb is None or p.pos > verb.idx or p.ent.sent.start != m.ent.sent.start), len(self.text))
            nxt = min(nxt, next((q for q, tail in spots if q > after and not _same_person(name, tail)
                                 and _object_of(self.doc, q, q + len(tail), verb)), nxt))
            stop = min(nxt, m.ent.sent.end_char + 200)
            for t in self.doc[m.ent.end:]:
                if t.idx >= stop:
                    break
                if self.qmask[t.idx] or self.reported[t.idx]:
                    continue  # "X filed a lawsuit saying he ...": reported words say nothing of X
                if (t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS) or t.lower_ in ("himself", "herself"):
                    g = "m" if t.lower_ in ("he", "himself") else "f"
                    if not disagrees(g, name):  # "Judge Robert Kane rejected it. She said": not Kane
                        out.setdefault(name, g)
                    break
        return out

    def gender_of(self, cl: _Cluster) -> Optional[str]:
        return self.gender_of_names(cl.name, cl.mentions) if cl.kind == "person" else None

    def gender_of_names(self, name: str, mentions=()) -> Optional[str]:
        """The gender known for a person called ``name`` (or any of ``mentions``), else None."""
        names = {name, *mentions}
        last = name.split()[-1] if name.split() else ""
        return next((g for n, g in self.genders.items() if n in names or (n.split() and n.split()[-1] == last)), None)


def _reported_mask(claims, n: int) -> list[bool]:
    mask = [False] * n
    for c in claims:
        for s, e in (c.content.pieces or [(c.content.start, c.content.end)]):
            for i in range(max(s, 0), min(e, n)):
                mask[i] = True
    return mask


def _mention_name(ctx: _Context, m: _Mention) -> str:
    """A person mention's name as clusters are keyed ("President Donald Trump" -> "Donald Trump")."""
    return _person_name(ctx.doc, m.ent.start_char, m.ent.end_char) or m.ent.text


def _cluster_of_mention(ctx: _Context, m: _Mention) -> _Cluster:
    if m.kind == "person":
        name = _mention_name(ctx, m)
        return _find_person(ctx.clusters, name) or _new(ctx.clusters, name, "person")
    name = _strip_paren(_strip_det(_norm(m.ent.text)))
    found = _find_org(ctx.clusters, name)
    if found is not None:
        return found
    cl = _new(ctx.clusters, name, "org")
    cl.gpe = m.ent.label_ == "GPE"
    cl.plural = m.ent.label_ == "NORP" and m.ent.root.tag_ in ("NNS", "NNPS")  # "Palestinians", not "Israeli"
    return cl


def _person_cluster(ctx: _Context, m: _Mention) -> Optional[_Cluster]:
    """The cluster of a person mention, if one exists (a lookup: creates none)."""
    return _find_person(ctx.clusters, _mention_name(ctx, m))
