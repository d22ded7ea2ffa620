"""Claims whose quotation the parse did not hang on the cue: a quotation in the paragraph after a
cue's colon ("Mayor Holt said:¶“...”") and a fronted quotation before a cue whose parse took it
for the subject or left it out ("“Terrific guy,” his neighbour, Ann Reid, said in the story").
A mixin of :class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's
``doc``, ``quotes``, ``para_of`` and the verb steps of :class:`VerbClaims`)."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import SPEECH_VERBS, SUBJ, Cand, _np_span

# verbs that may stand between the quotation and its cue: the cue's auxiliaries, and clauses on
# its subject ("“...,” Ann Reid, who founded the firm, told us")
_IN_THE_SUBJECT = ("aux", "auxpass", "neg", "relcl", "acl", "amod")


class QuoteClaims:
    def paragraph_quote_claim(self, tok) -> Optional[Cand]:
        """"Mayor Holt said:¶“We will ...”": a cue verb whose colon ends its paragraph says the next
        paragraph, when that is one whole quotation (:meth:`quotation_after_colon`)."""
        span = self.quotation_after_colon(tok) if self.is_cue_verb(tok) else None
        words = self.doc.char_span(*span, alignment_mode="contract") if span else None
        if not words:
            return None
        lemma = tok.lemma_.lower()
        src_tok, source, _ = self._verb_source(tok, lemma, [], {t.i for t in words})
        return Cand(cue=self._cue_span(tok, set()), cue_i=tok.i, source=source, content=[span], lemma=lemma,
                    extra={"path": "colon", "flags": [], "src_i": src_tok.i if src_tok is not None else -1,
                           "n_tok": len(words), "first": words[0].i, "last": words[-1].i, "para": span[0]})

    def fronted_quote_claim(self, tok, c: Optional[Cand]) -> Optional[Cand]:
        """"“Terrific guy,” his neighbour, Ann Reid, said in the story" and "“A. B,” the minister
        told the Times": a speech verb whose sentence opens with a quotation closed by a comma (or
        "?"/"!"), with only its subject between, says that quotation, where the parse gave the verb
        other content (the addressee) or none; the subject the parse found inside the quotation
        yields to its apposition after it."""
        span = self._fronted_quote(tok) if tok.lemma_.lower() in SPEECH_VERBS else None
        if span is None or (c is not None and any(s < span[1] and e > span[0] for s, e in c.content)):
            return c
        src = self._subject_after(tok, span[1])
        words = self.doc.char_span(*span, alignment_mode="contract")
        if src is None or not words:
            return c
        source = self.clip_to_paragraph(_np_span(src, {t.i for t in words} | {tok.i}), tok.idx)
        return Cand(cue=self._cue_span(tok, set()), cue_i=tok.i, source=source, content=[span],
                    lemma=tok.lemma_.lower(), extra={"path": "comp-ccomp-pre", "flags": [], "src_i": src.i,
                                                     "n_tok": len(words), "first": words[0].i, "last": words[-1].i})

    def _fronted_quote(self, tok) -> Optional[tuple[int, int]]:
        """The quotation that opens ``tok``'s sentence in its paragraph, closed by ",”" / "?”" /
        "!”", with no verb of its own and no sentence end between it and ``tok``."""
        ps, _ = self.para_of(tok.idx)
        before = [(qs, qe) for qs, qe in self.quotes if ps <= qs and qe <= tok.idx]
        if not before:
            return None
        qs, qe = before[-1]
        lead = self.text[ps:qs].rstrip()
        if not re.search(r"[,?!]\W?$", self.text[qs:qe].rstrip()) or (lead and lead[-1] not in ".!?:”\""):
            return None
        between = self.doc.char_span(qe, tok.idx, alignment_mode="expand")
        if between is None or any(t.text in (".", "!", "?", ":", ";") or (
                t.pos_ in ("VERB", "AUX") and t.dep_ not in _IN_THE_SUBJECT) for t in between):
            return None  # a sentence end ("Hon." is one token) or a verb of its own between
        return qs, qe

    def _subject_after(self, tok, after: int):
        """``tok``'s (first) subject after ``after``; else the apposition there of the one before."""
        subjects = [ch for ch in tok.children if ch.dep_ in SUBJ]
        subj = next((ch for ch in subjects if ch.idx >= after), subjects[0] if subjects else None)
        while subj is not None and subj.idx < after:
            subj = next((ch for ch in subj.children if ch.dep_ == "appos" and ch.idx >= after), None) or next(
                (ch for ch in subj.children if ch.dep_ == "appos"), None)
        return subj
