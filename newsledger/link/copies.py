"""Copy groups: which member is the probable original, and what each copy changed."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from newsledger.link.flags import canonical_agency, credit_lines, person_bylines
from newsledger.link.text import words
from newsledger.model import Article, Flag

JUNK_REASONS = ("advertisement", "ad", "gambling", "sponsored", "author-bio", "related-links",
                "share-widget", "navigation", "boilerplate")


def _date_key(published: Optional[str]) -> str:
    p = (published or "").strip()
    return p if len(p) >= 10 and p[:4].isdigit() else "9999"


def choose_original(members: list[tuple[int, Article]]) -> tuple[Article, str]:
    """``members``: (ingest order, article). The wire-credited version (a credit line and no
    person byline of its own) wins, then the earliest published; on the same date the cleanest
    and most complete version (no inserted ads, the longest text: copies trim and insert, they
    rarely add), then the first ingested."""
    def wire(a: Article) -> int:
        if canonical_agency(a.site):
            return 2  # the agency's own page (its staff bylines included)
        return int(bool(credit_lines(a)) and not _person(a))

    def ads(a: Article) -> int:
        return sum(r.reason == "advertisement" for r in a.removed)

    ranked = sorted(members, key=lambda m: (-wire(m[1]), _date_key(m[1].published)[:10], ads(m[1]),
                                            -len(words(m[1].text or "")), _date_key(m[1].published), m[0]))
    best = ranked[0][1]
    if wire(best) == 2:
        reason = f"published by the agency itself ({best.site})"
    elif wire(best):
        c = credit_lines(best)[0]
        reason = f"credited to {c['agency']} (\"{c['line']}\")"
    elif _date_key(best.published) != "9999":
        reason = f"earliest published ({best.published})"
    else:
        reason = "first stored (no publication dates to compare)"
    return best, reason


def _person(a: Article) -> list:
    return [b for b in person_bylines(a) if not b["with_agency"]]


def _other_names(people: list, others: list) -> bool:
    """Two lists of person bylines share no name."""
    return not {b["name"].casefold() for b in people} & {b["name"].casefold() for b in others}


def _order_unclear(a: Article, b: Article) -> bool:
    """Published the same day, or one of them undated: nothing says which came first."""
    da, db = _date_key(a.published)[:10], _date_key(b.published)[:10]
    return da == db or "9999" in (da, db)


def _norm(p: str) -> str:
    return " ".join(words(p))


def _shingles(p: str) -> set:
    w = words(p)
    return {tuple(w[i:i + 3]) for i in range(max(1, len(w) - 2))}


def _sim(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _headline_change(original: Article, copy: Article) -> dict:
    """``{"headline": {from, to}}`` when the titles differ in their words, else nothing."""
    if _norm(original.title or "") == _norm(copy.title or ""):
        return {}
    return {"headline": {"from": original.title, "to": copy.title}}


def _byline_change(original: Article, copy: Article) -> dict:
    """``{"byline": ...}`` when the person bylines (case aside) or the credited agencies differ;
    ``from`` / ``to`` are the names, else the agencies."""
    ob = [b["name"] for b in person_bylines(original)]
    cb = [b["name"] for b in person_bylines(copy)]
    oc = sorted({c["agency"] for c in credit_lines(original)})
    cc = sorted({c["agency"] for c in credit_lines(copy)})
    if [x.casefold() for x in ob] == [x.casefold() for x in cb] and oc == cc:
        return {}
    return {"byline": {"from": ob or oc, "to": cb or cc, "credit_from": oc, "credit_to": cc}}


def _paragraphs(a: Article) -> list[str]:
    """The article's paragraphs (else its text's blank-line blocks)."""
    return a.paragraphs or [p for p in a.text.split("\n\n") if p.strip()]


def _same_paragraphs(op: list[str], cp: list[str]) -> dict[int, int]:
    """Copy paragraph -> original paragraph for those with the same words, each original
    paragraph matched once, in order."""
    where: dict[str, list[int]] = {}
    for i, p in enumerate(op):
        where.setdefault(_norm(p), []).append(i)
    match: dict[int, int] = {}
    used: set[int] = set()
    for j, p in enumerate(cp):
        i = next((i for i in where.get(_norm(p), []) if i not in used), None)
        if i is not None:
            match[j] = i
            used.add(i)
    return match


def _reworded_paragraphs(op: list[str], cp: list[str], match: dict[int, int]) -> list[tuple[int, int, float]]:
    """``(copy idx, original idx, similarity)`` for the paragraphs left unmatched that share at
    least 35% of their word trigrams: each copy paragraph in order takes the most similar
    original paragraph still free (none when more than 40,000 comparisons would be needed)."""
    used = set(match.values())
    left_o = [i for i in range(len(op)) if i not in used]
    left_c = [j for j in range(len(cp)) if j not in match]
    if not (left_o and left_c and len(left_o) * len(left_c) <= 40_000):
        return []
    osh = {i: _shingles(op[i]) for i in left_o}
    out = []
    for j in left_c:
        cs = _shingles(cp[j])
        best, bi = 0.0, None
        for i in left_o:
            if i in used:
                continue
            s = _sim(cs, osh[i])
            if s > best:
                best, bi = s, i
        if bi is not None and best >= 0.35:
            used.add(bi)
            out.append((j, bi, best))
    return out


def _cut(op: list[str], used: set[int]) -> dict:
    """The original's paragraphs the copy lacks, and whether they are its ending."""
    cut = [i for i in range(len(op)) if i not in used]
    if not cut:
        return {}
    out: dict = {"paragraphs_cut": [op[i] for i in cut]}
    if cut == list(range(len(op) - len(cut), len(op))):
        out["ending_trimmed"] = True
    return out


def _inserted(original: Article, copy: Article, added: list[str]) -> dict:
    """The copy's own paragraphs: 160 characters or more are paragraphs added, shorter ones are
    lines inserted in the text, as are junk lines the extractor removed from the copy only."""
    out: dict = {}
    paras = [p for p in added if len(p) >= 160]
    if paras:
        out["paragraphs_added"] = paras
    orig_removed = {_norm(r.text) for r in original.removed}
    junk = [{"text": r.text, "reason": r.reason} for r in copy.removed
            if r.reason in JUNK_REASONS and _norm(r.text) not in orig_removed]
    ins = [{"text": t, "reason": "in-text"} for t in added if len(t) < 160] + junk
    if ins:
        out["lines_inserted"] = ins
    return out


def diff(original: Article, copy: Article) -> dict:
    """What ``copy`` changed against ``original``: headline, byline/credit, paragraphs cut,
    added, reworded or reordered, and lines inserted (junk the extractor removed)."""
    out: dict = {**_headline_change(original, copy), **_byline_change(original, copy)}
    op, cp = _paragraphs(original), _paragraphs(copy)
    match = _same_paragraphs(op, cp)
    similar = _reworded_paragraphs(op, cp, match)
    match.update((j, i) for j, i, _ in similar)
    out.update(_cut(op, set(match.values())))
    out.update(_inserted(original, copy, [cp[j] for j in range(len(cp)) if j not in match]))
    if similar:
        out["paragraphs_reworded"] = [{"from": op[i], "to": cp[j], "similarity": round(s, 2)}
                                      for j, i, s in similar]
    order = [match[j] for j in sorted(match)]
    if any(b < a for a, b in zip(order, order[1:])):
        out["reordered"] = True
    out["summary"] = summarise(out)
    return out


def _q(s: Optional[str], n: int = 70) -> str:
    s = (s or "").strip().replace("\n", " ")
    return f"\"{s[:n]}{'…' if len(s) > n else ''}\""


def summarise(d: dict) -> list[str]:
    out = []
    if "headline" in d:
        out.append(f"new headline {_q(d['headline']['to'])} (was {_q(d['headline']['from'])})")
    if "byline" in d:
        f = ", ".join(d["byline"]["from"]) or "none"
        t = ", ".join(d["byline"]["to"]) or "none"
        out.append(f"byline {f} -> {t}")
    if d.get("paragraphs_cut"):
        n = len(d["paragraphs_cut"])
        out.append(f"{n} paragraph{'s' if n > 1 else ''} cut" + (" (ending trimmed)" if d.get("ending_trimmed") else "")
                   + f": {_q(d['paragraphs_cut'][0], 50)}")
    if d.get("paragraphs_added"):
        n = len(d["paragraphs_added"])
        out.append(f"{n} paragraph{'s' if n > 1 else ''} added: {_q(d['paragraphs_added'][0], 50)}")
    if d.get("lines_inserted"):
        n = len(d["lines_inserted"])
        first = d["lines_inserted"][0]
        out.append(f"{n} line{'s' if n > 1 else ''} inserted ({first['reason']}): {_q(first['text'], 50)}")
    if d.get("paragraphs_reworded"):
        n = len(d["paragraphs_reworded"])
        out.append(f"{n} paragraph{'s' if n > 1 else ''} reworded")
    if d.get("reordered"):
        out.append("paragraphs reordered")
    if not out:
        out.append("identical text")
    return out


def _credited_names(others: Iterable[Article]) -> list:
    """Person bylines of versions that also carry an agency credit ("By Tom Krisher, AP", or a
    byline above an "(AP)" credit line): perhaps the agency's own reporter."""
    return [b for o in others for b in person_bylines(o) if b["with_agency"] or credit_lines(o)]


def _wire_credits(original: Article) -> list[dict]:
    """The original's wire credits; on the agency's own page, the agency (named by the site) first."""
    oc = credit_lines(original)
    if canonical_agency(original.site):  # the agency's own page names the agency best
        oc = [{"agency": canonical_agency(original.site), "line": original.site, "where": "site"}] + oc
    return oc


def _wire_swap(oc: list, people: list, original_id: str) -> Flag:
    """A copy of a wire-credited story that drops the credit for a person's byline no version
    credits to the agency: a firm swap."""
    return Flag("byline-swapped", f"text matches the {oc[0]['agency']} story {original_id} "
                f"but is bylined {people[0]['name']}",
                {"original": original_id, "agency": oc[0]["agency"],
                 "credit_line": oc[0]["line"], "byline": people[0]["name"],
                 "byline_line": people[0]["line"], "stage": "link"})


def _wire_name(oc: list, people: list, ob: list, original_id: str) -> Flag:
    """A wire copy that names a person the agency's version does not: the agency's own
    reporter, or a name put on wire copy; the ledger cannot tell, and says so."""
    there = f"bylined {ob[0]['name']}" if ob else "which names no reporter"
    return Flag("byline-swapped", f"copy of the {oc[0]['agency']} story {original_id}, {there}, "
                f"bylined {people[0]['name']} here: the agency's reporter or a name put on "
                "wire copy, unclear",
                {"original": original_id, "agency": oc[0]["agency"], "credit_line": oc[0]["line"],
                 "byline": people[0]["name"], "byline_line": people[0]["line"], "undecided": True,
                 "stage": "link"})


def _person_swap(original: Article, copy: Article, people: list, ob: list, original_id: str) -> Optional[Flag]:
    """The same text under another person's name than the original's (credited to a wire or
    not: the wire's reporter is one name), or under a name where the original names nobody;
    undecided when nothing shows which came first."""
    if ob and not _other_names(people, ob):
        return None
    was = f"bylined {ob[0]['name']}" if ob else "which names no author"
    undecided = _order_unclear(original, copy)
    return Flag("byline-swapped", f"text copies story {original_id}, {was}, "
                f"but is bylined {people[0]['name']}"
                + ("; both appeared the same day (or undated), so which byline is genuine "
                   "is unclear" if undecided else ""),
                {"original": original_id, "original_byline": ob[0]["name"] if ob else None,
                 "byline": people[0]["name"], "byline_line": people[0]["line"],
                 "undecided": undecided, "stage": "link"})


def _byline_flag(original: Article, copy: Article, original_id: str, others: Iterable[Article],
                 oc: list) -> Optional[Flag]:
    """The copy's byline against the original's credits and bylines: a firm wire swap, an
    undecided name on wire copy, another person's name, or nothing."""
    people = _person(copy)
    ob = _person(original)
    if people and not _other_names(people, person_bylines(original)):
        people = []  # the original names the same person (its reporter, beside the agency credit)
    reporter = bool(people) and not _other_names(people, _credited_names(others))
    if oc and people and not credit_lines(copy) and not reporter:
        return _wire_swap(oc, people, original_id)
    if oc and people and (reporter or not ob and canonical_agency(original.site) is None):
        return _wire_name(oc, people, ob, original_id)
    if people and (ob or not credit_lines(copy)):
        return _person_swap(original, copy, people, ob, original_id)
    return None


def _date_flag(original: Article, copy: Article, original_id: str, oc: list) -> Optional[Flag]:
    """A copy of a wire-credited story dated on an earlier day than the original."""
    po, pc = _date_key(original.published), _date_key(copy.published)
    if not (oc and po != "9999" and pc != "9999" and pc[:10] < po[:10]):
        return None
    try:
        gap = (dt.date.fromisoformat(po[:10]) - dt.date.fromisoformat(pc[:10])).days
    except ValueError:
        gap = None
    return Flag("suspicious-date", f"dated {copy.published}, before the {oc[0]['agency']} "
                f"original it copies ({original.published})",
                {"original": original_id, "published": copy.published,
                 "original_published": original.published, "days_before": gap,
                 "stage": "link"})


def copy_flags(original: Article, copy: Article, original_id: str, others: Iterable[Article] = ()) -> list:
    """Cross-article provenance: a copy of a wire-credited story under a person's byline (or of a
    person's story under another name), and a copy dated before the original it copies.
    ``others``: the text's other versions, whose agency-credited reporters are no swap."""
    oc = _wire_credits(original)
    flags = (_byline_flag(original, copy, original_id, others, oc), _date_flag(original, copy, original_id, oc))
    return [f for f in flags if f is not None]


def original_byline_flags(original: Article, copies: list[tuple[str, Article]]) -> list:
    """One side of a byline contradiction when nothing shows which version came first (no wire
    credit, published the same day or undated): ``original`` (the group's original, or a copy
    compared with its sibling copies) carries a person's byline, and the same text appears under
    another person's name, or under no name at all, elsewhere. The flag says that the order is
    unclear: the name here may be the genuine one or the one put on a copy."""
    if canonical_agency(original.site) or (credit_lines(original) and not _person(original)):
        return []
    mine = _person(original)
    if not mine:
        return []
    out = []
    for cid, c in copies:
        if not _order_unclear(original, c):
            continue  # the earlier one is the original: the copy carries the flag
        theirs = _person(c)
        when = ('the same day' if _date_key(original.published)[:10] == _date_key(c.published)[:10]
                else 'undated')
        if theirs and _other_names(theirs, mine):
            out.append(Flag("byline-swapped", f"the same text is bylined {theirs[0]['name']} in story {cid}, "
                            f"here {mine[0]['name']}; both appeared {when}, so which byline is genuine "
                            "is unclear",
                            {"other": cid, "other_byline": theirs[0]["name"], "byline": mine[0]["name"],
                             "undecided": True, "stage": "link"}))
        elif not theirs and not credit_lines(c) and not canonical_agency(c.site):
            out.append(Flag("byline-swapped", f"the same text names no author in story {cid}, here it is "
                            f"bylined {mine[0]['name']}; both appeared {when}, so whether the name is "
                            "genuine or was put on a copy is unclear",
                            {"other": cid, "other_byline": None, "byline": mine[0]["name"],
                             "undecided": True, "stage": "link"}))
    return out

