"""Extraction stage: a raw :class:`Document` becomes a clean :class:`Article`.

HTML goes through trafilatura/htmldate plus our own repairs (``html.py``); pages that are
already flattened to text go through our line/block classifier (``text.py``). Both share
the junk-line rules and metadata finders in ``lines.py`` and ``meta.py``.
"""
from __future__ import annotations

from newsledger.model import Article, Document


class ExtractError(Exception):
    """The document holds no article (empty, binary, not a page)."""


def extract(doc: Document) -> Article:
    """The single entry point of the stage: the article, with its per-article provenance
    flags (byline swapped, advertising inside, suspicious date) attached."""
    if doc.kind == "html":
        from newsledger.extract.html import extract_html

        article = extract_html(doc)
    else:
        from newsledger.extract.text import extract_text

        article = extract_text(doc)
    from newsledger.link.flags import article_flags  # light: the link package loads lazily

    article.flags = article_flags(article)  # the extractors set no flags of their own
    return article
