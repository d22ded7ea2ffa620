"""The stance of a claim (one of :data:`newsledger.model.STANCES`), from its cue and the start
of its content: "was unable to confirm" -> cannot-confirm, "declined to comment" ->
declines-comment, "accused" -> accuses, "urged"/"called on" -> appeals, "hope for" -> hopes,
"very worrying" -> concerned, "is expected to"/"will"/"predicts" -> expects, "denied" -> denies,
"claimed responsibility" -> claims-responsibility; anything else asserts."""
from __future__ import annotations

import re

from newsledger.model import STANCES

_RULES: list[tuple[str, str, str]] = [
    # (stance, where: cue|content|both, regex)
    ("declines-comment", "both",
     r"\b(declin\w*|refus\w*)\b(?: \w+){0,2} (to )?(comment|respond|discuss|elaborate|answer)|"
     r"\b(did not|didn't|has not|hasn't|have not|haven't|could not|couldn't)(?: \w+){0,2} "
     r"(respond|return|reply)\w*\b|\bno comment\b|\bnot (immediately )?available for comment"),
    ("cannot-confirm", "both",
     r"\b(unable|not able|could not|couldn't|cannot|can't|can not|did not|didn't|would not|wouldn't)"
     r"(?: \w+){0,2} (to )?(confirm|verify|corroborate)\w*"),
    ("claims-responsibility", "both", r"\b(claim\w*|took|take\w*|assum\w*) (full |the )?(responsibility|credit)\b"),
    ("denies", "cue", r"\b(den(y|ies|ied|ying)|reject\w*|refut\w*|disput\w*|dismiss\w*|rebut\w*)\b"),
    ("accuses", "cue", r"\b(accus\w*|blam\w*|alleg\w*|charg\w*)\b"),
    ("appeals", "cue", r"\b(urg\w*|call\w*(?: \w+){0,3} (on|upon|for)|demand\w*|appeal\w*|plead\w*|implor\w*|beg\w*|press\w* for)\b"),
    ("appeals", "content", r"^\W*(we |i )?(demand|urge|call on|call for|appeal)\b"),
    ("hopes", "cue", r"\bhop(e|es|ed|ing)\b"),
    ("hopes", "content", r"^\W*(\w+ ){0,2}hopes?\b"),
    ("concerned", "cue", r"\b(worr\w*|concern\w*|alarm\w*|fear\w*|troubl\w*)\b"),
    ("concerned", "content", r"\b(very|deeply|extremely|seriously|particularly|highly) (worrying|worried|concerning|"
                             r"concerned|alarming|troubling|disturbing)\b|\b(worrying|alarming|troubling)\W*$"),
    ("expects", "cue", r"\b(expect\w*|predict\w*|forecast\w*|anticipat\w*|project\w*|foresee\w*)\b"),
    ("expects", "content", r"\b(is|are|was|were|be) (widely |also )?expected to\b|\bwill\b|\bwon't\b|\bis set to\b|"
                           r"\bare set to\b|\bis likely to\b|\bare likely to\b"),
]
_COMPILED = [(s, w, re.compile(r, re.I)) for s, w, r in _RULES]
assert all(s in STANCES for s, _, _ in _RULES)


def stance_for(cue: str, content: str) -> str:
    """Stance from the cue text and the content text."""
    cue = " ".join(cue.split())
    head = " ".join(content.split()[:25])
    lead = cue + " " + " ".join(content.split()[:6])
    for stance, where, rx in _COMPILED:
        if where == "cue" and rx.search(cue):
            return stance
        if where == "both" and rx.search(lead):
            return stance
        if where == "content" and rx.search(head if stance != "concerned" else content):
            return stance
    return "asserts"


def stance_of(claim, doc=None, text: str = "") -> str:
    """Stance of a :class:`~newsledger.model.Claim`; the cue is widened to the words right after
    it ("called on", "declined to comment")."""
    cue = claim.cue.text
    if text:
        cue = text[max(0, claim.cue.start - 30):claim.cue.end + 25]
        # only the cue's own words, plus what follows it up to the content
        tail_end = claim.content.start if claim.content.start > claim.cue.end else claim.cue.end + 25
        cue = text[claim.cue.start:min(tail_end, claim.cue.end + 25)]
        lead = text[max(0, claim.cue.start - 25):claim.cue.start]
        cue = lead.split("\n")[-1] + cue if re.search(r"\b(unable|not|n't|declin\w*|refus\w*)\b\W*(\w+\W+){0,2}$", lead) else cue
    return stance_for(cue, claim.content.text)
