"""Locating annotators' span strings in a text (newsledger.evaluate.goldspan), with made-up text."""
import pytest

from newsledger.evaluate.goldspan import anchor_at, locate, occurrences


def test_a_span_typed_with_plain_spaces_is_found_where_the_page_has_no_break_spaces():
    text = "The mayor said on Monday that the 12\u00a0km road would close.\u202fShe added nothing."
    assert occurrences(text, "12 km road") == [text.index("12\u00a0km")]
    anchor = anchor_at(text, "the 12 km road would close", "claim 1")
    start, end = locate(text, "12 km road", anchor, "content")
    assert text[start:end] == "12\u00a0km road"  # the page's own characters, offsets unchanged
    assert locate(text, "close. She added", (0, len(text)), "content")[0] == text.index("close.")


def test_whole_words_only_and_a_missing_span_is_an_error():
    text = "Then the chair said he would resign."
    assert occurrences(text, "he") == [text.index(" he ") + 1]
    with pytest.raises(ValueError):
        locate(text, "she would", (0, len(text)), "content")
