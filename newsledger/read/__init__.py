"""Read stage: paths as given on the command line become :class:`Document` objects.

``read(paths)`` yields a :class:`Document` per page and a :class:`Failure` per input (or
record) that cannot be read, so a batch always goes on. Supported: HTML (``.html``, ``.htm``,
gzipped too), flattened text pages (``.txt``), WARC / ``.warc.gz`` (response records holding
HTML), RSS/Atom feeds (each item an article; its link kept), JSON Lines of ``{"url", "html"}``
or ``{"url", "text"}``, directories (recursive), and ``-`` for standard input.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from newsledger.model import Document, Failure
from newsledger.read.charset import looks_binary

Item = Union[Document, Failure]

HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
TEXT_EXT = (".txt", ".text")
WARC_EXT = (".warc", ".arc")
FEED_EXT = (".rss", ".atom", ".xml", ".feed")
JSONL_EXT = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True)
class Limits:
    """Resource limits for hostile input; each refusal is one clear line."""

    max_page_bytes: int = 10 * 1024 * 1024  # one page (after decompression)
    max_file_bytes: int = 2 * 1024 * 1024 * 1024  # one decompressed container (WARC, JSONL)


class TooLarge(Exception):
    pass


def read(paths: Iterable[str], limits: Limits | None = None, **kw) -> Iterator[Item]:
    """Yield a Document or a Failure for everything under ``paths``."""
    limits = limits or Limits(**kw)
    for path in paths:
        if path == "-":
            yield from _read_stdin(limits)
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, path, limits)
        elif not p.exists():
            reason = "symlink loop or dangling link" if p.is_symlink() else "no such file"
            yield Failure(path, reason)
        else:
            yield from _read_file(p, path, limits)


def _walk(root: Path, given: str, limits: Limits) -> Iterator[Item]:
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True,
                                                onerror=lambda e: None):
        real = os.path.realpath(dirpath)
        if real in seen:  # a symlink loop
            dirnames[:] = []
            yield Failure(dirpath, "symlink loop, skipped")
            continue
        seen.add(real)
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            if not full.exists():
                yield Failure(str(full), "dangling link or file vanished")
                continue
            yield from _read_file(full, str(full), limits)


def _kind_of(name: str) -> str:
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    for kind, exts in (("html", HTML_EXT), ("text", TEXT_EXT), ("warc", WARC_EXT),
                       ("feed", FEED_EXT), ("jsonl", JSONL_EXT)):
        if low.endswith(exts):
            return kind
    return "sniff"


def _sniff(head: bytes) -> str:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if h.startswith(b"warc/"):
        return "warc"
    if h.startswith(b"<?xml") and (b"<rss" in h or b"<feed" in h or b"<rdf" in h):
        return "feed"
    if h.startswith((b"<rss", b"<feed")):
        return "feed"
    if h.startswith(b"<") or b"<html" in h or b"<body" in h:
        return "html"
    if h.startswith(b"{"):
        return "jsonl"
    return "text"


def _open(path: Path) -> BinaryIO:
    f = open(path, "rb")
    magic = f.read(2)
    f.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"page over the size limit ({limit // (1024 * 1024)} MB)")
    return data


def _read_file(p: Path, given: str, limits: Limits) -> Iterator[Item]:
    kind = _kind_of(p.name)
    try:
        if kind == "warc":
            yield from _read_warc(p, given, limits)
            return
        with _open(p) as stream:
            if kind in ("jsonl", "feed", "sniff"):
                raw = _read_limited(stream, limits.max_page_bytes if kind != "jsonl"
                                    else limits.max_file_bytes)
            else:
                raw = _read_limited(stream, limits.max_page_bytes)
        yield from _from_bytes(raw, given, kind, limits)
    except TooLarge as e:
        yield Failure(given, str(e))
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Failure(given, f"corrupt or truncated gzip data ({e.__class__.__name__})")
    except FileNotFoundError:
        yield Failure(given, "file vanished before it could be read")
    except IsADirectoryError:
        yield Failure(given, "is a directory")
    except PermissionError:
        yield Failure(given, "permission denied")
    except OSError as e:
        yield Failure(given, f"cannot read: {e.strerror or e}")


def _read_stdin(limits: Limits) -> Iterator[Item]:
    stream = sys.stdin.buffer
    try:
        raw = _read_limited(stream, limits.max_page_bytes)
    except TooLarge as e:
        yield Failure("-", str(e))
        return
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = _read_limited(gzip.GzipFile(fileobj=io.BytesIO(raw)), limits.max_page_bytes)
        except TooLarge as e:
            yield Failure("-", str(e))
            return
        except (EOFError, OSError, zlib.error) as e:
            yield Failure("-", f"corrupt or truncated gzip data ({e.__class__.__name__})")
            return
    kind = _sniff(raw)
    if kind == "warc":
        yield from _iter_warc(io.BytesIO(raw), "-", limits)
    else:
        yield from _from_bytes(raw, "-", kind, limits)


def _from_bytes(raw: bytes, given: str, kind: str, limits: Limits) -> Iterator[Item]:
    if not raw.strip():
        yield Failure(given, "empty file")
        return
    if looks_binary(raw):
        yield Failure(given, "binary data, not a page")
        return
    if kind == "sniff":
        kind = _sniff(raw)
    if kind == "warc":
        yield from _iter_warc(io.BytesIO(raw), given, limits)
    elif kind == "feed":
        from newsledger.read.feed import read_feed

        yield from read_feed(raw, given)
    elif kind == "jsonl":
        from newsledger.read.jsonl import read_jsonl

        yield from read_jsonl(raw, given, limits)
    else:
        yield Document(source=given, raw=raw, kind=kind)


def _read_warc(p: Path, given: str, limits: Limits) -> Iterator[Item]:
    with open(p, "rb") as f:
        yield from _iter_warc(f, given, limits)


def _iter_warc(stream: BinaryIO, given: str, limits: Limits) -> Iterator[Item]:
    from newsledger.read.warc import iter_warc

    yield from iter_warc(stream, given, limits)
