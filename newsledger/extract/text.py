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
from newsledger.extract.header import Header, read_header, title_text, unconfirmed_names
from newsledger.extract.lines import classify_lines
from newsledger.model import Article, Document, Flag, Removed

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_URL_LINE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def split_lines(text: str) -> list[str]:
    """Lines of the page, whitespace-trimmed on the right, blank lines kept (they mark blocks)."""
    text = _CTRL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n"))
    return [ln.rstrip() for ln in text.split("\n")]


_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*\*+|(?<![\w*])_+(?=\S)|(?<=\S)_+(?![\w*])|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([-.*_#+!\[\]()`>|])")
MARKDOWN_MIN = 3  # heading or bold marks on this many lines: the page was flattened to markdown


def is_markdown(lines: list[str]) -> bool:
    """The text is markdown (html2text and the like): several "# heading" or "**bold**" lines."""
    marks = sum(1 for ln in lines if _MD_HEADING.match(ln) or "**" in ln)
    return marks >= MARKDOWN_MIN


def unmarkdown(line: str) -> str:
    """A markdown line as plain text: emphasis marks and backslash escapes removed; a leading
    "# " is kept (the header reader takes it as the headline's mark). Bullets stay bullets."""
    bullet = re.match(r"^(\s*[*+-]\s+)", line)
    head, rest = (bullet.group(1), line[bullet.end():]) if bullet else ("", line)
    return head + _MD_ESCAPE.sub(r"\1", _MD_EMPHASIS.sub("", rest))


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
    markdown = is_markdown(lines)
    if markdown:
        lines = [unmarkdown(ln) for ln in lines]
    reasons = classify_lines(lines)
    url = doc.url
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and _URL_LINE.match(lines[first].strip()):
        url = url or lines[first].strip()  # a saved page that starts with its address
        reasons[first] = "source-url"
    art = Article(source=doc.source, url=url, site=site_of(url))
    language = M.guess_language("\n".join(ln for ln, r in zip(lines, reasons) if r is None and ln.strip()))
    head = read_header(lines, reasons, language, markdown)
    _apply_header(art, lines, reasons, head)
    kept: list[str] = []
    decks = set(head.deck_lines)  # the standfirst: the article's own words, neither body nor junk
    deck: list[str] = []
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        s = line.strip()
        if not s:
            continue
        if i in decks:
            deck.append(_MD_HEADING.sub("", s) if markdown else s)
        elif reason is None:
            kept.append(_MD_HEADING.sub("", s) if markdown else s)
        else:
            art.removed.append(Removed(s, reason))
    art.standfirst = " ".join(deck) or None
    if not kept:
        raise ExtractError("no article text found")
    art.set_paragraphs(kept)
    M.fill_article(art, lines, reasons)
    if head.date_guess:  # the header withheld a day of guessed order: the fallback reader must not guess it
        art.published = None
    if not head.names:  # names from byline lines the header did not take: not those its rules reject
        rejected = unconfirmed_names([ln for ln, r in zip(lines, reasons) if r == "byline"])
        art.byline = [n for n in art.byline if n not in rejected]
    return art


def _apply_header(art: Article, lines: list[str], reasons: list[Optional[str]], head: Header) -> None:
    """Relabel the header's lines (headline "title", name lines "byline", date lines "metadata")
    and set title, byline and dates on ``art``; a day/month order the page did not decide gives
    no day, and a ``date-order-guessed`` flag with the month-first reading."""
    if head.title is not None:
        for i, r in enumerate(reasons):
            if r == "title" and i != head.title:
                reasons[i] = "navigation"
        reasons[head.title] = "title"
        art.title = title_text(head.title, lines, reasons)
    for i in head.name_lines:
        if i != head.title:
            reasons[i] = "byline"
    for i in head.date_lines:
        if i != head.title and reasons[i] in (None, "metadata", "navigation") and len(lines[i].split()) <= 12:
            reasons[i] = "dateline" if M.two_line_dateline(lines[i]) else "metadata"
    start = head.title + 1 if head.title is not None else 0
    for i in range(start, min(len(lines), start + 12)):
        if reasons[i] != "title" and M.two_line_dateline(lines[i]):  # "Port Lindell, March 12 (Reuters)"
            reasons[i] = "dateline"
            break
    art.byline = list(head.names)
    art.published, art.updated = head.published, head.updated
    if head.date_note:
        art.flags.append(Flag("date-order-guessed", head.date_note,
                              {"published": head.published, "read month-first": head.date_guess}))
