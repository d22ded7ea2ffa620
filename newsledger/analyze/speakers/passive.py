"""Passive cues: the source of "X was accused of ..." (or "Asked whether ..., X said") is the accused or
the asked, not the speaker; "X was accused by Y" is about X."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.speakers.spans import doc_ents, person_name
from newsledger.analyze.speakers.words import ASK_VERBS


def passive_subject(doc, c) -> bool:
    """The source is the passive subject of the cue ("X was accused of ..."): the accused."""
    span = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "nsubjpass" and c.cue.start <= root.head.idx < c.cue.end + 1 and root.head.lemma_ != "quote":
        return True
    return _passive_cue(doc, c) and not (c.source.start <= c.cue.start < c.source.end)


def _passive_cue(doc, c) -> bool:
    """A passive cue with no "by" agent whose subject was inherited: "(she has) been accused of
    ...", "Asked whether he ..., Tester said": the one it names was accused or asked."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    verb = cue.root
    if verb.tag_ != "VBN" or verb.lemma_ == "quote" or any(x.dep_ == "agent" for x in verb.children):
        return False
    if any(x.dep_ == "auxpass" for x in verb.children):
        return not any(x.dep_ in ("nsubjpass", "nsubj") for x in verb.children)
    return verb.dep_ in ("advcl", "acl") and not any(x.dep_ in ("aux", "nsubj", "nsubjpass") for x in verb.children) \
        and verb.i == verb.sent.start  # "Asked whether ...": a participle opening its sentence


def passive_patient(doc, c) -> Optional[str]:
    """The person a passive cue with a "by" agent is about ("Peter Hale was accused by Maria Lopez
    of ..."): the subject of the passive, when a PERSON name, else None."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or not any(x.dep_ == "agent" for x in cue.root.children):
        return None
    subj = next((x for x in cue.root.children if x.dep_ == "nsubjpass"), None)
    ent = next((e for e in doc_ents(doc)
                if subj is not None and e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
    return None if ent is None else person_name(doc, ent.start_char, ent.end_char) or ent.text


def asker_of_other_cue(doc, c) -> bool:
    """The source is the subject of an asking verb that is not the cue ("As Robert Ruano asked how ...,
    Alex Barrios explained that ...": Ruano asked, he explained nothing): the asker, not the speaker
    ("A spokesperson urged students to ..., saying: ..." is the spokesperson's)."""
    span = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root, cue = span.root, doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in ASK_VERBS or cue is None or not len(cue):
        return False
    # the cue is another verb, not a participle of the asker's ("urged students to ..., saying: ...")
    # nor one the asker also did ("questioned the data and said ...")
    return cue.root.i != root.head.i and cue.root.tag_ != "VBG" and cue.root.dep_ != "conj"
