"""Line/block classifier for pages already flattened to text (and for HTML body paragraphs).

:func:`classify_lines` gives every line ``None`` (article body) or the reason it is junk:
``share-widget``, ``advertisement``, ``related-links``, ``author-bio``, ``byline``, ``caption``,
``navigation``, ``metadata``, ``title``, ``section``, ``dateline``, ``comments``, ``boilerplate``.

How it decides, in three passes:

1. **Line rules** — content cues that mark a line as junk whatever its position: share-widget
   phrases, ad/gambling vocabulary, cookie/newsletter/subscribe lines, captions ("Photo:",
   "(AFP)", "Getty Images"), bylines ("By X", and bare name lines repeating a byline name),
   author bios ("has been a reporter ... since", "To get in touch", e-mail/phone), dates and
   "Published/Updated" lines, comment-thread cues, and cue lines ("Read also", "Related",
   "See also") together with the short headline-like lines (often "  •" bullets) after them.
2. **Main region** — every line gets a score: prose lines (long, stop-words, sentence
   punctuation; a CJK line ending in 。、， is a sentence) count for, short/link-like/bulleted
   lines and rule-junk count against, rows of a data table (" | " cells, some numeric) count a
   little for; on a page whose language has no stop-word list the longer lines get a neutral
   stop-word share. The best-scoring contiguous run of lines (maximum subarray) is the
   article, cut short at a strong end cue (comments, "About the author" ...) once a body is
   behind it, or at a non-repeated "You may also like" / "Related articles" cue with less
   prose after it than before; a list that a body line ending in a colon announces just
   after the region joins it. Lines outside the region are navigation/boilerplate.
3. **Block smoothing** — inside the region, a short line between body lines stays body (a
   subheading), a run of several short non-prose lines is a teaser/link column and goes
   (unless a body line ending in a colon announces it); the headline just above the region
   becomes ``title``, an isolated short bullet there ``section``.

It is a heuristic (no trained weights). The rules and the few constants were developed
by reading failures on article-extraction-benchmark pages flattened to text *and* (before
2026-11-26) on trafilatura's evaluation pages (with/without segments), so neither figure is a
clean held-out number: see docs/EVALUATION.md. Since ``newsledger.evaluate.extraction_heldout``
was added, changes have been made by reading failures on the 181 benchmark pages only, with
trafilatura-eval's aggregate segment score (never its page failures) checked not to drop.

The steps live in ``lines_vocab`` (stop-words and cue patterns), ``lines_kinds`` (a line's
features and pass 1, :func:`line_rule`), ``lines_region`` (pass 2) and ``lines_blocks`` (the
related-link lists and repeated by-line names of pass 1, and pass 3); this module keeps the entry.
"""
from __future__ import annotations

from typing import Optional

from newsledger.extract.lines_blocks import (mark_title_and_section, region_verdicts, repeated_byline_names,
                                             smooth_region, take_related_lists)
from newsledger.extract.lines_kinds import unknown_language, line_info, line_rule  # noqa: F401 (imported from here)
from newsledger.extract.lines_region import data_table_rows, main_region
# imported from here by meta.py (its by-line and stop-word rules share these)
from newsledger.extract.lines_vocab import BULLET, BYLINE, BYLINE_STRIP, STOPWORDS  # noqa: F401


def classify_lines(lines: list[str]) -> list[Optional[str]]:
    """``None`` for body lines, else the reason the line is junk (see the module doc).

    Blank lines are returned as ``None`` and ignored by the scoring; they only mark blocks.
    """
    n = len(lines)
    infos = [line_info(ln) for ln in lines]
    unknown_language(infos)
    reasons: list[Optional[str]] = [line_rule(inf) for inf in infos]
    idx = [i for i in range(n) if infos[i].text]  # non-blank line indices
    take_related_lists(idx, infos, reasons)
    repeated_byline_names(idx, infos, reasons)
    table = data_table_rows(idx, infos)
    found = main_region(idx, infos, reasons, table)
    if found is None:
        return [reasons[i] or ("boilerplate" if infos[i].text else None) for i in range(n)]
    lo, hi = found
    region = idx[lo:hi + 1]
    smooth_region(region, infos, reasons, table)
    out = region_verdicts(infos, reasons, set(region), region[0] if region else n)
    mark_title_and_section(idx, lo, infos, reasons, out)
    return out
