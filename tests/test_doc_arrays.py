"""The per-Doc shortcuts of the analysis (newsledger.analyze.doc_arrays and their users) give what the
token-by-token reads they replace gave: each one is checked against the plain spaCy read on our own
sentences (paragraph breaks, sentences, titles, surnames, offsets)."""
import re

import pytest

TEXT = ("Maj.-Gen Tova Brenlund said on Friday:\n\nThe bridge at Karsk will reopen. It was shut in May.\n"
        "Brenlund, who runs the corps, added that Dr. Ilse Marrow-Brenlund agreed.\r\n"
        "  A third paragraph — with 12 lanes — ends here!\n")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_texts_where_matches_each_token(doc):
    from newsledger.analyze.doc_arrays import texts_where

    got = texts_where(doc, "test.digit", lambda s: any(ch.isdigit() for ch in s)).tolist()
    assert got == [any(ch.isdigit() for ch in t.text) for t in doc]
    assert any(got)


def test_texts_where_of_an_empty_doc(nlp):
    from newsledger.analyze.doc_arrays import texts_where

    assert texts_where(nlp(""), "test.any", lambda s: True).tolist() == []


def test_token_offsets_are_token_idx(doc):
    from newsledger.analyze.doc_arrays import token_offsets

    assert token_offsets(doc) == [t.idx for t in doc]


def test_breaks_and_sentences_match_spacy(doc):
    from newsledger.analyze.attribution.page import ArticleText
    from newsledger.analyze.doc_arrays import sentence_of

    a = ArticleText(doc, TEXT)
    assert a._breaks == [t.i for t in doc if "\n" in t.text]
    assert len(a._breaks) >= 3
    for t in doc:
        assert sentence_of(doc, t.i) == (t.sent.start, t.sent.end)
        assert sentence_of(doc, t.i)[0] == doc[t.i:min(t.i + 3, len(doc))].sent.start  # a span's sentence
    assert len({sentence_of(doc, t.i) for t in doc}) == len(list(doc.sents)) >= 4


def test_surname_spots_match_the_regex():
    from newsledger.analyze.speakers.spans import _whole_word_spots

    text = "Brenlund met Marrow-Brenlund, Brenlund_x, Brenlunds and Brenlund. Li Li Li; Brenlund"
    for words in ("Brenlund", "Li Li", "Li", "Marrow-Brenlund", "x", ""):
        pattern = r"(?<![\w-])" + re.escape(words) + r"(?![\w-])"
        assert _whole_word_spots(text, words) == [m.start() for m in re.finditer(pattern, text)]
    assert _whole_word_spots(text, "Li Li") == [text.index("Li Li")]  # no overlapping second match


def test_titled_names_read_each_token_s_title_test(nlp):
    from newsledger.analyze.doc_arrays import texts_where
    from newsledger.analyze.speakers.spans import _find_titled_names, _holds_a_title

    doc = nlp("The envoy met Gen. Oskarrin Vell and Major-Gen Tarsk Hobble on Monday; Sen. Abbo spoke.")
    flags = texts_where(doc, "title_word", _holds_a_title).tolist()
    assert flags == [_holds_a_title(t.text) for t in doc] and sum(flags) == 3
    # the tagger takes "Major-Gen Tarsk Hobble" for an organisation: the name after the title is found
    assert [s.text for s in _find_titled_names(doc)] == ["Tarsk Hobble"]


def test_subtree_is_a_fresh_set_each_call(doc):
    from newsledger.analyze.attribution.base import subtree_indices

    for t in doc:
        assert subtree_indices(t) == {x.i for x in t.subtree}
    root = next(t for t in doc if t.dep_ == "ROOT")
    subtree_indices(root).add(-1)  # callers widen the set in place: the kept one must not change
    assert -1 not in subtree_indices(root)


def test_quote_spans_and_mask_are_fresh_lists():
    from newsledger.analyze.attribution.base import quote_spans, quoted_mask

    text = "She said “we will go,” and left.\n\n\"Not now\" he said ``maybe'' later."
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["“we will go,”", '"Not now"', "``maybe''"]
    spans.append((0, 1))
    mask = quoted_mask(text)
    mask[0] = True
    assert quote_spans(text) == spans[:-1] and not quoted_mask(text)[0]
