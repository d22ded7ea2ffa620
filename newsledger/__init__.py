"""newsledger: raw news pages -> a ledger of who claimed what.

The library is the product; the CLI, API and web UI are thin layers over it::

    from newsledger import read, extract, analyze, Ledger
    for doc in read(["page.html"]):
        article = analyze(extract(doc))
"""
from newsledger.model import Article, Claim, Document, Failure  # noqa: F401

__version__ = "0.1.0"


def read(paths, **limits):
    from newsledger.read import read as _read

    return _read(paths, **limits)


def extract(doc):
    from newsledger.extract import extract as _extract

    return _extract(doc)


def analyze(article):
    from newsledger.analyze import analyze as _analyze

    return _analyze(article)


def __getattr__(name):
    if name == "Ledger":
        from newsledger.store import Ledger

        return Ledger
    raise AttributeError(name)
