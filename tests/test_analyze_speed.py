"""The shortcuts behind ``analyze``'s speed (h-speed36) give exactly what the plain scans they
replace gave: sentence bounds cut at paragraph breaks, the per-Doc caches of the speaker resolver
and the learned models' sums."""
from __future__ import annotations

from newsledger.analyze.attribution import learned
from newsledger.analyze.attribution.page import ArticleText
from newsledger.analyze.speakers import spans

TEXT = ("Dr Ilse Varda said the bridge at Tromlund would reopen in May. “We are nearly there,” she said\n"
        "Lieutenant-Colonel Maro Quennell, a spokesman, disagreed and told reporters that Varda was wrong.\n"
        "\n"
        "The council appointed Quennell in 2019. ``It was late,'' Quennell added, \"far too late\n"
        "for the people of Tromlund.\nMajor-Gen Tavi Orrunde inspected the Quorra barracks on Friday.")


def _old_sent_bounds(doc, tok) -> tuple[int, int]:
    """ArticleText.sent as it was: a scan token by token from ``tok`` to its sentence's edges."""
    s = tok.sent
    start, end = s.start, s.end
    for j in range(tok.i - 1, start - 1, -1):
        if "\n" in doc[j].text:
            start = j + 1
            break
    for j in range(tok.i + 1, end):
        if "\n" in doc[j].text:
            end = j
            break
    return start, end


def test_sentence_bounds_equal_the_scan(nlp):
    doc = nlp(TEXT)
    page = ArticleText(doc, TEXT)
    for tok in doc:
        want = _old_sent_bounds(doc, tok)
        got = page.sent(tok)
        assert (got.start, got.end) == want
        assert (page.sent(tok).start, page.sent(tok).end) == want  # asked again: from the memo


def test_titled_names_found_once_per_doc(nlp):
    doc = nlp(TEXT)
    found = spans.titled_names(doc)
    assert [e.text for e in found] == ["Tavi Orrunde"]
    assert found is spans.titled_names(doc)
    assert [(e.start, e.end) for e in found] == [(e.start, e.end) for e in spans._find_titled_names(doc)]


def test_surname_spots_and_objects(nlp):
    doc = nlp(TEXT)
    spots = spans.surname_spots(doc)
    quennell = [q for q, tail in spots if tail == "Quennell"]
    assert quennell == [i for i in range(len(TEXT)) if TEXT.startswith("Quennell", i)]
    verb = next(t for t in doc if t.lemma_ == "appoint")
    assert [spans.object_of(doc, q, q + len("Quennell"), verb) for q in quennell] == [False, True, False]
    for q in quennell:
        span = doc.char_span(q, q + len("Quennell"), alignment_mode="expand")
        want = span.root.head.i == verb.i and span.root.dep_ in ("dobj", "dative", "iobj")
        assert spans.object_of(doc, q, q + len("Quennell"), verb) == want
        assert spans.object_of(doc, q, q + len("Quennell"), None) is False


def test_weight_sum_equals_the_generator_sum():
    w = {"a": 0.1, "b": -0.30000000000000004, "c": 1e-17, "d": 2.5}
    for feats in (["a", "b", "c", "x", "d", "a"], [], ["x"], ["c", "c", "a"]):
        assert learned._score(w, feats) == sum(w.get(x, 0.0) for x in feats)
