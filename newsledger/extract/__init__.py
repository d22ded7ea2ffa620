"""Extraction stage: a raw :class:`Document` becomes a clean :class:`Article`.

HTML goes through trafilatura/htmldate plus our own repairs (``html.py``); pages that are
already flattened to text go through our line/block classifier (``text.py``). Both share
the junk-line rules and metadata finders in ``lines.py`` and ``meta.py``.
"""
from __future__ import annotations

from typing import Optional

from newsledger.model import Article, Document, Flag, settle_stamps


class ExtractError(Exception):
    """The document holds no article (empty, binary, not a page)."""


def extract(doc: Document) -> Article:
    """The single entry point of the stage: the article, with its per-article provenance
    flags (byline swapped, advertising inside, suspicious date) attached; ``published`` and
    ``updated`` hold dates only (a clock time given with no day is in ``published_time``)."""
    if doc.kind == "html":
        from newsledger.extract.html import extract_html

        article = extract_html(doc)
    else:
        from newsledger.extract.text import extract_text

        article = extract_text(doc)
    from newsledger.extract.byline import tidy_names
    from newsledger.flags import article_flags

    article.byline = tidy_names(article.byline, article.site or article.url)
    # a bare clock time ("Published at 10:09") is kept apart from the dates
    article.published, article.updated, article.published_time, article.updated_time = \
        settle_stamps(article.published, article.updated)

    article.flags = list(article.flags) + article_flags(article)  # extractors' own flags first
    mismatch = _charset_flag(doc)
    if mismatch:
        article.flags.insert(0, mismatch)
    return article


def _charset_flag(doc: Document) -> Optional[Flag]:
    """A ``charset-mismatch`` flag when the page declares one charset and is encoded in another
    (it was decoded by the actual one)."""
    if doc.encoding:
        return None
    from newsledger.read.charset import charset_mismatch

    wrong = charset_mismatch(doc.raw)
    if not wrong:
        return None
    return Flag("charset-mismatch", f"declares {wrong[0]} but is encoded in {wrong[1]}; decoded as {wrong[1]}",
                {"declared": wrong[0], "actual": wrong[1]})
