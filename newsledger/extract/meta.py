"""Metadata read from text lines: title, byline, agency, dateline, section, dates, caption.

Small functions, usable on their own by the HTML path:

- :func:`find_agency` — the wire credited ("Agence France-Presse" -> "AFP").
- :func:`split_byline` — "By A, B and C" -> ["A", "B", "C"].
- :func:`find_dateline` — "Agence France-Presse in Seoul" / "SEOUL (Reuters) -" -> "Seoul".
- :func:`parse_date` / :func:`find_dates` — "Published at 10:09 Updated at 12:50" ->
  ("10:09", "12:50"); full dates to ISO 8601. Dates are only read from metadata lines near
  the top, never from an author bio or body text ("since 2013").
- :func:`fill_article` — all of the above from lines already classified by
  :func:`newsledger.extract.lines.classify_lines`.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from newsledger.extract.lines import _BULLET, _BYLINE, _BYLINE_STRIP, line_info
from newsledger.model import Article

# ---------------------------------------------------------------- agency

AGENCIES: list[tuple[str, str]] = [
    (r"Agence France[- ]Presse|\bAFP\b", "AFP"),
    (r"Associated Press|\(AP\)|\bAP\b(?= Photo| —| -|\)|$)|^AP\b", "AP"),
    (r"\bReuters\b", "Reuters"),
    (r"Deutsche Presse-Agentur|\bdpa\b", "dpa"),
    (r"\bXinhua\b", "Xinhua"),
    (r"\bKyodo\b", "Kyodo"),
    (r"\bYonhap\b", "Yonhap"),
    (r"\bEFE\b|Agencia EFE", "EFE"),
    (r"\bANSA\b", "ANSA"),
    (r"United Press International|\bUPI\b", "UPI"),
    (r"Press Trust of India|\bPTI\b", "PTI"),
    (r"\bIANS\b", "IANS"),
    (r"Asian News International|\bANI\b", "ANI"),
    (r"\bTASS\b", "TASS"),
    (r"\bInterfax\b", "Interfax"),
    (r"Anadolu(?: Agency| Ajansı)?", "Anadolu"),
    (r"Australian Associated Press|\bAAP\b", "AAP"),
    (r"Canadian Press", "The Canadian Press"),
    (r"Press Association|\bPA Media\b", "PA"),
    (r"Europa Press", "Europa Press"),
    (r"\bBernama\b", "Bernama"),
    (r"\bAntara\b", "Antara"),
]
# Any other wire named like one: "Meridian Press Agency (MPA)", "Continental News Service".
GENERIC_AGENCY = (r"(?:[A-Z][a-z]+\s+){1,3}(?:Press Agency|News Agency|News Service|Press Service|"
                  r"Wire Service|Telegraph Agency)(?:\s*\([A-Z]{2,6}\))?")
_GENERIC_RE = re.compile(GENERIC_AGENCY)
_AGENCY_RES = [(re.compile(p), name) for p, name in AGENCIES]
_AGENCY_ALT = "|".join([p for p, _ in AGENCIES] + [GENERIC_AGENCY])


def _generic_agency(line: str) -> Optional[str]:
    """A wire not in the list, by its name's shape; canonical name = its acronym."""
    m = _GENERIC_RE.search(line or "")
    if not m:
        return None
    acro = re.search(r"\(([A-Z]{2,6})\)", m.group(0))
    if acro:
        return acro.group(1)
    words = re.findall(r"[A-Z][a-z]+", m.group(0))
    return "".join(w[0] for w in words)


def find_agency(text_or_lines: Union[str, Iterable[str]]) -> Optional[str]:
    """The wire agency credited in a credit/dateline line or a short text, canonical name."""
    lines = [text_or_lines] if isinstance(text_or_lines, str) else list(text_or_lines)
    for line in lines:
        for rx, name in _AGENCY_RES:
            if rx.search(line or ""):
                return name
    for line in lines:
        name = _generic_agency(line)
        if name:
            return name
    return None


# ---------------------------------------------------------------- byline

_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|el|y|ter)$")
_ROLE = re.compile(r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|senior|chief|"
                   r"for |in |special to|photographer|journalist)\b", re.I)


def split_byline(s: str) -> list[str]:
    """People named in a byline: "By A, B and C" -> ["A", "B", "C"]; roles, agencies,
    dates and handles are dropped."""
    s = _BULLET.sub("", s or "").strip()
    s = _BYLINE_STRIP.sub("", s).strip()
    s = re.sub(r"\s*(?:\||•|·|—|–| - ).*$", "", s)  # "Name | date", "Name — Agency"
    s = re.sub(r"@\w+", "", s)
    s = re.sub(r"\((?:[^)]*)\)", "", s)
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boraz\b)\s*", s)
    out: list[str] = []
    for p in parts:
        p = p.strip(" .:")
        if not p or _ROLE.search(p) or find_agency(p):
            continue
        toks = p.split()
        if not 1 <= len(toks) <= 5 or not all(_NAME_TOKEN.match(t) for t in toks):
            continue
        if len(toks) == 1 and not out:
            continue
        if p not in out:
            out.append(p)
    return out


# ---------------------------------------------------------------- dateline

_DATELINE_AGENCY = re.compile(rf"(?:{_AGENCY_ALT})\s+(?:in|from)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})")
_DATELINE_CAPS = re.compile(
    r"^([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?:[^)]{1,40})\))?\s*[-–—:]\s")


def _city(s: str) -> str:
    s = s.strip(" ,.-")
    return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in s.split()) if s.isupper() \
        else s


def find_dateline(lines: Iterable[str]) -> Optional[str]:
    """The city of the dateline: "Agence France-Presse in Seoul" or "SEOUL (Reuters) - ..."."""
    for line in lines:
        line = (line or "").strip()
        m = _DATELINE_AGENCY.search(line)
        if m:
            return _city(m.group(1))
        m = _DATELINE_CAPS.match(line)
        if m and not re.match(r"^(?:UPDATE|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|WATCH|PHOTOS?|VIDEO|LIVE)\b",
                              m.group(1)):
            return _city(m.group(1))
    return None


# ---------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "janvier": 1, "enero": 1, "feb": 2, "february": 2, "februar": 2,
    "février": 2, "febrero": 2, "mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3, "apr": 4,
    "april": 4, "avril": 4, "abril": 4, "may": 5, "mai": 5, "mayo": 5, "jun": 6, "june": 6, "juni": 6,
    "juin": 6, "junio": 6, "jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7, "aug": 8,
    "august": 8, "août": 8, "agosto": 8, "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "septiembre": 9, "oct": 10, "october": 10, "oktober": 10, "octobre": 10, "octubre": 10, "nov": 11,
    "november": 11, "novembre": 11, "noviembre": 11, "dec": 12, "december": 12, "dezember": 12,
    "décembre": 12, "diciembre": 12,
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_D_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_D_MDY = re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_D_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({_MON})\.?,?\s+(\d{{4}})\b", re.I)
_D_NUM = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?", re.I)


def parse_date(s: str) -> Optional[str]:
    """First date (and time) in ``s`` as ISO 8601, or a bare "HH:MM" when only a time is given."""
    s = s or ""
    date = None
    m = _D_ISO.search(s)
    if m:
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    else:
        m = _D_MDY.search(s)
        if m:
            date = _ymd(m.group(3), _MONTHS[m.group(1).lower()], m.group(2))
        else:
            m = _D_DMY.search(s)
            if m:
                date = _ymd(m.group(3), _MONTHS[m.group(2).lower()], m.group(1))
            else:
                m = _D_NUM.search(s)
                if m:
                    a, b = int(m.group(1)), int(m.group(3))
                    # dots: day.month (European); slashes: month/day unless the first is > 12
                    day, month = (a, b) if m.group(2) == "." or a > 12 else (b, a)
                    date = _ymd(m.group(4), month, day)
    rest = s[m.end():] if (m and date) else s
    t = _TIME.search(rest) or (None if date else _TIME.search(s))
    clock = None
    if t:
        h, mi = int(t.group(1)), int(t.group(2))
        if t.group(3):
            h = h % 12 + (12 if t.group(3).lower() == "p" else 0)
        if h < 24 and mi < 60:
            clock = f"{h:02d}:{mi:02d}"
    if date and clock:
        return f"{date}T{clock}"
    return date or clock


def _ymd(y, mo, d) -> Optional[str]:
    y, mo, d = int(y), int(mo), int(d)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_PUB = re.compile(r"\b(?:published|posted|first published|publié|veröffentlicht|publicado|pubblicato|"
                  r"erschienen|date)\b", re.I)
_UPD = re.compile(r"\b(?:updated|last updated|last modified|modified|mis à jour|aktualisiert|"
                  r"actualizado|aggiornato|stand)\b", re.I)


def find_dates(lines: Iterable[str]) -> tuple[Optional[str], Optional[str]]:
    """(published, updated) from metadata lines: "Published at 10:09 Updated at 12:50"."""
    published = updated = None
    for line in lines:
        line = line or ""
        um = _UPD.search(line)
        head, tail = (line[:um.start()], line[um.start():]) if um else (line, "")
        if tail and not updated:
            updated = parse_date(tail[um.end() - um.start():])
        if not published and (_PUB.search(head) or not um):
            val = parse_date(head)
            if val:
                published = val
    return published, updated


# ---------------------------------------------------------------- title, caption, section, language

_CAPTION_PREFIX = re.compile(r"^(?:photo|image|picture|foto|caption)\s*:\s*", re.I)


def guess_language(text: str) -> Optional[str]:
    """A cheap language guess from stop-word counts (en, de, fr, es, it, pt, nl, pl, ru),
    or from the script for CJK/Korean/Cyrillic; None when unsure."""
    from newsledger.extract.lines import STOPWORDS

    sample = text[:20000]
    if not sample.strip():
        return None
    kana = len(re.findall(r"[\u3040-\u30ff]", sample))
    hangul = len(re.findall(r"[\uac00-\ud7af]", sample))
    han = len(re.findall(r"[\u4e00-\u9fff]", sample))
    letters = len(re.findall(r"[^\W\d_]", sample)) or 1
    if hangul / letters > 0.3:
        return "ko"
    if kana / letters > 0.1:
        return "ja"
    if han / letters > 0.3:
        return "zh"
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if not words:
        return None
    counts = {lang: sum(w in sw for w in words) for lang, sw in STOPWORDS.items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    if lang == "ru" and len(re.findall(r"[а-яё]", sample.lower())) / letters < 0.3:
        return None
    return lang if best >= max(3, 0.12 * len(words)) or (best >= 3 and best / len(words) > 0.08) else None


def fill_article(art: Article, lines: list[str], reasons: list[Optional[str]]) -> Article:
    """Set title, byline, agency, dateline, section, published/updated, caption, language
    on ``art`` from classified lines (``reasons`` from ``classify_lines``)."""
    items = [(ln.strip(), r) for ln, r in zip(lines, reasons) if ln and ln.strip()]
    first_body = next((i for i, (_, r) in enumerate(items) if r is None), len(items))
    head = items[:first_body]
    by_reason: dict[str, list[str]] = {}
    for ln, r in items:
        if r:
            by_reason.setdefault(r, []).append(ln)

    title = by_reason.get("title", [None])[0]
    if not title:
        for ln, r in head:
            if r in (None, "navigation") and line_info(ln).headline and line_info(ln).words >= 3 \
                    and not ln.lstrip().startswith("•"):
                title = ln
                break
    art.title = art.title or title

    names: list[str] = []
    for ln in by_reason.get("byline", []):
        if _BYLINE.match(_BULLET.sub("", ln).strip()):
            for name in split_byline(ln):
                if name not in names:
                    names.append(name)
    if not names:
        for ln in by_reason.get("byline", []):
            for name in split_byline("By " + _BULLET.sub("", ln).strip()):
                if name not in names:
                    names.append(name)
    art.byline = art.byline or names

    credit_lines = by_reason.get("dateline", []) + by_reason.get("byline", [])
    body_head = [ln for ln, r in items[first_body:first_body + 3] if r is None]
    art.agency = art.agency or find_agency(credit_lines) or _lead_agency(body_head)
    art.dateline = art.dateline or find_dateline(by_reason.get("dateline", []) + body_head[:1])

    sections = by_reason.get("section", [])
    if sections and not art.section:
        art.section = _BULLET.sub("", sections[0]).strip()

    if not art.published:
        meta_lines = [ln for ln, r in head if r in ("metadata", "dateline", "byline")]
        meta_lines += [ln for ln, r in items[first_body:] if r == "metadata"][:2]
        art.published, upd = find_dates(meta_lines)
        art.updated = art.updated or upd

    caps = by_reason.get("caption", [])
    if caps and not art.caption:
        art.caption = caps[0]
    if not art.language:
        art.language = guess_language(art.text or "\n".join(ln for ln, _ in items))
    return art


def _lead_agency(body_head: list[str]) -> Optional[str]:
    """An agency credited in the lead's dateline: "SEOUL (Reuters) -", "(AP) —"."""
    for ln in body_head[:1]:
        m = re.match(r"^.{0,80}?\(([^)]{2,40})\)\s*[-–—:]", ln)
        if m:
            return find_agency(m.group(1))
    return None
