"""The deck of a flattened page's header (:func:`find_decks`): the standfirst or subhead lines
standing between the headline and the body.

A deck is the outlet's own words, not navigation: its sentence ("Gunman kills 1, wounds 2 at
the office") is kept as ``Article.standfirst`` and its figures are read as the headline's are
(``Quantity.where`` "standfirst"). It stays out of ``Article.text``: article-body gold (the AEB
benchmark's articleBody) leaves standfirsts out. The line classifier marks every line above the body
navigation and the header reader relabels a headline candidate it did not pick navigation;
:func:`find_decks` names the lines of the two that read as a deck
(:func:`newsledger.extract.text.extract_text` sets the field from them). A menu line is short,
made of interface words, bulleted or a date; a deck is a phrase of prose that talks of what the
headline or the story's first lines talk of.
"""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract.header_title import CREDIT_LINE, line_key, mostly_ui, line_terms, clean_title
from newsledger.extract.header_names import byline_names
from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_vocab import DATE

DECK_WORDS = 5  # a deck is a phrase of this many words at least (a menu item or kicker is shorter)
DECK_SHARED = 2  # content words a deck shares with the headline and the story's first lines
DECK_LINES = 3  # a deck is this many lines at most (a standfirst, a subhead or two)
LEAD_LINES = 3  # the body's first lines read as the story's lead
_SENTENCE_END = re.compile(r"[.!?][\"'»”’)]?$")
_DROPPED = {"navigation", "title"}  # the labels a deck line wrongly carries


def find_decks(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
               title_k: Optional[int], taken: set[int]) -> list[int]:
    """Line indices of the deck: the run of lines right under the headline (``idx[title_k]``), at
    most :data:`DECK_LINES` and above the body's first line (``idx[lo]``), labelled navigation or
    title, that read as a deck (:func:`_deck_shaped`) and share :data:`DECK_SHARED` content words
    with the headline and the lead; the run ends at the first other line (a by-line, a date, a
    caption: ``taken`` holds the header's name and date lines); a line after the first ends a
    sentence (a caption or a teaser of another story under a standfirst does not)."""
    if title_k is None or title_k >= lo:
        return []
    headline = clean_title(infos[idx[title_k]].text)
    lead = " ".join(infos[i].text for i in idx[lo:lo + LEAD_LINES] if reasons[i] is None)
    topic = line_terms(headline) | line_terms(lead)
    out: list[int] = []
    for i in idx[title_k + 1:min(lo, title_k + 1 + DECK_LINES)]:
        text = infos[i].text
        if reasons[i] not in _DROPPED or i in taken or not _deck_shaped(infos[i]) \
                or line_key(text) == line_key(headline) or len(line_terms(text) & topic) < DECK_SHARED \
                or (out and not _SENTENCE_END.search(text)):
            break
        out.append(i)
    return out


def _deck_shaped(inf: LineInfo) -> bool:
    """A phrase of prose: :data:`DECK_WORDS` words at least, no bullet, no link list, no date,
    no photo credit, no by-line, not mostly interface words ("Sign in to read the full story")."""
    return inf.words >= DECK_WORDS and not inf.bullet and not inf.linky and not inf.glued \
        and not DATE.search(inf.text) and not CREDIT_LINE.search(inf.text) and not mostly_ui(inf.text) \
        and not byline_names(inf.text)[0]
