"""Pass 2 of :func:`newsledger.extract.lines.classify_lines`: every line gets a score (prose for,
short, link-like and junk lines against) and the best-scoring run of lines is the article's
body (:func:`main_region`), cut at a comment-section cue, split at junk "walls" and extended
over a list it announces."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_vocab import BULLET, RELATED_END, STRONG_END


def _score(info: LineInfo, reason: Optional[str]) -> float:
    if not info.text:
        return 0.0
    w = info.words
    if reason:
        return -(JUNK_BASE + min(w, 40) * 0.5)
    if info.prose:
        bonus = 1.0 + min(info.stop, 0.45)
        return min(w, 120) * bonus * (0.6 if info.linky else 1.0)
    if info.bullet:
        return -2.5 if w < 8 else -1.0
    if info.linky:
        return -3.0
    if w < 4:
        return -2.0
    return -1.5 if info.headline else -0.5


def _end_cut(idx, infos, reasons, scores, lo, hi) -> Optional[int]:
    """Position (in ``idx``) of a comment-section cue inside the region with a body before it
    (comment threads are prose too, so the region would run on through them), or of a
    "you may also like" cue with less prose after it than before."""
    prose_before = 0.0
    for k in range(lo, hi + 1):
        i = idx[k]
        inf = infos[i]
        if scores[k] > 0:
            prose_before += inf.words
        if k == lo or inf.words > 14:
            continue
        bare = BULLET.sub("", inf.text).strip()
        if STRONG_END.search(bare):
            if prose_before >= 40:
                return k
        elif RELATED_END.match(bare) and prose_before >= 40:
            # a "you may also like" block ends the article when less prose follows it than
            # came before, and the cue is not repeated (inline "Related" boxes recur, with the
            # rest of the story after them)
            after = sum(infos[idx[j]].words for j in range(k + 1, hi + 1) if scores[j] > 0)
            again = sum(infos[idx[j]].text.lower() == inf.text.lower() for j in range(lo, hi + 1))
            if after < prose_before and again == 1:
                return k
    return None


_WALLS = {"related-links", "comments", "boilerplate", "share-widget", "metadata", "byline", "author-bio",
          "dateline"}


def _cut_at_walls(idx, infos, reasons, scores, lo: int, hi: int) -> tuple[int, int]:
    """Split the region at junk lines ("walls"); a side with no two adjacent prose lines
    (a teaser column: headline, blurb, time, headline, ...) is dropped when the other side
    reads like an article."""
    def pairs_and_mass(a: int, b: int) -> tuple[bool, float]:
        prev_pos, pair, mass, count = False, False, 0.0, 0
        for k in range(a, b + 1):
            r = reasons[idx[k]]
            if r in _INBODY:
                continue
            p = infos[idx[k]].prose and r is None
            if p:
                mass += max(scores[k], 0.0)
                pair = pair or prev_pos
                count += 1
            prev_pos = p
        return pair or count < 2, mass  # one lone paragraph is no teaser column

    changed = True
    while changed and lo < hi:
        changed = False
        for k in range(lo + 1, hi):
            if reasons[idx[k]] not in _WALLS:
                continue
            lp, lm = pairs_and_mass(lo, k - 1)
            rp, rm = pairs_and_mass(k + 1, hi)
            if rm and not rp and lm >= rm:
                hi, changed = k - 1, True
                break
            if lm and not lp and rm > lm:
                lo, changed = k + 1, True
                break
    while lo < hi and scores[hi] <= 0:
        hi -= 1
    while lo < hi and scores[lo] <= 0:
        lo += 1
    return lo, hi


def _isolation(scores: list[float], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """A short prose line with no prose neighbour (a teaser under a headline) counts less;
    in-body junk (ads, captions, related links) between two paragraphs does not isolate them."""
    pos = [s > 0 for s in scores]

    def neighbour(k: int, step: int) -> bool:
        j, seen = k + step, 0
        while 0 <= j < len(scores):
            if reasons[j] in _INBODY:
                j += step
                continue
            if pos[j]:
                return True
            seen += 1
            if seen >= ISOLATED_GAP:
                return False
            j += step
        return False

    for k, s in enumerate(scores):
        if s > 0 and infos[k].words < ISOLATED_WORDS and not neighbour(k, -1) and not neighbour(k, 1):
            scores[k] = s * ISOLATED_FACTOR


_INBODY = {"advertisement", "related-links", "share-widget", "caption"}
ISOLATED_WORDS = 80
JUNK_BASE = 3.0
RUN_STEP = 0.5
RUN_CAP = 4.0
ISOLATED_GAP = 1  # a prose line within this many lines is a neighbour
ISOLATED_FACTOR = 0.25


_NUM_CELL = re.compile(r"^[\d\s.,:;%+/()$€£#–-]*\d[\d\s.,:;%+/()$€£#–-]*$")
TABLE_ROW = 0.5  # score of a data-table row: enough to join the body it sits in, too little to make one


def data_table_rows(idx: list[int], infos: list[LineInfo]) -> set[int]:
    """Rows of data tables (results, standings, prices): three or more consecutive lines with
    the same number (three or more) of " | " cells, a fifth or more of the cells numbers. A
    navigation bar flattened from a table has no numeric cells."""
    rows: set[int] = set()
    k = 0
    while k < len(idx):
        n = infos[idx[k]].text.count(" | ")
        j = k + 1
        if n >= 2:
            while j < len(idx) and infos[idx[j]].text.count(" | ") == n:
                j += 1
            if j - k >= 3:
                cells = [c.strip() for i in idx[k:j] for c in infos[i].text.split(" | ")]
                if sum(bool(_NUM_CELL.match(c)) for c in cells) >= 0.2 * len(cells):
                    rows.update(idx[k:j])
        k = j
    return rows


def _escalate_runs(scores: list[float], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Runs of non-prose lines cost more the longer they get: one short line between
    paragraphs is a subheading, ten are a menu or a teaser column."""
    run = 0
    for k, inf in enumerate(infos):
        if scores[k] <= 0:
            run += 1
            if run >= 2:
                scores[k] *= min(1.0 + RUN_STEP * (run - 1), RUN_CAP)
        else:
            run = 0


def _best_region(scores: list[float]) -> tuple[int, int]:
    best, best_lo, best_hi = 0.0, 0, -1
    cur, lo = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, lo = 0.0, i
        cur += s
        if cur > best:
            best, best_lo, best_hi = cur, lo, i
    return best_lo, best_hi


def main_region(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                table: set[int]) -> Optional[tuple[int, int]]:
    """The body region (positions in ``idx``; ``None`` when there is none): the best-scoring run of
    non-blank lines, cut at a comment-section cue once a real body is behind it, then split at junk
    "walls" (teaser columns have no two adjacent paragraphs) and extended over a list it announces."""
    scores = [TABLE_ROW if i in table and not reasons[i] else _score(infos[i], reasons[i]) for i in idx]
    _isolation(scores, [infos[i] for i in idx], [reasons[i] for i in idx])
    _escalate_runs(scores, [infos[i] for i in idx], [reasons[i] for i in idx])
    lo, hi = _best_region(scores)
    if hi >= lo:
        cut = _end_cut(idx, infos, reasons, scores, lo, hi)
        if cut is not None:
            lo, hi = _best_region(scores[:cut])
    if hi < lo:
        return None
    lo, hi = _cut_at_walls(idx, infos, reasons, scores, lo, hi)
    return lo, _extend_to_list(idx, infos, reasons, hi)


def introduces(info: LineInfo, reason: Optional[str]) -> bool:
    """A body line that announces a list ("The new rules:", "You will need:")."""
    return reason is None and not info.bullet and info.words >= 2 and info.text.rstrip().endswith(":")


LIST_GAP = 2  # short lines allowed between the region's end and the line announcing a list
LIST_MAX = 40


def _extend_to_list(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], hi: int) -> int:
    """A list (bullets or data-table rows) that a body line ending in a colon announces, just at
    or after the region's end, belongs to the article: move the end past it."""
    k = hi
    gap = 0
    while not introduces(infos[idx[k]], reasons[idx[k]]):
        k += 1
        if k >= len(idx) or gap >= LIST_GAP:
            return hi
        inf = infos[idx[k]]
        if reasons[idx[k]] or (inf.bullet or inf.words > 12) and not introduces(inf, reasons[idx[k]]):
            return hi
        gap += 1
    j = k + 1
    while j < len(idx) and j - k <= LIST_MAX and infos[idx[j]].bullet and not reasons[idx[j]]:
        j += 1
    return j - 1 if j - 1 > k + 1 else hi  # two items or more
