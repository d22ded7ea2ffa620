"""Descriptor sources ("the spokesman", "the agency", "the government", "its government"): the earlier
speaker whose words hold the head noun, the organisation just named, or the author a work names."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import WORK_NOUNS
from newsledger.analyze.speakers.clusters import Cluster, cluster_named
from newsledger.analyze.speakers.context import Context, cluster_of_mention
from newsledger.analyze.speakers.kinds import kinds_clash
from newsledger.analyze.speakers.spans import doc_ents, head_token
from newsledger.analyze.speakers.words import (BACKER_VERBS, CONF_AMBIGUOUS, CONF_DESCRIPTOR, GENERIC_ORG,
                                               GOVERNMENT_HEADS, ORG_NAME_WORDS, ORG_TYPE_HEADS, TITLE_WORDS, WINDOW,
                                               head_words)


def _descriptor_head(doc, src) -> Optional[str]:
    head = head_token(doc, src.start, src.end)
    if head is None or head.pos_ != "NOUN":
        return None
    return head.lemma_.lower()


def resolve_descriptor(ctx: Context, raw: str, src) -> tuple[Optional[Cluster], float, Optional[str]]:
    """A definite descriptor ("the spokesman", "the officials", "the government") -> an earlier
    speaker whose words hold its head noun, or the passage's country for a government."""
    head = _descriptor_head(ctx.doc, src)
    if head is None:
        return None, 0.0, None
    if head in PARTY_PLACES and _lawyer_near(ctx, src.start):
        return None, CONF_AMBIGUOUS, f"a lawyer is named nearby: the {head} or its lawyer"
    tok = head_token(ctx.doc, src.start, src.end)
    plural = tok is not None and tok.tag_ == "NNS"
    best = None
    for cl in ctx.clusters:
        p = getattr(cl, "last_pos", -1)
        if not (0 <= p < src.start and src.start - p <= WINDOW):
            continue
        if cl.kind == "person" and (plural or head in INSTITUTION_HEADS):
            continue  # "the authors" are not the one author named before; "the department" is no person
        if cl.kind == "org" and kinds_clash(head, cl.name):
            continue  # "the state" is not the State Department
        words = {w.lower().rstrip("s") for m in cl.mentions for w in (head_words(m) if cl.kind == "org" else m.split())}
        words |= {w.lower().rstrip("s") for m in getattr(cl, "descriptions", []) for w in m.split()}
        if head.rstrip("s") in words and (best is None or p > best[0]):
            best = (p, cl)
    if best is not None:
        return best[1], CONF_DESCRIPTOR, best[1].name
    if head in GOVERNMENT_HEADS:
        gpes = [m for m in ctx.mentions if m.ent.label_ == "GPE" and m.pos < src.start and src.start - m.pos <= WINDOW]
        if gpes:
            m = gpes[-1]
            cl = cluster_of_mention(ctx, m)
            return cl, CONF_DESCRIPTOR - 0.1, m.ent.text
    return None, 0.0, None


# places that are a party in court, speaking through their lawyers ("The state argued ...")
PARTY_PLACES = {"state", "city", "county", "commonwealth"}
LAWYER = re.compile(r"\b(attorneys?[ -]general|solicitors?[ -]general|attorneys?|lawyers?|counsel|prosecutors?)\b", re.I)


def _lawyer_near(ctx: Context, pos: int) -> bool:
    """Whether a lawyer (an attorney general, a prosecutor, counsel) is named in the paragraph before
    ``pos`` or the one before it: "the state" then speaks through them ("Texas Attorney General Ken
    Moss filed the suit. In its brief, the state said ..."), and which of the two a reader would
    name, the state or its lawyer, is not for us to guess."""
    start = ctx.text.rfind("\n", 0, pos)
    start = ctx.text.rfind("\n", 0, max(start - 1, 0)) + 1 if start > 0 else 0
    return LAWYER.search(ctx.text, start, pos) is not None


# heads that name an institution, never a person ("Dana Pratt, a lawyer at the State Department
# ... The department said" is the department's, not Pratt's)
INSTITUTION_HEADS = ORG_TYPE_HEADS | GOVERNMENT_HEADS | ORG_NAME_WORDS | {
    "board", "court", "police", "army", "military", "union", "hospital", "school", "bank", "firm", "newspaper"}


def latest_org(ctx: Context, pos: int, head: str) -> tuple[Optional[Cluster], float, Optional[str], bool]:
    """A bare "the agency": the latest organisation named before it that may be one ("the agency" is
    no "Senate", "the department" no "Kestrel Motors"), or a name set right after its own head noun
    later than that ("a partner in the law firm Hogan Lovells ... the firm said"), else unresolved."""
    orgs = [m for m in ctx.mentions if m.ent.label_ == "ORG" and m.pos < pos and pos - m.pos <= WINDOW // 2
            and not kinds_clash(head, m.ent.text)]
    named = _named_after_head(ctx.text, pos, head)
    if named is not None and (not orgs or orgs[-1].pos < named[1]):
        return cluster_named(ctx.clusters, named[2], "org"), CONF_DESCRIPTOR - 0.1, named[2], False
    if not orgs:
        return None, 0.0, None, False
    m = orgs[-1]
    return cluster_of_mention(ctx, m), CONF_DESCRIPTOR - 0.1, m.ent.text, False


NAME_WORD = r"[A-Z][\w&’'-]*"
NOT_NAMES = {"The", "A", "An", "In", "On", "At", "For", "But", "And", "It", "Its", "This", "That", "Monday", "Tuesday",
             "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _named_after_head(text: str, pos: int, head: str) -> Optional[tuple[int, int, str]]:
    """The latest name set right after ``head`` before ``pos`` (within half a :data:`WINDOW`): "the
    law firm Hogan Lovells" for a later "the firm", as (start, end, name); capitalised words only,
    no title ("the company Chief Executive Ann Lee" names the executive, not the company)."""
    lo = max(0, pos - WINDOW // 2)
    pat = re.compile(rf"\b{re.escape(head)} ({NAME_WORD}(?: {NAME_WORD}){{0,3}})")
    found = None
    for m in pat.finditer(text, lo, pos):
        words = m.group(1).split()
        if words[0] in NOT_NAMES or any(w.lower().strip("’'") in TITLE_WORDS for w in words):
            continue
        found = (m.start(1), m.end(1), m.group(1))
    return found


def possessed_work(raw: str) -> bool:
    words = raw.lower().replace("’", "'").split()
    return 0 < len(words) <= 4 and words[0] in ("its", "their", "his", "her") and (
        words[-1] in WORK_NOUNS or (words[0] in ("its", "their") and words[-1] in GOVERNMENT_HEADS | GENERIC_ORG))


# "reports seen by Reuters", "a memo obtained by the Times": who read the work, not who wrote it
READER_VERBS = {"see", "obtain", "review", "read", "examine", "receive", "view", "access", "get", "reach",
                "leak", "share", "hear", "verify", "inspect"}


def work_author(doc, src) -> Optional[str]:
    """"a 2017 analysis coordinated by Instituto Escolhas": the author a work noun names (not the
    reader: "reports seen by Reuters" names no author)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in WORK_NOUNS:
        return None
    for t in span:
        if t.lower_ == "by" and t.head.lemma_.lower() in READER_VERBS | BACKER_VERBS:
            continue
        if t.lower_ == "by" and t.i + 1 < span.end:
            pobj = [c for c in t.children if c.dep_ == "pobj" and c.i < span.end]
            if pobj:
                ent = next((e for e in doc_ents(doc) if e.start <= pobj[0].i < e.end and e.label_ in ("PERSON", "ORG")), None)
                if ent is not None:
                    return ent.text
    return None
