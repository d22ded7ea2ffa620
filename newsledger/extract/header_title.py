"""The headline of a flattened page's header (:func:`pick_title`, see
:mod:`newsledger.extract.header`) and its text (:func:`title_text`)."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract import meta as M
from newsledger.extract.header_names import GLUED_BY, byline_names
from newsledger.extract.header_vocab import BY_ALONE, MD_HEADING, MEDIA, UI_WORDS, is_date_line, unmarked
from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_vocab import ALL_STOP, BULLET, BYLINE_STRIP, CJK, WORD


HEAD_WINDOW = 40  # non-blank lines above the body's first line searched for the headline
INTO_BODY = 2  # the body's first lines may be the headline when they are no prose
OVERLAP_ENOUGH = 0.4  # share of a headline's words found in the lead that counts as full agreement
MIN_TITLE_SCORE = 0.5  # name / date lines may sit this many lines into the body
_NOT_TITLE = {"metadata", "byline", "caption", "share-widget", "advertisement", "comments", "author-bio",
              "dateline", "boilerplate"}
EARLIEST_MARGIN = 1.5  # of the lines scoring this close to the best, the earliest is the headline (tuned on dev)
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp4|pdf)\b|^media caption\b", re.I)
_MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_MEDIA_WORD = rf"(?:(?:symbol|archiv|titel|beitrags)(?:bild|foto)|{MEDIA})"  # "Symbolbild", "Archivfoto" too
# a credit or caption line ("Photo: Jane Roe", "Foto / dpa", "Image by Getty", "Jane Roe | Photo", "© Site",
# "(Reuters)"); a headline may name a photo or a video as its subject ("Photo of a Baby Sparks Controversy")
CREDIT_LINE = re.compile(rf"©|\b(?:getty|reuters|afp)\b|\b{_MEDIA_WORD}s?\s*(?:[:/|]|\b(?:by|von|courtesy)\b)|"
                         rf"\b{_MEDIA_WORD}\W*$", re.I)


def clean_title(line: str) -> str:
    """A headline line without markdown heading marks and emphasis."""
    s = MD_HEADING.sub("", line.strip())
    return _MD_EMPH.sub("", s).strip()


def line_terms(text: str) -> set[str]:
    low = text.lower()
    out = {w for w in WORD.findall(low) if len(w) >= 3 and w not in ALL_STOP and not w.isdigit()}
    cjk = "".join(CJK.findall(low))
    out.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
    return out


TAG_ITEMS = 4  # a line of this many comma-separated short items at least is a tag list
TAG_ITEM_WORDS = 3


def _tag_list(text: str) -> bool:
    """"Corona, Debatte, Deutschland, Politik": a list of topic tags, no headline."""
    items = [t.strip() for t in text.split(",")]
    return len(items) >= TAG_ITEMS and all(0 < len(WORD.findall(t)) <= TAG_ITEM_WORDS for t in items) \
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


_FIRST_WORD = re.compile(r"[^\W_][\w'’-]*")  # past quotes and dashes; a number counts ("31% of ...")


def _lower_start(text: str) -> bool:
    """The line's first word starts in lower case and is no brand spelt so ("iPhone", "eBay"):
    a headline begins with a capital or a number in the languages that write capitals."""
    m = _FIRST_WORD.search(text)
    return bool(m) and m.group()[0].islower() and m.group() == m.group().lower()


UI_SHARE = 2 / 3  # a short line with this share of its words site furniture is no headline


def mostly_ui(text: str) -> bool:
    toks = [t.lower() for t in re.findall(r"[^\W\d_]+", text)]
    return 0 < len(toks) <= 6 and sum(t in UI_WORDS for t in toks) >= UI_SHARE * len(toks)


def _title_score(k: int, lo: int, idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                 lead_terms: set[str]) -> Optional[float]:
    i = idx[k]
    inf, reason = infos[i], reasons[i]
    heading = MD_HEADING.match(inf.text)
    text = clean_title(inf.text)
    if not text or (inf.bullet and not heading) or reason in _NOT_TITLE:
        return None
    if not 2 <= inf.words <= 40 or inf.linky or is_date_line(inf) or CREDIT_LINE.search(text) or _FILE.search(text):
        return None
    if k >= lo and inf.prose:
        return None
    if _listing(text):
        return None
    names, evidence = byline_names(text)
    if names and (evidence or len(names) > 1 or inf.words < NAME_TITLE_WORDS):
        return None  # a byline, or a bare "Jane Roe"
    terms = line_terms(text)
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
    elif _lower_start(text):
        score -= 2.0  # a quote or a sentence's continuation used as a kicker ("'not what we agreed'")
    if mostly_ui(text):
        score -= 2.0  # a menu or breadcrumb line ("News World Venezuela", "Read More")
    if reason == "related-links":
        score -= 0.5
    if ("|" in text and not _labelled(text)) or inf.glued:
        score -= 1.0
    return score


MENU_BELOW_ITEMS = 3  # a line followed by this many short bullets heads a menu
MENU_ITEM_WORDS = 4
_MENU_REASONS = {"navigation", "boilerplate"}


def _menu_below(k: int, idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> bool:
    """The lines right under line ``k`` are a menu: MENU_BELOW_ITEMS short bullets that the line
    rules call navigation ("• Home", "• About", "• Contact"; not share buttons, not a by-line's or a
    date's bullet); a headline is followed by its standfirst, by-line, share buttons or picture, and
    a line over a menu is the site's slogan or the menu's heading."""
    below = idx[k + 1:k + 1 + MENU_BELOW_ITEMS]
    return len(below) == MENU_BELOW_ITEMS and all(
        infos[i].bullet and infos[i].words <= MENU_ITEM_WORDS and reasons[i] in _MENU_REASONS
        and not is_date_line(infos[i]) for i in below)


STANDFIRST_WORDS = 5  # a line this long ending in a full stop reads as a sentence of the story


def _story_sentence(text: str, lead_keys: set[str]) -> bool:
    """A line that reads as a sentence of the story rather than its headline: it ends in a full
    stop (not an abbreviation's: "... in the U.S."), or it is one of the body's opening lines
    printed again (a standfirst or teaser repeated as the lead)."""
    ends = text.endswith(".") and not text.endswith("..") and not _INITIALISM_END.search(text)
    return (ends and len(text.split()) >= STANDFIRST_WORDS) or line_key(text) in lead_keys


def _without_early_pretenders(scores: dict[int, float], idx: list[int], infos: list[LineInfo],
                              reasons: list[Optional[str]], lead: list[str]) -> dict[int, float]:
    """The candidates without the lines that must not win as the earliest of the close scores: a line
    over a menu (:func:`_menu_below`: a site's slogan, a menu's heading) and a line that reads as a
    sentence of the story (:func:`_story_sentence`: a standfirst over the headline). The best-scoring
    line stays (it is judged on its own evidence, and taking it out would bring earlier lines within
    reach)."""
    top = max(scores, key=scores.get, default=None)
    lead_keys = {line_key(t) for t in lead}
    return {k: sc for k, sc in scores.items()
            if k == top or not (_menu_below(k, idx, infos, reasons)
                                or _story_sentence(clean_title(infos[idx[k]].text), lead_keys))}


BYLINE_BELOW = 2  # a "By ..." line this many lines below a candidate marks it as the headline
BYLINE_BELOW_BONUS = 2.0


def _is_by_line(inf: LineInfo) -> bool:
    """A "By Jane Roe ..." line (not a bullet of a teaser list)."""
    text = GLUED_BY.sub(r"\1 ", unmarked(inf.text))
    return not inf.bullet and inf.words <= 30 and bool(BYLINE_STRIP.match(text)) and bool(byline_names(inf.text)[0])


def _by_line_at(k: int, idx: list[int], infos: list[LineInfo]) -> bool:
    """A by-line at position ``k``: "By Jane Roe ...", or a lone "By" / "Von" over a name line."""
    if _is_by_line(infos[idx[k]]):
        return True
    return BY_ALONE.match(unmarked(infos[idx[k]].text)) is not None and k + 1 < len(idx) \
        and bool(byline_names(infos[idx[k + 1]].text)[0])


def pick_title(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
               markdown: bool = False) -> Optional[int]:
    """Line index of the headline (see the module doc); ``lo``: position in ``idx`` of the
    body's first line; when nothing there is a headline, the header over the story's own body
    start (:func:`_story_start`) is read."""
    found = _pick_at(idx, infos, reasons, lo, markdown)
    start = _story_start(idx, infos, reasons, lo) if found is None else lo
    return _pick_at(idx, infos, reasons, start, markdown) if start != lo else found


def _pick_at(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
             markdown: bool) -> Optional[int]:
    """The headline when the body starts at ``lo`` (:func:`pick_title`)."""
    h1 = [i for i in idx if MD_HEADING.match(infos[i].text) and infos[i].text.lstrip().startswith("# ")]
    if markdown and len(h1) == 1 and 2 <= infos[h1[0]].words <= 40 and not is_date_line(infos[h1[0]]):
        return h1[0]  # markdown with a single top-level heading: the page's <h1>
    window = range(max(0, lo - HEAD_WINDOW), min(len(idx), lo + INTO_BODY))
    echo = _crumb_echo(window.stop, idx, infos, reasons, lo)
    if echo is not None:
        return idx[echo]
    lead = [infos[i].text for i in idx[lo:lo + 12] if reasons[i] is None and infos[i].prose][:6]
    scores: dict[int, float] = {}
    raw: dict[int, float] = {}
    by_lines = [k for k in window if _by_line_at(k, idx, infos)]
    for k in window:
        lead_terms = line_terms(" ".join(t for t in lead if t != infos[idx[k]].text))
        sc = _title_score(k, lo, idx, infos, reasons, lead_terms)
        if sc is not None:
            raw[k] = sc
    for k in raw:  # a headline sits just above its "By ..." line
        if any(0 < b - k <= BYLINE_BELOW for b in by_lines):
            raw[k] += BYLINE_BELOW_BONUS
    keys = [line_key(infos[i].text) for i in idx]
    for k in raw:
        raw[k] += _repeat_bonus(k, keys, infos, idx)
    for k, sc in raw.items():
        if sc >= MIN_TITLE_SCORE:
            scores[k] = sc
    scores = _without_early_pretenders(scores, idx, infos, reasons, lead)
    if not scores or not by_lines:  # no by-line near the body: the header may stand far above it
        over = _title_over_byline(idx, infos, reasons, lo, lead, max(scores.values(), default=MIN_TITLE_SCORE))
        if over is not None:
            return over
    if not scores:
        return _body_opens_with_title(idx, infos, lo)
    return idx[_bare_headline(_earliest_close(scores), idx, infos, lo)]


STRAY_OPENING = 2  # body lines at most that may open the body found before the story's own header
STORY_GAP = 10  # the story's body resumes this many lines at most under them
STORY_HEADER = 2  # lines at least between them and the story's body: its header


def _story_start(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int) -> int:
    """Where the story's body starts: the body found may open with a stray line or two that the
    line rules took for prose (a news ticker, a teaser, a spam line), followed by the story's own
    header (lines that are no body, among them a date line or a by-line) and then its body; the
    body's next run is then the start, so that the header above it is read."""
    run = lo
    while run + 1 < len(idx) and reasons[idx[run + 1]] is None:
        run += 1
    if run - lo + 1 > STRAY_OPENING:
        return lo
    nxt = next((k for k in range(run + 1, min(len(idx), run + 1 + STORY_GAP)) if reasons[idx[k]] is None), None)
    if nxt is None or nxt - run - 1 < STORY_HEADER:
        return lo
    signed = any(is_date_line(infos[idx[k]]) or _by_line_at(k, idx, infos) for k in range(run + 1, nxt))
    return nxt if signed else lo


CRUMB_ITEM_WORDS = 3  # the items of a breadcrumb before the page's own title are section names this short
CRUMB_MIN_ITEMS = 2  # section items before it, at least
CRUMB_TITLE_WORDS = 3  # the page's title ending the breadcrumb has this many words at least
CRUMB_ECHO_WITHIN = 15  # lines: the headline repeats it this close under it (a contents list's item stands further)


_CRUMB_SEP = re.compile(r"\s*[»›>/|→·]\s*")  # "Home » News » Headline", "Home›Technik›Headline"


def _crumb_tail(k: int, idx: list[int], infos: list[LineInfo]) -> Optional[str]:
    """The key (:func:`line_key`) of the page's own title when the line at ``k`` ends a
    breadcrumb: the last bullet of a run whose earlier items are short section names ("• Home",
    "• Politik", "• Headline of the page"), or the last part of a path line ("Home » Politik »
    Headline of the page"); None otherwise (a teaser list has long items, a cut teaser ends in "…")."""
    inf = infos[idx[k]]
    if inf.bullet:
        if k + 1 < len(idx) and infos[idx[k + 1]].bullet:
            return None
        j = k - 1
        while j >= 0 and infos[idx[j]].bullet and infos[idx[j]].words <= CRUMB_ITEM_WORDS:
            j -= 1
        if k - 1 - j < CRUMB_MIN_ITEMS or (j >= 0 and infos[idx[j]].bullet):
            return None
        key = line_key(inf.text)
    else:
        parts = [p for p in _CRUMB_SEP.split(clean_title(inf.text)) if p.strip()]
        if len(parts) <= CRUMB_MIN_ITEMS or any(len(p.split()) > CRUMB_ITEM_WORDS for p in parts[:-1]):
            return None
        key = line_key(parts[-1])
    return key if len(key.split()) >= CRUMB_TITLE_WORDS and not key.endswith(("…", "...")) else None


def _crumb_echo(stop: int, idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                lo: int) -> Optional[int]:
    """A page's breadcrumb ends in the page's own title, and a line just under it repeating that
    last item ("• Home • Politik • Headline" or "Home » Politik » Headline" ... "Headline") is the
    headline, whatever the lines around it score (a kicker, a teaser, a caption). Read on all lines
    above ``stop`` (the body found may start far below the header); of such lines, the last, when
    it stands within CRUMB_ECHO_WITHIN lines of the breadcrumb and is headline-shaped
    (:func:`_title_score` does not rule it out)."""
    tails: dict[str, int] = {}
    found = None
    for k in range(stop):
        crumb = tails.get(line_key(infos[idx[k]].text))
        if crumb is not None and k - crumb <= CRUMB_ECHO_WITHIN and not infos[idx[k]].bullet \
                and _title_score(k, lo, idx, infos, reasons, set()) is not None:
            found = k
        key = _crumb_tail(k, idx, infos)
        if key is not None:
            tails[key] = k
    return found


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
            or is_date_line(inf) or lo + 1 >= len(idx) or not infos[idx[lo + 1]].prose:
        return None
    below = [infos[i] for i in idx[lo + 1:lo + 1 + OPENING_SIGNED_WITHIN]]
    signed = any(_is_by_line(b) or (is_date_line(b) and _short_date(b.text)) for b in below)
    return idx[lo] if signed else None


REPEAT_MIN_CHARS = 12  # a line this long at least may be found repeated elsewhere on the page
REPEAT_WITHIN_BONUS = 1.5  # another line holds it with more around it ("Headline | Site", "Share: Headline")
REPEAT_MAX_GROWTH = 3  # the longer line is at most this many times the candidate (plus 40 characters)


def line_key(text: str) -> str:
    """A line compared for repetition: without bullets and markdown marks, case and spacing folded."""
    return " ".join(clean_title(BULLET.sub("", text.strip())).casefold().split())


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
UNDER_DATE = 2  # a date line may also stand over its headline ("Transport 14.03.2024" / "Headline")


def _far_signature(idx: list[int], infos: list[LineInfo], lo: int) -> tuple[Optional[int], int]:
    """The page's first "By ..." line above the header window, and how many lines under it may
    hold its headline (none); when there is none, its first short full-date line there (a story's
    date stands just over or a few lines under its headline: "Transport 14.03.2024" over it, or
    "Headline" / standfirst / "Jane Roe" / "14.03.24"), with UNDER_DATE lines under it (so lines
    under it say the line is a date line: weaker evidence than a by-line)."""
    above = range(max(0, lo - HEAD_WINDOW))
    by = next((k for k in above if _by_line_at(k, idx, infos)), None)
    if by is not None:
        return by, 0
    date = next((k for k in above if is_date_line(infos[idx[k]]) and _short_date(infos[idx[k]].text)), None)
    return date, UNDER_DATE


def _title_over_byline(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], lo: int,
                       lead: list[str], window_best: float) -> Optional[int]:
    """When no "By ..." line stands near the body's first line (the body found starts far below
    the header, or is not the story at all): the headline of the page's first "By ..." line (or,
    without one, date line; :func:`_far_signature`) above the window, scored (:func:`_title_score`)
    against the prose under that line as well as the body's ``lead``; of the few lines around it
    scoring close to the best, the earliest; a date line is weaker evidence than a by-line, so its
    lines must score ``window_best`` (the header window's best) at least, and the lines just under
    it are header lines (a question headline reads like prose)."""
    by, under = _far_signature(idx, infos, lo)
    weak = under > 0  # a date line, not a by-line
    if by is None:
        return None
    floor = max(MIN_TITLE_SCORE, window_best) if weak else MIN_TITLE_SCORE
    top = by + 1 + under if weak else by  # the lines under a date line are header lines, not the body
    own = [infos[i].text for i in idx[by + 1:by + 1 + OWN_LEAD] if infos[i].prose][:6] + lead
    scores: dict[int, float] = {}
    for k in range(max(0, by - OVER_BYLINE), min(len(idx), by + 1 + under)):
        if k == by:
            continue
        sc = _title_score(k, top, idx, infos, reasons, line_terms(" ".join(t for t in own if t != infos[idx[k]].text)))
        if sc is not None and sc >= floor:
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
               and clean_title(BULLET.sub("", ln.strip())).casefold() == label for i, ln in enumerate(lines))
    return m.group(2).strip() if menu or mostly_ui(m.group(1)) else text


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
