"""Shared ground of the attribution package: the cue lexicon, quotation spans, candidate claims
(:class:`Cand`) and the token/range helpers every other module of the package reads. It imports
nothing from the package (the package's modules import downwards: ``base`` <- ``tagger``,
``learned``, ``extractor`` <- ``__init__``)."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from newsledger.analyze.doc_arrays import per_doc

DATA = Path(__file__).resolve().parents[1] / "data"

# ---------------------------------------------------------------- lexicon

VERB_SHARE = 0.25  # min share of a lemma's train tokens heading a gold cue
VERB_MIN = 5  # min gold cue hits in train

# verbs whose attribution reading needs a complement (too ambiguous alone)
NEED_COMPLEMENT = {"be", "have", "make", "go", "take", "get", "see", "know", "look", "want",
                   "support", "vote", "continue", "find", "put", "give", "keep", "come", "use", "run"}

SPEECH_VERBS = {"say", "tell", "add", "write", "note", "report", "argue", "announce", "claim", "insist",
                "explain", "declare", "acknowledge", "warn", "tweet", "state", "recall", "predict", "confirm",
                "deny", "admit", "allege", "assert", "reply", "respond", "post", "accuse", "urge", "hope",
                "reiterate", "stress", "emphasize", "indicate", "reveal", "quip", "exclaim", "ask"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    path = DATA / "cue_lexicon.json"
    heads: dict = {}
    phrases: dict = {}
    if path.exists():
        d = json.loads(path.read_text(encoding="utf-8"))
        heads, phrases = d.get("heads", {}), d.get("phrases", {})
    verbs = set(SPEECH_VERBS)
    for key, (hits, total) in heads.items():
        lemma, _, pos = key.rpartition("|")
        if pos == "VERB" and hits >= VERB_MIN and hits / max(total, 1) >= VERB_SHARE:
            verbs.add(lemma)
    verbs.discard("accord")
    return {"verbs": verbs, "heads": heads, "phrases": phrases}


# ---------------------------------------------------------------- quotes

OPEN_Q = "“«„"
CLOSE_Q = "”»"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def quote_paragraph(text: str, start: int, end: int, mask) -> bool:
    """Whether a paragraph is one quotation: it opens with a quotation mark and (nearly) all its
    letters are quoted."""
    letters = [i for i in range(start, end) if text[i].isalnum()]
    return text[start] in '“"«„' and bool(letters) and sum(mask[i] for i in letters) >= 0.95 * len(letters)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted stretches (marks included), found one paragraph at a time; a quotation left
    open runs to the end of its paragraph. A new list on each call, of spans found once per text
    (:func:`_quote_spans`)."""
    return list(_quote_spans(text))


@functools.lru_cache(maxsize=4)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of :func:`quote_spans`, kept for the last few texts: the claims, the speakers and the
    tagger each ask for one article's quotations (five scans of its text character by character)."""
    spans = []
    for ps, pe in paragraph_bounds(text):
        open_at: Optional[int] = None
        i = ps
        while i < pe:
            ch = text[i]
            if ch in OPEN_Q:
                if open_at is None:
                    open_at = i
            elif ch in CLOSE_Q:
                if open_at is not None:
                    spans.append((open_at, i + 1))
                    open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = i
                else:
                    spans.append((open_at, i + 1))
                    open_at = None
            elif ch == "`" and text.startswith("``", i):
                if open_at is None:
                    open_at = i
                i += 1
            elif ch == "'" and text.startswith("''", i):
                if open_at is None:
                    open_at = i
                else:
                    spans.append((open_at, i + 2))
                    open_at = None
                i += 1
            i += 1
        if open_at is not None and pe - open_at > 1:
            spans.append((open_at, pe))
    return tuple(spans)


def quoted_mask(text: str) -> list[bool]:
    """Whether each character of ``text`` is inside a quotation (:func:`quote_spans`); a new list on each
    call, of a mask made once per text (:func:`_quoted_mask`)."""
    return list(_quoted_mask(text))


@functools.lru_cache(maxsize=4)
def _quoted_mask(text: str) -> tuple[bool, ...]:
    """The mask of :func:`quoted_mask`, kept for the last few texts (four readers per article)."""
    mask = [False] * len(text)
    for s, e in _quote_spans(text):
        for i in range(s, e):
            mask[i] = True
    return tuple(mask)


# ---------------------------------------------------------------- candidate


@dataclass
class Cand:
    cue: tuple[int, int]  # char range
    cue_i: int  # token index of the cue head
    source: Optional[tuple[int, int]]
    content: list[tuple[int, int]]  # char ranges, sorted
    rule: str = "verb"
    lemma: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.content)


def tok_ranges(doc, idxs) -> list[tuple[int, int]]:
    """Char ranges of a set of token indices, merging adjacent tokens."""
    idxs = sorted(set(idxs))
    out: list[list[int]] = []
    prev = None
    for i in idxs:
        t = doc[i]
        if prev is not None and i == prev + 1:
            out[-1][1] = t.idx + len(t)
        else:
            out.append([t.idx, t.idx + len(t)])
        prev = i
    return [(a, b) for a, b in out]


_QUOTE_CHARS = set('"“”‘’\'`') | {"''", "``"}
_EDGE_PUNCT = set(",;:-–—―()[]") | {"--"}


def trim_edges(doc, idxs) -> list[int]:
    """Drop punctuation / conjunctions at the edges of a token set."""
    idxs = sorted(set(idxs))
    while idxs and (doc[idxs[0]].is_space or doc[idxs[0]].text in _EDGE_PUNCT or doc[idxs[0]].dep_ == "cc"
                    or doc[idxs[0]].text.lower() in {"and", "but"}):
        idxs.pop(0)
    while idxs and (doc[idxs[-1]].is_space or doc[idxs[-1]].text in _EDGE_PUNCT or doc[idxs[-1]].dep_ == "cc"
                    or doc[idxs[-1]].text.lower() in {"and", "but"}):
        idxs.pop()
    return idxs


def subtree_indices(tok) -> set[int]:
    """The token indices of ``tok``'s subtree, a new set on each call (callers widen it in place). Each
    token's is read once per Doc and kept in its ``user_data`` (the rules ask for the same tokens' subtrees
    many times, and ``Token.subtree`` builds a spaCy Token per word; the Doc is never changed after the parse)."""
    kept = per_doc(tok.doc, "subtrees", _no_subtrees)
    found = kept.get(tok.i)
    if found is None:
        found = kept[tok.i] = frozenset(t.i for t in tok.subtree)
    return set(found)


def _no_subtrees(doc) -> dict:
    """An empty token index -> subtree table for :func:`subtree_indices`."""
    return {}


SUBJ = ("nsubj", "nsubjpass", "csubj")
REL_PRON = {"who", "that", "which", "whom"}


def np_span(tok, exclude: set[int] = frozenset()) -> Optional[tuple[int, int]]:
    """Char range of a noun phrase: the subtree of ``tok``, minus excluded tokens, contiguous
    around ``tok``."""
    idxs = subtree_indices(tok) - exclude
    if tok.i not in idxs:
        return None
    lo = hi = tok.i
    while lo - 1 in idxs:
        lo -= 1
    while hi + 1 in idxs:
        hi += 1
    doc = tok.doc
    keep = trim_edges(doc, range(lo, hi + 1))
    while keep and doc[keep[0]].text in _QUOTE_CHARS:
        keep.pop(0)
    while keep and doc[keep[-1]].text in _QUOTE_CHARS:
        keep.pop()
    if keep and keep[-1] + 1 < len(doc) and doc[keep[-1] + 1].text == ")" and any(
            doc[k].text == "(" for k in keep) and keep[-1] + 1 <= hi + 1:
        keep.append(keep[-1] + 1)
    if not keep:
        return None
    return doc[keep[0]].idx, doc[keep[-1]].idx + len(doc[keep[-1]])


def _subjects_in_order(verb) -> list:
    """The verb's children, a subject after a fronted subordinate phrase the parser folded into
    the verb first ("Shortly after the post, in June, Ann wrote": "after" marks the verb, and
    "the post" is its first nsubj; the writer is Ann), or after a wire dateline the parser took
    for a subject ("PORTVALE (AP) — Governor Ray Lyle said": the speaker is Lyle)."""
    kids = list(verb.children)
    pieces = _word_pieces([c for c in kids if c.dep_ == "nsubj"])
    if pieces:  # "said study co-author Jane Roe": "study co" is half a word, the subject is the name
        kids = [c for c in kids if c not in pieces] + pieces
    subj = [c for c in kids if c.dep_ == "nsubj" and c.i < verb.i]
    mark = [c for c in kids if c.dep_ == "mark" and c.i < verb.i]
    if len(subj) >= 2 and (mark and mark[0].i < subj[0].i or _a_dateline(subj[0])):
        return [subj[-1]] + [c for c in kids if c is not subj[-1]]
    return kids


def _word_pieces(subjects: list) -> list:
    """The subjects that are only the first half of a hyphenated word the parser split off, or its
    hyphen, when a name follows as another subject: "study co" and "-" of "said study co-author Jane
    Roe" (the speaker is Jane Roe; "Ex-friends close to her" keeps its first subject)."""
    doc, out = subjects[0].doc if subjects else None, []
    for s in subjects:
        nxt = s.right_edge.i + 1
        joined = nxt + 1 < len(doc) and doc[nxt].text == "-" and not s.right_edge.whitespace_ \
            and not doc[nxt].whitespace_
        if (joined or s.is_punct) and any(o.i > s.i and o.pos_ == "PROPN" for o in subjects):
            out.append(s)
    return out


DATELINE_DASHES = {"—", "–", "―", "--", "-"}


def _a_dateline(tok) -> bool:
    """A place name in capitals opening its sentence, with a dash in its own phrase: a wire dateline
    ("PORTVALE (AP) —", "LAKEVILLE --")."""
    return tok.i == tok.sent.start and tok.text.isupper() and len(tok.text) > 2 \
        and any(t.text in DATELINE_DASHES for t in tok.subtree if t.i > tok.i)


def _subject(verb):
    agent = None
    for c in verb.children:
        if c.dep_ == "agent":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    agent = cc
    if agent is not None:
        return agent
    for dep in ("nsubj", "csubj", "nsubjpass"):
        for c in _subjects_in_order(verb):
            if c.dep_ == dep:
                if dep == "nsubjpass" and c.lower_ in {"it", "there"}:
                    continue
                return _name_after_participle(c, verb) or c
    return _named_auxiliary(verb)


NAME_ENTS = ("ORG", "PERSON", "GPE", "NORP")


def _named_auxiliary(verb):
    """A name the parser hung on a subject-less verb as its auxiliary ("This week SDK announced ...":
    "SDK" parsed as "aux"): the verb's subject, else None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.i < verb.i and c.ent_type_ in NAME_ENTS), None)


def _name_after_participle(subj, verb):
    """The name a fronted participle phrase the parser took for the verb's subject ends with
    ("Speaking from a stage in Leeds, Chief Executive Tom Hale said": "Speaking" as the subject, the
    name hung inside the phrase): the proper noun right before the verb, after the phrase's last
    comma; None when the subject is no such phrase."""
    doc, last = subj.doc, subj.right_edge
    if subj.dep_ != "csubj" or subj.tag_ != "VBG" or last.i + 1 != verb.i or last.pos_ != "PROPN":
        return None
    commas = [t.i for t in doc[subj.i:last.i] if t.text == ","]
    if not commas or any(t.pos_ not in ("PROPN", "NOUN") for t in doc[commas[-1] + 1:last.i + 1]):
        return None
    return last


def find_source(verb, exclude: set[int], depth: int = 0):
    """(source token, excluded set) for a cue verb, following relatives, conjuncts and
    subject-less participles."""
    if depth > 4:
        return None
    if verb.tag_ == "VBG" and (verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
                               or verb.dep_ == "pcomp" and verb.head.lower_ == "to"):
        # a participle on a noun has no subject of its own: "a letter demanding answers" -> the letter;
        # "sent a letter to Director Wren demanding answers": the addressee demands nothing
        return verb.head if verb.dep_ == "acl" and verb.head.lemma_.lower() in WORK_NOUNS else None
    subj = _subject(verb)
    if subj is not None:
        if subj.lower_ in REL_PRON and verb.dep_ == "relcl":
            return verb.head
        return subj
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp") or (verb.dep_ == "ccomp" and verb.tag_ == "VBG"):
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return None
        if head.pos_ in ("VERB", "AUX") or verb.dep_ == "conj":
            return find_source(head, exclude, depth + 1)
        if verb.dep_ == "pcomp" and head.head.i != head.i:
            return find_source(head.head, exclude, depth + 1)
    return None


# works that speak for their authors ("the report found", "a letter demanding answers")
WORK_NOUNS = {"research", "study", "report", "analysis", "memo", "statement", "data", "survey", "poll", "book",
              "paper", "letter", "post", "tweet", "website", "account", "campaign", "team", "office", "review",
              "investigation", "findings", "figures", "estimate", "estimates", "calculations", "assessment"}
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "notify", "brief", "promise"}
RAISING = {"seem", "appear"}
TRIM_TAIL = True
TAIL_DEPS = ("appos", "relcl", "advcl", "acl", "npadvmod")
KEEP_OBJECT = False  # "urged X to Y": PolNeAR content is mostly "to Y"
DOBJ_NEEDS_PRED = {"call", "label", "brand", "term", "dub", "name"}
PASSIVE_RAISING = {"expect", "believe", "think", "say", "report", "consider", "project", "predict", "rumor",
                   "estimate", "know", "see", "view", "schedule", "set", "likely"}
NOUN_CUES = True  # generate mode: possessed noun cues ("Trump's claim that X") are candidates too
NOUN_PREPS = {"of", "about", "for", "on", "against", "over"}
CONTENT_PREPS = {"about", "on", "for", "of", "against", "to", "that", "with", "over", "at"}


def merge_ranges(ranges, text) -> list[tuple[int, int]]:
    """Sort and merge ranges that overlap or are separated only by spaces/punctuation-free gaps."""
    ranges = sorted((s, e) for s, e in ranges if s < e)
    out: list[list[int]] = []
    for s, e in ranges:
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        elif out and text[out[-1][1]:s].strip() == "":
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


def tokens_of(doc, ranges) -> list[int]:
    """Token indices covering char ranges."""
    out = []
    for s, e in ranges:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            out.extend(range(sp.start, sp.end))
    return sorted(set(out))


def quote_kind(text: str, pieces: list[tuple[int, int]], mask: Optional[list[bool]] = None) -> str:
    """direct (>= 90% of content letters inside quotation marks) | mixed | indirect."""
    mask = mask if mask is not None else quoted_mask(text)
    chars = [i for s, e in pieces for i in range(s, e) if text[i].isalnum()]
    if not chars:
        return "indirect"
    share = sum(1 for i in chars if mask[i]) / len(chars)
    return "direct" if share >= 0.9 else "indirect" if share == 0 else "mixed"
