"""Link stage: relations across articles in the ledger.

* **Copies** (syndication): word-shingle MinHash signatures (datasketch) with LSH bands stored
  in the ledger (``link_bands``: one indexed 63-bit key per band). A new article probes the
  index with its own band keys, so linking is incremental (new articles against the stored
  index, never the whole ledger against itself) and sub-quadratic. Candidates are confirmed
  on the estimated *containment* (robust to trimmed endings and inserted junk) or on the
  opening words. Each group names its probable original and, per copy, what changed.
* **Stories**: salient terms (entities, title, frequent content words) with their own MinHash
  bands, keyed by a three-week time bucket; a newcomer joins the story of its best match.
* **Claim groups and conflicts** within each story (:mod:`newsledger.link.claims`).
* **Flags** written into each article's ``flags``: byline-swapped, advertising-inside,
  reused-bio, suspicious-date (:mod:`newsledger.link.flags`).

Entry point: :func:`link_new` after each ingest.
"""
from __future__ import annotations

__all__ = ["link_new", "link_stats", "copy_groups", "story_groups", "claim_groups",
           "conflict_groups", "claim_group", "article_flags", "unlinked_ids", "story_of", "story_alias",
           "claim_group_ids", "with_group_ids"]


def __getattr__(name: str):
    """Everything is loaded on first use: the linker needs numpy, SQLAlchemy and datasketch,
    which a command that only extracts pages (and imports :mod:`newsledger.link.flags`) should
    not pay for at start-up. A submodule's name is no linker attribute: ``from newsledger.link
    import text`` loads the submodule alone (the linker imports the submodules, so loading it
    first would import a submodule while it is half loaded)."""
    import importlib
    import importlib.util

    if name.startswith("__") or name == "linker" or importlib.util.find_spec(f"{__name__}.{name}"):
        raise AttributeError(f"module 'newsledger.link' has no attribute {name!r}")
    linker = importlib.import_module("newsledger.link.linker")
    try:
        value = getattr(linker, name)
    except AttributeError:
        raise AttributeError(f"module 'newsledger.link' has no attribute {name!r}") from None
    globals()[name] = value
    return value
