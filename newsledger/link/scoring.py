"""Whether two fingerprints are copies, how well two articles' story terms match, and which
story a newcomer joins."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Iterable, Optional

from newsledger.link import text as T
from newsledger.link import vetoes as V
from newsledger.link.candidates import MAX_CANDIDATES, MAX_STORY_CANDIDATES
from newsledger.link.fingerprints import MIN_SHINGLES, Fingerprint
from newsledger.link.story_terms import age_maps_apart, ages_by_name, names_of, naming

# copy decision (estimated from signatures)
COPY_CONTAINMENT = 0.5  # share of the shorter text's shingles found in the other
COPY_LEAD = 0.6  # or: the openings agree ...
COPY_LEAD_CONTAINMENT = 0.25  # ... and a quarter of the shorter text is shared
# story decision
STORY_THRESHOLD = 0.20
ENTITY_BONUS = 0.04  # per shared name of two words or more or telling figure (at most 6) on top of the terms' Jaccard
PLACE_BONUS = 0.02  # per shared one-word name (a place, a nationality; at most 6) ...
PLACE_DAYS = 30  # ... when both articles are dated this close: a place and a time say which event
STORY_DAYS = 7  # articles this many days apart score in full; beyond, the score decays ...
STORY_DECAY_DAYS = 80  # ... to nothing over this many more days ...
STORY_DECAY_FLOOR = 0.6  # ... but never below this share


def days_apart(a: Optional[str], b: Optional[str]) -> Optional[int]:
    """Days between two ISO dates; None when either is missing or not a date."""
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def copy_score(a, b) -> tuple[bool, float]:
    """Whether two fingerprints are copies, and the estimated containment."""
    j = T.jaccard(a.sig, b.sig)
    c = T.containment(j, a.shingles, b.shingles)
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return j >= 0.8, c
    lj = T.jaccard(a.lead, b.lead) if a.lead is not None and b.lead is not None else 0.0
    ok = c >= COPY_CONTAINMENT or (lj >= COPY_LEAD and c >= COPY_LEAD_CONTAINMENT)
    return ok, c


def copy_matches(fp: Fingerprint, copy_c: Counter, new_by_id: dict, stored: dict) -> list[tuple[float, str]]:
    """The newcomer's copies among its best ``MAX_CANDIDATES`` copy candidates (new articles of
    its chunk or stored ones): (estimated containment, id), best first."""
    matches = []
    for other, _n in copy_c.most_common(MAX_CANDIDATES):
        o = new_by_id.get(other) or stored.get(other)
        if o is None:
            continue
        ok, c = copy_score(fp, o)
        if ok:
            matches.append((c, other))
    matches.sort(reverse=True)
    return matches


def story_score(a_terms: Iterable[str], b_terms: Iterable[str], a_pub: Optional[str], b_pub: Optional[str]) -> float:
    sa = V.scored(a_terms if isinstance(a_terms, frozenset) else frozenset(a_terms))
    sb = V.scored(b_terms if isinstance(b_terms, frozenset) else frozenset(b_terms))
    if not sa or not sb:
        return 0.0
    shared = sa & sb
    j = len(shared) / len(sa | sb)
    names = sum(1 for t in shared if naming(t))
    j += ENTITY_BONUS * min(names, 6)  # shared names say what the story is about
    d = days_apart(a_pub, b_pub)
    if d is not None and d <= PLACE_DAYS:  # a one-word name ("e:xinjiang") and a time: which event
        j += PLACE_BONUS * min(sum(1 for t in shared if t.startswith("e:") and not naming(t)), 6)
    if d is not None and d > STORY_DAYS:
        j *= max(STORY_DECAY_FLOOR, 1.0 - (d - STORY_DAYS) / STORY_DECAY_DAYS)
    return j


# weights of a story's best, second, ... matching members (support from more members was tried on
# ECB+ and joined events of the same kind more than it helped: the best member alone decides)
STORY_SUPPORT = (1.0,)
# the evidence a newcomer brings against a story: a story this many scored members strong has named
# its event's persons, places and bodies, so a newcomer more than ``NEW_NAMES_SHARE`` (half) of whose names
# (of ``NEW_NAMES_MIN`` or more) none of them holds reports another event of the kind (two navy
# operations in one gulf, two coaches of one team) -- unless it matches a member ``NEW_NAMES_BELOW``
# or better, when the words it shares outweigh the names it brings
NEW_NAMES_MEMBERS = 10
NEW_NAMES_MIN = 4
NEW_NAMES_SHARE = 0.5
NEW_NAMES_BELOW = 0.35


def names_new_to(names: list[str], members: list[tuple[float, str]], new_by_id: dict, stored: dict) -> bool:
    """Whether a newcomer's names of two words or more (``names``) are mostly new to a story of
    which ``members`` ((score, id)) are its scored candidate members: ``NEW_NAMES_MEMBERS`` or more
    of them, none matching the newcomer ``NEW_NAMES_BELOW`` or better, and more than
    ``NEW_NAMES_SHARE`` of the names held by none. Single-link joins chain two events of one kind
    through one member sharing the setting ("Gulf of Aden", "Indian Navy") and the event's words;
    one event's reports keep naming its persons, another event's name its own. The bar holds only
    for a story several members strong (a young story has not named its event's people yet), and
    it reads only the members the newcomer's candidates show (sub-quadratic, like the vetoes)."""
    if (len(members) < NEW_NAMES_MEMBERS or len(names) < NEW_NAMES_MIN
            or max(sc for sc, _m in members) >= NEW_NAMES_BELOW):
        return False
    held: set = set()
    for _s, m in members:
        o = new_by_id.get(m) or stored.get(m)
        if o is not None:
            held.update(o.terms)
    return sum(1 for t in names if t not in held) > NEW_NAMES_SHARE * len(names)


# one story of a newcomer's ranking: (score, story id, its scored members as (score, id), best first)
Ranked = tuple[float, str, list[tuple[float, str]]]


def story_ranking(fp: Fingerprint, story_c: Counter, story_of: dict, new_by_id: dict, stored: dict,
                  pub: dict) -> list[Ranked]:
    """The stories of a newcomer's candidates it may join, best first (``Ranked``): each story
    scores its best matching members' scores, weighted (``STORY_SUPPORT``), so a story that
    several members support beats one member of another event of the same kind that happens to
    match. A story is left out when one of its scored members vetoes the newcomer (another age,
    magnitude, office holder or participant) or when the newcomer's names are mostly new to it
    (:func:`names_new_to`)."""
    fp_terms = frozenset(fp.terms)
    per_story: dict[str, list[tuple[float, str]]] = defaultdict(list)
    apart: set[str] = set()  # another time or event: a member gives a person another age, a quake another size
    ages = ages_by_name(fp_terms)
    names = names_of(fp.terms)
    for other, _n in story_c.most_common(MAX_STORY_CANDIDATES):
        if other not in story_of:
            continue
        o = new_by_id.get(other) or stored.get(other)
        if o is None:
            continue
        s = story_score(fp_terms, o.terms, fp.article.published, pub.get(other))
        if s > 0:
            per_story[story_of[other]].append((s, other))
            if (ages and age_maps_apart(ages, ages_by_name(o.terms))) or V.apart(fp_terms, o.terms):
                apart.add(story_of[other])
    ranking = []
    for sid, scored in per_story.items():
        if sid in apart or names_new_to(names, scored, new_by_id, stored):
            continue
        scored.sort(reverse=True)
        ranking.append((sum(w * s for w, (s, _o) in zip(STORY_SUPPORT, scored)), sid, scored))
    ranking.sort(key=lambda r: r[0], reverse=True)
    return ranking


def choose_story(fp: Fingerprint, matches: list[tuple[float, str]], story_c: Counter, story_of: dict,
                 new_by_id: dict, stored: dict, pub: dict) -> tuple[float, Optional[str], Optional[str], list[Ranked]]:
    """The story a newcomer joins, (score, story id, the member it matched, the ranking it was
    chosen from): a copy joins its original's story (the first of its ``matches`` in a story; no
    ranking); else the best-scoring story of its candidates (:func:`story_ranking`) when it
    scores ``STORY_THRESHOLD`` or more; else no story (None, None)."""
    for _, o in matches:
        if o in story_of:
            return 1.0, story_of[o], o, []
    ranking = story_ranking(fp, story_c, story_of, new_by_id, stored, pub)
    if not ranking or ranking[0][0] < STORY_THRESHOLD:
        return (ranking[0][0] if ranking else 0.0), None, None, ranking
    best, best_sid, scored = ranking[0]
    return best, best_sid, scored[0][1], ranking
