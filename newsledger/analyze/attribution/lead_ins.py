"""Claims whose words stand in the paragraph after their cue: a cue verb whose colon ends its
paragraph ("Mayor Holt said:¶“We will ...”", "The governor added:¶It's typical of them ...").
A mixin of :class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's
``doc``, ``text``, ``paras``, ``para_index``, ``qmask``, ``is_cue_verb`` and the verb steps of
:class:`~newsledger.analyze.attribution.verbs.VerbClaims`)."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import Cand, subtree_indices, quote_paragraph
from newsledger.analyze.attribution.verbs import cue_span

# what a bare lead-in paragraph ("The governor then added:") may hold beside the verb's subject
_LEAD_IN_DEPS = ("aux", "auxpass", "neg", "advmod", "prt", "punct")
# "[Name] has issued the following statement:": verbs that put out a statement named by their object, which
# the cue lexicon does not hold (their words are the quotation that follows, never the object itself)
_ISSUE_VERBS = {"issue", "release", "publish", "post", "share", "send", "give", "put"}
_STATEMENT_NOUNS = {"statement", "message", "response", "comment", "comments", "note", "tweet", "post", "reply"}


class LeadInClaims:
    def lead_in_claim(self, tok) -> Optional[Cand]:
        """A cue verb whose colon ends its paragraph says the next paragraph, when that paragraph is
        one whole quotation, or when the cue's paragraph is a bare lead-in (only the speaker, the
        verb and the colon: "Caddell continued:", "The governor added:") (:meth:`paragraph_after_colon`).
        A verb that puts out a statement ("has issued the following statement:", :func:`_issues_a_statement`)
        is such a cue too."""
        says = self.is_cue_verb(tok) or _issues_a_statement(tok)
        span = self.paragraph_after_colon(tok) if says else None
        words = self.doc.char_span(*span, alignment_mode="contract") if span else None
        if not words:
            return None
        lemma = tok.lemma_.lower()
        src_tok, source, _ = self._verb_source(tok, lemma, [], {t.i for t in words})
        return Cand(cue=cue_span(self.doc, tok, set()), cue_i=tok.i, source=source, content=[span], lemma=lemma,
                    extra={"path": "colon", "flags": [], "src_i": src_tok.i if src_tok is not None else -1,
                           "n_tok": len(words), "first": words[0].i, "last": words[-1].i, "para": span[0]})

    def paragraph_after_colon(self, tok) -> Optional[tuple[int, int]]:
        """The (start, end) of the paragraph after ``tok``'s, when a colon right after the verb ends
        ``tok``'s paragraph and the next one is a whole quotation or ``tok``'s is a bare lead-in."""
        colon = self._colon_ending_paragraph(tok)
        if colon is None:
            return None
        k = self.para_index(self.doc[colon].idx)
        if k is None or k + 1 >= len(self.paras):
            return None
        ns, ne = self.paras[k + 1]
        if quote_paragraph(self.text, ns, ne, self.qmask) or self._bare_lead_in(tok, self.paras[k]):
            return ns, ne
        return None

    def _colon_ending_paragraph(self, tok) -> Optional[int]:
        """The index of a colon within a few tokens after the verb (its own phrase between, no other
        verb but a modifier: "the following statement") that is the last thing in its paragraph."""
        sub = subtree_indices(tok)
        for j in range(tok.i + 1, min(len(self.doc), tok.i + 8)):
            t = self.doc[j]
            if t.text == ":":
                rest = self.text[t.idx + 1:self.para_of(t.idx)[1]]
                return j if not rest.strip() else None
            if t.i not in sub or (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or t.is_space:
                return None
        return None

    def _bare_lead_in(self, tok, para: tuple[int, int]) -> bool:
        """Whether ``tok``'s paragraph holds only the verb, its subject and its auxiliaries, adverbs
        and punctuation ("Caddell continued:", "The governor then added:")."""
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if len(subj) != 1:
            return False
        allowed = subtree_indices(subj[0]) | {tok.i} | {c.i for c in tok.children if c.dep_ in _LEAD_IN_DEPS}
        span = self.doc.char_span(para[0], para[1], alignment_mode="expand")
        return span is not None and all(t.i in allowed or t.is_space for t in span)


def _issues_a_statement(tok) -> bool:
    """Whether ``tok`` is a verb that puts out a statement named by its direct object ("issued the
    following statement", "released this message"): the quotation after its colon is what was said."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _ISSUE_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in tok.children)
