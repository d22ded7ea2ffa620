"""Quotation handling of a candidate's content: the paragraph's quotations it touches are taken
whole, a dateline opening it is cut, and a quotation that follows the cue's sentence ("“A,” he
said, “B.”") joins it. Module-level steps of
:class:`newsledger.analyze.attribution.extractor.Extractor`; they read the extractor's ``doc``,
``text``, ``quotes`` and ``para_of``."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import Cand, merge_ranges, subtree_indices

_DATELINE = re.compile(r"[A-Z][A-Z .,]{2,40}(?:\([^)]{1,20}\))?\s*[―—–-]{1,2}\s*")


def widen(ex, c: Cand) -> None:
    """Cut the content to the cue's paragraph and widen each piece to every quotation it touches,
    except the quotation that holds the cue or the start of the source."""
    ps, pe = ex.para_of(c.extra.get("para", c.cue[0]))  # a lead-in's words are the next paragraph
    out = []
    for s, e in c.content:
        s, e = max(s, ps), min(e, pe)
        if s >= e:
            continue
        for qs, qe in ex.quotes:
            if qs < e and qe > s and not (qs <= c.cue[0] < qe):
                if c.source and qs <= c.source[0] < qe:
                    continue
                s, e = min(s, qs), max(e, qe)
        out.append((s, e))
    c.content = merge_ranges(out, ex.text)


def strip_dateline(text: str, c: Cand) -> None:
    """Cut a dateline ("WASHINGTON (AP) — ") from the start of the content."""
    if not c.content:
        return
    s, e = c.content[0]
    m = _DATELINE.match(text[s:e])
    if m:
        c.content[0] = (s + m.end(), e)


def add_following_quote(ex, c: Cand, cue_starts: list[int]) -> None:
    """"“A,” he said, “B.”" and "“A,” he said. “B.”": add the next quotation as a piece."""
    nxt = next_quote(ex, c)
    if nxt is None:
        return
    after, (qs, qe), pe = nxt
    if gap_joins(ex, c, after, (qs, qe), pe, cue_starts):
        c.content = merge_ranges(c.content + [(qs, qe)], ex.text)
        c.extra["merged"] = True


def next_quote(ex, c: Cand) -> Optional[tuple[int, tuple[int, int], int]]:
    """(end of the claim so far, the paragraph's next quotation after it, paragraph end) for a
    claim whose content comes before its cue and ends in a quotation; None otherwise."""
    if not c.content:
        return None
    cstart = min(s for s, _ in c.content)
    cend = max(e for _, e in c.content)
    if cstart > c.cue[0]:
        return None  # content after the cue: nothing to add
    if not any(qs < cend and qe > cstart and qe >= cend - 2 for qs, qe in ex.quotes):
        return None  # the content must end in a quotation
    after = max(c.cue[1], c.source[1] if c.source else 0, cend)
    _, pe = ex.para_of(c.cue[0])
    nxt = [(qs, qe) for qs, qe in ex.quotes if after <= qs < pe]
    return (after, nxt[0], pe) if nxt else None


def gap_joins(ex, c: Cand, after: int, quote: tuple[int, int], pe: int, cue_starts: list[int]) -> bool:
    """Whether the text between the claim and the next quotation lets the quotation join it: only
    punctuation; a short stretch of the cue's own clause ("he said in a statement"); or a
    sentence end, when the quotation's sentence has no cue of its own."""
    qs, qe = quote
    gap = ex.text[after:qs]
    if re.fullmatch(r"[\s,;:—–―-]*", gap):
        return True
    if len(gap) <= 50 and not re.search(r"[.!?]", gap) and c.cue_i >= 0:
        return gap_in_cue_clause(ex.doc, c.cue_i, after, qs)
    if re.fullmatch(r"\s*[.!?]\s*", gap) or re.fullmatch(r"[^\w]*", gap):
        # the next sentence opens with a quotation: it must have no cue of its own
        end = min(sent_end(ex.doc, qe), pe)
        return not any(qs <= x < end for x in cue_starts if x != c.cue[0])
    return False


def gap_in_cue_clause(doc, cue_i: int, start: int, end: int) -> bool:
    """Whether the characters ``start:end`` are punctuation, space or words of the cue's subtree,
    with no verb of their own."""
    span = doc.char_span(start, end, alignment_mode="contract")
    sub = subtree_indices(doc[cue_i])
    return span is not None and all((t.is_punct or t.is_space or t.i in sub) and t.pos_ not in ("VERB", "AUX")
                                    for t in span)


def sent_end(doc, pos: int) -> int:
    """The end of the sentence holding the character before ``pos`` (``pos`` itself when none)."""
    span = doc.char_span(max(pos - 1, 0), pos, alignment_mode="expand")
    if span is None or not len(span):
        return pos
    return span[0].sent.end_char
