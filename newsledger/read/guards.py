"""Cheap checks on raw bytes that refuse hostile pages before a parser sees them."""
from __future__ import annotations

import re

# elements that never nest (void) or whose end tag is optional: the parser closes them itself
_NO_DEPTH = frozenset(b"""area base br col embed hr img input keygen link meta param source track
wbr basefont bgsound frame isindex nextid spacer image p li dt dd option optgroup tr td th thead
tbody tfoot colgroup caption rb rt rtc rp html head body""".split())

_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})")


def nesting_depth(raw: bytes, stop_at: int | None = None) -> int:
    """The deepest element nesting in an HTML page, counted from its tags (an estimate that
    ignores void elements and those whose end tag may be left out); stops counting once
    ``stop_at`` is passed. Linear in the size of the page."""
    depth = deepest = 0
    for slash, name in _TAG.findall(raw):
        name = name.lower()
        if name in _NO_DEPTH:
            continue
        if slash:
            if depth:
                depth -= 1
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop_at is not None and deepest > stop_at:
                    return deepest
    return deepest


def too_deep(raw: bytes, limit: int) -> bool:
    """True when an HTML page nests elements more than ``limit`` levels deep. A page with
    fewer tags than that is answered without scanning."""
    if raw.count(b"<") <= limit:
        return False
    return nesting_depth(raw, stop_at=limit) > limit
