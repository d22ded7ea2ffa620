"""Coordinated speakers (issue 12): "A and B said ..." is said by both, so the claim's name names both
as a reader would ("Ada Klein and Tom Reyes", full names where the article gives them, in text order)
rather than the first conjunct only. Only a coordination of names: "Gallagher and his colleagues",
"Levy and authorities from ..." keep their first name (a group the reader names by its leader). The
speaker's cluster stays the first conjunct's, so later pronouns resolve as before."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.speakers.clusters import final_cluster
from newsledger.analyze.speakers.context import Context
from newsledger.analyze.speakers.named import named_before
from newsledger.analyze.speakers.spans import source_core, doc_ents, person_name
from newsledger.analyze.speakers.words import strip_det

NAMED_VIA = ("person", "org")


def joint_name(ctx: Context, c, cl) -> Optional[str]:
    """The name of both (or all) speakers a coordinated source names, else None."""
    if (c.signals or {}).get("src_via") not in NAMED_VIA or c.source.resolved_from:
        return None
    core = source_core(ctx.doc, c.source.start, c.source.end)  # "A and B, the two founders": "A and B"
    if core is None:
        return None
    conjuncts = _conjuncts(core)
    if len(conjuncts) < 2:
        return None
    names = [_conjunct_name(ctx, t, core) for t in conjuncts]
    if any(n is None for n in names) or len(set(names)) < len(names):
        return None
    first = final_cluster(cl).name
    if first.split()[-1] != names[0].split()[-1]:
        return None  # the cluster is not the first conjunct's: another reading, left alone
    names[0] = max(first, names[0], key=lambda n: len(n.split()))  # the fuller of the two readings
    return ", ".join(names[:-1]) + " and " + names[-1]


def _conjuncts(core) -> list:
    """The root of a source's core and the tokens coordinated with it by "and" ("A, B and C")."""
    root = core.root
    if not any(t.lower_ in ("and", "&") and t.dep_ == "cc" for t in core):
        return []
    out = [root]
    for t in core:
        if t.dep_ == "conj" and any(t.head.i == o.i for o in out):
            out.append(t)
    return out


def _conjunct_name(ctx: Context, tok, core) -> Optional[str]:
    """A conjunct's name: the person's (titles stripped, the full name the article gave a bare
    surname) or the organisation's entity; None for anything else ("his colleagues")."""
    doc = ctx.doc
    ent = next((e for e in doc_ents(doc) if e.start <= tok.i < e.end and core.start <= e.start and e.end <= core.end),
               None)
    if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and tok.pos_ == "PROPN":
        return strip_det(ent.text)
    left = tok.i
    while left - 1 >= core.start and doc[left - 1].head.i == tok.i and doc[left - 1].dep_ in ("compound", "flat"):
        left -= 1
    person = person_name(doc, doc[left].idx, tok.idx + len(tok)) if tok.pos_ == "PROPN" else None
    if person is None:
        return None
    if len(person.split()) == 1:
        return _full_name(ctx, person, core.start_char)
    return person


def _full_name(ctx: Context, surname: str, pos: int) -> str:
    """The full name of a person cluster or earlier mention with this surname, else the surname."""
    for cc in ctx.clusters:
        if cc.kind == "person" and len(cc.name.split()) > 1 and cc.name.split()[-1] == surname:
            return cc.name
    return named_before(ctx, surname, pos) or surname
