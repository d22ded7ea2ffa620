"""The rule extractor: cue candidates over the spaCy parse, quotation handling and the univocal
clean-up. Its parts are mixins of :class:`Extractor`, each in its module: verb cues
(``verbs.py``), noun cues and the "according to" / "as X put it" / "For X" frames (``frames.py``),
content trimming (``trimming.py``), and the tagger's own claims and sources (``tagger_claims.py``).
See the package docstring for the steps."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import (NOUN_CUES, Cand, _merge, _subtree, lexicon, paragraph_bounds,
                                                 quote_spans, quoted_mask)
from newsledger.analyze.attribution.frames import FrameClaims
from newsledger.analyze.attribution.tagger_claims import TaggerClaims
from newsledger.analyze.attribution.trimming import ContentTrimming
from newsledger.analyze.attribution.verbs import VerbClaims

TAGGER_SOURCES = True  # a kept claim without a source takes the tagger's nearest source
TAGGER_CLAIMS = True  # and claims from the tagger alone where no rule fired (Extractor.tagger_claims)


class Extractor(VerbClaims, FrameClaims, ContentTrimming, TaggerClaims):
    """Rule candidates over one parsed article (see the package docstring); verb cues
    (:class:`VerbClaims`), noun cues and frames (:class:`FrameClaims`), the content trimming
    (:class:`ContentTrimming`) and the tagger's own claims and sources (:class:`TaggerClaims`) are
    mixed in from their modules."""

    def __init__(self, doc, text: str, generate: bool = False, tag=None, product: bool = False):
        self.doc = doc
        # the product's reading (``find_claims(statements_only=True)``), where it differs from
        # PolNeAR's annotation, which its evaluation keeps: nested attribution goes to the nearest
        # speaker ("According to reports, the officer recalled: ..." is the officer's), and a cue in
        # a relative clause on its own source keeps its content ("Tester, who also says he is ...")
        self.product = product
        # (tokens, 5) probabilities of the article-wide tagger (newsledger.analyze.attribution.tagger), read
        # as features by the learned models; None without it
        self.tag = tag
        self.text = text
        # generate=True: every verb is a cue candidate and the lexicon/complement filters become
        # flags (``Cand.extra``) for the learned cue classifier (``learned.py``) to weigh
        self.generate = generate
        self.lex = lexicon()
        self.paras = paragraph_bounds(text)
        self.quotes = quote_spans(text)
        self.qmask = quoted_mask(text)
        self.cands: list[Cand] = []
        self.inherit: dict = {}

    # -- helpers
    def para_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.paras:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def clip_to_paragraph(self, span: Optional[tuple[int, int]], pos: int) -> Optional[tuple[int, int]]:
        """A char span cut to the paragraph of ``pos`` ("FULL INQUIRY¶Several of the experts":
        a heading is no part of the next paragraph's source)."""
        if span is None:
            return None
        ps, pe = self.para_of(pos)
        s, e = max(span[0], ps), min(span[1], pe)
        while s < e and self.text[s].isspace():
            s += 1
        return (s, e) if s < e else None

    def sent(self, tok):
        """The token range of ``tok``'s sentence, cut at paragraph breaks."""
        s = tok.sent
        start, end = s.start, s.end
        for j in range(tok.i - 1, start - 1, -1):
            if "\n" in self.doc[j].text:
                start = j + 1
                break
        for j in range(tok.i + 1, end):
            if "\n" in self.doc[j].text:
                end = j
                break
        return self.doc[start:end]

    def is_candidate(self, tok) -> bool:
        """A token to try as a verb cue: a lexicon verb, or (generate mode) any verb."""
        if self.generate:
            return (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")) or self.is_cue_verb(tok) \
                or (NOUN_CUES and self.noun_frame(tok) is not None)
        return self.is_cue_verb(tok)

    def is_cue_verb(self, tok) -> bool:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            return False
        lemma = tok.lemma_.lower()
        if lemma not in self.lex["verbs"]:
            return False
        return True

    # -- layout rules
    def layout(self):
        text = self.text
        for ps, pe in self.paras:
            para = text[ps:pe]
            m = re.match(r"^\s*([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(\S.*)$", para)
            if m and len(m.group(1).split()) <= 3 and m.group(1).split()[0] not in ("The", "A", "An", "In", "On", "Read", "Watch", "Related", "Note", "Update", "Editor's", "UPDATE", "Photo", "Source"):
                s1, e1 = ps + m.start(1), ps + m.end(1)
                self.cands.append(Cand(cue=(e1, e1 + 1), cue_i=-1, source=(s1, e1),
                                       content=[(ps + m.start(2), pe)], rule="layout-colon", lemma=":"))
                continue
            m = re.match(r"^\s*([“\"].+[”\"])\s*[―—–]+\s*(\S.{0,80})$", para)
            if m:
                s1, e1 = ps + m.start(1), ps + m.end(1)
                s2, e2 = ps + m.start(2), ps + m.end(2)
                dash = text.rfind("―", e1, s2)
                if dash < 0:
                    dash = max(text.rfind("—", e1, s2), text.rfind("–", e1, s2))
                self.cands.append(Cand(cue=(dash, dash + 1), cue_i=-1, source=(s2, e2), content=[(s1, e1)],
                                       rule="layout-dash", lemma="―"))

    # -- quotation handling
    def widen(self, c: Cand) -> None:
        ps, pe = self.para_of(c.cue[0])
        out = []
        for s, e in c.content:
            s, e = max(s, ps), min(e, pe)
            if s >= e:
                continue
            for qs, qe in self.quotes:
                if qs < e and qe > s and not (qs <= c.cue[0] < qe):
                    if c.source and qs <= c.source[0] < qe:
                        continue
                    s, e = min(s, qs), max(e, qe)
            out.append((s, e))
        c.content = _merge(out, self.text)

    def add_following_quote(self, c: Cand, cue_starts: list[int]) -> None:
        """"“A,” he said, “B.”" and "“A,” he said. “B.”": add the next quotation as a piece."""
        if not c.content:
            return
        text, doc = self.text, self.doc
        cstart = min(s for s, _ in c.content)
        cend = max(e for _, e in c.content)
        if cstart > c.cue[0]:
            return  # content after the cue: nothing to add
        if not any(qs < cend and qe > cstart and qe >= cend - 2 for qs, qe in self.quotes):
            return  # the content must end in a quotation
        after = max(c.cue[1], c.source[1] if c.source else 0, cend)
        ps, pe = self.para_of(c.cue[0])
        nxt = [(qs, qe) for qs, qe in self.quotes if after <= qs < pe]
        if not nxt:
            return
        qs, qe = nxt[0]
        gap = text[after:qs]
        ok = False
        if re.fullmatch(r"[\s,;:—–―-]*", gap):
            ok = True
        elif len(gap) <= 50 and not re.search(r"[.!?]", gap) and c.cue_i >= 0:
            span = doc.char_span(after, qs, alignment_mode="contract")
            sub = _subtree(doc[c.cue_i])
            ok = span is not None and all((t.is_punct or t.is_space or t.i in sub) and t.pos_ not in ("VERB", "AUX")
                                          for t in span)
        elif re.fullmatch(r"\s*[.!?]\s*", gap) or re.fullmatch(r"[^\w]*", gap):
            # the next sentence opens with a quotation: it must have no cue of its own
            end = min(self._sent_end(qe), pe)
            ok = not any(qs <= x < end for x in cue_starts if x != c.cue[0])
        if ok:
            c.content = _merge(c.content + [(qs, qe)], text)
            c.extra["merged"] = True

    def _sent_end(self, pos: int) -> int:
        doc = self.doc
        span = doc.char_span(max(pos - 1, 0), pos, alignment_mode="expand")
        if span is None or not len(span):
            return pos
        s = span[0].sent
        return s.end_char

    # -- run
    def candidates(self) -> list[Cand]:
        """All candidates after quote handling, before the univocal clean-up."""
        doc = self.doc
        for tok in doc:
            c = None
            if tok.lower_ == "according":
                c = self.according(tok)
            elif tok.lower_ == "for":
                c = self.for_frame(tok)
            elif tok.lemma_ == "put" and (frame := self.as_put_it(tok)) is not None:
                c = frame
            elif self.is_candidate(tok):
                c = self.noun_claim(tok) if tok.pos_ == "NOUN" and not self.is_cue_verb(tok) else self.verb_claim(tok)
            if c is not None:
                self.cands.append(c)
        self.layout()
        for c in self.cands:
            c.content = [(s, e) for s, e in c.content if s < e]
            self.strip_dateline(c)
            self.widen(c)
        self.cands = [c for c in self.cands if c.content]
        return self.cands

    def follow_quotes(self, cands: list[Cand]) -> list[Cand]:
        """Add following quotations ("“A,” he said, “B.”") to the content of the kept cues."""
        cue_starts = [c.cue[0] for c in cands]
        for c in cands:
            self.add_following_quote(c, cue_starts)
        return cands

    def run(self, scorer=None, boundary=None, edges=None) -> list[Cand]:
        """Candidates -> (optional learned filter) -> following quotes -> univocal clean-up.
        ``scorer(ex, cands)`` returns a keep-probability per candidate, or None for "keep"
        (rule-only candidates). In the product, "he said according to a transcript" is his claim:
        the "according to" is left out, unless the speaker's own claim is then not found."""
        kept, held = self._run(scorer, boundary, edges, hold=self.product)
        if held and not all(self._claimed(h, kept) for h in held):
            kept, _ = self._run(scorer, boundary, edges, hold=False)
        return kept

    def _claimed(self, h: Cand, kept: list[Cand]) -> bool:
        at = self.doc[h.extra["verb_i"]].idx
        return any(k.source is not None and k.cue[0] <= at < k.cue[1] for k in kept)

    def _run(self, scorer, boundary, edges, hold: bool) -> tuple[list[Cand], list[Cand]]:
        self.cands = []
        cands = self.candidates()
        held = [c for c in cands if hold and self.records_a_speaker(c, cands)]
        cands = self.cands = [c for c in cands if not any(c is h for h in held)]
        if scorer is not None:
            probs = scorer(self, cands)
            kept = []
            for c, p in zip(cands, probs):
                if p is None or p >= scorer.threshold:
                    c.extra["p"] = 1.0 if p is None else p
                    kept.append(c)
            cands = kept
        kept = self.cleanup(self.follow_quotes(cands))
        if boundary is not None:
            boundary.apply(self, kept)
        if edges is not None:
            edges.apply(self, kept)
        if self.tag is not None and TAGGER_SOURCES:
            self.tagger_sources(kept)
        if self.tag is not None and TAGGER_CLAIMS:
            kept = sorted(kept + self.tagger_claims(kept), key=lambda c: c.cue[0])
        return kept, held

    def strip_dateline(self, c: Cand) -> None:
        if not c.content:
            return
        s, e = c.content[0]
        m = re.match(r"[A-Z][A-Z .,]{2,40}(?:\([^)]{1,20}\))?\s*[―—–-]{1,2}\s*", self.text[s:e])
        if m:
            c.content[0] = (s + m.end(), e)

    @staticmethod
    def wraps_a_speaker(c: Cand, cands: list[Cand]) -> bool:
        """"According to reports, the officer recalled: ...": an "according to" whose content holds
        another speaker with a cue of their own yields to that speaker (the nearer source)."""
        if c.rule != "according":
            return False
        inside = lambda pos: any(s <= pos < e for s, e in c.content)  # noqa: E731
        return any(o is not c and o.rule == "verb" and o.source is not None and inside(o.cue[0])
                   and inside(o.source[0]) for o in cands)

    @staticmethod
    def records_a_speaker(c: Cand, cands: list[Cand]) -> bool:
        """"..., he said according to a transcript": an "according to" on a speech verb whose own
        claim, with its speaker, is among ``cands`` names only the record of that claim."""
        verb = c.extra.get("verb_i", -1) if c.rule == "according" else -1
        return verb >= 0 and any(o is not c and o.rule == "verb" and o.cue_i == verb and o.source is not None
                                 for o in cands)

    def cleanup(self, cands: list[Cand]) -> list[Cand]:
        """Univocal clean-up: largest content first; drop a claim whose cue lies inside a kept
        content or whose content equals a kept one."""
        kept: list[Cand] = []
        if self.product:
            cands = [c for c in cands if not self.wraps_a_speaker(c, cands)]
        for c in sorted(cands, key=lambda c: (-c.size, c.cue[0])):
            bad = False
            for k in kept:
                if any(s <= c.cue[0] < e for s, e in k.content):
                    bad = True
                    break
                if any(s <= k.cue[0] < e for s, e in c.content):
                    # a kept claim's cue lies inside this (smaller) content: cut the content short
                    bad = True
                    break
                if c.content == k.content:
                    bad = True
                    break
            if not bad:
                kept.append(c)
        kept.sort(key=lambda c: c.cue[0])
        return kept
