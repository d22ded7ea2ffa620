"""HTML pages -> :class:`Article`: trafilatura 2.3.1 (precision mode) plus our own repairs.

Pipeline (one trafilatura run per page, a second one only when the first finds too little):

1. parse once (:func:`load_html`: trafilatura's ``load_html``, step for step, with a parser
   whose element classes are looked up in C); trafilatura works on its own copy of the tree,
   htmldate and our repairs read the same tree;
2. body: ``bare_extraction(favor_precision=True, include_comments=False)``; if that yields
   nothing or very little, retry once with ``favor_recall=True``;
3. repairs on the extracted lines, every dropped line recorded as :class:`Removed`: the
   headline repeated as first line, byline/date lines at the top, trailing boilerplate
   (related links, newsletter/follow/share prompts, copyright, photo credits), figure
   captions; **off by default**: duplicate lines (``dedup``) and the ``classify_lines``
   verdicts of ``newsledger.extract.lines`` (``lines_classifier``);
4. lead recovery (**off by default**, ``lead_recovery``): a standfirst/teaser block sitting
   between the headline and the first extracted paragraph (trafilatura's precision mode often
   drops it) would be put back;
5. metadata from one pass over ``<meta>``/JSON-LD/markup (cheap), the publication date from
   htmldate (``original_date=True, extensive_search=False``) on a tree without author bios
   (:mod:`newsledger.extract.html_dates`).

Knobs in :data:`OPTIONS` exist so the evaluation can measure each repair on its own; the
defaults there are what ``extract`` does.
"""
from __future__ import annotations

import re
from typing import Any, Optional
from urllib.parse import urlsplit

from newsledger import agencies as A
from newsledger.extract import ExtractError
from newsledger.extract import jsonld as LD
from newsledger.extract.jsonld import first_value as _first
from newsledger.extract.coauthors import coauthors_beside
from newsledger.extract.html_dates import find_dates
from newsledger.extract.labels import labelled_names
from newsledger.extract.meta import NAME_PARTICLES, date_start
from newsledger.extract.titles import headline_of_h1
from newsledger.model import Article, Document, Removed, normalise_text

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

# ------------------------------------------------------------------ small helpers

_WS = re.compile(r"\s+")


def _clean(s: Optional[str]) -> str:
    """Runs of whitespace as one space, ends stripped (``_WS.sub(" ", s).strip()``: ``str.split``
    and ``\\s`` know the same whitespace, and this is twice as fast)."""
    return " ".join(s.split()) if s else ""


def _text_of(el) -> str:
    try:
        return _clean(el.text_content())
    except (ValueError, AttributeError):
        return ""


def _cls(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


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


# ------------------------------------------------------------------ body repairs


# one Python pass over the elements finds everything the metadata finders look at (it is
# about 3x cheaper than an XPath with contains() predicates); they sort them in Python
_MARKUP_ANY = re.compile(r"caption|credit|copyright|photographer|byline|author|bio|breadcrumb")
_CAPTION_CLASS = re.compile(r"caption|credit|copyright|photographer")
_BIO_CLASS = re.compile(r"author-?bio|about-author|author-info|author-box|bio-box|contributor-bio|authorbio")
_BYLINE_CLASS = re.compile(r"byline|author")


def page_markup(tree) -> dict[str, Any]:
    """Elements of interest by kind: caption, figcaption, byline, bio, breadcrumb, h1; under
    ``"pos"`` the document-order position of each byline and h1 element."""
    out: dict[str, Any] = {"caption": [], "figcaption": [], "byline": [], "bio": [], "breadcrumb": [], "h1": []}
    pos: dict[Any, int] = {}
    out["pos"] = pos
    for n, el in enumerate(tree.iter()):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "h1":
            out["h1"].append(el)
            pos[el] = n
        if tag == "figcaption":
            out["figcaption"].append(el)
            out["caption"].append(el)
            continue
        c = el.get("class")
        i = el.get("id")
        low = f"{c or ''} {i or ''}".lower() if (c or i) else ""
        if not low or not _MARKUP_ANY.search(low):
            byline = el.get("itemprop") == "author" or (tag == "a" and el.get("rel") == "author")
        else:
            c_low = (c or "").lower()
            if _CAPTION_CLASS.search(c_low):
                out["caption"].append(el)
            if "breadcrumb" in low:
                out["breadcrumb"].append(el)
            bio = bool(_BIO_CLASS.search(low))
            if bio:
                out["bio"].append(el)
            byline = not bio and (el.get("rel") == "author" or el.get("itemprop") == "author" or (
                _BYLINE_CLASS.search(c_low) and "authors-list" not in low and "bio" not in low))
        if byline:
            out["byline"].append(el)
            pos[el] = n
    return out


def page_captions(markup: dict[str, Any]) -> set[str]:
    """Normalised texts of the page's figure captions and photo credits."""
    out = set()
    for el in markup["caption"]:
        t = _text_of(el)
        if t and len(t) < 400:
            out.add(normalise_text(t))
    out.discard("")
    return out


def clean_lines(lines: list[str], title: Optional[str],
                captions: Optional[set[str]] = None) -> tuple[list[str], list[Removed]]:
    """Apply the line repairs to trafilatura's output lines; returns kept lines and removals."""
    removed: list[Removed] = []
    lines = [ln for ln in (_clean(x) for x in lines) if ln]
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


_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|leadtext|intro|introduction|teaser(?:-?text)?|standfirst|summary|"
    r"subhead(?:line)?|sub-?title|subtitle|dek|deck|excerpt|abstract|description|"
    r"documentdescription|article-?summary|strapline|chapo|chapeau|bajada|entradilla|sumario)"
    r"(?:$|[\s_-])")
_NOT_LEAD = re.compile(r"caption|credit|byline|author|date|time|meta|share|social|related|promo|"
                       r"breadcrumb|nav|menu|footer|comment|newsletter|tag", re.I)
_BLOCK_TAGS = {"p", "div", "h2", "h3", "h4", "section", "header", "span", "strong", "li"}


def recover_lead(tree, lines: list[str], title: Optional[str]) -> Optional[str]:
    """A standfirst/teaser block between the headline and the first body line, if dropped."""
    if not lines or tree is None:
        return None
    first = lines[0][:60]
    body_el = None
    h1 = None
    order: dict[Any, int] = {}
    for i, el in enumerate(tree.iter()):
        order[el] = i
        if not isinstance(el.tag, str):
            continue
        if h1 is None and el.tag == "h1":
            h1 = el
        if body_el is None and el.tag in ("p", "div", "li", "h2", "h3", "blockquote", "td") and el.text \
                and first[:40] in _clean(el.text):
            body_el = el
    if body_el is None:
        return None
    start = order.get(h1, -1) if h1 is not None and order[h1] < order[body_el] else -1
    known = {normalise_text(ln) for ln in lines}
    tkey = normalise_text(title or "")
    best = None
    for el in tree.iter(*_BLOCK_TAGS):
        pos = order.get(el, 0)
        if pos >= order[body_el]:
            break
        if pos <= start:
            continue
        c = _cls(el)
        if not c.strip() or not _LEAD_CLASS.search(c.replace("_", " ")) or _NOT_LEAD.search(c):
            continue
        if any(a.tag in ("nav", "aside", "footer", "figure", "figcaption", "a") for a in el.iterancestors()):
            continue
        txt = _text_of(el)
        if len(txt) < 40 or len(txt) > 800 or txt.count(" ") < 6:
            continue
        key = normalise_text(txt)
        if key == tkey or key in known or any(key in k for k in known):
            continue
        best = txt  # keep the last candidate: closest to the body
    return best


# ------------------------------------------------------------------ metadata

_AGENCY_NAMES = A.pattern()  # the wire-agency registry (newsledger.agencies)

_DATELINE_PAREN = re.compile(
    r"^([A-Z][A-Za-z\u00C0-\u024F.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z\u00C0-\u024F.'’\- ]{1,30})?)\s*"
    r"\(([^)]{1,40})\)\s*[-—–:]")
_DATELINE_CAPS = re.compile(
    r"^([A-Z][A-Z\u00C0-\u00DE.'’\- ]{2,30}(?:,\s*[A-Z][A-Za-z.\u00C0-\u024F ]{1,30})?)\s*[-—–]{1,2}\s")
_DATELINE_IN = re.compile(
    r"\b(?:Agence France-Presse|AFP|Reuters|Associated Press|AP|Guardian staff(?: and agencies)?|"
    r"[A-Z][a-z]+ [A-Z][a-z]+) in ([A-Z][A-Za-z\u00C0-\u024F\- ]{2,30})$")
_REUTERS_TAIL = re.compile(r"^\(?(?:reporting|additional reporting|writing) by\b.*(?:editing by|;)", re.I)
_AGENCY_TAIL = re.compile(r"^(?:[-—–(]\s*)?(?:with |source:\s*)?(" + _AGENCY_NAMES + r")(?:[/ ,]+\w+)?\)?\.?$", re.I)


def normalise_agency(s: str) -> Optional[str]:
    """The short name of the wire ``s`` names (a listed one, or one named like a wire)."""
    return A.short_name(s)


_BYLINE_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|;|\|)\s*", re.I)
_BYLINE_JUNK = re.compile(
    r"https?://|www\.|@|\bstaff\b|\bteam\b|\bdesk\b|\beditor(?:s|ial)?\b|\bnews\b|\bagenc(?:y|ies)\b|"
    r"\bredaktion\b|\bcorrespondent\b|\breporter\b|\bwriter\b|\bcontributor\b|\bupdated\b|\bpublished\b|"
    r"\d", re.I)


_ROLE_PART = re.compile(r"\b(?:staff|editor|correspondent|reporter|writer|contributor|columnist|technologist|"
                        r"analyst|director|fellow|professor|producer)\b", re.I)
_BY_PREFIX = re.compile(r"^(?:(?:written|reported|posted|published|geschrieben|verfasst|erstellt|eingestellt|"
                        r"veröffentlicht) )?(?:by|von|par|por|di|door)\s*:?\s+", re.I)
_PIPE_TAIL = re.compile(r"\s*\|.*$")


_CJK_NAME = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]{2,4}")  # "배윤경", "王小明": a full name in one word


def _uncased(word: str) -> bool:
    """The word is in a script with no capitals (Hangul, CJK, Arabic, Devanagari ...)."""
    c = word[:1]
    return c.isalpha() and not c.isupper() and not c.islower()


def _phrase(words: list[str]) -> bool:
    """A lower-case word that is no name particle ("Du verschickst eine Email an", "Veröffentlicht am"):
    a phrase or a label of the page, not a name."""
    return any(w[:1].islower() and w not in NAME_PARTICLES for w in words)


def _byline_string(raw: str) -> str:
    """The names' stretch of a byline string: the by-word before them, a "| ..." tail, a date and
    time after them taken off."""
    s = _PIPE_TAIL.sub("", _BY_PREFIX.sub("", _clean(raw)))
    cut = date_start(s)
    s = _without_weekday(s[:cut]) if cut else s  # "By Jane Roe March 11, 2015 3:46 PM": the date and time go
    return re.sub(r"\s*\((?:avec|with|mit|con|com|met)\s+([^)]*)\)?", r", \1", s)  # "A (avec B et C)"


# a weekday written right before the by-line's date ("Von Jane Roe Fr, 18. Oktober 2019"): an
# abbreviation only with its comma or dot ("Anh Do, March 11" keeps "Do": see _without_weekday)
_WEEKDAY_TAIL = re.compile(
    r"\s+(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So|lun|mar|mer|jeu|ven|sam|dim)[.,]|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
    r"Samstag|Sonnabend|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo)\b[.,]?)\s*$", re.I)


def _without_weekday(s: str) -> str:
    """``s`` (a by-line cut before its date) less a weekday at its end, when it stands apart ("Jane
    Roe, Friday,") or the name before it keeps two words ("Jane Roe Fr," -> "Jane Roe"; "Anh Do,"
    stays: "Do" is a surname there)."""
    cut = _WEEKDAY_TAIL.sub("", s)
    apart = cut.rstrip().endswith((",", ";"))
    return cut if cut != s and (apart or len(_BYLINE_SPLIT.split(cut)[-1].split()) >= 2) else s


_DOTTED_END = re.compile(r"(?:\b[A-ZÀ-ÖØ-Þ]|\bJr|\bSr)$")  # "Joe S.", "Perry Bacon Jr.": the dot is the name's


def _byline_part(raw_part: str) -> str:
    """One part of a byline without the punctuation around it, but with the dot that closes a
    final initial or "Jr." ("Jane R." stays "Jane R."; "Jane Roe." is "Jane Roe")."""
    part = raw_part.strip(" .-–—:/()")
    return part + "." if raw_part.rstrip(" -–—:/()").endswith(".") and _DOTTED_END.search(part) else part


def split_byline(raw: str) -> tuple[list[str], Optional[str]]:
    """Person names and agency from a byline string ("By A and B, Reuters")."""
    agency = normalise_agency(_clean(raw))
    names: list[str] = []
    for part in _BYLINE_SPLIT.split(_byline_string(raw)):
        part = _byline_part(part)
        if names and _ROLE_PART.search(part):
            break  # "A, Senior Staff Technologist, ACLU Speech, Privacy ...": the rest is A's role and employer
        if not part or len(part) > 50 or _BYLINE_JUNK.search(part) or A.is_name(part):
            continue
        words = part.split()
        if not 1 <= len(words) <= 5 or not any(w[:1].isupper() or _uncased(w) for w in words):
            continue
        if _phrase(words):
            continue
        if len(words) == 1 and not names and not _CJK_NAME.fullmatch(part):
            continue  # a lone word is rarely a full name ("Admin", "Editor"), unless written in CJK or Hangul
        if part.isupper():
            part = part.title()
        if part not in names:
            names.append(part)
    return names, agency


def _meta_index(tree) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        val = el.get("content")
        if key and val and val.strip():
            out.setdefault(key, []).append(val.strip())
    return out


def _jsonld(tree) -> dict[str, Any]:
    """The first article-like JSON-LD object (:func:`newsledger.extract.jsonld.article_object`), its
    authors given by reference read from the page's Person nodes the page shows
    (:func:`newsledger.extract.jsonld.resolved_authors`)."""
    objs = list(LD.ld_objects(tree))
    best = LD.article_object(objs)
    if LD.has_reference(best.get("author")):
        text = _visible_text(tree)
        best = {**best, "author": LD.resolved_authors(best["author"], objs, lambda name: _clean(name) in text)}
    return best


def _visible_text(tree) -> str:
    """The page's text as a reader sees it: no script or style element's text."""
    parts: list[str] = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and el.text:
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return _clean(" ".join(parts))


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_TITLE_SEP = re.compile(r"\s+(?:[|–—·•»:]|-{1,2})\s+")


def find_title(tree, meta: dict, ld: dict) -> Optional[str]:
    cands = [_first(meta.get("og:title")), _first(meta.get("twitter:title")), _first(ld.get("headline"))]
    cands = [c for c in cands if c]
    h1s = [t for t in (headline_of_h1(h) for h in tree.iter("h1")) if t and len(t) > 3]
    for h in h1s:
        hk = normalise_text(h)
        for c in cands:
            ck = normalise_text(c)
            if hk and (hk == ck or (len(hk) > 15 and (hk in ck or ck in hk))):
                return h
    if not cands:
        repeated = _heading_in_title(tree)
        if repeated:
            return repeated
    if cands:
        best = cands[0]
        parts = _TITLE_SEP.split(best)
        if len(parts) > 1 and len(parts[0]) >= 15:
            best = parts[0] if len(parts[0]) >= len(parts[-1]) else best
        return best
    if len(h1s) == 1:
        return h1s[0]
    title_el = tree.find(".//title")
    if title_el is not None:
        t = _clean(title_el.text_content())
        parts = _TITLE_SEP.split(t)
        return max(parts, key=len) if parts else t or None
    return h1s[0] if h1s else None


TITLE_PART_CHARS = 15  # a part of the <title> this long at least may be the headline


def _heading_in_title(tree) -> Optional[str]:
    """With no meta title: the <h1> or <h2> that the page's <title> repeats, whole or as one of
    its parts ("Headline | Site"), when the <h1> is a section name ("Allergies Health Center")."""
    title_el = tree.find(".//title")
    if title_el is None:
        return None
    t = _clean(title_el.text_content())
    keys = {normalise_text(p) for p in [t, *_TITLE_SEP.split(t)] if len(p) >= TITLE_PART_CHARS}
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            text = _text_of(h)
            if text and normalise_text(text) in keys:
                return text
    return None


_CAPS_CREDIT = re.compile(r"[A-Z]{2,5}")
# a class or id token of a comment, a comment list or a comment form (not "comments-open" and the like)
_COMMENT_TOKEN = re.compile(r"^(?:comments?|comments?[-_](?!count|link|open|closed).+|"
                            r"commentlist|commentform|respond|disqus_thread|recentcomments)$")


def _off_story(el) -> bool:
    """The element is in an aside, a footer or navigation, or in a comment, a comment list or a
    comment form (where "Name *" labels a field): one walk up its ancestors."""
    for node in (el, *el.iterancestors()):
        if node is not el and node.tag in ("aside", "footer", "nav"):
            return True
        if any(_COMMENT_TOKEN.match(t) for t in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()):
            return True
    return False


def _headline_pos(markup: dict, title: Optional[str]) -> Optional[int]:
    """The position of the <h1> that is the headline: the one whose text is the title, else the only one."""
    h1s = [(h, _text_of(h)) for h in markup["h1"]]
    h1s = [(h, t) for h, t in h1s if t]
    key = normalise_text(title or "")
    for h, t in h1s:
        if key and key in (normalise_text(t), normalise_text(headline_of_h1(h))):
            return markup["pos"][h]
    return markup["pos"][h1s[0][0]] if len(h1s) == 1 else None


def byline_candidates(markup: dict, title: Optional[str] = None) -> list:
    """The byline elements that may be the article's, nearest the headline first (document order
    when no <h1> is the headline): none in an aside, a footer, navigation or the comments."""
    els = [el for el in markup["byline"] if not _off_story(el)]
    head = _headline_pos(markup, title)
    if head is not None:
        pos = markup["pos"]
        els.sort(key=lambda el: abs(pos[el] - head))
    return els[:6]


_SURNAME_FIRST = re.compile(r"^([^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,2}), ([^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,2})$")


def _given_first(value: str) -> str:
    """A Dublin Core creator written "Surname, Given" (its convention: "Roe, Jane") as "Given Surname";
    "Jane Roe, John Doe" (two names of two words) and agencies are left as they are."""
    m = _SURNAME_FIRST.match(value.strip())
    if not m or min(len(m.group(1).split()), len(m.group(2).split())) > 1 or \
            any(A.is_name(side) or _BYLINE_SPLIT.search(side) for side in m.groups()):
        return value
    return f"{m.group(2)} {m.group(1)}"


def find_byline(markup: dict, meta: dict, ld: dict, lines: list[str],
                title: Optional[str] = None) -> tuple[list[str], Optional[str]]:
    agency: Optional[str] = None
    kinds: list[list[str]] = [_names(ld.get("author")), []]  # JSON-LD authors, meta authors, byline markup
    for key in ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"):
        kinds[1] += [_given_first(v) if key == "dc.creator" else v for v in meta.get(key, []) if not v.startswith("http")]
    kinds.append([])
    candidates = byline_candidates(markup, title)
    for el in candidates:
        t = _text_of(el)
        if t and len(t) <= 120:
            kinds[2].append(t)
    names: list[str] = []
    for sources in kinds:  # every name of the first kind that names anyone (all co-authors)
        for src in sources:
            n, ag = split_byline(src)
            agency = agency or ag
            if not names or sources is not kinds[-1]:
                names += [x for x in n if x not in names]
        if names:
            break
    names += [n for n in coauthors_beside(candidates, names, split_byline, set(markup["byline"])) if n not in names]
    for v in _names(ld.get("sourceOrganization")):
        agency = agency or normalise_agency(v)
    # credit lines in the text: first and last lines
    if not agency and lines:
        head = lines[0][:120]
        m = _DATELINE_PAREN.match(head)
        if m:  # "PORT ADREL (MPA) —": the credit in a dateline's brackets is the wire
            credit = m.group(2).strip()
            agency = normalise_agency(credit) or (credit if _CAPS_CREDIT.fullmatch(credit) else None)
        if not agency:
            m = _DATELINE_IN.search(lines[0]) if len(lines[0]) < 120 else None
            if m:
                agency = normalise_agency(m.group(0))
        for ln in lines[-3:]:
            if agency:
                break
            if _REUTERS_TAIL.search(ln):
                agency = "Reuters"
            elif len(ln) < 60 and _AGENCY_TAIL.match(ln):
                agency = normalise_agency(ln)
    return names, agency


def find_dateline(lines: list[str]) -> Optional[str]:
    for ln in lines[:2]:
        head = ln[:120]
        m = _DATELINE_PAREN.match(head)
        if m and (normalise_agency(m.group(2)) or m.group(2).isupper()):
            city = m.group(1).split(",")[0].strip()  # "SALTMERE, Aldoria (CNS) —" -> Saltmere
            return city.title() if city.isupper() else city
        m = _DATELINE_CAPS.match(head)
        if m and len(m.group(1).split(",")[0]) >= 3:
            city = m.group(1).split(",")[0].strip()
            return city.title()
        if len(ln) < 120:
            m = _DATELINE_IN.search(ln)
            if m:
                return m.group(1).strip()
    return None


def find_section(markup: dict, meta: dict, ld: dict) -> Optional[str]:
    sec = _first(meta.get("article:section"), ld.get("articleSection"), meta.get("section"),
                 meta.get("parsely-section"), meta.get("category"))
    if sec:
        return sec
    for bc in markup["breadcrumb"][:1]:
        items = [t for t in (_text_of(a) for a in bc.iter("a")) if t and len(t) < 40]
        items = [t for t in items if t.lower() not in ("home", "start", "startseite", "inicio", "accueil")]
        if items:
            return items[-1]
    return None


def find_caption(markup: dict) -> Optional[str]:
    """The first figure caption outside asides/footers (the lead image's, on article pages)."""
    for fc in markup["figcaption"]:
        if any(a.tag in ("aside", "footer", "nav") for a in fc.iterancestors()):
            continue
        t = _text_of(fc)
        if t:
            return t
    return None


_LANG_CODE = re.compile(r"[a-z]{2,3}")


def find_language(tree, meta: dict, ld: dict) -> Optional[str]:
    lang = tree.get("lang") or tree.get("xml:lang") or _first(meta.get("content-language"),
                                                                 meta.get("og:locale"), ld.get("inLanguage"))
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split("-")[0].lower()
    return lang if _LANG_CODE.fullmatch(lang) else None


def find_site(meta: dict, ld: dict, url: Optional[str]) -> Optional[str]:
    site = _first(meta.get("og:site_name"), ld.get("publisher"), meta.get("application-name"))
    if site and site.startswith(("http://", "https://", "www.")):
        url = site if "://" in site else "http://" + site
        site = None
    if site:
        return site
    if url:
        host = urlsplit(url).hostname or ""
        return host[4:] if host.startswith("www.") else (host or None)
    return None


def find_url(tree, doc_url: Optional[str], meta: dict) -> Optional[str]:
    if doc_url and doc_url.startswith(("http://", "https://")):
        return doc_url
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return link.get("href").strip()
    return _first(meta.get("og:url")) or doc_url


# ------------------------------------------------------------------ main


def _body_lines(tree, url: Optional[str], precision: bool) -> list[str]:
    import trafilatura

    kwargs = {"favor_precision": True} if precision else {"favor_recall": True}
    try:
        result = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=False,
                                             **kwargs)
    except Exception:
        return []
    text = getattr(result, "text", None) or ""
    return [ln for ln in (_clean(x) for x in text.split("\n")) if ln]


_PARSER: list = []  # the parser of load_html, built on first use


def _parser():
    """trafilatura's HTML parser (same options) whose element classes are looked up in C:
    lxml.html's own lookup is a Python call for every element object created (half a million
    per benchmark run, ~1 ms a page in trafilatura alone). Every element is still an
    ``HtmlElement`` (only the form-control subclasses, unused by trafilatura/htmldate, go)."""
    if not _PARSER:
        from lxml.etree import ElementDefaultClassLookup
        from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction

        parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                            remove_pis=True)
        parser.set_element_class_lookup(ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
        _PARSER.append(parser)
    return _PARSER[0]


# what trafilatura.utils.INVALID_XML_CHARS removes: C0 controls but tab, newline and carriage
# return (looked for in the UTF-8 bytes, where no other character has such a byte), and
# U+FFFE, U+FFFF (``in`` on a str is free when the page holds no character that wide)
_INVALID_XML_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NOT_INVALID = bytes(b for b in range(256) if b not in _INVALID_XML_BYTES)


def _has_invalid_xml_chars(html: str, data: bytes) -> bool:
    return bool(data.translate(None, _NOT_INVALID)) or "\ufffe" in html or "\uffff" in html


def load_html(html: str, data: Optional[bytes] = None):
    """``trafilatura.utils.load_html`` (2.3.1) for a decoded page, step for step, with
    :func:`_parser`: the page is parsed once, and trafilatura and htmldate are given the tree.
    ``data``: ``html`` as UTF-8, when the caller has it (spares the regex pass over the whole
    page that removes invalid XML characters when there are none)."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    parser = _parser()
    if data is None:
        data = _utf8(html)

    def from_bytes(s: str):
        try:
            return fromstring(s.encode("utf8", "surrogatepass"), parser=parser)
        except Exception:
            return None

    beginning = html[:50].lower()
    check_flag = is_dubious_html(beginning)
    if _has_invalid_xml_chars(html, data):
        html = repair_faulty_html(html, beginning)
    else:  # the same, less its no-op INVALID_XML_CHARS.sub() over the whole page
        html = _repair_faulty_html_valid(html, beginning)
    tree, fallback_parse = None, False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, fallback_parse = from_bytes(html), True
    except Exception:  # pragma: no cover
        tree = None
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = from_bytes(html)
    if tree is not None and check_flag and len(tree) < 2:  # not (well-formed) HTML at all
        tree = None
    return tree


def _repair_faulty_html_valid(htmlstring: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` (2.3.1) for a page without invalid XML characters."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML

    if "doctype" in beginning:
        firstline, _, rest = htmlstring.partition("\n")
        htmlstring = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in htmlstring[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            htmlstring = FAULTY_HTML.sub(r"\1>", htmlstring, count=1)
            break
    return htmlstring


def extract_html(doc: Document) -> Article:
    """Extract the article of an HTML page (see the module docstring)."""
    html = doc.decoded()
    if not html or not html.strip():
        raise ExtractError("no article text found")
    data = _utf8(html)  # shared by the parse and the junk scan
    try:
        tree = load_html(html, data)
    except Exception:
        tree = None
    if tree is None:
        raise ExtractError("no article text found")

    lines = _body_lines(tree, doc.url, precision=OPTIONS["precision"])
    if OPTIONS["recall_fallback"] and sum(len(x) for x in lines) < OPTIONS["min_chars"]:
        more = _body_lines(tree, doc.url, precision=False)
        if sum(len(x) for x in more) > sum(len(x) for x in lines):
            lines = more
    if sum(len(x.split()) for x in lines) < 5:  # a menu word or two is not an article
        raise ExtractError("no article text found")

    meta = _meta_index(tree)
    ld = _jsonld(tree)
    art = Article(source=doc.source)
    art.url = find_url(tree, doc.url, meta)
    art.title = find_title(tree, meta, ld)

    markup = page_markup(tree)
    captions = page_captions(markup) if OPTIONS["drop_captions"] else None
    lines, removed = clean_lines(lines, art.title, captions)
    if OPTIONS["lead_recovery"]:
        lead = recover_lead(tree, lines, art.title)
        if lead:
            lines.insert(0, lead)
    if not lines:
        raise ExtractError("no article text found")
    art.set_paragraphs(lines)
    art.removed = removed

    art.byline, art.agency = find_byline(markup, meta, ld, art.paragraphs, art.title)
    for r in removed:  # a byline line we dropped from the top still names the authors
        if r.reason == "byline" and not art.byline:
            art.byline, ag = split_byline(r.text)
            art.agency = art.agency or ag
    art.dateline = find_dateline(art.paragraphs)
    art.section = find_section(markup, meta, ld)
    art.caption = find_caption(markup)
    art.language = find_language(tree, meta, ld)
    art.site = find_site(meta, ld, art.url)
    if not _named(art.byline, art.site or art.url):
        art.byline = names_under_headline(markup, art.title) or art.byline
    if not _named(art.byline, art.site or art.url):
        art.byline = labelled_names(tree, split_byline, _off_story, art.site or art.url) or art.byline
    art.published, art.updated = find_dates(tree, markup, meta, ld, art.url,  # last: prunes the tree
                                            fast_path=OPTIONS["meta_date_fast_path"])
    art.removed += dropped_junk(html, art, data)
    return art


def _named(names: list[str], site: Optional[str]) -> bool:
    """Some name is a person's, not the site's or a newsroom's (:func:`newsledger.extract.byline.tidy_names`)."""
    from newsledger.extract.byline import tidy_names

    return bool(tidy_names(names, site))


REGION_CHARS = 1500  # the headline's region: its nearest ancestor with this much text at least
HEADER_LINES = 8  # the lines under the headline read for a by-line, up to the first paragraph
BODY_CHARS = 200  # a line this long is a standfirst's or the story's


def _headline_region(markup: dict, title: Optional[str]):
    """The headline <h1> and its nearest ancestor that holds some of the story too (or the page)."""
    head = _headline_pos(markup, title)
    if head is None:
        return None, None
    h1 = next(h for h in markup["h1"] if markup["pos"][h] == head)
    el = h1
    for el in h1.iterancestors():
        if len(el.text_content()) >= REGION_CHARS:
            break
    return h1, el


def names_under_headline(markup: dict, title: Optional[str]) -> list[str]:
    """For a page whose markup names no one: the names of a by-line among the short lines right
    under the headline <h1> ("Von: Jane Roe, John Doe" in a plain block, "Jane Roe | 05.04.2025"),
    read as the text extractor's header reads them (:func:`newsledger.extract.header.byline_names`);
    a bare line of one name is not taken (a dateline city looks the same)."""
    h1, region = _headline_region(markup, title)
    if region is None:
        return []
    from newsledger.extract.flatten import flatten_element
    from newsledger.extract.header import byline_names

    lines = [ln.strip() for ln in flatten_element(region).splitlines() if ln.strip()]
    key = normalise_text(_text_of(h1))
    start = next((i for i, ln in enumerate(lines) if normalise_text(ln) == key), None)
    if start is None:
        return []
    long_lines = 0
    for ln in lines[start + 1:start + 1 + HEADER_LINES]:
        long_lines += len(ln) >= BODY_CHARS
        if long_lines > 1:
            break  # the body has begun (the first long line may be a standfirst)
        names, evidence = byline_names(ln)
        if names and (evidence or len(names) > 1):
            return names
    return []


# cheap pre-filter: only lines with one of these words can earn a reported junk reason
_JUNK_HINT = re.compile(
    r"share|love|tweet|facebook|whatsapp|telegram|pinterest|linkedin|e-?mail|read (?:also|more)|"
    r"related|see also|more from|trending|most read|recommended|bonus|casino|spins|\bbet|odds|"
    r"deposit|jackpot|sponsored|advert|promo|has been|joined|get in touch|contact|@|reporter|"
    r"writer|comment|[%€$£]", re.I)
# pages that carry content-farm junk at all (plain substring scans of the lower-cased page)
_PAGE_JUNK = ("spread the love", "casino", "deposit bonus", "free spins", "read also",
              "get in touch", "has been a reporter", "has been a writer", "sponsored content")
_REPORTED = ("share-widget", "advertisement", "related-links", "author-bio", "comments")
# The scans run on the page's UTF-8 bytes lower-cased ASCII-only (4x cheaper than str.lower()),
# which finds exactly what ``k in html.lower()`` finds for these keys: lower-case ASCII, no "k"
# and none ending in "i" (the only non-ASCII characters whose lower case holds ASCII are
# U+212A KELVIN SIGN -> "k" and U+0130 -> "i" + U+0307). A key that breaks this is scanned
# the slow way.
_PAGE_JUNK_BYTES = tuple(k.encode("ascii") for k in _PAGE_JUNK
                         if k.isascii() and k == k.lower() and "k" not in k and not k.endswith("i"))
_PAGE_JUNK_SLOW = tuple(k for k in _PAGE_JUNK if k.encode("ascii", "replace") not in _PAGE_JUNK_BYTES)


def _utf8(html: str) -> bytes:
    return html.encode("utf-8", "surrogatepass")


def dropped_junk(html: str, art: Article, data: Optional[bytes] = None) -> list[Removed]:
    """Junk inside the page that trafilatura left out silently (share widgets, ads, "Read also"
    blocks, bios), so ``removed`` says what was dropped and why. Navigation menus and footers
    are left unlisted: every page has them. ``data``: ``html`` as UTF-8, when the caller has it."""
    low = (data if data is not None else _utf8(html)).lower()
    if not any(k in low for k in _PAGE_JUNK_BYTES) and not (
            _PAGE_JUNK_SLOW and any(k in html.lower() for k in _PAGE_JUNK_SLOW)):
        return []  # the common case: nothing worth a second pass
    from newsledger.extract.flatten import flatten_html
    from newsledger.extract.lines import line_info, line_rule

    kept = set(art.paragraphs) | {r.text for r in art.removed}
    out: list[Removed] = []
    for line in flatten_html(html).splitlines():
        line = line.strip()
        if not line or line in kept or len(line) > 600 or not _JUNK_HINT.search(line):
            continue
        reason = line_rule(line_info(line))
        if reason in _REPORTED:
            kept.add(line)
            out.append(Removed(line, reason))
    return out


def extract_html_string(html: str, url: Optional[str] = None, source: str = "<string>") -> Article:
    """Convenience wrapper for callers holding a decoded page."""
    return extract_html(Document(source=source, raw=html.encode("utf-8"), kind="html", url=url,
                                 encoding="utf-8"))


__all__ = ["extract_html", "extract_html_string", "clean_lines", "recover_lead", "split_byline",
           "normalise_agency", "OPTIONS"]

