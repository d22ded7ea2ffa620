"""The person a descriptor source stands beside: a name in apposition ("Yevhen Zosin, 74, a Kyiv
resident"), a role with its name ("the company's CEO, Abdulaziz Jaafar"), the head of an apposition chain."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import WORK_NOUNS
from newsledger.analyze.speakers.context import Context
from newsledger.analyze.speakers.spans import doc_ents, person_name
from newsledger.analyze.speakers.words import (ANON_ROLES, BACKER_VERBS, GENERIC_ORG, ORG_NAME_WORDS, PERSON_NOUNS,
                                               TITLE_WORDS)


def appositive_person(ctx: Context, src) -> Optional[str]:
    """"Yevhen Zosin, 74, a Kyiv resident who ...": the name a descriptor source stands beside."""
    doc = ctx.doc
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = [e for e in doc_ents(doc) if e.label_ == "PERSON" and span.start < e.start and e.end <= span.end
              and e.root.dep_ == "appos" and not _under_backer(e.root, span.root)]
    if inside:  # "one of Epstein's victims, Virginia Giuffre"
        return person_name(doc, inside[0].start_char, inside[0].end_char) or inside[0].text
    root = span.root
    named = _role_apposition(span)
    if named:
        return named  # "the company's CEO, Abdulaziz Jaafar": the name the tagger took for an organisation
    if root.lemma_.lower() in WORK_NOUNS:
        return None  # "... the Award for Service, a recent poll has shown": a poll stands beside no person
    head = _chain_head(ctx, span)
    if head is not None:
        return head  # "Chad Hawk, vice president of PMG, a paper money grading company, said"
    if root.lemma_.lower() in GENERIC_ORG:
        return None
    for t in [root.head] + list(root.children):
        if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "nsubj") and (t.i == root.head.i) == (root.dep_ == "appos"):
            return person_name(doc, t.idx, t.idx + len(t))
    return _name_just_before(ctx, span)


# marks an apposition never spans: a sentence's end, a quotation's edge
APPOSITION_BREAKS = {".", "!", "?", ";", ":", '"', "“", "”", "''", "``", "‘", "’", "'"}


def _name_just_before(ctx: Context, span) -> Optional[str]:
    """The PERSON name right before a source, past commas and numbers only ("Yevhen Zosin, 74, a Kyiv
    resident"): not one ending the previous sentence ("... against Walter Price. Democrats said"), nor
    one inside the quotation before it ("“... with Ana Lopez,” Rivers said"), nor one ending the
    claim's own words ("police named the victim as Ana Lopez, 40, the Harbour Gazette reported": the
    name is what the paper reported, not the paper)."""
    doc = ctx.doc
    j = span.start - 1
    if span[0].is_sent_start:
        return None
    while j >= 0 and (doc[j].is_punct or doc[j].like_num) and span.start - j <= 4:
        if doc[j].text in APPOSITION_BREAKS and doc[j].tag_ != "POS":  # (a possessive's mark is no quotation)
            return None
        j -= 1
    if j >= 0 and doc[j].ent_type_ == "PERSON" and doc[j].text != "\n":
        ent = next((e for e in doc_ents(doc) if e.start <= j < e.end), None)
        if ent is not None and not _in_fronted_verb_phrase(ctx, ent) and not _in_fronted_phrase(ent, span) \
                and not ctx.in_own_content(ent.start_char, ent.end_char):
            return person_name(doc, ent.start_char, ent.end_char) or ent.text
    return None


FRONTED_DEPS = ("prep", "advcl", "npadvmod", "advmod")


def _in_fronted_phrase(ent, span) -> bool:
    """Whether a name sits in a phrase set before the source that modifies the source's own verb
    ("After her talks with Paul Brandt, the council announced ..."): the phrase's object, not a
    name the source stands beside."""
    verb = span.root.head
    return any(a.head.i == verb.i and a.dep_ in FRONTED_DEPS and a.i < span.start for a in ent.root.ancestors)


def _under_backer(tok, root) -> bool:
    """Whether a backing verb stands between ``tok`` and the source's head ``root`` ("The letter,
    also backed by the chef Hugh Marlow": a backer of the letter, not the person the source is; "a
    story her sister Maya has told" is Maya's)."""
    for a in tok.ancestors:
        if a.i == root.i:
            return False
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in BACKER_VERBS:
            return True
    return False


def _in_fronted_verb_phrase(ctx: Context, ent) -> bool:
    """Whether a name belongs to a participle phrase set before it, outside quotations ("Speaking
    after Mr Adams, the minister's deputy said"): the phrase's object, not the person the next noun
    phrase describes."""
    return any(a.tag_ in ("VBG", "VBN") and a.dep_ == "advcl" and a.i < ent.start and not ctx.qmask[a.idx]
               for a in ent.root.ancestors)


def _role_apposition(span) -> Optional[str]:
    """The name set beside a person's role in the source itself ("the company's CEO, Abdulaziz
    Jaafar", "its founder, Mira Patel"): a role noun, a comma, then two to four capitalised proper
    nouns with no organisation word among them, whatever entity type the tagger gave them."""
    root = span.root
    if root.lemma_.lower() not in TITLE_WORDS | ANON_ROLES | PERSON_NOUNS | {"ceo", "cfo", "coo"}:
        return None
    for c in _appositions(root):
        if c.dep_ != "appos" or c.i <= root.i or c.i >= span.end or c.i == 0 or c.doc[c.left_edge.i - 1].text != ",":
            continue
        toks = list(c.doc[c.left_edge.i:c.i + 1])
        if 2 <= len(toks) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks) \
                and not any(t.lower_.strip(".") in ORG_NAME_WORDS | TITLE_WORDS for t in toks) \
                and c.ent_type_ in ("PERSON", "ORG", ""):
            return c.doc[toks[0].i:toks[-1].i + 1].text
    return None


def _appositions(root) -> list:
    """The appositions to a role noun: its own, and one the parse hung on the object of its "of"
    ("Acme's CEO of Offshore Production, Flemming Dahl": the CEO is Dahl, not the division)."""
    own = [c for c in root.children if c.dep_ == "appos"]
    objs = [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    last = lambda c: all(t.is_punct for t in c.doc[c.right_edge.i + 1:root.right_edge.i + 1])  # noqa: E731
    return own + [c for o in objs for c in o.children if c.dep_ == "appos" and last(c)]


CHAIN_TOKENS = 16  # how far back an apposition chain is followed


def _chain_head(ctx: Context, span) -> Optional[str]:
    """The person heading an apposition chain that a source ends ("Chad Hawk, vice president of
    PMG, a paper money grading company ..."): the source follows a comma, and back to a PERSON
    name followed by a comma there are only noun phrases (no verb, quote or clause break), the
    name not inside a quotation nor inside the claim's own words ("... named the victim as Ana Lopez,
    40, the Harbour Gazette reported": the name is what the paper reported, not the paper)."""
    doc = ctx.doc
    j = span.start - 1
    if j < 0 or doc[j].text != "," or not span[0].lower_ in ("a", "an", "the"):
        return None
    while j > 0 and span.start - j <= CHAIN_TOKENS:
        j -= 1
        t = doc[j]
        if t.ent_type_ == "PERSON":
            ent = next((e for e in doc_ents(doc) if e.start <= j < e.end and e.label_ == "PERSON"), None)
            if ent is None or ent.end >= len(doc) or doc[ent.end].text != "," or ctx.qmask[ent.start_char] \
                    or ctx.in_own_content(ent.start_char, ent.end_char) \
                    or _in_fronted_verb_phrase(ctx, ent) or _in_fronted_phrase(ent, span):
                return None
            return person_name(doc, ent.start_char, ent.end_char) or ent.text
        if t.pos_ in ("VERB", "AUX", "PRON") or (t.is_punct and t.text != ",") or t.is_sent_start or "\n" in t.text:
            return None
    return None
