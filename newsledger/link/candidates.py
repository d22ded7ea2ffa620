"""Candidates of new articles: their fingerprints read or made, the stored index probed with
their band keys, the stored fingerprints of what they share keys with."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np
from sqlalchemy import select

from newsledger.link import text as T
from newsledger.link.batches import chunks
from newsledger.link.fingerprints import Fingerprint, fingerprint
from newsledger.link.tables import signatures
from newsledger.model import Article
from newsledger.store.schema import articles as articles_t

MAX_CANDIDATES = 300
MAX_STORY_CANDIDATES = 100  # stored articles scored per newcomer, most shared story keys first
PROBE_SLICE = 100  # new articles whose band lookups are held in memory at once
# a band key stops being indexed once this many articles hold it (an exact-copy key keeps its
# first holders, which still find the copy; a story key that common says nothing)
PASSAGE_RARE = 8  # a passage key counts only while this few articles hold it (boilerplate is common)
BAND_CAP = {"body": 200, "lead": 200, "passage": PASSAGE_RARE + 1, "story": 60}


@dataclass
class StoredPrint:
    """A stored article's fingerprint, as ``link_signatures`` holds it."""
    id: str
    shingles: int
    sig: np.ndarray
    lead: Optional[np.ndarray]
    terms: frozenset  # story terms
    published: Optional[str]


def load_new(conn, ids: list[str]) -> list[Fingerprint]:
    have = set()
    for part in chunks(ids):
        have |= {r[0] for r in conn.execute(select(signatures.c.article_id)
                                            .where(signatures.c.article_id.in_(part)))}
    todo = [i for i in ids if i not in have]
    rows = []
    for part in chunks(todo):
        rows += conn.execute(select(articles_t.c.pk, articles_t.c.id, articles_t.c.data)
                             .where(articles_t.c.id.in_(part))).all()
    rows.sort(key=lambda r: r.pk)
    out = []
    for r in rows:
        data = dict(r.data)
        out.append(fingerprint(Article.from_dict(data), r.id, r.pk, data))
    return out


def load_stored(conn, ids: Iterable[str]) -> dict[str, StoredPrint]:
    out = {}
    for part in chunks(list(ids)):
        for r in conn.execute(select(signatures).where(signatures.c.article_id.in_(part))):
            out[r.article_id] = StoredPrint(r.article_id, r.shingles, T.sig_from(r.sig), T.sig_from(r.lead),
                                            frozenset(r.terms or ()), r.published)
    return out


def telling(kind: str, rows) -> bool:
    """Whether a shared key says anything: a passage key only while few articles hold it."""
    return kind != "passage" or len(rows) <= PASSAGE_RARE


def probe(conn, fps: list[Fingerprint], posting: Counter) -> dict[str, tuple[Counter, Counter]]:
    """Candidates of each new article from the stored index: ``{id: (copy candidates, story
    candidates)}``, each a Counter of shared band keys by stored article, cut to the best
    ``MAX_CANDIDATES``. Story keys held by ``BAND_CAP`` articles (saturated: every article of
    a busy period shares them) count only when an article has no other story candidate.
    ``posting`` collects each key's stored row count (used to stop indexing saturated keys)."""
    keys = list({k for fp in fps for _kind, k in fp.probe})
    rows_by_key = defaultdict(list)
    cur = conn.connection.dbapi_connection.cursor()  # plain tuples: this is the hot loop
    try:
        for part in chunks(keys, 2000):
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
            saturated = kind == "story" and len(rows) >= BAND_CAP["story"]
            if not telling(kind, rows):
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


def probe_all(conn, fps: list[Fingerprint]) -> tuple[dict[str, tuple[Counter, Counter]], Counter]:
    """Every new article's candidates from the stored index (see :func:`probe`) and the stored
    row count of each key probed: index lookups only, a slice of ``PROBE_SLICE`` articles at a
    time, keeping each article's best candidates only, so memory is bounded by the slice, not by
    how many stored articles share a key."""
    cands: dict[str, tuple[Counter, Counter]] = {}
    posting: Counter = Counter()  # key -> stored rows (capped at insert: see BAND_CAP)
    for fs in chunks(fps, PROBE_SLICE):
        cands.update(probe(conn, fs, posting))
    return cands, posting


def add_chunk_candidates(fp: Fingerprint, local: dict, copy_c: Counter, story_c: Counter) -> None:
    """Adds to a new article's copy and story candidates the earlier new articles of its chunk
    that share a key with it (``local``: key -> [(kind, id)], the chunk's own index)."""
    for kind, k in fp.probe:
        rows = local.get(k, ())
        if not telling(kind, rows):
            continue
        for other_kind, other in rows:
            if other_kind == kind and other != fp.id:
                (story_c if kind == "story" else copy_c)[other] += 1
