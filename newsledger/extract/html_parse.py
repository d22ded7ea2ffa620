"""Parsing a decoded page the way trafilatura 2.3.1 does (:func:`load_html`), with a parser whose
element classes are looked up in C.
"""
from __future__ import annotations

from typing import Optional

from newsledger.extract.html_markup import utf8_bytes


_PARSER: list = []  # the parser of load_html, built on first use


def _parser():
    """trafilatura's HTML parser (same options) whose element classes are looked up in C:
    lxml.html's own lookup is a Python call for every element object created (half a million
    per benchmark run, ~1 ms a page in trafilatura alone). Every element is still an
    ``HtmlElement`` (only the form-control subclasses, unused by trafilatura/htmldate, go)."""
    if not _PARSER:
        from lxml.etree import ElementDefaultClassLookup
        from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction

        parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                            remove_pis=True)
        parser.set_element_class_lookup(ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
        _PARSER.append(parser)
    return _PARSER[0]


# what trafilatura.utils.INVALID_XML_CHARS removes: C0 controls but tab, newline and carriage
# return (looked for in the UTF-8 bytes, where no other character has such a byte), and
# U+FFFE, U+FFFF (``in`` on a str is free when the page holds no character that wide)
_INVALID_XML_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NOT_INVALID = bytes(b for b in range(256) if b not in _INVALID_XML_BYTES)


def _has_invalid_xml_chars(html: str, data: bytes) -> bool:
    return bool(data.translate(None, _NOT_INVALID)) or "\ufffe" in html or "\uffff" in html


def load_html(html: str, data: Optional[bytes] = None):
    """``trafilatura.utils.load_html`` (2.3.1) for a decoded page, step for step, with
    :func:`_parser`: the page is parsed once, and trafilatura and htmldate are given the tree.
    ``data``: ``html`` as UTF-8, when the caller has it (spares the regex pass over the whole
    page that removes invalid XML characters when there are none)."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    parser = _parser()
    if data is None:
        data = utf8_bytes(html)

    def from_bytes(s: str):
        try:
            return fromstring(s.encode("utf8", "surrogatepass"), parser=parser)
        except Exception:
            return None

    beginning = html[:50].lower()
    check_flag = is_dubious_html(beginning)
    if _has_invalid_xml_chars(html, data):
        html = repair_faulty_html(html, beginning)
    else:  # the same, less its no-op INVALID_XML_CHARS.sub() over the whole page
        html = _repair_faulty_html_valid(html, beginning)
    tree, fallback_parse = None, False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, fallback_parse = from_bytes(html), True
    except Exception:  # pragma: no cover
        tree = None
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = from_bytes(html)
    if tree is not None and check_flag and len(tree) < 2:  # not (well-formed) HTML at all
        tree = None
    return tree


def _repair_faulty_html_valid(htmlstring: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` (2.3.1) for a page without invalid XML characters."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML

    if "doctype" in beginning:
        firstline, _, rest = htmlstring.partition("\n")
        htmlstring = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in htmlstring[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            htmlstring = FAULTY_HTML.sub(r"\1>", htmlstring, count=1)
            break
    return htmlstring
