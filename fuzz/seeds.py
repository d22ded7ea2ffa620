"""Seed inputs for the atheris targets (first byte picks the reader in fuzz_readers.py)."""
from __future__ import annotations

import gzip
import json
import os

PAGE = (b'<html><head><title>Port Alder strike</title><meta charset="utf-8">'
        b'<link rel="canonical" href="https://harbour.example/strike"></head><body>'
        b'<article><h1>Port Alder strike</h1><p>Dock workers stayed off the job for a third day on '
        b'Wednesday, the union said.</p><p>"We will not go back," union leader Mara Quell told '
        b"reporters.</p></article></body></html>")


def _warc(body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"WARC-Target-URI: https://w.example/1\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")


FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><item>'
        b"<title>Dam</title><link>https://c.example/dam</link><description>The governor ordered an "
        b"inspection of the dam on Monday.</description></item></channel></rss>")
ATOM = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        b'<entry><title>E</title><link href="https://a.example/e"/><content type="html">&lt;p&gt;Text'
        b"&lt;/p&gt;</content></entry></feed>")
JSONL = (json.dumps({"url": "https://j.example/1", "html": PAGE.decode()}) + "\n"
         + json.dumps({"url": "https://j.example/2", "text": "Plain text body."}) + "\n").encode()
TEXT = b"Headline here\n\nBy A Writer\n\nThe council said on Monday that rents rose 4%.\n"

BY_READER = {
    "a.html": [PAGE], "a.html.gz": [PAGE], "a.txt": [TEXT], "a.warc": [_warc(PAGE) + _warc(PAGE)],
    "a.warc.gz": [_warc(PAGE)], "a.rss": [FEED, ATOM], "a.jsonl": [JSONL],
    "noext": [PAGE, FEED, TEXT, JSONL, _warc(PAGE)], "-": [PAGE, gzip.compress(PAGE), _warc(PAGE)],
}


def write_seeds(corpus: str, readers=None) -> None:
    """Write seeds; with ``readers`` (the target's list) each gets its selector byte first."""
    os.makedirs(corpus, exist_ok=True)
    n = 0
    for name, blobs in BY_READER.items():
        for blob in blobs:
            prefix = bytes([readers.index(name)]) if readers else b"\0"
            with open(os.path.join(corpus, f"seed{n:03d}"), "wb") as f:
                f.write(prefix + blob)
            n += 1
