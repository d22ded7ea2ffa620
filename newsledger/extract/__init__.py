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
    """The single entry point of the stage."""
    if doc.kind == "html":
        from newsledger.extract.html import extract_html

        return extract_html(doc)
    from newsledger.extract.text import extract_text

    return extract_text(doc)
