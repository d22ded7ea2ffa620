"""The article's header in flattened text: which line is the headline, who wrote it and when.

:func:`newsledger.extract.lines.classify_lines` finds the body; the header is read around the
body's first line, whatever flattener made the text (one line per block, markdown from
html2text, or a browser-``innerText``-like rendering):

- **headline**: a line repeating the last item of the page's breadcrumb a few lines above it
  ("• Home • Politik • Headline" or "Home » Politik » Headline", then "Headline"), anywhere above
  the body; else, of the headline-shaped lines up to ``header_title.HEAD_WINDOW`` lines above the body (or
  the body's first lines, when they are no prose), the one that best fits: a markdown ``#``
  heading, words shared with the lead, close to the body, not a date / byline / caption /
  section label / standfirst sentence, nor a line starting in lower case (a quote or tag line
  used as a kicker; a number or "iPhone" first is fine), a bonus just above a "By ..." line; a line that is another
  line plus a site suffix or breadcrumb yields to the bare line, and a menu label before a bar is
  dropped ("Economy | Headline"); tag lists, short date lines, bare two-word names and lines
  naming a domain are no headline, a name-shaped line of three or four words may be one
  ("Four Years Remaining"); a line that another non-prose line repeats with more around it
  ("Share: Headline", "Headline | Site") gets a bonus; a line right over a site menu (three
  short navigation bullets: a slogan, a menu's heading), or a line that reads as a sentence of the
  story (a standfirst ending in a full stop, a teaser the body prints again as its first line), is
  not taken as the earliest of the close scores unless it scores best; when no "By ..." line stands
  near the
  body (or nothing near it is a headline), the lines over the page's first "By ..." line are
  tried, read against the prose under that by-line (the body found may be another text), or,
  with no "By ..." line above the window, the lines around its first short date line when one
  of them scores at least as well as the window's best; when
  nothing is found, the body's first line when it is no sentence and a by-line or date follows
  it closely; when still nothing is found and the body opens with a stray line or two (a ticker)
  over lines that are no body, a date line or by-line among them, the header over the next body
  run is read (:func:`pick_title`,
  :func:`title_text`);
- **byline**: "By A and B" lines, a lone "By" / "von" / "Author of the article:" followed by
  name lines, and bare name lines between the headline and the body, with glued tails cut
  ("Lucy ThorntonNews Reporter", "Jen MillsPublished Jul 17"), names over a role or outlet line,
  and, when nothing else names the author, a lone name line under the headline; photo subjects
  and topic-tag lists are no authors; markdown heading marks are no part of a by-line ("######
  By Jane Roe", "## Jane Roe" over a role or a date), but a bare name heading over prose is a
  section's subhead (:func:`find_names`);
- **dates**: the first full date in the header (a "Published" line first), day/month order of
  "03/04/2024" decided from the page (:func:`newsledger.extract.meta.numeric_order`); when
  nothing on the page decides it, no day is given and the month-first reading is kept in
  ``Header.date_guess`` with a ``Header.date_note``.

The readers live in ``header_title`` (the headline), ``header_names`` (the people one line
names), ``header_authors`` (which lines name the authors), ``header_dates`` and
``header_vocab`` (what they share); this module keeps the entry, :func:`read_header`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from newsledger.extract import meta as M
from newsledger.extract.header_authors import find_names
from newsledger.extract.header_dates import find_header_dates
from newsledger.extract.header_deck import find_decks
from newsledger.extract.header_names import byline_names, unconfirmed_names  # noqa: F401 (imported from here)
from newsledger.extract.header_title import pick_title, title_text  # noqa: F401 (imported from here)
from newsledger.extract.lines_kinds import line_info


@dataclass
class Header:
    title: Optional[int] = None  # line index of the headline
    names: list[str] = field(default_factory=list)
    name_lines: list[int] = field(default_factory=list)
    published: Optional[str] = None
    updated: Optional[str] = None
    date_lines: list[int] = field(default_factory=list)
    date_note: Optional[str] = None  # why an ambiguous "03/04/2024" gave no day, when nothing decided its order
    date_guess: Optional[str] = None  # that date read month-first (withheld: a guessed day is no day)
    deck_lines: list[int] = field(default_factory=list)  # standfirst / subhead lines: Article.standfirst


def read_header(lines: list[str], reasons: list[Optional[str]], language: Optional[str] = None,
                markdown: bool = False) -> Header:
    """Headline, byline names and dates of a flattened page (see the module doc); ``markdown``:
    the page was flattened to markdown, so a lone "# " heading is its <h1>."""
    infos = [line_info(ln) for ln in lines]
    idx = [i for i, inf in enumerate(infos) if inf.text]
    lo = next((k for k, i in enumerate(idx) if reasons[i] is None), None)
    head = Header()
    if lo is None:
        return head
    head.title = pick_title(idx, infos, reasons, lo, markdown)
    title_k = idx.index(head.title) if head.title is not None else None
    head.names, head.name_lines = find_names(idx, infos, reasons, lo, title_k)
    day_first, how = M.numeric_order([inf.text for inf in infos], language)
    head.published, head.updated, head.date_lines, guessed = find_header_dates(idx, infos, lo, title_k, day_first)
    if guessed:  # a day that rests on a guessed order is not given; the guess is said in the note
        head.date_note = "day/month order of the published date not decided by the page; no day given"
        head.date_guess, head.published = head.published, None
    head.deck_lines = find_decks(idx, infos, reasons, lo, title_k, set(head.name_lines) | set(head.date_lines))
    return head
