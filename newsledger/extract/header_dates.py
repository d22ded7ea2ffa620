"""The dates in a flattened page's header (:func:`find_header_dates`, see
:mod:`newsledger.extract.header`): published, updated, and whether the day/month order was guessed."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract import meta as M
from newsledger.extract.date_cues import PUBLISHED, UPDATED
from newsledger.extract.header_vocab import NAME_ZONE_AFTER
from newsledger.extract.lines_kinds import LineInfo


DATE_ZONE_BEFORE = 8  # lines above the headline where the date may sit


def _full_date(text: str, day_first: Optional[bool]) -> Optional[str]:
    val = M.parse_date(text, day_first)
    return val if val and re.match(r"\d{4}-\d{2}-\d{2}", val) else None


_CLOCK_ONLY = re.compile(r"\d{2}:\d{2}")


def _date_or_clock(text: str, day_first: Optional[bool]) -> Optional[str]:
    """A full date in ``text`` (as :func:`_full_date`), else a bare clock "12:50", else None."""
    val = M.parse_date(text, day_first)
    return val if val and (re.match(r"\d{4}-\d{2}-\d{2}", val) or _CLOCK_ONLY.fullmatch(val)) else None


SITE_BAR = 3  # the page's first lines: a date there is the site bar's today, not the story's


def _date_heading(k: int, anchor: int, text: str) -> bool:
    """The line right over the headline is a bare date (a blog's date heading, a wire's stamp over
    its headline), and not among the page's first lines (a site bar's date of today)."""
    return k == anchor - 1 and k >= SITE_BAR and _bare_date(text)


def _bare_date(text: str) -> bool:
    """The line is a date and at most one other word besides a clock ("[Samstag, 3. März 2024]",
    "March 3, 2024 / 1:39 PM / Updated ..."): no teaser, info box or site bar that also names a date."""
    um = UPDATED.search(text)
    text = text[:um.start()] if um else text
    span = M.date_span(text)
    if span is None:
        return False
    rest = M._TIME.sub(" ", text[:span[0]] + " " + text[span[1]:])
    return sum(1 for w in rest.split() if re.search(r"[^\W\d_]", w)) <= 1


# a press release's dateline opening its lead: "Port Lindell, 3. März 2024 – The council ...",
# "PORT LINDELL, March 3, 2024 /Wire/ -- ..."
_LEAD_PLACE = re.compile(r"^\W{0,3}(?:[A-ZÄÖÜ][\w.'’-]+(?:\s+[A-ZÄÖÜ][\w.'’-]+){0,2},?\s+)?$")
_LEAD_DASH = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:uhr)?\s*)?(?:/[^/]{2,30}/\s*)?[-–—]{1,2}\s", re.I)


def _lead_dateline(text: str) -> bool:
    """A long line (a lead paragraph) that opens with a place, a date and a dash: a dateline."""
    span = M.date_span(text)
    return bool(span) and bool(_LEAD_PLACE.match(text[:span[0]])) and bool(_LEAD_DASH.match(text[span[1]:]))


def _ambiguous(text: str) -> bool:
    m = M._D_NUM.search(text)
    return bool(m) and m.group(2) != "." and int(m.group(1)) <= 12 and int(m.group(3)) <= 12 \
        and not M._D_ISO.search(text) and not M._D_MDY.search(text) and not M._D_DMY.search(text)


def find_header_dates(idx: list[int], infos: list[LineInfo], lo: int, title_k: Optional[int],
                      day_first: Optional[bool]) -> tuple[Optional[str], Optional[str], list[int], bool]:
    """(published, updated, date line indices, whether the published day rests on an undecided
    day/month order)."""
    anchor = title_k if title_k is not None else lo
    zone = list(range(max(0, anchor - DATE_ZONE_BEFORE), min(len(idx), lo + NAME_ZONE_AFTER + 3)))
    # after the headline first, then above it; a bare date line right over the headline counts as under it
    zone.sort(key=lambda k: (k < anchor and not _date_heading(k, anchor, infos[idx[k]].text), abs(k - anchor)))
    published = updated = None
    used: list[int] = []
    cue_pub = None
    for k in zone:
        text = infos[idx[k]].text
        if infos[idx[k]].words > 30 and not _lead_dateline(text):
            continue
        um = UPDATED.search(text)
        head, tail = (text[:um.start()], text[um.end():]) if um else (text, "")
        if tail and not updated:  # a date, or a bare clock ("Updated 12:50": the extractor's settle_stamps reads it)
            updated = _date_or_clock(tail, day_first)
        val = None if M.quoted_date(head, PUBLISHED) else _full_date(head, day_first)
        if val:
            used.append(idx[k])
            if PUBLISHED.search(head) and not cue_pub:
                cue_pub = (val, head)
            if not published:
                published = (val, head)
    chosen = cue_pub or published or _date_elsewhere(idx, infos, lo, day_first)
    if chosen and updated and not _CLOCK_ONLY.fullmatch(updated) and updated < chosen[0]:  # a date before publication
        updated = None  # (a bare update clock "12:50" is no date to compare: settle_stamps reads it)
    if not chosen:
        return None, updated, used, False
    return chosen[0], updated, used, day_first is None and _ambiguous(chosen[1])


def _date_elsewhere(idx: list[int], infos: list[LineInfo], lo: int,
                    day_first: Optional[bool]) -> Optional[tuple[str, str]]:
    """When the header has no date: a short "Published ..." line anywhere on the page."""
    for k, i in enumerate(idx):
        text = infos[i].text
        if infos[i].words <= 20 and PUBLISHED.search(text):
            val = _full_date(text, day_first)
            if val:
                return val, text
    return None
