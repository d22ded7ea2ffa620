"""Names in the parse: a Doc's entities, a source's core and head, a person's name with titles
stripped, and the surnames of the article the tagger missed or took for an organisation."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.doc_arrays import per_doc as _per_doc, texts_where
from newsledger.analyze.speakers.words import (ANON_ROLES, DESCRIBED_ROLES, ORG_NAME_WORDS, PERSON_NOUNS, SUBJECT_DEPS,
                                               TITLE_WORDS)


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per Doc (spaCy makes a new tuple on every access)."""
    return _per_doc(doc, "ents", lambda d: tuple(d.ents))


def source_core(doc, start: int, end: int):
    """The source span without an appositive or relative clause ("China, an ally of X" -> "China")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    cut = end
    for c in root.children:
        if c.dep_ in ("appos", "relcl", "acl") and c.i > root.i and span.start <= c.i < span.end:
            j = c.left_edge.i
            while j - 1 > root.i and (doc[j - 1].is_punct):
                j -= 1
            cut = min(cut, doc[j].idx)
    core = doc.char_span(start, cut, alignment_mode="expand")
    return core if core is not None and len(core) else span


def person_name(doc, start: int, end: int) -> Optional[str]:
    """A person's name in a source span, titles stripped: the PERSON entity at the head, or a run
    of proper nouns after a role word ("spokesman Christophe Lemoine")."""
    core = source_core(doc, start, end)
    if core is None:
        return None
    root = core.root
    ent = None
    for e in [*doc_ents(doc), *described_names(doc)]:
        if e.label_ == "PERSON" and e.start <= root.i < e.end:
            ent = e
    if ent is not None:
        toks = [t for t in ent if t.i <= root.i or t.dep_ in ("flat", "compound")]
    else:
        toks = []
        j = root.i
        while j >= core.start and doc[j].pos_ == "PROPN":
            toks.insert(0, doc[j])
            j -= 1
        if not toks or root.pos_ != "PROPN":
            return None
        before = doc[j] if j >= core.start else None
        role = before is not None and before.pos_ == "NOUN" and before.is_lower
        if not role and (not any(t.lower_.strip(".") in TITLE_WORDS for t in toks)
                         or root.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")):
            return None  # "the Justice Department": a title word inside an organisation's name
    while toks and (toks[0].lower_.strip(".") in TITLE_WORDS or toks[0].ent_type_ in ("NORP", "GPE")
                    or toks[0].is_punct):  # "PORTVALE -- Ray Lyle": the dateline's dash is no part of the name
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks = toks[:-1]
    if not toks:
        return None
    return doc[toks[0].i:toks[-1].i + 1].text


def head_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


_WORD_SPLIT = re.compile(r"[-\s]")  # a title token's words ("Major-Gen")


def titled_names(doc) -> tuple:
    """Names spaCy did not tag: proper nouns right after a title ("Major-Gen Gopaul Govender").
    Found once per Doc and kept in its ``user_data`` (the antecedents and the people named in
    reported words both read them; the Doc does not change after the parse)."""
    return _per_doc(doc, "titled_names", lambda d: tuple(_find_titled_names(d)))


def _find_titled_names(doc) -> list:
    """The spans of :func:`titled_names`, token by token."""
    from spacy.tokens import Span as DocSpan

    tagged = {t.i for e in doc_ents(doc) if e.label_ == "PERSON" for t in e}
    titles = texts_where(doc, "title_word", _holds_a_title)  # each distinct token text split once
    out, i = [], 0
    while i < len(doc) - 1:
        if titles[i] and doc[i + 1].pos_ == "PROPN" and doc[i + 1].i not in tagged:
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and j not in tagged:
                j += 1
            out.append(DocSpan(doc, i + 1, j, label="PERSON"))
            i = j
        else:
            i += 1
    return out


def _holds_a_title(text: str) -> bool:
    """Whether a token's text holds a title word ("Gen.", "Major-Gen")."""
    return bool({w.strip(".").lower() for w in _WORD_SPLIT.split(text)} & TITLE_WORDS)


def described_names(doc) -> tuple:
    """Names spaCy did not tag as a person's, or tagged as a place's or a work's, that a description
    in apposition makes a person's ("Ana Ruiz, the U.S. ambassador to Oman", "Tom Hale, a Leeds
    business consultant"): two to four capitalised proper nouns, no organisation or title word among
    them, then a comma and a noun phrase headed by a person's role (:data:`DESCRIBED_ROLES`). Found once per Doc."""
    return _per_doc(doc, "described_names", _find_described_names)


def _find_described_names(doc) -> tuple:
    """The spans of :func:`described_names`."""
    from spacy.tokens import Span as DocSpan

    tagged = {t.i for e in doc_ents(doc) if e.label_ == "PERSON" for t in e}
    spans = [_name_run(doc, t) for t in doc if t.pos_ == "PROPN" and t.i not in tagged and any(
        c.dep_ == "appos" and c.i > t.i + 1 and doc[t.i + 1].text == "," and _role_head(c) for c in t.children)]
    return tuple(DocSpan(doc, a, b, label="PERSON") for a, b in filter(None, spans))


def _role_head(tok) -> bool:
    """Whether a noun names a person's role ("ambassador", "co-founder" split as "co", "-", "founder")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower().split("-")[-1] in DESCRIBED_ROLES


def _name_run(doc, root) -> Optional[tuple[int, int]]:
    """Token range of the capitalised proper nouns ending at ``root`` when they look like a person's
    full name (two to four words, none an organisation's, a title or a people's name), else None."""
    i = root.i
    while i - 1 >= 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].head.i == root.i:
        i -= 1
    toks = doc[i:root.i + 1]
    if not 2 <= len(toks) <= 4 or not all(t.text[:1].isupper() and t.is_alpha for t in toks):
        return None
    if any(t.lower_ in ORG_NAME_WORDS | TITLE_WORDS or t.ent_type_ in ("NORP", "ORG") for t in toks):
        return None
    return i, root.i + 1


def surname_subjects(doc) -> list:
    """Surnames spaCy did not tag where they are a subject ("Blair ... disputes that"), when the
    article names that person in full elsewhere ("James Blair")."""
    from spacy.tokens import Span as DocSpan

    tagged = {t.i for e in doc_ents(doc) for t in e}
    surnames = {e[-1].text for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) >= 2}
    return [DocSpan(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and (t.head.dep_ in ("ROOT", "conj") or _opens_paragraph(t))
            and t.i not in tagged and t.text in surnames]  # main clauses only ("the effect Sinwar may have": no)


def surnames_tagged_org(doc) -> list:
    """A surname the tagger took for an organisation, as a PERSON span: an ORG whose words are
    those of a full PERSON name of the article but its first ("Rosa Whitfield-Ortiz ...
    Whitfield-Ortiz said"): a person, whose he/she and rivalry count."""
    from spacy.tokens import Span as DocSpan

    tails = _person_tails(doc)
    described = {e.text.split(" ", 1)[1] for e in described_names(doc)}
    return [DocSpan(doc, e.start, e.end, label="PERSON") for e in doc_ents(doc)
            if e.label_ == "ORG" and e.text in tails or e.label_ in ("GPE", "WORK_OF_ART") and e.text in described]


def _person_tails(doc) -> set[str]:
    """The surnames of the article: the words of each full PERSON name but its first (also of a
    name a description makes a person's, :func:`described_names`)."""
    return {e.text.split(" ", 1)[1] for e in [*doc_ents(doc), *described_names(doc)]
            if e.label_ == "PERSON" and " " in e.text}


def surname_spots(doc) -> list[tuple[int, str]]:
    """(character position, words) of every occurrence of a surname of the article — the words of a
    full PERSON name but its first — wherever it stands, also where the tagger missed it or took it
    for an organisation ("Rosa Whitfield-Ortiz ... the mayor appointed Whitfield-Ortiz"). ``doc.text`` is read once:
    spaCy joins every token's text on each access, and it was rebuilt once per surname."""
    return _per_doc(doc, "surname_spots", _find_surname_spots)


def _find_surname_spots(doc) -> list[tuple[int, str]]:
    """The spots of :func:`surname_spots`, sorted by position."""
    tails, text = _person_tails(doc), doc.text
    return sorted((at, tail) for tail in tails for at in _whole_word_spots(text, tail))


def _whole_word_spots(text: str, words: str) -> list[int]:
    r"""The start of each occurrence of ``words`` in ``text`` with no word character or hyphen on either
    side, left to right and not overlapping: what ``re.finditer`` of ``(?<![\w-])WORDS(?![\w-])`` finds
    (``\w`` is a letter, a digit or "_"), by ``str.find``, without compiling a pattern for each surname of
    each article (one compile per surname was most of :func:`_find_surname_spots`' time)."""
    if not words:  # an empty pattern matches between characters: left to the regex
        return [m.start() for m in re.finditer(r"(?<![\w-])(?![\w-])", text)]
    spots, at = [], text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and _word_char(text[at - 1])) and not (end < len(text) and _word_char(text[end])):
            spots.append(at)
            at = text.find(words, end)
        else:
            at = text.find(words, at + 1)
    return spots


def _word_char(ch: str) -> bool:
    r"""Whether ``ch`` is a character of a word for :func:`_whole_word_spots`: what ``[\w-]`` matches."""
    return ch.isalnum() or ch in "_-"


def object_of(doc, start: int, end: int, verb) -> bool:
    """Whether the words at ``start:end`` are the object of ``verb`` ("appointed Whitfield-Ortiz")."""
    if verb is None:
        return False
    root = _span_root(doc, start, end)
    return root is not None and root[0] == verb.i and root[1] in ("dobj", "dative", "iobj")


def _span_root(doc, start: int, end: int) -> Optional[tuple[int, str]]:
    """(head index, dependency) of the root of the words at ``start:end``, None where they make no
    span. Kept per Doc in its ``user_data``: the gender reader asks it of every later surname for
    each person of the article (the Doc does not change after the parse)."""
    roots = doc.user_data.setdefault("newsledger.span_roots", {})
    if (start, end) not in roots:
        span = doc.char_span(start, end, alignment_mode="expand")
        roots[start, end] = (span.root.head.i, span.root.dep_) if span is not None and len(span) else None
    return roots[start, end]


def same_person(name: str, tail: str) -> bool:
    """Whether a surname (:func:`surname_spots`) may be the person called ``name``."""
    last = name.split()[-1] if name.split() else name
    return name.endswith(tail) or tail.endswith(last)


def _opens_paragraph(t) -> bool:
    """Whether a token starts a paragraph: its clause is a main one even where the parse ran the
    previous paragraph's quotation into the same sentence ("... all kinds of AI.” ¶ White didn't
    commit ...": "commit" parsed as a complement of the quote's verb)."""
    return t.i == 0 or "\n" in t.doc[t.i - 1].text


def person_noun(tok) -> bool:
    """Whether a noun names a person: a PERSON entity, a title or a role ("the head of ...")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ == "PERSON" or lemma in TITLE_WORDS | ANON_ROLES | PERSON_NOUNS


def coordinated(doc, src) -> bool:
    """Whether a source names a group by coordination ("Gallagher and his colleagues", "X and Y")."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(t.dep_ == "conj" and t.head.i == span.root.i for t in span) \
        and any(t.lower_ in ("and", "&") for t in span)
