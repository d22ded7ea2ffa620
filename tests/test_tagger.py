"""The article-wide attribution tagger (newsledger/analyze/attribution/tagger.py): windows, numpy inference
of the shipped BiLSTM, and what it reads on real sentences."""
from __future__ import annotations

import numpy as np
import pytest

from newsledger.analyze import attribution as A
from newsledger.analyze.attribution.tagger import CHUNK, COLUMNS, LABELS, chunk_bounds, encode, tagger, token_columns

TEXT = ("North Korea has sent thousands of troops to Russia, South Korea's spy agency said on Friday.\n\n"
        "\u201cThis is a serious threat to our security,\u201d the president's office said in a statement. "
        "The ministry declined to comment. Officials were unable to confirm the figure.\n\n"
        "There is plenty of worry among diplomats about the deployment, which they called reckless.")


@pytest.fixture(scope="module")
def parsed():
    from newsledger.analyze.nlp import get_nlp

    return get_nlp()(TEXT)


def _tok(doc, word, nth=0):
    return [t.i for t in doc if t.text == word][nth]


def test_windows_cover_every_token_once_and_keep_sentences_whole(parsed):
    ids = encode(token_columns(parsed, TEXT), {})
    bounds = chunk_bounds(ids, size=20)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(parsed)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(e - s <= 20 for s, e in bounds)
    starts = {s.start for s in parsed.sents}
    long_sents = {s.start for s in parsed.sents if len(s) > 20}
    # every window starts at a sentence start unless it continues a sentence longer than a window
    assert all(s in starts or any(ls < s for ls in long_sents) for s, _ in bounds)
    assert chunk_bounds(ids) == [(0, len(parsed))]  # the whole text fits one default window
    assert CHUNK == 256


def test_tagger_reads_cues_contents_and_sources(parsed):
    tg = tagger()
    assert tg is not None, "newsledger/analyze/data/tagger.npz is shipped"
    p = tg(parsed, TEXT)
    assert p.shape == (len(parsed), len(LABELS)) and np.isfinite(p).all()
    said = _tok(parsed, "said")
    assert p[said, LABELS.index("cue")] > 0.5
    assert p[_tok(parsed, "thousands"), LABELS.index("content")] > 0.5  # reported: troops sent
    assert p[_tok(parsed, "agency"), LABELS.index("source")] > 0.5
    assert p[_tok(parsed, "serious"), LABELS.index("content")] > 0.5  # inside the quotation
    assert p[said, LABELS.index("content")] < 0.5  # the cue itself is not content


def test_numpy_inference_is_deterministic_and_window_batched(parsed):
    tg = tagger()
    ids = encode(token_columns(parsed, TEXT), tg.vocab)
    assert ids.shape == (len(parsed), len(COLUMNS))
    whole = tg.predict_ids(ids)
    assert np.array_equal(whole, tg.predict_ids(ids))
    # windows read as one padded batch give what each window gives alone
    big = np.concatenate([ids] * 5)
    bounds = chunk_bounds(big)
    assert len(bounds) > 1 and len({e - s for s, e in bounds}) > 1
    batched = tg.predict_ids(big)
    for s, e in bounds:
        assert np.allclose(batched[s:e], tg.predict_ids(big[s:e]), atol=1e-5)


def test_tagger_claims_only_where_no_rule_fired(parsed):
    ex = A.Extractor(parsed, TEXT, generate=True, tag=tagger()(parsed, TEXT))
    rules = ex.run()
    extra = ex.tagger_claims(rules)
    for c in extra:
        assert c.rule == "tagger" and c.content
        for r in rules:  # never inside a claim the rules already made
            assert not any(s <= c.cue[0] < e for s, e in r.content) and c.cue != r.cue
    claims = A.find_claims(parsed, TEXT, statements_only=False)
    assert any("thousands of troops" in c.content.text for c in claims)


def _tags_for(doc, text: str, cue: str, content: str, source: str) -> np.ndarray:
    """A made-up tagger output: probability 0.95 for the cue word, the content's and the source's tokens."""
    tag = np.zeros((len(doc), len(LABELS)), dtype=np.float32)
    for col, words in ((LABELS.index("cue"), cue), (LABELS.index("content"), content), (LABELS.index("source"), source)):
        start = text.index(words)
        for t in doc:
            if start <= t.idx < start + len(words):
                tag[t.i, col] = 0.95
    return tag


@pytest.mark.parametrize("source, content, kept", [
    pytest.param("Hundreds of junior nurses at rural clinics", "a report highlighting the steady growth of casual "
                 "shifts in health care", False, id="source-and-content-swapped-against-the-parse"),
    pytest.param("a report highlighting the steady growth of casual shifts in health care", "Hundreds of junior "
                 "nurses at rural clinics are being treated as second-class staff on rolling contracts", True,
                 id="the-parse-s-own-reading"),
])
def test_a_tagger_claim_that_reads_the_sentence_backwards_is_dropped(source, content, kept):
    """Where no rule fired, the tagger's claim is dropped when it takes the clause before an inverted
    "says" for the source and the verb's own subject for the content: the parse reads the sentence
    the other way round, and a claim with content and speaker swapped is worse than none."""
    from newsledger.analyze.nlp import get_nlp

    text = ("Hundreds of junior nurses at rural clinics are being treated as second-class staff on rolling "
            "contracts, says a report highlighting the steady growth of casual shifts in health care.")
    doc = get_nlp()(text)
    ex = A.Extractor(doc, text, generate=True, tag=_tags_for(doc, text, "says", content, source))
    claims = ex.tagger_claims([])
    assert bool([c for c in claims if text[c.cue[0]:c.cue[1]] == "says"]) == kept, \
        [(text[slice(*c.source)] if c.source else None, c.content) for c in claims]


@pytest.mark.parametrize("cue, kept", [
    pytest.param("announced", False, id="the-object-of-another-verb-with-its-own-subject"),
    pytest.param("posted", True, id="the-cue-verb-s-own-object"),
])
def test_a_tagger_claim_does_not_take_another_verbs_object_for_content(cue, kept):
    """A cue verb with no object or clause of its own does not get, as a tagger claim, the object
    of another verb that has its own subject ("before Lopez announced — Reyes posted pictures of
    himself": the pictures are what Reyes posted, nothing Lopez said)."""
    from newsledger.analyze.nlp import get_nlp

    text = ("Late on Sunday — about two hours before Lopez announced — Reyes posted pictures of himself "
            "with the governor at a party rally.")
    doc = get_nlp()(text)
    content = "pictures of himself with the governor at a party rally"
    ex = A.Extractor(doc, text, generate=True, tag=_tags_for(doc, text, cue, content, "Lopez"))
    claims = ex.tagger_claims([])
    assert bool([c for c in claims if text[c.cue[0]:c.cue[1]] == cue]) == kept, \
        [(text[slice(*c.source)] if c.source else None, c.content) for c in claims]
