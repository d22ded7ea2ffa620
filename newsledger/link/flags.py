"""Provenance flags in the link stage. The per-article ones (what one article shows on its own)
moved to :mod:`newsledger.flags`, so that extraction sets them without importing this package;
the names stay importable from here. :func:`article_flags` with a ledger adds the cross-ledger
evidence the link stage stored (a copy of a wire story under a person's byline, a reused bio)."""
from __future__ import annotations

from newsledger.flags import (  # noqa: F401
    article_flags as own_flags, bios, canonical_agency, credit_lines, merge_flags, person_bylines, same_agency,
)
from newsledger.model import Article, Flag


def article_flags(article: Article, ledger=None) -> list[Flag]:
    """The article's own flags (:func:`newsledger.flags.article_flags`) and, with a ledger,
    the cross-ledger ones stored for it."""
    flags = own_flags(article)
    if ledger is not None:
        from newsledger.link.reading import stored_flags

        have = {(f.kind, f.detail) for f in flags}
        flags += [f for f in stored_flags(ledger, article.id) if (f.kind, f.detail) not in have]
    return flags
