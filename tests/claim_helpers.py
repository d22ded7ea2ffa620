"""Helpers for tests of the claims that ``find_claims`` makes of made-up sentences."""
from __future__ import annotations


def claim_about(nlp, text: str, words: str):
    """The first claim ``find_claims`` makes of ``text`` whose content holds ``words``; fails
    listing every claim's cue, source and content when none does."""
    from newsledger.analyze.attribution import find_claims

    claims = find_claims(nlp(text), text)
    hit = [c for c in claims if words in c.content.text]
    assert hit, [(c.cue.text, c.source and c.source.text, c.content.text) for c in claims]
    return hit[0]
