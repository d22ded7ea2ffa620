"""The univocal clean-up of the rule candidates: one claim per stretch of text. Module-level
steps of :meth:`newsledger.analyze.attribution.extractor.Extractor.cleanup`; they read only the
candidates."""
from __future__ import annotations

from newsledger.analyze.attribution.base import Cand


def wraps_a_speaker(c: Cand, cands: list[Cand]) -> bool:
    """"According to reports, the officer recalled: ...": an "according to" whose content holds
    another speaker with a cue of their own yields to that speaker (the nearer source)."""
    if c.rule != "according":
        return False
    inside = lambda pos: any(s <= pos < e for s, e in c.content)  # noqa: E731
    return any(o is not c and o.rule == "verb" and o.source is not None and inside(o.cue[0])
               and inside(o.source[0]) for o in cands)


def records_a_speaker(c: Cand, cands: list[Cand]) -> bool:
    """"..., he said according to a transcript": an "according to" on a speech verb whose own
    claim, with its speaker, is among ``cands`` names only the record of that claim."""
    verb = c.extra.get("verb_i", -1) if c.rule == "according" else -1
    return verb >= 0 and any(o is not c and o.rule == "verb" and o.cue_i == verb and o.source is not None
                             for o in cands)


def clashes(c: Cand, k: Cand) -> bool:
    """Whether ``c`` must give way to the kept (larger) claim ``k``: its cue lies inside ``k``'s
    content, ``k``'s cue lies inside its content (the content would have to be cut short), or
    both have the same content."""
    return (any(s <= c.cue[0] < e for s, e in k.content) or any(s <= k.cue[0] < e for s, e in c.content)
            or c.content == k.content)


def univocal(cands: list[Cand], product: bool) -> list[Cand]:
    """Largest content first, keep a claim that clashes with no kept one (:func:`clashes`); in
    the product an "according to" wrapping another speaker's claim goes first. In cue order."""
    if product:
        cands = [c for c in cands if not wraps_a_speaker(c, cands)]
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.size, c.cue[0])):
        if not any(clashes(c, k) for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.cue[0])
    return kept
