"""The per-article and per-group work of the Spark link stage, as plain Python (no pyspark):
each function takes what one Spark task holds (an article, a copy group, a story, a bio key)
and returns rows. Every decision is made by the single-process linker's own functions
(:mod:`newsledger.link.linker`, :mod:`newsledger.link.claims`), so both sides hash, score and
break ties alike.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from typing import Callable, Iterable, Optional

import numpy as np

from newsledger.model import Article, Flag

# ingest order of the articles table, as ``newsledger load`` reads it (the order decides
# which article is earlier: candidates, originals, story roots)
Sig = namedtuple("Sig", "sig shingles")
Member = namedtuple("Member", "title published pk")


def _day(published: Optional[str]) -> Optional[int]:
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except (TypeError, ValueError):
        return None


def _i32(sig: np.ndarray) -> list[int]:
    return sig.astype("<u4").view("<i4").tolist()


def fingerprint_row(aid: str, order: int, data_json: str) -> dict:
    """One article's fingerprint (the linker's :func:`fingerprint`), its band keys to index
    (``ins``) and to look up (``probe``), and its own flags (computed once, here)."""
    from newsledger.link import text as T
    from newsledger.link.fingerprints import fingerprint
    from newsledger.link.flags import article_flags

    data = json.loads(data_json)
    a = Article.from_dict(data)
    fp = fingerprint(a, aid, order, data)
    own = article_flags(a)
    for f in own:
        f.evidence.setdefault("stage", "link")
    old = list(data.get("flags") or [])
    old_json = json.dumps(old, ensure_ascii=False)
    own_json = json.dumps([f.to_dict() for f in own], ensure_ascii=False)
    return {
        "id": aid, "ord": order, "shingles": fp.shingles, "sig": _i32(fp.sig), "lead": _i32(fp.lead),
        "sig_b": T.sig_bytes(fp.sig), "lead_b": T.sig_bytes(fp.lead),
        "terms": list(fp.terms), "uterms": sorted(set(fp.terms)), "published": a.published,
        "published_time": a.published_time, "day": _day(a.published), "title": a.title, "source": a.source, "site": a.site,
        "ins": [(k, kind) for kind in ("body", "lead", "passage", "story") for k in fp.keys[kind]],
        "probe": [(k, kind) for kind, k in fp.probe],
        "flags_old": old_json, "flags_own": own_json,
        "flags_base": merged_flags(old_json, own_json, (), ()),  # no group or bio flags
        "bios": bio_rows(a),
    }


def _flag(d: dict) -> Flag:
    return Flag(d["kind"], d["detail"], d.get("evidence") or {})


def copy_group_rows(gid: str, members: Iterable[tuple]) -> list[tuple[str, dict]]:
    """``members``: (order, id, article JSON, shingles, signature bytes). Rows of
    ``copy_groups`` and ``copies``, and each member's group flags (``gflags``)."""
    from newsledger.link import text as T
    from newsledger.link.copy_refresh import copy_group_rows as rows_of, group_member_flags

    ms = sorted(members)
    arts = [(o, aid, Article.from_dict(json.loads(d))) for o, aid, d, _n, _s in ms]
    sigs = {aid: Sig(T.sig_from(s), n) for _o, aid, _d, n, s in ms}
    group, rows = rows_of(gid, arts, sigs)
    out: list[tuple[str, dict]] = [("copy_groups", group)]
    out += [("copies", r) for r in rows]
    oid = group["original_id"]
    by_id = {aid: a for _o, aid, a in arts}
    copies = [aid for _o, aid, _a in arts if aid != oid][:20]  # the linker reads 20 siblings
    for _o, aid, a in arts:
        siblings = [(m, by_id[m]) for m in copies if m != aid]
        flags = group_member_flags(aid, a, oid, by_id.get(oid), siblings)
        if flags:
            out.append(("gflags", {"article_id": aid, "flags": [f.to_dict() for f in flags]}))
    return out


def bio_rows(a: Article) -> list[dict]:
    """The article's author bios, keyed as the linker keys them (``link_bios`` rows)."""
    from newsledger.link.flags import bios
    from newsledger.link.bio_reuse import bio_key, bio_name

    out = []
    for b in bios(a):
        name = bio_name(a, b)
        k = bio_key(b, [name] if name else [])
        if k is not None:
            out.append({"key": k, "name": name, "site": a.site, "bio": b[:2000]})
    return out


def bio_flag_rows(rows: list[dict]) -> list[dict]:
    """The reused-bio flags of the articles sharing one bio key."""
    from newsledger.link.bio_reuse import reused_bio_flags

    rows = sorted(rows, key=lambda r: r["ord"])
    if len({(r["name"] or "").casefold() for r in rows}) < 2:
        return []
    out = []
    for r in rows:
        others = [{"article_id": o["article_id"], "name": o["name"], "site": o["site"]}
                  for o in rows if o["article_id"] != r["article_id"]][:50]
        flags = reused_bio_flags(r["name"], others)
        if flags:
            out.append({"article_id": r["article_id"], "flags": [f.to_dict() for f in flags]})
    return out


def merged_flags(old_json: str, own_json: str, group: Iterable[list], bio: Iterable[list]) -> Optional[str]:
    """The article's flags after linking (as the linker's ``refresh_flags`` merges them), or
    None when they are what the article already holds."""
    from newsledger.link.flags import merge_flags

    old = json.loads(old_json)
    new = [_flag(d) for d in json.loads(own_json)]
    for fs in (*group, *bio):
        new += [_flag(d) for d in fs]
    for f in new:
        f.evidence.setdefault("stage", "link")
    kept = [f for f in old if (f.get("evidence") or {}).get("stage") != "link"]
    merged = merge_flags(kept, new)
    return None if merged == old else json.dumps(merged, ensure_ascii=False)


def story_rows(sid: str, members: Iterable[tuple], now: str) -> dict:
    """``members``: (order, title, published). The ``link_stories`` row."""
    from newsledger.link.story_refresh import story_row

    return story_row(sid, [Member(t, p, o) for o, t, p in members], now)


def figure_row(order: int, aid: str, claim_idx, text: str, start: int, end: int, value, low, high, bound,
               unit, where, article_text: Optional[str], title: Optional[str], source, site, agency,
               published, published_time=None, standfirst: Optional[str] = None) -> tuple[tuple, dict]:
    """One stored figure as the linker reads it (:func:`newsledger.link.story_refresh.story_figure`),
    keyed as the linker orders them (:func:`newsledger.link.story_refresh.figure_order`)."""
    from types import SimpleNamespace

    from newsledger.link.story_refresh import figure_order, story_figure

    q = SimpleNamespace(article_id=aid, claim_idx=claim_idx, text=text, start=start, end=end, value=value,
                        low=low, high=high, bound=bound, unit=unit, where=where or "text")
    a = SimpleNamespace(text=article_text, title=title, standfirst=standfirst, source=source, site=site, agency=agency,
                        published=published, published_time=published_time)
    return figure_order(order, q), story_figure(q, a)


def claim_group_rows(sid: str, claims: Iterable[tuple],
                     figures: Optional[Iterable[tuple[tuple, dict]]] = None) -> list[tuple[str, dict]]:
    """``claims``: (order, idx, article_id, claim JSON, source, site, published, published_time) of the story's
    most recent ``CLAIM_WINDOW`` articles; ``figures``: their stored figures (:func:`figure_row`).
    Rows of ``claim_groups`` and ``claim_members``."""
    from newsledger.link.claims import group_story
    from newsledger.link.story_refresh import claim_group_rows as rows_of, unique_group_ids

    rows = [{"article_id": aid, "idx": idx, "data": json.loads(d), "source": src, "site": site,
             "published": pub, "published_time": clock}
            for _o, idx, aid, d, src, site, pub, clock in sorted(claims, key=lambda c: c[:2])]
    figs = [f for _k, f in sorted(figures or (), key=lambda kf: kf[0])] or None  # none stored: the claims' own
    out: list[tuple[str, dict]] = []
    for g in unique_group_ids(group_story(sid, rows, figs)):
        head, members = rows_of(g)
        out.append(("claim_groups", head))
        out += [("claim_members", m) for m in members]
    return out


class Components:
    """Union-find over article ids (copy groups: the components of the confirmed copy pairs)."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[x] = p
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def copy_group_ids(edges: Iterable[tuple[str, str]], order: dict[str, int]) -> dict[str, str]:
    """{article id: copy group id}; a group is named after its earliest member, as the linker
    names it after the first article a copy matched."""
    uf = Components()
    for a, b in edges:
        uf.union(a, b)
    comps: dict[str, list[str]] = {}
    for x in list(uf.parent):
        comps.setdefault(uf.find(x), []).append(x)
    out = {}
    for ms in comps.values():
        first = min(ms, key=lambda m: order[m])
        for m in ms:
            out[m] = f"c-{first[:12]}"
    return out


def story_ids(parents: dict[str, str], order: dict[str, int], merges: Optional["StoryMerges"] = None,
              names: Optional["StoryNames"] = None) -> dict[str, str]:
    """{article id: story id}: each article joins the story of the earlier article it matched
    (``parents``), or starts its own, named after it, as the linker does; with ``names``, a story
    whose names the article's are mostly new to is refused and the article joins its next
    candidate's story, or none (:class:`StoryNames`, the linker's ``scoring.names_new_to``); with
    ``merges``, an article that joined a story merges the other stories its candidates are in
    (none refused), as the linker's :mod:`newsledger.link.story_merges` does."""
    root: dict[str, str] = {}
    into: dict[str, str] = {}  # a merged story's first article -> the story it went into

    def find(r: str) -> str:
        while r in into:
            r = into[r]
        return r

    def story(y: str) -> Optional[str]:
        return find(root[y]) if y in root else None

    for aid in sorted(order, key=order.__getitem__):  # parents are always earlier
        via = parents.get(aid)
        refused = names.refused(aid, story) if names is not None and via is not None else set()
        if refused:
            via = names.parent(aid, via, refused, story)
        root[aid] = find(root[via]) if via is not None else aid
        if via is not None and merges is not None:
            for r in merges.stories_of(aid, root[aid], story, refused):
                into[r] = root[aid]
    return {aid: f"s-{find(r)[:12]}" for aid, r in root.items()}


def _by_story(scored: Iterable[tuple[float, str]], story: Callable[[str], Optional[str]],
              left_out: Iterable[str] = ()) -> dict[str, list[tuple[float, str]]]:
    """Scored candidates ((score, id), in the order given) by their story now (``story``), as the
    linker's ranking groups them; none of a story in ``left_out``."""
    per: dict[str, list[tuple[float, str]]] = {}
    for sc, y in scored:
        r = story(y)
        if r is not None and r not in left_out:
            per.setdefault(r, []).append((sc, y))
    return per


# a candidate's names, read as the linker reads a member's terms (only its names are asked)
Names = namedtuple("Names", "terms")


class StoryNames:
    """What the Spark link knows to refuse a story as the linker's story ranking
    (:func:`newsledger.link.scoring.story_ranking`) does, for the articles that may meet its tests:
    ``scored``, {article: [(score, earlier story candidate)]}, every candidate scoring above 0 (the
    members the ranking reads); ``apart``, {article: the candidates a veto keeps apart from it};
    ``ranked``, {article: [(candidate, score)]}, the candidates it may join by (the join test
    passed, no veto), in the order its story parent is picked; ``names``, {article: its names of two
    words or more}; ``held``, {candidate: :class:`Names`}. ``moved``, filled by :func:`story_ids`:
    {article: (its new parent, score), or None for a story of its own} where a refusal changed its
    parent."""

    def __init__(self, scored: dict[str, list[tuple[float, str]]], ranked: dict[str, list[tuple[str, float]]],
                 names: dict[str, list[str]], held: dict[str, Names], apart: Optional[dict[str, set]] = None):
        self.scored, self.ranked, self.names, self.held = scored, ranked, names, held
        self.apart = apart or {}
        self.moved: dict[str, Optional[tuple[str, float]]] = {}

    def refused(self, aid: str, story: Callable[[str], Optional[str]]) -> set:
        """The stories (by first article; ``story``: article -> its story now) the article may not
        join: a scored member is kept apart from it by a veto, or the article's names are mostly new
        to the story's scored members (``scoring.names_new_to``); its scored candidates grouped by
        story, as the linker groups them."""
        from newsledger.link.scoring import names_new_to

        per = _by_story(self.scored.get(aid, ()), story)
        vetoed = {story(y) for y in self.apart.get(aid, ())}
        return {r for r, ms in per.items()
                if r in vetoed or names_new_to(self.names.get(aid, []), ms, {}, self.held)}

    def parent(self, aid: str, via: str, refused: set, story: Callable[[str], Optional[str]]) -> Optional[str]:
        """The article's story parent: ``via`` unless its story is ``refused``, else the first of
        its ``ranked`` candidates in a story not refused (None: none is; it starts its own)."""
        if story(via) not in refused:
            return via
        for y, sc in self.ranked.get(aid, ()):
            if story(y) not in refused:
                self.moved[aid] = (y, sc)
                return y
        self.moved[aid] = None
        return None


class StoryMerges:
    """What the Spark link knows of a newcomer's other stories: ``cands``, {article: [(score, earlier
    story candidate)]} (candidates the join test passed: scored ``MERGE_THRESHOLD`` or more, no veto
    between the two), ``terms``, {article: story terms} of them, and ``copied``, the articles that
    joined their story as a copy (the linker merges nothing for them)."""

    def __init__(self, cands: dict[str, list[tuple[float, str]]], terms: dict[str, frozenset], copied: set):
        self.cands, self.terms, self.copied = cands, terms, copied

    def stories_of(self, aid: str, target: str, story: Callable[[str], Optional[str]],
                   refused: Iterable[str] = ()) -> list[str]:
        """The stories (by first article) the article ``aid``, which joined ``target``, merges into
        it (:func:`newsledger.link.story_merges.stories_to_merge` on its candidates' stories, best
        first, but the ``refused`` ones its names are new to, which the linker's ranking leaves out;
        ``story``: article -> its story now)."""
        from newsledger.link.story_merges import stories_to_merge

        if aid in self.copied or aid not in self.cands:
            return []
        per = _by_story(sorted(self.cands[aid], reverse=True), story, refused)
        ranking = [(ms[0][0], r, ms) for r, ms in per.items()]
        ranking.sort(key=lambda x: (x[1] != target, -x[0]))  # the story it joined first
        if not ranking or ranking[0][1] != target:
            return []
        return stories_to_merge(ranking, self.terms.__getitem__)
