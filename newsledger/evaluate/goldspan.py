"""Locating hand-written span strings in a text, for gold files kept as offsets.

Our own gold (real-news claims, ECB+ figure groups) is written by reading a text and copying the
words of each span; the repo keeps only offsets. :func:`locate` turns a span string into offsets
near an *anchor* (a substring that occurs once in the text): whole words only, an occurrence
inside the anchor first, else the one nearest the anchor.
"""
from __future__ import annotations

import re


# spaces a page may hold where an annotator types a plain one (one character each, so offsets hold)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})


def occurrences(text: str, s: str, whole_words: bool = True) -> list[int]:
    """Start offsets of ``s`` in ``text``; with ``whole_words`` an occurrence may not start or
    end inside a word ("he" is not found in "the"). A no-break or thin space in either counts as a
    plain space (the text's offsets are unchanged: each is one character)."""
    text, s = text.translate(_SPACES), s.translate(_SPACES)
    out, i = [], text.find(s)
    while i >= 0:
        if not whole_words or _bounded(text, i, i + len(s), s):
            out.append(i)
        i = text.find(s, i + 1)
    return out


def _bounded(text: str, start: int, end: int, s: str) -> bool:
    left_ok = not (s[:1].isalnum() and start > 0 and text[start - 1].isalnum())
    right_ok = not (s[-1:].isalnum() and end < len(text) and text[end].isalnum())
    return left_ok and right_ok


def anchor_at(text: str, anchor: str, what: str) -> tuple[int, int]:
    hits = occurrences(text, anchor, whole_words=False)
    if len(hits) != 1:
        raise ValueError(f"{what}: anchor {anchor[:60]!r} occurs {len(hits)} times (need once)")
    return hits[0], hits[0] + len(anchor)


def locate(text: str, s: str, anchor: tuple[int, int], what: str) -> list[int]:
    """``[start, end]`` of ``s``: an occurrence inside the anchor span if there is one, else the
    occurrence nearest to it (whole words only)."""
    hits = occurrences(text, s) or occurrences(text, s, whole_words=False)
    if not hits:
        raise ValueError(f"{what} {s[:60]!r} not found in the text")
    a, b = anchor
    inside = [i for i in hits if a <= i and i + len(s) <= b]
    if inside:
        return [inside[0], inside[0] + len(s)]
    best = min(hits, key=lambda i: max(a - (i + len(s)), i - b, 0))
    return [best, best + len(s)]


WS = re.compile(r"\s+")
