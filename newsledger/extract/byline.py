"""Byline names made fit to show: the junk that page templates glue to a name is taken off.

:func:`tidy_names` is applied to every article's ``byline`` (HTML and flattened text alike):

- glued or doubled prefixes: "ByJane Roe", "Byby Jane Roe", "By: Jane Roe", "By Jane Roe";
- social-network and contact tails: "Jane RoeTwitter", "Jane Roe Email", "Jane Roe @janeroe",
  "Jane Roe Follow", "Jane Roe | Follow us on X";
- labels that are no name: "More stories by Jane Roe" (the name kept), "Follow us on
  Facebook", "Photograph by ..." / "Photo: ..." (a photographer is no author: dropped);
- the site or publisher itself as a co-author ("Jane Roe, The Daily Example" on
  dailyexample.com), staff and desk labels;
- a particle or preposition run on after the name ("Jule Radeck Vom", "Jane Roe Last"), a
  lower-case "von" before it, initials alone ("J J"); names in any script are compared as
  themselves (two Cyrillic co-authors are not one repeated);
- a degree or credential split off at its comma ("Jane Roe, PhD", "Jane Roe, MD"), an author
  box's link ("Alle Beiträge") and social or share buttons ("Teilen Twittern Mailen") are no
  co-author; a label before the names ("Interview: Jane Roe", "Text & Fotos: Jane Roe");
- a profession of a closed list before or after the name ("Rechtsanwalt Jane Roe", "Jane Roe
  Chefredakteur"), taken off only when two words of name are left.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional
from urllib.parse import urlsplit

from newsledger import agencies as A

_PREFIX = re.compile(
    r"^(?:[Bb][Yy](?:\s*:\s*|\s+|(?=[Bb][Yy])|(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]))|"
    r"(?i:(?:more|all|latest)\s+(?:stories|articles|posts|news)\s+(?:by|from)\s*:?\s*)|"
    r"(?i:(?:written|reported|story|words|text|reporting)\s+by\s*:?\s*)|"
    r"(?i:(?:authors?|autor|autoren|autorin(?:nen)?|auteurs?|autores|autori|contributors|interview)\s*:\s*)|(?:von|par|por|door)\s+(?=\w)|"
    r"(?i:(?:text|texte|texto|tekst)(?:\s*(?:&|und|and|et|y)\s*(?:fotos?|photos?|bilder))?\s*:\s*)|"
    r"(?:Von|Par|Por|Door|Af|Av)\s+(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])|"  # "Von Kalle Meier" (not "Von der Leyen"); "Af"
    r"(?i:e-?mail|contact|follow|message|read more from)\s+(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]))+")
_PHOTO = re.compile(r"^(?i:photo(?:graph|graphs|s)?|pictures?|images?|video|illustration|foto(?:s|grafie)?|"
                    r"фото(?:графия)?|снимка|снимок)\b"
                    r"(?:\s+(?i:by)\b|\s*:)")
_SOCIAL = r"(?:Twitter|Facebook|Instagram|LinkedIn|Linkedin|Bluesky|Threads|TikTok|YouTube|Mastodon|E-?mail|Email|X\.com)"
BYLINE_TAIL = re.compile(
    rf"(?:(?<=[a-zà-ÿ]){_SOCIAL}.*$|\s+{_SOCIAL}\b.*$|\s*@\w+.*$|\s+(?i:follow)\b.*$|(?<=[a-zà-ÿ])Follow\b.*$|"
    r"\s*\|.*$)")
# a newsroom or desk anywhere in the entry ("Emotion Redaktion", "KB_Redaktion"): no person
_NEWSROOM = re.compile(r"(?i)(?:\b|_)(?:redaktion|rédaction|redacción|redaccion|redação|redacao|redazione|redactie|"
                       r"redakcja|newsroom|news ?desk|web desk|συντακτικ\w* ομ\w*)\b")
_NOT_A_NAME = re.compile(
    r"^(?i:follow us|follow|share|subscribe|staff|staff writer|staff reporter|editorial (?:team|board|staff)|"
    r"news desk|newsroom|web desk|the editors|editors|admin|administrator|redaktion|rédaction|redacción|"
    r"redazione|guest author|guest|contributor|anonymous|unknown|super user)\b")
# a company's legal form closing or inside the entry ("Example Verlag GmbH", "Naturstrom AG", "Example Ltd"):
# a firm, no person
_LEGAL_FORM = re.compile(r"\s(?:g?GmbH|AG|Ag|KG|KGaA|e\.\s?V\.?|Ltd\.?|Inc\.?|LLC|PLC|plc|Corp\.?|S\.A\.?)(?=\s|$|,)")


def is_newsroom(s: str) -> bool:
    """A newsroom, desk or staff label rather than a person ("Die Redaktion", "Staff", "Newsroom")."""
    return _names_no_person(re.sub(r"^(?i:the|die|la|le|el|de|il)\s+", "", s.strip(" ,;:·•|-–—")))


def _names_no_person(s: str) -> bool:
    """A label that is no person's name: a role or placeholder ("Staff", "Guest author") or a newsroom."""
    return bool(_NOT_A_NAME.match(s) or _NEWSROOM.search(s))


_SITE_SEP = re.compile(r"\s+[|–—·•]\s+|\s+-\s+")


def _site_stems(site: Optional[str]) -> set[str]:
    """"www.dailyexample.co.uk" -> {"dailyexample"}; a publisher name -> its squashed form."""
    if not site:
        return set()
    host = (urlsplit(site if "//" in site else "//" + site).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    labels = [p for p in host.split(".") if p and p not in {"com", "co", "uk", "org", "net", "de", "fr",
                                                             "news", "online", "au", "ca", "in", "es", "it"}]
    stems = {re.sub(r"[^a-z0-9]", "", labels[0])} if labels else set()
    brand = _SITE_SEP.split(site)[-1]  # "Headline | Die Example": the publication's name after the last separator
    if brand != site and len(_squash(brand)) >= 5:
        stems.add(_squash(brand))
    return stems


def _squash(s: str) -> str:
    """A name's letters and digits only, case-folded, in any script ("Антон Зелинский" keeps its
    letters: squashing to ASCII made every non-Latin name "" and so a repeat of the first)."""
    s = re.sub(r"^the\s+", "", s.casefold())
    return re.sub(r"[\W_]", "", s)


# an entry that is an author box's link ("Alle Beiträge", "View all posts") or only social and
# share buttons ("Teilen Twittern Mailen", "Youtube")
_AUTHOR_BOX_LINK = re.compile(r"^(?i:(?:view |see |show )?(?:all|alle|mehr|more|tous les|todos los)\s+"
                              r"(?:posts?|articles?|stories|beiträge|artikel|texte|artículos)\b)")
_BUTTON_WORDS = frozenset("""facebook twitter x youtube instagram linkedin xing whatsapp telegram pinterest tiktok
threads bluesky mastodon reddit flipboard e-mail email mail share tweet teilen twittern mailen drucken print
kommentieren comment kopieren copy link""".split())
# words a by-line's line runs on with after the name ("Jane Roe Kommentare": the comments link)
_LINK_WORDS = frozenset("kommentare kommentar comments commentaires comentarios".split())

# a role or profession written before or after the name ("Rechtsanwalt Jane Roe", "Jane Roe
# Chefredakteur"): a closed list, taken off only when a name of two words or more is left
_ROLE_WORDS = frozenset("""chefredakteur chefredakteurin redakteur redakteurin autor autorin journalist journalistin
reporter reporterin korrespondent korrespondentin kolumnist kolumnistin herausgeber herausgeberin gastautor
gastautorin volontär volontärin rechtsanwalt rechtsanwältin fachanwalt fachanwältin steuerberater
steuerberaterin editor-in-chief experte expertin""".split())
# a whole entry that is a degree or credential: "Jane Roe, PhD" split at its comma
_CREDENTIAL = re.compile(r"^(?:Ph\.?\s?D|M\.?D|MBA|MPH|MSc|BSc|PharmD|DDS|RDN?|LDN|FACS|CPA|JD|LLM|Esq)\.?$")


def without_label(s: str) -> str:
    """``s`` less the by-word or label before its names ("By: ", "Text & Fotos: ", "Interview: "),
    taken off before a by-line is split at its "&" and "and" (the label's "&" joins no names)."""
    return _PREFIX.sub("", s)


def tidy_name(raw: str) -> Optional[str]:
    """One byline entry made clean, or None when it is no person's name (see the module doc)."""
    s = re.sub(r"\s+", " ", raw or "").strip(" ,;:·•|-–—…")
    if not s or _PHOTO.match(s):
        return None
    s = without_label(s).strip()
    s = BYLINE_TAIL.sub("", s).strip(" ,;:·•|-–—")
    if s.isupper() and len(s) > 3:
        s = s.title()  # "JANE ROE" as the template shouts it
    if not s or _names_no_person(s) or _no_person_entry(s) or A.is_name(s) or not re.search(r"[^\W\d_]", s):
        return None  # (a wire agency is the article's agency, not a by-line's person: "Af Ritzau")
    if all(len(w.strip(".")) <= 1 for w in s.split()):
        return None  # "J J", "A. B.": initials alone name no one
    return _without_role_words(_without_trailing_word(_once(s)))


def _once(s: str) -> str:
    """A name the markup wrote twice over ("Jane Roe Jane Roe": a visible and a screen-reader copy) once."""
    toks = s.split()
    half = len(toks) // 2
    return " ".join(toks[:half]) if len(toks) >= 4 and len(toks) % 2 == 0 and toks[:half] == toks[half:] else s


def _no_person_entry(s: str) -> bool:
    """A credential, an author box's link, a company (its legal form), a body (:func:`_names_a_body`) or
    only social and share buttons: no name."""
    words = s.casefold().replace(",", " ").split()
    return bool(_CREDENTIAL.match(s) or _AUTHOR_BOX_LINK.match(s) or _LEGAL_FORM.search(s) or _names_a_body(words)
                or (words and all(w in _BUTTON_WORDS for w in words)))


# the words that name an organisation, not a person: a word of the entry, or the end of a compound
# ("Bundesverband", "Landesministerium"); not a foundation, which signs its own pages as their author
# (trafilatura's gold keeps "Wikimedia Foundation")
_BODY_WORDS = frozenset("""amt ministerium ministry verband fraktion institut institute
universität university hochschule gesellschaft verein partei association council kommission commission
solutions gruppe group agentur agency agência agencia zeitung jornal""".split())
_BODY_ENDINGS = ("verband", "ministerium", "gesellschaft", "verein", "partei", "fraktion", "zeitung")


def _names_a_body(words: list[str]) -> bool:
    """Some word of the (case-folded) entry names an organisation ("Auswärtiges Amt", "Bundesverband
    WindEnergie", "CDU - Fraktion Erfurt", "Example Solutions Germany")."""
    return any(w in _BODY_WORDS or w.endswith(_BODY_ENDINGS) for w in words)


def _role_word(tok: str) -> bool:
    """A profession of the closed list, alone or closing a compound ("Gastautor", "Example-Online-Experte")."""
    tok = tok.casefold()
    return tok in _ROLE_WORDS or tok.rsplit("-", 1)[-1] in _ROLE_WORDS


def _without_role_words(s: str) -> str:
    """"Rechtsanwalt Jane Roe" / "Jane Roe Chefredakteur" / "Example-Online-Experte Jane Roe" -> "Jane Roe"
    (two words of name are kept)."""
    toks = s.split()
    while len(toks) > 2 and _role_word(toks[0]):
        toks.pop(0)
    while len(toks) > 2 and _role_word(toks[-1]):
        toks.pop()
    return " ".join(toks)


# words no name ends with: prepositions, articles, particles and "Last (updated)" of the line the
# flattener ran on after the name (not every stop-word: "You" and "Long" are surnames)
_TRAILING = set("""on by at in of for from the and with last vom von vor am um im de da van der den del la le di du
et und y par por""".split()) | _LINK_WORDS


def _without_trailing_word(s: str) -> str:
    """"Jule Radeck Vom", "Jane Roe On": a word of the line the flattener ran on after the name
    is taken off."""
    toks = s.split()
    while len(toks) > 1 and toks[-1].lower() in _TRAILING:
        toks.pop()
    return " ".join(toks)


def tidy_names(names: Iterable[str], site: Optional[str] = None) -> list[str]:
    """Byline names without template junk, photographers, the site itself, or repeats."""
    stems = _site_stems(site)
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = tidy_name(raw)
        if not name:
            continue
        squashed = _squash(name)
        if stems and any(stem and (squashed == stem or squashed.startswith(stem) or stem.startswith(squashed)
                                   and len(squashed) >= 5) for stem in stems):
            continue  # the site as a co-author
        if re.search(r"\w\.(?:com|co\.uk|org|net|[a-z]{2})\b", name, re.I) or re.match(r"(?i)the\s", name):
            continue  # a domain name or "The ..." is a site or publication, never a person
        if squashed in seen:
            continue
        seen.add(squashed)
        out.append(name)
    return out
