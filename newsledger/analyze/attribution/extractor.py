"""The rule extractor: cue candidates over the spaCy parse, quotation handling and the univocal
clean-up. It reads the article through its base :class:`ArticleText` (``page.py``: paragraphs,
quotations, sentences); its parts are mixins of :class:`Extractor`, each in its module: verb cues
(``verbs.py``), noun cues and the "according to" / "as X put it" / "For X" frames (``frames.py``),
content trimming (``trimming.py``), and the tagger's own claims and sources (``tagger_claims.py``);
its steps are module-level functions: the layout claims (``layouts.py``), the quotation handling
(``quotations.py``) and the univocal clean-up (``univocal.py``). See the package docstring for the
steps."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution import quotations
from newsledger.analyze.attribution.base import NOUN_CUES, Cand, lexicon
from newsledger.analyze.attribution.frames import FrameClaims
from newsledger.analyze.attribution.fronted import FrontedQuotes
from newsledger.analyze.attribution.inverted import InvertedClaims
from newsledger.analyze.attribution.layouts import layout_candidates
from newsledger.analyze.attribution.lead_ins import LeadInClaims
from newsledger.analyze.attribution.page import ArticleText
from newsledger.analyze.attribution.tagger_claims import TaggerClaims
from newsledger.analyze.attribution.trimming import ContentTrimming
from newsledger.analyze.attribution.univocal import records_a_speaker, univocal, wraps_a_speaker
from newsledger.analyze.attribution.verbs import VerbClaims

TAGGER_SOURCES = True  # a kept claim without a source takes the tagger's nearest source
TAGGER_CLAIMS = True  # and claims from the tagger alone where no rule fired (Extractor.tagger_claims)


class Extractor(ArticleText, VerbClaims, LeadInClaims, FrontedQuotes, InvertedClaims, FrameClaims, ContentTrimming,
                TaggerClaims):
    """Rule candidates over one parsed article (:class:`ArticleText`: its paragraphs, quotations
    and sentences; see the package docstring); verb cues (:class:`VerbClaims`), noun cues and
    frames (:class:`FrameClaims`), the content trimming (:class:`ContentTrimming`) and the
    tagger's own claims and sources (:class:`TaggerClaims`) are mixed in from their modules, and
    so are the claims whose words are the paragraph after a cue's colon (:class:`LeadInClaims`) and the
    fronted quotations whose named speaker the parse lost (:class:`FrontedQuotes`) and the inverted
    "[clause], said [speaker]" the parse misread (:class:`InvertedClaims`)."""

    def __init__(self, doc, text: str, generate: bool = False, tag=None, product: bool = False):
        super().__init__(doc, text)
        # the product's reading (``find_claims(statements_only=True)``), where it differs from
        # PolNeAR's annotation, which its evaluation keeps: nested attribution goes to the nearest
        # speaker ("According to reports, the officer recalled: ..." is the officer's), and a cue in
        # a relative clause on its own source keeps its content ("Tester, who also says he is ...")
        self.product = product
        # (tokens, 5) probabilities of the article-wide tagger (newsledger.analyze.attribution.tagger), read
        # as features by the learned models; None without it
        self.tag = tag
        # generate=True: every verb is a cue candidate and the lexicon/complement filters become
        # flags (``Cand.extra``) for the learned cue classifier (``learned.py``) to weigh
        self.generate = generate
        self.lex = lexicon()
        self.cands: list[Cand] = []
        self.inherit: dict = {}

    # -- cue tokens
    def is_candidate(self, tok) -> bool:
        """A token to try as a verb cue: a lexicon verb, or (generate mode) any verb."""
        if self.generate:
            return (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")) or self.is_cue_verb(tok) \
                or (NOUN_CUES and self.noun_frame(tok) is not None)
        return self.is_cue_verb(tok)

    def is_cue_verb(self, tok) -> bool:
        """A verb (or a noun with a verb's fine-grained tag) whose lemma is in the cue lexicon."""
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            return False
        lemma = tok.lemma_.lower()
        if lemma not in self.lex["verbs"]:
            return False
        return True

    # -- layout rules
    def layout(self):
        """Add the paragraphs laid out as "Name: text" or "“quote” ― Name" (:mod:`.layouts`)."""
        self.cands.extend(layout_candidates(self.text, self.paras))

    # -- quotation handling (:mod:`.quotations`)
    def widen(self, c: Cand) -> None:
        """The content cut to the cue's paragraph and widened to the quotations it touches."""
        quotations.widen(self, c)

    def add_following_quote(self, c: Cand, cue_starts: list[int]) -> None:
        """"“A,” he said, “B.”" and "“A,” he said. “B.”": add the next quotation as a piece."""
        quotations.add_following_quote(self, c, cue_starts)

    def _sent_end(self, pos: int) -> int:
        return quotations.sent_end(self.doc, pos)

    def strip_dateline(self, c: Cand) -> None:
        """A dateline ("WASHINGTON (AP) — ") cut from the start of the content."""
        quotations.strip_dateline(self.text, c)

    # -- run
    def cue_at(self, tok) -> Optional[Cand]:
        """The candidate cued by ``tok``: an "according to", a sentence-opening "For X", an "as X
        put it", a noun cue or a verb cue; None when it cues nothing."""
        if tok.lower_ == "according":
            return self.according(tok)
        if tok.lower_ == "for":
            return self.for_frame(tok)
        if tok.lemma_ == "put" and (frame := self.as_put_it(tok)) is not None:
            return frame
        if self.is_candidate(tok):
            if tok.pos_ == "NOUN" and not self.is_cue_verb(tok):
                return self.noun_claim(tok)
            lead_in = self.lead_in_claim(tok)
            return lead_in or self.inverted_claim(tok, self.fronted_name_claim(tok, self.verb_claim(tok)))
        return None

    def candidates(self) -> list[Cand]:
        """All candidates after quote handling, before the univocal clean-up."""
        for tok in self.doc:
            c = self.cue_at(tok)
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
            cands = keep_scored(cands, scorer(self, cands), scorer.threshold)
        kept = self.cleanup(self.follow_quotes(cands))
        if boundary is not None:
            boundary.apply(self, kept)
        if edges is not None:
            edges.apply(self, kept)
        return self.with_tagger(kept), held

    def with_tagger(self, kept: list[Cand]) -> list[Cand]:
        """With the article-wide tagger: sources for the kept claims that have none, and the
        tagger's own claims where no rule fired, in cue order (as the switches above allow)."""
        if self.tag is not None and TAGGER_SOURCES:
            self.tagger_sources(kept)
        if self.tag is not None and TAGGER_CLAIMS:
            kept = sorted(kept + self.tagger_claims(kept), key=lambda c: c.cue[0])
        return kept

    # -- univocal clean-up (:mod:`.univocal`)
    wraps_a_speaker = staticmethod(wraps_a_speaker)
    records_a_speaker = staticmethod(records_a_speaker)

    def cleanup(self, cands: list[Cand]) -> list[Cand]:
        """Univocal clean-up: largest content first; drop a claim whose cue lies inside a kept
        content or whose content equals a kept one."""
        return univocal(cands, self.product)


def keep_scored(cands: list[Cand], probs, threshold: float) -> list[Cand]:
    """The candidates the learned filter keeps: a probability at or over ``threshold``, or None
    (a rule-only candidate, kept with probability 1); each kept one records it as ``extra["p"]``."""
    kept = []
    for c, p in zip(cands, probs):
        if p is None or p >= threshold:
            c.extra["p"] = 1.0 if p is None else p
            kept.append(c)
    return kept
