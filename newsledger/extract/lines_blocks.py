"""Blocks of lines with their reasons, for :func:`newsledger.extract.lines.classify_lines`: the
list under a "Related" cue, bare name lines repeating a by-line (pass 1), teaser and link
columns inside the body, the verdict of each line and the headline / section label just above
the body (pass 3)."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_region import introduces
from newsledger.extract.lines_vocab import BULLET, BYLINE_STRIP, RELATED_CUE


def take_related_lists(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Related-links cue lines take the short headline-like / bulleted lines after them (in place)."""
    k = 0
    while k < len(idx):
        i = idx[k]
        if reasons[i] == "related-links" and RELATED_CUE.match(BULLET.sub("", infos[i].text).strip()):
            taken, k = _related_list_after(k, idx, infos, reasons)
            for t in taken:
                reasons[t] = reasons[t] or "related-links"
        else:
            k += 1


def _related_list_after(k: int, idx: list[int], infos: list[LineInfo],
                        reasons: list[Optional[str]]) -> tuple[list[int], int]:
    """The lines of the list under the cue line ``idx[k]`` (at most 12), and the position after them."""
    taken: list[int] = []
    j = k + 1
    bullets = j < len(idx) and infos[idx[j]].bullet
    while j < len(idx) and len(taken) < 12:
        inf = infos[idx[j]]
        if bullets and inf.bullet:
            taken.append(idx[j])
        elif not bullets and not inf.prose and 2 <= inf.words <= 25 and not reasons[idx[j]]:
            taken.append(idx[j])
        else:
            break
        j += 1
    if not bullets and len(taken) >= 2 and j < len(idx) and infos[idx[j]].prose:
        taken.pop()  # the last short line before prose is a subheading
    return taken, j


def repeated_byline_names(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Bare name lines repeating a byline name ("Teilor Stone" next to "By Teilor Stone") are bylines too."""
    names = set()
    for i in idx:
        if reasons[i] == "byline":
            names.add(_norm_name(BYLINE_STRIP.sub("", BULLET.sub("", infos[i].text)).strip()))
    for i in idx:
        if not reasons[i] and infos[i].words <= 6 and _norm_name(BULLET.sub("", infos[i].text)) in names:
            reasons[i] = "byline"


def smooth_region(region: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                  table: set[int]) -> None:
    """Inside the region, a run of >= 3 short non-prose lines (no blank between them) is a teaser or
    link column, unless a body line ending in a colon announces it as a list (in place)."""
    run: list[int] = []
    introduced = False  # the run follows a body line ending in a colon: a list the text announces
    for k, i in enumerate(region):
        inf = infos[i]
        if reasons[i] is None and not inf.prose and i not in table:
            if not run:
                introduced = k > 0 and introduces(infos[region[k - 1]], reasons[region[k - 1]]) and inf.bullet
            if introduced and not inf.bullet:
                _close_run(run, infos, reasons)
                introduced = False
                run.append(i)
            elif not introduced:
                run.append(i)
        else:
            _close_run(run, infos, reasons)
            introduced = False
    _close_run(run, infos, reasons)


def _close_run(run: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Mark a run of >= 3 short non-prose lines as navigation (bulleted) or related links, and empty it."""
    if len(run) >= 3:
        bl = sum(infos[r].bullet for r in run)
        if bl < len(run) * 0.5 or all(infos[r].words <= 12 for r in run):
            for r in run:
                reasons[r] = reasons[r] or ("navigation" if bl else "related-links")
    run.clear()


def region_verdicts(infos: list[LineInfo], reasons: list[Optional[str]], inside: set[int],
                    first: int) -> list[Optional[str]]:
    """Each line's verdict: blank lines ``None``, lines in the region their reason, lines outside it
    their reason or navigation (above the region) / boilerplate (below)."""
    out: list[Optional[str]] = []
    for i in range(len(infos)):
        if not infos[i].text:
            out.append(None)
        elif i in inside:
            out.append(reasons[i])
        else:
            out.append(reasons[i] or ("navigation" if i < first else "boilerplate"))
    return out


def mark_title_and_section(idx: list[int], lo: int, infos: list[LineInfo], reasons: list[Optional[str]],
                           out: list[Optional[str]]) -> None:
    """Title: the nearest headline-like line above the region; section: a lone short bullet there (in place)."""
    for i in reversed(idx[:lo]):
        if lo - idx.index(i) > 12:
            break
        inf = infos[i]
        if reasons[i] is None and inf.bullet and inf.words <= 3:
            if not _neighbour_bullet(infos, i, -1) and not _neighbour_bullet(infos, i, 1):
                out[i] = "section"
                continue
        if reasons[i] is None and not inf.bullet and inf.headline and inf.words >= 3:
            out[i] = "title"
            break


def _neighbour_bullet(infos: list[LineInfo], i: int, step: int) -> bool:
    j = i + step
    while 0 <= j < len(infos) and not infos[j].text:
        j += step
    return 0 <= j < len(infos) and infos[j].bullet and abs(j - i) == 1


def _norm_name(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip(" ,.|•").lower())
