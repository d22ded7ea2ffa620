"""The people one line of a page's header names, as a by-line names them (:func:`byline_names`):
"By A and B", a name with a role, a handle or a date glued to it, a bare "First Last" line;
and the names a by-line's plain split gives that these rules do not confirm
(:func:`unconfirmed_names`)."""
from __future__ import annotations

import re

from newsledger.extract import meta as M
from newsledger.extract.byline import BYLINE_TAIL as _SOCIAL_TAIL, is_newsroom
from newsledger.extract.date_cues import PUBLISHED, UPDATED
from newsledger.extract.header_vocab import CREDIT, UI_WORDS, unmarked
from newsledger.extract.lines_vocab import BULLET, BYLINE_STRIP, DATE


_GLUED_TAIL = re.compile(
    r"(?<=[a-zà-ÿ])(?=\d|(?:News|Senior|Chief|Political|Politics|Published|Updated|Posted|The |Staff|Travel|"
    r"Sports?|Business|Deputy|Associate|Assistant|Reporter|Correspondent|Editor|Writer|Journalist|"
    r"Columnist|Contributor|Digital|Home|Health|Showbiz|Royal|Crime|Consumer|Money|Trends|Weekend|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)\b)")
_NAME_WORD = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|L['’])?[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄ][a-zßà-öø-ÿā-žа-яёіїєґ'’]+"
                        r"(?:-[A-ZÀ-ÖØ-ÞА-Я][a-zà-öø-ÿа-я'’]+)?$|^[A-Z]\.$|^(?:Jr|Sr)\.$|"
                        r"^(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|el|ter|dos|das)$")
ROLE_TAIL = re.compile(r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:Correspondent|Reporter|Editor|Writer|Columnist|Contributor|"
                       r"Redakteur(?:in)?|Journalist(?:in)?|Follow|Staff|Producer|Photographer))+\s*$|"
                       r"(?<=[a-z])(?:Redakteur(?:in)?|Journalist(?:in)?|Reporter|Follow)\s*$")

ROLE_LINE = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}(?:correspondent|reporter(?:in)?|editor|writer|columnist|contributor|producer|"
    r"journalist(?:e|in)?|redakteur(?:in)?|rédact(?:eur|rice)|redactor(?:a)?|periodista|corresponsal|"
    r"correspondant(?:e)?|korrespondent(?:in)?|giornalista|inviat[oa]|freelance)\b", re.I)


_ROLE_FIRST = re.compile(ROLE_LINE.pattern.replace(r"(?:[\w'’-]+\s+){0,3}", ""), re.I)  # the role word first


def _name_part_ok(part: str) -> bool:
    """A bare "First Last" (2-4 words, each a capitalised name word or a particle, none a word
    of site furniture such as "Up Next", "Print Mode", "Public Service")."""
    toks = [t.title() if t.isupper() and len(t) >= 5 else t for t in part.split()]  # "Bill MCCARTHY", not "ACLU"
    if not 2 <= len(toks) <= 4 or not _NAME_WORD.match(toks[0]) or not _NAME_WORD.match(toks[-1]) \
            or toks[0].islower() or toks[-1].islower() or toks[0].endswith("."):
        return False
    if any(t.lower().strip(".") in UI_WORDS for t in toks) or _phrase_not_name(toks):
        return False
    return all(_NAME_WORD.match(t) for t in toks)


# words of a Title-Case headline that no name has: a function word ("To Host", "Dies At") or a
# headline's verb ("Dies", "Kills"); a particle of a name ("de", "van") is not among them
_HEADLINE_WORDS = set("""to at of for with in on into from after over as is are was were has have had
dies died dead kills killed says wins charged arrested resigns""".split())  # not "Will", "Said": names
_POSSESSIVE = re.compile(r"['’]s$")


def _headline_words(toks: list[str]) -> bool:
    """Words that show a Title-Case line is a headline, not a person: a function word or a
    headline's verb ("Ellen Roe To Host", "Actress Jane Roe Dies"), or a possessive ("Hollywood's
    Mermaid", "Deputy's Alleged Killer Held")."""
    return any(t.lower() in _HEADLINE_WORDS or _POSSESSIVE.search(t) for t in toks)


_AGE_APPOSITION = re.compile(r"^\s*,\s*\d{1,3},\s+\w")  # "Jane Roe, 24, was ...", not "Hauptstr. 45, Ort"


def _about_the_person(number_tail: str, cut_tail: str) -> bool:
    """A line that goes on from a name to a sentence or a headline about the person, so it is no
    by-line: an age in apposition ("Jane Roe, 24, was charged ...") or, after a dash or a bar, a
    Title-Case headline word ("Jane Roe - Jane Roe: Swimmer And Actress Dies")."""
    if _AGE_APPOSITION.match(number_tail):
        return True
    return any(t[:1].isupper() and t.lower() in _HEADLINE_WORDS for t in re.findall(r"[\w'’]+", cut_tail))


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


_ROLE_LINKS = {"at", "of", "head", "lead", "home", "local", "national", "international"}


def _strip_roles(s: str) -> tuple[str, bool]:
    """"Steffan Rhys Deputy Content Hub Director" -> ("Steffan Rhys", True): role words at the end
    cut, and whether they show a role; a cut "at" or "of" alone does not ("Jane Roe Dies At")."""
    toks = s.split()
    cut: list[str] = []
    while len(toks) > 2 and toks[-1].lower().strip(",.") in _ROLE_WORDS:
        cut.append(toks.pop().lower().strip(",."))
    return " ".join(toks), any(w not in _ROLE_LINKS for w in cut)


# what follows a name on a by-line: a date, a posting or editing cue ("Zuletzt geändert am ...",
# "Erstellt am ...", "Publicado hace 3 horas"), a month name in several languages before a number
_TIME_TAIL = re.compile(r"\s*(?:\d|(?:published|updated|posted|veröffentlicht|publicado|publié|publiziert|"
                        r"zuletzt|geändert|aktualisiert|erstellt am|modifié|actualizado)\b|"
                        r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|"
                        r"thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|"
                        r"martes|miércoles|jueves|viernes|sábado|domingo),?\s+\d|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|avr|juil|"
                        r"déc|ene|abr|ago|dic)[a-zéû]*\.?\s+\d).*$", re.I)
_AGENCY_PART = re.compile(r"^\(?[A-Z]{2,5}\)?$")


GLUED_BY = re.compile(r"^([Bb]y)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")  # "bySauli Giliard"
_BY_COLON = re.compile(r"^((?:written |posted |story )?by|von|par|por|door|av|af|di)\s*:\s*(?=\w)", re.I)  # "Von: Jane Roe"
# "Veröffentlicht am 3. März 2019 von Jane Roe", "July 24, 2019 by Jane Roe", "Erstellt von Jane Roe":
# a posting cue or a date first, the by-word after it
_MID_BY = re.compile(
    r"^(?:(?i:posted|published|written|veröffentlicht|erstellt|geschrieben|eingestellt|verfasst|publié|publicado|"
    r"pubblicato|ein artikel|ein beitrag|blog ?beitrag)\b[^|]{0,40}?|[^|]{0,30}?\b\d{4}\b[^|]{0,12}?)"
    r"\s*[·•|,-]?\s*(?i:by|von|par|por|door)\s+(?=[A-ZÀ-ÖØ-Þ]|[a-zà-ÿ][\w.'’-]*\s*(?:$|[|·•]))")  # "... by marc"
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
    s = _BY_COLON.sub(r"\1 ", GLUED_BY.sub(r"\1 ", s))
    mid = None if BYLINE_STRIP.match(s) else _MID_BY.match(s)
    if mid and len(s.split()) <= MID_BY_WORDS:
        s = "By " + s[mid.end():]
    if not BYLINE_STRIP.match(s):
        segs = _SEGMENT_SEP.split(s)
        s = next((seg for seg in segs[1:] if BYLINE_STRIP.match(seg)
                  and re.match(r"[A-ZÀ-ÖØ-Þ]", BYLINE_STRIP.sub("", seg))), s)
    return _WITH_NAMES.sub(r", \1", s)


DATED_TAIL_CHARS = 40  # a by-line's date or "Published" cue starts this close to the name


def _dated_tail(s: str) -> bool:
    """The line goes on from the name to a date or a "Published" cue ("Jane Roe - Apr 16,
    2015"), not just to any number ("... Celebrate '13 Going on 30'"); the date opens the tail,
    not a sentence ending in one ("Jane Roe, 24, was charged ... after 06:00 BST")."""
    m = _TIME_TAIL.search(s)
    if not m or not m.start():
        return False
    tail = m.group(0)
    head = tail[:DATED_TAIL_CHARS]
    return bool(DATE.search(head) or PUBLISHED.search(head) or UPDATED.search(head) or M.parse_date(head))


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
_HANDLE = re.compile(r"^[^\W\d_][\w'’.-]{1,30}(?<!\.)$")  # "Creeny", "PETA-Team", "jane.roe"


def _posting_handle(line: str, parts: list[str]) -> bool:
    """The one part is a one-word name or handle ("Creeny", "marc", "PETA-Team") that the line
    plainly names as the poster: a by-word right before it, no capitalised word after it, and a
    date or a posting cue on the line ("Veröffentlicht am 24. Januar 2020 von Creeny", "Posted
    by Konstantin 21.10.2019"; not "Von Henry In Aktuell")."""
    if len(parts) != 1 or not _HANDLE.match(parts[0]):
        return False
    word = parts[0].lower()
    if parts[0][0].islower() and not (DATE.search(line) or M.parse_date(line)):
        return False  # "veröffentlicht von example": with no date, a lower-case word may be the site's login
    if word in UI_WORDS or word in _ROLE_WORDS or word in _ARTICLE_FIRST or M.find_agency(parts[0]) \
            or is_newsroom(parts[0]):
        return False
    # the word right after the by-word, with no capitalised word after it ("Von Jane Staff": a role cut off)
    by_it = re.search(rf"\b(?i:by|von|par|por|door)\s*:?\s+{re.escape(parts[0])}(?![\w-])(?!\s+[A-ZÀ-ÖØ-Þ])", line)
    return bool(by_it) and bool(DATE.search(line) or _POSTING_CUE.search(line) or M.parse_date(line))


def _trim_part(p: str) -> str:
    """One name of a by-line without the punctuation around it, but with the dot of "Jr." / "Sr."."""
    p = p.strip(" :,").lstrip(".")
    return p if re.search(r"\b(?:Jr|Sr)\.$", p) else p.rstrip(".")


# what a blog's post-meta line runs on after the author: the comment link or count ("Leave a
# comment", "Schreibe einen Kommentar", "Ein Kommentar", "3 Kommentare"; after a dated name a bare "0")
_COMMENT_LINK = (r"\s*[·•|,-]?\s*(?:(?:leave|post|add|write) a (?:comment|reply)|"
                 r"(?:schreibe|hinterlasse)(?: jetzt)? einen kommentar|laisser un commentaire|deja un comentario|"
                 r"(?:no|one|keine?|ein|\d{1,4})\s+(?:comments?|kommentare?|commentaires?|comentarios?|responses?|replies)")
_COMMENT_TAIL = re.compile(_COMMENT_LINK + r")\s*$", re.I)
_COMMENT_COUNT = re.compile(_COMMENT_LINK + r"|(?<=\s)\d{1,3})\s*$", re.I)
# the post's date (twice, when the flattener ran "published" and "updated" together) before the author
_LEAD_DATE = re.compile(rf"^(?:\s*[·•|,@-]?\s*(?:(?i:um|at|à)\s+)?(?:{DATE.pattern}))+\s*[·•|,-]?\s*", re.I)


def _post_meta_name(s: str) -> list[str]:
    """The author of a blog's post-meta line: the date first, then one name and nothing but a
    comment link or count ("26. September 2019 Jane Roe Leave a comment", "May 3, 2024 Jane Roe
    0"); [] when the line is not that (a tag list after the name: which words are the name?)."""
    m = _LEAD_DATE.match(s)
    tail = _COMMENT_COUNT.search(s)
    if not m or not m.group(0).strip() or not tail or tail.start() <= m.end():
        return []
    rest = s[m.end():tail.start()].strip(" ·•|,-–—")
    return [rest] if _name_part_ok(rest) else []


def byline_names(line: str) -> tuple[list[str], bool]:
    """(people named by a byline-like line, whether the line itself shows it is a byline: a
    by-word, a role, a handle or a date glued to the name). Without such evidence the whole
    line must be names (:func:`_name_part_ok`)."""
    s = _by_segment(_COMMENT_TAIL.sub("", unmarked(line)))
    if not s or CREDIT.search(s) or len(s) > 200 or _ROLE_FIRST.match(s):
        return [], False  # "Periodista Judicial", "Political Correspondent": a role, not a name
    dated = _post_meta_name(line.strip())  # not unmarked: "1. Mai 2024" is no numbered item here
    if dated:
        return dated, True
    line = _COMMENT_TAIL.sub("", line.strip())
    by = bool(BYLINE_STRIP.match(s))
    s = BYLINE_STRIP.sub("", s).strip()
    if by:  # "von Jane Roe Twitter Account von Jane Roe": the author box's social links
        s = _SOCIAL_TAIL.sub("", s).strip()
    cut = _GLUED_TAIL.split(s, maxsplit=1)
    s0 = cut[0].strip()
    cut_time = _TIME_TAIL.sub("", s0).strip(" -–—|·•,/")  # "Jane Roe / Oktober 25 2023"
    dated = _dated_tail(s0)
    cut_time = _CONNECTOR_TAIL.sub("", cut_time) if by or dated else cut_time  # "Jane Roe am 3. März 2024"
    role_cut = ROLE_TAIL.sub("", cut_time).strip()
    role, role_shown = _strip_roles(role_cut)
    handle = re.sub(r"@\w+.*$", "", role).strip()
    evidence = by or len(cut) > 1 or dated or role_cut != cut_time or role_shown or handle != role
    s = re.sub(r"\s*(?:\||•|·|—|–| - ).*$", "", handle)
    if not evidence and _about_the_person(s0[len(cut_time):], handle[len(s):]):
        return [], False
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
    if all(_name_part_ok(p) for p in parts) and (evidence or not any(_headline_words(p.split()) for p in parts)):
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
        parts = M.split_byline(ln) or M.split_byline("By " + BULLET.sub("", ln).strip())
        if len(parts) > 1:
            out.update(set(parts) - set(byline_names(ln)[0]))
    return out
