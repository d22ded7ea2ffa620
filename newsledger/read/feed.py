"""RSS/Atom feeds: each item is an article (its full content, or summary), its link kept."""
from __future__ import annotations

import html
from typing import Iterator

from newsledger.model import Document, Failure


def read_feed(raw: bytes, given: str) -> Iterator[Document | Failure]:
    import feedparser

    if b"<!ENTITY" in raw[:65536].upper():  # entity expansion (billion laughs) is refused
        yield Failure(given, "feed declares XML entities (entity expansion refused)")
        return
    parsed = feedparser.parse(raw)
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
