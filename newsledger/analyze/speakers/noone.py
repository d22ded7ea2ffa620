"""Sources that are no one (issue 12): words the parse made a claim's source that name nobody a reader
could name — a bare article, left by a typo or a split ("The also said ..."), or a verb phrase with no
doer of its own ("Raising the fees shows ...", "... and searching them was ...": a deed, not a
speaker). Such a source is unresolved, its words kept."""
from __future__ import annotations

from newsledger.analyze.speakers.words import SUBJECT_DEPS

ARTICLES = {"the", "a", "an"}


def no_one(doc, src) -> bool:
    """Whether a source's words name nobody: a bare article or a verb phrase without a subject."""
    return src.text.strip().lower() in ARTICLES or _deed(doc, src)


def _deed(doc, src) -> bool:
    """Whether the source is a gerund phrase that opens with its verb and holds no subject of it
    ("Raising the fees", "frisking them"); "The trust spending $100 million" has a doer, the trust."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.i == span.start and root.pos_ == "VERB" and root.tag_ == "VBG" and not root.ent_type_ \
        and not any(t.dep_ in SUBJECT_DEPS and span.start <= t.i < span.end for t in root.children)
