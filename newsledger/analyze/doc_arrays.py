"""Per-Doc values read from a parsed spaCy Doc without building a spaCy Token per token: each
token's character offset, and which tokens' texts pass a test (each distinct text tested once).
Values are kept in the Doc's ``user_data``: the Doc is never changed after the parse, so a kept
value cannot go stale. Used where the analysis scanned every token of an article for one attribute."""
from __future__ import annotations

from typing import Callable


def per_doc(doc, key: str, make):
    """``make(doc)``, computed once per Doc and kept in its ``user_data`` under ``newsledger.<key>``
    (the Doc does not change after the parse, so the value cannot go stale)."""
    found = doc.user_data.get("newsledger." + key)
    if found is None:
        found = doc.user_data["newsledger." + key] = make(doc)
    return found


def token_offsets(doc) -> list[int]:
    """Each token's character offset (``Token.idx``), in token order, read once per Doc."""
    from spacy.attrs import IDX

    return per_doc(doc, "token_offsets", lambda d: d.to_array(IDX).tolist() if len(d) else [])


def texts_where(doc, key: str, test: Callable[[str], bool]):
    """A boolean numpy array over the tokens: whether ``test(token.text)`` holds. ``test`` runs once
    per distinct token text (:func:`_distinct_texts`), not once per token; kept per Doc under ``key``
    (one key per test)."""
    def make(d):
        import numpy as np

        texts, which = _distinct_texts(d)
        return np.array([test(t) for t in texts], dtype=bool)[which]

    return per_doc(doc, "texts_where." + key, make)


def _distinct_texts(doc) -> tuple:
    """The Doc's distinct token texts and, for each token, the index of its text among them (from
    ``doc.to_array``'s ORTH ids, which name the token's text), read once per Doc."""
    def make(d):
        import numpy as np
        from spacy.attrs import ORTH

        ids, which = np.unique(d.to_array(ORTH) if len(d) else np.zeros(0, dtype=np.uint64), return_inverse=True)
        strings = d.vocab.strings
        return [strings[h] for h in ids.tolist()], which

    return per_doc(doc, "distinct_texts", make)


def sentence_of(doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the parse's sentence holding token ``i``: what ``doc[i].sent`` (and
    the ``.sent`` of a span starting at ``i``) gives, found by bisection in the sentence starts read once per
    Doc; ``Token.sent`` builds a Span and walks the sentence token by token on every call."""
    from bisect import bisect_right

    starts = per_doc(doc, "sentence_starts", lambda d: [s.start for s in d.sents])
    k = bisect_right(starts, i)
    return starts[k - 1], starts[k] if k < len(starts) else len(doc)
