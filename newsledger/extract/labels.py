"""Authors named by a label line of the page ("Autor: Jane Roe", "Written by: Jane Roe", "By" and
"Jane Roe" in two elements), for a page whose markup and header name no one.

The page's text is cut in lines at block elements and ``<br>`` (as :mod:`newsledger.extract.flatten`
cuts it); a line that is an author label alone takes the next line as the names, a line that starts
with a label takes the rest of it. Precision first: lines in an aside, a footer, navigation or the
comments are not read, the names must read as a by-line's (:func:`newsledger.extract.html.split_byline`:
the first of two words at least, no lower-case word, no digit), and when the page's label lines name
different people (a list of teasers, each with its by-line) none is taken.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from lxml import etree

from newsledger.extract.byline import tidy_names
from newsledger.extract.flatten import BLOCK, CELL, DROP

# the label words: nouns take a colon ("Autor:", "Text:"), "written by" and the by-words may go without
_NOUN = r"(?:autor(?:in)?|author|auteur|autore|text|texte|texto|tekst)"
_BY = r"(?:(?:written|words)\s+by|von|by|par|por|di|av|door)"
_LABEL_ONLY = re.compile(rf"^(?i:{_NOUN}\s*:|{_BY}\s*:?)$")
# "Auteur" with no colon, as the term of a <dt> or a <th> ("Text" is left out: a table's column heading)
_TERM_ONLY = re.compile(r"^(?i:autor(?:in|en|es)?|authors?|auteurs?|autore|autori)$")
_TERMS = {"dt", "th"}
_LABEL_LINE = re.compile(rf"^(?i:{_NOUN}\s*:|{_BY}\b\s*:?)\s*(?P<names>\S.*)$")
_WS = re.compile(r"\s+")
_BREAK = BLOCK | CELL | {"br"}
NAMES_CHARS = 60  # a longer rest of the line is a sentence, not a by-line
_CREDIT_TAIL = re.compile(r"\s*/\s*[A-Z][\w-]*$")  # "Jane Roe/SP-X": the service after the slash


def _chunks(root) -> Iterator[tuple[Optional[str], object]]:
    """The page's text in document order as (text, element it belongs to), with (None, el) where a
    block element or a <br> breaks the line; scripts, styles and the like are skipped."""
    skip = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in DROP:
            skip += 1 if event == "start" else -1
            if event == "end" and not skip:
                yield el.tail, el.getparent()
            continue
        if skip:
            continue
        if tag in _BREAK:
            yield None, el
        if event == "start" and tag:
            yield el.text, el
        elif event == "end":
            yield el.tail, el.getparent()


def _lines(root) -> Iterator[tuple[str, object]]:
    """(line, the element its first text belongs to) of the page's text."""
    buf: list[str] = []
    owner = None
    for text, el in _chunks(root):
        if text is None:
            line = _WS.sub(" ", "".join(buf)).strip()
            if line:
                yield line, owner
            buf, owner = [], None
        elif text.strip() or buf:
            owner = owner if buf else el
            buf.append(text)
    line = _WS.sub(" ", "".join(buf)).strip()
    if line:
        yield line, owner


def _labelled(root, off_story: Callable) -> Iterator[str]:
    """The texts that label lines give as names ("Autor: A" -> "A"; "By" then "A" -> "A")."""
    pending = False
    for line, el in _lines(root):
        if pending:
            pending = False
            if not off_story(el):
                yield line
            continue
        if _LABEL_ONLY.match(line) or (_TERM_ONLY.match(line) and _in_term(el)):
            pending = True
            continue
        m = _LABEL_LINE.match(line)
        if m and not off_story(el):
            yield m.group("names")


def _in_term(el) -> bool:
    """The element is a definition term or a header cell, or sits right in one (its value follows it)."""
    return el is not None and (el.tag in _TERMS or (el.getparent() is not None and el.getparent().tag in _TERMS))


def _read(el, off_story: Callable) -> bool:
    """A line of this element may be a by-line: not off the story, not in a form (a search form's
    "Von:" date field)."""
    return el is not None and not off_story(el) and next(el.iterancestors("form"), None) is None


def labelled_names(root, split: Callable, off_story: Callable, site: Optional[str] = None) -> list[str]:
    """The one set of names the page's author label lines give (see the module doc), else []; a
    set that names no person (the site, "The ...") does not count."""
    found: list[list[str]] = []
    for text in _labelled(root, lambda el: not _read(el, off_story)):
        if len(text) > NAMES_CHARS or text.endswith(("...", "…")):
            continue  # a sentence, or a teaser cut short
        names, _ = split(_CREDIT_TAIL.sub("", text))
        names = tidy_names(names, site)
        if names and names not in found:
            found.append(names)
    return found[0] if len(found) == 1 else []
