"""Authors named by the link to their archive ("View all posts by Jane Roe", "Alle Beiträge von Jane
Roe anzeigen", "Mehr von Jane Roe"), for a page whose markup and header name no one.

Blog and magazine software links the author's name, or an author box after the story, to the page
of all the author's posts, and words that link (or its ``title``) as "all posts by" the author. The
link's name is read as a by-line's (the first of two words at least, no lower-case word, no digit:
a section or a site's slogan is no name), only in links that are not in an aside, a footer,
navigation or the comments, and only when every such link of the page names the same people (a list
of teasers, each with its author's link, names none).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from newsledger.extract.byline import tidy_names
from newsledger.extract.html_authors import account_name, fuller_name_shown, byline_candidates
from newsledger.extract.html_markup import text_of

# the words of an archive link before the name: "View all posts by", "Alle Beiträge von", "Alles von",
# "More from", "Articles by" (a quantifier or a noun for posts at least: a bare "von" or "by" is a by-line)
_POSTS = r"(?:posts?|articles?|stories|beiträge|artikel|texte|artículos|articoli|artigos|rezepte|recipes)"
_ALL = r"(?:all|alle|alles|mehr|more|weitere|tous les|toutes les|todos los|todas las|tutti gli)"
_ARCHIVE = re.compile(rf"^(?i:(?:(?:view|see|show|read|zeige|voir)\s+)?(?:{_ALL}\s+{_POSTS}|{_ALL}|{_POSTS})\s+"
                      rf"(?:by|von|from|de|par|di|door|van))\s+(?P<name>\S.*?)(?i:\s+anzeigen)?\s*[»›→]?$")
NAME_CHARS = 60  # a longer rest is a sentence, not a name


def _link_texts(a) -> list[str]:
    """The link's text and its ``title``, whitespace made single."""
    return [" ".join(t.split()) for t in (a.text_content(), a.get("title") or "") if t and t.strip()]


def archive_link_names(root, split: Callable, off_story: Callable, site: Optional[str] = None) -> list[str]:
    """The one set of names the page's author archive links give (see the module doc), else []."""
    found: list[list[str]] = []
    for a in root.iter("a"):
        for text in _link_texts(a):
            m = _ARCHIVE.match(text)
            if not m or len(m.group("name")) > NAME_CHARS or off_story(a):
                continue
            names = tidy_names(split(m.group("name"))[0], site)
            if names and names not in found:
                found.append(names)
    return found[0] if len(found) == 1 else []


# ------------------------------------------------------------------ a blog's account, linked to its archive

# the path of an author's archive page: ".../author/jane/", "/autor/jane", "/auteur/jane/"
_ARCHIVE_PATH = re.compile(r"/(?:author|autor|auteur|autore)/(?P<slug>[^/?#]+)/?(?:[?#].*)?$", re.I)


def linked_handle(markup: dict, title: Optional[str]) -> list[str]:
    """For a page whose markup names no one: the one word of a by-line element near the headline that
    links to that word's own archive page (``<a class="author-name" href="/author/jane/">Jane</a>``):
    the markup's by-line and the archive's address agree on the account. Only when the by-line elements
    give exactly one such word, it may be an account's name (no service's or desk's; not in capitals: "ERBOL"
    linked to "/autor/erbol" is an agency) and the page shows no longer name starting with it."""
    found: dict[str, object] = {}
    for el in byline_candidates(markup, title):
        for a in (el, *el.iterdescendants("a")):
            word = text_of(a).strip()
            m = _ARCHIVE_PATH.search(a.get("href") or "") if a.tag == "a" else None
            if m and m.group("slug").casefold() == word.casefold() and account_name(word) and not word.isupper():
                found.setdefault(word.casefold(), (word, a))
    if len(found) != 1:
        return []
    word, a = found.popitem()[1]
    return [] if fuller_name_shown(word, a.getroottree().getroot()) else [word]
