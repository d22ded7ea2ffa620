"""Stance rules (newsledger.analyze.stance) on made-up sentences: each test fails without its rule."""
from types import SimpleNamespace

from newsledger.analyze.stance import stance_of


def _claim(text: str, cue: str, content: str, negated: bool = False):
    """A claim over ``text``: the first ``cue`` and ``content`` occurrences as spans."""
    cs, ks = text.index(cue), text.index(content)
    return SimpleNamespace(cue=SimpleNamespace(text=cue, start=cs, end=cs + len(cue), negated=negated),
                           content=SimpleNamespace(text=content, start=ks, end=ks + len(content)))


def test_cue_window_stops_at_the_sentence_end():
    # the content comes before the cue; the next sentence's "pleaded" is no appeal of this one
    text = "The ferry board did not admit or deny wrongdoing, a spokeswoman said. Her deputy pleaded ignorance."
    claim = _claim(text, "said", "The ferry board did not admit or deny wrongdoing")
    assert stance_of(claim, None, text) == "asserts"
    # within the sentence the widened cue still reads "called on"
    text2 = "The mayor called on residents to boil their water."
    assert stance_of(_claim(text2, "called", "residents to boil their water"), None, text2) == "appeals"
