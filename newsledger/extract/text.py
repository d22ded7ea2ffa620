"""Extraction from pages already flattened to text (no markup left to lean on).

The text is split into lines, :func:`newsledger.extract.lines.classify_lines` marks each one
body or junk (with the reason), :mod:`newsledger.extract.meta` reads title, byline, agency,
dateline, section, dates and caption from the lines, and every dropped line is kept in
``Article.removed`` with its reason.
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

from newsledger.extract import ExtractError
from newsledger.extract import meta as M
from newsledger.extract.lines import classify_lines
from newsledger.model import Article, Document, Removed

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_URL_LINE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def split_lines(text: str) -> list[str]:
    """Lines of the page, whitespace-trimmed on the right, blank lines kept (they mark blocks)."""
    text = _CTRL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n"))
    return [ln.rstrip() for ln in text.split("\n")]


def site_of(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def extract_text(doc: Document) -> Article:
    text = doc.decoded()
    if not text or not text.strip():
        raise ExtractError("no article text found")
    lines = split_lines(text)
    reasons = classify_lines(lines)
    url = doc.url
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and _URL_LINE.match(lines[first].strip()):
        url = url or lines[first].strip()  # a saved page that starts with its address
        reasons[first] = "source-url"
    art = Article(source=doc.source, url=url, site=site_of(url))
    kept: list[str] = []
    for line, reason in zip(lines, reasons):
        s = line.strip()
        if not s:
            continue
        if reason is None:
            kept.append(s)
        else:
            art.removed.append(Removed(s, reason))
    if not kept:
        raise ExtractError("no article text found")
    art.set_paragraphs(kept)
    M.fill_article(art, lines, reasons)
    return art
