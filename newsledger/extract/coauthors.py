"""Co-authors the page's metadata leaves out, read from the by-line elements beside an author's.

Some pages give each author a by-line element of their own (``<div class="byline">`` per person,
side by side under the headline) while the JSON-LD or meta author names only one of them. When a
by-line element names only authors already found, its siblings of the same tag and class (at the
element itself or at one of its nearest ancestors) are the other authors' entries: each must be, or
hold, a by-line element of the page and be a short text that names people, or none of them is taken
(a container of the same class beside the by-line's, holding the headline, is no entry).
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from newsledger.model import normalise_text

ANCESTOR_LEVELS = 4  # how far up from the by-line element its author entry may start
ENTRY_CHARS = 80  # an author's entry is short: a longer sibling is a teaser or a bio

Split = Callable[[str], tuple[list[str], Optional[str]]]  # a by-line string -> (names, agency)


def _text(el) -> str:
    try:
        return " ".join(el.text_content().split())
    except (ValueError, AttributeError):
        return ""


def _same_kind(a, b) -> bool:
    return a.tag == b.tag and bool(a.get("class")) and (a.get("class") or "").split() == (b.get("class") or "").split()


def _holds_byline(el, bylines: set) -> bool:
    return el in bylines or any(d in bylines for d in el.iterdescendants())


def _entry_names(el, split: Split) -> Optional[list[str]]:
    """The names of one author entry, or None when it is no such entry (long, or naming no one)."""
    text = _text(el)
    if not text or len(text) > ENTRY_CHARS:
        return None
    return split(text)[0] or None


def _siblings_named(el, split: Split, bylines: set) -> list[str]:
    """The names in the entries beside ``el`` or beside its nearest ancestor that has siblings of its
    own kind; [] when one of those is no author entry or holds no by-line element of ``bylines``."""
    node = el
    for _ in range(ANCESTOR_LEVELS):
        parent = node.getparent()
        if parent is None:
            return []
        sibs = [s for s in parent if s is not node and _same_kind(s, node)]
        if sibs:
            found = [_entry_names(s, split) if _holds_byline(s, bylines) else None for s in sibs]
            return [] if any(f is None for f in found) else [n for f in found for n in f]
        node = parent
    return []


def _fuller_entry(candidates: list, keys: set[str], split: Split) -> list[str]:
    """The names of the first by-line element that names every author of ``keys`` and more (the
    same by-line written in full where the first form lost a name: "Jane Roe y John DoeHace 3 horas");
    [] when a name it adds is a lone word (a credential or a role: "Jane Roe, MA")."""
    return _fuller((_entry_names(el, split) or [] for el in candidates), keys)


def _fuller(named: Iterable[list[str]], keys: set[str]) -> list[str]:
    """The first of the ``named`` lists that holds every name of ``keys`` and more, unless a name it
    adds is a lone word; [] when none does."""
    for got in named:
        if {normalise_text(n) for n in got} > keys:
            added = [n for n in got if normalise_text(n) not in keys]
            return got if all(len(n.split()) >= 2 for n in added) else []
    return []


def coauthors_in_metadata(texts: list[str], names: list[str], split: Split) -> list[str]:
    """The co-authors a metadata author string adds to ``names`` when it names every one of them and
    more (``<meta name="author" content="Jane Roe, John Doe">`` where the JSON-LD author is Jane Roe
    alone); [] when none does or a name it adds is a lone word."""
    keys = {normalise_text(n) for n in names}
    fuller = _fuller((split(t)[0] for t in texts), keys) if keys else []
    return [n for n in fuller if normalise_text(n) not in keys]


def coauthors_beside(candidates: list, names: list[str], split: Split, bylines: set) -> list[str]:
    """Names beside the first by-line element (of ``candidates``, nearest the headline first) that
    names only authors of ``names``, or in a by-line element that names them all and more; those
    already in ``names`` left out. ``bylines``: the page's by-line elements."""
    keys = {normalise_text(n) for n in names}
    fuller = _fuller_entry(candidates, keys, split) if keys else []
    if fuller:
        return [n for n in fuller if normalise_text(n) not in keys]
    for el in candidates:
        got = _entry_names(el, split)
        if got and {normalise_text(n) for n in got} <= keys:
            return [n for n in _siblings_named(el, split, bylines) if normalise_text(n) not in keys]
    return []
