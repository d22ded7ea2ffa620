"""Three ways to flatten an HTML page to text, so the flattened-text extractor is measured on
more than the one flattener its rules were written against.

- ``lxml``: :func:`newsledger.extract.flatten.flatten_html` — one line per block element, a
  blank line between blocks, list items as ``"  • item"`` (the seed's form; every older gate).
- ``html2text``: html2text's markdown-style text (``# Title``, ``* item``, ``**bold**``,
  ``_italic_``; links and images dropped, no line wrapping) — what a page "saved as markdown"
  looks like.
- ``inscriptis``: inscriptis's browser-``innerText``-like rendering (CSS display rules, no
  blank lines forced between blocks, tables laid out in columns, ``* item`` bullets).

Every flattener gets the page as :meth:`Document.decoded` decodes it (the reader's charset
rules), so a difference in scores comes from the flattening alone. html2text and inscriptis are
test/eval dependencies (``pip install .[test]``); a missing one is a one-line error.
"""
from __future__ import annotations

from typing import Callable

from newsledger.extract.flatten import flatten_html


def decoded(raw: bytes) -> str:
    """The page's text as the reader decodes it (declared charset, else detection)."""
    from newsledger.model import Document

    return Document(source="eval", raw=raw, kind="html").decoded()


def flatten_lxml(html: str) -> str:
    return flatten_html(html)


def flatten_html2text(html: str) -> str:
    try:
        import html2text
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("html2text is not installed (pip install .[test])") from exc
    h = html2text.HTML2Text()
    h.body_width = 0  # no hard wrapping: one paragraph per line
    h.ignore_links = True
    h.ignore_images = True
    h.ignore_emphasis = False
    h.unicode_snob = True
    return h.handle(html)


def flatten_inscriptis(html: str) -> str:
    try:
        from inscriptis import get_text
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("inscriptis is not installed (pip install .[test])") from exc
    if not html.strip():
        return ""
    try:
        return get_text(html)
    except ValueError:  # lxml refuses some documents (e.g. an XML declaration in a str)
        return get_text(html.split("?>", 1)[-1]) if html.lstrip().startswith("<?xml") else ""


FLATTENERS: dict[str, Callable[[str], str]] = {
    "lxml": flatten_lxml,
    "html2text": flatten_html2text,
    "inscriptis": flatten_inscriptis,
}


def flatten(raw: bytes, name: str) -> str:
    """``raw`` page bytes decoded and flattened by the flattener called ``name``."""
    return FLATTENERS[name](decoded(raw))
