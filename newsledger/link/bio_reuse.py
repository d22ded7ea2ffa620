"""Author bios reused under other names: each bio indexed by a key with the names masked, and
the reused-bio flag of an article whose bio another name signs."""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Iterable, Optional

from sqlalchemy import insert, select

from newsledger.link import text as T
from newsledger.link.batches import chunks
from newsledger.link.fingerprints import Fingerprint
from newsledger.link.flags import bios, person_bylines
from newsledger.link.tables import bios as bios_t
from newsledger.model import Article, Flag

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


def bio_name(a: Article, bio: str) -> Optional[str]:
    people = person_bylines(a)
    if people:
        return people[0]["name"]
    m = re.match(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})", bio)
    return m.group(1) if m else None


def index_bios(conn, fps: list[Fingerprint]) -> set[str]:
    rows = []
    for fp in fps:
        for b in bios(fp.article):
            name = bio_name(fp.article, b)
            k = bio_key(b, [name] if name else [])
            if k is not None:
                rows.append({"key": k, "article_id": fp.id, "name": name, "site": fp.article.site,
                             "bio": b[:2000]})
    if not rows:
        return set()
    conn.execute(insert(bios_t), rows)
    keys = list({r["key"] for r in rows})
    affected = set()
    for part in chunks(keys):
        by_key = defaultdict(list)
        for r in conn.execute(select(bios_t.c.key, bios_t.c.article_id, bios_t.c.name)
                              .where(bios_t.c.key.in_(part))):
            by_key[r.key].append(r)
        for k, rs in by_key.items():
            if len({(r.name or "").casefold() for r in rs}) > 1:
                affected |= {r.article_id for r in rs}
    return affected


def bio_flags(conn, aid: str, mine: Optional[list] = None) -> list[Flag]:
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
