"""WARC / WARC.gz: each response (or resource) record holding HTML becomes a Document."""
from __future__ import annotations

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


def iter_warc(stream: BinaryIO, given: str, limits) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            n += 1
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
            except Exception as e:  # broken chunked / content encoding inside one record
                yield Failure(where, f"unreadable record body ({e.__class__.__name__})")
                continue
            if len(raw) > limits.max_page_bytes:
                yield Failure(where, "page over the size limit")
                continue
            if _short(record):
                yield Failure(where, "truncated record: body shorter than its declared length")
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
    except ArchiveLoadFailed as e:
        yield Failure(given, f"corrupt or truncated WARC after {n} records ({str(e).splitlines()[0][:80]})")
    except Exception as e:  # warcio raises many kinds of error on hostile input
        yield Failure(given, f"malformed, corrupt or truncated WARC after {n} records ({e.__class__.__name__})")
