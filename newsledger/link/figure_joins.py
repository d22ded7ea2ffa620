"""Which figures of one story join into one claim group: equal values of one measure, different
values whose contexts share enough words (the bar by measure, :func:`join_threshold`), different
values of a specific measure unless something says they count different things
(:func:`differ`), an age and its person, an article's own unit conversions; the single-link
clusters of the stance groups. No verdict is read here (see :mod:`newsledger.link.verdicts`)."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import partial
from typing import Optional

from newsledger.link.figure_marks import (CASUALTIES, OWN_ASPECT, context_overlap, converted_alike, in_dimension,
                                          member_unit, owned_apart)
from newsledger.link.measures import DIMENSIONS, MOMENT_STATES


def _equal_footing(a: dict, b: dict) -> bool:
    """Whether two equal figures may join on equality and a few shared words: both or neither
    count the rest, both or neither stand in a "respectively" list, no two stages of a case,
    and two ranges only with both ends equal ("$140 million to $160 million" is not the
    "$140-150 million" its low end equals)."""
    return a.get("_other") == b.get("_other") and a.get("_listed") == b.get("_listed") \
        and not _stages_apart(a, b) and _same_range(a, b)


def _beyond_office(a: dict, b: dict) -> bool:
    """Whether two figures share a word besides the office of either's source
    (:func:`newsledger.link.figure_marks.office_words`): equal values with a few shared words
    join, but "Dissolution of the corporation has taken four years," said an assistant state
    attorney general, and "in the state for the past four years" share only the office's "state"
    and measure two things."""
    return bool((a["_kw"] & b["_kw"]) - (a.get("_office") or set()) - (b.get("_office") or set()))


def _same_range(a: dict, b: dict) -> bool:
    """Unless both figures are ranges, True; else whether their high ends are equal too."""
    if a.get("bound") != "range" or b.get("bound") != "range" or a.get("high") is None or b.get("high") is None:
        return True
    return _value_key(a, "high") == _value_key(b, "high")


def _value_key(m: dict, key: str = "value") -> float:
    """A figure's value (or ``key``, its range's high end) in its measure's dimension, rounded as
    every equality test of the clustering compares them."""
    return round(in_dimension(m, key), 6)


def _same_value(a: dict, b: dict, va: float, vb: float) -> bool:
    """Whether two figures of one measure give one value (``va``, ``vb``: theirs in its
    dimension): equal, or one length or weight in two units (:func:`converted_alike`)."""
    return va == vb or converted_alike(a, b)


def _stages_apart(a: dict, b: dict) -> bool:
    return bool(a.get("_stage") and b.get("_stage")) and a["_stage"] != b["_stage"]


# what stands between an amount and the same amount in another currency, as the article gives
# it: "2 million euros ($2.6 million)", "£5m, or about $8m", "€3m, the equivalent of $3.9m"
_CONVERSION = re.compile(r"^\s*(?:\(|,?\s*or|,?\s*(?:the\s+)?equivalent\s+(?:of|to))\s*"
                         r"(?:(?:about|around|roughly|some|approximately|nearly|almost|an estimated)\s+)?$", re.I)
CONVERSION_GAP = 30  # characters at most between an amount and its conversion


def _two_units(a: dict, b: dict) -> bool:
    """Whether two members are in two currencies, or two units of one dimension (km, miles)."""
    if a["_key"][0] == "amount" == b["_key"][0]:
        return a["dimension"] != b["dimension"]
    return a["dimension"] == b["dimension"] and a["dimension"] in DIMENSIONS and member_unit(a) != member_unit(b)


def conversions(figs: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of figure members that one article gives as one figure in two units, the second
    right after the first ("2 million euros ($2.6 million)", "seven km (4 miles)"): no exchange
    rate is known here, and a conversion is rounded, so only the article's own conversion says
    that the two name one figure."""
    measured = sorted((m for m in figs if (m["_key"][0] == "amount" or m["dimension"] in DIMENSIONS)
                       and m.get("start") is not None), key=lambda m: (m["article_id"], m["where"], m["start"]))
    out = []
    for a, b in zip(measured, measured[1:]):
        if (a["article_id"], a["where"]) != (b["article_id"], b["where"]) or not _two_units(a, b):
            continue
        gap = b["start"] - a["start"] - len(a.get("figure") or "")
        if 0 <= gap <= CONVERSION_GAP and _CONVERSION.match(a["_after"][:gap]):
            out.append((a, b))
    return out


def converted_units(comp: list[dict], pairs: list[tuple[dict, dict]]) -> set:
    """The unit pairs an article of the group converts between (``{km, miles}``): two members
    in them are not compared, the article's rounding being no disagreement."""
    ids = {id(m) for m in comp}
    return {frozenset((member_unit(a), member_unit(b))) for a, b in pairs if id(a) in ids}


def _root(parent: list[int], i: int) -> int:
    """Union-find: the root of ``i`` in ``parent`` (halving the path on the way); the one root
    search of the figure clusters, the claim clusters and the joined conversions."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def join_conversions(comps: list[tuple[tuple, list[dict]]], pairs: list[tuple[dict, dict]]):
    """The figure clusters of a story, ``(key, members)``, those holding the two sides of one
    article's conversion (see :func:`conversions`) made one: ``(keys, members)``."""
    parent = list(range(len(comps)))
    at = {id(m): i for i, (_k, comp) in enumerate(comps) for m in comp}
    for a, b in pairs:
        parent[_root(parent, at[id(a)])] = _root(parent, at[id(b)])
    joined: dict[int, list[int]] = {}
    for i in range(len(comps)):
        joined.setdefault(_root(parent, i), []).append(i)
    for idx in joined.values():
        keys = tuple(dict.fromkeys(comps[i][0] for i in idx))
        yield keys, [m for i in idx for m in comps[i][1]]


# content-word overlap two figures of one measure need when their values differ (tuned on the
# ECB+ development gold: 0 and 0.12 joined different deals, tolls and counts of one story)
NAMED_OVERLAP = 0.4  # a named measure of people (killed, injured, evacuated, arrested)
FORCE_OVERLAP = 0.12  # troops sent, jobs cut: the contexts vary most ("training", "to be sent") ...
FORCE_MEASURES = ("count:troop", "count:job")  # ... so their whole claims are compared
GENERIC_OVERLAP = 0.6  # a generic one (a count of things, an amount, a duration)
EQUAL_OVERLAP = 0.05  # equal values of one measure: a few shared words suffice
ABOUT_SLACK = (0, -1, 1)  # a person's figure (an age) joins the same person's within a year


def join_threshold(key: tuple) -> float:
    """Content-word overlap two figures of one measure need to be grouped when their values
    differ (equal values of one measure in one story group anyway)."""
    name = key[0]
    if name == "age":  # one figure of its person (see figure_clusters); others: equal ones only
        return 1.0
    if name.startswith("record:"):  # one win-loss record of a story is one figure
        return 0.0
    if name in FORCE_MEASURES:
        return FORCE_OVERLAP
    if name.startswith("count:") or name in ("amount", *DIMENSIONS) or name.endswith(":-"):
        return GENERIC_OVERLAP
    return NAMED_OVERLAP


def figure_clusters(ms: list[dict], thr: float, specific: bool = False) -> list[list[dict]]:
    """Figures of one measure: equal values link, and so do different values whose contents
    share ``thr`` of their words (all of them when ``thr`` is 0); of a ``specific`` measure
    (see :func:`is_specific`), different values of two articles link unless something near them
    says they count different things (:func:`differ`)."""
    if thr <= 0:
        return [list(ms)] if ms else []
    parent = list(range(len(ms)))
    find = partial(_root, parent)

    value = [_value_key(m) for m in ms]
    # sentence -> values held, per component: two values of one sentence ("12 Somali and 11
    # Yemeni pirates", "lost 88-72") are two quantities, and no chain of links may join them;
    # of a specific measure, one source's, unless the sentence updates it ("up from 3,500")
    held = [{_held_key(m, specific): {value[i]}} if m.get("_sentence") and not (specific and m.get("_update"))
            else {} for i, m in enumerate(ms)]
    # the owners each component's figures name ("the Nationals' offer"): no chain joins two parties'
    owners = [{m["_owners"]} if m.get("_owners") else set() for m in ms]
    # a part of a count ("two of them") is in no component holding another value
    parts = [(bool(m.get("_part")), {value[i]}) for i, m in enumerate(ms)]

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri == rj or _apart(held[ri], held[rj]) or any(owned_apart(x, y) for x in owners[ri] for y in owners[rj]) \
                or ((parts[ri][0] or parts[rj][0]) and parts[ri][1] != parts[rj][1]):
            return
        parent[ri] = rj
        owners[rj] |= owners[ri]
        parts[rj] = (parts[ri][0] or parts[rj][0], parts[ri][1] | parts[rj][1])
        for k, vs in held[ri].items():
            held[rj].setdefault(k, set()).update(vs)

    for i, j in overlap_candidates([m["_kw"] for m in ms], min(thr, EQUAL_OVERLAP)):
        a, b = ms[i]["_kw"], ms[j]["_kw"]
        if find(i) == find(j) or not (a and b):
            continue
        jac = context_overlap(a, b, ms[i]["_who"], ms[j]["_who"])
        if (jac >= thr and not (value[i] != value[j] and casualties_apart(ms[i], ms[j]))) \
                or (_same_value(ms[i], ms[j], value[i], value[j]) and jac >= EQUAL_OVERLAP
                    and _equal_footing(ms[i], ms[j]) and _beyond_office(ms[i], ms[j])
                    and not _named_apart(ms[i].get("_names"), ms[j].get("_names"))):
            union(i, j)
    if specific:
        _join_specific(ms, value, find, union)
    by_about: dict[tuple, int] = {}
    for i, m in enumerate(ms):  # one person's age (or another figure about one person) ...
        if not m.get("about"):
            continue
        near = [by_about[k] for k in ((m["about"], value[i] + d) for d in ABOUT_SLACK) if k in by_about]
        for j in near:  # ... given within a year: two ages apart are two people of one name
            union(i, j)
        by_about.setdefault((m["about"], value[i]), i)
    _unnamed_ages(ms, value, by_about, find, union)
    comps: dict[int, list[dict]] = {}
    for i in range(len(ms)):
        comps.setdefault(find(i), []).append(ms[i])
    return list(comps.values())


SPECIFIC_STATES = ("killed", "injured", "missing", "evacuated", "rescued", "arrested", *MOMENT_STATES)
MAX_SPECIFIC = 80  # figures of one specific measure compared pairwise; beyond: by shared words only


CHARGE_COUNTS = ("count:count", "count:charge")  # "three counts of murder": charges, not the dead


def is_specific(key: tuple) -> bool:
    """Whether a measure names what it counts closely enough that, within one story, its
    different values are one fact reported several ways (people killed, evacuated, troops
    sent, jobs cut, a place's population, a quake's magnitude) unless something says otherwise;
    a bare count, a percentage or an amount of no named kind is not."""
    name = key[0]
    return name in SPECIFIC_STATES or name in FORCE_MEASURES or name in ("count:population", "magnitude") or \
        (name.startswith("count:") and name not in CHARGE_COUNTS and any(k in SPECIFIC_STATES for k in key[1:]))


def _specific_pairs(ms: list[dict]):
    """The pairs of a specific measure's figures to weigh: of two articles, at most
    ``MAX_SPECIFIC`` figures (beyond that only shared words join them: no quadratic work)."""
    if len(ms) > MAX_SPECIFIC:
        return
    for j in range(len(ms)):
        for i in range(j):
            if ms[i]["article_id"] != ms[j]["article_id"]:
                yield i, j


def differ(a: dict, b: dict) -> bool:
    """Evidence that two figures of one measure count different things: names near each that
    the other lacks (two places, two people), two owners (two parties' offers, durations of two
    things: :func:`owned_apart`), a count "so far" against a planned or maximum total, a count
    of the rest ("two other ...") or a part ("two of them"), or different casualty words near them."""
    return (_named_apart(a.get("_names"), b.get("_names")) or owned_apart(a.get("_owners"), b.get("_owners"))
            or bool(a.get("_other")) or bool(b.get("_other")) or bool(a.get("_part")) or bool(b.get("_part"))
            or bool(a.get("_listed")) or bool(b.get("_listed")) or casualties_apart(a, b) or _event_apart(a, b))


def casualties_apart(a: dict, b: dict) -> bool:
    """Different casualty words near two figures of one measure (beyond the one the measure names):
    "six servicemen were killed" and "11,000 troops were sent" count different things, however
    many words their sentences share."""
    asp_a, asp_b = set(a.get("aspects") or ()), set(b.get("aspects") or ())
    return bool((asp_a ^ asp_b) & CASUALTIES - {OWN_ASPECT.get(a["_key"][0])})


def _event_apart(a: dict, b: dict) -> bool:
    """Evidence that two figures belong to two events or moments, whichever figures link them:
    other years or event days near them, "so far" against a planned total, values far apart."""
    return ((a.get("_context") or set()) != (b.get("_context") or set()) or _far_apart(a, b)
            or _partial_apart(set(a.get("aspects") or ()), set(b.get("aspects") or ()))
            or _since_apart(a, b) or _two_of_one_article(a, b) or _stages_apart(a, b))


def _since_apart(a: dict, b: dict) -> bool:
    """A total over a stretch of time ("70 hurt over the past eight days") against a count not
    so marked: one day's count within that total, unless the unmarked count is the larger
    (no day within a stretch counts more than the whole of it: "About 100 people have been
    injured" is the total told later or otherwise, not a day's part of it)."""
    if bool(a.get("_since")) == bool(b.get("_since")):
        return False
    total, other = (a, b) if a.get("_since") else (b, a)
    return abs(in_dimension(other)) <= abs(in_dimension(total))


def _two_of_one_article(a: dict, b: dict) -> bool:
    """One source giving two values of one measure in one article, neither said to update
    the other: two counts ("five injured by Sunday's quake ... three by Monday's")."""
    return a["article_id"] == b["article_id"] and a["name"] == b["name"] and a["value"] != b["value"] \
        and not (a.get("_update") or b.get("_update"))


def _partial_apart(asp_a: set, asp_b: set) -> bool:
    """A count "so far" against a planned or maximum total: two moments of one measure."""
    return ("so far" in asp_a - asp_b and "planned total" in asp_b - asp_a) or \
        ("so far" in asp_b - asp_a and "planned total" in asp_a - asp_b)


SPECIFIC_RATIO = 5.0  # two values of one fact: the larger within this many times the smaller
MAGNITUDE_SLACK = 0.3  # one quake's magnitude as two agencies give it (5.9, 6.1): at most this apart


def _far_apart(a: dict, b: dict) -> bool:
    """Values too far apart to be one count told two ways (612 and 26,000 killed: two quakes),
    or one quake's magnitude (6.1 and 6.7: two quakes; 5.9 and 6.1: one, as two agencies read it)."""
    va, vb = sorted((abs(float(a["value"])), abs(float(b["value"]))))
    if a["_key"][0] == "magnitude":
        return vb - va > MAGNITUDE_SLACK + 1e-9
    return va <= 0 or vb > SPECIFIC_RATIO * va


def _held_key(m: dict, specific: bool) -> tuple:
    """The key under which a figure's sentence holds its value (see figure_clusters)."""
    return m["_sentence"] + (m["name"],) if specific else m["_sentence"]


def _join_specific(ms: list[dict], value: list, find, union) -> None:
    """Different values of a specific measure, of two articles, join when nothing near any
    figure of the one component says it counts something other than any of the other's
    (a chain of joins must not carry one event's toll into another's)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ms)):
        members[find(i)].append(i)
    apart: set[tuple[int, int]] = set()  # components found apart: they stay so as either grows
    for i, j in _specific_pairs(ms):
        ri, rj = find(i), find(j)
        if ri == rj or differ(ms[i], ms[j]) or (value[i] == value[j] and not _equal_footing(ms[i], ms[j])):
            continue
        roots = (min(ri, rj), max(ri, rj))
        if roots in apart:
            continue
        if any(_event_apart(ms[x], ms[y]) for x in members[ri] for y in members[rj]):
            apart.add(roots)
            continue
        union(i, j)
        if find(i) == find(j):
            merged = members.pop(ri) + members.pop(rj)
            members[find(i)] = merged


def _unnamed_ages(ms: list[dict], value: list, by_about: dict, find, union) -> None:
    """An age whose person is not named by it ("the 40-year-old actor", "She was 85.") joins
    the age of that value when the story's named ages of that value are one figure: one named
    person, or names already grouped as one ("Bettie Page ... aged 85" and "died in Los Angeles,
    aged 85", read as two names); two people of that age, grouped apart: neither."""
    holders: dict[float, set] = defaultdict(set)
    for about, v in by_about:
        holders[v].add(find(by_about[(about, v)]))
    for i, m in enumerate(ms):
        if m["_key"][0] == "age" and not m.get("about") and len(holders.get(value[i], ())) == 1:
            (root,) = holders[value[i]]
            union(i, root)


def _named_apart(na: Optional[set], nb: Optional[set]) -> bool:
    """Two equal figures each named by names the other lacks ("Baytown, Texas, about 25 miles"
    / "northeast Houston, about 25 miles"): two things of one size, not one figure told twice;
    a few shared words do not join them (shared words enough to join different values still
    do). Pairwise only: a group's names taken together split one figure told many ways."""
    return bool(na and nb) and not any(_one_name(x, y) for x in na for y in nb)


def _stem(name: str) -> str:
    """A lower-case name without a plural "s" ("somalis": somali)."""
    return name[:-1] if len(name) > 4 and name.endswith("s") and not name.endswith("ss") else name


def _one_name(x: str, y: str) -> bool:
    """Whether two lower-case names near figures name one thing: equal, or a land and its
    people, singular or plural ("Somalia", "Somali", "Somalis"; "Yemen", "Yemeni"): one stem the
    other's start, at most two letters shorter and at least four long."""
    x, y = sorted((_stem(x), _stem(y)), key=len)
    return x == y or (len(x) >= 4 and len(y) - len(x) <= 2 and y.startswith(x))


def _apart(a: dict, b: dict) -> bool:
    """Whether two components hold different values of one sentence (see figure_clusters)."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return any(k in big and big[k] != vs for k, vs in small.items())


def single_link_clusters(ms: list[dict], thr: float, seeds: Optional[list[dict]] = None) -> list[list[dict]]:
    """Single-link clusters: two members link when their content words overlap by Jaccard
    ``thr`` or more (any two when ``thr`` is 0); with ``seeds``, only pairs holding a seed."""
    n = len(ms)
    if thr <= 0 and seeds is None:  # every pair links: one component, no need to compare
        return [list(ms)] if ms else []
    parent = list(range(n))
    find = partial(_root, parent)

    seed_ids = {id(m) for m in seeds} if seeds is not None else None
    pairs = ((i, j) for j in range(n) for i in range(j)) if thr <= 0 else \
        overlap_candidates([m["_kw"] for m in ms], thr)
    for i, j in pairs:
        if seed_ids is not None and id(ms[i]) not in seed_ids and id(ms[j]) not in seed_ids:
            continue
        if find(i) == find(j):  # already linked: comparing says nothing new
            continue
        a, b = ms[i]["_kw"], ms[j]["_kw"]
        if thr <= 0 or (a and b and len(a & b) / len(a | b) >= thr):
            parent[find(i)] = find(j)
    comps: dict[int, list[dict]] = {}
    for i in range(n):
        comps.setdefault(find(i), []).append(ms[i])
    return list(comps.values())


def overlap_candidates(sets: list[set], thr: float):
    """The pairs ``(i, j)``, ``i < j``, that may reach Jaccard ``thr`` (prefix filtering: such a
    pair shares a word among the rarest ``len - ceil(thr * len) + 1`` words of each side), so
    sets that share only common words are never compared: no pair is missed."""
    freq = Counter(w for s in sets for w in s)
    index: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(sets):
        if not s:
            continue
        rarest = sorted(s, key=lambda w: (freq[w], w))
        prefix = rarest[:len(rarest) - math.ceil(thr * len(rarest) - 1e-9) + 1]
        seen: set[int] = set()
        for w in prefix:
            for i in index[w]:
                if i not in seen:
                    seen.add(i)
                    yield i, j
            index[w].append(j)


ATTACH_OVERLAP = 0.25  # a lone figure's words shared with a group of its measure to join it
ATTACH_RATIO = 2.0  # ... and its value within this many times theirs (one count told two ways)


def grouped(comp: list[dict]) -> bool:
    """Whether a cluster makes a claim group: two members of two articles or two sources."""
    return len(comp) >= 2 and (len({m["article_id"] for m in comp}) >= 2 or len({m["name"] for m in comp}) >= 2)


def attach_lone(comps: list[list[dict]], key: tuple) -> list[list[dict]]:
    """The clusters of one measure, each lone figure (a cluster that makes no group: its value
    told once) joined to the one group of its measure whose members' words it shares at
    ``ATTACH_OVERLAP`` (below the measure's bar ``thr``) when nothing near them says they
    count different things: a differing figure of the same measure and subject is then
    compared, not left out (a group of the agreeing part would read "agree"). A lone figure
    near two such groups joins neither. The member it joins records whom it was linked to
    (``_links``), so the verdict reads those pairs as direct."""
    thr = join_threshold(key)
    if not ATTACH_OVERLAP < thr < 1.0 or key[0] in DIMENSIONS:  # a story's durations, lengths, shares
        return comps  # measure many things: only their own words join them
    groups = [c for c in comps if grouped(c)]
    joined = set()
    for lone in (c for c in comps if not grouped(c)):
        near = [(g, links) for g in groups if (links := _attach_links(lone, g))]
        if len(near) == 1:
            g, links = near[0]
            for m in lone:
                m["_links"] = links
            g.extend(lone)
            joined.add(id(lone))
    return [c for c in comps if id(c) not in joined]


def _attach_links(lone: list[dict], group: list[dict]) -> set:
    """The claim ids of ``group`` that a lone cluster's figures share ``ATTACH_OVERLAP`` of
    their words with; empty when any pair of the two says they differ or shares a sentence."""
    links = set()
    for a in lone:
        for b in group:
            if differ(a, b) or _too_far(a, b) or (a.get("_sentence") is not None
                                                  and a.get("_sentence") == b.get("_sentence")):
                return set()
            ka, kb = a["_kw"], b["_kw"]
            if ka and kb and context_overlap(ka, kb, a["_who"], b["_who"]) >= ATTACH_OVERLAP:
                links.add(b["claim_id"])
    return links


def _too_far(a: dict, b: dict) -> bool:
    """Values more than ``ATTACH_RATIO`` times apart (157 games in a season, 54 with one team)."""
    va, vb = sorted((abs(float(a["value"])), abs(float(b["value"]))))
    return va <= 0 or vb > ATTACH_RATIO * va


def attach_equal(comps: list[list[dict]], key: tuple) -> list[list[dict]]:
    """The clusters of one measure, each lone figure (a cluster that makes no group) joined to
    the one group of its measure that holds its value, whatever words they share ("They had 26
    crewmen aboard" in a story whose one group of persons holds "apprehending 26 Somali
    pirates"): one value of one measure told once more. Not when two groups hold that value,
    nor when any member of the group shares its sentence or says it counts something else
    (:func:`differ`); an age is its person's (see :func:`figure_clusters`), and durations,
    lengths, shares and amounts measure many things in one story ("a $200 million offer" and
    "a $200 million counteroffer"), so only their words join them."""
    if key[0] in ("age", "amount", *DIMENSIONS) or join_threshold(key) <= 0:
        return comps
    groups = [c for c in comps if grouped(c)]
    joined = set()
    for lone in (c for c in comps if not grouped(c)):
        near = [g for g in groups if _holds_value(g, lone)]
        if len(near) == 1 and _may_join_equal(lone, near[0]):
            near[0].extend(lone)
            joined.add(id(lone))
    return [c for c in comps if id(c) not in joined]


def _holds_value(group: list[dict], lone: list[dict]) -> bool:
    """Whether a group holds every value of a lone cluster (in its measure's dimension)."""
    values = {_value_key(m) for m in group}
    return all(_value_key(m) in values for m in lone)


def _may_join_equal(lone: list[dict], group: list[dict]) -> bool:
    """Whether nothing keeps a lone cluster from a group holding its value: no shared
    sentence, equal footing with the equal members, nothing that says any two differ."""
    for a in lone:
        for b in group:
            if differ(a, b) or (a.get("_sentence") is not None and a.get("_sentence") == b.get("_sentence")):
                return False
            if _value_key(a) == _value_key(b) and not _equal_footing(a, b):
                return False
    return True
