"""JSON Lines: one page per line, ``{"url", "html"}`` or ``{"url", "text"}``.

Streamed a line at a time; a line over the page limit is skipped (read through in chunks,
never held), and a file over ``limits.max_file_bytes`` (decompressed) stops with one Failure.
"""
from __future__ import annotations

import io
import json
import re
from typing import BinaryIO, Iterator

from newsledger.model import Document, Failure

_CHUNK = 1024 * 1024
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_GIVE_UP = 3  # a file whose first lines are all not JSON is refused whole, in one line


def read_jsonl(raw: bytes, given: str, limits) -> Iterator[Document | Failure]:
    yield from read_jsonl_stream(io.BytesIO(raw), given, limits)


def _line_cap(limits) -> int:
    # JSON escaping makes a page's line longer than the page: allow for it, then check the page
    return 2 * limits.max_page_bytes + 64 * 1024


def read_jsonl_stream(stream: BinaryIO, given: str, limits) -> Iterator[Document | Failure]:
    told = False
    for item in _lines(stream, given, limits):
        told = True
        yield item
    if not told:
        yield Failure(given, "empty file")


def _lines(stream: BinaryIO, given: str, limits) -> Iterator[Document | Failure]:
    cap = _line_cap(limits)
    total = lineno = 0
    pending: list[Failure] | None = []  # invalid lines before the first valid one
    while True:
        line = stream.readline(cap + 1)
        if not line:
            break
        lineno += 1
        total += len(line)
        if len(line) > cap:  # an overlong line: skip the rest of it without holding it
            while True:
                more = stream.readline(_CHUNK)
                total += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield Failure(f"{given}#{lineno}", "page over the size limit")
            pending = None
            line = b""
        if total > limits.max_file_bytes:
            yield from pending or ()
            yield Failure(given, f"file over the size limit ({limits.max_file_bytes // (1024 * 1024)} MB "
                                 f"decompressed); stopped at line {lineno}")
            return
        if not line.strip():
            continue
        item = _parse_line(line.decode("utf-8", errors="replace"), given, f"{given}#{lineno}", limits)
        if pending is not None:  # nothing valid yet: is this JSON Lines at all?
            if isinstance(item, Failure) and item.reason.startswith("invalid JSON"):
                pending.append(item)
                if len(pending) >= _GIVE_UP:
                    yield Failure(given, f"not JSON Lines (its first {_GIVE_UP} lines are not JSON)")
                    return
                continue
            yield from pending
            pending = None
        yield item
    if pending:
        yield from pending


def read_object(raw: bytes, given: str, limits) -> Document | Failure:
    """One JSON object ``{"url", "html"}`` or ``{"url", "text"}`` (the API's JSON body), read
    as a line of JSON Lines is (it may span lines)."""
    return _parse_line(raw.decode("utf-8", errors="replace"), given, given, limits, what="body")


def _parse_line(line: str, given: str, where: str, limits, what: str = "line") -> Document | Failure:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Failure(where, f"invalid JSON ({e.msg})")
    except RecursionError:
        return Failure(where, "invalid JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return Failure(where, f"{what} is not a JSON object")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if url:
        where = f"{given}#{url}"
    body, kind = obj.get("html"), "html"
    if not isinstance(body, str):
        body, kind = obj.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        return Failure(where, 'no "html" or "text" field')
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800 escapes: U+FFFD, as elsewhere
        data = _LONE_SURROGATE.sub("\ufffd", body).encode("utf-8")
    if len(data) > limits.max_page_bytes:
        return Failure(where, "page over the size limit")
    meta = {k: v for k, v in obj.items() if k not in ("html", "text", "url")
            and isinstance(v, (str, int, float))}
    return Document(source=where, raw=data, kind=kind, url=url, encoding="utf-8", meta=meta)
