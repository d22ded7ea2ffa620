"""JSON Lines: one page per line, ``{"url", "html"}`` or ``{"url", "text"}``."""
from __future__ import annotations

import json
from typing import Iterator

from newsledger.model import Document, Failure


def read_jsonl(raw: bytes, given: str, limits) -> Iterator[Document | Failure]:
    text = raw.decode("utf-8", errors="replace")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{given}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, f"invalid JSON ({e.msg})")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "line is not a JSON object")
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        if url:
            where = f"{given}#{url}"
        body, kind = obj.get("html"), "html"
        if not isinstance(body, str):
            body, kind = obj.get("text"), "text"
        if not isinstance(body, str) or not body.strip():
            yield Failure(where, 'no "html" or "text" field')
            continue
        data = body.encode("utf-8")
        if len(data) > limits.max_page_bytes:
            yield Failure(where, "page over the size limit")
            continue
        meta = {k: v for k, v in obj.items() if k not in ("html", "text", "url")
                and isinstance(v, (str, int, float))}
        yield Document(source=where, raw=data, kind=kind, url=url, encoding="utf-8", meta=meta)
