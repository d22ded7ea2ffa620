"""Shortcuts of the analysis that must give what the plain reads they replace gave, each checked against
that read on our own sentences (surname spots against the regex they replace)."""
import re


def test_surname_spots_match_the_regex():
    from newsledger.analyze.speakers.spans import _whole_word_spots

    text = "Brenlund met Marrow-Brenlund, Brenlund_x, Brenlunds and Brenlund. Li Li Li; Brenlund"
    for words in ("Brenlund", "Li Li", "Li", "Marrow-Brenlund", "x", ""):
        pattern = r"(?<![\w-])" + re.escape(words) + r"(?![\w-])"
        assert _whole_word_spots(text, words) == [m.start() for m in re.finditer(pattern, text)]
    assert _whole_word_spots(text, "Li Li") == [text.index("Li Li")]  # no overlapping second match
