"""The article's text and parse as the extractor reads them: its paragraphs and quotations, and
where a position's paragraph or a token's sentence begins and ends. The base of
:class:`newsledger.analyze.attribution.extractor.Extractor`."""
from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from typing import Optional

from newsledger.analyze.attribution.base import paragraph_bounds, quote_spans, quoted_mask
from newsledger.analyze.doc_arrays import sentence_of, texts_where


class ArticleText:
    """One parsed article: ``doc`` (its spaCy Doc) and ``text`` (same offsets), its paragraphs
    (``paras``), quotations (``quotes``) and the quoted characters (``qmask``)."""

    def __init__(self, doc, text: str):
        self.doc = doc
        self.text = text
        self.paras = paragraph_bounds(text)
        self.quotes = quote_spans(text)
        self.qmask = quoted_mask(text)
        self._bounds: dict[int, tuple[int, int]] = {}  # token index -> its sentence's (start, end), see sent

    def para_of(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding character ``pos``; the whole text when none does."""
        k = self.para_index(pos)
        return self.paras[k] if k is not None else (0, len(self.text))

    def para_index(self, pos: int) -> Optional[int]:
        """The index in :attr:`paras` of the paragraph holding character ``pos``; None when none does."""
        return next((k for k, (s, e) in enumerate(self.paras) if s <= pos < e), None)

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
        """The token range of ``tok``'s sentence, cut at paragraph breaks (the nearest tokens holding
        a newline before and after ``tok`` inside the sentence)."""
        start, end = self._sent_bounds(tok)
        return self.doc[start:end]

    def _sent_bounds(self, tok) -> tuple[int, int]:
        """(start, end) token indices of :meth:`sent`, found once per token: the claim edge ranker
        asks for the same tokens' sentences many times, and a scan token by token built a spaCy
        Token per step. The breaks are looked up by bisection in :attr:`_breaks`, and the parse's sentence
        in the sentence starts (:func:`~newsledger.analyze.doc_arrays.sentence_of`, not ``Token.sent``, which
        walked the sentence on every call); the Doc is never changed after the parse, so neither can go stale."""
        bounds = self._bounds.get(tok.i)
        if bounds is None:
            (s_start, s_end), breaks = sentence_of(self.doc, tok.i), self._breaks
            k = bisect_left(breaks, tok.i)  # the last break before tok, if inside the sentence
            start = breaks[k - 1] + 1 if k and breaks[k - 1] >= s_start else s_start
            k = bisect_right(breaks, tok.i)  # the first break after tok, if inside the sentence
            end = breaks[k] if k < len(breaks) and breaks[k] < s_end else s_end
            bounds = self._bounds[tok.i] = (start, end)
        return bounds

    @functools.cached_property
    def _breaks(self) -> list[int]:
        """The indices of the tokens holding a newline (paragraph breaks), in order (each distinct token
        text read once, :func:`~newsledger.analyze.doc_arrays.texts_where`, not every token's through a Token)."""
        return texts_where(self.doc, "newline", _has_newline).nonzero()[0].tolist()


def _has_newline(text: str) -> bool:
    """Whether a token's text holds a newline (a paragraph break)."""
    return "\n" in text
