"""A he/she that speaks inside the words another speaker reports ("Okafor said Pike was right when he
said ..."): the subject of those words, not the reporter."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.speakers.clusters import _cluster_named
from newsledger.analyze.speakers.context import _Context
from newsledger.analyze.speakers.pronouns import _agrees
from newsledger.analyze.speakers.spans import _person_name
from newsledger.analyze.speakers.words import CONF_SUBJECT, FEMALE, MALE, SUBJECT_DEPS


def _nested_speaker(ctx: _Context, c) -> Optional[tuple]:
    """(cluster, confidence, resolved_from) of a he/she whose speech verb is an adverbial clause set
    on a verb of another claim's reported words outside quotation marks (not a parse that hangs "...,”
    said X, though he added" on the quotation's verb) ("A said B was right when he said ..."): B, the
    subject of that verb, when a person who agrees; unresolved when it is not one (the reporter is
    not the one meant); None when the source is no such pronoun."""
    span = ctx.doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in MALE | FEMALE or span[0].dep_ not in SUBJECT_DEPS:
        return None
    verb = span[0].head
    if verb.dep_ != "advcl" or not ctx.reported[verb.head.idx] or ctx.reported[verb.idx] or ctx.qmask[verb.head.idx]:
        return None
    subj = next((t for t in verb.head.children if t.dep_ in SUBJECT_DEPS), None)
    name = _person_name(ctx.doc, subj.idx, subj.idx + len(subj)) if subj is not None and subj.ent_type_ == "PERSON" \
        else None
    cl = _cluster_named(ctx.clusters, name, "person") if name else None
    if cl is None or not _agrees(ctx, span[0].lower_, cl):
        return None, 0.0, None
    return cl, CONF_SUBJECT, name
