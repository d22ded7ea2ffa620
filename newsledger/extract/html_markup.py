"""What the HTML extractor reads off the page's markup: text cleaning helpers and one pass over the
elements that finds captions, by-lines, author bios, breadcrumbs and headlines
(:func:`page_markup`).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsledger.model import normalise_text


# ------------------------------------------------------------------ small helpers

def squash_space(s: Optional[str]) -> str:
    """Runs of whitespace as one space, ends stripped (``re.sub(r"\\s+", " ", s).strip()``: ``str.split``
    and ``\\s`` know the same whitespace, and this is twice as fast)."""
    return " ".join(s.split()) if s else ""


def text_of(el) -> str:
    try:
        return squash_space(el.text_content())
    except (ValueError, AttributeError):
        return ""


def class_and_id(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def utf8_bytes(html: str) -> bytes:
    return html.encode("utf-8", "surrogatepass")


# one Python pass over the elements finds everything the metadata finders look at (it is
# about 3x cheaper than an XPath with contains() predicates); they sort them in Python
_MARKUP_ANY = re.compile(r"caption|credit|copyright|photographer|byline|author|aut(?:or|eur|ore)|bio|breadcrumb")
_CAPTION_CLASS = re.compile(r"caption|credit|copyright|photographer")
_BIO_CLASS = re.compile(r"author-?bio|about-author|author-info|author-box|bio-box|contributor-bio|authorbio")
# "author" in other languages only as a whole part of a class name ("autor", "post-autor", "autore_name";
# not "autoresize")
_BYLINE_CLASS = re.compile(r"byline|author|(?<![a-z])aut(?:or|eur|ore)(?:in|s)?(?![a-z])")


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
        t = text_of(el)
        if t and len(t) < 400:
            out.add(normalise_text(t))
    out.discard("")
    return out
