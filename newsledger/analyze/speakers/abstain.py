"""Abstention: after every source is resolved, the readings whose name is often wrong become
*unresolved* — no speaker is better than a wrong one (issue 12).

A common-noun phrase the resolution kept as its own speaker (``src_via`` "phrase": neither a
person, nor a named organisation, nor a pronoun or descriptor resolved to one) that lies inside
another claim's words ("Vance said that, as she saw it, the drainage firms offer pumps that ...")
is a thing named in someone's account, and the account is that someone's: the phrase is not named
as the speaker.

The claim keeps its source's words; ``source.name`` becomes None, ``resolved_from`` says what was
read and why it is not named, and ``signals["abstained"]`` the rule. Called once by
:func:`newsledger.analyze.speakers.resolve.resolve_speakers`, after the final names are set, so no
other claim's resolution changes.
"""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.speakers.words import CONF_AMBIGUOUS


def abstain(claims) -> None:
    """Null the name of every claim whose reading :func:`_doubt` finds risky, in place."""
    for c in claims:
        reason = _doubt(c, claims)
        if reason is not None:
            _unname(c, reason)


def _doubt(c, claims) -> Optional[str]:
    """Why the claim's speaker should not be named (None: nothing against it)."""
    if c.source is None or c.source.name is None or (c.signals or {}).get("src_via") != "phrase":
        return None
    if inside_other_words(c, claims):
        return "a phrase inside another claim's words"
    return None


def inside_other_words(c, claims) -> bool:
    """Whether the claim's source starts inside the content of another claim."""
    pos = c.source.start
    return any(o is not c and any(s <= pos < e for s, e in (o.content.pieces or [(o.content.start, o.content.end)]))
               for o in claims)


def _unname(c, reason: str) -> None:
    """Make the claim unresolved, keeping what was read."""
    read = c.source.name
    c.source.name = None
    c.source.anonymous = False
    c.source.confidence = round(min(c.source.confidence, CONF_AMBIGUOUS), 3)
    c.source.resolved_from = f"not named ({reason}): read as {read!r}"
    c.signals["src_via"] = "unresolved"
    c.signals["abstained"] = reason
