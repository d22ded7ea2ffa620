"""Two readings, no guess: the checks that find, for a pronoun, another person or subject as likely
as the antecedent chosen."""
from __future__ import annotations

from bisect import bisect_left

from newsledger.analyze.attribution.base import WORK_NOUNS
from newsledger.analyze.doc_arrays import sentence_of, token_offsets
from newsledger.analyze.gender import first_name_gender
from newsledger.analyze.speakers.clusters import Cluster, find_org
from newsledger.analyze.speakers.context import Context, mention_name, person_cluster
from newsledger.analyze.speakers.kinds import KIND_OF
from newsledger.analyze.speakers.spans import same_person, surname_spots
from newsledger.analyze.speakers.words import ASK_VERBS, GENERIC_ORG, MALE

# common nouns naming a body that may be an "it" ("police", "the council", "the force")
BODY_NOUNS = (GENERIC_ORG | set(KIND_OF) | {"force"}) - WORK_NOUNS - {
    "report", "study", "statement", "website", "spokesman", "spokeswoman", "spokesperson"}


def reported_rival(ctx: Context, pron: str, cand_pos: int, pos: int, cl: Cluster) -> bool:
    """Whether, between the chosen antecedent and the pronoun, someone else's words name another
    person known to agree with the pronoun ("Baker is accused ... The complaint alleges that Baker
    poisoned Mr Kline's dog. He says ...": Kline as likely as Baker): then no guess is safe."""
    want = "m" if pron in MALE else "f"
    last = cl.name.split()[-1] if cl.name.split() else cl.name
    return any(cand_pos < q < pos and g == want and name.split()[-1] != last
               for q, name, g in ctx.reported_persons)


def named_in_its_words(ctx: Context, cand_pos: int, pos: int, cl: Cluster) -> bool:
    """Whether a he/she stands inside another claim's reported words that name, before it, a
    person other than the chosen antecedent, itself named before those words ("Rivera had long
    been watched. Court papers say the arrest of Okafor came after he refused ...": Okafor as
    likely as Rivera), even by a surname the tagger missed: two readings, no guess."""
    start = pos
    while start > 0 and ctx.reported[start - 1]:
        start -= 1
    if start == pos or cand_pos >= start:
        return False
    return any(start <= q < pos and not same_person(cl.name, tail) for q, tail in surname_spots(ctx.doc))


def known_rival(ctx: Context, cl: Cluster, known) -> bool:
    """Whether a he/she's chosen antecedent (not the current speaker) has no known gender while
    another person within reach is known to agree ("... alumnus was Leonard Cohen, with Mila
    Mulroney ... trailing far behind ... she wrote", Harris named as "she" earlier): two readings,
    no guess."""
    if cl is ctx.current or ctx.gender_of(cl) is not None:
        return False
    last = cl.name.split()[-1:]
    return any(k is not cl and k.name.split()[-1:] != last for _, k, _, _ in known)


def modifier_mention(ctx: Context, p: int) -> bool:
    """Whether the mention at ``p`` only modifies a common noun ("the Utqiagvik test", "the Reuters
    report"): an "it"/"they" after it most likely means that noun, which it does not name."""
    m = next((m for m in ctx.mentions if m.pos == p), None)
    return m is not None and m.ent.root.dep_ == "compound" and m.ent.root.head.pos_ == "NOUN"


def object_person_since(ctx: Context, pron: str, p: int, pos: int, cl: Cluster) -> bool:
    """Whether, with the chosen antecedent (not the current speaker) named before the pronoun's
    paragraph, another person who may agree was introduced in that paragraph as an object or an
    apposition ("Field ... met its
    associate director, Steven Zornetzer, a former neuroscientist. “...,” he told me": Zornetzer as
    likely as the earlier man): two readings, no guess."""
    ps = ctx.text.rfind("\n", 0, pos) + 1
    if p >= ps:
        return False  # the antecedent is named in the pronoun's own paragraph: the paragraph is about it
    want = "m" if pron in MALE else "f"
    for m in ctx.mentions:
        if m.kind != "person" or m.role != "other" or not ps < m.pos < pos:
            continue
        other = person_cluster(ctx, m)  # a lookup: a check creates no cluster
        gender = ctx.gender_of(other) if other is not None else ctx.gender_of_names(mention_name(ctx, m))
        if other is not cl and gender in (None, want):
            return True
    return False


def rival_in_paragraph(ctx: Context, pron: str, pos: int, cur: Cluster) -> bool:
    """Whether, with the current speaker named before the pronoun's paragraph, that paragraph makes
    before the pronoun another person known to agree its topic, as the possessor of something,
    even by a surname the tagger missed ("In Hajjaj's case, she stayed ... “...,” she continued":
    Hajjaj as likely as the woman quoted in the paragraph before): two readings, no guess. (A
    person merely named, "under cross-examination by Mpofu, he said", is no topic.)"""
    ps = ctx.text.rfind("\n", 0, pos) + 1
    if ctx.current_pos >= ps:
        return False
    want = "m" if pron in MALE else "f"
    names = [tail for q, tail in surname_spots(ctx.doc)
             if ps <= q < pos and not ctx.hidden(q, q + 1) and ctx.text.startswith(("'s", "’s"), q + len(tail))]
    return any(not same_person(cur.name, n) and ctx.gender_of_names(n) == want for n in names)


def other_subject_before(ctx: Context, pos: int, cand_pos: int, cl: Cluster) -> bool:
    """Whether the pronoun's own sentence has, before it and after the chosen antecedent, a subject
    we took for a person ("Strava is cagey ... (it does say ...)") or a body named by a common noun
    ("Police in Plymouth are at the scene, as it promised ..."): "it" most likely means that
    subject, so no earlier organisation is a safe guess."""
    tok = next((t for t in ctx.doc if t.idx >= pos), None)
    if tok is None:
        return False
    start = max(tok.sent.start_char, cand_pos + 1)
    return any(start <= m.pos < pos and m.role == "subject" and m.kind == "person"
               and person_cluster(ctx, m) is not cl for m in ctx.mentions) or _body_subject_before(ctx, start, pos)


def _body_subject_before(ctx: Context, start: int, pos: int) -> bool:
    """Whether a common noun naming a body ("Police in Plymouth are at the scene, as it promised
    ...") is a subject between ``start`` and the pronoun: "it" most likely means that body, which
    names no organisation we can tell."""
    return any(start <= t.idx < pos and t.dep_ == "nsubj" and t.pos_ == "NOUN" and not t.ent_type_
               and t.lemma_.lower() in BODY_NOUNS and not ctx.hidden(t.idx, t.idx + 1) for t in ctx.doc)


def patient_agrees(ctx: Context, pron: str, cur: Cluster) -> bool:
    """Whether the person the current speaker's passive cue was about may be the he/she as well
    ("Peter Hale was accused by Maria Lopez of lying. He said ..."), the speaker's own gender not
    settling it: two readings, no guess."""
    patient = ctx.current_patient
    if patient is None or same_person(cur.name, patient):
        return False
    want = "m" if pron in MALE else "f"
    return ctx.gender_of_names(patient) in (None, want) and ctx.gender_of(cur) in (None, want)


def person_between_paragraphs(ctx: Context, pron: str, pos: int, cur: Cluster) -> bool:
    """Whether a whole paragraph between the current speaker's and the he/she's names another person
    known to agree (by an earlier he/she, a title or a first name clearly of that gender), outside
    quoted and reported words, even as an object ("Sarah Cole said ... ¶ The board later met Ruth
    Park ... ¶ She said ...": Park as likely as Cole): a pronoun carried over such a paragraph has
    two readings, no guess. (A person of unknown gender there is no rival: too common on dev.)"""
    first = ctx.text.find("\n", ctx.current_end)
    last = ctx.text.rfind("\n", 0, pos)
    if first < 0 or last <= first:
        return False  # the speaker is named in the pronoun's paragraph or the one just before it
    want = "m" if pron in MALE else "f"
    for m in ctx.mentions:
        if m.kind != "person" or not first < m.pos < last:
            continue
        other = person_cluster(ctx, m)
        name = mention_name(ctx, m)
        gender = (ctx.gender_of(other) if other is not None else ctx.gender_of_names(name)) or first_name_gender(name)
        if other is not cur and not same_person(cur.name, name) and gender == want:
            return True
    return False


def asker_in_sentence(ctx: Context, cl: Cluster, pos: int) -> bool:
    """Whether ``cl`` is named in the pronoun's own sentence as the subject of an asking verb ("When
    Winfrey asked if he could share it, he declined, saying ..."): the one who asks is not the one
    who answers, so no antecedent of the he/she."""
    offsets = token_offsets(ctx.doc)  # the first token at or after pos, by bisection
    k = bisect_left(offsets, pos)
    if k == len(offsets):
        return False
    sent_start = ctx.doc[sentence_of(ctx.doc, k)[0]].idx  # read once, not walked by Token.sent per mention
    for m in ctx.mentions:
        if not sent_start <= m.pos < pos or _mention_cluster(ctx, m) is not cl:
            continue
        subj = m.ent.root.head if m.ent.root.dep_ in ("appos", "compound") else m.ent.root  # "the reporter Peter Lund"
        if subj.dep_ == "nsubj" and subj.head.lemma_.lower() in ASK_VERBS:
            return True
    return False


def _mention_cluster(ctx: Context, m):
    """The existing cluster of a mention, person or organisation (a lookup: creates none)."""
    return person_cluster(ctx, m) if m.kind == "person" else find_org(ctx.clusters, mention_name(ctx, m))


def reported_beside_speaker(ctx: Context, pron: str, pos: int, cur: Cluster) -> bool:
    """Whether the current speaker, of unknown gender, reported words naming another person known to
    agree ("Winfrey told CBS that Harry had said ... “...,” he added": Harry as likely as Winfrey): two
    readings, no guess."""
    if ctx.gender_of(cur) is not None:
        return False
    want = "m" if pron in MALE else "f"
    return any(ctx.current_pos < q < pos and g == want and not same_person(cur.name, name)
               for q, name, g in ctx.reported_persons)
