"""Rebuild samples/corpus/crawl/pinecrest-2025-03-13.warc.gz from samples/warc_src/.

Run from anywhere:  python samples/make_warc.py

The pages in warc_src/ are the exact bytes the (fictional) Pinecrest Observer served; one of them is
windows-1252, declared both in the HTTP Content-Type header and in its <meta charset>. Record ids and dates
are fixed, and warcio's gzip members carry no timestamp, so running this twice gives the same bytes.

The archive holds, in order:
  1. a warcinfo record
  2. a 301 response (an old short URL redirecting to the beaver-dam story) -- no article, readers skip it
  3-5. three 200 text/html responses, one per page below
"""
from __future__ import annotations

import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc_src"
OUT = HERE / "corpus" / "crawl" / "pinecrest-2025-03-13.warc.gz"

SITE = "https://pinecrestobserver.example"

# (source file, target URI, WARC-Date of the capture, HTTP Last-Modified, Content-Type)
PAGES = [
    ("beaver-dam-floods-fernbrook-trail.html",
     SITE + "/outdoors/2025/03/11/beaver-dam-floods-fernbrook-trail",
     "2025-03-13T09:01:12Z", "Tue, 11 Mar 2025 06:45:00 GMT", "text/html; charset=windows-1252"),
    ("skyvale-restores-systems.html",
     SITE + "/business/2025/03/12/skyvale-restores-systems",
     "2025-03-13T09:01:15Z", "Wed, 12 Mar 2025 20:05:00 GMT", "text/html; charset=utf-8"),
    ("port-strike-leaves-gaps-on-shelves.html",
     SITE + "/local/2025/03/13/port-strike-leaves-gaps-on-shelves",
     "2025-03-13T09:01:19Z", "Thu, 13 Mar 2025 07:30:00 GMT", "text/html"),  # no charset: the page's <meta> says utf-8
]
REDIRECT = (SITE + "/s/fernbrook", SITE + "/outdoors/2025/03/11/beaver-dam-floods-fernbrook-trail", "2025-03-13T09:01:11Z")


def rid(uri: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + uri)}>"


def http_date(iso_z: str) -> str:
    from datetime import datetime, timezone
    from email.utils import format_datetime

    d = datetime.strptime(iso_z, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return format_datetime(d, usegmt=True)


def build(out_path: Path = OUT) -> Path:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)

        info = w.create_warcinfo_record(
            "pinecrest-2025-03-13.warc.gz",
            {"software": "newsledger samples/make_warc.py", "format": "WARC File Format 1.0",
             "description": "Fictional sample crawl of pinecrestobserver.example for the newsledger demo"},
        )
        # fixed id and date instead of random/now, so the output is reproducible
        info.rec_headers.replace_header("WARC-Record-ID", rid("warcinfo", "warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2025-03-13T09:01:10Z")
        w.write_record(info)

        src, dst, when = REDIRECT
        body = b""
        headers = StatusAndHeaders("301 Moved Permanently", [
            ("Date", http_date(when)), ("Location", dst), ("Content-Length", "0"), ("Server", "nginx")],
            protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(
            src, "response", payload=BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Record-ID": rid(src, "response"), "WARC-Date": when}))

        for name, uri, when, last_mod, ctype in PAGES:
            payload = (SRC / name).read_bytes()
            headers = StatusAndHeaders("200 OK", [
                ("Date", http_date(when)), ("Server", "nginx"), ("Content-Type", ctype),
                ("Content-Length", str(len(payload))), ("Last-Modified", last_mod),
                ("Cache-Control", "max-age=300")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                uri, "response", payload=BytesIO(payload), length=len(payload), http_headers=headers,
                warc_headers_dict={"WARC-Record-ID": rid(uri, "response"), "WARC-Date": when}))
    return out_path


if __name__ == "__main__":
    p = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {p}")
