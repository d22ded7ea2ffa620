"""Claims that report no statement, by their form: a supposition ("Let's say ..."), inquiry ("The film
explores how ..."), a bare noun phrase added ("He added a note of caution"), only the addressee told ("told a
dispatcher before police arrived"), the fact a reaction follows ("seethed after the disclosure that ...").
Read by :func:`newsledger.analyze.attribution.is_statement`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.analyze.attribution.base import Cand, _tokens_of

if TYPE_CHECKING:
    from newsledger.analyze.attribution.extractor import Extractor

# inquiry: what a film, a study or a person looks into ("The film explores how ...", "the report examines
# whether ..."), never what anyone asserted
INQUIRY_VERBS = {"explore", "examine", "investigate", "study", "probe"}
# with a bare noun phrase, what was added is no statement ("He added a note of caution", "added two names to the
# list"); with a clause ("added that ...", "added a warning that ...") or a colon it stays one
BARE_OBJECT_VERBS = {"add"}
# "Let's say you think ...", "let us suppose ...": the writer's supposition, no one's statement
SUPPOSING_SUBJECTS = {"'s", "’s", "us"}
# talking names a topic ("[Name] talks to [Name] about the issue of X"); a statement only with a clause or words quoted
TALK_VERBS = {"talk", "speak", "chat"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# prepositions of time that put a reaction after a fact: "seethed after the disclosure that ..."
EVENT_PREPS = {"after", "before", "following", "amid", "upon"}


def fact_reacted_to(c: Cand, ex: "Extractor") -> bool:
    """"Republicans seethed after the disclosure that X", "rejoiced upon news that X": a content that
    opens with the "that"-clause of a noun in a time phrase after the cue is the fact reacted to, no
    one's statement; a reporting verb of the lexicon keeps it ("said after the vote that X": its own).
    """
    toks = _tokens_of(ex.doc, c.content[:1])
    if c.lemma in ex.lex["verbs"] or not toks or ex.doc[toks[0]].lower_ != "that" \
            or c.cue[1] > ex.doc[toks[0]].idx:
        return False
    j = toks[0] - 1
    if j < 0 or ex.doc[j].pos_ != "NOUN":
        return False
    while j > 0 and ex.doc[j - 1].dep_ in ("det", "amod", "compound", "poss"):
        j -= 1
    return j > 0 and ex.doc[j - 1].lower_ in EVENT_PREPS and ex.doc[j - 1].idx > c.cue[0]


def a_supposition(c: Cand, ex: "Extractor") -> bool:
    """"Let's say you think a degree will cost $160,000", "let us suppose ...": a cue verb whose subject
    is the "'s"/"us" of an imperative "let" is the writer's supposition, not a statement."""
    verb = ex.doc[c.cue_i]
    return verb.head.lemma_.lower() == "let" and any(
        ch.dep_ == "nsubj" and ch.lower_ in SUPPOSING_SUBJECTS for ch in verb.children)


def object_has_clause(c: Cand, ex: "Extractor") -> bool:
    """Whether the cue verb's object carries a clause of its own ("a warning that the roof could fail")."""
    verb = ex.doc[c.cue_i]
    return any(t.dep_ in ("acl", "relcl", "ccomp") for d in verb.children if d.dep_ == "dobj" for t in d.subtree)


def only_the_addressee(c: Cand, ex: "Extractor") -> bool:
    """"told a dispatcher before police arrived": the content holds no words beyond the addressee's own
    phrase (no clause of its own) and clauses of time, cause or condition, so what was told is not said."""
    verb = ex.doc[c.cue_i]
    bare = set()
    for ch in verb.children:
        if ch.dep_ == "dobj":
            clauses = {t.i for d in ch.subtree if d.dep_ in ("acl", "relcl", "ccomp") for t in d.subtree}
            bare |= {t.i for t in ch.subtree} - clauses
        elif ch.dep_ == "advcl" and _circumstance(ch) or ch.dep_ == "punct":
            bare |= {t.i for t in ch.subtree}
    return set(_tokens_of(ex.doc, c.content)) <= bare


def _circumstance(clause) -> bool:
    """An adverbial clause of time, cause or condition ("before police arrived", "because ...")."""
    return any(ch.dep_ == "mark" and ch.lower_ in CIRCUMSTANCE_MARKS for ch in clause.children)


CIRCUMSTANCE_MARKS = {"before", "after", "when", "while", "until", "since", "because", "if", "unless", "once",
                      "although", "though", "as"}


def a_topic_talked_about(c: Cand, ex: "Extractor") -> bool:
    """"Activist [Name] talks to [Name] about the issue of mass incarceration": a talking verb whose content
    has no finite verb and no quotation of three words or more names what was talked about, not what was said."""
    if c.lemma not in TALK_VERBS:
        return False
    toks = _tokens_of(ex.doc, c.content)
    quoted = any(len(ex.text[qs:qe].split()) >= 3 for qs, qe in ex.quotes for s, e in c.content if qs < e and qe > s)
    return bool(toks) and not quoted and not any(ex.doc[i].tag_ in FINITE_TAGS for i in toks)
