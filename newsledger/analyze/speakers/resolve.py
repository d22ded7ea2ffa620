"""The resolution loop: every claim's source, in text order, to a cluster, keeping the passage's current
speaker; organisation clusters merged and the final names set at the end."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.speakers.abstain import abstain
from newsledger.analyze.speakers.clusters import Cluster, final_cluster, merge_org_clusters
from newsledger.analyze.speakers.context import Context
from newsledger.analyze.speakers.descriptors import possessed_work
from newsledger.analyze.speakers.joint import joint_name
from newsledger.analyze.speakers.named import resolve_named
from newsledger.analyze.speakers.noone import no_one
from newsledger.analyze.speakers.passive import asker_of_other_cue, passive_patient, passive_subject
from newsledger.analyze.speakers.pronouns import resolve_pronoun
from newsledger.analyze.speakers.sentence import second_opinion, speaker_words, speaks_inside
from newsledger.analyze.speakers.spans import coordinated
from newsledger.analyze.speakers.unnamed import pronouns_of, speaks_for, unnamed_person
from newsledger.analyze.speakers.words import (CONF_AMBIGUOUS, CONF_DESCRIPTOR, FEMALE, FIRST_PERSON, MALE, NEUTER,
                                               PARTITIVE_RELATIVE, PLURAL, RELATIVES, norm_name)


SAME_SOURCE = re.compile(r"^(the )?(same|said|this|that) (source|sources|official|officials|report|agency|outlet)$", re.I)


def _resolve_one(ctx: Context, c) -> Optional[Cluster]:
    """Resolve one claim's source in place; returns its cluster (None: anonymous or unresolved)."""
    doc = ctx.doc
    ctx.own_content = list(c.content.pieces or [(c.content.start, c.content.end)])
    src, moved = speaker_words(ctx, c)
    raw = norm_name(src.text)
    low = raw.lower()
    via = "name"
    if not any(ch.isalnum() for ch in raw) or speaks_inside(doc, src) or no_one(doc, src):
        # a parse slip ("—", "a.m." split at "."), two phrases run together ("ministers X and Y,
        # who fled ..., the source, who said he had spoken ..."), words that are no one ("The also
        # said", "Raising the fees shows"): no speaker
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif SAME_SOURCE.match(raw) and ctx.current is not None:
        cl, conf, used, anon = ctx.current, CONF_DESCRIPTOR, ctx.current.name, False
        via = "same-source"
    elif (c.signals or {}).get("src_object") or passive_subject(doc, c) or low in RELATIVES \
            or low.split(" ", 1)[0] in RELATIVES - {"that"} or PARTITIVE_RELATIVE.match(raw) \
            or asker_of_other_cue(doc, c):
        # a passive subject is the accused; a bare relative clause ("who has written ...", "many of
        # whom say ..." where the parse gives no noun before it) names nobody;
        # an object the tagger took for a source was addressed, not heard; one who asked did not answer
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif low in MALE | FEMALE | PLURAL | NEUTER | FIRST_PERSON:
        cl, conf, used = resolve_pronoun(ctx, low, src.start)
        anon, via = False, "pronoun"
    elif possessed_work(raw) and re.search(r"\w['’]s\b", raw):
        # "her campaign's weekend memo": the work of a thing of hers, not hers: nobody a pronoun names
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif possessed_work(raw):
        # "its government", "her own research", "their spokesman": the possessor's referent
        cl, conf, used = resolve_pronoun(ctx, raw.split()[0].lower(), c.source.start)
        anon, via = False, "possessor"
    else:
        cl, conf, used, anon = resolve_named(ctx, raw, src)
        if cl is not None and used:
            via = "descriptor"
        elif cl is not None:
            via = "person" if cl.kind == "person" else "org" if getattr(cl, "orgish", True) else "phrase"
        other = second_opinion(ctx.doc, ctx.text, c) if via == "org" and (c.signals or {}).get("rule") == "verb" else None
        if other is not None:
            # the PolNeAR-trained tagger reads another phrase of the sentence as the speaker: two
            # readings of the sentence, so nobody is named ("..., neighbouring Guyana, where US
            # companies are deeply involved, he insisted" is not the companies')
            cl, conf, used = None, CONF_AMBIGUOUS, f"second opinion: the tagger reads the speaker as {other!r}"
    if moved and cl is not None and used is None:
        used = raw  # the reporter the sentence ends with, or the speaker inside, not the source's own words
    c.signals["src_via"] = via if cl is not None or anon or via == "none" else "unresolved"
    c.source.resolved_from = used
    c.source.confidence = round(conf, 3)
    c.source.anonymous = anon
    c.source.name = raw if anon else None
    return cl


def resolve_speakers(claims, doc, text: str) -> None:
    """Set ``source.name``, ``resolved_from``, ``confidence`` and ``anonymous`` of every claim,
    in place (see the module docstring)."""
    ctx = Context(claims, doc, text)
    order = sorted(range(len(claims)), key=lambda i: (claims[i].source.start, -claims[i].source.end)
                   if claims[i].source else (claims[i].cue.start, 0))
    assigned: dict[int, Cluster] = {}
    first_at: dict[int, int] = {}  # source start -> the claim resolved there first
    for i in order:
        c = claims[i]
        if c.source is None:
            continue
        same = first_at.setdefault(c.source.start, i)
        cl = _resolve_one(ctx, c)
        if same != i and assigned.get(same) not in (None, cl) and c.signals.get("src_via") != "none":
            # "said the officials, who added ...": the same words name the same speaker (a passive or
            # an object reading, resolved to nobody, stays the claim's own)
            _copy_resolution(claims[same], c)
            cl = assigned[same]
        if unnamed_person(c, cl):
            ctx.unnamed_pos, ctx.unnamed_end = c.source.start, c.source.end
            ctx.unnamed_agrees = pronouns_of(doc, c.source) | (NEUTER if speaks_for(doc, c.source) else set())
        if cl is None:
            continue
        cl.last_pos = c.source.start
        assigned[i] = cl
        ctx.current, ctx.current_pos, ctx.current_end = cl, c.source.start, c.source.end
        ctx.current_group = coordinated(doc, c.source)
        ctx.current_patient = passive_patient(doc, c)
        ctx.current_guessed = c.source.confidence <= CONF_AMBIGUOUS
        if cl.kind == "person":
            ctx.last_person = cl
    merge_org_clusters(ctx.clusters)
    for i, cl in assigned.items():
        claims[i].source.name = joint_name(ctx, claims[i], cl) or final_cluster(cl).name  # "A and B said": both
    abstain(claims)  # the risky readings: unresolved rather than a guess


def _copy_resolution(src_claim, c) -> None:
    c.source.resolved_from = src_claim.source.resolved_from
    c.source.confidence = src_claim.source.confidence
    c.source.anonymous = src_claim.source.anonymous
    c.source.name = src_claim.source.name
    c.signals["src_via"] = (src_claim.signals or {}).get("src_via")
