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
import re
import stat
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
    """Yield a Document or a Failure for everything under ``paths``.

    Streams: one page (or one record of a WARC / line of JSON Lines) is held at a time. Nothing
    raises: an input that cannot be read, or breaks a reader, becomes a Failure and the rest
    goes on (a per-document limit of :func:`newsledger.pipeline.timed_read` hit while reading a
    file becomes a Failure for that file)."""
    limits = limits or Limits(**kw)
    for path in paths:
        yield from _guarded(_read_path(path, limits), path)


def read_bytes(raw: bytes, given: str, limits: Limits | None = None, name: str = "",
               kind: str | None = None, url: str | None = None) -> Iterator[Item]:
    """One input held in memory (an upload to the API) read as :func:`read` reads a file:
    by the extension of ``name`` (``.gz`` too: undone within the limits), else by its first
    bytes; ``kind="object"`` is one JSON object ``{"url", "html"}`` or ``{"url", "text"}``.
    ``url`` is where the pages came from when they do not say. Cleaned as :func:`read` cleans
    (file names, URLs, lone surrogates, control characters)."""
    limits = limits or Limits()
    kind = kind or (_kind_of(name) if name else "sniff")
    items = _one_input(_read_raw(raw, given, kind, limits), given)
    yield from _guarded(_with_url(items, url) if url else items, given)


def _with_url(items: Iterator[Item], url: str) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document) and not item.url:
            item.url = url
        yield item


def _guarded(items: Iterator[Item], given: str) -> Iterator[Item]:
    try:
        for item in items:
            yield _printable(item)
    except _limit_errors() as e:
        yield _printable(Failure(given, _limit_reason(e)))
    except Exception as e:  # a reader broke on hostile input: this input only
        yield _printable(Failure(given, f"unreadable ({_one_line(e)})"))


def _clean_str(s: str) -> str:
    """A str that encodes as UTF-8: file names that are not UTF-8 (surrogate escapes) and lone
    surrogates from JSON get U+FFFD, so the ledger and the terminal can take them."""
    if _CONTROL.search(s):  # a newline in a file name would split the one-line error
        s = _CONTROL.sub("\ufffd", s)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _printable(item: Item) -> Item:
    item.source = _clean_str(item.source)
    if isinstance(item, Document):
        if item.url is not None:
            item.url = _clean_str(item.url)
        if item.meta:
            item.meta = {_clean_str(str(k)): (_clean_str(v) if isinstance(v, str) else v)
                         for k, v in item.meta.items()}
    elif isinstance(item, Failure):
        item.reason = _clean_str(item.reason)
    return item


def _read_path(path: str, limits: Limits) -> Iterator[Item]:
    if path == "-":
        yield from _read_stdin(limits)
        return
    p = Path(path)
    try:
        is_dir = p.is_dir()
    except OSError as e:  # e.g. a name too long, a loop in a parent
        yield Failure(path, f"cannot read: {e.strerror or e}")
        return
    if is_dir:
        yield from _walk(p, path, limits)
    elif not p.exists():
        reason = "symlink loop or dangling link" if p.is_symlink() else "no such file"
        yield Failure(path, reason)
    else:
        yield from _read_file(p, path, limits)


def _limit_errors() -> tuple[type[BaseException], ...]:
    from newsledger.pipeline import ResourceLimit

    return (ResourceLimit,)


def _limit_reason(e: BaseException) -> str:
    from newsledger.pipeline import DocumentTimeout

    n = e.args[0] if e.args and isinstance(e.args[0], (int, float)) else None
    if isinstance(e, DocumentTimeout):
        return f"reading took longer than {n:g} s" if n else "reading took too long"
    return f"reading needed more than {n:g} MB of memory" if n else "reading needed too much memory"


def _one_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()
    return f"{e.__class__.__name__}: {msg[0][:160]}" if msg else e.__class__.__name__


def _walk(root: Path, given: str, limits: Limits) -> Iterator[Item]:
    seen: set[str] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:  # a directory that vanished or cannot be listed
            e = errors.pop(0)
            yield Failure(getattr(e, "filename", None) or dirpath,
                          f"cannot list directory: {e.strerror or e}")
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
            try:
                mode = full.stat().st_mode
            except FileNotFoundError:
                yield Failure(str(full), "dangling link or file vanished")
                continue
            except OSError as e:
                reason = "symlink loop" if e.errno == 40 else f"cannot read: {e.strerror or e}"
                yield Failure(str(full), reason)
                continue
            if not stat.S_ISREG(mode):  # a FIFO would block forever, a device never end
                yield Failure(str(full), "not a regular file (fifo, socket or device), skipped")
                continue
            yield from _read_file(full, str(full), limits)
    for e in errors:
        yield Failure(getattr(e, "filename", None) or given, f"cannot list directory: {e.strerror or e}")


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
    if f.peek(2)[:2] == b"\x1f\x8b":  # peek, not seek: a FIFO (``<(zcat ...)``) works too
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"page over the size limit ({limit // (1024 * 1024)} MB)")
    return data


def _read_file(p: Path, given: str, limits: Limits) -> Iterator[Item]:
    yield from _one_input(_file_items(p, given, limits), given)


def _file_items(p: Path, given: str, limits: Limits) -> Iterator[Item]:
    kind = _kind_of(p.name)
    if kind == "warc":
        yield from _read_warc(p, given, limits)
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(p, given, limits)
        return
    with _open(p) as stream:
        raw = _read_limited(stream, limits.max_page_bytes)
    yield from _from_bytes(raw, given, kind, limits)


def _one_input(items: Iterator[Item], given: str) -> Iterator[Item]:
    """``items`` of one input; whatever stops its reader becomes one Failure naming it."""
    try:
        yield from items
    except _limit_errors() as e:
        yield Failure(given, _limit_reason(e))
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
    except (RecursionError, MemoryError) as e:
        yield Failure(given, f"unreadable ({e.__class__.__name__}: input nested too deeply or too large)")
    except Exception as e:  # a reader broke on hostile input: this input only
        yield Failure(given, f"unreadable ({_one_line(e)})")


def _read_jsonl_file(p: Path, given: str, limits: Limits) -> Iterator[Item]:
    """JSON Lines streamed line by line (never the whole file in memory)."""
    from newsledger.read.jsonl import read_jsonl_stream

    with _open(p) as stream:
        head = stream.read(8192)
        if not head.strip() and not stream.read(1):
            yield Failure(given, "empty file")
            return
        if looks_binary(head):
            yield Failure(given, "binary data, not a page")
            return
        stream.seek(0)
        yield from read_jsonl_stream(stream, given, limits)


def _read_stdin(limits: Limits) -> Iterator[Item]:
    try:
        raw = _read_limited(sys.stdin.buffer, limits.max_page_bytes)
    except TooLarge as e:
        yield Failure("-", str(e))
        return
    yield from _one_input(_read_raw(raw, "-", "sniff", limits), "-")


def _read_raw(raw: bytes, given: str, kind: str, limits: Limits) -> Iterator[Item]:
    """Bytes held in memory, gzipped or not: a WARC as it is (its reader undoes gzip record
    by record), gzipped JSON Lines streamed (within ``max_file_bytes``), any other page
    decompressed within ``max_page_bytes``; then read by ``kind`` (or by its first bytes)."""
    if kind == "object":
        from newsledger.read.jsonl import read_object

        yield read_object(raw, given, limits)
        return
    gz = raw[:2] == b"\x1f\x8b"
    if gz and kind == "sniff" and _sniff(_gunzip_head(raw)) == "warc":
        kind = "warc"
    if kind == "warc":
        yield from _iter_warc(io.BytesIO(raw), given, limits, in_memory=True)
    elif gz and kind == "jsonl":
        from newsledger.read.jsonl import read_jsonl_stream

        yield from read_jsonl_stream(gzip.GzipFile(fileobj=io.BytesIO(raw)), given, limits)
    else:
        if gz:
            raw = _read_limited(gzip.GzipFile(fileobj=io.BytesIO(raw)), limits.max_page_bytes)
        yield from _from_bytes(raw, given, kind, limits)


def _gunzip_head(raw: bytes, n: int = 4096) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[:65536], n)
    except zlib.error:
        return b""


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
        yield from _iter_warc(io.BytesIO(raw), given, limits, in_memory=True)
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


def _iter_warc(stream: BinaryIO, given: str, limits: Limits, in_memory: bool = False) -> Iterator[Item]:
    """A WARC's pages. One held in memory (an upload, standard input: at most ``max_page_bytes``
    compressed) stops at ``max_file_bytes`` decompressed, a gzip bomb; a file on disk (a real
    crawl decompresses to several GB) is bounded by the per-document time limit instead."""
    from newsledger.read.warc import iter_warc

    yield from iter_warc(stream, given, limits, limits.max_file_bytes if in_memory else None)
