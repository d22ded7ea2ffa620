"""The headline of an HTML page's <h1>, without the kicker some pages set inside it.

Many newsrooms put a kicker (a topic line over the headline: "Eskalation im Nahen Osten",
"Klimaschutz") in the same <h1> as the headline, as its own element whose class says so
("article-title__overline", "article-heading__kicker", "roofline", "topline"), often followed by
a separator that only screen readers get (" - ", ": "). The reader sees the kicker as a small line
above the headline; the headline is the rest of the <h1>.
"""
from __future__ import annotations

import copy
import re
from urllib.parse import urlsplit

# a class token of a kicker element: "kicker", "overline", "roofline", "topline", "dachzeile",
# "eyebrow", alone or as a BEM part ("article-title__overline", "c-topline")
_KICKER_CLASS = re.compile(r"(?:^|[-_])(?:kicker|overline|roofline|topline|dachzeile|eyebrow)(?:$|[-_])")
# separators left at the start of the headline once the kicker is gone
_LEAD_SEP = re.compile(r"^[\s\-–—:|·•]+")
_EMPHASIS = {"b", "strong", "i", "em", "u", "mark", "q", "abbr", "sup", "sub"}  # inline marks inside a run of text
_TRAIL_SEP = re.compile(r"[\s\-–—:|·•]+$")
HEADLINE_MIN_CHARS = 4  # what is left must still be a headline, not a stray mark


def _clean(s: str) -> str:
    return " ".join(s.split())


def is_home_link(h1) -> bool:
    """The <h1> is the site's name set as a link to its home page (``<h1><a href="https://site.example/">
    Site</a></h1>``, the logo line of many blog and CMS themes), not the story's headline: all its
    text is one link whose address is a site root (no path, or "/") or marked ``rel="home"``."""
    links = [a for a in h1.iter("a") if a.get("href") is not None]
    if len(links) != 1 or not _clean(links[0].text_content()) or \
            _clean(links[0].text_content()) != _clean(h1.text_content()):
        return False
    link = links[0]
    href = urlsplit(link.get("href").strip())
    return "home" in (link.get("rel") or "").lower().split() or (href.path in ("", "/") and not href.query
                                                                 and not href.fragment)


def _unwrapped(h1):
    """The element inside ``h1`` that holds its text, wrappers that hold everything looked into."""
    node = h1
    while len(node) == 1 and not (node.text or "").strip() and not (node[0].tail or "").strip() \
            and isinstance(node[0].tag, str):
        node = node[0]
    return node


def h1_segments(h1) -> list[str]:
    """The <h1>'s text in the runs its markup sets apart: each child element's text and each text
    run between them (a wrapper that holds everything is looked into), separators and blank runs
    left out; ``[whole text]`` when it has no such parts."""
    node = _unwrapped(h1)
    runs = [node.text or ""]
    for child in node:
        if not isinstance(child.tag, str) or child.tag in _EMPHASIS:  # emphasis is part of the run
            runs[-1] += (child.text_content() if isinstance(child.tag, str) else "") + (child.tail or "")
            continue
        if child.tag != "br":
            runs.append(child.text_content())
        runs.append(child.tail or "")
    out = [_LEAD_SEP.sub("", _TRAIL_SEP.sub("", _clean(r))) for r in runs]
    return [r for r in out if r] or [_clean(h1.text_content())]


def after_lead_element(h1) -> str:
    """The <h1>'s text after the element it opens with, emphasis included (``<h1><em>Topic </em>
    Headline</h1>`` -> "Headline"), leading separators off; "" when text comes before any element."""
    node = _unwrapped(h1)
    if (node.text or "").strip() or not len(node) or not isinstance(node[0].tag, str):
        return ""
    lead = _clean(node[0].text_content())
    whole = _clean(node.text_content())
    return _LEAD_SEP.sub("", whole[len(lead):]) if lead and whole.startswith(lead) else ""


def _is_kicker(el) -> bool:
    return any(_KICKER_CLASS.search(tok) for tok in (el.get("class") or "").lower().split())


def _drop_keeping_tail(el) -> None:
    """Remove ``el`` from its parent, keeping the text that follows it."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def headline_of_h1(h1) -> str:
    """The <h1>'s text without a kicker element inside it (and a separator that led the rest);
    the whole text when it holds no kicker, or when nothing of headline length would be left."""
    try:
        whole = _clean(h1.text_content())
    except (ValueError, AttributeError):
        return ""
    if not any(isinstance(el.tag, str) and _is_kicker(el) for el in h1.iterdescendants()):
        return whole
    bare = copy.deepcopy(h1)
    bare.tail = None
    for el in [el for el in bare.iterdescendants() if isinstance(el.tag, str) and _is_kicker(el)]:
        if el.getparent() is not None:
            _drop_keeping_tail(el)
    rest = _LEAD_SEP.sub("", _clean(bare.text_content()))
    return rest if len(rest) >= HEADLINE_MIN_CHARS else whole
