"""Documents and their issuers: a bare "the release", "the statement", "the letter" that speaks is the
body or person the text names as issuing it just before ("The Harbor Agency issued a release ...
According to the release, ..."; "the ministry said in a statement"; "a letter from the mayor"; "the
DEA's complaint"; "X ran a profile ... The story portrayed ..."), and a press release or statement
after an announcement ("X announced Tuesday ... According to the release, ...") is the announcer's.
Looked for in the source's own sentence before it, the earlier sentences of its paragraph and the
previous paragraph, nearest first; a sentence naming two issuers names none. A document whose issuer
the text does not name keeps its own words ("The indictment claims ...")."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.speakers.clusters import Cluster, cluster_named
from newsledger.analyze.speakers.context import Context
from newsledger.analyze.speakers.spans import person_name
from newsledger.analyze.speakers.words import CONF_DESCRIPTOR, DETERMINERS, norm_name

# one kind of document can be called by another noun of its family ("ran a profile ... The story")
DOCUMENT_FAMILIES = (
    {"release", "statement", "announcement", "notice", "bulletin", "communique"},
    {"filing", "complaint", "affidavit", "indictment", "lawsuit", "suit", "petition"},
    {"story", "article", "profile", "piece", "report", "feature"},
    {"letter", "memo", "memorandum", "email"},
    {"post", "tweet"},
)
FAMILY_OF = {w: k for k, family in enumerate(DOCUMENT_FAMILIES) for w in family}
ANNOUNCED = DOCUMENT_FAMILIES[0]  # what an announcement goes out as
DOCUMENT_MODIFIERS = {"press", "news", "joint", "written", "official", "internal", "court", "criminal"}
ISSUE_VERBS = {"issue", "release", "publish", "run", "put", "send", "file", "write", "post", "tweet", "submit",
               "circulate", "distribute", "bring", "pen"}
# "the ministry said in a statement", "she wrote in a letter"
IN_VERBS = {"say", "state", "write", "announce", "add", "note", "warn", "claim", "allege", "argue", "confirm",
            "deny", "explain", "tell"}
NAME_LINKS = {"and", "of", "for", "the", "&"}
DOCUMENT_DETERMINERS = {"the", "this", "that", "a", "an"}
ISSUER_ENTS = ("PERSON", "ORG", "GPE", "NORP")


def _bare_document(raw: str) -> Optional[str]:
    """The document noun of a bare source ("the release", "the press release", also an indefinite "a
    statement", "a press release" that the text names an issuer for), else None."""
    words = norm_name(raw).lower().split()
    if len(words) < 2 or words[0] not in DOCUMENT_DETERMINERS or not set(words[1:-1]) <= DOCUMENT_MODIFIERS:
        return None
    return words[-1] if words[-1] in FAMILY_OF else None


def _proper_words(doc, first: int, last: int) -> Optional[tuple[int, int]]:
    """Token range [first, last] without leading determiners, when it names someone by name (an
    entity or a proper noun in it, no pronoun): "New York magazine", "the Harbor Agency"."""
    while first < last and doc[first].lower_ in DETERMINERS:
        first += 1
    toks = doc[first:last + 1]
    if not len(toks) or any(t.pos_ == "PRON" for t in toks):
        return None
    if not any(t.ent_type_ in ISSUER_ENTS or t.pos_ == "PROPN" for t in toks):
        return None
    return first, last


def _subject_of(verb) -> Optional[tuple[int, int]]:
    """The verb's subject when it names one issuer by name ("X and Y issued a joint release": none)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "conj" for c in subj.children):
        return None
    return _proper_words(verb.doc, subj.left_edge.i, subj.i)


def _name_before(verb) -> Optional[tuple[int, int]]:
    """The run of proper nouns right before a verb the parse gave no subject, after a comma or at
    the sentence's start (", Customs and Border Protection announced Tuesday")."""
    doc, j = verb.doc, verb.i - 1
    while j >= verb.sent.start and (doc[j].pos_ == "PROPN" or doc[j].lower_ in NAME_LINKS):
        j -= 1
    if j + 1 == verb.i or (j >= verb.sent.start and doc[j].text != ","):
        return None
    return _proper_words(doc, j + 1, verb.i - 1)


def _issuer_words(tok) -> Optional[tuple[int, int]]:
    """Who a document noun says issued it: the subject of an issuing verb ("X issued a release"), of
    a speech verb it is the medium of ("X said in a statement"), "a letter from X", "X's letter",
    "a DEA complaint"."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in ISSUE_VERBS:
        return _subject_of(head)
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in IN_VERBS:
        return _subject_of(head.head)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            return _proper_words(tok.doc, pobj.left_edge.i, pobj.i) if pobj is not None else None
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ISSUER_ENTS):
            return _proper_words(tok.doc, c.left_edge.i, c.i)
    return None


def _issuers_in(tokens, noun: str) -> set[tuple[int, int]]:
    """The issuers a stretch of tokens names for a document of ``noun``'s family (and, for a press
    release or statement, whoever announced something in it)."""
    found = set()
    for t in tokens:
        lemma = t.lemma_.lower()
        if FAMILY_OF.get(lemma) == FAMILY_OF[noun]:
            found.add(_issuer_words(t))
        elif lemma == "announce" and t.pos_ == "VERB" and noun in ANNOUNCED:
            found.add(_subject_of(t) or _name_before(t))
    found.discard(None)
    return found


def _scope(ctx: Context, start: int) -> list[list]:
    """The sentences an issuer is looked for in, nearest first: the source's own sentence up to it,
    the earlier sentences of its paragraph, those of the previous paragraph."""
    text = ctx.text
    par = text.rfind("\n", 0, start) + 1
    prev = text[:par].rstrip("\n")
    begin = prev.rfind("\n") + 1 if prev else par
    sents = [[t for t in s if begin <= t.idx < start] for s in ctx.doc.sents if begin < s.end_char and s.start_char < start]
    return [s for s in reversed(sents) if s]


def _issuer_cluster(ctx: Context, first: int, last: int) -> tuple[Cluster, str]:
    span = ctx.doc[first:last + 1]
    name = norm_name(span.text)
    person = person_name(ctx.doc, span.start_char, span.end_char) if any(
        t.ent_type_ == "PERSON" for t in span) else None
    if person:
        return cluster_named(ctx.clusters, person, "person"), person
    return cluster_named(ctx.clusters, name, "org"), name


def document_issuer(ctx: Context, raw: str, src) -> Optional[tuple[Optional[Cluster], float, Optional[str], bool]]:
    """(cluster, confidence, resolved_from, anonymous) of a bare document's issuer, when the text
    names one just before it (see the module docstring); None otherwise."""
    noun = _bare_document(raw)
    if noun is None:
        return None
    for sent in _scope(ctx, src.start):
        found = _issuers_in(sent, noun)
        if len(found) > 1:
            return None  # two issuers: which one is not for us to guess
        if found:
            cl, name = _issuer_cluster(ctx, *found.pop())
            cl.descriptions = getattr(cl, "descriptions", []) + [raw]  # a later "the release" is theirs too
            return cl, CONF_DESCRIPTOR, name, False
    return None
