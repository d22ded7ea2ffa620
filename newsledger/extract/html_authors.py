"""Authors and wire agency read from an HTML page: by-line strings split into names
(:func:`split_byline`), the by-line markup nearest the headline (:func:`find_byline`), and the names
under the headline when the markup names no one (:func:`names_under_headline`).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsledger import agencies as A
from newsledger.extract.byline import without_label
from newsledger.extract.coauthors import coauthors_beside, coauthors_in_metadata
from newsledger.extract.html_markup import squash_space, text_of
from newsledger.extract.jsonld import ld_types, organisation_names
from newsledger.extract.meta import NAME_PARTICLES, date_start
from newsledger.extract.titles import headline_of_h1
from newsledger.model import normalise_text


_AGENCY_NAMES = A.pattern()  # the wire-agency registry (newsledger.agencies)

DATELINE_PAREN = re.compile(
    r"^([A-Z][A-Za-z\u00C0-\u024F.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z\u00C0-\u024F.'’\- ]{1,30})?)\s*"
    r"\(([^)]{1,40})\)\s*[-—–:]")
DATELINE_CAPS = re.compile(
    r"^([A-Z][A-Z\u00C0-\u00DE.'’\- ]{2,30}(?:,\s*[A-Z][A-Za-z.\u00C0-\u024F ]{1,30})?)\s*[-—–]{1,2}\s")
DATELINE_IN = re.compile(
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
# the by-word, after a verb or the kind of piece ("Opinion by", "Ein Kommentar von"), or "As told to"
_BY_PREFIX = re.compile(r"^(?:(?:(?:written|reported|posted|published|geschrieben|verfasst|erstellt|eingestellt|"
                        r"veröffentlicht|interview|opinion|analysis|commentary|review|column|essay|"
                        r"(?:ein |eine )?(?:kommentar|analyse|gastbeitrag|rezension|kolumne)) )?"
                        r"(?:by|von|par|por|di|door)|as told to)\s*:?\s+", re.I)
# what follows the names on a news by-line, no part of them: the paper the writer is lent to or the wire's
# material ("Jane Roe Special to The Times", "mit Material von dpa"), where the writer files from ("Jane
# Roe in Kyiv"), the reading time ("Jane Roe · 3 min read"); a wire in brackets is cut in _without_credits
# (a role with no separator is not cut: "Jane RoeNews Reporter", "Jane Roe Games Editor" keep junk before it)
_CREDIT_TAILS = (
    re.compile(r"\s+(?:special (?:to|for)|(?:mit|with) (?:material|agenturen|agenturmaterial|agencies|"
               r"additional reporting|reporting))\b.*$", re.I),
    re.compile(r"\s+in\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*){0,2}\s*$"),
    re.compile(r"\s*[·•|,–—-]?\s*\d+\s*(?i:min(?:ute)?s?|minuten?)\.?(?:\s+(?i:read|lesezeit|de lecture|lectura))?"
               r"\s*$"),
)
_BRACKETED = re.compile(r"\s*\(([^()]{1,40})\)?\s*$")  # "Jane Roe (Reuters)", "Jane Roe (AFP"
# the word before a wire's name that credits it ("From Reuters", "Quelle: dpa"): the wire, no person
_WIRE_LEAD = re.compile(r"^(?:from|via|source|quelle|fuente)\s*:?\s+", re.I)
_PIPE_TAIL = re.compile(r"\s*\|.*$")
# a role or team after the last name, set off by a spaced dash ("A and B - Chrome Safe Browsing team",
# "A – Journalist")
_ROLE_TAIL = re.compile(r"\s+[-–—]\s+[^-–—]*\b(?:team|staff|desk|newsroom|journalist|editor|correspondent|"
                        r"reporter|writer|contributor|columnist|producer|redaktion|redakteur(?:in)?)\b[^-–—]*$",
                        re.I)


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
    """The names' stretch of a byline string: the by-word or label before them ("Text & Fotos:"), a
    "| ..." tail, a role or team after a spaced dash, a credit (:func:`_without_credits`), a date and time
    after them taken off."""
    s = _ROLE_TAIL.sub("", _PIPE_TAIL.sub("", without_label(_BY_PREFIX.sub("", _after_section(squash_space(raw))))))
    s = _without_credits(s)
    cut = date_start(s)
    s = _without_weekday(s[:cut]) if cut else s  # "By Jane Roe March 11, 2015 3:46 PM": the date and time go
    s = _IN_CONVERSATION.sub(", ", s)  # "A im Gespräch mit B": the guest and the interviewer
    return re.sub(r"\s*\((?:avec|with|mit|con|com|met)\s+([^)]*)\)?", r", \1", s)  # "A (avec B et C)"


# a section or column name before the by-word ("Harbour Notes by Jane Roe", "Economía por Ana Roe"): one to
# four capitalised words, none of a photo, an edit or a review ("Photo by", "Reviewed by" credit another);
# not "von", which is part of names ("Carl von Ossietzky")
_SECTION_BY = re.compile(r"^(?P<pre>(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*\s+){1,4})(?=(?:by|par|por)\s+[A-ZÀ-ÖØ-Þ])")
_OTHER_CREDIT = re.compile(r"(?i)photo|foto|image|bild|illustrat|video|grafi|graphic|edit|review|check|updat|translat|"
                           r"übersetz|produc|moderat|host|interview")


def _after_section(s: str) -> str:
    """``s`` less a section's name before its by-word (``_SECTION_BY``)."""
    m = _SECTION_BY.match(s)
    return s[m.end():] if m and not _OTHER_CREDIT.search(m.group("pre")) else s


def _without_credits(s: str) -> str:
    """A by-line's names less what follows them (``_CREDIT_TAILS``) and a wire in brackets after them."""
    for tail in _CREDIT_TAILS:
        s = tail.sub("", s)
    m = _BRACKETED.search(s)
    return s[:m.start()] if m and A.is_name(m.group(1).strip()) else s


# an interview's credit line naming the guest and the interviewer
_IN_CONVERSATION = re.compile(r"\s+(?:im Gespräch mit|in conversation with|en conversation avec|in conversazione con|"
                              r"en conversación con)\s+(?=[A-ZÀ-ÖØ-Þ])")


# a weekday written right before the by-line's date ("Von Jane Roe Fr, 18. Oktober 2019"): an
# abbreviation only with its comma or dot ("Anh Do, March 11" keeps "Do": see _without_weekday), or an
# English one of three letters ("Jane Roe Mon 4 Mar 2024"; "Li Sun 4 Mar" keeps "Sun")
_WEEKDAY_TAIL = re.compile(
    r"\s+(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So|lun|mar|mer|jeu|ven|sam|dim)[.,]|"
    r"(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|"  # "Jane Roe Mon 4 Mar 2024": three letters, capitalised, no dot
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


_SPACED_SLASH = re.compile(r"\s+/\s+")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?")  # "Jordán", "Smith-Jones", "O'Neil", "E."


def _slash_parts(part: str) -> list[str]:
    """A by-line part of names set apart by a spaced slash ("Laura Roe / Javier Doe") as its names,
    when every side is a name of two to four capitalised words; else the part as it is ("Jane Roe /
    dpa", "Example.it / Example Online")."""
    sides = _SPACED_SLASH.split(part)
    if len(sides) > 1 and all(2 <= len(s.split()) <= 4 and all(_CAPITALISED.fullmatch(w) for w in s.split())
                              for s in sides):
        return sides
    return [part]


def split_byline(raw: str) -> tuple[list[str], Optional[str]]:
    """Person names and agency from a byline string ("By A and B, Reuters"; "A / B": :func:`_slash_parts`)."""
    agency = normalise_agency(squash_space(raw))
    names: list[str] = []
    for part in (p for whole in _BYLINE_SPLIT.split(_byline_string(raw)) for p in _slash_parts(whole)):
        part = _byline_part(part)
        if names and _ROLE_PART.search(part):
            break  # "A, Senior Staff Technologist, ACLU Speech, Privacy ...": the rest is A's role and employer
        if not part or len(part) > 50 or _BYLINE_JUNK.search(part) or A.is_name(_WIRE_LEAD.sub("", part)):
            continue
        words = part.split()
        if not 1 <= len(words) <= 5 or not any(w[:1].isupper() or _uncased(w) for w in words):
            continue
        if _phrase(words):
            continue
        if len(words) == 1 and not _CJK_NAME.fullmatch(part):
            continue  # a lone word is rarely a full name ("Admin"; "Jane Roe, Berlin": her city), unless CJK/Hangul
        if part.isupper():
            part = part.title()
        if part not in names:
            names.append(part)
    return names, agency


def _names(value: Any) -> list[str]:
    """The names of a JSON-LD author value: strings, objects' ``name`` (or, without one, a Person's
    ``givenName`` and ``familyName``), lists of those."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("givenName", "familyName")]
        if "name" not in value and all(isinstance(p, str) and p.strip() for p in parts):
            return [" ".join(p.strip() for p in parts)]
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_CAPS_CREDIT = re.compile(r"[A-Z]{2,5}")
# a class or id token of a comment, a comment list or a comment form (not "comments-open" and the like)
_COMMENT_TOKEN = re.compile(r"^(?:comments?|comments?[-_](?!count|link|open|closed).+|"
                            r"commentlist|commentform|respond|disqus_thread|recentcomments)$")


def _posts_footer(node) -> bool:
    """A <footer> inside an <article>: the post's own footer (where blog software puts "Posted by"), not
    the page's."""
    return node.tag == "footer" and next(node.iterancestors("article"), None) is not None


def off_story(el) -> bool:
    """The element is in an aside, a footer or navigation, or in a comment, a comment list or a
    comment form (where "Name *" labels a field): one walk up its ancestors."""
    for node in (el, *el.iterancestors()):
        if node is not el and node.tag in ("aside", "footer", "nav") and not _posts_footer(node):
            return True
        if any(_COMMENT_TOKEN.match(t) for t in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()):
            return True
    return False


def _headline_pos(markup: dict, title: Optional[str]) -> Optional[int]:
    """The position of the <h1> that is the headline: the one whose text is the title, else the only one."""
    h1s = [(h, text_of(h)) for h in markup["h1"]]
    h1s = [(h, t) for h, t in h1s if t]
    key = normalise_text(title or "")
    for h, t in h1s:
        if key and key in (normalise_text(t), normalise_text(headline_of_h1(h))):
            return markup["pos"][h]
    return markup["pos"][h1s[0][0]] if len(h1s) == 1 else None


def byline_candidates(markup: dict, title: Optional[str] = None) -> list:
    """The byline elements that may be the article's, nearest the headline first (document order
    when no <h1> is the headline): none in an aside, a footer, navigation or the comments."""
    els = [el for el in markup["byline"] if not off_story(el)]
    head = _headline_pos(markup, title)
    if head is not None:
        pos = markup["pos"]
        els.sort(key=lambda el: abs(pos[el] - head))
    return els[:6]


def entries_text(el, bylines: set) -> str:
    """A by-line element's text with a comma between two names its links or by-line elements give
    side by side with nothing but space between ("By <a>Jane Roe</a> <a>John Doe</a>" -> "By Jane Roe,
    John Doe"; the text alone runs them into one name, or glues them: "Jane RoeJohn Doe"); each must
    read as one name by itself."""
    text = text_of(el)
    segs = [text_of(d) for d in el.iterdescendants() if isinstance(d.tag, str) and (d.tag == "a" or d in bylines)]
    segs = [t for t in segs if t]
    one_name = {t: split_byline(t)[0] == [t] for t in set(segs)} if len(segs) > 1 else {}
    for a, b in zip(segs, segs[1:]):
        if a != b and one_name[a] and one_name[b]:
            for glue in (" ", ""):
                text = text.replace(a + glue + b, f"{a}, {b}")
    return text


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
                title: Optional[str] = None, site: Optional[str] = None) -> tuple[list[str], Optional[str]]:
    """Authors and agency: the names of the first kind of source that names a person (JSON-LD, meta
    authors, by-line markup; a kind naming only the ``site``, the publisher (:func:`publisher_names`: a
    magazine's name in ``<meta name="author">``) or a newsroom is passed over, and kept when no later
    kind names a person), the co-authors beside them, the wire of the credit lines."""
    agency: Optional[str] = None
    kinds: list[list[str]] = [_names(ld.get("author")), []]  # JSON-LD authors, meta authors, byline markup
    for key in ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"):
        kinds[1] += [_given_first(v) if key == "dc.creator" else v for v in meta.get(key, []) if not v.startswith("http")]
    kinds.append([])
    candidates, bylines = byline_candidates(markup, title), set(markup["byline"])
    for el in candidates:
        t = entries_text(el, bylines)
        if t and len(t) <= 120:
            kinds[2].append(t)
    names: list[str] = []
    first: list[str] = []  # the first kind's names, when it names only the site, the publisher or a newsroom
    publishers = publisher_names(meta, ld)
    for sources in kinds:  # every name of the first kind that names anyone (all co-authors)
        for src in sources:
            n, ag = split_byline(src)
            agency = agency or ag
            if not names or sources is not kinds[-1]:
                names += [x for x in n if x not in names]
        if names and names_a_person(without_publisher(names, publishers), site):
            break
        first, names = first or names, []
    names = names or first
    names += [n for n in coauthors_in_metadata(kinds[1], names, split_byline) if n not in names]
    names += [n for n in coauthors_beside(candidates, names, split_byline, bylines) if n not in names]
    for v in _names(ld.get("sourceOrganization")):
        agency = agency or normalise_agency(v)
    # credit lines in the text: first and last lines
    if not agency and lines:
        head = lines[0][:120]
        m = DATELINE_PAREN.match(head)
        if m:  # "PORT ADREL (MPA) —": the credit in a dateline's brackets is the wire
            credit = m.group(2).strip()
            agency = normalise_agency(credit) or (credit if _CAPS_CREDIT.fullmatch(credit) else None)
        if not agency:
            m = DATELINE_IN.search(lines[0]) if len(lines[0]) < 120 else None
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


def names_a_person(names: list[str], site: Optional[str]) -> bool:
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
    key = normalise_text(text_of(h1))
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


# ------------------------------------------------------------------ a blog's account name

HANDLE_CHARS = 30  # a longer single "word" is a slug or a site's name, not an account's
_HANDLE = re.compile(r"[^\W\d_][\w'’.\-]*")  # one word of letters (dots and dashes inside), no digit
_INITIALS = re.compile(r"[A-ZÀ-ÖØ-Þ.]{1,4}")  # "DT", "J.R.": initials, not an account's name


def _hcard_names(el) -> list:
    """The hCard formatted-name elements (class token ``fn``) at or under a by-line element, each in
    a ``vcard`` (itself or an ancestor up to the by-line element)."""
    out = []
    for fn in el.iter():
        if not isinstance(fn.tag, str) or "fn" not in (fn.get("class") or "").split():
            continue
        chain = [fn, *fn.iterancestors()]
        chain = chain[:chain.index(el) + 1] if el in chain else chain[:3]
        if any("vcard" in (a.get("class") or "").lower().split() for a in chain):
            out.append(fn)
    return out


def fuller_name_shown(word: str, root) -> bool:
    """The page's text shows ``word`` followed by a capitalised word ("Henry" and "MEHR VON HENRY
    STEINHAU"): the one word is the first name of a longer name, not the whole."""
    pat = re.compile(rf"(?<!\w)(?i:{re.escape(word)})\s+(?:[A-ZÀ-ÖØ-Þ][a-zà-ÿ]|[A-ZÀ-ÖØ-Þ]{{2,}}\b)")
    key = word.casefold()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if any(t and key in t.casefold() and pat.search(t) for t in (el.text, el.tail)):
            return True
    return False


def vcard_handle(markup: dict, title: Optional[str]) -> list[str]:
    """For a page whose markup names no one: the one-word account name of the by-line's hCard ("by
    <span class="author vcard"><a class="url fn n">tlow</a></span>", as blog software writes it), when
    the by-line elements near the headline give exactly one such name, it is no set of initials
    ("DT"), and the page shows no longer name starting with it ("Henry" beside "Henry Steinhau")."""
    fns = [fn for el in byline_candidates(markup, title) for fn in _hcard_names(el)]
    words = {text_of(fn) for fn in fns}
    if len(words) != 1:
        return []
    word = words.pop()
    return [word] if account_name(word) and not fuller_name_shown(word, fns[0].getroottree().getroot()) else []


# an account that is the site's or its software's, or a desk's, not a writer's ("wordpressadmin",
# "webmaster", "Newsdesk", "Redaktion", "Exampleteam")
_SERVICE_ACCOUNT = re.compile(r"admin|webmaster|user|guest|gast|staff|team|desk|news|editor|redaktion|redaction|"
                              r"redacci|redazione|agenc", re.I)


def account_name(word: str) -> bool:
    """``word`` may be a blog's one-word account name: one word of letters, not too long, no set of
    initials ("DT", "J.R.") and no service's or desk's account (``_SERVICE_ACCOUNT``)."""
    return len(word) <= HANDLE_CHARS and bool(_HANDLE.fullmatch(word)) and not _INITIALS.fullmatch(word) \
        and not _SERVICE_ACCOUNT.search(word)


def ld_person_handle(ld: dict, markup: dict, title: Optional[str]) -> list[str]:
    """For a page whose markup names no one: the one-word name of the JSON-LD article's one author
    typed ``Person`` ("Jessie", as a blog's SEO plugin writes its account), when a by-line element near
    the headline shows that word alone or after its by-word ("Von Jessie", "by jessie") and it may be
    an account's name (:func:`account_name`). Two signals agree: the markup's by-line alone, or the
    JSON-LD alone, is not taken (a lone word is rarely a full name); nor is it where a text of the page
    starts with a fuller name (:func:`_fuller_name_leads`)."""
    value = ld.get("author")
    people = [v for v in (value if isinstance(value, list) else [value])
              if isinstance(v, dict) and "person" in ld_types(v) and isinstance(v.get("name"), str)]
    if len(people) != 1:
        return []
    word = people[0]["name"].strip()
    shown = [el for el in byline_candidates(markup, title) if _by_line_word(text_of(el)) == word.casefold()]
    return [word] if shown and account_name(word) and not _fuller_name_leads(word, shown[0]) else []


def _fuller_name_leads(word: str, el) -> bool:
    """A text of the page of ``el`` starts with ``word`` and a capitalised word ("Jessie Roe - reporter
    and ...", as an author box introduces her): the page gives the author's full name where it
    introduces her; a fuller name inside a sentence or the site's name ("Ich bin Jessie Roe") does
    not count."""
    pat = re.compile(rf"(?i:{re.escape(word)})\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]")
    for node in el.getroottree().getroot().iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "title"):
            continue
        if any(t and pat.match(t.strip()) for t in (node.text, node.tail)):
            return True
    return False


def signed_handle(markup: dict, title: Optional[str]) -> list[str]:
    """For a page whose markup names no one: the one word a by-line element near the headline gives
    after its by-word or label ("von Kathrin", "| Autor: gnaddrig", "Posted by marc"), when the
    by-line elements give exactly one such word, it may be an account's name (:func:`account_name`: no
    service's or desk's), and the page shows no longer name starting with it (:func:`fuller_name_shown`)."""
    found: dict[str, object] = {}
    for el in byline_candidates(markup, title):
        text = text_of(el).strip(_BY_LINE_PUNCT)
        word = _after_by_word(text)
        if word != text and account_name(word):
            found.setdefault(word.casefold(), (word, el))
    if len(found) != 1:
        return []
    word, el = found.popitem()[1]
    return [] if fuller_name_shown(word, el.getroottree().getroot()) else [word]


_BY_LINE_PUNCT = " .,:;|·•-–—"  # around a by-line element's names


def _after_by_word(text: str) -> str:
    """A by-line text less its by-word or label ("von", "Autor:") and the punctuation around."""
    return without_label(_BY_PREFIX.sub("", text)).strip(_BY_LINE_PUNCT)


def _by_line_word(text: str) -> str:
    """A by-line element's text (whitespace made single) after its by-word or label, case-folded."""
    return _after_by_word(squash_space(text)).casefold()


# ------------------------------------------------------------------ a social card's labelled author

# the label of a card's "written by" field (twitter:labelN, as Yoast SEO writes it), which names the
# post's author in the twitter:dataN of the same N
_CARD_AUTHOR_LABEL = re.compile(r"(?:written|posted|geschrieben|verfasst|escrito|scritto|écrit|rédigé|geschreven) "
                                r"(?:by|von|por|da|par|door)|autho?r|autore?|auteur", re.I)
_CARD_LABEL = re.compile(r"twitter:label(\d+)")


def card_authors(meta: dict) -> list[str]:
    """The names of a social card's labelled author field (``<meta name="twitter:label1" content="Written
    by">`` and ``<meta name="twitter:data1" content="Jane Roe">``), split as a by-line is."""
    names: list[str] = []
    for key, labels in meta.items():
        m = _CARD_LABEL.fullmatch(key)
        if not m or not any(_CARD_AUTHOR_LABEL.fullmatch(label.strip(" :")) for label in labels):
            continue
        for value in meta.get(f"twitter:data{m.group(1)}", []):
            names += [n for n in split_byline(value)[0] if n not in names]
    return names


# ------------------------------------------------------------------ the publisher named as the author

def publisher_names(meta: dict, ld: dict) -> set[str]:
    """The names (case-folded) the page gives its publisher: its publisher metadata and the
    organisations of its JSON-LD article (:func:`newsledger.extract.jsonld.organisation_names`)."""
    names = [v for key in ("publisher", "dc.publisher") for v in meta.get(key, []) if not v.startswith("http")]
    names += organisation_names(ld)
    return {_folded(n) for n in names if n.strip()}


def without_publisher(names: list[str], publishers: set[str]) -> list[str]:
    """``names`` less those the page gives its publisher (a site or publication in the author field)."""
    return [n for n in names if _folded(n) not in publishers]


def _folded(name: str) -> str:
    """A name as compared with the publisher's: spaces collapsed, case-folded."""
    return " ".join(name.split()).casefold()


# ------------------------------------------------------------------ a Chinese page's responsible editor

# "责任编辑：王小明" / "(责编：王小明、李华)": the responsible editor the story closes with, whom Chinese news
# pages name in place of a by-line; names in Chinese characters only (a Latin login is no name)
_EDITOR_LABEL = re.compile(r"(?:责任编辑|责编)\s*[:：]\s*([\u4e00-\u9fff]{2,4}(?:\s*[、，,]\s*[\u4e00-\u9fff]{2,4})*)"
                           r"(?![\u4e00-\u9fff\w])")


def responsible_editors(tree) -> list[str]:
    """The names of the page's responsible-editor label (``责任编辑：`` or ``责编：``), when every such label of
    the page gives the same names; else none."""
    found: set[tuple[str, ...]] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        for text in (el.text, el.tail):
            for m in _EDITOR_LABEL.finditer(text or ""):
                found.add(tuple(re.split(r"\s*[、，,]\s*", m.group(1))))
    return list(found.pop()) if len(found) == 1 else []
