"""The link stage's entry: :func:`link_new` links new articles, a chunk at a time, in named
steps (candidates, copies and stories of each newcomer, the index, copy groups, bios, flags,
stories and their claim groups); the reading functions are :mod:`newsledger.link.reading`'s
(see the package docstring, :mod:`newsledger.link`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update

from newsledger.link import text as T
from newsledger.link.batches import chunks, utc_now
from newsledger.link.bio_reuse import index_bios
from newsledger.link.candidates import BAND_CAP, StoredPrint, add_chunk_candidates, load_new, load_stored, probe_all
from newsledger.link.copy_refresh import refresh_flags, refresh_group
from newsledger.link.fingerprints import Fingerprint
from newsledger.link.flags import article_flags as _article_flags_local
from newsledger.link.reading import (claim_group, claim_group_ids, claim_groups, conflict_groups, copy_groups,
                                     link_stats, story_alias, story_groups, story_of, unlinked_ids,
                                     with_group_ids)
from newsledger.link.scoring import choose_story, copy_matches
from newsledger.link.story_merges import stories_to_merge
from newsledger.link.story_refresh import merge_stories, refresh_claim_groups, refresh_stories
from newsledger.link.tables import bands, copies as copies_t, copy_groups as copy_groups_t, signatures, story_members
from newsledger.model import Article, Flag
from newsledger.store.schema import claims as claims_t
from newsledger.store.schema import quantities as quantities_t

__all__ = ["link_new", "link_stats", "copy_groups", "story_groups", "claim_groups",
           "conflict_groups", "claim_group", "article_flags", "claim_group_ids", "with_group_ids",
           "story_of", "story_alias", "unlinked_ids"]

CHUNK = 500


def article_flags(article: Article, ledger=None) -> list[Flag]:
    """Provenance flags for one article; see :func:`newsledger.link.flags.article_flags`."""
    return _article_flags_local(article, ledger)


def link_new(ledger, article_ids: list[str]) -> dict:
    """Link newly stored articles to what the ledger holds; returns counts for the report:
    ``linked``, ``copies`` (new articles found to copy or be copied), ``stories_joined``
    (joined an existing story), ``flagged`` (new articles with a provenance flag),
    ``conflicts`` (claim groups with a conflict in the stories touched)."""
    counts: Counter = Counter()
    ids = list(dict.fromkeys(article_ids))
    for part in chunks(ids, CHUNK):
        with ledger.engine.begin() as conn:
            _one_linker_at_a_time(conn)
            _link_chunk(conn, part, counts)
    return {"linked": counts["linked"], "copies": counts["copies"],
            "stories_joined": counts["stories_joined"], "flagged": counts["flagged"],
            "conflicts": counts["conflicts"]}


def _one_linker_at_a_time(conn) -> None:
    """Linking reads then extends one shared index: concurrent ingests take turns, so two
    processes never link the same article twice. SQLite: take the write lock first (a no-op
    write, waiting under busy_timeout); PostgreSQL: a transaction-scoped advisory lock."""
    from sqlalchemy import text

    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM link_signatures WHERE 0"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(72101)"))


@dataclass
class _Chunk:
    """What linking one chunk of new articles holds in memory: their candidates from the stored
    index, the stored articles' fingerprints, stories and copy groups, and what the chunk adds
    (its own index, ``local``: key -> [(kind, id)], and the rows to write)."""
    fps: list[Fingerprint]
    cands: dict[str, tuple[Counter, Counter]]
    posting: Counter  # key -> stored rows (capped at insert: see BAND_CAP)
    stored: dict[str, StoredPrint]
    story_of: dict[str, str]
    group_of: dict[str, str]
    pub: dict
    new_by_id: dict
    now: str
    local: dict = field(default_factory=lambda: defaultdict(list))
    sig_rows: list = field(default_factory=list)
    band_rows: list = field(default_factory=list)
    member_rows: list = field(default_factory=list)
    touched_stories: set = field(default_factory=set)
    touched_groups: set = field(default_factory=set)
    group_merges: list = field(default_factory=list)  # (target group, groups merged into it)
    story_merges: list = field(default_factory=list)  # (target story, stories merged into it), in order


def _link_chunk(conn, ids: list[str], counts: Counter) -> None:
    fps = load_new(conn, ids)
    if not fps:
        return
    counts["linked"] += len(fps)
    ch = _open_chunk(conn, fps)
    # 2. within the chunk, in ingest order: earlier new articles are part of the index
    for fp in fps:
        _link_one(fp, ch, counts)
    _write_index(conn, ch)
    flag_targets = _write_copy_groups(conn, ch)
    # 4. bios (reused under other names)
    flag_targets |= index_bios(conn, fps)
    # 5. flags for new articles and for members of changed groups
    counts["flagged"] += refresh_flags(conn, flag_targets, {fp.id for fp in fps})
    _write_stories(conn, ch, counts)


def _open_chunk(conn, fps: list[Fingerprint]) -> _Chunk:
    """1. The chunk's candidates from the stored index (see :func:`probe_all`), and what the
    ledger holds of the stored candidates: fingerprints, stories, copy groups."""
    cands, posting = probe_all(conn, fps)
    stored_ids = {o for cc, sc in cands.values() for o in (*cc, *sc)}
    stored = load_stored(conn, stored_ids)
    story_of, group_of = _memberships(conn, stored_ids)
    return _Chunk(fps, cands, posting, stored, story_of, group_of,
                  pub={i: s.published for i, s in stored.items()},
                  new_by_id={fp.id: fp for fp in fps}, now=utc_now())


def _memberships(conn, ids: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The stories ({article id: story id}) and copy groups ({article id: group id}) of ``ids``."""
    story_of: dict[str, str] = {}
    group_of: dict[str, str] = {}
    for part in chunks(list(ids)):
        for aid, sid in conn.execute(select(story_members.c.article_id, story_members.c.story_id)
                                     .where(story_members.c.article_id.in_(part))):
            story_of[aid] = sid
        for aid, gid in conn.execute(select(copies_t.c.article_id, copies_t.c.group_id)
                                     .where(copies_t.c.article_id.in_(part))):
            group_of[aid] = gid
    return story_of, group_of


def _link_one(fp: Fingerprint, ch: _Chunk, counts: Counter) -> None:
    """One newcomer: its copies join (or merge) their copy groups; it joins its original's story
    or its best-scoring match's (merging the other stories it joins as well: see
    :mod:`newsledger.link.story_merges`), or starts its own; then it is indexed for the rest of
    the chunk."""
    copy_c, story_c = ch.cands.get(fp.id, (Counter(), Counter()))
    add_chunk_candidates(fp, ch.local, copy_c, story_c)
    matches = copy_matches(fp, copy_c, ch.new_by_id, ch.stored)
    if matches:
        counts["copies"] += 1
        _join_copy_group(fp, matches, ch)
    best, best_sid, via, ranking = choose_story(fp, matches, story_c, ch.story_of, ch.new_by_id, ch.stored, ch.pub)
    if best_sid is None:
        best_sid, best = f"s-{fp.id[:12]}", 1.0
    else:
        counts["stories_joined"] += 1
        _merge_stories(best_sid, stories_to_merge(ranking, lambda a: _terms_of(a, ch)), ch)
    ch.story_of[fp.id] = best_sid
    ch.pub[fp.id] = fp.article.published
    ch.touched_stories.add(best_sid)
    ch.member_rows.append({"article_id": fp.id, "story_id": best_sid, "score": round(best, 3), "via": via})
    _index_one(fp, ch)


def _join_copy_group(fp: Fingerprint, matches: list[tuple[float, str]], ch: _Chunk) -> None:
    """The newcomer and its copies go into one copy group: the smallest id of their groups (the
    others merged into it), or a new group named after the best match."""
    gids = {ch.group_of[o] for _, o in matches if o in ch.group_of}
    target = min(gids) if gids else f"c-{matches[0][1][:12]}"
    others = gids - {target}
    if others:
        ch.group_merges.append((target, others))
        for a, g in list(ch.group_of.items()):
            if g in others:
                ch.group_of[a] = target
    for _, o in matches:
        ch.group_of.setdefault(o, target)
    ch.group_of[fp.id] = target
    ch.touched_groups.add(target)


def _terms_of(aid: str, ch: _Chunk) -> frozenset:
    """The story terms of a new article of the chunk or a stored candidate."""
    fp = ch.new_by_id.get(aid)
    return frozenset(fp.terms) if fp is not None else ch.stored[aid].terms


def _merge_stories(target: str, others: list[str], ch: _Chunk) -> None:
    """The stories ``others`` merge into ``target`` (see :mod:`newsledger.link.story_merges`): in
    the chunk's memberships and rows now, in the stored ones when the chunk is written."""
    if not others:
        return
    gone = set(others)
    for a, s in ch.story_of.items():
        if s in gone:
            ch.story_of[a] = target
    for r in ch.member_rows:
        if r["story_id"] in gone:
            r["story_id"] = target
    ch.story_merges.append((target, gone))
    ch.touched_stories |= gone  # their rows go: a refresh finds them without members


def _index_one(fp: Fingerprint, ch: _Chunk) -> None:
    """The newcomer's band keys (those not saturated) and signatures, for the rest of the
    chunk and for the rows to write."""
    for kind in ("body", "lead", "passage", "story"):
        for k in fp.keys[kind]:
            if ch.posting[k] + len(ch.local.get(k, ())) >= BAND_CAP[kind]:
                continue  # saturated: a key this common carries no more information
            ch.local[k].append((kind, fp.id))
            ch.band_rows.append({"key": k, "kind": kind, "article_id": fp.id})
    ch.sig_rows.append({"article_id": fp.id, "shingles": fp.shingles, "sig": T.sig_bytes(fp.sig),
                        "lead": T.sig_bytes(fp.lead), "terms": fp.terms, "nterms": len(fp.terms),
                        "published": fp.article.published, "linked_at": ch.now})


def _write_index(conn, ch: _Chunk) -> None:
    conn.execute(insert(signatures), ch.sig_rows)
    if ch.band_rows:
        insert_bands(conn, ch.band_rows)
    conn.execute(insert(story_members), ch.member_rows)
    for target, others in ch.story_merges:
        merge_stories(conn, target, others, ch.now)


def insert_bands(conn, rows: list[dict]) -> None:
    """The bulk of the link stage's writes (~240 rows an article): on SQLite straight through
    the driver (SQLAlchemy's per-row parameter handling costs more than the insert itself)."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(bands), rows)
        return
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.executemany("INSERT INTO link_bands (key, kind, article_id) VALUES (?, ?, ?)",
                        [(r["key"], r["kind"], r["article_id"]) for r in rows])
    finally:
        cur.close()


def _write_copy_groups(conn, ch: _Chunk) -> set[str]:
    """3. Copy groups: merge, add members, recompute original and changes. Returns the articles
    whose flags to recompute: the chunk's and every member of a touched group."""
    for target, others in ch.group_merges:
        conn.execute(update(copies_t).where(copies_t.c.group_id.in_(list(others))).values(group_id=target))
        conn.execute(delete(copy_groups_t).where(copy_groups_t.c.id.in_(list(others))))
    existing = set()
    grouped = [a for a, g in ch.group_of.items() if g in ch.touched_groups]
    for part in chunks(grouped):
        existing |= {r[0] for r in conn.execute(select(copies_t.c.article_id)
                                                .where(copies_t.c.article_id.in_(part)))}
    add = [{"article_id": a, "group_id": ch.group_of[a], "role": "copy"} for a in grouped if a not in existing]
    if add:
        conn.execute(insert(copies_t), add)
    flag_targets = {fp.id for fp in ch.fps}
    for gid in sorted(ch.touched_groups):
        flag_targets |= refresh_group(conn, gid)
    return flag_targets


def _write_stories(conn, ch: _Chunk, counts: Counter) -> None:
    """6. The touched stories' rows, and the claim groups of each story a new article with
    claims or figures is in or that stories merged into."""
    with_claims = _with_claims(conn, [fp.id for fp in ch.fps])
    refresh_stories(conn, sorted(ch.touched_stories), ch.now)
    gone = {s for _t, others in ch.story_merges for s in others}
    merged = {t for t, _ in ch.story_merges} - gone
    for sid in sorted({ch.story_of[a] for a in with_claims if a in ch.story_of} | merged):
        counts["conflicts"] += refresh_claim_groups(conn, sid)


def _with_claims(conn, ids: list[str]) -> set[str]:
    """Those of ``ids`` with a stored claim or figure."""
    out = set()
    for part in chunks(ids):
        out |= {r[0] for r in conn.execute(select(claims_t.c.article_id).distinct()
                                           .where(claims_t.c.article_id.in_(part)))}
        out |= {r[0] for r in conn.execute(select(quantities_t.c.article_id).distinct()
                                           .where(quantities_t.c.article_id.in_(part)))}
    return out
