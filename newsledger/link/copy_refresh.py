"""Copy groups and the link stage's flags written back after a chunk is linked: each touched
group's original and changes, each touched article's flags."""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from sqlalchemy import delete, insert, select, update

from newsledger.link import text as T
from newsledger.link.batches import articles_by_id, chunks, utc_now
from newsledger.link.bio_reuse import bio_flags
from newsledger.link.candidates import load_stored
from newsledger.link.copies import choose_original, copy_flags, diff, original_byline_flags
from newsledger.link.flags import article_flags, merge_flags
from newsledger.link.tables import bios as bios_t, copies as copies_t, copy_groups as copy_groups_t
from newsledger.model import Article, Flag
from newsledger.store.schema import articles as articles_t


def refresh_group(conn, gid: str) -> set[str]:
    ids = [r[0] for r in conn.execute(select(copies_t.c.article_id).where(copies_t.c.group_id == gid))]
    arts = articles_by_id(conn, ids)
    members = [(pk, aid, Article.from_dict(d)) for aid, (pk, d) in arts.items()]
    if not members:  # every member vanished (deleted or unreadable): nothing to choose from
        return set()
    group, rows = copy_group_rows(gid, members, load_stored(conn, ids), len(ids))
    for r in rows:
        conn.execute(update(copies_t).where(copies_t.c.article_id == r["article_id"])
                     .values(role=r["role"], similarity=r["similarity"], changes=r["changes"]))
    conn.execute(delete(copy_groups_t).where(copy_groups_t.c.id == gid))
    conn.execute(insert(copy_groups_t).values(**group))
    return set(ids)


def copy_group_rows(gid: str, members: list[tuple[int, str, Article]], sigs: dict,
                    size: Optional[int] = None) -> tuple[dict, list[dict]]:
    """One copy group's ``link_copy_groups`` row and its ``link_copies`` rows (role,
    similarity against the original, changes): ``members`` are (ingest order, id, article),
    ``sigs`` {id: object with ``sig`` and ``shingles``}. Pure: the Spark link calls it too."""
    by_obj = {id(a): aid for _pk, aid, a in members}
    original, reason = choose_original([(pk, a) for pk, _aid, a in members])
    oid = by_obj[id(original)]
    rows = []
    for _pk, cid, a in members:
        if cid == oid:
            rows.append({"article_id": cid, "group_id": gid, "role": "original", "similarity": 1.0,
                         "changes": {"summary": []}})
            continue
        s1, s2 = sigs.get(cid), sigs.get(oid)
        sim = None
        if s1 is not None and s2 is not None:
            sim = round(T.containment(T.jaccard(s1.sig, s2.sig), s1.shingles, s2.shingles), 3)
        rows.append({"article_id": cid, "group_id": gid, "role": "copy", "similarity": sim,
                     "changes": diff(original, a)})
    group = {"id": gid, "original_id": oid, "reason": reason,
             "size": len(members) if size is None else size, "updated_at": utc_now()}
    return group, rows


def group_member_flags(aid: str, a: Article, oid: Optional[str], original: Optional[Article],
                       siblings: list[tuple[str, Article]]) -> list[Flag]:
    """A copy group member's cross-article flags: against its original (``copy_flags``) and,
    where nothing dates the versions, against its sibling copies. Pure: the Spark link calls it."""
    new: list[Flag] = []
    if oid and oid != aid:
        if original is not None:
            new += copy_flags(original, a, oid, [s for _, s in siblings])
        if not any(f.kind == "byline-swapped" for f in new):
            # the same name as the original's, but another same-day copy names someone else
            new += original_byline_flags(a, siblings)
    elif oid == aid:
        new += original_byline_flags(a, siblings)
    return new


def refresh_flags(conn, ids: set[str], new_ids: set[str]) -> int:
    """Recompute the link stage's flags of ``ids`` and write them into ``articles.data``."""
    arts = articles_by_id(conn, ids)
    group_of = {}
    for part in chunks(list(ids)):
        for aid, gid in conn.execute(select(copies_t.c.article_id, copies_t.c.group_id)
                                     .where(copies_t.c.article_id.in_(part))):
            group_of[aid] = gid
    originals = {}
    gids = list(set(group_of.values()))
    for part in chunks(gids):
        for gid, oid in conn.execute(select(copy_groups_t.c.id, copy_groups_t.c.original_id)
                                     .where(copy_groups_t.c.id.in_(part))):
            originals[gid] = oid
    need = {o for o in originals.values() if o not in arts}
    orig_arts = articles_by_id(conn, need) if need else {}
    # the other copies of each group (a few), for byline contradictions that no date settles
    members_of = defaultdict(list)
    for part in chunks(gids):
        for gid, aid in conn.execute(select(copies_t.c.group_id, copies_t.c.article_id)
                                     .where(copies_t.c.group_id.in_(part), copies_t.c.role == "copy")):
            if len(members_of[gid]) < 20:
                members_of[gid].append(aid)
    need = {m for ms in members_of.values() for m in ms if m not in arts and m not in orig_arts}
    member_arts = articles_by_id(conn, need) if need else {}
    bio_rows = defaultdict(list)
    for part in chunks(list(ids)):
        for r in conn.execute(select(bios_t.c.article_id, bios_t.c.key, bios_t.c.name)
                              .where(bios_t.c.article_id.in_(part))):
            bio_rows[r.article_id].append((r.key, r.name))
    flagged = 0
    for aid, (_pk, data) in arts.items():
        a = Article.from_dict(data)
        new = article_flags(a)
        gid = group_of.get(aid)
        oid = originals.get(gid)
        siblings = [(m, Article.from_dict(d)) for m in members_of.get(gid, ()) if m != aid
                    for d in [(arts.get(m) or orig_arts.get(m) or member_arts.get(m) or (None, None))[1]] if d]
        od = (arts.get(oid) or orig_arts.get(oid) or (None, None))[1] if oid and oid != aid else None
        new += group_member_flags(aid, a, oid, Article.from_dict(od) if od else None, siblings)
        if bio_rows.get(aid):
            new += bio_flags(conn, aid, bio_rows[aid])
        for f in new:
            f.evidence.setdefault("stage", "link")
        old = list(data.get("flags") or [])
        kept = [f for f in old if (f.get("evidence") or {}).get("stage") != "link"]
        merged = merge_flags(kept, new)
        if aid in new_ids and merged:
            flagged += 1
        if merged != old:
            data["flags"] = merged
            conn.execute(update(articles_t).where(articles_t.c.id == aid).values(data=data))
    return flagged
