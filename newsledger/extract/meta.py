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

from newsledger import agencies as A
from newsledger.extract.date_cues import PUBLISHED_WORDS, UPDATED_WORDS, cue
from newsledger.extract.lines import BULLET, BYLINE, BYLINE_STRIP, line_info
from newsledger.model import Article

# ---------------------------------------------------------------- agency

_AGENCY_ALT = A.pattern() + "|" + A.GENERIC_PATTERN


def find_agency(text_or_lines: Union[str, Iterable[str]]) -> Optional[str]:
    """The wire agency credited in a credit/dateline line or a short text, by its short name
    from the registry (:mod:`newsledger.agencies`); an unlisted wire by its acronym."""
    lines = [text_or_lines] if isinstance(text_or_lines, str) else list(text_or_lines)
    for line in lines:
        listed = A.find(line)
        if listed:
            return listed.short
    for line in lines:
        wire = A.generic(line)
        if wire:
            return wire[1]
    return None


# ---------------------------------------------------------------- byline

# lower-case words inside names ("Jean de la Roche", "Pedro dos Santos", "Jan ten Berge")
NAME_PARTICLES = frozenset("de da do dos das van von der den del della degli la le di du zu bin ibn ben al el y ter ten "
                           "af op".split())
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:" + "|".join(sorted(NAME_PARTICLES)) + ")$")
_ROLE = re.compile(r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|senior|chief|"
                   r"for |in |special to|photographer|journalist)\b", re.I)


def split_byline(s: str) -> list[str]:
    """People named in a byline: "By A, B and C" -> ["A", "B", "C"]; roles, agencies,
    dates and handles are dropped."""
    s = BULLET.sub("", s or "").strip()
    s = BYLINE_STRIP.sub("", s).strip()
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


_DATELINE_TWO_LINE = re.compile(
    r"^([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}),\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Z][a-z]+)"
    r"(?:,?\s+\d{4})?\s*\(([^)]{2,40})\)\s*[-–—:]?\s*$")


def two_line_dateline(line: str) -> Optional[tuple[str, Optional[str]]]:
    """(city, agency) of a dateline on its own line: "Port Lindell, March 12 (Reuters)"."""
    m = _DATELINE_TWO_LINE.match((line or "").strip())
    return (m.group(1), find_agency(m.group(2))) if m else None


def find_dateline(lines: Iterable[str]) -> Optional[str]:
    """The city of the dateline: "Agence France-Presse in Seoul", "SEOUL (Reuters) - ..." or a
    line of its own, "Port Lindell, March 12 (Reuters)"."""
    for line in lines:
        line = (line or "").strip()
        own = two_line_dateline(line)
        if own:
            return own[0]
        m = _DATELINE_AGENCY.search(line)
        if m:
            return _city(m.group(1))
        m = _DATELINE_CAPS.match(line)
        if m and not re.match(r"^(?:UPDATE|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|WATCH|PHOTOS?|VIDEO|LIVE)\b",
                              m.group(1)):
            return _city(m.group(1))
    return None


# ---------------------------------------------------------------- dates

_MONTH_NAMES = {  # month number -> names and abbreviations in the languages we meet
    1: "jan january januar janvier enero gennaio janeiro januari stycznia styczeń ledna leden ocak ocak "
       "января январь січня tammikuu jänner",
    2: "feb february februar février fevrier febrero febbraio fevereiro februari lutego luty února únor şubat "
       "февраля февраль лютого",
    3: "mar march märz maerz mars marzo março marco maart maret marca marzec března březen mart марта март "
       "березня",
    4: "apr april avril abril aprile kwietnia kwiecień dubna duben nisan апреля апрель квітня",
    5: "may mai mayo maggio maio mei maj maja maj května květen mayıs мая май травня",
    6: "jun june juni juin junio giugno junho czerwca czerwiec června červen haziran июня июнь червня",
    7: "jul july juli juillet julio luglio julho lipca lipiec července červenec temmuz июля июль липня",
    8: "aug august août aout agosto augustus agustus augusti sierpnia sierpień srpna srpen ağustos августа "
       "август серпня",
    9: "sep sept september septembre septiembre settembre setembro september września wrzesień září "
       "eylül сентября сентябрь вересня",
    10: "oct october oktober octobre octubre ottobre outubro okt października październik října říjen ekim "
        "октября октябрь жовтня",
    11: "nov november novembre noviembre novembro listopada listopad listopadu kasım ноября ноябрь "
        "листопада",
    12: "dec december dezember décembre decembre diciembre dicembre dezembro desember des dez grudnia "
        "grudzień prosince prosinec aralık декабря декабрь грудня",
}
_MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
# a month name may follow a glued word ("Associated PressApril 28, 2023"): lower-to-upper is a boundary
_B = r"(?:\b|(?<=[a-z])(?=[A-Z]))"
# dates may follow a glued word ("Lutz Molter2021-12-14T12:38", "eröffnet20.10.2021"): no \b before them
_D_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# a year may be glued to the clock after it ("Apr 28 20232:23 PM": spans flattened without a space) or to
# the date written again ("28. Juli 201928. Juli 2019")
_YEAR = r"(\d{4})(?:(?!\d)|(?=\d{1,2}:\d{2}(?!\d))|(?=\d{1,2}(?:st|nd|rd|th)?\.?\s?[^\W\d_]))"
_D_MDY = re.compile(rf"{_B}({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I)
# "21 dez 2018", "3. März 2024", "21.dez.2018" (dots for spaces), "5 de mayo de 2024", after a glued word ("on28. Juli")
_D_DMY = re.compile(rf"(?:\b|(?-i:(?<=[a-zäöüß])))(\d{{1,2}})(?:st|nd|rd|th|er|º)?(?:\.\s*|\s+)(?:de\s+)?({_MON})(?:\.?,?\s+|\.)(?:de\s+)?{_YEAR}",
                    re.I)
_D_YMD_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# "2020.06.04", "2020/6/4", and with a space after each dot as Hungarian and Korean write it ("2020. 06. 04.";
# read day-first as "06. 04. 20…" before, with a two-digit year: 2020-06-04 became 2011-04-06)
_D_YMD_DOT = re.compile(r"\b(\d{4})(?:[./]|\.\s)(\d{1,2})(?:[./]|\.\s)(\d{1,2})\b")
# "13.01.2020", "13. 01. 2020", "1/2/2024"; the year may be glued to a clock or to the date repeated
# (four digits then ":44" are a two-digit year glued to its clock: "28.09.1912:44" is 28.09.19 12:44)
_D_NUM = re.compile(r"(?<![\d.])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4})(?:(?!\d|:\d)|(?=\d{1,2}[.:/]\d))")
# two-digit years: "19.10.19, 11:29", "02/11/23 à 16h33" (not a version number "1.2.3.4"), "28.09.1912:44"
_D_NUM2 = re.compile(r"(?<![\d.])(\d{1,2})([./])\s?(\d{1,2})\2\s?(\d{2})(?:(?![\d]|\.\d|/\d)|(?=\d{1,2}:\d{2}(?!\d)))")
# a clock, with a.m. / p.m. after it or, as Korean and Chinese write it, before it ("오후 3:12", "下午3:12": 15:12)
_TIME = re.compile(r"(?:(?P<before>오전|오후|上午|下午)\s*|\b)(\d{1,2})[:h](\d{2})(?!\d)(?:\s*([ap])\.?m\.?)?", re.I)
_PM_BEFORE = ("오후", "下午")


def numeric_order(texts: Iterable[str], language: Optional[str] = None) -> tuple[Optional[bool], str]:
    """Whether "a/b/yyyy" dates on this page are day-first: (True/False, how it was decided), or
    (None, "unknown") when nothing tells. Evidence in order: a numeric date on the page whose
    first or second number is over 12; dates with the month spelled out ("2 May" vs "May 2");
    the page's language (English is left undecided: US and UK pages differ)."""
    day_first = month_first = 0
    for t in texts:
        for m in _D_NUM.finditer(t or ""):
            a, b = int(m.group(1)), int(m.group(3))
            if m.group(2) == "." or a > 12 >= b:
                day_first += 1
            elif b > 12 >= a:
                month_first += 1
    if day_first != month_first:
        return day_first > month_first, "numeric dates on the page"
    zoned = _zone_order(texts)
    if zoned is not None:
        return zoned, "the time zone of a numeric date on the page"
    spelled_dmy = sum(len(_D_DMY.findall(t or "")) for t in texts)
    spelled_mdy = sum(len(_D_MDY.findall(t or "")) for t in texts)
    if spelled_dmy != spelled_mdy:
        return spelled_dmy > spelled_mdy, "dates with the month spelled out on the page"
    if language and language != "en":
        return True, f"page language {language}"
    return None, "unknown"


# the zone written after a numeric date's clock: Europe's write day first, the United States' month first
_ZONE_DAY_FIRST = re.compile(r"^(?:(?:GMT|UTC)\s*\+\s*0?[0-3](?::?00)?|GMT|UTC|BST|IST|WET|WEST|CET|CEST|MEZ|MESZ|EET|EEST|MSK)$")
_ZONE_MONTH_FIRST = re.compile(r"^(?:(?:GMT|UTC)\s*-\s*0?[4-8](?::?00)?|E[SD]T|P[SD]T|M[SD]T|CDT|ET|PT|HST|AKST|AKDT)$")
_AFTER_CLOCK_ZONE = re.compile(r"^\W{0,4}\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*\(?((?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\b")


def _zone_order(texts: Iterable[str]) -> Optional[bool]:
    """Day-first (True) or month-first (False) from the zone a page writes after the clock of an
    ambiguous numeric date ("06/01/2026 - 13:55 GMT+1"), or None when no such zone tells."""
    votes = 0
    for t in texts:
        for m in _D_NUM.finditer(t or ""):
            z = _AFTER_CLOCK_ZONE.match(t[m.end():m.end() + 40])
            zone = z.group(1).replace(" ", "") if z else ""
            votes += 1 if _ZONE_DAY_FIRST.match(zone) else -1 if _ZONE_MONTH_FIRST.match(zone) else 0
    return None if votes == 0 else votes > 0


def parse_date(s: str, day_first: Optional[bool] = None) -> Optional[str]:
    """First date (and time) in ``s`` as ISO 8601, or a bare "HH:MM" when only a time is given.
    ``day_first`` settles "03/04/2024" (dots are always day-first); when it is None an ambiguous
    slash date is read month-first, as before (callers that care decide with
    :func:`numeric_order` and flag the guess)."""
    s = s or ""
    date, m = _find_date(s, day_first)
    if date and m.re is _D_ISO and m.group(4):  # "2021-12-14T12:38:19+01:00": the clock is the stamp's own
        return f"{date}T{m.group(4)}:{m.group(5)}"
    rest = s[m.end():m.end() + 16] if (m and date) else s  # a clock right after the date
    t = _TIME.search(rest) or (None if date else _TIME.search(s))
    clock = None
    if t:
        h, mi = int(t.group(2)), int(t.group(3))
        if t.group(4) or t.group("before"):
            pm = t.group("before") in _PM_BEFORE if t.group("before") else t.group(4).lower() == "p"
            h = h % 12 + (12 if pm else 0)
        if h < 24 and mi < 60:
            clock = f"{h:02d}:{mi:02d}"
    if date and clock:
        return f"{date}T{clock}"
    return date or clock


def _find_date(s: str, day_first: Optional[bool]):
    """(ISO day, the match) of the first full date in ``s``, or (None, None)."""
    m = _D_ISO.search(s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", m
    for rx, order in ((_D_MDY, (3, 1, 2)), (_D_DMY, (3, 2, 1)), (_D_YMD_CJK, (1, 2, 3)), (_D_YMD_DOT, (1, 2, 3))):
        m = rx.search(s)
        if m:
            y, mo, d = (m.group(k) for k in order)
            date = _ymd(y, mo if mo.isdigit() else _MONTHS[mo.lower()], d)
            if date:
                return date, m
    for rx in (_D_NUM, _D_NUM2):
        m = rx.search(s)
        if m:
            a, b = int(m.group(1)), int(m.group(3))
            # dots: day.month (European); slashes: as decided, unless one number is > 12
            first = True if m.group(2) == "." or a > 12 else False if b > 12 else bool(day_first)
            day, month = (a, b) if first else (b, a)
            year = m.group(4) if len(m.group(4)) == 4 else _century(int(m.group(4)))
            return _ymd(year, month, day), m
    return None, None


def date_start(s: str) -> Optional[int]:
    """Where the first full date in ``s`` starts ("Jane Roe March 11, 2015" -> 9), or None."""
    span = date_span(s)
    return span[0] if span else None


def date_span(s: str) -> Optional[tuple[int, int]]:
    """Where the first full date in ``s`` starts and ends, or None."""
    date, m = _find_date(s or "", None)
    return m.span() if date else None


def _century(yy: int) -> int:
    """A two-digit year: 00-40 this century, 41-99 the last (news pages)."""
    return 2000 + yy if yy <= 40 else 1900 + yy


def _ymd(y, mo, d) -> Optional[str]:
    y, mo, d = int(y), int(mo), int(d)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_PUB = cue(PUBLISHED_WORDS, "date")  # a labelled metadata line: "Date: 3 March 2024"
_UPD = cue(UPDATED_WORDS, "stand")  # "Stand: 03.03.2024 12:50 Uhr"


# a quoted post's signature before a date: "— Jane Roe (@janeroe) March 3, 2024" (an embedded tweet)
_EMBED_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s*$")
PROSE_LINE = 12  # words on a line that may be a sentence of prose
PROSE_WORDS = 2  # lower-case words on each side of its date that make such a line a sentence


def quoted_date(text: str, cue: re.Pattern = _PUB) -> bool:
    """The date on the line is no stamp of the page: it closes a quoted post's signature, or it
    stands inside a sentence (the story's prose, a caption: "The council said on 3 March 2024
    that it would ...") on a line of ``PROSE_LINE`` words or more with no "Published" ``cue``."""
    span = date_span(text)
    if span is None:
        return False
    if _EMBED_SIGNATURE.search(text[:span[0]]):
        return True
    if len(text.split()) < PROSE_LINE or cue.search(text):
        return False
    return min(_lower_words(text[:span[0]]), _lower_words(text[span[1]:])) >= PROSE_WORDS


def _lower_words(text: str) -> int:
    return sum(1 for w in text.split() if w[0].islower())


# a reader's comment's stamp under the story: "Jane Roe March 3, 2024 at 4:59 pm Reply", "3. März 2024 um 9:46"
_STAMP_BEFORE = re.compile(r"^[\W\d]*(?:[A-Z][\w'’.-]*\s+){0,3}$")
_STAMP_AFTER = re.compile(r"^\s*,?\s*(?:at|um|à|a las|alle)\s+\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr)?\s*"
                          r"(?:reply|antworten|répondre|responder|rispondi)?\s*$", re.I)


def comment_stamp(text: str) -> bool:
    """The line is a date and a clock and nothing else but a name or a "Reply" link: under the
    story, a reader's comment's stamp, no evidence of when the story was published."""
    span = date_span(text)
    return bool(span) and bool(_STAMP_BEFORE.match(text[:span[0]])) and bool(_STAMP_AFTER.match(text[span[1]:]))


def find_dates(lines: Iterable[str]) -> tuple[Optional[str], Optional[str]]:
    """(published, updated) from metadata lines: "Published at 10:09 Updated at 12:50"."""
    published = updated = None
    for line in lines:
        line = line or ""
        um = _UPD.search(line)
        head, tail = (line[:um.start()], line[um.start():]) if um else (line, "")
        if tail and not updated:
            updated = parse_date(tail[um.end() - um.start():])
        if not published and (_PUB.search(head) or not um) and not quoted_date(head):
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
    # byline lines of the header; else the page's first one (later ones credit teasers of other stories)
    bylines = [ln for ln, r in head if r == "byline"] or by_reason.get("byline", [])[:1]
    for ln in bylines:
        if BYLINE.match(BULLET.sub("", ln).strip()):
            for name in split_byline(ln):
                if name not in names:
                    names.append(name)
    if not names:
        for ln in bylines:
            for name in split_byline("By " + BULLET.sub("", ln).strip()):
                if name not in names:
                    names.append(name)
    art.byline = art.byline or names

    credit_lines = by_reason.get("dateline", []) + by_reason.get("byline", [])
    body_head = [ln for ln, r in items[first_body:first_body + 3] if r is None]
    art.agency = art.agency or find_agency(credit_lines) or _lead_agency(body_head)
    art.dateline = art.dateline or find_dateline(by_reason.get("dateline", []) + body_head[:1])

    sections = by_reason.get("section", [])
    if sections and not art.section:
        art.section = BULLET.sub("", sections[0]).strip()

    if not art.published:
        meta_lines = [ln for ln, r in head if r in ("metadata", "dateline", "byline")]
        meta_lines += [ln for ln, r in items[first_body:] if r == "metadata" and not comment_stamp(ln)][:2]
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
