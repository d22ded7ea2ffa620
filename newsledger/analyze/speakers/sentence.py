"""Sentence structure around a source: the noun a relative pronoun stands for, a reporter the sentence
ends with, the speaker inside an "according to" claim or a news outlet's report, the one an outlet
quotes ("quoted X as saying"), the speaker behind a dateline, the subject behind a time phrase ("This
week Acme announced") or a means ("said by email"), and the tagger's second opinion."""
from __future__ import annotations

import re
from typing import Optional

from newsledger import agencies
from newsledger.analyze.attribution.base import SPEECH_VERBS, WORK_NOUNS
from newsledger.analyze.speakers.context import Context
from newsledger.analyze.speakers.spans import head_token, person_noun
from newsledger.analyze.speakers.words import (ANON_HEADS, ANON_ROLES, GENERIC_ORG, GOVERNMENT_HEADS, ORG_TYPE_HEADS,
                                               PARTITIVE_RELATIVE, PERSON_NOUNS, RELATIVES, TITLE_WORDS, norm_name)


def _relative_head(doc, src):
    """The noun a relative pronoun source ("which", "who", a partitive "many of whom") modifies, as a
    char span, else None."""
    tok = head_token(doc, src.start, src.end)
    rel = tok if tok is not None and tok.lower_ in RELATIVES else _partitive_relative(tok)
    if rel is None:
        return None
    verb = tok.head
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        n = verb.head
        if rel.lower_ == "which" and person_noun(n):
            return None  # "the head of the Dialogue Group, which says ...": "which" is never a person
        if _mere_thing(n):
            return None  # "a photo with a heading that said ...": the heading's writer, not the heading
        return n.left_edge.idx, n.idx + len(n)
    return None


def _partitive_relative(tok):
    """The relative pronoun of a partitive source ("many of whom", "some of which"), else None."""
    if tok is None or not PARTITIVE_RELATIVE.match(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text):
        return None
    return tok.doc[tok.right_edge.i]


def _mere_thing(n) -> bool:
    """A common noun that names neither a person, a group nor a work that speaks ("heading",
    "sticker", "sign"): what it "says" was written by someone the sentence does not name."""
    return n.pos_ == "NOUN" and not n.ent_type_ and not person_noun(n) and n.tag_ != "NNS" \
        and n.lemma_.lower() not in GENERIC_ORG | ORG_TYPE_HEADS | GOVERNMENT_HEADS | WORK_NOUNS | ANON_HEADS


def speaker_words(ctx: Context, c):
    """The words that name a claim's speaker, as a source, and whether they lie outside its source:
    the source, or the head of a bare relative source, or a reporter the sentence ends with
    ("Local people reported ..., the Tuva government was quoted as saying"), or the speaker of
    words an "according to" source only passes on ("Smith said ..., according to a pool report")."""
    src, doc = c.source, ctx.doc
    rel = _relative_head(doc, src)
    if rel is not None:
        src = type(src)(text=ctx.text[rel[0]:rel[1]], start=rel[0], end=rel[1], name=None)
    span = _outer_reporter(doc, c) or _quoted_speaker(doc, c) or _inner_speaker(doc, c) \
        or _after_dateline(ctx.text, c) or _subject_after_time(doc, c) or _subject_past_medium(doc, c)
    if span is None:
        return src, False
    return type(src)(text=ctx.text[span[0]:span[1]], start=span[0], end=span[1], name=None), True


# a dateline opening a paragraph: "MADRID -- ", "LAGOS, Nigeria (AP) — "
DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?(?: \([A-Za-z. ]+\))?"
                      r" ?(?:--|—|–) ?")


def _after_dateline(text: str, c) -> Optional[tuple[int, int]]:
    """The words between a paragraph's dateline and the cue, where the source is the dateline ("MADRID
    -- Spanish Prime Minister Pedro Sanchez says ..." is not Madrid's): the place the story was filed
    from speaks no words. A char span, else None."""
    start = text.rfind("\n", 0, c.source.start) + 1
    m = DATELINE.match(text, start)
    if m is None or not start <= c.source.start < m.end() or c.cue.start <= m.end():
        return None
    words = text[m.end():c.cue.start].rstrip(" ,")
    if not words[:1].isupper() or len(words.split()) > 10:
        return None  # "NATO — which has 32 members — said": an aside, not a dateline
    return m.end(), m.end() + len(words)


def _subject_after_time(doc, c) -> Optional[tuple[int, int]]:
    """The cue verb's own subject where the source is a time phrase before it ("This week Acme
    announced ...": a week says nothing). A char span, else None."""
    src = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if src is None or cue is None or not len(src) or not len(cue) or not _all_time(src):
        return None
    verb = next((t for t in reversed(cue) if t.pos_ == "VERB"), cue.root)
    subj = next((t for t in verb.children if t.dep_ == "nsubj" and not src.start <= t.i < src.end), None)
    if subj is not None:
        first, last = doc[subj.left_edge.i], subj.right_edge
    else:  # "This week SDK announced": the parse made the name an auxiliary of the verb
        names = doc[src.end:verb.i]
        if not len(names) or not all(t.tag_ in ("NNP", "NNPS") for t in names):
            return None
        subj, first, last = names.root, names[0], names[-1]
    if not _may_speak(subj):
        return None
    return first.idx, last.idx + len(last)


# the means words were sent by ("said by email"): never the one who sent them
MEDIA = {"email", "e-mail", "mail", "phone", "telephone", "text", "message", "fax", "letter", "video", "videolink"}


def _medium_agent(text: str, src) -> bool:
    """Whether a source is the means words came by ("by email"), by its words alone."""
    return src.text.lower() in MEDIA and text[:src.start].rstrip().lower().endswith(" by")


def _subject_past_medium(doc, c) -> Optional[tuple[int, int]]:
    """The cue verb's subject where the parse made the means its agent ("Lloyd's, which has 100
    members, said by email that ...": an email is not who said it), without the subject's relative
    clause or apposition. A char span, else None."""
    src = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if src is None or not len(src) or src.root.lemma_.lower() not in MEDIA or src.root.head.lower_ != "by":
        return None
    verb = src.root.head.head
    subj = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    if subj is None or not _may_speak(subj):
        return None
    end = min([k.left_edge.i for k in subj.children if k.dep_ in ("relcl", "appos") and k.i > subj.i]
              + [subj.right_edge.i + 1])
    while end - 1 > subj.i and doc[end - 1].is_punct:
        end -= 1
    return doc[subj.left_edge.i].idx, doc[end - 1].idx + len(doc[end - 1])


def _inner_speaker(doc, c) -> Optional[tuple[int, int]]:
    """The subject of a speech verb heading an "according to" claim's content ("Smith said the talks
    went well, according to a pool report", "According to the Gazette, the minister told aides
    ...") or the content of a body's report ("The Times reported that one boy revealed ..."): the
    words are that speaker's, the outlet only passes them on. A char span, else None."""
    if c.cue.text.lower() != "according to" and not _outlet_report(doc, c):
        return None
    span = doc.char_span(c.content.start, c.content.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in SPEECH_VERBS:
        return None
    subj = next((t for t in span.root.children if t.dep_ == "nsubj" and span.start <= t.i < span.end), None)
    if subj is None or not _may_speak(subj):
        return None  # "The revised plan added $300 million, according to projections ...": no speaker
    return doc[subj.left_edge.i].idx, subj.right_edge.idx + len(subj.right_edge)


def _outlet_report(doc, c) -> bool:
    """Whether a claim is a body's report of what someone else said ("The Daily Courier reported that
    one boy revealed ...", "Reuters said that Acme said on its website that ..."): a "report" or
    "say" cue whose source is no person. The body passes the words on, like an "according to" source."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    src = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if cue is None or src is None or not len(cue) or not len(src) or cue.root.lemma_.lower() not in ("report", "say"):
        return False
    if cue.root.lemma_.lower() == "say" and not _news_outlet(src):
        return False  # "South Africa said Mr Mugabe had told Zuma ...": a party's own account
    return src.root.ent_type_ != "PERSON" and src.root.lower_ not in ("he", "she", "i", "we")


# the head nouns of a source that is a news outlet ("the news agency", "the paper")
OUTLET_HEADS = {"agency", "newspaper", "paper", "outlet", "broadcaster", "magazine", "wire", "daily", "tabloid"}


def _news_outlet(span) -> bool:
    """Whether a source names a news outlet: a listed wire agency ("Reuters", "AFP") or an outlet's
    head noun ("the news agency", "the newspaper"); an outlet only passes on what others said."""
    return agencies.find(span.text) is not None or span.root.lemma_.lower() in OUTLET_HEADS


# "quoted X as saying": the speech verbs after "as" that make X the speaker
QUOTED_AS = {"saying", "telling", "stating", "warning", "adding"}


def _quoted_speaker(doc, c) -> Optional[tuple[int, int]]:
    """The one a source quotes ("The agency quoted the ministry's spokesman as saying ..."): the
    object of a "quote" cue followed by "as saying"; the words are that speaker's, the source only
    passes them on. A char span, else None."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or cue.root.lemma_.lower() != "quote":
        return None
    obj = next((t for t in cue.root.children if t.dep_ == "dobj"), None)
    if obj is None or not _may_speak(obj):
        return None
    end = next((t.i for t in doc[obj.i + 1:obj.sent.end - 1]
                if t.lower_ == "as" and doc[t.i + 1].lower_ in QUOTED_AS), None)
    if end is None or any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text != ",") for t in doc[obj.i + 1:end]):
        return None  # "quoted the minister, who spoke to ..., as saying": no plain noun phrase
    last = doc[end - 2] if doc[end - 1].text == "," else doc[end - 1]
    return doc[obj.left_edge.i].idx, last.idx + len(last)


_SPEAKING_NOUNS = ANON_HEADS | ANON_ROLES | PERSON_NOUNS | TITLE_WORDS  # a person's role, named or not


def _may_speak(tok) -> bool:
    """Whether a subject can be someone speaking: a proper name, a he/she/they, or a person's role."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or tok.lower_ in ("he", "she", "they") or tok.lemma_.lower() in _SPEAKING_NOUNS


def second_opinion(doc, text: str, c) -> Optional[str]:
    """The words of the tagger's own source for the claim's cue (``signals["tag_src"]``, its
    nearest source run in the cue's sentence) where they lie outside the rules' source span and
    are not a bare relative pronoun (which stands for a phrase it does not name) nor a time phrase
    ("This week SDK announced": a week says nothing), else None.
    Asked only of a verb's subject as the parse read it (a fixed frame, "For X, ...", "according
    to X", names its source by its words)."""
    other = (c.signals or {}).get("tag_src")
    if other is None or (other[0] < c.source.end and c.source.start < other[1]) or _medium_agent(text, c.source):
        return None  # (a means the parse took for the source gave way to the verb's subject already)
    if _time_phrase(doc, other):
        return None
    words = norm_name(text[other[0]:other[1]])
    return None if words.lower() in RELATIVES else words


def _time_phrase(doc, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are a date or time phrase and nothing else."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    return words is not None and any(not t.is_punct for t in words) and _all_time(words)


def _all_time(tokens) -> bool:
    """Whether every word (punctuation aside) is part of a date or time entity."""
    return all(t.ent_type_ in ("DATE", "TIME") for t in tokens if not t.is_punct)


AUX_WORDS = {"was", "were", "is", "are", "has", "have", "had", "been"}


def _outer_reporter(doc, c) -> Optional[tuple[int, int]]:
    """The reporter a sentence-final attribution names for a claim inside its words ("Local people
    reported seeing ..., the Tuva government was quoted as saying late Thursday"): after the
    claim's cue, a comma, a noun phrase (no verb) and a speech verb (or "quoted as saying") with
    nothing of its own after it but adverbials. The article attributes the claim to that
    reporter, not to the people it reports."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    sent = cue[0].sent
    for t in doc[cue.end:sent.end]:
        if t.text == ",":
            found = _attribution_after(doc, t)
            if found is not None:
                return found
    return None


def _attribution_after(doc, first) -> Optional[tuple[int, int]]:
    """The noun phrase of ", NP [was] said|quoted as saying [adverbials]." ending the sentence
    after the comma ``first``, as a char span, else None."""
    k = first.i + 1
    while k < first.sent.end and doc[k].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART", "NUM") \
            and doc[k].lower_ not in AUX_WORDS:
        k += 1
    if k == first.i + 1 or k >= first.sent.end:
        return None
    np_end = doc[k - 1].idx + len(doc[k - 1])
    while k < first.sent.end and doc[k].lower_ in AUX_WORDS:
        k += 1
    verb = doc[k] if k < first.sent.end else None
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS | {"quote"}:
        return None
    rest = [t for t in doc[k + 1:first.sent.end] if not t.is_punct]
    if verb.lemma_.lower() == "quote":
        if [t.lower_ for t in rest[:2]] != ["as", "saying"]:
            return None
        rest = rest[2:]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" or t.text in ("\"", "“", "'") for t in rest):
        return None  # the verb has words of its own: a claim of its own, not an attribution
    return doc[first.i + 1].idx, np_end


def speaks_inside(doc, src) -> bool:
    """Whether the source's own words hold a speech verb with words of its own ("..., the source,
    who said he had spoken ..."): the parser ran two phrases together ("an officer who responded"
    reports nothing)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
                                    and any(c.dep_ == "ccomp" for c in t.children) for t in span)
