"""Link stage: relations across articles in the ledger (syndicated copies, story groups,
claim groups and conflicts). Entry point: :func:`link_new` after each ingest."""
from __future__ import annotations


def link_new(ledger, article_ids: list[str]) -> dict:
    """Link newly stored articles to what the ledger holds; returns counts for the report."""
    return {}


def link_stats(ledger) -> dict:
    return {}
