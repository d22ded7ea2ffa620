"""Stories and their claim groups written back after a chunk is linked: each touched story's
row, the claim groups of each story whose articles hold claims or figures."""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import delete, insert, select, update

from newsledger.link.batches import chunks
from newsledger.link.claims import group_story
from newsledger.link.tables import (claim_groups as cg_t, claim_members as cm_t, stories as stories_t,
                                    story_aliases, story_members)
from newsledger.store.schema import articles as articles_t
from newsledger.store.schema import claims as claims_t
from newsledger.store.schema import quantities as quantities_t

CLAIM_WINDOW = 400  # a story's claim groups cover its most recent this many articles


def refresh_stories(conn, sids: list[str], now: str) -> None:
    """Recompute size, dates and label of the given stories (one grouped query per 900)."""
    for part in chunks(sids):
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


def merge_stories(conn, target: str, others: set[str], now: str) -> None:
    """The members of the stories ``others`` become members of ``target``, and their claim groups
    go (the target's are regrouped; :func:`refresh_stories` drops their rows, now memberless);
    their ids lead to ``target`` from now on (:func:`alias_stories`)."""
    conn.execute(update(story_members).where(story_members.c.story_id.in_(sorted(others)))
                 .values(story_id=target))
    old = [r[0] for r in conn.execute(select(cg_t.c.id).where(cg_t.c.story_id.in_(sorted(others))))]
    if old:
        conn.execute(delete(cm_t).where(cm_t.c.group_id.in_(old)))
        conn.execute(delete(cg_t).where(cg_t.c.id.in_(old)))
    alias_stories(conn, target, others, now)


def alias_stories(conn, target: str, others: set[str], now: str) -> None:
    """The ids ``others`` (stories merged into ``target``), and the ids that led to them, lead to
    ``target``; ``target``'s own id leads nowhere else (a story that exists is never an alias)."""
    gone = sorted(set(others) - {target})
    conn.execute(update(story_aliases).where(story_aliases.c.story_id.in_(gone)).values(story_id=target))
    conn.execute(delete(story_aliases).where(story_aliases.c.id.in_([*gone, target])))
    if gone:
        conn.execute(insert(story_aliases), [{"id": s, "story_id": target, "merged_at": now} for s in gone])


# a clock time the page gave with no day ("Published at 10:09"): in the article JSON only
_CLOCK_COL = articles_t.c.data["published_time"].as_string().label("published_time")


def refresh_claim_groups(conn, sid: str) -> int:
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
    for part in chunks(sorted({q.article_id for q in qs})):
        for r in conn.execute(select(articles_t.c.id, articles_t.c.text, articles_t.c.title, articles_t.c.standfirst,
                                     articles_t.c.source, articles_t.c.site,
                                     articles_t.c.agency, articles_t.c.published, _CLOCK_COL, articles_t.c.pk)
                              .where(articles_t.c.id.in_(part))):
            meta[r.id] = r
    keyed = [(figure_order(a.pk, q), story_figure(q, a)) for q in qs for a in [meta.get(q.article_id)] if a is not None]
    return [f for _k, f in sorted(keyed, key=lambda kf: kf[0])]


_HEADER_RANK = {"title": 0, "standfirst": 1}  # the headline's figures first, then the standfirst's, then the text's


def figure_order(order: int, q) -> tuple:
    """Where a stored figure comes in its story: by its article, the headline's first, then the
    standfirst's."""
    return order, _HEADER_RANK.get(q.where, 2), q.start


def story_figure(q, a) -> dict:
    """One stored figure (``q``: article_id, claim_idx, text, start, end, value, low, high, bound,
    unit, where) of an article (``a``: text, title, standfirst, source, site, agency, published,
    published_time), with the words of its sentence (a headline's figure: of the headline; a
    standfirst's: of its sentence in the standfirst) before and after it: what
    :func:`newsledger.link.claims.group_story` reads. Pure: the Spark link calls it too."""
    if q.where == "title":
        title = a.title or ""
        before, after = title[:q.start], title[q.end:]
    else:
        said = a.standfirst if q.where == "standfirst" else a.text
        before, after = _sentence_around(said or "", q.start, q.end)
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
