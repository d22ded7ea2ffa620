"""Reading what the link stage stored: copy groups, stories, claim groups, flags and counts."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from sqlalchemy import func, select

from newsledger.link.batches import chunks
from newsledger.link.claims import timeline
from newsledger.link.tables import (claim_groups as cg_t, claim_members as cm_t, copies as copies_t,
                                    copy_groups as copy_groups_t, stories as stories_t, story_aliases,
                                    story_members)
from newsledger.model import Flag
from newsledger.store.schema import articles as articles_t


def stored_flags(ledger, article_id: str) -> list[Flag]:
    d = ledger.get(article_id)
    if not d:
        return []
    return [Flag(f["kind"], f["detail"], f.get("evidence") or {}) for f in d.get("flags") or []
            if (f.get("evidence") or {}).get("stage") == "link"]


def _member_meta(conn, ids: list[str]) -> dict[str, dict]:
    out = {}
    for part in chunks(ids):
        for r in conn.execute(select(articles_t.c.id, articles_t.c.source, articles_t.c.site,
                                     articles_t.c.url, articles_t.c.title, articles_t.c.byline,
                                     articles_t.c.agency, articles_t.c.published, articles_t.c.pk)
                              .where(articles_t.c.id.in_(part))):
            out[r.id] = {"id": r.id, "article_id": r.id, "source": r.source, "site": r.site,
                         "url": r.url, "title": r.title, "byline": r.byline or [],
                         "agency": r.agency, "published": r.published, "_pk": r.pk}
    return out


def copy_groups(ledger) -> list[dict]:
    """Every copy group: ``{id, original, reason, size, members: [{id, article_id, source, site,
    title, byline, agency, published, role, similarity, changes: [str], diff: {...}}]}``."""
    with ledger.engine.connect() as conn:
        groups = conn.execute(select(copy_groups_t).order_by(copy_groups_t.c.size.desc(),
                                                              copy_groups_t.c.id)).all()
        mem = conn.execute(select(copies_t)).all()
        meta = _member_meta(conn, [m.article_id for m in mem])
    by_group = defaultdict(list)
    for m in mem:
        d = dict(meta.get(m.article_id) or {"id": m.article_id, "article_id": m.article_id, "source": None})
        ch = m.changes or {}
        d.update(role=m.role, similarity=m.similarity, changes=list(ch.get("summary") or []),
                 diff={k: v for k, v in ch.items() if k != "summary"})
        by_group[m.group_id].append(d)
    out = []
    for g in groups:
        ms = sorted(by_group.get(g.id, []), key=lambda d: (d["role"] != "original", d.get("published") or "9999", d.get("_pk", 0)))
        for d in ms:
            d.pop("_pk", None)
        out.append({"id": g.id, "original": g.original_id, "reason": g.reason, "size": len(ms),
                    "members": ms})
    return out


def story_groups(ledger, min_size: int = 2) -> list[dict]:
    """Stories with at least ``min_size`` articles: ``{id, label, first_published,
    last_published, size, members: [{id, article_id, source, site, title, published, score, via}]}``."""
    with ledger.engine.connect() as conn:
        st = conn.execute(select(stories_t).where(stories_t.c.size >= min_size)
                          .order_by(stories_t.c.size.desc(), stories_t.c.id)).all()
        out = []
        for s in st:
            ms = conn.execute(select(story_members).where(story_members.c.story_id == s.id)).all()
            meta = _member_meta(conn, [m.article_id for m in ms])
            members = []
            for m in ms:
                d = dict(meta.get(m.article_id) or {"id": m.article_id, "article_id": m.article_id})
                d.update(score=m.score, via=m.via)
                members.append(d)
            members.sort(key=lambda d: (d.get("published") or "9999", d.get("_pk", 0)))
            for d in members:
                d.pop("_pk", None)
            out.append({"id": s.id, "label": s.label, "first_published": s.first_published,
                        "last_published": s.last_published, "size": len(members), "members": members})
    return out


def story_of(ledger, article_id: str) -> Optional[str]:
    with ledger.engine.connect() as conn:
        r = conn.execute(select(story_members.c.story_id).where(story_members.c.article_id == article_id)).first()
    return r[0] if r else None


def story_alias(ledger, story_id: str) -> Optional[str]:
    """The story now holding the members of ``story_id``, a story a later article merged into
    another (:mod:`newsledger.link.story_merges`); None for an id that was never merged away or
    whose story is gone since."""
    with ledger.engine.connect() as conn:
        r = conn.execute(select(story_aliases.c.story_id)
                         .join(stories_t, stories_t.c.id == story_aliases.c.story_id)
                         .where(story_aliases.c.id == story_id)).first()
    return r[0] if r else None


_ORDER = {"conflict": 0, "spread": 1, "different-things": 2, "agree": 3}


def _claim_members(conn, gids: list[str]) -> dict[str, list[dict]]:
    """The stored members of the given claim groups, in group order."""
    out: dict[str, list[dict]] = defaultdict(list)
    for part in chunks(gids):
        for r in conn.execute(select(cm_t.c.group_id, cm_t.c.data).where(cm_t.c.group_id.in_(part))
                              .order_by(cm_t.c.group_id, cm_t.c.pos)):
            if r.data is not None:
                out[r.group_id].append(dict(r.data))
    return out


def _whole_group(header: dict, members: list[dict]) -> dict:
    """A stored group header with its members and their timeline, in the CLI/API shape."""
    g = dict(header)
    pairs = g.pop("pairs", [])
    # size: the members still stored (a deleted article takes its members with it)
    g.update(members=members, pairs=pairs, timeline=timeline(members), size=len(members))
    g.setdefault("members_found", len(members))
    g.setdefault("truncated", False)
    return g


def claim_groups(ledger, verdicts: Optional[Iterable[str]] = None) -> list[dict]:
    """Claim groups: ``{id, story_id, kind (figure|stance), label, unit, verdict, reason,
    members: [{article_id, id, source, name, figure, value, low, high, bound, unit, stance,
    published, content, conflict, ...}], pairs, timeline, size, members_found, truncated}``
    (see :mod:`newsledger.link.claims` for the bounds)."""
    q = select(cg_t.c.id, cg_t.c.data)
    if verdicts is not None:
        q = q.where(cg_t.c.verdict.in_(list(verdicts)))
    with ledger.engine.connect() as conn:
        rows = conn.execute(q).all()
        members = _claim_members(conn, [r.id for r in rows])
    out = [_whole_group(r.data, members.get(r.id, [])) for r in rows]
    out.sort(key=lambda g: (_ORDER.get(g["verdict"], 9), -len(g["members"]), g["id"]))
    return out


def claim_group_ids(ledger, claims: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[str]]:
    """``(article_id, idx)`` of stored claims -> the ids of the claim groups holding them (a
    claim may be in a figure group and a stance group), one query per 900 articles."""
    keys = set(claims)
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    with ledger.engine.connect() as conn:
        for part in chunks(sorted({a for a, _ in keys})):
            for aid, idx, gid in conn.execute(select(cm_t.c.article_id, cm_t.c.idx, cm_t.c.group_id)
                                              .where(cm_t.c.article_id.in_(part))
                                              .order_by(cm_t.c.group_id)):
                if (aid, idx) in keys and gid not in out[(aid, idx)]:
                    out[(aid, idx)].append(gid)
    return dict(out)


def with_group_ids(ledger, claims: list[dict]) -> list[dict]:
    """Stored claims (``article_id``, ``idx``) with ``group`` (the first claim group holding
    them, or None) and ``groups`` (all of them)."""
    ids = claim_group_ids(ledger, [(c["article_id"], c["idx"]) for c in claims])
    for c in claims:
        gs = ids.get((c["article_id"], c["idx"]), [])
        c.update(group=gs[0] if gs else None, groups=gs)
    return claims


def conflict_groups(ledger) -> list[dict]:
    """Claim groups whose sources disagree (``conflict``), differ within bounds (``spread``) or
    whose figures count different things (``different-things``: said so, not flagged as a
    conflict). Real conflicts first."""
    return claim_groups(ledger, verdicts=("conflict", "spread", "different-things"))


def claim_group(ledger, group_id: str) -> Optional[dict]:
    """One claim group by id (or a unique id prefix of four characters or more)."""
    with ledger.engine.connect() as conn:
        r = conn.execute(select(cg_t.c.id, cg_t.c.data).where(cg_t.c.id == group_id)).first()
        if r is None and len(group_id) >= 4:
            rs = conn.execute(select(cg_t.c.id, cg_t.c.data)
                              .where(cg_t.c.id.startswith(group_id, autoescape=True)).limit(2)).all()
            r = rs[0] if len(rs) == 1 else None
        if r is None:
            return None
        return _whole_group(r.data, _claim_members(conn, [r.id]).get(r.id, []))


def link_stats(ledger) -> dict:
    with ledger.engine.connect() as conn:
        n_groups = conn.execute(select(func.count()).select_from(copy_groups_t)).scalar_one()
        n_copies = conn.execute(select(func.count()).select_from(copies_t)
                                .where(copies_t.c.role == "copy")).scalar_one()
        n_stories = conn.execute(select(func.count()).select_from(stories_t)
                                 .where(stories_t.c.size >= 2)).scalar_one()
        n_cg = conn.execute(select(func.count()).select_from(cg_t)).scalar_one()
        n_conf = conn.execute(select(func.count()).select_from(cg_t)
                              .where(cg_t.c.verdict == "conflict")).scalar_one()
    return {"copy_groups": n_groups, "copies": n_copies, "stories": n_stories,
            "claim_groups": n_cg, "conflicts": n_conf}


def unlinked_ids(ledger) -> list[str]:
    """Stored articles the link stage has not seen yet (an ingest killed between storing and
    linking): the next ingest links them too."""
    from sqlalchemy import select

    from newsledger.link.tables import signatures
    from newsledger.store.schema import articles

    q = (select(articles.c.id).where(~articles.c.id.in_(select(signatures.c.article_id)))
         .order_by(articles.c.pk))
    with ledger.engine.connect() as conn:
        return [r[0] for r in conn.execute(q)]
