"""Stories a newcomer joins together. Two articles of one event that arrive before anything ties
them start two stories, and a later article that matches both would join only one of them, so a
ledger's stories would depend on which page came first. A newcomer that passes the join test with
several stories, each on its own evidence (:func:`newsledger.link.scoring.story_ranking`: no
member vetoes it, its names are not mostly new to the story), merges them -- unless the stories
themselves say two events: a member of one vetoes a member of the other, or their names are mostly
new to each other (:func:`stories_apart`; when the newcomer matches both strongly, only the names of
the story with fewer are read). Only the members the newcomer's candidates show are read
(sub-quadratic, like the join test)."""
from __future__ import annotations

from typing import Callable

from newsledger.link import vetoes as V
from newsledger.link.scoring import NEW_NAMES_BELOW, NEW_NAMES_MIN, NEW_NAMES_SHARE, STORY_THRESHOLD, Ranked
from newsledger.link.story_terms import age_maps_apart, ages_by_name, names_of

# a merge puts two stories together on one newcomer's word: it asks the newcomer this score with
# each story on its own (a join asks STORY_THRESHOLD)
MERGE_THRESHOLD = STORY_THRESHOLD
# two stories' names (of two words or more) are mostly new to each other when, of the names of
# either (this many or more), more than this share is held by no member of the other: the bar a
# newcomer's names meet against a story (scoring.names_new_to)
MERGE_NAMES_MIN = NEW_NAMES_MIN
MERGE_NAMES_SHARE = NEW_NAMES_SHARE
# a newcomer matching the story it would merge this well or better (and the one it joins, which
# ranks first) ties both strongly: then only the story with fewer names is asked whether its names
# are mostly new to the other -- the bigger story has named more of the event's people than a
# young one can hold (the bar a strong match clears in the newcomer test: scoring.NEW_NAMES_BELOW)
MERGE_STRONG = NEW_NAMES_BELOW


def stories_to_merge(ranking: list[Ranked], terms_of: Callable[[str], frozenset]) -> list[str]:
    """The stories of a newcomer's ranking (best first; the newcomer joins the first) that merge
    into the first: each scoring ``MERGE_THRESHOLD`` or more with the newcomer on its own and not
    apart (:func:`stories_apart`; its names read on the side with fewer when it scores
    ``MERGE_STRONG`` or more) from the first nor from a story merged before it (``terms_of``:
    article id -> its story terms)."""
    if len(ranking) < 2:
        return []
    kept = [o for _s, o in ranking[0][2]]
    out = []
    for score, sid, scored in ranking[1:]:
        if score < MERGE_THRESHOLD:
            break
        members = [o for _s, o in scored]
        if stories_apart(kept, members, terms_of, fewer_only=score >= MERGE_STRONG):
            continue
        out.append(sid)
        kept += members
    return out


def stories_apart(xs: list[str], ys: list[str], terms_of: Callable[[str], frozenset],
                  fewer_only: bool = False) -> bool:
    """Whether two stories, by the members ``xs`` and ``ys`` of each, report two events: an article
    of one and one of the other kept apart by their veto terms or giving one person two ages
    (:func:`newsledger.link.vetoes.apart`, :func:`newsledger.link.story_terms.age_maps_apart`), or
    their names mostly new to each other (:func:`names_new_between`; ``fewer_only``: read on the
    side with fewer names only)."""
    tx = [terms_of(x) for x in xs]
    ty = [terms_of(y) for y in ys]
    ay = [ages_by_name(t) for t in ty]
    for a in tx:
        aa = ages_by_name(a)
        if any(V.apart(a, b) or age_maps_apart(aa, ab) for b, ab in zip(ty, ay)):
            return True
    return names_new_between(tx, ty, fewer_only)


def names_new_between(tx: list[frozenset], ty: list[frozenset], fewer_only: bool = False) -> bool:
    """Whether the names of two stories (the story terms of the members of each) are mostly new
    to each other: of either's names, ``MERGE_NAMES_MIN`` or more, more than ``MERGE_NAMES_SHARE``
    held by no member of the other. The test :func:`newsledger.link.scoring.names_new_to` puts to
    a newcomer, put story against story: one event's reports keep naming its persons and places,
    another event of the kind names its own. ``fewer_only``: only the side with fewer names is
    read (both on a tie) -- a story of more members names more people than a young one holds."""
    held_x, held_y = frozenset().union(*tx), frozenset().union(*ty)
    names_x, names_y = names_of(held_x), names_of(held_y)
    sides = [(names_x, held_y), (names_y, held_x)]
    if fewer_only and len(names_x) != len(names_y):
        sides = sides[:1] if len(names_x) < len(names_y) else sides[1:]
    for names, other in sides:
        if len(names) >= MERGE_NAMES_MIN and sum(1 for t in names if t not in other) > MERGE_NAMES_SHARE * len(names):
            return True
    return False

