"""WARC / WARC.gz: each response (or resource) record holding HTML becomes a Document.

A record whose declared ``Content-Length`` lies is refused with one line: longer than the
record (the body ends early: truncated) or shorter (bytes are left over before the next
record; reading goes on at the next gzip member or ``WARC/`` line). warcio's multi-line
warnings on stderr are kept quiet.
"""
from __future__ import annotations

import logging
from typing import BinaryIO, Iterator

from newsledger.model import Document, Failure


def _is_html(content_type: str) -> bool:
    ct = (content_type or "").lower()
    return "html" in ct or ct.startswith("text/plain") or not ct


def _short(record) -> bool:
    """True when the record ended before its declared Content-Length (truncated or lying)."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    return getattr(stream, "limit", 0) > 0


def _first_line(e: BaseException) -> str:
    for line in str(e).splitlines():
        if line.strip():
            if line.startswith("Unknown archive format"):  # its first line is the raw bytes
                return "not a WARC or ARC record where one should start"
            return line.strip()[:80]
    return e.__class__.__name__


class OverSize(Exception):
    """The WARC decompressed to more than ``limits.max_file_bytes``."""


def _count_decompressed(reader, cap: int) -> None:
    """Make warcio's reader raise :class:`OverSize` once it has decompressed more than ``cap``
    bytes (a gzip bomb: 9 MB that would inflate to 10 GB is stopped at the cap)."""
    process = reader._process_read
    total = [0]

    def counted(data):
        process(data)
        total[0] += reader.buff_size if reader.buff is not None else 0
        if total[0] > cap:
            raise OverSize(cap)

    reader._process_read = counted


def _iterator(stream: BinaryIO, cap: int | None = None):
    """warcio's ArchiveIterator that notes a record not followed by the blank lines its
    length promises (``bad_length``) instead of printing a warning, and stops at ``cap``
    decompressed bytes."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        bad_length = False

        def _consume_blanklines(self):
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline()
                if len(line) == 0:
                    return None, empty_size
                stripped = line.rstrip()
                if len(stripped) == 0 or first_line:
                    empty_size += len(line)
                    if len(stripped) != 0:  # bytes left over: the declared length was short
                        self.bad_length = True
                        self.err_count += 1
                        return self._resync(empty_size)
                    first_line = False
                    continue
                return line, empty_size

        def _resync(self, empty_size):
            """Skip the left-over bytes: to the end of this gzip member, or (uncompressed) to
            the next line that starts a WARC record."""
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not self.reader.decompressor and line.startswith((b"WARC/", b"warc/")):
                    return line, empty_size
                empty_size += len(line)

    it = QuietArchiveIterator(stream, arc2warc=True)
    if cap:
        _count_decompressed(it.reader, cap)
    return it


def iter_warc(stream: BinaryIO, given: str, limits, max_decompressed: int | None = None
              ) -> Iterator[Document | Failure]:
    """Every HTML record of a WARC; a WARC that gives nothing says so in one Failure, and one
    that inflates past ``max_decompressed`` bytes stops with one Failure."""
    logging.getLogger("warcio").setLevel(logging.ERROR)  # its warnings: we say it in one line
    told, seen = False, [0]
    for item in _iter_warc(stream, given, limits, seen, max_decompressed):
        told = True
        yield item
    if not told:
        yield Failure(given, f"no HTML pages among its {seen[0]} records" if seen[0] else "empty file")


def _iter_warc(stream: BinaryIO, given: str, limits, seen: list, cap: int | None
               ) -> Iterator[Document | Failure]:
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    it = _iterator(stream, cap)
    try:
        for record in it:
            n += 1
            seen[0] = n
            it.bad_length = False
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{given}#{url or record.rec_headers.get_header('WARC-Record-ID') or n}"
            if record.rec_type == "response":
                if not record.http_headers:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode() or ""
                if not str(status).startswith("2"):
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if not _is_html(ctype):
                continue
            try:
                raw = record.content_stream().read(limits.max_page_bytes + 1)
            except OverSize:
                raise
            except Exception as e:  # broken chunked / content encoding inside one record
                yield Failure(where, f"unreadable record body ({e.__class__.__name__})")
                continue
            if len(raw) > limits.max_page_bytes:
                yield Failure(where, "page over the size limit")
                continue
            if _short(record):
                yield Failure(where, "truncated record: body shorter than its declared length")
                continue
            it.read_to_end()  # look past the record: bytes left over mean its length lied
            if it.bad_length:
                yield Failure(where, "bad record: its declared Content-Length does not match the "
                                     "record (bytes left over before the next record)")
                continue
            if not raw.strip():
                yield Failure(where, "empty record")
                continue
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=")[-1].split(";")[0].strip(" \"'")
            kind = "text" if ctype.lower().startswith("text/plain") else "html"
            yield Document(source=where, raw=raw, kind=kind, url=url, encoding=charset,
                           meta={"warc_date": record.rec_headers.get_header("WARC-Date")})
    except OverSize:
        yield Failure(given, f"file over the size limit ({(cap or 0) // (1024 * 1024)} MB "
                             f"decompressed); stopped at record {n}")
    except ArchiveLoadFailed as e:
        yield Failure(given, f"corrupt or truncated WARC after {n} records ({_first_line(e)})")
    except Exception as e:  # warcio raises many kinds of error on hostile input
        yield Failure(given, f"malformed, corrupt or truncated WARC after {n} records ({e.__class__.__name__})")
