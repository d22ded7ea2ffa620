"""The per-article state of speaker resolution: the antecedent mentions outside quoted and reported
words, the genders known for people, and the passage's current speaker."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.speakers.clusters import Cluster, cluster_named, find_org, find_person, namesakes, new_cluster
from newsledger.analyze.speakers.mentions import antecedent_mentions, Mention, mention_genders, reported_people
from newsledger.analyze.speakers.spans import person_name
from newsledger.analyze.speakers.words import TITLE_WORDS, norm_name, strip_det, strip_paren


class Context:
    """Per-article state: clusters, the antecedent mentions, the current speaker."""

    def __init__(self, claims, doc, text: str):
        from newsledger.analyze.attribution.base import quoted_mask

        self.doc, self.text = doc, text
        self.qmask = quoted_mask(text)
        self.reported = _reported_mask(claims, len(text))
        self.clusters: list[Cluster] = []
        self.mentions = antecedent_mentions(doc, self.hidden)
        self.genders = mention_genders(doc, text, self.mentions, self.qmask, self.reported)
        self.reported_persons = reported_people(doc, self.qmask, self.reported, self.genders)
        self.current: Optional[Cluster] = None  # speaker of the latest resolved claim
        self.current_pos = self.current_end = -1
        self.current_group = False  # the current speaker was named with others ("Gallagher and his colleagues")
        self.current_guessed = False  # the current speaker is itself an ambiguous guess
        self.current_patient: Optional[str] = None  # the person the current speaker's passive cue is about
        self.last_person: Optional[Cluster] = None
        self.unnamed_pos = self.unnamed_end = -1  # the latest speaker that is an unnamed person ("a teacher")
        self.unnamed_agrees: set[str] = set()  # the pronouns that person can be ("he"/"she"/"they")
        self.own_content: list[tuple[int, int]] = []  # the pieces of the content of the claim being resolved

    def in_own_content(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside the words of the claim being resolved: what it reports,
        never who reports it -- unless a quotation closes before it there (the content then ran on
        past its quotation into its speaker: "'... circulation,' Chad Hawk, vice president of")."""
        return any(s <= start and end <= e and not _CLOSING_QUOTE.search(self.text, s, start)
                   for s, e in self.own_content)

    def hidden(self, start: int, end: int) -> bool:
        return any(self.qmask[i] or self.reported[i] for i in range(start, min(end, len(self.text))))

    def gender_of(self, cl: Cluster) -> Optional[str]:
        return self.gender_of_names(cl.name, cl.mentions) if cl.kind == "person" else None

    def gender_of_names(self, name: str, mentions=()) -> Optional[str]:
        """The gender known for a person called ``name`` (or any of ``mentions``), else None. A gender known
        for a namesake carries over only where the two may be one person (:func:`namesakes`): "Clinton" or
        "Bill Clinton" for "Bill Clinton", never "Bill Clinton"'s for "Hillary Clinton"."""
        names = {name, *mentions}
        return next((g for n, g in self.genders.items() if n in names or namesakes(n, name)), None)


# a quotation's closing mark: a quote sign after a letter or a punctuation mark, before a space
_CLOSING_QUOTE = re.compile(r"[\w.,!?][\"”’']\s")


def _reported_mask(claims, n: int) -> list[bool]:
    mask = [False] * n
    for c in claims:
        for s, e in (c.content.pieces or [(c.content.start, c.content.end)]):
            for i in range(max(s, 0), min(e, n)):
                mask[i] = True
    return mask


def mention_name(ctx: Context, m: Mention) -> str:
    """A person mention's name as clusters are keyed ("President Donald Trump" -> "Donald Trump")."""
    return person_name(ctx.doc, m.ent.start_char, m.ent.end_char) or m.ent.text


def cluster_of_mention(ctx: Context, m: Mention) -> Cluster:
    if m.kind == "person":
        cl = cluster_named(ctx.clusters, mention_name(ctx, m), "person")
        _note_title(cl, ctx.doc, m.ent)
        return cl
    name = strip_paren(strip_det(norm_name(m.ent.text)))
    found = find_org(ctx.clusters, name)
    if found is not None:
        return found
    cl = new_cluster(ctx.clusters, name, "org")
    cl.gpe = m.ent.label_ == "GPE"
    cl.plural = m.ent.label_ == "NORP" and m.ent.root.tag_ in ("NNS", "NNPS")  # "Palestinians", not "Israeli"
    return cl


def _note_title(cl: Cluster, doc, ent) -> None:
    """Keep the title a person mention stands after ("Governor John Rankin made the announcement ... He
    said ... the governor added") among the person's descriptions, for a later "the governor"."""
    title = doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
    if title in TITLE_WORDS and title not in getattr(cl, "descriptions", []):
        cl.descriptions = getattr(cl, "descriptions", []) + [title]


def person_cluster(ctx: Context, m: Mention) -> Optional[Cluster]:
    """The cluster of a person mention, if one exists (a lookup: creates none)."""
    return find_person(ctx.clusters, mention_name(ctx, m), rename=False)
