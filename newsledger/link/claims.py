"""Claim groups: claims about the same measured quantity or the same proposition, across the
articles of one story, with each source's figure or stance, a verdict and a timeline.

Figures are compared through their bounds ("up to 12,000" is [0, 12,000], "some 10,000" is
about [8,000, 12,000]); figures that do not overlap are checked for counting different things
("1,500 already training" vs "12,000 to be sent") before a conflict is declared.

Size is bounded whatever the input: a group keeps at most ``MAX_GROUP_MEMBERS`` members, the
earliest published (then in ingest order); beyond that it says ``truncated: true`` and how many
members were found (``members_found``). Its verdict and reason are read from the members it
keeps. Of the member pairs it compares, it stores at most ``MAX_PAIRS`` (conflicts first); each
figure member says whether it conflicts with another source (``conflict``), so no reader needs
every pair.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from functools import partial
from typing import Optional

from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE
from newsledger.analyze.quantities import word_or_digit
from newsledger.link.measures import DIMENSIONS, MOMENT_STATES, NOT_NAMES, group_key, measure, persons_listed
from newsledger.link.speakers import canonical, same_side, side_keys
from newsledger.link.text import STOPWORDS, words

UNIT_SYNONYMS = {
    "troops": ("troop", "soldier", "personnel", "military personnel", "serviceman", "servicemen",
               "service member", "forces", "fighter", "combatant", "army", "military", "special forces"),
    "people": ("people", "person", "persons", "civilian", "resident", "individual"),
    "USD": ("usd", "dollar", "$", "us$"),
    "EUR": ("eur", "euro", "€"),
    "percent": ("percent", "per cent", "%", "pct", "percentage"),
}
_UNIT_INDEX = {w: k for k, ws in UNIT_SYNONYMS.items() for w in ws}

# what a figure counts (its state), read from the nearest cue word: figures of one unit and
# different states are different quantities (people in shelters vs people displaced)
STATES = {
    "displaced": r"evacuat\w*|displac\w*|homeless|fled|flee\w*|forced from",
    "in shelters": r"shelter\w*",
    "killed": r"killed|dead|died|death toll|deaths?|bodies|lives",
    "injured": r"injur\w*|wounded|hospital\w*|serious condition|treated",
    "missing": r"missing|unaccounted",
    "rescued": r"rescu\w*",
    "returned": r"returned|return(?:ed)? home|went home|allowed back",
    "on strike": r"strik\w*|walk(?:ed)? ?out",
    "cancelled": r"cancel\w*|grounded",
    "waiting": r"waiting|queu\w*|anchor\w*|stranded|backlog",
    "deployed": r"sen[dt]|sending|deploy\w*|train\w*|transport\w*|dispatch\w*|stationed",
    "damaged": r"flooded|damaged|destroyed|submerged",
}
_STATE_RE = [(k, re.compile(r"\b(?:" + v + r")", re.I)) for k, v in STATES.items()]


def state(content: str, q: dict) -> Optional[str]:
    """The state word nearest to the figure (after it first: "1,200 people in shelters")."""
    text = content or ""
    t = q.get("text") or ""
    pos = text.find(t) if t else -1
    if pos < 0:
        return None
    end = pos + len(t)
    after, before = text[end:end + 80], text[max(0, pos - 80):pos]
    best, dist = None, 10 ** 6
    for k, rx in _STATE_RE:
        m = rx.search(after)
        if m and m.start() < dist:
            best, dist = k, m.start()
        for m in rx.finditer(before):
            d = len(before) - m.end() + 15  # a cue before the figure counts a bit less
            if d < dist:
                best, dist = k, d
    return best


ASPECTS = {
    "training": r"\btrain(?:ing|ed|s)?\b|\bacclimati[sz]ation\b",
    "so far": r"\balready\b|\bso far\b|\bcurrently\b|\bfirst (?:contingent|batch|wave|group)\b|\bto date\b",
    "planned total": r"\bup to\b|\btotal\b|\bin all\b|\bcould\b|\bwill\b|\bexpected\b|\bplan(?:s|ned)?\b|\bto be\b|\beventually\b",
    "sent": r"\bsen[dt]s?\b|\bsending\b|\bdeploy(?:ed|ing|ment|s)?\b|\btransport(?:ed|ing)?\b|\bdispatch(?:ed)?\b",
    "killed": r"\bkill(?:ed|s|ing)?\b|\bdead\b|\bdied\b|\bdeaths?\b|\bfatalit",
    "wounded": r"\bwound(?:ed|s)?\b|\binjur(?:ed|ies|y)\b",
    "captured": r"\bcaptur(?:ed|e)\b|\bprisoners?\b|\bdetained\b",
    "missing": r"\bmissing\b",
}
_ASPECT_RE = {k: re.compile(v, re.I) for k, v in ASPECTS.items()}
_NEG = re.compile(r"\b(no|not|never|n't|none|nothing|neither|nor|without|denied|denies|deny|false)\b", re.I)
POSITIVE = {"asserts", "claims-responsibility", "accuses", "expects"}
NEGATIVE = {"denies"}
UNSURE = {"cannot-confirm"}
MARKED = {"denies", "cannot-confirm", "claims-responsibility", "accuses"}


def norm_unit(unit: Optional[str], context: str = "") -> Optional[str]:
    u = (unit or "").strip().casefold()
    if not u:
        return None
    if u in _UNIT_INDEX:
        return _UNIT_INDEX[u]
    for w in reversed(u.split()):  # head noun last: "north korean soldiers"
        w2 = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        for cand in (w, w2):
            if cand in _UNIT_INDEX:
                return _UNIT_INDEX[cand]
        if w2:
            return w2
    return u


def bounds(q: dict) -> tuple[float, float]:
    """The interval a figure allows."""
    v = float(q.get("value") or 0.0)
    lo, hi, b = q.get("low"), q.get("high"), q.get("bound") or "exact"
    if b == "range" and lo is not None and hi is not None:
        return float(lo), float(hi)
    if b == "at-most":
        return 0.0, float(hi if hi is not None else v)
    if b == "at-least":
        return float(lo if lo is not None else v), float("inf")
    if b == "approx":
        return v * 0.8, v * 1.2
    return v * 0.99, v * 1.01


def _keywords(text: str) -> set:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit()}


def aspects(content: str, q: dict) -> set:
    """What a figure counts, beyond its unit: read from the words around it."""
    text = content or ""
    pos = text.find(q.get("text") or "\0")
    window = text if pos < 0 else text[max(0, pos - 90): pos + len(q.get("text") or "") + 90]
    found = {k for k, rx in _ASPECT_RE.items() if rx.search(window)}
    if "up to" in (q.get("text") or "").casefold() or q.get("bound") == "at-most":
        found.add("planned total")
    return found


def _scaled(m: dict) -> tuple[float, float]:
    """A member's bounds in its measure's dimension (minutes as seconds, miles as metres)."""
    lo, hi = bounds(m)
    k = m.get("scale", 1.0) or 1.0
    return lo * k, hi * k


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"


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
                or bool((asp_a ^ asp_b) & _CASUALTIES - {_OWN_ASPECT.get((a.get("_key") or ("",))[0])}))
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


def _member(r: dict, claim: dict, q: Optional[dict]) -> dict:
    src = claim.get("source") or {}
    m = {"article_id": r["article_id"], "id": r["article_id"], "idx": r["idx"],
         "claim_id": f"{r['article_id']}-{r['idx']}", "source": r.get("source"),
         "site": r.get("site"), "name": src.get("name") or "(unattributed)",
         "anonymous": bool(src.get("anonymous")), "stance": claim.get("stance"),
         "published": r.get("published"), "content": (claim.get("content") or {}).get("text", ""),
         "figure": None, "value": None, "low": None, "high": None, "bound": None, "unit": None,
         "_clock": r.get("published_time")}  # a clock time its page gave with no day
    m["_side"] = side_keys(m["name"], src.get("text"))
    if q:
        lo, hi = bounds(q)
        m.update(figure=q.get("text"), value=q.get("value"), low=q.get("low") if q.get("low") is not None else lo,
                 high=q.get("high") if q.get("high") is not None else (None if hi == float("inf") else hi),
                 bound=q.get("bound") or "exact", unit=q.get("unit"),
                 aspects=sorted(aspects(m["content"], q)))
    return m


def _is_year(q: dict) -> bool:
    t = (q.get("text") or "").strip()
    return not q.get("unit") and re.fullmatch(r"(1[89]|20)\d\d", t) is not None


def _figure_members(rows: list[dict], figures: Optional[list[dict]]) -> list[dict]:
    """Figure members of a story. ``figures`` (every stored figure with its sentence, see
    :func:`newsledger.link.story_refresh.story_figure`): a figure inside a claim is that
    claim's source's; one the article states itself is the outlet's (kind ``reported``).
    Without ``figures``: the figures of the claims, read in the claim's content."""
    claim_of = {(r["article_id"], r["idx"]): r for r in rows}
    out = []
    if figures is None:
        for r in rows:
            c = r["data"]
            content = (c.get("content") or {}).get("text", "")
            for q in c.get("quantities") or []:
                pos = content.find(q.get("text") or "\0")
                before, after = (content[:pos], content[pos + len(q.get("text") or ""):]) if pos >= 0 else ("", "")
                out.append(_fig_member(r, c, q, before, after))
        return [m for m in out if m is not None]
    for f in figures:
        if f.get("where") == "title" and attributed_headline(f):
            continue  # "Aid group says over 6,000 displaced": not the outlet's figure, and no speaker read
        r = claim_of.get((f["article_id"], f.get("claim_idx")))
        c = r["data"] if r is not None else reported_claim(f)
        out.append(_fig_member(r or f, c, f, f.get("before") or "", f.get("after") or ""))
    return [m for m in out if m is not None]


_HEADLINE_CUE = re.compile(r"\b(?:says?|said|according to|finds|tells?|told|warns?|insists?)\b"
                           r"|:\s*\w+\s*$", re.I)


def attributed_headline(f: dict) -> bool:
    """Whether a headline figure's headline credits someone ("..., study finds", "Aid group says
    ...", "...: police"): the figure is then that someone's, whom no claim reading names, so it
    takes no part (no speaker is better than a wrong one)."""
    return _HEADLINE_CUE.search((f.get("before") or "") + (f.get("text") or "") + (f.get("after") or "")) is not None


def reported_claim(f: dict) -> dict:
    """A figure the article states without attribution (its headline's figures too): a claim
    whose source is the outlet (its credited agency, else its site), kind ``reported``."""
    outlet = f.get("agency") or f.get("site") or "(the article)"
    sentence = (f.get("before") or "") + (f.get("text") or "") + (f.get("after") or "")
    return {"source": {"name": outlet, "anonymous": False, "outlet": True}, "stance": "asserts",
            "kind": "reported", "content": {"text": sentence.strip()}, "quantities": [f]}


TITLE_IDX = -10 ** 9  # a headline's figure outside every claim: an index below every text figure's


def own_figure_idx(q: dict) -> int:
    """The member index of a figure no claim holds (the outlet's own): negative, from its start;
    a headline's below every text figure's, so that the two never share one."""
    start = int(q.get("start") or 0)
    return TITLE_IDX - start if q.get("where") == "title" else -1 - start


_SHARE = re.compile(r"^\s*([\w-]+)\s+of\s+(?:the\s+)?([\w,-]+)\s*$", re.I)


def share_total(q: dict) -> Optional[float]:
    """The whole a share figure counts ("one of six children", "178 of 369 punches"): the
    quantity reader gives it as a fraction (1/6), but what it names is a set of six; None
    for any other figure (and for a rate, "23 of every 24 hours")."""
    m = _SHARE.match(q.get("text") or "")
    if m is None:
        return None
    part, whole = (word_or_digit(g.replace(",", "")) for g in m.groups())
    if part is None or whole is None or not 0 < part < whole:
        return None
    return whole


def _fig_member(r: dict, c: dict, q: dict, before: str, after: str) -> Optional[dict]:
    if q.get("value") is None or _is_year(q) or re.fullmatch(r"0+", (q.get("text") or "").strip()):
        return None  # no value, a year, or the tail of a split figure ("20 000" read as "000")
    ms = measure(before, q.get("text") or "", after, q.get("unit"))
    if ms.dimension is None and ms.name.startswith("count:"):
        return None  # a bare number: nothing says what it counts
    total = share_total(q)
    if total is not None:  # "one of six children": six children, not a sixth of one
        q = dict(q, value=total, low=None, high=None, bound="exact")
    listed = persons_listed(q.get("text") or "", after)
    if listed is not None:  # "two women and a man were killed": three killed
        q = dict(q, value=listed, low=None, high=None)
    if ms.name.startswith("record:"):  # "9-14" read whole or as "9": one record, its wins
        q = dict(q, value=float(ms.name.split(":")[1].split("-")[0]), low=None, high=None, bound="exact")
    row = dict(r, idx=r.get("idx") if r.get("idx") is not None else own_figure_idx(q))
    m = _member(row, c, q)
    m.update(kind=c.get("kind"), measure=ms.name, dimension=ms.dimension, scale=ms.factor,
             about=ms.about, start=q.get("start"), where=q.get("where") or "text")
    # the words near the figure: two figures of one sentence ("12 Somali and 11 Yemeni") differ
    m["_key"] = group_key(ms)
    near = before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]
    m["_kw"] = _keywords(m["content"] if m["_key"][0] in FORCE_MEASURES else near)
    m["_who"] = _keywords(m.get("name") or "")
    m["_names"] = names_near(before) - m["_who"]
    m["_context"] = context_marks(before, after)
    m["_update"] = updates(before, after)
    m["_since"] = counts_since(before, after)
    m["_other"] = counts_others(after)
    m["_listed"] = in_respective_list(after)
    m["_stage"] = legal_stage(before)
    m["_after"] = after[:CONVERSION_GAP]
    start = q.get("start")  # the figure's sentence: its other figures are other quantities
    m["_sentence"] = (m["article_id"], m["where"], start - len(before)) if start is not None else None
    m["counts"] = ms.name
    return m


NAME_WINDOW = 30  # characters before a figure whose names say which one it is
_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'’-]+")


_OTHER_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,4}(?:besides|apart from|in addition to|excluding|not including|other than)\b", re.I)
_MORE_AFTER = re.compile(r"^\s*more\b(?!\s+than\b)", re.I)  # "20 more people", not "20 or more" / "more than"


_RESPECTIVELY = re.compile(r"^[^.;]{0,80}?\brespectively\b", re.I)


def in_respective_list(after: str) -> bool:
    """Whether a figure is one of a list paired in order with another ("Smith and Jones signed
    for $80 million and $25 million, respectively"): whose it is comes from its place in the
    list, which the words near it do not say, so equality alone does not join it."""
    return bool(_RESPECTIVELY.match(after))


def counts_others(after: str) -> bool:
    """Whether a figure counts things beyond one already named ("Two other buildings besides
    the bank", "Around 20 more people were led out"): not the same count as an equal plain
    figure ("at least two buildings, the bank and ...", "20 people were inside"), so equality
    alone does not join them."""
    return bool(_OTHER_AFTER.match(after) or _MORE_AFTER.match(after))


_STAGE = re.compile(r"\b(?:(charged|accused|indicted|charges|charging)|(guilty|convicted|acquitted|sentenced))\b", re.I)
STAGE_WINDOW = 40  # characters before a figure whose legal word says which stage it counts


def legal_stage(before: str) -> Optional[str]:
    """The stage of a case a figure counts, by the nearest legal word just before it: "charged
    with two counts of murder" (``charge``) and "found guilty of two counts" (``verdict``) are
    two facts, whatever their equal numbers; None when no such word is near."""
    found = list(_STAGE.finditer(before[-STAGE_WINDOW:]))
    if not found:
        return None
    return "charge" if found[-1].group(1) else "verdict"


def _equal_footing(a: dict, b: dict) -> bool:
    """Whether two equal figures may join on equality and a few shared words: both or neither
    count the rest, both or neither stand in a "respectively" list, no two stages of a case."""
    return a.get("_other") == b.get("_other") and a.get("_listed") == b.get("_listed") \
        and not _stages_apart(a, b)


def _stages_apart(a: dict, b: dict) -> bool:
    return bool(a.get("_stage") and b.get("_stage")) and a["_stage"] != b["_stage"]


def names_near(before: str) -> set:
    """The capitalised words (not opening a sentence) just before a figure: "In Patras, around
    20,000" and "in Thessaloniki, where another 20,000" name two places."""
    since = len(before) - NAME_WINDOW
    return {m.group(0).casefold() for m in _NAME_WORD.finditer(before)
            if m.start() >= since and m.group(0) not in NOT_NAMES}


def is_question(claim: dict) -> bool:
    return claim.get("kind") == "question" or claim.get("stance") == "asks"


def comparable(claim: dict) -> bool:
    """Whether a stored claim may be grouped and compared: a statement (not a question) at or
    above the confidence threshold (claims stored before confidences existed count as sure)."""
    if is_question(claim):
        return False
    conf = claim.get("confidence")
    return conf is None or conf >= DEFAULT_MIN_CONFIDENCE


def _outlet_figures(figures: list[dict], left_out: dict) -> list[dict]:
    """The story's figures once the claims that take no part (``left_out``: claim key -> claim)
    are out: a question's figures go with it; a figure inside a claim below the confidence
    threshold is kept as the article's own statement (the outlet's, kind ``reported``, as a
    figure written outside any claim), never its shaky speaker's."""
    out = []
    for f in figures:
        claim = left_out.get((f["article_id"], f.get("claim_idx")))
        if claim is None:
            out.append(f)
        elif not is_question(claim):
            out.append(dict(f, claim_idx=None))
    return out


def group_story(story_id: str, rows: list[dict], figures: Optional[list[dict]] = None) -> list[dict]:
    """``rows``: {article_id, idx, data (claim dict), source, site, published, published_time} for the
    claims of one story; ``figures``: {article_id, claim_idx, text, start, value, low, high, bound, unit,
    before, after, source, site, agency, published, published_time} for every figure of the story's articles
    (optional). Returns claim groups (dicts in the CLI shape). Claims below the confidence
    threshold and questions take no part; a question's figures neither, but a figure inside an
    unsure claim is grouped as the outlet's own (given ``figures``), its speaker never used."""
    left_out = {(r["article_id"], r["idx"]): r["data"] for r in rows if not comparable(r["data"])}
    if left_out:
        rows = [r for r in rows if (r["article_id"], r["idx"]) not in left_out]
        if figures is not None:
            figures = _outlet_figures(figures, left_out)
    figs = _figure_members(rows, figures)
    stances: list[dict] = []
    for r in rows:
        c = r["data"]
        qs = [q for q in c.get("quantities") or [] if q.get("value") is not None and not _is_year(q)]
        if c.get("stance") in MARKED or (not qs and c.get("stance") in POSITIVE):
            m = _member(r, c, None)
            m["_kw"] = _keywords(m["content"])
            m["_neg"] = c.get("stance") in NEGATIVE or bool(_NEG.search(m["content"]))
            stances.append(m)
    canon = canonical(m["name"] for m in figs + stances)
    for m in figs + stances:
        m["speaker"] = canon.get(m["name"], m["name"])
        m["_side"] |= side_keys(m["speaker"])
    groups = []
    # figures: the same measure of the same thing, within the story
    by_key: dict[tuple, list[dict]] = {}
    for m in figs:
        by_key.setdefault(m["_key"], []).append(m)
    comps = [(key, comp) for key, ms in by_key.items()
             for comp in _figure_clusters(ms, _threshold(key), is_specific(key))]
    converted = conversions(figs)
    for keys, comp in _join_conversions(comps, converted):
        arts = {m["article_id"] for m in comp}
        names = {m["name"] for m in comp}
        if len(comp) < 2 or (len(arts) < 2 and len(names) < 2):
            continue
        label = " / ".join(_measure_label(k) for k in keys)
        group = _figure_group(story_id, label, earliest(comp), _threshold(keys[0]), _converted_units(comp, converted))
        groups.append(_sized(group, len(comp)))
    # propositions: marked stances (denies, cannot confirm, claims responsibility) with the
    # claims they answer
    marked = [m for m in stances if m["stance"] in MARKED]
    if marked:
        for comp in _clusters(stances, 0.18, seeds=marked):
            names = {m["name"] for m in comp}
            if len(comp) < 2 or len(names) < 2 or not any(m["stance"] in MARKED for m in comp):
                continue
            groups.append(_sized(_stance_group(story_id, earliest(comp)), len(comp)))
    return groups


# what stands between an amount and the same amount in another currency, as the article gives
# it: "2 million euros ($2.6 million)", "£5m, or about $8m", "€3m, the equivalent of $3.9m"
_CONVERSION = re.compile(r"^\s*(?:\(|,?\s*or|,?\s*(?:the\s+)?equivalent\s+(?:of|to))\s*"
                         r"(?:(?:about|around|roughly|some|approximately|nearly|almost|an estimated)\s+)?$", re.I)
CONVERSION_GAP = 30  # characters at most between an amount and its conversion


def _unit(m: dict) -> tuple:
    """A figure member's unit: its dimension and the factor into it (km and miles differ)."""
    return m.get("dimension"), m.get("scale") or 1.0


def _two_units(a: dict, b: dict) -> bool:
    """Whether two members are in two currencies, or two units of one dimension (km, miles)."""
    if a["_key"][0] == "amount" == b["_key"][0]:
        return a["dimension"] != b["dimension"]
    return a["dimension"] == b["dimension"] and a["dimension"] in DIMENSIONS and _unit(a) != _unit(b)


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


def _converted_units(comp: list[dict], pairs: list[tuple[dict, dict]]) -> set:
    """The unit pairs an article of the group converts between (``{km, miles}``): two members
    in them are not compared, the article's rounding being no disagreement."""
    ids = {id(m) for m in comp}
    return {frozenset((_unit(a), _unit(b))) for a, b in pairs if id(a) in ids}


def _root(parent: list[int], i: int) -> int:
    """Union-find: the root of ``i`` in ``parent`` (halving the path on the way); the one root
    search of the figure clusters, the claim clusters and the joined conversions."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _join_conversions(comps: list[tuple[tuple, list[dict]]], pairs: list[tuple[dict, dict]]):
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
FIGURE_WINDOW = 80  # characters either side of a figure whose words say what it is about (its
# sentence's other figures are kept apart by _figure_clusters, not by a narrow window)
EQUAL_OVERLAP = 0.05  # equal values of one measure: a few shared words suffice
ABOUT_SLACK = (0, -1, 1)  # a person's figure (an age) joins the same person's within a year


def _threshold(key: tuple) -> float:
    """Content-word overlap two figures of one measure need to be grouped when their values
    differ (equal values of one measure in one story group anyway)."""
    name = key[0]
    if name == "age":  # one figure of its person (see _figure_clusters); others: equal ones only
        return 1.0
    if name.startswith("record:"):  # one win-loss record of a story is one figure
        return 0.0
    if name in FORCE_MEASURES:
        return FORCE_OVERLAP
    if name.startswith("count:") or name in ("amount", *DIMENSIONS) or name.endswith(":-"):
        return GENERIC_OVERLAP
    return NAMED_OVERLAP


def _figure_clusters(ms: list[dict], thr: float, specific: bool = False) -> list[list[dict]]:
    """Figures of one measure: equal values link, and so do different values whose contents
    share ``thr`` of their words (all of them when ``thr`` is 0); of a ``specific`` measure
    (see :func:`is_specific`), different values of two articles link unless something near them
    says they count different things (:func:`differ`)."""
    if thr <= 0:
        return [list(ms)] if ms else []
    parent = list(range(len(ms)))
    find = partial(_root, parent)

    value = [round(float(m["value"]) * (m.get("scale") or 1.0), 6) for m in ms]
    # sentence -> values held, per component: two values of one sentence ("12 Somali and 11
    # Yemeni pirates", "lost 88-72") are two quantities, and no chain of links may join them;
    # of a specific measure, one source's, unless the sentence updates it ("up from 3,500")
    held = [{_held_key(m, specific): {value[i]}} if m.get("_sentence") and not (specific and m.get("_update"))
            else {} for i, m in enumerate(ms)]

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri == rj or _apart(held[ri], held[rj]):
            return
        parent[ri] = rj
        for k, vs in held[ri].items():
            held[rj].setdefault(k, set()).update(vs)

    for i, j in _overlap_candidates([m["_kw"] for m in ms], min(thr, EQUAL_OVERLAP)):
        a, b = ms[i]["_kw"], ms[j]["_kw"]
        if find(i) == find(j) or not (a and b):
            continue
        jac = _overlap(a, b, ms[i]["_who"], ms[j]["_who"])
        if jac >= thr or (value[i] == value[j] and jac >= EQUAL_OVERLAP
                          and _equal_footing(ms[i], ms[j])
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
    sent, jobs cut) unless something says otherwise; a bare count, a percentage or an amount
    of no named kind is not."""
    name = key[0]
    return name in SPECIFIC_STATES or name in FORCE_MEASURES or \
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
    the other lacks (two places, two people), a count "so far" against a planned or maximum
    total, a count of the rest ("two other ..."), or different casualty words near them."""
    asp_a, asp_b = set(a.get("aspects") or ()), set(b.get("aspects") or ())
    return (_named_apart(a.get("_names"), b.get("_names")) or bool(a.get("_other")) or bool(b.get("_other"))
            or bool(a.get("_listed")) or bool(b.get("_listed"))
            or bool((asp_a ^ asp_b) & _CASUALTIES - {_OWN_ASPECT.get(a["_key"][0])}) or _event_apart(a, b))


_CASUALTIES = {"killed", "wounded", "captured", "missing"}
# the casualty word a measure already names: its absence near one figure says nothing
_OWN_ASPECT = {"killed": "killed", "injured": "wounded", "missing": "missing", "arrested": "captured"}


def _event_apart(a: dict, b: dict) -> bool:
    """Evidence that two figures belong to two events or moments, whichever figures link them:
    other years or event days near them, "so far" against a planned total, values far apart."""
    return ((a.get("_context") or set()) != (b.get("_context") or set()) or _far_apart(a, b)
            or _partial_apart(set(a.get("aspects") or ()), set(b.get("aspects") or ()))
            or bool(a.get("_since")) != bool(b.get("_since")) or _two_of_one_article(a, b)
            or _stages_apart(a, b))


def _two_of_one_article(a: dict, b: dict) -> bool:
    """One source giving two values of one measure in one article, neither said to update
    the other: two counts ("five injured by Sunday's quake ... three by Monday's")."""
    return a["article_id"] == b["article_id"] and a["name"] == b["name"] and a["value"] != b["value"] \
        and not (a.get("_update") or b.get("_update"))


_SINCE = re.compile(r"\bsince\b|\bover (?:the )?(?:past |last )?\w+ (?:days|nights|weeks|months)\b", re.I)


def counts_since(before: str, after: str) -> bool:
    """Whether a figure counts over a stretch of time ("since the shooting", "over four
    nights"): a total to date, not one day's count."""
    return _SINCE.search(before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]) is not None


def _partial_apart(asp_a: set, asp_b: set) -> bool:
    """A count "so far" against a planned or maximum total: two moments of one measure."""
    return ("so far" in asp_a - asp_b and "planned total" in asp_b - asp_a) or \
        ("so far" in asp_b - asp_a and "planned total" in asp_a - asp_b)


SPECIFIC_RATIO = 5.0  # two values of one fact: the larger within this many times the smaller


def _far_apart(a: dict, b: dict) -> bool:
    """Values too far apart to be one count told two ways (612 and 26,000 killed: two quakes)."""
    va, vb = sorted((abs(float(a["value"])), abs(float(b["value"]))))
    return va <= 0 or vb > SPECIFIC_RATIO * va


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_QUAKE_SIZE = re.compile(r"\bmagnitude[- ](?:of )?(\d\.\d)\b|\b(\d\.\d)[- ]magnitude\b", re.I)
_MONTH = re.compile(r"\bin (January|February|March|April|May|June|July|August|September|October|November|December)\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b")  # "Monday's quake"


def context_marks(before: str, after: str) -> set:
    """What says which event a figure belongs to, in its sentence near it: the years, months,
    weekdays and magnitudes of an event written there ("the 2003 quake", "in September",
    "Monday's second quake", "a magnitude-5.2 quake"); a count's own day ("on Tuesday") is not
    one (a later count of one measure updates it)."""
    near = before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]
    days = {"day:" + d.casefold() for d in _WEEKDAY.findall(near)}
    months = {"month:" + d.casefold() for d in _MONTH.findall(near)}
    quakes = {"magnitude:" + (a or b) for a, b in _QUAKE_SIZE.findall(near)}
    return set(_YEAR.findall(near)) | days | months | quakes


_UPDATE = re.compile(r"\b(?:up|down) from\b|\brevis\w*|\braised\b|\brose\b|\brisen\b|\bearlier\b"
                     r"|\bprevious\w*|\bfrom\s+(?:an?\s+)?(?:earlier\s+|initial\s+)?(?:figure|estimate|count)\b", re.I)


def updates(before: str, after: str) -> bool:
    """Whether a figure's sentence, near it, says one count replaced another ("3,800, up from
    3,500", "revised its figure from up to 4,000 to at least 7,200")."""
    return _UPDATE.search(before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]) is not None


def _held_key(m: dict, specific: bool) -> tuple:
    """The key under which a figure's sentence holds its value (see _figure_clusters)."""
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
        if ri == rj or value[i] == value[j] or differ(ms[i], ms[j]):
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
    return bool(na and nb) and na.isdisjoint(nb)


def _overlap(a: set, b: set, who_a: set, who_b: set) -> float:
    """Jaccard of two figures' words, leaving out the words of each one's source name that the
    other lacks: who gives a figure ("the interior ministry said the death toll had risen to 14")
    is not what it measures, so two sources of one toll do not look unlike for their names."""
    union = (a | b) - (who_a - b) - (who_b - a)
    return len(a & b) / len(union) if union else 0.0


def _apart(a: dict, b: dict) -> bool:
    """Whether two components hold different values of one sentence (see _figure_clusters)."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return any(k in big and big[k] != vs for k, vs in small.items())


def _measure_label(key: tuple) -> str:
    return " ".join(k for k in key if k)


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


def _sized(group: dict, found: int) -> dict:
    """Say how many members the group kept and found (``truncated`` when it dropped some)."""
    group.update(size=len(group["members"]), members_found=found,
                 truncated=found > len(group["members"]))
    return group


def _clusters(ms: list[dict], thr: float, seeds: Optional[list[dict]] = None) -> list[list[dict]]:
    """Single-link clusters: two members link when their content words overlap by Jaccard
    ``thr`` or more (any two when ``thr`` is 0); with ``seeds``, only pairs holding a seed."""
    n = len(ms)
    if thr <= 0 and seeds is None:  # every pair links: one component, no need to compare
        return [list(ms)] if ms else []
    parent = list(range(n))
    find = partial(_root, parent)

    seed_ids = {id(m) for m in seeds} if seeds is not None else None
    pairs = ((i, j) for j in range(n) for i in range(j)) if thr <= 0 else \
        _overlap_candidates([m["_kw"] for m in ms], thr)
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


def _overlap_candidates(sets: list[set], thr: float):
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


def _gid(prefix: str, story_id: str, comp: list[dict]) -> str:
    first = min(m["claim_id"] for m in comp)
    return prefix + hashlib.sha1(f"{story_id}|{first}".encode()).hexdigest()[:10]


def _label(comp: list[dict], unit: Optional[str] = None) -> str:
    common = set.intersection(*[m["_kw"] for m in comp]) if comp else set()
    first = comp[0]["content"]
    kw = [w for w in words(first) if w in common][:6]
    lab = " ".join(dict.fromkeys(kw))
    return f"{unit}: {lab}" if unit else (lab or first[:60])


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
    equal values, or contents sharing ``thr`` of their words."""
    if thr <= 0 or a["value"] * a.get("scale", 1.0) == b["value"] * b.get("scale", 1.0):
        return True
    ka, kb = a.get("_kw") or set(), b.get("_kw") or set()
    return bool(ka and kb) and _overlap(ka, kb, a.get("_who") or set(), b.get("_who") or set()) >= thr


def _figure_group(story_id: str, unit: str, comp: list[dict], thr: float = 0.0,
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
                    or frozenset((_unit(a), _unit(b))) in converted:
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
            pairs.append(dict(pair, _direct=_direct(a, b, thr)))
    cross = [p for p in pairs if across(p) and p["_direct"]] or [p for p in pairs if across(p)] or pairs
    for p in pairs:
        p.pop("_direct")
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


def _stance_group(story_id: str, comp: list[dict]) -> dict:
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
