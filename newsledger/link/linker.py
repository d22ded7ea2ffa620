"""The link stage's work on the ledger: fingerprints, the band index, copy groups, stories,
claim groups and flags (see the package docstring, :mod:`newsledger.link`)."""
from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

import numpy as np
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy import text as sql_text

from newsledger.link import text as T
from newsledger.link import vetoes as V
from newsledger.link.claims import group_story, timeline
from newsledger.link.copies import choose_original, copy_flags, diff, original_byline_flags
from newsledger.link.flags import article_flags as _article_flags_local
from newsledger.link.flags import bios, merge_flags, person_bylines
from newsledger.link.measures import measure
from newsledger.link.tables import (bands, bios as bios_t, claim_groups as cg_t,
                                    claim_members as cm_t, copies as copies_t,
                                    copy_groups as copy_groups_t, signatures, stories as stories_t,
                                    story_members)
from newsledger.model import Article, Flag
from newsledger.store.schema import articles as articles_t
from newsledger.store.schema import claims as claims_t
from newsledger.store.schema import quantities as quantities_t

__all__ = ["link_new", "link_stats", "copy_groups", "story_groups", "claim_groups",
           "conflict_groups", "claim_group", "article_flags", "claim_group_ids", "with_group_ids"]

CHUNK = 500
MAX_CANDIDATES = 300
MAX_STORY_CANDIDATES = 100  # stored articles scored per newcomer, most shared story keys first
PROBE_SLICE = 100  # new articles whose band lookups are held in memory at once
# a band key stops being indexed once this many articles hold it (an exact-copy key keeps its
# first holders, which still find the copy; a story key that common says nothing)
PASSAGE_RARE = 8  # a passage key counts only while this few articles hold it (boilerplate is common)
_BAND_CAP = {"body": 200, "lead": 200, "passage": PASSAGE_RARE + 1, "story": 60}
IN_LIMIT = 900  # bound parameters per IN list

# copy decision (estimated from signatures)
COPY_CONTAINMENT = 0.5  # share of the shorter text's shingles found in the other
COPY_LEAD = 0.6  # or: the openings agree ...
COPY_LEAD_CONTAINMENT = 0.25  # ... and a quarter of the shorter text is shared
MIN_SHINGLES = 12
# story decision
STORY_THRESHOLD = 0.20
ENTITY_BONUS = 0.04  # per shared name of two words or more or telling figure (at most 6) on top of the terms' Jaccard
PLACE_BONUS = 0.02  # per shared one-word name (a place, a nationality; at most 6) ...
PLACE_DAYS = 30  # ... when both articles are dated this close: a place and a time say which event
STORY_DAYS = 7  # articles this many days apart score in full; beyond, the score decays ...
STORY_DECAY_DAYS = 80  # ... to nothing over this many more days ...
STORY_DECAY_FLOOR = 0.6  # ... but never below this share
FIGURE_TERMS = 10  # story terms taken from an article's figures
CLAIM_WINDOW = 400  # a story's claim groups cover its most recent this many articles


def article_flags(article: Article, ledger=None) -> list[Flag]:
    """Provenance flags for one article; see :func:`newsledger.link.flags.article_flags`."""
    return _article_flags_local(article, ledger)


# ---------------------------------------------------------------- fingerprints

@dataclass
class _FP:
    id: str
    pk: int
    article: Article
    data: dict
    shingles: int
    sig: np.ndarray
    lead: np.ndarray
    terms: list[str]
    tsig: np.ndarray
    bucket: int
    keys: dict = field(default_factory=dict)  # kind -> [key] to insert
    probe: list = field(default_factory=list)  # (kind, key) to look up


def _bucket(published: Optional[str]) -> int:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published or "")
    if not m:
        return 0
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return 0
    return d.toordinal() // T.STORY_BUCKET_DAYS


def figure_terms(a: Article, limit: int = FIGURE_TERMS) -> list[str]:
    """Story terms from the article's telling figures ("q:6.1", "q:160000000"): a value that is
    neither a small count nor a year, so two articles quoting the same toll, magnitude or price
    share a term whatever words they use."""
    out: list[str] = []
    for q in a.quantities or []:
        if q.where != "text":  # the headline's figures stay out of story terms (as before)
            continue
        v = q.value
        if v is None or (float(v).is_integer() and (abs(v) < 20 or (1800 <= v <= 2100 and not q.unit))):
            continue
        t = f"q:{v:g}"
        if t not in out:
            out.append(t)
        if len(out) >= limit:
            break
    return out


AGE_TERMS = 6  # story terms taken from the ages of named persons
AGE_APART = 3  # years between two ages of one person that put two articles years apart


def _full_name(a: Article, surname: str) -> Optional[str]:
    """The one full name (two words or more) of a person the article names with ``surname``;
    None when it names none or several (a family shares a surname)."""
    full, sn = set(), T.words(surname.replace("\u2019s", "").replace("'s", ""))[-1:]
    for e in a.entities or []:
        ws = T.words(e.text.replace("\u2019s", "").replace("'s", ""))
        if e.label == "PERSON" and len(ws) >= 2 and ws[-1:] == sn:
            full.add(" ".join(ws))
    return next(iter(full)) if len(full) == 1 else None


_AGE_AFTER = re.compile(r"^\s*(?:years?[- ]old|[,.;)]|$)")


def _maybe_age(text: str, q) -> bool:
    """A cheap test before :func:`measure`, which reads every kind of figure: a whole number
    1-120 of the body with an age's unit, or none and an age's punctuation or word around it."""
    if q.where != "text" or q.value is None or not (1 <= q.value <= 120 and float(q.value).is_integer()):
        return False
    u = (q.unit or "").casefold()
    if u:
        return "year" in u or "age" in u
    return _AGE_AFTER.match(text[q.end:q.end + 12]) is not None or "age" in text[max(0, q.start - 14):q.start].casefold()


def age_terms(a: Article, limit: int = AGE_TERMS) -> list[str]:
    """Story terms "a:<full name>:<age>" of the persons whose age the article gives once ("The
    36-year-old champion Klitschko", the article's one Klitschko being Wladimir Klitschko): a
    person's age is a clock, so two articles giving one person ages years apart report events
    years apart (see :func:`ages_apart`)."""
    ages: dict[str, set] = defaultdict(set)
    for q in a.quantities or []:
        if not _maybe_age(a.text, q):
            continue
        m = measure(a.text[max(0, q.start - 80):q.start], q.text, a.text[q.end:q.end + 80], q.unit)
        name = _full_name(a, m.about) if m.name == "age" and m.about else None
        if name:
            ages[name].add(int(q.value))
    return [f"a:{n}:{next(iter(v))}" for n, v in ages.items() if len(v) == 1][:limit]


def _ages(terms: Iterable[str]) -> dict[str, int]:
    return {t[2:].rpartition(":")[0]: int(t.rpartition(":")[2]) for t in terms if t.startswith("a:")}


def _ages_apart(aa: dict[str, int], bb: dict[str, int]) -> bool:
    return any(abs(aa[n] - bb[n]) >= AGE_APART for n in aa.keys() & bb.keys())


def ages_apart(a_terms: Iterable[str], b_terms: Iterable[str]) -> bool:
    """Whether two articles give one named person ages ``AGE_APART`` years or more apart."""
    return _ages_apart(_ages(a_terms), _ages(b_terms))


def fingerprint(a: Article, aid: str, pk: int = 0, data: Optional[dict] = None) -> _FP:
    ws = T.words(a.text)
    sh = T.shingle_hashes(ws)
    sig = T.minhash(sh, T.NUM_PERM)
    lead = T.minhash(T.shingle_hashes(ws[:T.LEAD_WORDS]), T.LEAD_PERM)
    ents = [e.text for e in a.entities] if a.entities else []
    terms = T.salient_terms(a.title, a.text, ents) + figure_terms(a) + age_terms(a)
    tsig = T.minhash(T.term_hashes(terms), T.TERM_PERM)  # the veto terms make no candidates
    terms += V.veto_terms(a)
    fp = _FP(aid, pk, a, data or {}, int(len(sh)), sig, lead, terms, tsig, _bucket(a.published))
    fp.keys["body"] = T.band_keys(sig, *T.BODY_BANDS, "body") if len(sh) >= MIN_SHINGLES else []
    fp.keys["lead"] = T.band_keys(lead, *T.LEAD_BANDS, "lead") if len(sh) >= MIN_SHINGLES else []
    fp.keys["passage"] = T.passage_keys(ws)
    fp.keys["story"] = story_keys(tsig, fp.bucket) + name_keys(terms) if terms else []
    fp.probe = [(kind, k) for kind in ("body", "lead", "passage") for k in fp.keys[kind]]
    fp.probe += [("story", k) for k in fp.keys["story"]]  # its own bucket (and the undated one), its names
    if terms and fp.bucket:
        for b in (fp.bucket - d for d in range(-T.STORY_BUCKET_SPAN, T.STORY_BUCKET_SPAN + 1) if d):
            fp.probe += [("story", k) for k in T.band_keys(tsig, *T.STORY_BANDS, "story", b)]
    return fp


UNDATED_BANDS = 24  # story bands a dated article is also indexed under in the undated bucket


def story_keys(tsig: np.ndarray, bucket: int) -> list[int]:
    """The story band keys an article is indexed under (and looks up): those of its time bucket
    and, for a dated article, the first ``UNDATED_BANDS`` of the undated bucket's (the same keys
    as an undated article's first bands), where an article with no or a partial date finds it
    and it finds them. Fewer bands than the 64 of its own bucket: every dated article holds
    these keys whatever its date (64 cost the 10k link a third more CPU, 24 a tenth)."""
    own = T.band_keys(tsig, *T.STORY_BANDS, "story", bucket)
    return own + T.band_keys(tsig, UNDATED_BANDS, T.STORY_BANDS[1], "story", 0) if bucket else own


NAME_KEYS = 8  # names of an article (its first story terms naming an entity) indexed as story keys


def name_keys(terms: list[str]) -> list[int]:
    """Story keys of the article's first ``NAME_KEYS`` names of two words or more (see
    :func:`naming`): a shared name makes a story candidate at any time, where the term bands
    miss a fifth to a half of the pairs that score above the threshold (ECB+ dev: 17 of 66
    articles left out of their event's story). A key stays a lookup of at most ``_BAND_CAP``
    holders like any story key (a name every article of a period holds saturates), so the
    candidates stay bounded per newcomer."""
    return T.name_keys([t for t in terms if t.startswith("e:") and naming(t)][:NAME_KEYS])


@dataclass
class _Stored:
    id: str
    shingles: int
    sig: np.ndarray
    lead: Optional[np.ndarray]
    terms: frozenset  # story terms
    published: Optional[str]


def _chunks(xs: list, n: int = IN_LIMIT):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _days(a: Optional[str], b: Optional[str]) -> Optional[int]:
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


# a story term naming an entity in two words or more (two of them longer than a letter), or a
# telling figure (see figure_terms)
NAME_TERM = r"^(?:e:.*\w\w.* .*\w\w|q:)"  # also Spark's (Java) regular expression
_NAME_TERM = re.compile(NAME_TERM)


def naming(term: str) -> bool:
    """Whether a story term says which event: a name of two words or more ("e:tony thompson",
    "e:gulf of aden") or a telling figure ("q:6.1", "q:160000000"); a one-word entity
    ("e:greece", "e:indian") or an initialism ("e:u s") often says only which kind or where,
    and events of one kind share it."""
    return _NAME_TERM.match(term) is not None


def story_score(a_terms: Iterable[str], b_terms: Iterable[str], a_pub: Optional[str], b_pub: Optional[str]) -> float:
    sa = V.scored(a_terms if isinstance(a_terms, frozenset) else frozenset(a_terms))
    sb = V.scored(b_terms if isinstance(b_terms, frozenset) else frozenset(b_terms))
    if not sa or not sb:
        return 0.0
    shared = sa & sb
    j = len(shared) / len(sa | sb)
    names = sum(1 for t in shared if naming(t))
    j += ENTITY_BONUS * min(names, 6)  # shared names say what the story is about
    d = _days(a_pub, b_pub)
    if d is not None and d <= PLACE_DAYS:  # a one-word name ("e:xinjiang") and a time: which event
        j += PLACE_BONUS * min(sum(1 for t in shared if t.startswith("e:") and not naming(t)), 6)
    if d is not None and d > STORY_DAYS:
        j *= max(STORY_DECAY_FLOOR, 1.0 - (d - STORY_DAYS) / STORY_DECAY_DAYS)
    return j


# weights of a story's best, second, ... matching members (support from more members was tried on
# ECB+ and joined events of the same kind more than it helped: the best member alone decides)
STORY_SUPPORT = (1.0,)


def best_story(fp: "_FP", story_c: Counter, story_of: dict, new_by_id: dict, stored: dict,
               pub: dict) -> tuple[float, Optional[str], Optional[str]]:
    """The story a newcomer belongs to among its candidates' stories: each story scores its
    best matching members' scores, weighted (``STORY_SUPPORT``), so a story that several members
    support beats one member of another event of the same kind that happens to match."""
    fp_terms = frozenset(fp.terms)
    per_story: dict[str, list[tuple[float, str]]] = defaultdict(list)
    apart: set[str] = set()  # another time or event: a member gives a person another age, a quake another size
    ages = _ages(fp_terms)
    for other, _n in story_c.most_common(MAX_STORY_CANDIDATES):
        if other not in story_of:
            continue
        o = new_by_id.get(other) or stored.get(other)
        if o is None:
            continue
        s = story_score(fp_terms, o.terms, fp.article.published, pub.get(other))
        if s > 0:
            per_story[story_of[other]].append((s, other))
            if (ages and _ages_apart(ages, _ages(o.terms))) or V.apart(fp_terms, o.terms):
                apart.add(story_of[other])
    best, best_sid, via = 0.0, None, None
    for sid, scored in per_story.items():
        if sid in apart:
            continue
        scored.sort(reverse=True)
        agg = sum(w * s for w, (s, _o) in zip(STORY_SUPPORT, scored))
        if agg > best:
            best, best_sid, via = agg, sid, scored[0][1]
    return best, best_sid, via


# ---------------------------------------------------------------- link_new

def link_new(ledger, article_ids: list[str]) -> dict:
    """Link newly stored articles to what the ledger holds; returns counts for the report:
    ``linked``, ``copies`` (new articles found to copy or be copied), ``stories_joined``
    (joined an existing story), ``flagged`` (new articles with a provenance flag),
    ``conflicts`` (claim groups with a conflict in the stories touched)."""
    counts: Counter = Counter()
    ids = list(dict.fromkeys(article_ids))
    for part in _chunks(ids, CHUNK):
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


def _load_new(conn, ids: list[str]) -> list[_FP]:
    have = set()
    for part in _chunks(ids):
        have |= {r[0] for r in conn.execute(select(signatures.c.article_id)
                                            .where(signatures.c.article_id.in_(part)))}
    todo = [i for i in ids if i not in have]
    rows = []
    for part in _chunks(todo):
        rows += conn.execute(select(articles_t.c.pk, articles_t.c.id, articles_t.c.data)
                             .where(articles_t.c.id.in_(part))).all()
    rows.sort(key=lambda r: r.pk)
    out = []
    for r in rows:
        data = dict(r.data)
        out.append(fingerprint(Article.from_dict(data), r.id, r.pk, data))
    return out


def _load_stored(conn, ids: Iterable[str]) -> dict[str, _Stored]:
    out = {}
    for part in _chunks(list(ids)):
        for r in conn.execute(select(signatures).where(signatures.c.article_id.in_(part))):
            out[r.article_id] = _Stored(r.article_id, r.shingles, T.sig_from(r.sig), T.sig_from(r.lead),
                                        frozenset(r.terms or ()), r.published)
    return out


def _telling(kind: str, rows) -> bool:
    """Whether a shared key says anything: a passage key only while few articles hold it."""
    return kind != "passage" or len(rows) <= PASSAGE_RARE


def _probe(conn, fps: list[_FP], posting: Counter) -> dict[str, tuple[Counter, Counter]]:
    """Candidates of each new article from the stored index: ``{id: (copy candidates, story
    candidates)}``, each a Counter of shared band keys by stored article, cut to the best
    ``MAX_CANDIDATES``. Story keys held by ``_BAND_CAP`` articles (saturated: every article of
    a busy period shares them) count only when an article has no other story candidate.
    ``posting`` collects each key's stored row count (used to stop indexing saturated keys)."""
    keys = list({k for fp in fps for _kind, k in fp.probe})
    rows_by_key = defaultdict(list)
    cur = conn.connection.dbapi_connection.cursor()  # plain tuples: this is the hot loop
    try:
        for part in _chunks(keys, 2000):
            # the keys are our own integers: inlined as literals (no 2,000 bound parameters)
            cur.execute("SELECT key, kind, article_id FROM link_bands WHERE key IN (%s)"
                        % ",".join(str(int(k)) for k in part))
            for k, kind, other in cur.fetchall():
                rows_by_key[k].append((kind, other))
    finally:
        cur.close()
    for k, rows in rows_by_key.items():
        posting[k] = len(rows)
    out = {}
    for fp in fps:
        copy_c, story_c, hot = Counter(), Counter(), Counter()
        for kind, k in fp.probe:
            rows = rows_by_key.get(k, ())
            saturated = kind == "story" and len(rows) >= _BAND_CAP["story"]
            if not _telling(kind, rows):
                continue
            for other_kind, other in rows:
                if other_kind != kind or other == fp.id:
                    continue
                if kind != "story":
                    copy_c[other] += 1
                elif saturated:
                    hot[other] += 1
                else:
                    story_c[other] += 1
        out[fp.id] = (Counter(dict(copy_c.most_common(MAX_CANDIDATES))),
                      Counter(dict((story_c or hot).most_common(MAX_STORY_CANDIDATES))))
    return out


def _link_chunk(conn, ids: list[str], counts: Counter) -> None:
    fps = _load_new(conn, ids)
    if not fps:
        return
    counts["linked"] += len(fps)
    # 1. probe the stored index with every band key of the chunk (index lookups only), a
    #    slice of the chunk at a time, keeping each article's best candidates only: memory is
    #    bounded by the slice, not by how many stored articles share a key.
    cands: dict[str, tuple[Counter, Counter]] = {}
    posting: Counter = Counter()  # key -> stored rows (capped at insert: see _BAND_CAP)
    for fs in _chunks(fps, PROBE_SLICE):
        cands.update(_probe(conn, fs, posting))
    stored_ids = {o for cc, sc in cands.values() for o in (*cc, *sc)}
    stored = _load_stored(conn, stored_ids)
    story_of: dict[str, str] = {}
    group_of: dict[str, str] = {}
    for part in _chunks(list(stored_ids)):
        for aid, sid in conn.execute(select(story_members.c.article_id, story_members.c.story_id)
                                     .where(story_members.c.article_id.in_(part))):
            story_of[aid] = sid
        for aid, gid in conn.execute(select(copies_t.c.article_id, copies_t.c.group_id)
                                     .where(copies_t.c.article_id.in_(part))):
            group_of[aid] = gid
    # 2. within the chunk, in ingest order: earlier new articles are part of the index
    local: dict[int, list[tuple[str, str]]] = defaultdict(list)
    pub: dict[str, Optional[str]] = {i: s.published for i, s in stored.items()}
    new_by_id = {fp.id: fp for fp in fps}
    now = _now()
    sig_rows, band_rows, member_rows = [], [], []
    touched_stories: set[str] = set()
    touched_groups: set[str] = set()
    group_merges: list[tuple[str, set]] = []
    for fp in fps:
        copy_c, story_c = cands.get(fp.id, (Counter(), Counter()))
        for kind, k in fp.probe:
            rows = local.get(k, ())
            if not _telling(kind, rows):
                continue
            for other_kind, other in rows:
                if other_kind == kind and other != fp.id:
                    (story_c if kind == "story" else copy_c)[other] += 1
        # copies
        matches = []
        for other, _n in copy_c.most_common(MAX_CANDIDATES):
            o = new_by_id.get(other) or stored.get(other)
            if o is None:
                continue
            ok, c = copy_score(fp, o)
            if ok:
                matches.append((c, other))
        matches.sort(reverse=True)
        if matches:
            counts["copies"] += 1
            gids = {group_of[o] for _, o in matches if o in group_of}
            target = min(gids) if gids else f"c-{matches[0][1][:12]}"
            others = gids - {target}
            if others:
                group_merges.append((target, others))
                for a, g in list(group_of.items()):
                    if g in others:
                        group_of[a] = target
            for _, o in matches:
                group_of.setdefault(o, target)
            group_of[fp.id] = target
            touched_groups.add(target)
        # stories: a copy joins its original's story; else the best-scoring match
        best, best_sid, via = 0.0, None, None
        for _, o in matches:
            if o in story_of:
                best, best_sid, via = 1.0, story_of[o], o
                break
        if best_sid is None:
            best, best_sid, via = best_story(fp, story_c, story_of, new_by_id, stored, pub)
            if best < STORY_THRESHOLD:
                best_sid, via = None, None
        if best_sid is None:
            best_sid, best = f"s-{fp.id[:12]}", 1.0
        else:
            counts["stories_joined"] += 1
        story_of[fp.id] = best_sid
        pub[fp.id] = fp.article.published
        touched_stories.add(best_sid)
        member_rows.append({"article_id": fp.id, "story_id": best_sid, "score": round(best, 3), "via": via})
        # index this article
        for kind in ("body", "lead", "passage", "story"):
            for k in fp.keys[kind]:
                if posting[k] + len(local.get(k, ())) >= _BAND_CAP[kind]:
                    continue  # saturated: a key this common carries no more information
                local[k].append((kind, fp.id))
                band_rows.append({"key": k, "kind": kind, "article_id": fp.id})
        sig_rows.append({"article_id": fp.id, "shingles": fp.shingles, "sig": T.sig_bytes(fp.sig),
                         "lead": T.sig_bytes(fp.lead), "terms": fp.terms, "nterms": len(fp.terms),
                         "published": fp.article.published, "linked_at": now})
    conn.execute(insert(signatures), sig_rows)
    if band_rows:
        _insert_bands(conn, band_rows)
    conn.execute(insert(story_members), member_rows)
    # 3. copy groups: merge, add members, recompute original and changes
    for target, others in group_merges:
        conn.execute(update(copies_t).where(copies_t.c.group_id.in_(list(others))).values(group_id=target))
        conn.execute(delete(copy_groups_t).where(copy_groups_t.c.id.in_(list(others))))
    existing = set()
    grouped = [a for a, g in group_of.items() if g in touched_groups]
    for part in _chunks(grouped):
        existing |= {r[0] for r in conn.execute(select(copies_t.c.article_id)
                                                .where(copies_t.c.article_id.in_(part)))}
    add = [{"article_id": a, "group_id": group_of[a], "role": "copy"} for a in grouped if a not in existing]
    if add:
        conn.execute(insert(copies_t), add)
    flag_targets = {fp.id for fp in fps}
    for gid in sorted(touched_groups):
        flag_targets |= _refresh_group(conn, gid)
    # 4. bios (reused under other names)
    flag_targets |= _index_bios(conn, fps)
    # 5. flags for new articles and for members of changed groups
    counts["flagged"] += _refresh_flags(conn, flag_targets, {fp.id for fp in fps})
    # 6. stories and their claim groups
    with_claims = set()
    for part in _chunks([fp.id for fp in fps]):
        with_claims |= {r[0] for r in conn.execute(select(claims_t.c.article_id).distinct()
                                                   .where(claims_t.c.article_id.in_(part)))}
        with_claims |= {r[0] for r in conn.execute(select(quantities_t.c.article_id).distinct()
                                                   .where(quantities_t.c.article_id.in_(part)))}
    _refresh_stories(conn, sorted(touched_stories), now)
    for sid in sorted({story_of[a] for a in with_claims if a in story_of}):
        counts["conflicts"] += _refresh_claim_groups(conn, sid)


def _insert_bands(conn, rows: list[dict]) -> None:
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


def _articles_by_id(conn, ids: Iterable[str]) -> dict[str, tuple[int, dict]]:
    out = {}
    for part in _chunks(list(ids)):
        for r in conn.execute(select(articles_t.c.pk, articles_t.c.id, articles_t.c.data)
                              .where(articles_t.c.id.in_(part))):
            out[r.id] = (r.pk, dict(r.data))
    return out


def _refresh_group(conn, gid: str) -> set[str]:
    ids = [r[0] for r in conn.execute(select(copies_t.c.article_id).where(copies_t.c.group_id == gid))]
    arts = _articles_by_id(conn, ids)
    members = [(pk, aid, Article.from_dict(d)) for aid, (pk, d) in arts.items()]
    if not members:  # every member vanished (deleted or unreadable): nothing to choose from
        return set()
    group, rows = copy_group_rows(gid, members, _load_stored(conn, ids), len(ids))
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
             "size": len(members) if size is None else size, "updated_at": _now()}
    return group, rows


_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"[\d()+][\d()\s.-]{6,}\d")


def bio_key(bio: str, names: Iterable[str] = ()) -> Optional[int]:
    """The bio with names, outlets, e-mail and phone masked; None when too little is left."""
    t = _EMAIL.sub(" ", bio)
    t = _PHONE.sub(" ", t)
    for n in names:
        for part in n.split():
            t = re.sub(rf"\b{re.escape(part)}\b", " ", t)
    t = re.sub(r"\b[A-Z][\w'’-]*", " ", t)  # proper names and outlets
    ws = [w for w in T.words(t) if not w.isdigit()]
    if len(ws) < 12:
        return None
    return zlib.crc32(" ".join(ws).encode()) | (len(ws) << 32)


def _bio_name(a: Article, bio: str) -> Optional[str]:
    people = person_bylines(a)
    if people:
        return people[0]["name"]
    m = re.match(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})", bio)
    return m.group(1) if m else None


def _index_bios(conn, fps: list[_FP]) -> set[str]:
    rows = []
    for fp in fps:
        for b in bios(fp.article):
            name = _bio_name(fp.article, b)
            k = bio_key(b, [name] if name else [])
            if k is not None:
                rows.append({"key": k, "article_id": fp.id, "name": name, "site": fp.article.site,
                             "bio": b[:2000]})
    if not rows:
        return set()
    conn.execute(insert(bios_t), rows)
    keys = list({r["key"] for r in rows})
    affected = set()
    for part in _chunks(keys):
        by_key = defaultdict(list)
        for r in conn.execute(select(bios_t.c.key, bios_t.c.article_id, bios_t.c.name)
                              .where(bios_t.c.key.in_(part))):
            by_key[r.key].append(r)
        for k, rs in by_key.items():
            if len({(r.name or "").casefold() for r in rs}) > 1:
                affected |= {r.article_id for r in rs}
    return affected


def _bio_flags(conn, aid: str, mine: Optional[list] = None) -> list[Flag]:
    if mine is None:
        mine = conn.execute(select(bios_t.c.key, bios_t.c.name).where(bios_t.c.article_id == aid)).all()
    out = []
    for key, name in mine:
        others = conn.execute(select(bios_t.c.article_id, bios_t.c.name, bios_t.c.site)
                              .where(bios_t.c.key == key, bios_t.c.article_id != aid).limit(50)).all()
        out += reused_bio_flags(name, [{"article_id": o.article_id, "name": o.name, "site": o.site}
                                       for o in others])
    return out


def reused_bio_flags(name: Optional[str], others: list[dict]) -> list[Flag]:
    """The reused-bio flag of one bio, given the other articles with the same bio key
    (``{article_id, name, site}``, at most 50). Pure: the Spark link calls it too."""
    other_names = [o for o in others if (o["name"] or "").casefold() != (name or "").casefold()]
    if not other_names:
        return []
    names = list(dict.fromkeys(o["name"] or "(no name)" for o in other_names))
    return [Flag("reused-bio", f"the author bio of {name or 'this article'} is reused under "
                 f"{len(names)} other name(s): {', '.join(names[:5])}",
                 {"name": name, "others": other_names[:20], "stage": "link"})]


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


def _refresh_flags(conn, ids: set[str], new_ids: set[str]) -> int:
    """Recompute the link stage's flags of ``ids`` and write them into ``articles.data``."""
    arts = _articles_by_id(conn, ids)
    group_of = {}
    for part in _chunks(list(ids)):
        for aid, gid in conn.execute(select(copies_t.c.article_id, copies_t.c.group_id)
                                     .where(copies_t.c.article_id.in_(part))):
            group_of[aid] = gid
    originals = {}
    gids = list(set(group_of.values()))
    for part in _chunks(gids):
        for gid, oid in conn.execute(select(copy_groups_t.c.id, copy_groups_t.c.original_id)
                                     .where(copy_groups_t.c.id.in_(part))):
            originals[gid] = oid
    need = {o for o in originals.values() if o not in arts}
    orig_arts = _articles_by_id(conn, need) if need else {}
    # the other copies of each group (a few), for byline contradictions that no date settles
    members_of = defaultdict(list)
    for part in _chunks(gids):
        for gid, aid in conn.execute(select(copies_t.c.group_id, copies_t.c.article_id)
                                     .where(copies_t.c.group_id.in_(part), copies_t.c.role == "copy")):
            if len(members_of[gid]) < 20:
                members_of[gid].append(aid)
    need = {m for ms in members_of.values() for m in ms if m not in arts and m not in orig_arts}
    member_arts = _articles_by_id(conn, need) if need else {}
    bio_rows = defaultdict(list)
    for part in _chunks(list(ids)):
        for r in conn.execute(select(bios_t.c.article_id, bios_t.c.key, bios_t.c.name)
                              .where(bios_t.c.article_id.in_(part))):
            bio_rows[r.article_id].append((r.key, r.name))
    flagged = 0
    for aid, (_pk, data) in arts.items():
        a = Article.from_dict(data)
        new = _article_flags_local(a)
        gid = group_of.get(aid)
        oid = originals.get(gid)
        siblings = [(m, Article.from_dict(d)) for m in members_of.get(gid, ()) if m != aid
                    for d in [(arts.get(m) or orig_arts.get(m) or member_arts.get(m) or (None, None))[1]] if d]
        od = (arts.get(oid) or orig_arts.get(oid) or (None, None))[1] if oid and oid != aid else None
        new += group_member_flags(aid, a, oid, Article.from_dict(od) if od else None, siblings)
        if bio_rows.get(aid):
            new += _bio_flags(conn, aid, bio_rows[aid])
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


def _refresh_stories(conn, sids: list[str], now: str) -> None:
    """Recompute size, dates and label of the given stories (one grouped query per 900)."""
    for part in _chunks(sids):
        rows = conn.execute(select(story_members.c.story_id, articles_t.c.title, articles_t.c.published,
                                   articles_t.c.pk)
                            .join(story_members, story_members.c.article_id == articles_t.c.id)
                            .where(story_members.c.story_id.in_(part))).all()
        by = defaultdict(list)
        for r in rows:
            by[r.story_id].append(r)
        out = [story_row(sid, rs, now) for sid, rs in by.items()]
        conn.execute(delete(stories_t).where(stories_t.c.id.in_(part)))
        if out:
            conn.execute(insert(stories_t), out)


# a clock time the page gave with no day ("Published at 10:09"): in the article JSON only
_CLOCK_COL = articles_t.c.data["published_time"].as_string().label("published_time")


def _refresh_claim_groups(conn, sid: str) -> int:
    """Regroup the claims of one story: those of its ``CLAIM_WINDOW`` most recently stored
    articles (grouping compares claims pairwise, so a runaway story must not make every
    batch cost its whole history)."""
    recent = (select(articles_t.c.id).join(story_members, story_members.c.article_id == articles_t.c.id)
              .where(story_members.c.story_id == sid).order_by(articles_t.c.pk.desc())
              .limit(CLAIM_WINDOW).scalar_subquery())
    rows = conn.execute(select(claims_t.c.article_id, claims_t.c.idx, claims_t.c.data,
                               articles_t.c.source, articles_t.c.site, articles_t.c.published, _CLOCK_COL)
                        .join(articles_t, articles_t.c.id == claims_t.c.article_id)
                        .where(claims_t.c.article_id.in_(recent))
                        .order_by(articles_t.c.pk, claims_t.c.idx)).all()
    groups = group_story(sid, [{"article_id": r.article_id, "idx": r.idx, "data": dict(r.data),
                                "source": r.source, "site": r.site, "published": r.published,
                                "published_time": r.published_time}
                               for r in rows], _story_figures(conn, recent) or None)  # none stored: the claims' own
    old = [r[0] for r in conn.execute(select(cg_t.c.id).where(cg_t.c.story_id == sid))]
    if old:
        conn.execute(delete(cm_t).where(cm_t.c.group_id.in_(old)))
        conn.execute(delete(cg_t).where(cg_t.c.story_id == sid))
    for g in unique_group_ids(groups):
        _store_claim_group(conn, g)
    return sum(1 for g in groups if g["verdict"] == "conflict")


def story_row(sid: str, rs: list, now: str) -> dict:
    """A story's ``link_stories`` row from its members (objects with ``title``, ``published``
    and ``pk``, the ingest order). Pure: the Spark link calls it too."""
    def when(r) -> str:  # sortable date, undated last
        return r.published if r.published and re.match(r"\d{4}-", r.published) else "9999"

    dates = sorted(w for w in map(when, rs) if w != "9999")
    first = min(rs, key=lambda r: (when(r), r.pk))
    return {"id": sid, "label": first.title, "size": len(rs),
            "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None, "updated_at": now}


def unique_group_ids(groups: list[dict]) -> list[dict]:
    """One story's claim groups with ids made unique (a repeated id gets an "x")."""
    seen = set()
    for g in groups:
        while g["id"] in seen:
            g["id"] += "x"
        seen.add(g["id"])
    return groups


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of a figure's sentence before and after it (at most 300 characters each)."""
    lo = max(0, start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    b = ends[-1] if ends else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    return text[b:start], text[end:m.start() if m else min(len(text), end + 300)]


def _story_figures(conn, recent) -> list[dict]:
    """Every stored figure of the given articles, with its sentence and its article's outlet:
    claims' figures and those the article states itself (grouped as the outlet's)."""
    qs = conn.execute(select(quantities_t.c.article_id, quantities_t.c.claim_idx, quantities_t.c.text,
                             quantities_t.c.start, quantities_t.c.end, quantities_t.c.value,
                             quantities_t.c.low, quantities_t.c.high, quantities_t.c.bound,
                             quantities_t.c.unit, quantities_t.c["where"])
                      .where(quantities_t.c.article_id.in_(recent))
                      .order_by(quantities_t.c.article_id, quantities_t.c.start)).all()
    if not qs:
        return []
    meta = {}
    for part in _chunks(sorted({q.article_id for q in qs})):
        for r in conn.execute(select(articles_t.c.id, articles_t.c.text, articles_t.c.title,
                                     articles_t.c.source, articles_t.c.site,
                                     articles_t.c.agency, articles_t.c.published, _CLOCK_COL, articles_t.c.pk)
                              .where(articles_t.c.id.in_(part))):
            meta[r.id] = r
    keyed = [(figure_order(a.pk, q), story_figure(q, a)) for q in qs for a in [meta.get(q.article_id)] if a is not None]
    return [f for _k, f in sorted(keyed, key=lambda kf: kf[0])]


def figure_order(order: int, q) -> tuple:
    """Where a stored figure comes in its story: by its article, the headline's first."""
    return order, q.where != "title", q.start


def story_figure(q, a) -> dict:
    """One stored figure (``q``: article_id, claim_idx, text, start, end, value, low, high, bound,
    unit, where) of an article (``a``: text, title, source, site, agency, published, published_time), with the
    words of its sentence (a headline's figure: of the headline) before and after it: what
    :func:`newsledger.link.claims.group_story` reads. Pure: the Spark link calls it too."""
    if q.where == "title":
        title = a.title or ""
        before, after = title[:q.start], title[q.end:]
    else:
        before, after = _sentence_around(a.text or "", q.start, q.end)
    return {"article_id": q.article_id, "claim_idx": q.claim_idx, "text": q.text, "start": q.start, "where": q.where,
            "value": q.value, "low": q.low, "high": q.high, "bound": q.bound, "unit": q.unit,
            "before": before, "after": after, "source": a.source, "site": a.site,
            "agency": a.agency, "published": a.published, "published_time": a.published_time}


def claim_group_rows(g: dict) -> tuple[dict, list[dict]]:
    """One row for the group (without its members and timeline), one row per member: storage
    linear in the members (the timeline is derived from them on read)."""
    header = {k: v for k, v in g.items() if k not in ("members", "timeline")}
    row = {"id": g["id"], "story_id": g["story_id"], "label": g["label"], "kind": g["kind"],
           "verdict": g["verdict"], "reason": g["reason"], "size": len(g["members"]), "data": header}
    return row, [{"group_id": g["id"], "article_id": m["article_id"], "idx": m["idx"],
                  "pos": pos, "data": m} for pos, m in enumerate(g["members"])]


def _store_claim_group(conn, g: dict) -> None:
    row, members = claim_group_rows(g)
    conn.execute(insert(cg_t).values(**row))
    conn.execute(insert(cm_t), members)


# ---------------------------------------------------------------- reading

def _stored_flags(ledger, article_id: str) -> list[Flag]:
    d = ledger.get(article_id)
    if not d:
        return []
    return [Flag(f["kind"], f["detail"], f.get("evidence") or {}) for f in d.get("flags") or []
            if (f.get("evidence") or {}).get("stage") == "link"]


def _member_meta(conn, ids: list[str]) -> dict[str, dict]:
    out = {}
    for part in _chunks(ids):
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


_ORDER = {"conflict": 0, "spread": 1, "different-things": 2, "agree": 3}


def _claim_members(conn, gids: list[str]) -> dict[str, list[dict]]:
    """The stored members of the given claim groups, in group order."""
    out: dict[str, list[dict]] = defaultdict(list)
    for part in _chunks(gids):
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
        for part in _chunks(sorted({a for a, _ in keys})):
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
