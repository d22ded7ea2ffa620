"""The publication and update dates of an HTML page: the page's meta / JSON-LD times, and
htmldate (``original_date=True``) on the tree without author bios, its extensive search only when
the fast one finds nothing or disagrees with the page's header."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.extract.jsonld import first_value

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")


def _iso(value: Optional[str]) -> Optional[str]:
    """A meta date string as ISO 8601 (kept as given when it already is)."""
    if not value:
        return None
    v = value.strip()
    m = _ISO_DATE.match(v)
    if not m:
        return None
    out = m.group(1)
    if m.group(2):
        out += "T" + m.group(2).split(".")[0]
        if m.group(3):
            tz = m.group(3)
            out += "+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
    return out


_URL_DATE = re.compile(r"(?:19|20)\d{2}[/_-]?(?:0?[1-9]|1[0-2])[/_-]?(?:0?[1-9]|[12]\d|3[01])?(?:\D|$)")


def find_dates(tree, markup: dict, meta: dict, ld: dict, url: Optional[str],
               fast_path: bool = True) -> tuple[Optional[str], Optional[str]]:
    """(published, updated). Published from htmldate (original date), refined to a full
    timestamp when a meta/JSON-LD published time agrees on the day; with ``fast_path`` a
    meta/JSON-LD published time spares the htmldate call when the URL holds no date. Removes
    the page's author bios (``markup["bio"]``) from ``tree``."""
    meta_pub = _iso(first_value(meta.get("article:published_time"), ld.get("datePublished"),
                                meta.get("datepublished"), meta.get("pubdate"), meta.get("publishdate"),
                                meta.get("dc.date.issued"), meta.get("date")))
    updated = _iso(first_value(meta.get("article:modified_time"), ld.get("dateModified"),
                               meta.get("og:updated_time"), meta.get("datemodified"), meta.get("last-modified")))
    published = None
    if meta_pub and fast_path and not (url and _URL_DATE.search(url)):
        # htmldate would read the same header value (it only looks at the URL before it)
        return meta_pub, _later(updated, meta_pub)
    try:
        from htmldate import find_date

        for bio in markup["bio"]:  # never a date from an author bio
            parent = bio.getparent()
            if parent is not None:
                parent.remove(bio)
        published = find_date(tree, extensive_search=False, original_date=True, url=url)
        if not meta_pub and not published or (published and meta_pub and meta_pub[:10] != published):
            # nothing found, or the header and htmldate disagree: htmldate's extensive search decides
            deep = find_date(tree, extensive_search=True, original_date=True, url=url)
            published = meta_pub[:10] if meta_pub and deep == meta_pub[:10] else (published or deep)
    except Exception:
        published = None
    if published and meta_pub and meta_pub[:10] == published:
        published = meta_pub
    elif not published:
        published = meta_pub
    return published, _later(updated, published)


def _later(updated: Optional[str], published: Optional[str]) -> Optional[str]:
    """``updated`` only when it differs from ``published``."""
    if updated and published and updated[:19] == published[:19]:
        return None
    return updated
