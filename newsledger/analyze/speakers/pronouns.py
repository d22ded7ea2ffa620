"""Pronoun sources ("he", "they", "it"): an antecedent that agrees in gender and number, preferring
the passage's current speaker, else unresolved."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.gender import disagrees
from newsledger.analyze.speakers.clusters import Cluster
from newsledger.analyze.speakers.context import Context, cluster_of_mention, mention_name
from newsledger.analyze.speakers.rivals import (asker_in_sentence, known_rival, modifier_mention, named_in_its_words,
                                                object_person_since, other_subject_before, patient_agrees,
                                                person_between_paragraphs, reported_beside_speaker, reported_rival,
                                                rival_in_paragraph)
from newsledger.analyze.speakers.words import (CONF_AMBIGUOUS, CONF_SPEAKER, CONF_SUBJECT, FEMALE, FIRST_PERSON, MALE,
                                               NEUTER, PLURAL, SUBJECT_DEPS, WINDOW)


def _agrees(ctx: Context, pron: str, cl: Cluster) -> bool:
    """Whether a pronoun can refer to a cluster (gender and number)."""
    if pron in MALE or pron in FEMALE:
        if cl.kind != "person":
            return False
        want = "m" if pron in MALE else "f"
        g = ctx.gender_of(cl)
        names = [*cl.mentions, *_full_names_of(ctx, cl)]  # "Phalen" given as "Hannah Phalen" earlier
        return g == want if g is not None else not any(disagrees(want, n) for n in names)
    if pron in NEUTER:
        return cl.kind == "org" and not getattr(cl, "plural", False) and getattr(cl, "orgish", True) \
            and not getattr(cl, "personal", False)
    if pron in PLURAL:
        return getattr(cl, "plural", False) or _collective(cl)
    return True


def _full_names_of(ctx: Context, cl: Cluster) -> list[str]:
    """The full names the article gives a person known by a surname alone ("Hannah Phalen, a recent
    graduate ... Phalen scours markets": "Hannah Phalen"), in any role, for a first name's gender."""
    parts = cl.name.split()
    names = [mention_name(ctx, m) for m in ctx.mentions if m.kind == "person"] if len(parts) == 1 else []
    return [n for n in names if len(n.split()) >= 2 and n.split()[-1] == parts[0]]


def _collective(cl: Cluster) -> bool:
    """Whether a singular cluster can be a "they": a named organisation or one a generic noun names
    ("the company ... they said"), never a country or city ("Israel ... they": the writer would
    say "it") nor a singular thing ("the profile page ... they")."""
    return cl.kind == "org" and getattr(cl, "collective", True) and not getattr(cl, "gpe", False)


def _antecedents(ctx: Context, pos: int, pron: str) -> list[tuple[int, Cluster, str, str]]:
    """Compatible (position, cluster, role, mention) before ``pos``, nearest first: speakers of
    earlier claims and subject mentions within :data:`WINDOW`."""
    out = []
    for cl in ctx.clusters:
        p = getattr(cl, "last_pos", -1)
        if 0 <= p < pos and pos - p <= WINDOW and _agrees(ctx, pron, cl):
            out.append((p, cl, "speaker", cl.name))
    for m in ctx.mentions:
        if m.pos >= pos or pos - m.pos > WINDOW or m.role == "other":
            continue
        cl = cluster_of_mention(ctx, m)
        if _agrees(ctx, pron, cl):
            out.append((m.pos, cl, m.role, m.ent.text))
    return sorted(out, key=lambda x: -x[0])


def resolve_pronoun(ctx: Context, pron: str, pos: int) -> tuple[Optional[Cluster], float, Optional[str]]:
    """(cluster, confidence, the mention used) for a pronoun source at ``pos``."""
    if pron in FIRST_PERSON:
        cl = ctx.current if pron in {"we", "us", "our"} else (ctx.last_person or ctx.current)
        return (cl, CONF_AMBIGUOUS, cl.name) if cl is not None and 0 <= pos - ctx.current_pos <= WINDOW else (None, 0.0, None)
    if pron in PLURAL and ctx.current_group and ctx.current is not None and 0 <= pos - ctx.current_pos <= WINDOW // 2:
        return ctx.current, CONF_SPEAKER, ctx.current.name  # "Gallagher and his colleagues asked ... they wrote"
    if pron in PLURAL and _plural_unsafe(ctx, pos):
        return None, 0.0, None
    if _unnamed_latest(ctx, pron, pos):
        return None, 0.0, None
    cands = [x for x in _antecedents(ctx, pos, pron) if not asker_in_sentence(ctx, x[1], pos)]
    if not cands:
        return None, 0.0, None
    others = {id(x[1]) for x in cands}
    cur = ctx.current
    gendered = pron in MALE | FEMALE
    known = [x for x in cands if gendered and ctx.gender_of(x[1]) is not None]
    if cur is not None and id(cur) in others and not ctx.current_guessed \
            and 0 <= pos - ctx.current_pos <= WINDOW and (
            not known or ctx.gender_of(cur) is not None or pos - ctx.current_pos <= 300
            or "\n" not in ctx.text[ctx.current_pos:pos]):
        # (a speaker of unknown gender yields to a candidate known to agree, unless named in the
        # pronoun's own paragraph: "Prof Ada Green agrees ... “...,” he says" is Green's, not an earlier man's)
        # the current speaker, unless a compatible subject was named after the speaker last spoke
        # (not a subject inside the speaker's own phrase: "Christie, a backer who ... after Trump tried ...")
        later = [cl for p, cl, role, _ in cands if p >= max(ctx.current_end, ctx.current_pos + 1)
                 and cl is not cur and role == "subject"]
        if not later and not (pron in NEUTER and other_subject_before(ctx, pos, ctx.current_pos, cur)):
            if gendered and (rival_in_paragraph(ctx, pron, pos, cur) or patient_agrees(ctx, pron, cur)
                             or person_between_paragraphs(ctx, pron, pos, cur)
                             or reported_beside_speaker(ctx, pron, pos, cur)):
                return None, 0.0, None
            return cur, CONF_SPEAKER, cur.name
    p, cl, role, mention = known[0] if known and ctx.gender_of(cands[0][1]) is None and pos - known[0][0] <= 600 \
        else cands[0]
    if pron in NEUTER and other_subject_before(ctx, pos, p, cl):
        return None, 0.0, None  # "Strava is cagey on the details (it does say ...)": not an earlier WhatsApp
    if gendered and (reported_rival(ctx, pron, p, pos, cl) or named_in_its_words(ctx, p, pos, cl)):
        return None, 0.0, None
    if gendered and known_rival(ctx, cl, known):
        return None, 0.0, None
    if pron in NEUTER | PLURAL and modifier_mention(ctx, p):
        return None, 0.0, None  # "The Utqiagvik test opened ... It argued": the test's, not the town's
    if gendered and cl is not cur and object_person_since(ctx, pron, p, pos, cl):
        return None, 0.0, None
    rivals = {id(x[1]) for x in cands if pos - x[0] <= 600} - {id(cl)}
    sure = ctx.gender_of(cl) is not None or pron not in MALE | FEMALE
    conf = CONF_SUBJECT if not rivals and sure else CONF_AMBIGUOUS
    return cl, conf, mention


UNNAMED_REACH = 600  # characters after an unnamed speaker within which a pronoun is taken for them


def _unnamed_latest(ctx: Context, pron: str, pos: int) -> bool:
    """Whether the passage's latest speaker is an unnamed person ("a teacher at the venue said ...
    The teacher added ... She said", "A spokesman for the police said ... They added") with no
    person named as a subject since: the pronoun is most likely theirs, so no earlier name is
    safe (nor a place: "Southport")."""
    if pron not in ctx.unnamed_agrees | PLURAL or ctx.unnamed_pos < max(0, ctx.current_pos) \
            or not 0 <= pos - ctx.unnamed_pos <= UNNAMED_REACH:
        return False
    return not any(ctx.unnamed_end <= m.pos < pos and m.role == "subject" and m.kind == "person"
                   for m in ctx.mentions)


def _plural_unsafe(ctx: Context, pos: int) -> bool:
    """A "they" with no safe antecedent: the passage's latest speaker cannot be a "they" ("The
    archive page shows ... they posted": not an older plural speaker beyond it), or a plural
    noun was the subject of a main clause since that speaker spoke ("... according to the Post.
    The user's posts grew angrier. In one, they ...": the posts' writer, not the Post)."""
    cur = ctx.current
    if cur is None or not 0 <= pos - ctx.current_pos <= WINDOW:
        return False
    if not _agrees(ctx, "they", cur):
        return pos - ctx.current_pos <= WINDOW // 2
    return any(t.dep_ in SUBJECT_DEPS and t.tag_ in ("NNS", "NNPS") and t.head.dep_ in ("ROOT", "conj")
               and not ctx.hidden(t.idx, t.idx + 1)
               for t in ctx.doc if ctx.current_end <= t.idx < pos)
