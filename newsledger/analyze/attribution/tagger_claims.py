"""The tagger's own claims and sources: where no rule fired, a run of likely cue tokens with a
nearby run of likely content becomes a claim, and a kept claim without a source takes the
tagger's nearest source run (probabilities from :mod:`newsledger.analyze.attribution.tagger`).
A mixin of :class:`newsledger.analyze.attribution.extractor.Extractor`: it reads the extractor's
``doc``, ``text``, ``tag`` and paragraph helpers."""
from __future__ import annotations

from typing import Optional

import numpy as np

from newsledger.analyze.attribution.base import Cand, tok_ranges, tokens_of, trim_edges
from newsledger.analyze.doc_arrays import texts_where

TAG_CUE = 0.85  # a cue token for tagger claims (0.5-0.95 tried on PolNeAR dev; 0.85-0.9 best)
TAG_CONTENT = 0.5  # a content token
TAG_SOURCE = 0.5  # a source token
TAG_GAP = 6  # words between the cue and its content run at most
TAG_EDGE_PICK = 0.3  # > 0: a tagger claim's content starts/ends at its most likely start/end token when p >= this
TAG_MIN_CONTENT = 1  # words in a tagger claim's content at least


OBJECT_DEPS = ("dobj", "pobj", "dative", "iobj")


def _object_phrase(span, inside=lambda tok: True) -> bool:
    """Whether a run of tokens is an object (of a verb or a preposition) rather than a subject:
    the parse's head of the run hangs off something outside it as an object. Only heads for which
    ``inside`` holds count (a heading parsed into the sentence governs nothing)."""
    root = span.root
    if not inside(root.head):
        return False
    if root.dep_ in OBJECT_DEPS and not (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return True
    if root.head.dep_ == "acl" and root.head.tag_ == "VBG":
        return True  # "a letter to Director Hale demanding ...": a participle on a noun has no subject
    # "(sent a letter) to Director Wren demanding ...": a subject inside a "to" phrase is its object
    return any(a.lower_ == "to" and a.dep_ in ("dative", "prep") and inside(a) for a in root.ancestors)


def _backwards_reading(doc, i: int, j: int, content: list[int], source: set[int]) -> bool:
    """Whether the parse reads a cue verb i..j the other way round from the tagger: the verb's
    subject is a word of the tagger's content and the tagger's source lies in the verb's clausal
    complement ("X are treated as Y, says a report highlighting Z": the tagger took "X" for the
    source and "a report highlighting Z" for the content)."""
    inside = set(content)
    for verb in doc[i:j + 1]:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        kids = list(verb.children)
        subj = any(k.dep_ in ("nsubj", "nsubjpass") and k.i in inside for k in kids)
        clause = {t.i for k in kids if k.dep_ in ("ccomp", "parataxis") for t in k.subtree}
        if subj and source and source <= clause:
            return True
    return False


def _object_of_another_verb(doc, i: int, j: int, content: list[int]) -> bool:
    """Whether the tagger's content is the object of another verb with its own subject while the cue
    verb i..j has no object or clause of its own ("... before Lee announced — Reyes posted photos
    of himself": the photos are what Reyes posted, not what Lee announced)."""
    verbs = [t for t in doc[i:j + 1] if t.pos_ in ("VERB", "AUX")]
    if not verbs or any(k.dep_ in ("dobj", "ccomp", "xcomp", "parataxis") for v in verbs for k in v.children):
        return False
    inside = set(content)
    heads = {doc[x].head for x in content if doc[x].head.i not in inside}
    return any(h.i not in range(i, j + 1) and h.pos_ == "VERB"
               and any(doc[x].head.i == h.i and doc[x].dep_ == "dobj" for x in content)
               and any(k.dep_ == "nsubj" and k.i not in inside for k in h.children) for h in heads)


def cue_run_end(doc, i: int, is_cue, alnum) -> int:
    """The last token of the run of cue tokens starting at i: cue tokens, each non-word between
    two of them included, never across a line break."""
    n = len(doc)
    j = i
    while j + 1 < n and (is_cue[j + 1] or (not alnum[j + 1] and j + 2 < n and is_cue[j + 2])) \
            and "\n" not in doc[j].whitespace_:
        j += 1
    return j


def content_run(doc, k: int, step: int, edge: int, para: tuple[int, int], covered, is_con, alnum):
    """The content run met first from token k walking by ``step`` (a few words of gap allowed
    before it starts) within the paragraph ``para`` and outside covered tokens, as ((first, last)
    token indices, distance from the cue's ``edge`` token), else None."""
    ps, pe = para
    gap = 0
    while 0 <= k < len(doc) and ps <= doc[k].idx < pe and not is_con[k]:
        gap += alnum[k]
        if gap > TAG_GAP or covered[k]:
            return None
        k += step
    if not (0 <= k < len(doc) and ps <= doc[k].idx < pe) or covered[k]:
        return None
    a = k
    while 0 <= k + step < len(doc) and ps <= doc[k + step].idx < pe and not covered[k + step] \
            and (is_con[k + step] or not alnum[k + step]):
        k += step
    return (min(a, k), max(a, k)), abs(a - edge)


def edge_pick(tag, lo: int, hi: int, i: int, j: int, alnum) -> tuple[int, int]:
    """The content run lo..hi cut to its most likely first and last content tokens (tagger
    columns 1 and 2, p >= TAG_EDGE_PICK), the run's own edges otherwise; cue tokens i..j never
    count."""
    ins = [x for x in range(lo, hi + 1) if alnum[x] and not i <= x <= j]
    if ins:
        st = max(ins, key=lambda x: tag[x, 1])
        if tag[st, 1] >= TAG_EDGE_PICK:
            lo = st
        en = max((x for x in ins if x >= lo), key=lambda x: tag[x, 2], default=None)
        if en is not None and tag[en, 2] >= TAG_EDGE_PICK:
            hi = en
    return lo, hi


class TaggerClaims:
    def tagger_claims(self, kept: list[Cand]) -> list[Cand]:
        """Attributions the rules missed but the article-wide tagger sees: a run of cue tokens
        (p >= TAG_CUE) outside every kept claim, with the nearest run of content tokens
        (p >= TAG_CONTENT) in its paragraph on either side, and the nearest source run in its
        sentence. Typical finds: noun and adjective cues ("plenty of unknowns about X", "was
        dubbed X"), quotations spanning sentences, cues the parse attached oddly."""
        doc, tag = self.doc, self.tag
        n = len(doc)
        covered = np.zeros(n + 1, dtype=bool)
        for c in kept:
            covered[tokens_of(doc, [*c.content, c.cue, *([c.source] if c.source else [])])] = True
        alnum = np.append(texts_where(doc, "alnum", _has_alnum), False)  # each distinct token text read once
        is_cue = (tag[:, 3] >= TAG_CUE) & alnum[:n]
        is_con = tag[:, 0] >= TAG_CONTENT
        out = []
        i = 0
        while i < n:
            if not is_cue[i] or covered[i]:
                i += 1
                continue
            j = cue_run_end(doc, i, is_cue, alnum)
            c = self._tagger_claim(i, j, covered, is_con, alnum)
            if c is not None:
                out.append(c)
                covered[tokens_of(doc, [*c.content, *([c.source] if c.source else [])])] = True
            covered[i:j + 1] = True
            i = j + 1
        return out

    def _tagger_claim(self, i: int, j: int, covered, is_con, alnum) -> Optional[Cand]:
        """The tagger's claim for the cue tokens i..j: the nearer content run (:func:`content_run`,
        its edges picked by :func:`edge_pick`) and the nearest source run; None without content,
        or when the parse reads the words otherwise."""
        doc, tag = self.doc, self.tag
        para = self.para_of(doc[i].idx)
        runs = [r for r in (content_run(doc, j + 1, 1, j, para, covered, is_con, alnum),
                            content_run(doc, i - 1, -1, i, para, covered, is_con, alnum)) if r is not None]
        if not runs:
            return None
        (lo, hi), _ = min(runs, key=lambda r: r[1])
        if TAG_EDGE_PICK:
            lo, hi = edge_pick(tag, lo, hi, i, j, alnum)
        idxs = trim_edges(doc, [x for x in range(lo, hi + 1) if x < i or x > j])
        idxs = [x for x in idxs if not doc[x].is_space]
        if sum(alnum[x] for x in idxs) < TAG_MIN_CONTENT:
            return None
        src = self._tagger_source(i, j, set(idxs))
        if (src is not None and _backwards_reading(doc, i, j, idxs, set(tokens_of(doc, [src])))) \
                or _object_of_another_verb(doc, i, j, idxs):
            return None
        cue = (doc[i].idx, doc[j].idx + len(doc[j]))
        c = Cand(cue=cue, cue_i=i, source=src, content=tok_ranges(doc, idxs), rule="tagger",
                 lemma=doc[i].lemma_.lower(), extra={"path": "tagger", "p": float(tag[i:j + 1, 3].max())})
        c.extra["src_object"] = self.object_source(c)
        return c

    def _tagger_source(self, i: int, j: int, content: set) -> Optional[tuple[int, int]]:
        """The run of source tokens (p >= TAG_SOURCE) nearest to cue tokens i..j in their
        sentence, outside the cue and the content, as a char range; None if there is none."""
        doc, tag = self.doc, self.tag
        sent = self.sent(doc[i])

        def ok(k):
            return (sent.start <= k < sent.end and tag[k, 4] >= TAG_SOURCE and k not in content
                    and not i <= k <= j)

        near = [k for k in range(sent.start, sent.end) if ok(k) and any(ch.isalnum() for ch in doc[k].text)]
        if not near:
            return None
        a = b = min(near, key=lambda k: min(abs(k - i), abs(k - j)))
        while ok(a - 1):
            a -= 1
        while ok(b + 1):
            b += 1
        return doc[a].idx, doc[b].idx + len(doc[b])

    def object_source(self, c: Cand) -> bool:
        """Whether the tagger's source of a claim is an object in the parse ("sent a letter to
        Director Wray demanding ...": Wray is addressed, he says nothing). The span stays (PolNeAR
        scores spans); the speaker resolver names nobody for it."""
        span = self.doc.char_span(*c.source, alignment_mode="expand") if c.source else None
        if span is None or not len(span):
            return False
        ps, pe = self.para_of(span.start_char)
        return _object_phrase(span, lambda tok: ps <= tok.idx < pe)

    def tagger_sources(self, kept: list[Cand]) -> None:
        """A kept claim whose speaker the parse did not find ("X has sent troops, South Korea's
        spy agency said", the agency parsed as an apposition of "Russia") takes the tagger's
        nearest source run in the cue's sentence."""
        for c in kept:
            if c.source is not None or c.cue_i < 0:
                continue
            cue = tokens_of(self.doc, [c.cue])
            c.source = self._tagger_source(cue[0], cue[-1], set(tokens_of(self.doc, c.content)))
            c.extra["src_object"] = self.object_source(c)


def _has_alnum(text: str) -> bool:
    """Whether a token's text holds a letter or a digit (a cue run is never punctuation alone)."""
    return any(ch.isalnum() for ch in text)
