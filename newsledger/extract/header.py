"""The article's header in flattened text: which line is the headline, who wrote it and when.

:func:`newsledger.extract.lines.classify_lines` finds the body; the header is read around the
body's first line, whatever flattener made the text (one line per block, markdown from
html2text, or a browser-``innerText``-like rendering):

- **headline**: of the headline-shaped lines up to :data:`HEAD_WINDOW` lines above the body (or
  the body's first lines, when they are no prose), the one that best fits: a markdown ``#``
  heading, words shared with the lead, close to the body, not a date / byline / caption /
  section label / standfirst sentence, a bonus just above a "By ..." line; a line that is another
  line plus a site suffix or breadcrumb yields to the bare line, and a menu label before a bar is
  dropped ("Economy | Headline"); tag lists, short date lines, bare two-word names and lines
  naming a domain are no headline, a name-shaped line of three or four words may be one
  ("Four Years Remaining"); a line that another non-prose line repeats with more around it
  ("Share: Headline", "Headline | Site") gets a bonus; when no "By ..." line stands near the
  body (or nothing near it is a headline), the lines over the page's first "By ..." line are
  tried, read against the prose under that by-line (the body found may be another text); when
  nothing is found, the body's first line when it is no sentence and a by-line or date follows
  it closely (:func:`pick_title`,
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
  nothing on the page decides it, the guess is said in ``Header.date_note``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsledger.extract import meta as M
from newsledger.extract.byline import is_newsroom
from newsledger.extract.lines_kinds import LineInfo, line_info
from newsledger.extract.lines_vocab import _ALL_STOP, _BULLET, _BYLINE_STRIP, _CJK, _DATE, _WORD

HEAD_WINDOW = 40  # non-blank lines above the body's first line searched for the headline
INTO_BODY = 2  # the body's first lines may be the headline when they are no prose
NAME_ZONE_AFTER = 3
OVERLAP_ENOUGH = 0.4  # share of a headline's words found in the lead that counts as full agreement
MIN_TITLE_SCORE = 0.5  # name / date lines may sit this many lines into the body
_NOT_TITLE = {"metadata", "byline", "caption", "share-widget", "advertisement", "comments", "author-bio",
              "dateline", "boilerplate"}
EARLIEST_MARGIN = 1.5  # of the lines scoring this close to the best, the earliest is the headline (tuned on dev)
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp4|pdf)\b|^media caption\b", re.I)
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_BY_ALONE = re.compile(r"^(?:by|von|par|por|di|door|av|af|autor(?:in)?|author|auteur|text|"
                       r"author of the article|written by|reporter|redaktion|forfatter|"
                       r"skrevet av|napisał|napisała)\s*:?$", re.I)
_MEDIA = r"photo|foto|image|picture|credit|illustration|bild|kuva|zdjęcie|grafik|video|фото|коллаж|колаж|ілюстрація|" \
         r"иллюстрация"
_CREDIT = re.compile(rf"\b(?:{_MEDIA}|getty|reuters|afp)\b|©", re.I)
_MEDIA_WORD = rf"(?:(?:symbol|archiv|titel|beitrags)(?:bild|foto)|{_MEDIA})"  # "Symbolbild", "Archivfoto" too
# a credit or caption line ("Photo: Jane Roe", "Foto / dpa", "Image by Getty", "Jane Roe | Photo", "© Site",
# "(Reuters)"); a headline may name a photo or a video as its subject ("Photo of a Baby Sparks Controversy")
_CREDIT_LINE = re.compile(rf"©|\b(?:getty|reuters|afp)\b|\b{_MEDIA_WORD}s?\s*(?:[:/|]|\b(?:by|von|courtesy)\b)|"
                          rf"\b{_MEDIA_WORD}\W*$", re.I)
_GLUED_TAIL = re.compile(
    r"(?<=[a-zà-ÿ])(?=\d|(?:News|Senior|Chief|Political|Politics|Published|Updated|Posted|The |Staff|Travel|"
    r"Sports?|Business|Deputy|Associate|Assistant|Reporter|Correspondent|Editor|Writer|Journalist|"
    r"Columnist|Contributor|Digital|Home|Health|Showbiz|Royal|Crime|Consumer|Money|Trends|Weekend|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)\b)")
_UI_WORDS = set("""news politics sport sports business world opinion home latest video videos live events
links trail breadcrumb topics topic related share comments comment menu search subscribe sign login log
newsletter newsletters advertisement podcast podcasts photos gallery weather health science technology tech
culture lifestyle travel entertainment economy markets money federal national local international europe
america africa asia australia city state united kingdom states read more listen watch follow updates update
edition content article articles section sections top stories story today daily weekly week contact about
privacy terms cookies settings account free trial offer premium games puzzles crossword shop jobs homes
property cars motoring fashion beauty food recipes travel royals royal showbiz tv celebrity music film
books arts style magazine review reviews analysis explainer investigations columnists letters editorial
football cricket rugby tennis golf boxing racing formula f1 nfl nba mlb nhl soccer olympics paris
breaking exclusive trending popular most viewed recommended sponsored partner brand studio press release
key facts summary overview highlights copy link copied posted next up best buy now view print mode paper
score contributing public service related noticia relacionada new york times post journal herald guardian
telegraph mail star sun mirror express independent standard tribune chronicle gazette mode dark light
open close back top skip main navigation page pages issue issues subscription subscriber subscribers
digital e-paper epaper edition archive archives podcast weather horoscope obituaries classifieds
correspondent reporter editor writer columnist contributor redakteur redakteurin journalist journalistin
staff senior chief political deputy associate assistant follow finance monde professor markets app dive deeper
party full screen font size recent posts post watched mehr weitere artikel galerie verwandte ähnliche
kommentieren drucken zur zum más leido übersicht products services solutions""".split())
_NAME_WORD = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|L['’])?[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄ][a-zßà-öø-ÿā-žа-яёіїєґ'’]+"
                        r"(?:-[A-ZÀ-ÖØ-ÞА-Я][a-zà-öø-ÿа-я'’]+)?$|^[A-Z]\.$|^(?:Jr|Sr)\.$|"
                        r"^(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|el|ter|dos|das)$")
_ROLE_TAIL = re.compile(r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:Correspondent|Reporter|Editor|Writer|Columnist|Contributor|"
                        r"Redakteur(?:in)?|Journalist(?:in)?|Follow|Staff|Producer|Photographer))+\s*$|"
                        r"(?<=[a-z])(?:Redakteur(?:in)?|Journalist(?:in)?|Reporter|Follow)\s*$")


@dataclass
class Header:
    title: Optional[int] = None  # line index of the headline
    names: list[str] = field(default_factory=list)
    name_lines: list[int] = field(default_factory=list)
    published: Optional[str] = None
    updated: Optional[str] = None
    date_lines: list[int] = field(default_factory=list)
    date_note: Optional[str] = None  # how an ambiguous "03/04/2024" was read, when nothing decided it


def _unmarked(text: str) -> str:
    """A line without its bullet and its markdown heading marks ("* Jane Roe", "## Jane Roe",
    "###### By Jane Roe": html2text keeps a by-line's heading level), for reading names."""
    return _MD_HEADING.sub("", _BULLET.sub("", text.strip())).strip()


def clean_title(line: str) -> str:
    """A headline line without markdown heading marks and emphasis."""
    s = _MD_HEADING.sub("", line.strip())
    return _MD_EMPH.sub("", s).strip()


def _terms(text: str) -> set[str]:
    low = text.lower()
    out = {w for w in _WORD.findall(low) if len(w) >= 3 and w not in _ALL_STOP and not w.isdigit()}
    cjk = "".join(_CJK.findall(low))
    out.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
    return out


def _is_date_line(info: LineInfo) -> bool:
    return bool(_DATE.search(info.text)) and info.words <= 12


TAG_ITEMS = 4  # a line of this many comma-separated short items at least is a tag list
TAG_ITEM_WORDS = 3


def _tag_list(text: str) -> bool:
    """"Corona, Debatte, Deutschland, Politik": a list of topic tags, no headline."""
    items = [t.strip() for t in text.split(",")]
    return len(items) >= TAG_ITEMS and all(0 < len(_WORD.findall(t)) <= TAG_ITEM_WORDS for t in items) \
        and not re.search(r"[.!?…]$", text)


def _listing(text: str) -> bool:
    """A line that lists tags, a date or a person, not a headline (:func:`_tag_list`,
    :func:`_short_date`, a bare two-word name line)."""
    return _tag_list(text) or _short_date(text) or (len(text.split()) < NAME_TITLE_WORDS and bool(byline_names(text)[0]))


SHORT_DATE_WORDS = 8


def _short_date(text: str) -> bool:
    """A short line that is a full date ("/ martes 17 de marzo de 2020"): no headline."""
    return len(text.split()) <= SHORT_DATE_WORDS and bool(re.match(r"\d{4}-\d{2}-\d{2}", M.parse_date(text) or ""))


NAME_TITLE_WORDS = 3  # a lone name-shaped line this long may be a headline ("Four Years Remaining")
_DOMAIN = re.compile(r"\b[a-z0-9-]{2,}\.(?:com|org|net|nl|de|ch|at|fr|it|es|pl|be|se|no|dk|fi|ru|ua|cz|pt|br|in|au|"
                     r"ca|io|co|info|news|tv|eu|uk|ie|nz|za|hu|ro|gr|tr|mx|ar|cl|jp|kr|cn)\b", re.I)


# a subscription offer: a price for a period ("$2 for 2 months", "99¢ a week", "€4,99 / Monat")
_OFFER = re.compile(r"(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$€£¢]|euro))\s*(?:for\s+(?:\d+\s+)?|a\s+|per\s+|/\s*|im\s+|pro\s+)"
                    r"(?:months?|weeks?|years?|mo|monat|monate|woche|jahr)\b", re.I)


UI_SHARE = 2 / 3  # a short line with this share of its words site furniture is no headline


def _mostly_ui(text: str) -> bool:
    toks = [t.lower() for t in re.findall(r"[^\W\d_]+", text)]
    return 0 < len(toks) <= 6 and sum(t in _UI_WORDS for t in toks) >= UI_SHARE * len(toks)


def _title_score(k: int, lo: int, idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                 lead_terms: set[str]) -> Optional[float]:
    i = idx[k]
    inf, reason = infos[i], reasons[i]
    heading = _MD_HEADING.match(inf.text)
    text = clean_title(inf.text)
    if not text or (inf.bullet and not heading) or reason in _NOT_TITLE:
        return None
    if not 2 <= inf.words <= 40 or inf.linky or _is_date_line(inf) or _CREDIT_LINE.search(text) or _FILE.search(text):
        return None
    if k >= lo and inf.prose:
        return None
    if _listing(text):
        return None
    names, evidence = byline_names(text)
    if names and (evidence or len(names) > 1 or inf.words < NAME_TITLE_WORDS):
        return None  # a byline, or a bare "Jane Roe"
    terms = _terms(text)
    score = -0.06 * abs(lo - k)
    if names:
        score -= 1.0  # "Peanut Butter Truffles", "Managing Python Environments": name-shaped, may be a headline
    if _DOMAIN.search(text) or _OFFER.search(text):
        score -= 2.0  # a site slogan or search box ("The latest news first on example.nl"), a subscription offer
    if heading:
        score += 3.0 if len(heading.group(1)) == 1 else 1.0
    common = len(terms & lead_terms)
    shared = common / len(terms) if terms else 0.0
    score += 3.0 * min(shared, OVERLAP_ENOUGH) / OVERLAP_ENOUGH * min(1.0, common / 2) if common else -1.0
    if 4 <= inf.words <= 16:
        score += 1.0
    elif inf.words > 20:
        score -= 0.1 * (inf.words - 20)  # a standfirst rather than a headline
    end = text[-1:]
    if end == "." and inf.words >= 5:
        score -= 1.5  # a standfirst or caption sentence
    elif end in ":|":
        score -= 2.0
    if inf.words <= 4 and inf.caps >= 0.99:
        score -= 1.0  # a menu item or section label
    if inf.words <= 4 and text == text.lower() and text != text.upper():
        score -= 2.0  # a lower-case topic tag ("chaos theory")
    if _mostly_ui(text):
        score -= 2.0  # a menu or breadcrumb line ("News World Venezuela", "Read More")
    if reason == "related-links":
        score -= 0.5
    if ("|" in text and not _labelled(text)) or inf.glued:
        score -= 1.0
    return score


BYLINE_BELOW = 2  # a "By ..." line this many lines below a candidate marks it as the headline
BYLINE_BELOW_BONUS = 2.0


def _is_by_line(inf: LineInfo) -> bool:
    """A "By Jane Roe ..." line (not a bullet of a teaser list)."""
    text = _GLUED_BY.sub(r"\1 ", _unmarked(inf.text))
    return not inf.bullet and inf.words <= 30 and bool(_BYLINE_STRIP.match(text)) and bool(byline_names(inf.text)[0])


def _by_line_at(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A by-line at position ``k``: "By Jane Roe ...", or a lone "By" / "Von" over a name line."""
    if _is_by_line(infos[idx[k]]):
        return True
    return _BY_ALONE.match(_unmarked(infos[idx[k]].text)) is not None and k + 1 < len(idx) \
        and bool(byline_names(infos[idx[k + 1]].text)[0])


def pick_title(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
               markdown: bool = False) -> Optional[int]:
    """Line index of the headline (see the module doc); ``lo``: position in ``idx`` of the
    body's first line."""
    h1 = [i for i in idx if _MD_HEADING.match(infos[i].text) and infos[i].text.lstrip().startswith("# ")]
    if markdown and len(h1) == 1 and 2 <= infos[h1[0]].words <= 40 and not _is_date_line(infos[h1[0]]):
        return h1[0]  # markdown with a single top-level heading: the page's <h1>
    lead = [infos[i].text for i in idx[lo:lo + 12] if reasons[i] is None and infos[i].prose][:6]
    scores: dict[int, float] = {}
    raw: dict[int, float] = {}
    window = range(max(0, lo - HEAD_WINDOW), min(len(idx), lo + INTO_BODY))
    by_lines = [k for k in window if _by_line_at(k, idx, infos)]
    for k in window:
        lead_terms = _terms(" ".join(t for t in lead if t != infos[idx[k]].text))
        sc = _title_score(k, lo, idx, infos, reasons, lead_terms)
        if sc is not None:
            raw[k] = sc
    for k in raw:  # a headline sits just above its "By ..." line
        if any(0 < b - k <= BYLINE_BELOW for b in by_lines):
            raw[k] += BYLINE_BELOW_BONUS
    keys = [_line_key(infos[i].text) for i in idx]
    for k in raw:
        raw[k] += _repeat_bonus(k, keys, infos, idx)
    for k, sc in raw.items():
        if sc >= MIN_TITLE_SCORE:
            scores[k] = sc
    if not scores or not by_lines:  # no by-line near the body: the header may stand far above it
        over = _title_over_byline(idx, infos, reasons, lo, lead)
        if over is not None:
            return over
    if not scores:
        return _body_opens_with_title(idx, infos, lo)
    return idx[_bare_headline(_earliest_close(scores), idx, infos, lo)]


def _earliest_close(scores: dict[int, float]) -> int:
    """The headline comes first: of the lines scoring close to the best, the earliest."""
    top = max(scores.values())
    return min(k for k, sc in scores.items() if sc >= top - EARLIEST_MARGIN)


OPENING_SIGNED_WITHIN = 4  # a by-line or a date line this many lines under the body's first line


_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "... in the U.S.": the dot is the abbreviation's


def _closes_sentence(text: str) -> bool:
    """The line ends as a sentence or an item does (a period, a colon, a comma), not as a headline."""
    return text.endswith((":", ",", ";")) or (text.endswith(".") and not _INITIALISM_END.search(text))


def _body_opens_with_title(idx: list[int], infos: list[LineInfo], lo: int) -> Optional[int]:
    """When nothing above the body is a headline, the body's first line may be it: a line that is
    no sentence (no closing period), followed by prose (its standfirst or lead) and, a few lines
    down, by the story's by-line or date ("How Can We Plan for X?" / standfirst / "By Jane Roe")."""
    inf = infos[idx[lo]]
    text = inf.text.strip()
    if not 4 <= inf.words <= 30 or inf.bullet or _closes_sentence(text) or _listing(text) \
            or _is_date_line(inf) or lo + 1 >= len(idx) or not infos[idx[lo + 1]].prose:
        return None
    below = [infos[i] for i in idx[lo + 1:lo + 1 + OPENING_SIGNED_WITHIN]]
    signed = any(_is_by_line(b) or (_is_date_line(b) and _short_date(b.text)) for b in below)
    return idx[lo] if signed else None


REPEAT_MIN_CHARS = 12  # a line this long at least may be found repeated elsewhere on the page
REPEAT_WITHIN_BONUS = 1.5  # another line holds it with more around it ("Headline | Site", "Share: Headline")
REPEAT_MAX_GROWTH = 3  # the longer line is at most this many times the candidate (plus 40 characters)


def _line_key(text: str) -> str:
    """A line compared for repetition: without bullets and markdown marks, case and spacing folded."""
    return " ".join(clean_title(_BULLET.sub("", text.strip())).casefold().split())


def _repeat_bonus(k: int, keys: list[str], infos: list[LineInfo], idx: list[int]) -> float:
    """A headline tends to repeat on a page: in the page's <title> text with a site suffix, a
    breadcrumb, a "share" line. Another line that is no sentence of prose and holds this one
    with more around it is evidence for it (REPEAT_WITHIN_BONUS)."""
    key = keys[k]
    if len(key) < REPEAT_MIN_CHARS:
        return 0.0
    longest = REPEAT_MAX_GROWTH * len(key) + 40
    for j, other in enumerate(keys):
        if j != k and len(key) < len(other) <= longest and key in other and not infos[idx[j]].prose:
            return REPEAT_WITHIN_BONUS
    return 0.0


OVER_BYLINE = 6  # lines above a by-line searched for its headline when the body starts far below
OWN_LEAD = 12  # lines under that by-line read for its story's lead


def _title_over_byline(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
                       lead: list[str]) -> Optional[int]:
    """When no "By ..." line stands near the body's first line (the body found starts far below
    the header, or is not the story at all): the headline of the page's first "By ..." line above
    the window, scored (:func:`_title_score`) against the prose under that by-line as well as the
    body's ``lead``; of the few lines above it scoring close to the best, the earliest."""
    by = next((k for k in range(max(0, lo - HEAD_WINDOW)) if _by_line_at(k, idx, infos)), None)
    if by is None:
        return None
    own = [infos[i].text for i in idx[by + 1:by + 1 + OWN_LEAD] if infos[i].prose][:6] + lead
    scores: dict[int, float] = {}
    for k in range(max(0, by - OVER_BYLINE), by):
        sc = _title_score(k, by, idx, infos, reasons, _terms(" ".join(t for t in own if t != infos[idx[k]].text)))
        if sc is not None and sc >= MIN_TITLE_SCORE:
            scores[k] = sc
    return idx[_earliest_close(scores)] if scores else None


_LABEL_BAR = re.compile(r"^(.{2,40}?)\s+\|\s+(.+)$")
SHORT_LINE = 4  # words: a line this short elsewhere on the page is a menu item or section label


def _labelled(text: str) -> Optional[re.Match]:
    """"Section | A headline of four words or more": a short label before a bar."""
    m = _LABEL_BAR.match(text)
    return m if m and len(m.group(2).split()) >= 4 and len(m.group(1).split()) <= 3 else None


def title_text(title: int, lines: list[str], reasons: list[Optional[str]]) -> str:
    """The headline's text: without markdown marks, and without a section label put before it
    with a bar ("Economy | Headline") when that label is site furniture or a menu item of the
    page."""
    text = clean_title(lines[title])
    m = _labelled(text)
    if not m:
        return text
    label = m.group(1).strip().casefold()
    menu = any(i != title and len(ln.split()) <= SHORT_LINE and reasons[i] is not None
               and clean_title(_BULLET.sub("", ln.strip())).casefold() == label for i, ln in enumerate(lines))
    return m.group(2).strip() if menu or _mostly_ui(m.group(1)) else text


BARE_MIN_CHARS = 12  # a line this long at least, found inside the chosen one, may be the bare headline


def _bare_headline(best: int, idx: list[int], infos: list[LineInfo], lo: int) -> int:
    """The chosen line may be the page's <title> repeated ("Headline | Site Name") or a
    breadcrumb run into the headline ("HomeNewsHeadline"): when a nearby line is exactly its
    start or its end, and is itself a headline candidate (not a name, a tag list, a date ...),
    that line is the headline."""
    text = clean_title(infos[idx[best]].text)
    for k in range(max(0, lo - HEAD_WINDOW), min(len(idx), lo + INTO_BODY + 2)):
        other = clean_title(infos[idx[k]].text)
        if k == best or _listing(other) or len(other) < BARE_MIN_CHARS or len(other) >= len(text) or infos[idx[k]].bullet:
            continue
        if text.startswith(other) and re.match(r"\s*[|\-–—:·•]", text[len(other):]):
            return k
        if text.endswith(other):
            return k
    return best


def _name_part_ok(part: str) -> bool:
    """A bare "First Last" (2-4 words, each a capitalised name word or a particle, none a word
    of site furniture such as "Up Next", "Print Mode", "Public Service")."""
    toks = [t.title() if t.isupper() and len(t) >= 5 else t for t in part.split()]  # "Bill MCCARTHY", not "ACLU"
    if not 2 <= len(toks) <= 4 or not _NAME_WORD.match(toks[0]) or not _NAME_WORD.match(toks[-1]) \
            or toks[0].islower() or toks[-1].islower() or toks[0].endswith("."):
        return False
    if any(t.lower().strip(".") in _UI_WORDS for t in toks) or _phrase_not_name(toks):
        return False
    return all(_NAME_WORD.match(t) for t in toks)


_ARTICLE_FIRST = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "the", "an", "les", "los",
                  "las", "il", "gli", "het", "een", "unser", "unsere", "mein", "meine"}
_NOUN_SUFFIX = re.compile(r"(?:heit|keit|schaft|ismus|ität|ungen|ung)$", re.I)
_ADJ_SUFFIX = re.compile(r"(?:isches|ischer|ische|ischen|bares|barer|ender|endes|liches|licher|iges|iger)$", re.I)
NOUN_MIN_CHARS = 9  # "Hartung", "Jung" are names; "Übersetzung", "Transformation" are not


def _phrase_not_name(toks: list[str]) -> bool:
    """Capitalised words that are a noun phrase, not a person: an article first ("Die Linke",
    "Der Herzschlag der Transformation"), an abstract noun ("Übersetzung Jane Roe",
    "Bürgerbeteiligung Steinheim": "-ung", "-heit", "-schaft"), or an inflected adjective first
    ("Elektronisches Spielzeug", "Schwimmender Windpark")."""
    if toks[0].lower() in _ARTICLE_FIRST:
        return True
    if any(len(t) >= NOUN_MIN_CHARS and _NOUN_SUFFIX.search(t) for t in toks):
        return True
    return len(toks[0]) >= NOUN_MIN_CHARS and bool(_ADJ_SUFFIX.search(toks[0]))


_ROLE_WORDS = set("""deputy content hub director editor editors senior chief political politics news reporter
reporters correspondent correspondents writer writers columnist contributor contributing staff associate
assistant managing executive digital desk producer presenter analyst economics business sports sport
health science technology travel royal showbiz crime consumer money trends weekend video audio data
investigations investigative foreign home affairs international national local lead head of at
parliamentary bureau courts legal education environment climate energy property transport
redakteur redakteurin journalist journalistin reporterin autor autorin""".split())


def _strip_roles(s: str) -> str:
    """"Steffan Rhys Deputy Content Hub Director" -> "Steffan Rhys" (role words at the end)."""
    toks = s.split()
    while len(toks) > 2 and toks[-1].lower().strip(",.") in _ROLE_WORDS:
        toks.pop()
    return " ".join(toks)


# what follows a name on a by-line: a date, a posting or editing cue ("Zuletzt geändert am ...",
# "Erstellt am ...", "Publicado hace 3 horas"), a month name in several languages before a number
_TIME_TAIL = re.compile(r"\s*(?:\d|(?:published|updated|posted|veröffentlicht|publicado|publié|publiziert|"
                        r"zuletzt|geändert|aktualisiert|erstellt am|modifié|actualizado)\b|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|avr|juil|"
                        r"déc|ene|abr|ago|dic)[a-zéû]*\.?\s+\d).*$", re.I)
_AGENCY_PART = re.compile(r"^\(?[A-Z]{2,5}\)?$")


_GLUED_BY = re.compile(r"^([Bb]y)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")  # "bySauli Giliard"
_BY_COLON = re.compile(r"^((?:written |posted |story )?by|von|par|por|door|av|af|di)\s*:\s*(?=\w)", re.I)  # "Von: Jane Roe"
# "Veröffentlicht am 3. März 2019 von Jane Roe", "July 24, 2019 by Jane Roe", "Erstellt von Jane Roe":
# a posting cue or a date first, the by-word after it
_MID_BY = re.compile(
    r"^(?:(?i:posted|published|written|veröffentlicht|erstellt|geschrieben|eingestellt|verfasst|publié|publicado|"
    r"pubblicato|ein artikel|ein beitrag|blog ?beitrag)\b[^|]{0,40}?|[^|]{0,30}?\b\d{4}\b[^|]{0,12}?)"
    r"\s*[·•|,-]?\s*(?i:by|von|par|por|door)\s+(?=[A-ZÀ-ÖØ-Þ])")
# "Dr. Jane Roe", "Rechtsanwalt Jane Roe", "Gründerin Jane Roe": a title or a profession before the name
_HONORIFIC = re.compile(r"^(?:(?:(?:Dr|Prof|Mag|Dipl\.-\w+)\.|Rechtsanw(?:alt|ältin)|Anwalt|Anwältin|Gründer(?:in)?|"
                        r"Themenstarter(?:in)?|Founder|Co-founder|Attorney|Lawyer|Avocat(?:e)?|Abogad[oa])\s*)+"
                        r"(?=[A-ZÀ-ÖØ-Þ])")
# "Jane Roe am" (21. April 2020), "Jane Roe In Aktuell" (the post's category)
_CONNECTOR_TAIL = re.compile(r"\s+(?:am|on|le|el|um|at|il)$|\s+(?:in|In|im)\s+[A-ZÀ-ÖØ-Þ][\w-]*$")
_SEGMENT_SEP = re.compile(r"\s+[|•·]\s+")
_WITH_NAMES = re.compile(r"\(\s*(?:avec|with|mit|con|com|met|med|z)\s+([^)]{3,120})\)", re.I)


MID_BY_WORDS = 20  # a line this long at most may carry its by-word after a date or a posting cue


def _by_segment(s: str) -> str:
    """A byline as one string: a glued "byName" opened up, the "Par ..." segment of a
    "Site | date | Par A (avec B et C)" line taken, and "(with B and C)" read as co-authors."""
    s = _BY_COLON.sub(r"\1 ", _GLUED_BY.sub(r"\1 ", s))
    mid = None if _BYLINE_STRIP.match(s) else _MID_BY.match(s)
    if mid and len(s.split()) <= MID_BY_WORDS:
        s = "By " + s[mid.end():]
    if not _BYLINE_STRIP.match(s):
        segs = _SEGMENT_SEP.split(s)
        s = next((seg for seg in segs[1:] if _BYLINE_STRIP.match(seg)
                  and re.match(r"[A-ZÀ-ÖØ-Þ]", _BYLINE_STRIP.sub("", seg))), s)
    return _WITH_NAMES.sub(r", \1", s)


def _dated_tail(s: str) -> bool:
    """The line goes on from the name to a date or a "Published" cue ("Jane Roe - Apr 16,
    2015"), not just to any number ("... Celebrate '13 Going on 30'")."""
    m = _TIME_TAIL.search(s)
    if not m or not m.start():
        return False
    tail = m.group(0)
    return bool(_DATE.search(tail) or _PUB_CUE.search(tail) or _UPD_CUE.search(tail) or M.parse_date(tail))


_CAMEL = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


def _unglue_names(parts: list[str]) -> list[str]:
    """"Jasper RiemannBarbara Schneider" (two names the flattener ran together) -> two names;
    a split that leaves a one-word piece ("Ron De" + "Santis") is not made."""
    out: list[str] = []
    for p in parts:
        pieces = [q.strip() for q in _CAMEL.split(p)]
        ok = len(pieces) > 1 and all(len(q.split()) >= 2 and _name_part_ok(q) for q in pieces)
        out.extend(pieces if ok else [p])
    return out


_POSTING_CUE = re.compile(r"\b(?:posted|published|written|veröffentlicht|erstellt|geschrieben|eingestellt|verfasst|"
                          r"publié|publicado|pubblicato)\b", re.I)
_HANDLE = re.compile(r"^[^\W\d_][\w'’-]{1,30}$")


def _posting_handle(line: str, parts: list[str]) -> bool:
    """The one part is a one-word name or handle ("Creeny", "marc", "PETA-Team") that the line
    plainly names as the poster: a by-word right before it, no capitalised word after it, and a
    date or a posting cue on the line ("Veröffentlicht am 24. Januar 2020 von Creeny", "Posted
    by Konstantin 21.10.2019"; not "Von Henry In Aktuell")."""
    if len(parts) != 1 or not _HANDLE.match(parts[0]):
        return False
    word = parts[0].lower()
    if word in _UI_WORDS or word in _ROLE_WORDS or word in _ARTICLE_FIRST or M.find_agency(parts[0]) \
            or is_newsroom(parts[0]):
        return False
    # the word right after the by-word, with no capitalised word after it ("Von Jane Staff": a role cut off)
    by_it = re.search(rf"\b(?i:by|von|par|por|door)\s*:?\s+{re.escape(parts[0])}(?![\w-])(?!\s+[A-ZÀ-ÖØ-Þ])", line)
    return bool(by_it) and bool(_DATE.search(line) or _POSTING_CUE.search(line) or M.parse_date(line))


def _trim_part(p: str) -> str:
    """One name of a by-line without the punctuation around it, but with the dot of "Jr." / "Sr."."""
    p = p.strip(" :,").lstrip(".")
    return p if re.search(r"\b(?:Jr|Sr)\.$", p) else p.rstrip(".")


def byline_names(line: str) -> tuple[list[str], bool]:
    """(people named by a byline-like line, whether the line itself shows it is a byline: a
    by-word, a role, a handle or a date glued to the name). Without such evidence the whole
    line must be names (:func:`_name_part_ok`)."""
    s = _by_segment(_unmarked(line))
    if not s or _CREDIT.search(s) or len(s) > 200 or _ROLE_FIRST.match(s):
        return [], False  # "Periodista Judicial", "Political Correspondent": a role, not a name
    by = bool(_BYLINE_STRIP.match(s))
    s = _BYLINE_STRIP.sub("", s).strip()
    cut = _GLUED_TAIL.split(s, maxsplit=1)
    s0 = cut[0].strip()
    cut_time = _TIME_TAIL.sub("", s0).strip(" -–—|·•,/")  # "Jane Roe / Oktober 25 2023"
    cut_time = _CONNECTOR_TAIL.sub("", cut_time) if by else cut_time
    role = _strip_roles(_ROLE_TAIL.sub("", cut_time).strip())
    handle = re.sub(r"@\w+.*$", "", role).strip()
    evidence = by or len(cut) > 1 or _dated_tail(s0) or role != cut_time or handle != role
    s = re.sub(r"\s*(?:\||•|·|—|–| - ).*$", "", handle)
    cut_for = re.sub(r"(?i)\s+(?:for|für|pour|para|per)\s+.*$", "", s)
    if cut_for != s and not evidence:
        return [], False  # "Jane Roe for Reuters" only on a byline: "A, Who Did X for Y" is a headline
    s = cut_for
    parts = [_HONORIFIC.sub("", _trim_part(p)) for p in re.split(r"\s*(?:,|;|&|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|"
                                               r"\ben\b|\boraz\b|\bi\b|\bve\b)\s*", s) if p.strip(" .:,")]
    parts = [p.title() if p.isupper() and len(p) > 3 else p for p in parts
             if not _AGENCY_PART.match(p) and not M.find_agency(p)]
    if evidence and len(parts) == 1 and len(parts[0].split()) in (4, 6, 8):
        toks = parts[0].split()  # "Ярослав Кузишин Антон Зелинский": names run together, two words each
        pairs = [f"{toks[j]} {toks[j + 1]}" for j in range(0, len(toks), 2)]
        parts = pairs if all(_name_part_ok(p) for p in pairs) and not _name_part_ok(parts[0]) else parts
    if not parts or len(parts) > 6:
        return [], False
    parts = _unglue_names(parts)
    if _posting_handle(line, parts):
        return parts, True
    if all(_name_part_ok(p) for p in parts):
        return parts, evidence
    if evidence:
        return [p for p in M.split_byline("By " + ", ".join(parts)) if _name_part_ok(p)], True
    return [], False


def unconfirmed_names(byline_lines: list[str]) -> set[str]:
    """Names read from byline lines of several parts (:func:`newsledger.extract.meta.split_byline`)
    that the header's rules (:func:`byline_names`) do not name: "Von Stubenhockern, Glucken und
    Helikoptereltern" is a headline, "By A, Project Marketing, Site" names A only. A line of one
    part (a handle, "von Kathrin") is left as it is."""
    out: set[str] = set()
    for ln in byline_lines:
        parts = M.split_byline(ln) or M.split_byline("By " + _BULLET.sub("", ln).strip())
        if len(parts) > 1:
            out.update(set(parts) - set(byline_names(ln)[0]))
    return out


BY_ABOVE_TITLE = 3  # a "By ..." line may sit this many lines above the headline
_BY_APPOSITION = re.compile(r",\s+(?:a|an|the|who|is|our)\s")
NAME_ANCHOR_GAP = 2  # a bare name line counts within this many lines of a byline, date or another name


NAME_ZONE_MAX_AFTER = 8  # after a lone "By", name lines may run this many lines into the body
_ROLE_LINE = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}(?:correspondent|reporter(?:in)?|editor|writer|columnist|contributor|producer|"
    r"journalist(?:e|in)?|redakteur(?:in)?|rédact(?:eur|rice)|redactor(?:a)?|periodista|corresponsal|"
    r"correspondant(?:e)?|korrespondent(?:in)?|giornalista|inviat[oa]|freelance)\b", re.I)


_ROLE_FIRST = re.compile(_ROLE_LINE.pattern.replace(r"(?:[\w'’-]+\s+){0,3}", ""), re.I)  # the role word first


def _role_follows(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """The line after a bare name is the person's role ("Corresponsal en Atenas", "Producer")
    or the outlet they write for ("Reuters", "BBC")."""
    if k + 1 >= len(idx):
        return False
    nxt = infos[idx[k + 1]]
    text = _unmarked(nxt.text)
    if nxt.words <= 3 and (M.find_agency(text) or (text.isupper() and 2 <= len(text) <= 6)):
        return True  # "Jane Roe" over "Reuters" / "BBC": the writer and the outlet
    return nxt.words <= 6 and not nxt.end_punct and bool(_ROLE_LINE.match(text))


ROLE_NAMED_WORDS = 8  # a "Jane Roe – Journalist" line is this short at most


def _role_named_line(idx: list[int], infos: list[LineInfo], body: int) -> Optional[int]:
    """Position of the first line within :data:`NAME_ZONE_MAX_AFTER` lines into the body that
    names a person with a journalist's role after the name ("Jane Roe – Journalist", "Jane Roe,
    Reporter"): the by-line of a story whose standfirst and photo lines open the body, so the
    name zone reaches it. None when there is none."""
    for k in range(body, min(len(idx), body + NAME_ZONE_MAX_AFTER)):
        inf = infos[idx[k]]
        text = _unmarked(inf.text)
        if inf.words <= ROLE_NAMED_WORDS and _ROLE_TAIL.search(text) and byline_names(text)[0]:
            return k
    return None


def _next_to_credit(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A bare name over a "Foto: ..." credit: the photo's subject (a caption), or the author's
    byline over the lead photo's credit."""
    if k + 1 >= len(idx):
        return False
    nxt = infos[idx[k + 1]]
    return bool(_CREDIT.search(nxt.text)) and nxt.words <= 12


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
    others = [inf for inf in block if inf.words >= 1 and not byline_names(inf.text)[0] and not _is_date_line(inf)
              and not _PUB_CUE.search(inf.text) and not _UPD_CUE.search(inf.text)]
    return len(others) >= TAG_LIST_OTHERS


TAG_LIST_OTHERS = 2  # a bulleted name among this many bulleted non-names is a topic tag


def _dated_byline(text: str, inf: LineInfo) -> bool:
    """A short line the flattener ran together: "Jane Roe · Site · Posted: May 1, 2024"."""
    if inf.words > 25 or not (_PUB_CUE.search(text) or _UPD_CUE.search(text) or _DATE.search(text)):
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
    return bool(_MD_HEADING.match(infos[idx[k]].text)) and k + 1 < len(idx) and infos[idx[k + 1]].prose


def _scan_name_line(scan: _NameScan, k: int, idx: list[int], infos: list[LineInfo],
                    reasons: list[Optional[str]], title_k: Optional[int]) -> None:
    """Read line ``idx[k]`` of the header zone into ``scan``."""
    i = idx[k]
    inf = infos[i]
    text = _unmarked(inf.text)
    if _BY_ALONE.match(text):
        scan.after_by = 4
        scan.anchors.add(k)
        return
    by_line = bool(_BYLINE_STRIP.match(text))
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
                                  and is_newsroom(_BYLINE_STRIP.sub("", text)))
    if (_is_date_line(inf) or reasons[i] == "metadata" or _PUB_CUE.search(text) or _UPD_CUE.search(text)) \
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


_PUB_CUE = re.compile(r"\b(?:published|posted|publicado|publié|publiée|veröffentlicht|pubblicato|publisert|"
                      r"publicerad|udgivet|gepubliceerd|opublikowano|erschienen|geschrieben am|yayınlanma|"
                      r"diterbitkan|publikováno)\b", re.I)
_UPD_CUE = re.compile(r"\b(?:updated|last updated|modified|actualizado|mis à jour|aktualisiert|aggiornato|"
                      r"oppdatert|uppdaterad|opdateret|bijgewerkt|zaktualizowano|güncelleme|aktualizováno)\b",
                      re.I)
DATE_ZONE_BEFORE = 8  # lines above the headline where the date may sit


def _full_date(text: str, day_first: Optional[bool]) -> Optional[str]:
    val = M.parse_date(text, day_first)
    return val if val and re.match(r"\d{4}-\d{2}-\d{2}", val) else None


_CLOCK_ONLY = re.compile(r"\d{2}:\d{2}")


def _date_or_clock(text: str, day_first: Optional[bool]) -> Optional[str]:
    """A full date in ``text`` (as :func:`_full_date`), else a bare clock "12:50", else None."""
    val = M.parse_date(text, day_first)
    return val if val and (re.match(r"\d{4}-\d{2}-\d{2}", val) or _CLOCK_ONLY.fullmatch(val)) else None


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
    zone.sort(key=lambda k: (k < anchor, abs(k - anchor)))  # after the headline first, then above it
    published = updated = None
    used: list[int] = []
    cue_pub = None
    for k in zone:
        text = infos[idx[k]].text
        if infos[idx[k]].words > 30:
            continue
        um = _UPD_CUE.search(text)
        head, tail = (text[:um.start()], text[um.end():]) if um else (text, "")
        if tail and not updated:  # a date, or a bare clock ("Updated 12:50": the extractor's settle_stamps reads it)
            updated = _date_or_clock(tail, day_first)
        val = _full_date(head, day_first)
        if val:
            used.append(idx[k])
            if _PUB_CUE.search(head) and not cue_pub:
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
        if infos[i].words <= 20 and _PUB_CUE.search(text):
            val = _full_date(text, day_first)
            if val:
                return val, text
    return None


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
    if guessed:
        head.date_note = "day/month order of the published date not decided by the page; read month-first"
    return head
