"""Claims read off a paragraph's layout rather than its parse: "Name: text" (a speaker label, as in
a transcript) and "“quote” ― Name" (a quotation signed under a dash). Module-level steps of
:meth:`newsledger.analyze.attribution.extractor.Extractor.layout`."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import Cand

_COLON = re.compile(r"^\s*([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(\S.*)$")
_DASH = re.compile(r"^\s*([“\"].+[”\"])\s*[―—–]+\s*(\S.{0,80})$")
# words that open a "Label: text" paragraph without naming a speaker
_NOT_SPEAKERS = ("The", "A", "An", "In", "On", "Read", "Watch", "Related", "Note", "Update", "Editor's", "UPDATE",
                 "Photo", "Source")


def layout_candidates(text: str, paras: list[tuple[int, int]]) -> list[Cand]:
    """One candidate per paragraph laid out as "Name: text" or, failing that, as
    "“quote” ― Name"; paragraphs in neither layout give none."""
    out = []
    for ps, pe in paras:
        c = colon_layout(text, ps, pe) or dash_layout(text, ps, pe)
        if c is not None:
            out.append(c)
    return out


def colon_layout(text: str, ps: int, pe: int) -> Optional[Cand]:
    """"Name: text": a label of at most three capitalised words, not a heading word ("Read:",
    "Update:"), is the source of the rest of the paragraph; the colon is the cue."""
    m = _COLON.match(text[ps:pe])
    if not (m and len(m.group(1).split()) <= 3 and m.group(1).split()[0] not in _NOT_SPEAKERS):
        return None
    s1, e1 = ps + m.start(1), ps + m.end(1)
    return Cand(cue=(e1, e1 + 1), cue_i=-1, source=(s1, e1), content=[(ps + m.start(2), pe)],
                rule="layout-colon", lemma=":")


def dash_layout(text: str, ps: int, pe: int) -> Optional[Cand]:
    """"“quote” ― Name": a paragraph-long quotation followed by a dash and a short signature; the
    signature is the source, the dash (a horizontal bar first, else the last em/en dash) the cue."""
    m = _DASH.match(text[ps:pe])
    if not m:
        return None
    s1, e1 = ps + m.start(1), ps + m.end(1)
    s2, e2 = ps + m.start(2), ps + m.end(2)
    dash = text.rfind("―", e1, s2)
    if dash < 0:
        dash = max(text.rfind("—", e1, s2), text.rfind("–", e1, s2))
    return Cand(cue=(dash, dash + 1), cue_i=-1, source=(s2, e2), content=[(s1, e1)], rule="layout-dash", lemma="―")
