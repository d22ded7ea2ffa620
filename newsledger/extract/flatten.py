"""Flatten an HTML page to the kind of text our text extractor receives.

One line per block element, a blank line between blocks, list items as ``"  • item"``
(consecutive items on consecutive lines), ``<br>`` as a line break inside a block,
table cells of one row joined by ``" | "``; scripts, styles, forms' hidden bits and
``hidden``/``display:none`` elements dropped. This is how the seed page looks.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

DROP = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "select", "option", "button", "input", "textarea",
    "audio", "video", "source", "track", "map", "picture", "img",
}
BLOCK = {
    "html", "body", "p", "div", "section", "article", "header", "footer", "nav", "aside", "main",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody",
    "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "form", "fieldset", "legend",
    "address", "hr", "center", "details", "summary", "menu", "hgroup", "dialog", "frameset", "frame",
    "li", "tr", "noframes", "output",
}
CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


class _Flattener:
    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []  # (text, kind) kind: block | li | br
        self.buf: list[str] = []
        self.prefix = ""
        self.kind_next = "block"
        self.pre = 0

    def text(self, s: str | None) -> None:
        if s:
            self.buf.append(s)

    def flush(self, kind: str = "block") -> None:
        raw = "".join(self.buf)
        self.buf = []
        if self.pre:
            lines = [ln.rstrip() for ln in raw.split("\n")]
            text = "\n".join(ln for ln in lines if ln.strip())
        else:
            text = _WS.sub(" ", raw).strip()
        text = text.strip(" |").strip() if not self.pre else text
        if not text:
            return
        if self.prefix:
            text, self.prefix = self.prefix + text, ""
            kind = "li"
        elif self.kind_next != "block":
            kind = self.kind_next
        self.kind_next = "block"
        self.blocks.append((text, kind))

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / processing instruction
            self.text(el.tail)
            return
        tag = tag.lower().split("}")[-1]
        if tag in DROP or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "") \
                or (el.get("aria-hidden") == "true" and tag not in ("html", "body")):
            self.text(el.tail)
            return
        if tag == "br":
            self.flush()
            self.kind_next = "br"
            self.text(el.tail)
            return
        block = tag in BLOCK
        if block:
            self.flush()
        if tag == "li":
            self.prefix = "  • "
        if tag in CELL:
            self.text(" | ")
        if tag == "pre":
            self.pre += 1
        self.text(el.text)
        for child in el:
            self.walk(child)
        if tag == "pre":
            self.pre -= 1
        if block:
            self.flush()
            if tag == "li":
                self.prefix = ""
        self.text(el.tail)

    def result(self) -> str:
        self.flush()
        out: list[str] = []
        prev = None
        for text, kind in self.blocks:
            if out:
                if kind == "br" or (kind == "li" and prev == "li"):
                    out.append("\n")
                else:
                    out.append("\n\n")
            out.append(text)
            prev = kind
        return "".join(out) + ("\n" if out else "")


def flatten_html(html: str | bytes) -> str:
    """The visible text of an HTML page, one line per block element (see module doc)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    return flatten_element(body if body is not None else root)


def flatten_element(el) -> str:
    """The visible text of one element of a parsed page (a region of it), as :func:`flatten_html` gives it."""
    f = _Flattener()
    f.walk(el)
    return f.result()
