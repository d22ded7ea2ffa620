#!/usr/bin/env python
"""Coverage-guided fuzzing (atheris / libFuzzer) of every reader in ``newsledger.read``.

Each input picks a reader with its first byte (HTML, gzipped HTML, text, WARC, WARC.gz, feed,
JSON Lines, sniffed, standard input) and feeds it the rest. A crash is any exception out of
``read()``, an input that gives nothing, or a Failure whose reason is not one line.

    pip install atheris==3.0.0
    python fuzz/fuzz_readers.py -max_total_time=60                # all readers
    python fuzz/fuzz_readers.py -max_total_time=60 --reader=warc  # one reader
    python fuzz/fuzz_readers.py crash-<sha1>                      # replay a crash

Corpus seeds come from ``fuzz/seeds.py``; pass a directory to keep the corpus between runs.
"""
from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile

import atheris

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

with atheris.instrument_imports():
    import feedparser  # noqa: F401
    import warcio  # noqa: F401
    import warcio.archiveiterator  # noqa: F401

    from newsledger.model import Document, Failure
    from newsledger.read import Limits, read

READERS = ["a.html", "a.html.gz", "a.txt", "a.warc", "a.warc.gz", "a.rss", "a.jsonl", "noext", "-"]
LIMITS = Limits(max_page_bytes=256 * 1024, max_file_bytes=4 * 1024 * 1024)
ONLY = None
_BASE = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
for _old in os.listdir(_BASE):  # libFuzzer exits without atexit: clear what dead runs left
    _pid = _old.split("-")[2] if _old.startswith("nl-fuzz-") and _old.count("-") >= 3 else ""
    if _pid.isdigit() and not os.path.exists(f"/proc/{_pid}"):
        shutil.rmtree(os.path.join(_BASE, _old), ignore_errors=True)
TMP = tempfile.mkdtemp(prefix=f"nl-fuzz-{os.getpid()}-", dir=_BASE)
atexit.register(shutil.rmtree, TMP, True)


def _stdin(data: bytes):
    class Stdin:
        buffer = io.BytesIO(data)

    old, sys.stdin = sys.stdin, Stdin()
    try:
        return list(read(["-"], LIMITS))
    finally:
        sys.stdin = old


def run_one(data: bytes) -> None:
    if not data:
        return
    name = ONLY or READERS[data[0] % len(READERS)]
    body = data[1:]
    if name.endswith(".gz"):
        import gzip

        body = gzip.compress(body, compresslevel=1)
    if name == "-":
        items = _stdin(body)
    else:
        path = os.path.join(TMP, name)
        with open(path, "wb") as f:
            f.write(body)
        items = list(read([path], LIMITS))
    if not items:
        raise AssertionError(f"{name}: no Document and no Failure")
    for it in items:
        if isinstance(it, Failure):
            if not it.reason or "\n" in it.reason or "\n" in it.source:
                raise AssertionError(f"not a one-line failure: {it!r}")
        elif isinstance(it, Document):
            if not it.raw or it.kind not in ("html", "text"):
                raise AssertionError(f"bad document: {it.source} {it.kind} {len(it.raw)}")
            it.source.encode("utf-8")
            it.decoded()
        else:
            raise AssertionError(f"not a Document or Failure: {it!r}")


def main() -> None:
    global ONLY
    argv = []
    for a in sys.argv:
        if a.startswith("--reader="):
            kind = a.split("=", 1)[1]
            ONLY = {"html": "a.html", "gzip": "a.html.gz", "text": "a.txt", "warc": "a.warc",
                    "warcgz": "a.warc.gz", "feed": "a.rss", "jsonl": "a.jsonl", "sniff": "noext",
                    "stdin": "-"}[kind]
        else:
            argv.append(a)
    if not any(not a.startswith("-") for a in argv[1:]):  # no corpus dir given: seed one
        from seeds import write_seeds

        corpus = os.path.join(TMP, "corpus")
        write_seeds(corpus, READERS if ONLY is None else None)
        argv.append(corpus)
    atheris.Setup(argv, run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
