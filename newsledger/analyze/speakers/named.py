"""Sources that name their speaker: a person (a surname given its full name), a person beside a
descriptor, a work's author, a group or share of people, a poll, or an organisation's phrase."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import WORK_NOUNS
from newsledger.analyze.speakers.apposition import appositive_person
from newsledger.analyze.speakers.clusters import Cluster, cluster_named, find_org, new_cluster
from newsledger.analyze.speakers.context import Context, mention_name
from newsledger.analyze.speakers.descriptors import latest_org, resolve_descriptor, work_author
from newsledger.analyze.speakers.documents import document_issuer
from newsledger.analyze.speakers.spans import coordinated, source_core, head_token, person_name
from newsledger.analyze.speakers.unnamed import is_anonymous
from newsledger.analyze.speakers.words import (CONF_ANON, CONF_GENERIC, CONF_NAMED, CONF_ORG, GENERIC_ORG,
                                               GOVERNMENT_HEADS, ORG_TYPE_HEADS, PERSON_ROLES, QUANTIFIERS, TITLE_WORDS,
                                               UNIVERSAL, acronym_def, content_words, norm_name, strip_det, strip_paren)


def named_before(ctx: Context, surname: str, pos: int) -> Optional[str]:
    """The one full name an earlier PERSON mention gives a bare surname ("President Donald Trump
    ... Trump said" -> "Donald Trump"); None when no earlier mention or two different people fit."""
    found = set()
    for m in ctx.mentions:
        if m.kind != "person" or m.pos >= pos:
            continue
        name = mention_name(ctx, m)
        parts = name.split()
        if len(parts) >= 2 and parts[-1].lower() == surname.lower().replace("'s", ""):
            found.add(name)
    full = {n for n in found if not any(n != o and n in o for o in found)}  # "Donald Trump" within "Donald J. Trump"
    return full.pop() if len(full) == 1 else None


def _other_first_word(words: list[str], name: str) -> bool:
    """Whether a two-word name ("Swiss Re", "Bill Ross") is another speaker than the full name
    ``name`` that shares only its last word ("Munich Re", "Anna Ross"): its first word is a name
    (capitalised, no title such as "Mr" or "Senator") that the full name does not hold ("Le Clair" is
    "Craig Le Clair")."""
    parts = name.split()
    if len(words) != 2 or len(parts) < 2 or not words[0][:1].isupper():
        return False
    first = words[0].lower()
    return first.strip(".") not in TITLE_WORDS and first not in {p.lower() for p in parts}  # "Le Clair": a tail


def _named_person(ctx: Context, raw: str, src) -> Optional[tuple[Optional[Cluster], float, Optional[str], bool]]:
    """The resolution of a source naming a person, a person it stands beside, or a work's author;
    None when it names none of these."""
    doc = ctx.doc
    pname = person_name(doc, src.start, src.end)
    if pname is None:
        core = source_core(doc, src.start, src.end)
        words = content_words(core.text if core is not None else raw)
        if 1 <= len(words) <= 2:
            for cc in ctx.clusters:
                if cc.kind == "person" and cc.name.split()[-1].lower() == words[-1].lower().replace("'s", "") \
                        and not _other_first_word(words, cc.name):
                    pname = cc.name
                    break
        if pname is None and len(words) == 1 and words[0][:1].isupper():
            pname = named_before(ctx, words[0], src.start)
    if pname:
        cl = cluster_named(ctx.clusters, pname, "person")
        cl.descriptions = getattr(cl, "descriptions", []) + [raw]  # "spokesman Karl Vint": a later "the spokesman"
        return cl, CONF_NAMED, None, False
    beside = appositive_person(ctx, src)
    if beside:
        cl = cluster_named(ctx.clusters, beside, "person")
        cl.descriptions = getattr(cl, "descriptions", []) + [raw]
        return cl, CONF_NAMED - 0.05, beside, False
    author = work_author(doc, src)
    if author:
        pname = person_name(doc, src.start + raw.find(author), src.start + raw.find(author) + len(author)) \
            if raw.find(author) >= 0 else None
        if pname:
            return cluster_named(ctx.clusters, pname, "person"), CONF_ORG, author, False
        cl = cluster_named(ctx.clusters, author, "org")
        return cl, CONF_ORG, author, False
    return None


def resolve_named(ctx: Context, raw: str, src) -> tuple[Optional[Cluster], float, Optional[str], bool]:
    """(cluster, confidence, resolved_from, anonymous) for a source that names its speaker."""
    doc = ctx.doc
    found = _named_person(ctx, raw, src)
    if found is not None:
        return found
    issued = document_issuer(ctx, raw, src)  # "X issued a release ... According to the release", "A statement said"
    if issued is not None:
        return issued
    head = head_token(doc, src.start, src.end)
    first = raw.split()[0].lower() if raw.split() else ""
    definite = first in ("the", "this", "that", "these", "those", "its", "their", "his", "her")
    core = source_core(doc, src.start, src.end)  # "the officials, who added ...": "the officials"
    core_words = content_words(core.text if core is not None else raw)
    generic = len(core_words) == 2 and core_words[0].lower() in GENERIC_ORG and core_words[0].islower()
    if (definite or generic) and len(core_words) <= 3 and not any(
            t.ent_type_ for t in (core if core is not None else [])):
        cl, conf, used = resolve_descriptor(ctx, raw, src)
        if cl is not None or used is not None:
            return cl, conf, used, False  # (no cluster but a reason: two readings, unresolved)
        if head is not None and head.lower_ in ORG_TYPE_HEADS and first in ("the", "this") \
                and len(content_words(raw)) == 1:
            return latest_org(ctx, src.start, head.lower_)  # a bare "the agency": the organisation just named, else unresolved
    if BARE_REPORTS.match(raw):
        return None, CONF_ANON, None, True  # "Reports say ...": unnamed, like "officials"
    if SHARE_OF_PEOPLE.search(raw) and head is not None and not head.ent_type_:
        return _poll_of(ctx, src)  # "about 7 in 10 voters say ..., based on an AP-NORC poll": the poll's finding
    if head is not None and (head.like_num or head.lower_ in QUANTIFIERS) and not head.ent_type_ in ("PERSON", "ORG"):
        if UNIVERSAL.match(raw):
            return None, 0.0, None, False  # "All said ...", "All of them agreed": which ones is for the reader to guess
        cl = new_cluster(ctx.clusters, raw, "org")  # "about 3 in 10 voters", "many in Gaza": a group of its own
        cl.plural = cl.indefinite = True
        return cl, CONF_ANON, None, False
    if is_anonymous(raw, head):
        return None, CONF_ANON, None, True
    cl = _phrase_cluster(ctx, raw, src, head)
    acr = acronym_def(raw)
    if acr:
        cl.acronyms.add(acr)
    # a proper name or an organisation is a speaker a reader can check; "reports", "the story" less so
    return cl, CONF_ORG if getattr(cl, "orgish", True) else CONF_GENERIC, None, False


def _phrase_cluster(ctx: Context, raw: str, src, head) -> Cluster:
    """The organisation or phrase cluster a source names: an earlier one of the same name (not for
    an indefinite "a ..."), else a new one typed by its head."""
    first = raw.split()[0].lower() if raw.split() else ""
    cl = None
    if first not in ("a", "an"):  # an indefinite mention is a new referent
        cl = find_org(ctx.clusters, raw)
    if cl is None:
        core = source_core(ctx.doc, src.start, src.end)
        base = norm_name(core.text) if core is not None else raw
        cl = new_cluster(ctx.clusters, strip_paren(strip_det(base)) or raw, "org")
        # "Israel Defense Forces" (NNPS) is one "it"; "Norway and Denmark" are a "they"
        cl.plural = head is not None and head.tag_ == "NNS" or coordinated(ctx.doc, src)
        cl.gpe = head is not None and head.ent_type_ == "GPE" and not cl.plural
        cl.collective = head is not None and (head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "NORP")
                                              or head.lower_ in GENERIC_ORG | ORG_TYPE_HEADS | GOVERNMENT_HEADS)
        # "it" may stand for an organisation, not for any noun phrase that once spoke
        cl.orgish = head is not None and (head.pos_ == "PROPN" or head.lower_ in GENERIC_ORG | WORK_NOUNS or any(
            t.ent_type_ in ("ORG", "GPE", "NORP") for t in head.subtree))
        cl.indefinite = first in ("a", "an")
        cl.personal = head is not None and head.lemma_.lower() in PERSON_ROLES  # "an MP in Seaford": no "it"
    else:
        cl.add(raw)
    return cl


# "reports", "media reports", "local news reports": a report nobody owns names no speaker
BARE_REPORTS = re.compile(r"^(the )?((media|news|press|local|unconfirmed|early|initial|recent|other|some|several|"
                          r"many|multiple|further)[ -])*(reports?|rumou?rs?)$", re.I)
# a share of people ("about 7 in 10 voters", "62% of Americans", "one in five adults"): a poll's finding
SHARE_OF_PEOPLE = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine)\s+(in|out of)\s+"
                             r"(\d+|three|four|five|ten)\b|\d\s*(%|percent\b|per cent\b)", re.I)
POLL_NOUNS = {"poll", "survey"}


def _poll_of(ctx: Context, src) -> tuple[Optional[Cluster], float, Optional[str], bool]:
    """The poll a share of people comes from, when its sentence names one ("based on an AP-NORC
    poll"), else unresolved (a share of people is not a speaker)."""
    span = ctx.doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, 0.0, None, False
    poll = next((t for t in span.sent if t.lemma_.lower() in POLL_NOUNS and not span.start <= t.i < span.end
                 and any(c.dep_ in ("compound", "amod") and c.ent_type_ == "ORG" for c in t.children)), None)
    if poll is None:
        return None, 0.0, None, False
    first = next(c for c in poll.children if c.dep_ in ("compound", "amod") and c.ent_type_ == "ORG")
    name = ctx.text[first.left_edge.idx:poll.idx + len(poll)]
    cl = cluster_named(ctx.clusters, name, "org")
    return cl, CONF_ORG, name, False
