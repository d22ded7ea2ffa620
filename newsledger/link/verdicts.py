"""Verdicts of claim groups: how two figure members compare (agree, spread, different things,
conflict, revision) and why, a figure group's verdict and reason read from its cross-source
pairs linked directly, a stance group's verdict, the timeline, and the bounds on a group's size
(``MAX_GROUP_MEMBERS`` members, ``MAX_PAIRS`` stored pairs, conflicts first)."""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from newsledger.link.figure_joins import differ, is_specific
from newsledger.link.figure_marks import CASUALTIES, OWN_ASPECT, context_overlap, member_unit, bounds
from newsledger.link.speakers import same_side
from newsledger.link.text import words


NEG = re.compile(r"\b(no|not|never|n't|none|nothing|neither|nor|without|denied|denies|deny|false)\b", re.I)
POSITIVE = {"asserts", "claims-responsibility", "accuses", "expects"}
NEGATIVE = {"denies"}
UNSURE = {"cannot-confirm"}
MARKED = {"denies", "cannot-confirm", "claims-responsibility", "accuses"}


def _scaled(m: dict) -> tuple[float, float]:
    """A member's bounds in its measure's dimension (minutes as seconds, miles as metres). An
    exact whole number below ``SMALL_WHOLE`` is just that number: the 1% an exact figure is
    allowed is for rounding large ones (60 and 61 years old differ; 235,000 and 234,000 may not)."""
    lo, hi = bounds(m)
    k = m.get("scale", 1.0) or 1.0
    v = float(m.get("value") or 0.0)
    if (m.get("bound") or "exact") == "exact" and v.is_integer() and abs(v) < SMALL_WHOLE:
        lo = hi = v
    return lo * k, hi * k


SMALL_WHOLE = 100


def _same_number(ba: str, bb: str) -> bool:
    """Whether two figures of one value say the same thing: the same kind of bound, or at most
    one of them a one-sided bound ("eight" and "at least eight", "20" and "as many as 20" name
    one number; "at least 20" and "up to 20" meet only at it)."""
    kinds = {ba or "exact", bb or "exact"}
    return len(kinds) == 1 or kinds <= {"exact", "approx"} or \
        (len(kinds & {"at-least", "at-most"}) == 1 and kinds <= {"exact", "approx", "at-least", "at-most"})


def _near(x: float, y: float) -> bool:
    """Two values equal within 1%."""
    return abs(x - y) <= 0.01 * max(abs(x), abs(y), 1e-9)


def _same_ends(a: dict, b: dict) -> bool:
    """Two ranges name one figure only when both ends match ("40 to 80 percent" and "40 to 70
    percent" share their low end, not their figure); other bounds: their value says it."""
    if a["bound"] != "range" or b["bound"] != "range":
        return True
    (alo, ahi), (blo, bhi) = _scaled(a), _scaled(b)
    return _near(alo, blo) and _near(ahi, bhi)


def compare(a: dict, b: dict) -> tuple[str, str]:
    """Relation of two figure members: agree | spread | different-things | conflict."""
    (alo, ahi), (blo, bhi) = _scaled(a), _scaled(b)
    fa, fb = a["figure"], b["figure"]
    va, vb = a["value"] * a.get("scale", 1.0), b["value"] * b.get("scale", 1.0)
    if _near(va, vb) and _same_number(a["bound"], b["bound"]) and _same_ends(a, b):
        same = f"both give {fa}" if fa == fb else f"give the same figure (\"{fa}\", \"{fb}\")"
        return "agree", f"{a['name']} and {b['name']} {same}"
    if _requoted(a, b):  # one source, one moment, two figures: one article misquotes it
        return "conflict", (f"{a['name']} is quoted with \"{fa}\" in one article and \"{fb}\" in another "
                            f"published at the same time: one of them changed the figure")
    if alo <= bhi and blo <= ahi:
        return "spread", (f"{a['name']} \"{fa}\" and {b['name']} \"{fb}\" differ but fit within "
                          f"each other's bounds")
    asp_a, asp_b = set(a["aspects"]), set(b["aspects"])
    # a count of what has happened "so far" below a total/estimate is partial, not contrary
    contrast = (("so far" in asp_a and "so far" not in asp_b and ahi <= blo)
                or ("so far" in asp_b and "so far" not in asp_a and bhi <= alo)
                or bool((asp_a ^ asp_b) & CASUALTIES - {OWN_ASPECT.get((a.get("_key") or ("",))[0])}))
    if contrast:
        da = ", ".join(sorted(asp_a - asp_b)) or "unqualified"
        db = ", ".join(sorted(asp_b - asp_a)) or "unqualified"
        return "different-things", (f"\"{fa}\" ({da}) and \"{fb}\" ({db}) count different things, "
                                    f"not a disagreement")
    planned = [m for m in (a, b) if "planned total" in m["aspects"]]
    if planned:  # a planned or maximum total bounds the other figure from above only
        top = max(planned, key=lambda m: m["value"] * m.get("scale", 1.0))
        low = b if top is a else a
        if low["value"] * low.get("scale", 1.0) <= top["value"] * top.get("scale", 1.0):
            return "spread", (f"{low['name']} \"{low['figure']}\" is within the total {top['name']} "
                              f"expects (\"{top['figure']}\")")
    if _one_side(a, b) and (a.get("published") or "")[:10] != (b.get("published") or "")[:10] \
            and a["value"] != b["value"]:
        return "revision", (f"{a['name']} revised its figure from \"{fa}\" ({(a.get('published') or '')[:10]}) "
                            f"to \"{fb}\" ({(b.get('published') or '')[:10]})")
    return "conflict", (f"{a['name']} says \"{fa}\" but {b['name']} says \"{fb}\": the figures do not "
                        f"overlap")


_RANK = {"conflict": 3, "spread": 2, "different-things": 1, "agree": 0, "revision": -1}
MAX_GROUP_MEMBERS = 200  # members kept per claim group: the earliest published
MAX_PAIRS = 200  # compared pairs stored per group: conflicts first, then spread, ...


def _when(m: dict) -> str:
    """A member's sort key in time: its publication date, undated last."""
    return m.get("published") or "9999"


def earliest(comp: list[dict]) -> list[dict]:
    """The members a group keeps: at most ``MAX_GROUP_MEMBERS``, the earliest published (ties in
    ingest order), in their original order."""
    if len(comp) <= MAX_GROUP_MEMBERS:
        return comp
    order = sorted(range(len(comp)), key=lambda i: (_when(comp[i]), i))
    keep = set(order[:MAX_GROUP_MEMBERS])
    return [m for i, m in enumerate(comp) if i in keep]


def sized(group: dict, found: int) -> dict:
    """Say how many members the group kept and found (``truncated`` when it dropped some)."""
    group.update(size=len(group["members"]), members_found=found,
                 truncated=found > len(group["members"]))
    return group


def _gid(prefix: str, story_id: str, comp: list[dict]) -> str:
    first = min(m["claim_id"] for m in comp)
    return prefix + hashlib.sha1(f"{story_id}|{first}".encode()).hexdigest()[:10]


def measure_text(unit: Optional[str]) -> str:
    """A group's measure key as a reader would write it: "count:flight cancelled" -> "flight cancelled",
    "count:-" -> "" (the key's marks are for joining, not for showing)."""
    text = (unit or "").removeprefix("count:").replace(":", " ").replace("-", " ")
    return " ".join(text.split())


def _label(comp: list[dict], unit: Optional[str] = None) -> str:
    common = set.intersection(*[m["_kw"] for m in comp]) if comp else set()
    first = comp[0]["content"]
    kw = [w for w in words(first) if w in common][:6]
    lab = " ".join(dict.fromkeys(kw))
    what = measure_text(unit)
    if what:
        return f"{what}: {lab}" if lab and not set(lab.split()) <= set(what.split()) else what
    return lab or first[:60]


def timeline(comp: list[dict]) -> list[dict]:
    """The members in publication order (undated last), each as who gave what when."""
    ordered = sorted(comp, key=lambda m: (_when(m), m["article_id"], m["idx"]))
    out = []
    for m in ordered:
        out.append({"published": m.get("published"), "article_id": m["article_id"],
                    "source": m["source"], "name": m["name"], "figure": m.get("figure"),
                    "value": m.get("value"), "stance": m.get("stance")})
    return out


def _clean(m: dict) -> dict:
    return {k: v for k, v in m.items() if not k.startswith("_")}


def _direct(a: dict, b: dict, thr: float) -> bool:
    """Whether two members of a group were linked to each other, not only through others:
    equal values, contents sharing ``thr`` of their words, or a lone figure and the members it
    was attached to (``_links``, see :func:`newsledger.link.figure_joins.attach_lone`)."""
    if thr <= 0 or a["value"] * a.get("scale", 1.0) == b["value"] * b.get("scale", 1.0):
        return True
    if b["claim_id"] in a.get("_links", ()) or a["claim_id"] in b.get("_links", ()):
        return True
    if a.get("about") and a.get("about") == b.get("about"):  # one person's figure (an age)
        return True
    ka, kb = a.get("_kw") or set(), b.get("_kw") or set()
    return bool(ka and kb) and context_overlap(ka, kb, a.get("_who") or set(), b.get("_who") or set()) >= thr


def figure_group(story_id: str, unit: str, comp: list[dict], thr: float = 0.0,
                 converted: frozenset = frozenset()) -> dict:
    """A figure group; its verdict is read from the pairs of members linked directly (two
    figures joined only through a third say less about each other). Two members in two
    currencies, or in two units that ``converted`` holds, are not compared (see
    :func:`conversions`)."""
    pairs = []
    seen = set()
    for i, a in enumerate(comp):
        for b in comp[i + 1:]:
            if a["claim_id"] == b["claim_id"] or a.get("dimension") != b.get("dimension") \
                    or frozenset((member_unit(a), member_unit(b))) in converted:
                continue
            key = tuple(sorted([(a["name"], a["figure"]), (b["name"], b["figure"])]))
            if key in seen:
                continue
            seen.add(key)
            rel, why = compare(a, b)
            same = _one_side(a, b)
            pair = {"a": a["claim_id"], "b": b["claim_id"], "relation": rel, "reason": why, "same_source": same}
            if same and _requoted(a, b):
                pair["requoted"] = True
            pairs.append(dict(pair, _direct=_direct(a, b, thr), _specific=_specific_link(a, b)))
    cross = _weighed(pairs)
    for p in pairs:
        p.pop("_direct")
        p.pop("_specific")
    verdict = max((p["relation"] for p in cross), key=_RANK.get, default="agree")
    if verdict == "revision" or (verdict == "agree" and any(p["relation"] == "revision" for p in pairs)):
        verdict = "revised"  # one source updating its own figure: see the timeline
        cross = [p for p in pairs if p["relation"] == "revision"]
    reasons = [p["reason"] for p in cross if p["relation"] == ("revision" if verdict == "revised" else verdict)]
    others = [p["reason"] for p in pairs if p["relation"] == "different-things" and verdict != "different-things"]
    reason = reasons[0] if reasons else ""
    if others:
        reason += "; also " + others[0]
    values = [m["value"] for m in comp if m.get("dimension") == comp[0].get("dimension")]  # the first's currency
    members = mark_conflicts([_clean(m) for m in comp], pairs)
    return {"id": _gid("q-", story_id, comp), "story_id": story_id, "kind": "figure",
            "label": _label(comp, unit), "unit": unit, "verdict": verdict, "reason": reason,
            "range": [min(values), max(values)], "members": members,
            "pairs": telling_pairs(pairs), "pairs_found": len(pairs), "timeline": timeline(comp)}


def _specific_link(a: dict, b: dict) -> bool:
    """Two counts of a specific measure (people evacuated, flights cancelled: see
    :func:`newsledger.link.figure_joins.is_specific`) in two articles that nothing says count
    different things: such values join each other whatever words they share. A quake's
    magnitude is no count: agencies measure it apart, a tenth or two from each other."""
    return a["article_id"] != b["article_id"] and is_specific(a.get("_key") or ("",)) \
        and a.get("dimension") != "magnitude" and not differ(a, b)


def _weighed(pairs: list[dict]) -> list[dict]:
    """The compared pairs a group's verdict is read from: the cross-source pairs linked
    directly; when those all agree, also the cross-source pairs of a specific measure that
    join whatever words they share (:func:`_specific_link`), so that a group holding two
    sources' equal figures and a third source's other value of one fact ("212 flights", "212",
    "closer to 350" cancelled) does not read "agree"."""
    sides = [p for p in pairs if across(p)]
    direct = [p for p in sides if p["_direct"]]
    if direct and all(p["relation"] == "agree" for p in direct):
        direct += [p for p in sides if p["_specific"] and not p["_direct"]]
    return direct or sides or pairs


def across(pair: dict) -> bool:
    """Whether a compared pair weighs in a group's verdict: two sides, or one source quoted with
    two figures at the same moment (which weighs like two sources disagreeing)."""
    return not pair.get("same_source") or bool(pair.get("requoted"))


def mark_conflicts(members: list[dict], pairs: list[dict]) -> list[dict]:
    """Figure members with ``conflict``: whether the member's figure conflicts with another
    source's (read from every compared pair, before they are cut to ``MAX_PAIRS``)."""
    conflicting = {p[k] for p in pairs if p.get("relation") == "conflict" and across(p) for k in ("a", "b")}
    return [dict(m, conflict=m.get("claim_id") in conflicting) for m in members]


def telling_pairs(pairs: list[dict]) -> list[dict]:
    """At most ``MAX_PAIRS`` of the compared pairs, in their order: cross-source conflicts
    first, then by relation rank (all of them when there are that few)."""
    if len(pairs) <= MAX_PAIRS:
        return pairs
    order = sorted(range(len(pairs)), key=lambda i: (pairs[i]["same_source"],
                                                     -_RANK.get(pairs[i]["relation"], -9), i))
    keep = set(order[:MAX_PAIRS])
    return [p for i, p in enumerate(pairs) if i in keep]


def _requoted(a: dict, b: dict) -> bool:
    """The same speaker, with the same kind of bound on the same thing, given two different
    values in articles published at the same moment (a copy that altered a figure). A later
    article is a revision or an update, not this."""
    return (a.get("article_id") != b.get("article_id") and bool(_moment(a))
            and _moment(a) == _moment(b) and a["name"] == b["name"]
            and a["bound"] == b["bound"] and set(a.get("aspects") or ()) == set(b.get("aspects") or ())
            and not _near(a["value"], b["value"]))


def _moment(m: dict) -> Optional[str]:
    """When a member's article came out: its published date, else the clock time its page gave
    with no day (two copies of one page both "Published at 10:09")."""
    return m.get("published") or m.get("_clock")


def _one_side(a: dict, b: dict) -> bool:
    """The same speaker (name variants) or one speaking for the other's organisation."""
    return a["name"] == b["name"] or same_side(a.get("_side") or set(), b.get("_side") or set())


def stance_group(story_id: str, comp: list[dict]) -> dict:
    pos = [m for m in comp if m["stance"] in POSITIVE and not m["_neg"]]
    neg = [m for m in comp if m["stance"] in NEGATIVE or (m["_neg"] and m["stance"] not in UNSURE)]
    unsure = [m for m in comp if m["stance"] in UNSURE]
    names = lambda ms: ", ".join(dict.fromkeys(m["name"] for m in ms))
    if pos and neg and any(not _one_side(a, b) for a in pos for b in neg):
        verdict = "conflict"
        reason = f"{names(pos)} {pos[0]['stance']} but {names(neg)} den{'y' if len(neg) > 1 else 'ies'} it"
        if unsure:
            reason += f"; {names(unsure)} cannot confirm"
    elif (pos or neg) and unsure:
        verdict = "spread"
        reason = f"{names(unsure)} cannot confirm what {names(pos or neg)} {'assert' if pos else 'deny'}"
    else:
        verdict = "agree"
        reason = f"{names(comp)} take the same position"
    return {"id": _gid("p-", story_id, comp), "story_id": story_id, "kind": "stance",
            "label": _label(comp), "unit": None, "verdict": verdict, "reason": reason,
            "members": [_clean(m) for m in comp], "pairs": [], "timeline": timeline(comp)}
