"""Claim groups: claims about the same measured quantity or the same proposition, across the
articles of one story, with each source's figure or stance, a verdict and a timeline.

Figures are compared through their bounds ("up to 12,000" is [0, 12,000], "some 10,000" is
about [8,000, 12,000]); figures that do not overlap are checked for counting different things
("1,500 already training" vs "12,000 to be sent") before a conflict is declared.

Size is bounded whatever the input: a group keeps at most ``MAX_GROUP_MEMBERS`` members, the
earliest published (then in ingest order); beyond that it says ``truncated: true`` and how many
members were found (``members_found``). Its verdict and reason are read from the members it
keeps. Of the member pairs it compares, it stores at most ``MAX_PAIRS`` (conflicts first); each
figure member says whether it conflicts with another source (``conflict``), so no reader needs
every pair.

The work is split by responsibility: :mod:`newsledger.link.figure_members` (who gives which
figure), :mod:`newsledger.link.figure_marks` (what the words next to a figure say),
:mod:`newsledger.link.figure_joins` (which figures join) and :mod:`newsledger.link.verdicts`
(how the members of a group compare); this module puts a story's groups together.
"""
from __future__ import annotations

from typing import Optional

from newsledger.link.figure_joins import (single_link_clusters, converted_units, figure_clusters, join_conversions,
                                          join_threshold, attach_equal, attach_lone, conversions, grouped, is_specific)
from newsledger.link.figure_members import (figure_members, is_year, make_member, outlet_figures, comparable,
                                            story_parties)
from newsledger.link.figure_marks import context_keywords
from newsledger.link.speakers import canonical, side_keys
from newsledger.link.verdicts import (NEG, MARKED, NEGATIVE, POSITIVE, figure_group, sized, stance_group,
                                      earliest)

# the names other modules and tests have long read from here
from newsledger.link.figure_joins import overlap_candidates  # noqa: E402,F401
from newsledger.link.figure_marks import (context_overlap, counts_others, in_respective_list,  # noqa: E402,F401
                                          legal_stage, share_total)
from newsledger.link.verdicts import (MAX_GROUP_MEMBERS, MAX_PAIRS, across, compare,  # noqa: E402,F401
                                      mark_conflicts, telling_pairs, timeline)


def _measure_label(key: tuple) -> str:
    return " ".join(k for k in key if k)


def group_story(story_id: str, rows: list[dict], figures: Optional[list[dict]] = None) -> list[dict]:
    """``rows``: {article_id, idx, data (claim dict), source, site, published, published_time} for the
    claims of one story; ``figures``: {article_id, claim_idx, text, start, value, low, high, bound, unit,
    before, after, source, site, agency, published, published_time} for every figure of the story's articles
    (optional). Returns claim groups (dicts in the CLI shape). Claims below the confidence
    threshold and questions take no part; a question's figures neither, but a figure inside an
    unsure claim is grouped as the outlet's own (given ``figures``), its speaker never used."""
    left_out = {(r["article_id"], r["idx"]): r["data"] for r in rows if not comparable(r["data"])}
    if left_out:
        rows = [r for r in rows if (r["article_id"], r["idx"]) not in left_out]
        if figures is not None:
            figures = outlet_figures(figures, left_out)
    figs = figure_members(rows, figures)
    story_parties(figs)
    stances: list[dict] = []
    for r in rows:
        c = r["data"]
        qs = [q for q in c.get("quantities") or [] if q.get("value") is not None and not is_year(q)]
        if c.get("stance") in MARKED or (not qs and c.get("stance") in POSITIVE):
            m = make_member(r, c, None)
            m["_kw"] = context_keywords(m["content"])
            m["_neg"] = c.get("stance") in NEGATIVE or bool(NEG.search(m["content"]))
            stances.append(m)
    canon = canonical(m["name"] for m in figs + stances)
    for m in figs + stances:
        m["speaker"] = canon.get(m["name"], m["name"])
        m["_side"] |= side_keys(m["speaker"])
    groups = []
    # figures: the same measure of the same thing, within the story
    by_key: dict[tuple, list[dict]] = {}
    for m in figs:
        by_key.setdefault(m["_key"], []).append(m)
    comps = [(key, comp) for key, ms in by_key.items()
             for comp in attach_equal(attach_lone(figure_clusters(ms, join_threshold(key), is_specific(key)), key),
                                      key)]
    converted = conversions(figs)
    for keys, comp in join_conversions(comps, converted):
        if not grouped(comp):
            continue
        label = " / ".join(_measure_label(k) for k in keys)
        group = figure_group(story_id, label, earliest(comp), join_threshold(keys[0]), converted_units(comp, converted))
        groups.append(sized(group, len(comp)))
    # propositions: marked stances (denies, cannot confirm, claims responsibility) with the
    # claims they answer
    marked = [m for m in stances if m["stance"] in MARKED]
    if marked:
        for comp in single_link_clusters(stances, 0.18, seeds=marked):
            names = {m["name"] for m in comp}
            if len(comp) < 2 or len(names) < 2 or not any(m["stance"] in MARKED for m in comp):
                continue
            groups.append(sized(stance_group(story_id, earliest(comp)), len(comp)))
    return groups
