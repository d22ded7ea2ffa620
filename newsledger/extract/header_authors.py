"""Which lines of a flattened page's header name its authors (:func:`find_names`, see
:mod:`newsledger.extract.header`): "By ..." lines, name lines after a lone "By" or over a role,
and bare name lines next to them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsledger.extract import meta as M
from newsledger.extract.byline import is_newsroom
from newsledger.extract.date_cues import PUBLISHED, UPDATED
from newsledger.extract.header_names import ROLE_LINE, ROLE_TAIL, byline_names
from newsledger.extract.header_vocab import (NAME_ZONE_AFTER, BY_ALONE, CREDIT, MD_HEADING,
                                             is_date_line, unmarked)
from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_vocab import BYLINE_STRIP, DATE


BY_ABOVE_TITLE = 3  # a "By ..." line may sit this many lines above the headline
_BY_APPOSITION = re.compile(r",\s+(?:a|an|the|who|is|our)\s")
NAME_ANCHOR_GAP = 2  # a bare name line counts within this many lines of a byline, date or another name


NAME_ZONE_MAX_AFTER = 8  # after a lone "By", name lines may run this many lines into the body


def _role_follows(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """The line after a bare name is the person's role ("Corresponsal en Atenas", "Producer")
    or the outlet they write for ("Reuters", "BBC")."""
    if k + 1 >= len(idx):
        return False
    nxt = infos[idx[k + 1]]
    text = unmarked(nxt.text)
    if nxt.words <= 3 and (M.find_agency(text) or (text.isupper() and 2 <= len(text) <= 6)):
        return True  # "Jane Roe" over "Reuters" / "BBC": the writer and the outlet
    return nxt.words <= 6 and not nxt.end_punct and bool(ROLE_LINE.match(text))


ROLE_NAMED_WORDS = 8  # a "Jane Roe – Journalist" line is this short at most


def _role_named_line(idx: list[int], infos: list[LineInfo], body: int) -> Optional[int]:
    """Position of the first line within :data:`NAME_ZONE_MAX_AFTER` lines into the body that
    names a person with a journalist's role after the name ("Jane Roe – Journalist", "Jane Roe,
    Reporter"): the by-line of a story whose standfirst and photo lines open the body, so the
    name zone reaches it. None when there is none."""
    for k in range(body, min(len(idx), body + NAME_ZONE_MAX_AFTER)):
        inf = infos[idx[k]]
        text = unmarked(inf.text)
        if inf.words <= ROLE_NAMED_WORDS and ROLE_TAIL.search(text) and byline_names(text)[0]:
            return k
    return None


def _next_to_credit(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A bare name over a "Foto: ..." credit: the photo's subject (a caption), or the author's
    byline over the lead photo's credit."""
    if k + 1 >= len(idx):
        return False
    nxt = infos[idx[k + 1]]
    return bool(CREDIT.search(nxt.text)) and nxt.words <= 12


def _topic_tag(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A bare name that is one item of a bulleted list of topics ("* Jane Roe," among
    "* Labour Party," and "* Conservative Party,")."""
    if not infos[idx[k]].bullet:
        return False
    block = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(idx) and infos[idx[j]].bullet and len(block) < 20:
            block.append(infos[idx[j]])
            j += step
    others = [inf for inf in block if inf.words >= 1 and not byline_names(inf.text)[0] and not is_date_line(inf)
              and not PUBLISHED.search(inf.text) and not UPDATED.search(inf.text)]
    return len(others) >= TAG_LIST_OTHERS


TAG_LIST_OTHERS = 2  # a bulleted name among this many bulleted non-names is a topic tag


def _dated_byline(text: str, inf: LineInfo) -> bool:
    """A short line the flattener ran together: "Jane Roe · Site · Posted: May 1, 2024"."""
    if inf.words > 25 or not (PUBLISHED.search(text) or UPDATED.search(text) or DATE.search(text)):
        return False
    names, evidence = byline_names(text)
    return bool(names) and evidence


SIGNED_WORDS = 6  # "Autor: Die Redaktion"; a longer "Por ..." line is a sentence


@dataclass
class _NameScan:
    """What :func:`find_names` has read so far in the header zone (keys are positions in ``idx``)."""
    stop: int  # the zone ends here unless a run of name lines goes on
    anchors: set[int]  # headline, lone "By", date/metadata and counted name lines
    found: dict[int, list[str]] = field(default_factory=dict)  # lines that name the author explicitly
    bare: dict[int, list[str]] = field(default_factory=dict)
    weak: dict[int, list[str]] = field(default_factory=dict)  # bare names next to a photo credit
    bulleted: set[int] = field(default_factory=set)
    by_lines: list[int] = field(default_factory=list)
    signed: bool = False  # a "By ..." / "Autor: ..." line naming a newsroom, no person ("Autor: Die Redaktion")
    after_by: int = 0  # lines left that a lone "By" above makes name lines


def find_names(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
               title_k: Optional[int]) -> tuple[list[str], list[int]]:
    """(names, their line indices) from the header zone: after the headline (or up to 15
    lines above the body when there is none) to :data:`NAME_ZONE_AFTER` lines into the body
    (further while name lines follow a lone "By"). "By ..." lines and name lines after a lone
    "By" or before a role line count; a bare name line only next to such a line, a date line
    or another counted name line, never when it is a topic tag, and next to a photo credit
    only when no other line names the author; where lines name the author explicitly, a bare
    name line joins them only as part of their list (:func:`_listed_names`)."""
    start = title_k - BY_ABOVE_TITLE if title_k is not None else max(0, lo - 15)
    body = max(lo, title_k + 1) if title_k is not None else lo  # the headline may be the body's first line
    scan = _NameScan(_name_zone_stop(idx, infos, body), {title_k} if title_k is not None else set())
    for k in range(max(0, start), min(len(idx), body + NAME_ZONE_MAX_AFTER)):
        if k >= scan.stop and not scan.after_by:
            break
        _scan_name_line(scan, k, idx, infos, reasons, title_k)
    if scan.signed and not scan.found:  # "Autor: Die Redaktion": the page names a newsroom, so no bare name either
        return [], []
    found = scan.found
    found.update(_joined_bare_names(scan, idx, infos, title_k, lo))
    names: list[str] = []
    for k in sorted(found):
        names.extend(n for n in found[k] if n not in names)
    return names, [idx[k] for k in sorted(found)]


def _name_zone_stop(idx: list[int], infos: list[LineInfo], body: int) -> int:
    """Where the name zone ends: :data:`NAME_ZONE_AFTER` lines into the body, or past a role-named line."""
    stop = min(len(idx), body + NAME_ZONE_AFTER)
    role_k = _role_named_line(idx, infos, body)
    if role_k is not None:  # "Jane Roe – Journalist" under the standfirst and a caption or two
        stop = max(stop, role_k + 1)
    return stop


def _subheading(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A markdown heading over a paragraph of prose: the subhead of the section under it
    ("## Amanda Knox" over the text about her), where a heading by-line stands over a date, a
    role or the next header line ("### Jane Roe" over "19 February 2020")."""
    return bool(MD_HEADING.match(infos[idx[k]].text)) and k + 1 < len(idx) and infos[idx[k + 1]].prose


def _scan_name_line(scan: _NameScan, k: int, idx: list[int], infos: list[LineInfo],
                    reasons: list[Optional[str]], title_k: Optional[int]) -> None:
    """Read line ``idx[k]`` of the header zone into ``scan``."""
    i = idx[k]
    inf = infos[i]
    text = unmarked(inf.text)
    if BY_ALONE.match(text):
        scan.after_by = 4
        scan.anchors.add(k)
        return
    by_line = bool(BYLINE_STRIP.match(text))
    if by_line and inf.words <= 80:  # "By Alex Heath, a deputy editor and author of ..."
        text = _BY_APPOSITION.split(text, maxsplit=1)[0]
    elif ((reasons[i] is None and inf.prose) or inf.words > 30) and not _dated_byline(text, inf):
        scan.after_by = 0
        return
    if title_k is not None and k <= title_k and not by_line:
        return  # above the headline only a "By ..." line counts
    names, evidence = byline_names(text)
    if names and not (evidence or by_line or scan.after_by) and _subheading(k, idx, infos):
        names = []  # "## Amanda Knox" over the text about her: a section's subhead, no by-line
    scan.signed = scan.signed or (by_line and not names and inf.words <= SIGNED_WORDS and not inf.prose
                                  and is_newsroom(BYLINE_STRIP.sub("", text)))
    if (is_date_line(inf) or reasons[i] == "metadata" or PUBLISHED.search(text) or UPDATED.search(text)) \
            and not names:
        scan.anchors.add(k)
    credit = bool(names) and _next_to_credit(k, idx, infos)
    explicit = scan.after_by > 0 or evidence or (reasons[i] == "byline" and not credit) \
        or (names and _role_follows(k, idx, infos))
    scan.after_by = max(0, scan.after_by - 1) if names else 0
    if names and explicit:
        if k >= scan.stop - 1:  # a run of byline lines may go on past the zone
            scan.stop = min(len(idx), k + 2)
        scan.found[k] = names
        scan.anchors.add(k)
        if by_line:
            scan.by_lines.append(k)
    elif credit:
        scan.weak[k] = names
    elif names and not _topic_tag(k, idx, infos):
        scan.bare[k] = names
        if inf.bullet:
            scan.bulleted.add(k)


def _joined_bare_names(scan: _NameScan, idx: list[int], infos: list[LineInfo], title_k: Optional[int],
                       lo: int) -> dict[int, list[str]]:
    """The bare name lines that join the author's names."""
    # where lines name the author explicitly, a bare name line is a co-author only right next to
    # a name line (a list of names); a line further off (past a date, a standfirst or a label) is
    # a photo's subject, a product or a section ("Google Chrome", "Alcaldía de Medellín")
    if scan.found:
        chained = _listed_names(scan.bare, set(scan.found), idx, infos)
    else:
        chained = _chain_bare(scan.bare, scan.bulleted, scan.anchors, title_k)
    if not scan.found and not chained:
        chained = _lone_name(scan.bare, scan.bulleted, title_k, lo)
    if not scan.found and not chained:  # a name by a photo credit only when nothing else names the author
        chained = _chain_bare(scan.weak, scan.bulleted, scan.anchors, title_k)
    if scan.by_lines:  # a bare name above the "By ..." line is a caption or a topic, not a co-author
        chained = {k: v for k, v in chained.items() if k > scan.by_lines[0]}
    return chained


def _lone_name(bare: dict[int, list[str]], bulleted: set[int], title_k: Optional[int],
               lo: int) -> dict[int, list[str]]:
    """With no byline found: the one bare name line between the headline and the body (a
    standfirst or a caption may sit between them), not a bullet."""
    if title_k is None:
        return {}
    between = {k: v for k, v in bare.items() if title_k < k < lo + 1 and k not in bulleted}
    return between if len(between) == 1 and len(bare) == 1 else {}


def _listed_names(bare: dict[int, list[str]], named: set[int], idx: list[int],
                  infos: list[LineInfo]) -> dict[int, list[str]]:
    """Bare name lines that go on a list of name lines: the next line with letters above or
    below is a name line ("• Davide Castelvecchi &" / "• …" / "• Jeff Tollefson")."""
    def neighbour(k: int, step: int) -> int:
        k += step
        while 0 <= k < len(idx) and not re.search(r"[^\W\d_]", infos[idx[k]].text):
            k += step
        return k

    out: dict[int, list[str]] = {}
    for k in sorted(bare):
        if neighbour(k, -1) in named or neighbour(k, 1) in named:
            out[k] = bare[k]
            named.add(k)
    return out


def _chain_bare(bare: dict[int, list[str]], bulleted: set[int], anchors: set[int],
                title_k: Optional[int]) -> dict[int, list[str]]:
    """Bare name lines chained to an anchor; a bulleted name (else a topic tag) only to a
    strong one (a byline or a date, not the headline)."""
    anchors = set(anchors)
    strong = anchors - {title_k}
    out: dict[int, list[str]] = {}
    grew = True
    while grew:
        grew = False
        for k in sorted(bare):
            near = strong if k in bulleted else anchors
            if any(abs(k - a) <= NAME_ANCHOR_GAP for a in near):
                out[k] = bare.pop(k)
                anchors.add(k)
                grew = True
    return out
