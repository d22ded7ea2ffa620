"""The article's text and parse as the extractor reads them: its paragraphs and quotations, and
where a position's paragraph or a token's sentence begins and ends. The base of
:class:`newsledger.analyze.attribution.extractor.Extractor`."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import paragraph_bounds, quote_spans, quoted_mask


class ArticleText:
    """One parsed article: ``doc`` (its spaCy Doc) and ``text`` (same offsets), its paragraphs
    (``paras``), quotations (``quotes``) and the quoted characters (``qmask``)."""

    def __init__(self, doc, text: str):
        self.doc = doc
        self.text = text
        self.paras = paragraph_bounds(text)
        self.quotes = quote_spans(text)
        self.qmask = quoted_mask(text)

    def para_of(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding character ``pos``; the whole text when none does."""
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
