"""Abstention (issue 12, h-claims31): a risky reading of who speaks is left unresolved rather than
guessed. All sentences are made up."""
from __future__ import annotations

from newsledger.analyze.speakers.abstain import abstain
from newsledger.model import Claim, Content, Cue, Source


def _claim(text: str, source: str, cue: str, content: str, via: str) -> Claim:
    def at(words):
        i = text.index(words)
        return i, i + len(words)

    s, c, k = at(source), at(cue), at(content)
    return Claim(source=Source(text=source, start=s[0], end=s[1], name=source, confidence=0.6),
                 cue=Cue(text=cue, start=c[0], end=c[1]), content=Content(text=content, start=k[0], end=k[1], pieces=[k]),
                 kind="indirect", signals={"rule": "verb", "src_via": via})


NESTED = "Nora Vance said that, as she saw it, the drainage firms offer pumps that can empty a marsh."


def test_a_phrase_inside_another_claims_words_is_unresolved():
    outer = _claim(NESTED, "Nora Vance", "said", "as she saw it, the drainage firms offer pumps that can empty a marsh",
                   "person")
    inner = _claim(NESTED, "the drainage firms", "offer", "pumps that can empty a marsh", "phrase")
    abstain([outer, inner])
    assert inner.source.name is None and inner.signals["abstained"]
    assert outer.source.name == "Nora Vance"  # the account's own speaker stays


def test_a_person_inside_another_claims_words_keeps_the_name():
    text = "Nora Vance said that Tom Reese told her the pumps were broken."
    outer = _claim(text, "Nora Vance", "said", "Tom Reese told her the pumps were broken", "person")
    inner = _claim(text, "Tom Reese", "told", "the pumps were broken", "person")
    abstain([outer, inner])
    assert inner.source.name == "Tom Reese"
