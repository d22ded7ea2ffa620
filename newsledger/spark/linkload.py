"""The Spark link stage's Parquet tables (``OUT/link/``, :mod:`newsledger.spark.link`) into a
ledger, as they are: nothing is recomputed. Needs pyarrow, not Spark."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from newsledger.model import Flag

LINK_DIR = "link"
# table -> columns holding JSON text in the Parquet (stored as JSON in the ledger)
JSON_COLUMNS = {"signatures": ("terms",), "copies": ("changes",), "claim_groups": ("data",),
         "claim_members": ("data",)}
_BY_ARTICLE = ("signatures", "bands", "copies", "story_members", "claim_members", "bios")
_ORDER = ("signatures", "bands", "copy_groups", "copies", "stories", "story_members",
          "claim_groups", "claim_members", "bios")


def has_link_tables(out: Path) -> bool:
    return (Path(out) / LINK_DIR / "_SUCCESS").exists()


def ledger_is_unlinked(ledger) -> bool:
    """No article of the ledger has been linked yet (the Spark link saw only its own output)."""
    from sqlalchemy import func, select

    from newsledger.link.tables import signatures

    with ledger.engine.connect() as conn:
        return not conn.execute(select(func.count()).select_from(signatures)).scalar_one()


def _rows(out: Path, table: str, batch_rows: int = 20000) -> Iterator[dict]:
    import pyarrow.dataset as ds

    files = sorted(str(f) for f in (Path(out) / LINK_DIR / table).rglob("*.parquet")
                   if not f.name.startswith((".", "_")))
    if not files:
        return
    for batch in ds.dataset(files, format="parquet").to_batches(batch_size=batch_rows):
        yield from batch.to_pylist()


def link_flags(out: Path) -> dict[str, list[Flag]]:
    """{article id: its flags after linking}, for the articles whose flags linking changed."""
    return {r["article_id"]: [Flag(**f) for f in json.loads(r["flags"])] for r in _rows(out, "flags")}


def _chunks(rows: Iterator[dict], n: int = 5000) -> Iterator[list[dict]]:
    part = []
    for r in rows:
        part.append(r)
        if len(part) >= n:
            yield part
            part = []
    if part:
        yield part


def store_link_tables(out: Path, ledger, stored: set[str]) -> dict:
    """Insert the link tables' rows (those of articles stored in this load) into ``ledger``;
    returns the counts ``newsledger load`` reports."""
    from sqlalchemy import insert

    from newsledger.link import tables as LT
    from newsledger.link.batches import utc_now
    from newsledger.link.linker import insert_bands, link_stats

    now = utc_now()
    tables = {"signatures": LT.signatures, "bands": LT.bands, "copy_groups": LT.copy_groups,
              "copies": LT.copies, "stories": LT.stories, "story_members": LT.story_members,
              "claim_groups": LT.claim_groups, "claim_members": LT.claim_members, "bios": LT.bios}
    with ledger.engine.begin() as conn:
        for name in _ORDER:
            for part in _chunks(_rows(out, name)):
                rows = [_prepare(name, r, now) for r in part
                        if name not in _BY_ARTICLE or r["article_id"] in stored]
                if not rows:
                    continue
                if name == "bands":
                    insert_bands(conn, rows)
                else:
                    conn.execute(insert(tables[name]), rows)
    stats = link_stats(ledger)
    return {"linked": len(stored), "copies": stats["copies"], "stories": stats["stories"],
            "claim_groups": stats["claim_groups"], "conflicts": stats["conflicts"],
            "link": "precomputed"}


def _prepare(name: str, r: dict, now: str) -> dict:
    for c in JSON_COLUMNS.get(name, ()):
        if r.get(c) is not None:
            r[c] = json.loads(r[c])
    if name in ("signatures",):
        r["linked_at"] = now
    if name in ("copy_groups", "stories"):
        r["updated_at"] = now
    return r
