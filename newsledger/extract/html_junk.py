"""Junk inside an HTML page that trafilatura left out silently (:func:`dropped_junk`), listed so
``removed`` says what was dropped and why.
"""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract.html_markup import utf8_bytes
from newsledger.model import Article, Removed


# cheap pre-filter: only lines with one of these words can earn a reported junk reason
_JUNK_HINT = re.compile(
    r"share|love|tweet|facebook|whatsapp|telegram|pinterest|linkedin|e-?mail|read (?:also|more)|"
    r"related|see also|more from|trending|most read|recommended|bonus|casino|spins|\bbet|odds|"
    r"deposit|jackpot|sponsored|advert|promo|has been|joined|get in touch|contact|@|reporter|"
    r"writer|comment|[%€$£]", re.I)
# pages that carry content-farm junk at all (plain substring scans of the lower-cased page)
_PAGE_JUNK = ("spread the love", "casino", "deposit bonus", "free spins", "read also",
              "get in touch", "has been a reporter", "has been a writer", "sponsored content")
_REPORTED = ("share-widget", "advertisement", "related-links", "author-bio", "comments")
# The scans run on the page's UTF-8 bytes lower-cased ASCII-only (4x cheaper than str.lower()),
# which finds exactly what ``k in html.lower()`` finds for these keys: lower-case ASCII, no "k"
# and none ending in "i" (the only non-ASCII characters whose lower case holds ASCII are
# U+212A KELVIN SIGN -> "k" and U+0130 -> "i" + U+0307). A key that breaks this is scanned
# the slow way.
_PAGE_JUNK_BYTES = tuple(k.encode("ascii") for k in _PAGE_JUNK
                         if k.isascii() and k == k.lower() and "k" not in k and not k.endswith("i"))
_PAGE_JUNK_SLOW = tuple(k for k in _PAGE_JUNK if k.encode("ascii", "replace") not in _PAGE_JUNK_BYTES)


def dropped_junk(html: str, art: Article, data: Optional[bytes] = None) -> list[Removed]:
    """Junk inside the page that trafilatura left out silently (share widgets, ads, "Read also"
    blocks, bios), so ``removed`` says what was dropped and why. Navigation menus and footers
    are left unlisted: every page has them. ``data``: ``html`` as UTF-8, when the caller has it."""
    low = (data if data is not None else utf8_bytes(html)).lower()
    if not any(k in low for k in _PAGE_JUNK_BYTES) and not (
            _PAGE_JUNK_SLOW and any(k in html.lower() for k in _PAGE_JUNK_SLOW)):
        return []  # the common case: nothing worth a second pass
    from newsledger.extract.flatten import flatten_html
    from newsledger.extract.lines import line_info, line_rule

    kept = set(art.paragraphs) | {r.text for r in art.removed}
    out: list[Removed] = []
    for line in flatten_html(html).splitlines():
        line = line.strip()
        if not line or line in kept or len(line) > 600 or not _JUNK_HINT.search(line):
            continue
        reason = line_rule(line_info(line))
        if reason in _REPORTED:
            kept.add(line)
            out.append(Removed(line, reason))
    return out
