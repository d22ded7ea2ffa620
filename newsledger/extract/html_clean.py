"""Repairs on the lines trafilatura extracted (:func:`clean_lines`): the headline repeated as first
line, by-line/date lines at the top, trailing boilerplate, figure captions; every dropped line is
recorded as :class:`Removed`. :data:`OPTIONS` holds the HTML extractor's knobs.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsledger.extract.html_markup import squash_space
from newsledger.model import Removed, normalise_text


OPTIONS: dict[str, Any] = {
    "precision": True,  # trafilatura favor_precision for the first run
    "recall_fallback": True,  # second run with favor_recall when the first finds too little
    "min_chars": 250,  # below this the recall fallback is tried
    "dedup": False,  # hurt the benchmark (gold repeats lines), neutral on trafilatura-eval
    "drop_title_line": True,
    "drop_head_meta": True,  # byline/date lines at the top
    "drop_tail_junk": True,  # related/newsletter/copyright/credit lines at the end
    "lead_recovery": False,  # +0.008 F1 on trafilatura-eval, but benchmark gold excludes standfirsts
    "drop_captions": True,
    "meta_date_fast_path": True,  # a meta/JSON-LD published time spares the htmldate call  # body lines equal to a figure caption / photo credit of the page
    # newsledger.extract.lines.classify_lines when importable: False | "rules" (only its
    # content-cue verdicts below) | "edges" (rules, plus any verdict at the top/bottom) | "all"
    "lines_classifier": False,
}
_CLASSIFIER_REASONS = {"advertisement", "share-widget", "related-links", "author-bio", "comments"}


# ------------------------------------------------------------------ line rules

_BYLINE_LINE = re.compile(
    r"^(?:by|von|par|por|di|door|av|af)\s+[\w.'’\- ]{2,80}(?:,\s*[\w .'’\-]{2,60})?$", re.I)
_DATE_WORDS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
               r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?")
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|first published|veröffentlicht|aktualisiert|"
    r"stand|publié|mis à jour|publicado|actualizado)\b[:\s]*)?"
    r"[\d\s,.:/\-]*(?:" + _DATE_WORDS + r")?[\d\s,.:/\-]*(?:(?:" + _DATE_WORDS +
    r")[\d\s,.:/\-]*)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|gmt|utc|[A-Z]{2,4}T?|et|bst|cet|cest))*"
    r"\s*$", re.I)
_READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?\.?|minuten?)\s*(?:read|lesezeit|de lecture)?\.?$", re.I)

_TAIL_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:related|related (?:articles?|stories|content|coverage|posts|topics|links)|"
                r"read (?:more|also|next)|see also|more (?:on|from|about)\b.*|recommended(?: for you)?|"
                r"(?:you )?may also (?:like|be interested in).*|further reading|"
                r"mehr zum thema.*|weitere (?:artikel|informationen|themen).*|auch lesen|lesen sie auch.*|"
                r"das könnte sie auch interessieren|à lire aussi|lire aussi|leer más|notas relacionadas|"
                r"te puede interesar|ver también)\s*:?\s*.*$", re.I), "related-links"),
    (re.compile(r"\b(?:sign up for|subscribe to (?:our|the)|subscribe now|newsletter|"
                r"get (?:the|our) .{0,40}(?:in your inbox|delivered)|never miss)\b", re.I), "newsletter"),
    (re.compile(r"^(?:follow (?:us|@?\w+(?: \w+)?) on|like us on facebook|share (?:this|on)\b|"
                r"click here to\b|download (?:the|our) .{0,30}app)", re.I), "share-widget"),
    (re.compile(r"(?:^(?:©|\(c\)|copyright)\s*(?:\d{4})?|all rights reserved|alle rechte vorbehalten|"
                r"tous droits réservés|todos los derechos reservados)", re.I), "copyright"),
    (re.compile(r"^(?:(?:photo|image|picture|foto|bild|titelbild|beitragsbild|source|quelle)"
                r"(?:\s*credit)?s?\s*:|credit\s*:)", re.I), "caption"),
    (re.compile(r"^(?:tags?|topics?|themen|schlagworte|filed under|categories)\s*:", re.I), "metadata"),
    (re.compile(r"^(?:(?:\d+\s+)?comments?|keine kommentare|kommentare.*|leave a (?:comment|reply)|"
                r"add a comment|join the conversation)\s*:?$", re.I), "comments"),
]


def _tail_reason(line: str) -> Optional[str]:
    if len(line) > 300:
        return None
    for pattern, reason in _TAIL_RULES:
        if pattern.search(line):
            return reason
    return None


def _head_reason(line: str, title: Optional[str]) -> Optional[str]:
    if len(line) > 160:
        return None
    if title and normalise_text(line) == normalise_text(title):
        return "title"
    if _BYLINE_LINE.match(line) and len(line.split()) <= 12:
        return "byline"
    if len(line) <= 60 and any(c.isdigit() for c in line) and _DATE_LINE.match(line):
        return "dateline"
    if _READ_TIME.match(line):
        return "metadata"
    return None


def _lines_classifier():
    if not OPTIONS["lines_classifier"]:
        return None
    try:
        from newsledger.extract.lines import classify_lines  # written by a teammate
    except ImportError:
        return None
    return classify_lines


def clean_lines(lines: list[str], title: Optional[str],
                captions: Optional[set[str]] = None) -> tuple[list[str], list[Removed]]:
    """Apply the line repairs to trafilatura's output lines; returns kept lines and removals."""
    removed: list[Removed] = []
    lines = [ln for ln in (squash_space(x) for x in lines) if ln]
    if captions and OPTIONS["drop_captions"]:
        lines = _drop_captions(lines, captions, removed)
    if OPTIONS["dedup"]:
        lines = _drop_duplicates(lines, removed)
    if OPTIONS["drop_title_line"] or OPTIONS["drop_head_meta"]:
        _drop_head_lines(lines, title, removed)
    if OPTIONS["drop_tail_junk"]:
        _drop_tail_lines(lines, removed)
    classify = _lines_classifier()
    if classify is not None and lines:
        lines = _drop_classified(lines, classify, removed)
    return lines, removed


def _drop_captions(lines: list[str], captions: set[str], removed: list[Removed]) -> list[str]:
    """The lines that are not an image caption of the page (all of them when only one line is left)."""
    kept = []
    for ln in lines:
        if normalise_text(ln) in captions and len(lines) > 1:
            removed.append(Removed(ln, "caption"))
        else:
            kept.append(ln)
    return kept


def _drop_duplicates(lines: list[str], removed: list[Removed]) -> list[str]:
    """The lines less a repeat of an earlier line of 20 characters or more."""
    seen: set[str] = set()
    kept = []
    for ln in lines:
        key = normalise_text(ln)
        if len(key) >= 20 and key in seen:
            removed.append(Removed(ln, "duplicate"))
            continue
        seen.add(key)
        kept.append(ln)
    return kept


def _drop_head_lines(lines: list[str], title: Optional[str], removed: list[Removed]) -> None:
    """Pop the headline and head metadata lines off the top of ``lines`` (in place), never the last line."""
    while lines:
        reason = _head_reason(lines[0], title)
        if reason is None or (reason == "title" and not OPTIONS["drop_title_line"]) or \
                (reason != "title" and not OPTIONS["drop_head_meta"]):
            break
        if len(lines) == 1:
            break
        removed.append(Removed(lines.pop(0), reason))


def _drop_tail_lines(lines: list[str], removed: list[Removed]) -> None:
    """Pop junk lines off the end of ``lines`` (in place), never the last line."""
    # walk back from the end over junk lines; a short line right before a junk block
    # (e.g. its heading) goes with it only when it is itself junk
    while len(lines) > 1:
        reason = _tail_reason(lines[-1])
        if reason is None:
            break
        removed.append(Removed(lines.pop(), reason))


def _drop_classified(lines: list[str], classify: Any, removed: list[Removed]) -> list[str]:
    """The lines the lines classifier keeps; all of them when it fails, answers for another
    number of lines or would drop every line."""
    try:
        verdicts = classify(list(lines))
    except Exception:  # a teammate's classifier must never break extraction
        verdicts = [None] * len(lines)
    if len(verdicts) == len(lines) and OPTIONS["lines_classifier"] != "all":
        verdicts = _trusted_verdicts(list(verdicts), OPTIONS["lines_classifier"])
    if not (len(verdicts) == len(lines) and sum(v is None for v in verdicts)):
        return lines
    kept = []
    for ln, verdict in zip(lines, verdicts):
        if verdict:
            removed.append(Removed(ln, verdict))
        else:
            kept.append(ln)
    return kept


def _trusted_verdicts(verdicts: list, mode: Any) -> list:
    """The classifier's verdicts kept in ``mode`` (not "all"): those of :data:`_CLASSIFIER_REASONS`
    and, in "edges" mode, any on the unbroken runs of flagged lines at either end."""
    edge = set()
    if mode == "edges":
        for rng in (range(len(verdicts)), range(len(verdicts) - 1, -1, -1)):
            for i in rng:
                if not verdicts[i]:
                    break
                edge.add(i)
    return [v if v in _CLASSIFIER_REASONS or i in edge else None for i, v in enumerate(verdicts)]
