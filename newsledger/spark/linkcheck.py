"""How far two ledgers' link results agree: pairwise precision and recall of copy groups,
stories and claim groups (the Spark link against the single-process linker)."""
from __future__ import annotations

import itertools
from typing import Iterable


def _pairs(groups: Iterable[Iterable]) -> set:
    out = set()
    for g in groups:
        out |= set(itertools.combinations(sorted(set(g)), 2))
    return out


def group_pairs(ledger) -> dict[str, set]:
    """``{copies, stories, claims}``: the pairs of members that share a group."""
    from newsledger.link import claim_groups, copy_groups, story_groups

    return {
        "copies": _pairs([m["article_id"] for m in g["members"]] for g in copy_groups(ledger)),
        "stories": _pairs([m["article_id"] for m in g["members"]] for g in story_groups(ledger)),
        "claims": _pairs([(m["article_id"], m["idx"]) for m in g["members"]] for g in claim_groups(ledger)),
    }


def agreement(reference: dict[str, set], got: dict[str, set]) -> dict[str, dict]:
    """Per kind: pairs in each, precision and recall of ``got`` against ``reference``."""
    out = {}
    for kind, ref in reference.items():
        mine = got.get(kind, set())
        tp = len(ref & mine)
        out[kind] = {"reference_pairs": len(ref), "pairs": len(mine),
                     "precision": round(tp / len(mine), 4) if mine else 1.0,
                     "recall": round(tp / len(ref), 4) if ref else 1.0}
    return out
