"""RSS/Atom feeds: each item is an article (its full content, or summary), its link kept."""
from __future__ import annotations

import codecs
import html
import io
import re
from typing import Iterator

from newsledger.model import Document, Failure

_ENTITY = re.compile(rb"<!\s*ENTITY", re.I)


def declares_entities(raw: bytes) -> bool:
    """True when an XML document declares entities anywhere (in any of its encodings)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or raw[:4] in (
            b"<\x00?\x00", b"\x00<\x00?", b"\x00\x00\x00<", b"<\x00\x00\x00"):
        for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                text = raw.decode(enc, errors="ignore")
            except (UnicodeError, LookupError):
                continue
            if re.search(r"<!\s*ENTITY", text, re.I):
                return True
    return _ENTITY.search(raw) is not None


def read_feed(raw: bytes, given: str) -> Iterator[Document | Failure]:
    import feedparser

    if declares_entities(raw):  # entity expansion (billion laughs) is refused
        yield Failure(given, "feed declares XML entities (entity expansion refused)")
        return
    # a stream, never bytes: feedparser would take short bytes for a file name and open it
    parsed = feedparser.parse(io.BytesIO(raw))
    entries = parsed.get("entries") or []
    if not entries:
        reason = "malformed feed" if parsed.get("bozo") else "feed has no items"
        exc = parsed.get("bozo_exception")
        if exc is not None:
            reason += f" ({str(exc).splitlines()[0][:80]})"
        yield Failure(given, reason)
        return
    site = (parsed.get("feed") or {}).get("title")
    for i, e in enumerate(entries, 1):
        link = e.get("link")
        where = f"{given}#{link or e.get('id') or i}"
        body = ""
        for c in e.get("content") or []:
            if len(c.get("value") or "") > len(body):
                body = c["value"]
        if len(body) < len(e.get("summary") or ""):
            body = e.get("summary") or ""
        if not body.strip():
            yield Failure(where, "feed item has no content")
            continue
        title = e.get("title") or ""
        author = e.get("author") or ""
        published = e.get("published") or e.get("updated") or ""
        page = ("<html><head><title>%s</title>%s%s</head><body><article><h1>%s</h1>%s</article></body></html>"
                % (html.escape(title),
                   f'<meta name="author" content="{html.escape(author)}">' if author else "",
                   f'<meta property="article:published_time" content="{html.escape(published)}">'
                   if published else "",
                   html.escape(title), body))
        meta = {"feed_title": site, "title": title, "author": author, "published": published}
        yield Document(source=where, raw=page.encode("utf-8"), kind="html", url=link,
                       encoding="utf-8", meta={k: v for k, v in meta.items() if v})
