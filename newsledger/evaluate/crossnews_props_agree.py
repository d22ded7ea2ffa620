"""Agreement of two readers' proposition gold for one ECB+ sub-topic (``scripts/crossnews_props_gold.py agree``).

Two gold files (:mod:`newsledger.evaluate.crossnews_props`; the first reader's in ``data/crossnews_props``, a
second, independent reading in ``data/crossnews_props_second``) are compared:

- **claims**: one reader's claim matches the other's when their spans overlap in the same document (one to one,
  largest overlaps first); the claims each reader marked that the other did not;
- **pairs**: every two matched claims of different articles is grouped (one proposition) by both readers, by one
  only, or by neither: F1 of one reader's pairs against the other's, and Cohen's kappa over all those pairs;
- **labels**: stance and ``toward`` on matched claims; ``same_side`` and the pair relation (agree / open /
  conflict) on the pairs both group; the verdict of each group against the other reader's group holding most of
  its pairs; groups one reader splits (its members in two or more of the other's groups);
- **apart**: each reader's ``apart`` pairs on matched claims that the other also marks apart, or groups.
"""
from __future__ import annotations

import itertools
from collections import Counter

from newsledger.evaluate.crossnews_props import pair_relation


def match_claims(first: list[dict], second: list[dict]) -> dict[str, str]:
    """first claim id -> second claim id: claims of one document whose spans overlap, one to one, the
    largest overlaps first (ties by position)."""
    cands = []
    for a in first:
        for b in second:
            if a["doc"] == b["doc"]:
                overlap = min(a["span"][1], b["span"][1]) - max(a["span"][0], b["span"][0])
                if overlap > 0:
                    cands.append((-overlap, a["span"][0], b["span"][0], a["id"], b["id"]))
    out, taken = {}, set()
    for _, _, _, x, y in sorted(cands):
        if x not in out and y not in taken:
            out[x] = y
            taken.add(y)
    return out


def kappa(both: int, first_only: int, second_only: int, neither: int) -> float:
    """Cohen's kappa of two binary labelings from their 2x2 counts (1.0 when both are constant and equal)."""
    n = both + first_only + second_only + neither
    if n == 0:
        return 1.0
    p1, p2 = (both + first_only) / n, (both + second_only) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    observed = (both + neither) / n
    return 1.0 if expected == 1 else round((observed - expected) / (1 - expected), 3)


def pair_table(first: dict, second: dict, match: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Every two matched claims of different articles (as first-reader ids), by who puts them in one
    proposition: ``both``, ``first``, ``second`` or ``neither``."""
    c1 = {c["id"]: c for c in first["claims"]}
    prop2 = {c["id"]: c["prop"] for c in second["claims"]}
    out = {"both": [], "first": [], "second": [], "neither": []}
    for x, y in itertools.combinations(sorted(match), 2):
        if c1[x]["doc"] == c1[y]["doc"]:
            continue
        g1, g2 = c1[x]["prop"] == c1[y]["prop"], prop2[match[x]] == prop2[match[y]]
        out["both" if g1 and g2 else "first" if g1 else "second" if g2 else "neither"].append((x, y))
    return out


def split_groups(gold: dict, other: dict, match: dict[str, str]) -> list[str]:
    """The groups of ``gold`` whose matched members the ``other`` reader puts in two or more propositions,
    as ``prop: n other propositions`` (``match``: ``gold`` claim id -> ``other`` claim id)."""
    prop = {c["id"]: c["prop"] for c in other["claims"]}
    out = []
    for grp in gold["groups"]:
        props = {prop[match[m]] for m in grp["members"] if m in match}
        if len(props) > 1:
            out.append(f"{grp['prop']}: {len(props)}")
    return out


def verdicts_agreed(gold: dict, other: dict, match: dict[str, str]) -> tuple[int, int]:
    """Of ``gold``'s groups with a pair the other reader also groups, how many get the verdict of the
    other reader's group holding most of those pairs (ties by proposition id)."""
    prop = {c["id"]: c["prop"] for c in other["claims"]}
    doc = {c["id"]: c["doc"] for c in gold["claims"]}
    verdict = {g["prop"]: g["verdict"] for g in other["groups"]}
    found = right = 0
    for grp in gold["groups"]:
        hits = Counter(prop[match[x]] for x, y in itertools.combinations(grp["members"], 2)
                       if x in match and y in match and doc[x] != doc[y] and prop[match[x]] == prop[match[y]])
        if hits:
            found += 1
            right += verdict[min(hits, key=lambda k: (-hits[k], k))] == grp["verdict"]
    return right, found


def apart_agreed(gold: dict, other: dict, match: dict[str, str]) -> dict[str, int]:
    """``gold``'s apart pairs whose claims the other reader also holds: how many it marks apart too, and
    how many it groups as one proposition."""
    prop = {c["id"]: c["prop"] for c in other["claims"]}
    theirs = {frozenset((p["a"], p["b"])) for p in other["apart"]}
    held = [(match[p["a"]], match[p["b"]]) for p in gold["apart"] if p["a"] in match and p["b"] in match]
    return {"apart": len(gold["apart"]), "held": len(held),
            "also_apart": sum(1 for x, y in held if frozenset((x, y)) in theirs),
            "grouped": sum(1 for x, y in held if prop[x] == prop[y])}


def label_agreement(first: dict, second: dict, match: dict[str, str], both: list[tuple[str, str]]) -> dict:
    """Stance and ``toward`` agreement on matched claims; same-side and relation agreement on the pairs
    both readers group (``both``: first-reader ids)."""
    c1 = {c["id"]: c for c in first["claims"]}
    c2 = {c["id"]: c for c in second["claims"]}

    def pair_labels(c, x, y):
        return c[x]["side"] == c[y]["side"], pair_relation(c[x]["toward"], c[y]["toward"])

    labels = [(pair_labels(c1, x, y), pair_labels(c2, match[x], match[y])) for x, y in both]
    return {"stance": sum(c1[x]["stance"] == c2[y]["stance"] for x, y in match.items()),
            "toward": sum(c1[x]["toward"] == c2[y]["toward"] for x, y in match.items()),
            "same_side": sum(a[0] == b[0] for a, b in labels), "relation": sum(a[1] == b[1] for a, b in labels),
            "stance_pairs": dict(Counter(f"{c1[x]['stance']}/{c2[y]['stance']}" for x, y in match.items()
                                         if c1[x]["stance"] != c2[y]["stance"])),
            "same_side_differs": [f"{x}~{y}" for (x, y), (a, b) in zip(both, labels) if a[0] != b[0]]}


def agreement(first: dict, second: dict) -> dict:
    """Two readers' gold of one sub-topic compared (see the module docstring); ids are each reader's own."""
    match = match_claims(first["claims"], second["claims"])
    back = {y: x for x, y in match.items()}
    table = pair_table(first, second, match)
    n = {k: len(v) for k, v in table.items()}
    f1 = 2 * n["both"] / (2 * n["both"] + n["first"] + n["second"]) if n["both"] else 0.0
    return {"subtopic": first["subtopic"], "claims": [len(first["claims"]), len(second["claims"])],
            "matched": len(match),
            "only_first": sorted((c["id"] for c in first["claims"] if c["id"] not in match), key=_num),
            "only_second": sorted((c["id"] for c in second["claims"] if c["id"] not in back), key=_num),
            "pairs": n, "pair_f1": round(f1, 3), "kappa": kappa(n["both"], n["first"], n["second"], n["neither"]),
            "first_only_pairs": table["first"], "second_only_pairs": table["second"],
            "labels": label_agreement(first, second, match, table["both"]),
            "verdicts": [verdicts_agreed(first, second, match), verdicts_agreed(second, first, back)],
            "split": [split_groups(first, second, match), split_groups(second, first, back)],
            "apart": [apart_agreed(first, second, match), apart_agreed(second, first, back)]}


def _num(cid: str) -> tuple:
    return (len(cid), cid)


def agreement_lines(r: dict) -> list[str]:
    """The agreement report as text lines (claim ids are each reader's own)."""
    n, lab = r["pairs"], r["labels"]
    grouped = n["both"] + n["first"] + n["second"]
    return [f"sub-topic {r['subtopic']}: claims first {r['claims'][0]}, second {r['claims'][1]}; matched by span "
            f"overlap {r['matched']}; first only {len(r['only_first'])} {r['only_first']}; second only "
            f"{len(r['only_second'])} {r['only_second']}",
            f"cross-article pairs of matched claims: {sum(n.values())}; grouped by both {n['both']}, first only "
            f"{n['first']}, second only {n['second']}, neither {n['neither']}; pair F1 {r['pair_f1']:.3f}, "
            f"kappa {r['kappa']:.3f} ({grouped} grouped by either)",
            f"matched claims: stance agreed {lab['stance']}/{r['matched']} {lab['stance_pairs']}, toward agreed "
            f"{lab['toward']}/{r['matched']}",
            f"pairs both group: same side agreed {lab['same_side']}/{n['both']}, relation agreed "
            f"{lab['relation']}/{n['both']}; same side differs on {lab['same_side_differs'][:8]}",
            f"verdicts: first's groups {r['verdicts'][0][0]}/{r['verdicts'][0][1]} as the second's, second's "
            f"{r['verdicts'][1][0]}/{r['verdicts'][1][1]} as the first's; groups split by the other reader: first's "
            f"{r['split'][0]}, second's {r['split'][1]}",
            f"apart: first's {r['apart'][0]}, second's {r['apart'][1]}",
            f"pairs the first groups and the second does not (first reader's ids): {r['first_only_pairs'][:12]}",
            f"pairs the second groups and the first does not (first reader's ids): {r['second_only_pairs'][:12]}"]
