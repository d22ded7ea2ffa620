"""ECB+ documents as flattened text pages (for ``newsledger eval crossnews``).

ECB+ (``../shared/data/ecbplus``) stores each article as tokens with sentence numbers. A page
is rendered here the same way every time: tokens joined by spaces with the usual detokenising
(no space before closing punctuation, after opening brackets and currency signs; the tokeniser's
split numbers and compounds are whole again: "31,000", "5.9", "10:09", "58-3", "2013/05/02",
"eight-year", "16-year-old" — a real page does not write "31, 000" or "eight - year"), one sentence
per paragraph (blank line between). In ``*ecbplus.xml`` files sentence 0 is the source URL: it
becomes the page's URL, not text. Our cross-article gold keeps offsets into this text.

Topics 1-24 are for development; topics 25 and above are the independent check (not read, not
tuned on). A topic's two sub-topics (``ecb`` and ``ecbplus`` files) are two different events of
the same kind: each sub-topic is one story.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, Optional

from newsledger.evaluate import data_dir

DEV_TOPICS = range(1, 25)
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d",
                   "'m", "''", "”", "’s", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "#"}
_DIGITS = re.compile(r"\d+")
_NUMBER_START = re.compile(r"(?:[A-Za-z]{1,2}\$?|[^\w\s])?(\d+)")  # "31", "$2", "Dh472": a currency sign kept on its number
# separator -> the digits it joins to a number before it ("31" "," "000" is "31,000"; "1994" "," "1996" stays)
_NUMBER_JOIN = {",": re.compile(r"\d{3}(?:[a-zA-Z]{1,3})?"), ".": re.compile(r"\d+(?:[a-zA-Z]{1,3})?"),
                ":": re.compile(r"\d{2}"), "-": _DIGITS, "/": _DIGITS}  # "2" "," "000ft"; "1" "." "7m"
_WORD = re.compile(r"[^\w\s]?\w+")  # "eight", "$140"
_COMPOUND_TAIL = re.compile(r"[a-z0-9]\w*")
_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


def root() -> Path:
    return data_dir("ecbplus") / "ECB+_LREC2014" / "ECB+"


def sentences(path: Path) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        out.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    return [out[k] for k in sorted(out)]


def _glued(tokens: list[str], i: int) -> bool:
    """Whether token ``i`` continues the word or number before it with no space: a separator
    between two digit tokens that it joins ("31" "," "000"), a hyphen of a compound ("eight" "-"
    "year", "16" "-" "year" "-" "old", "co" "-" "workers": the word after it starts lower case or
    with a digit; "War - Zone" stays), or the token after such a separator."""
    def joins(j: int) -> bool:  # tokens[j] joins the tokens either side
        if not 0 < j < len(tokens) - 1:
            return False
        if tokens[j] == "-" and _WORD.fullmatch(tokens[j - 1]) and _COMPOUND_TAIL.fullmatch(tokens[j + 1]):
            return True
        pat = _NUMBER_JOIN.get(tokens[j])
        before = _NUMBER_START.fullmatch(tokens[j - 1]) if pat else None
        return bool(before and pat.fullmatch(tokens[j + 1]) and (tokens[j] != "," or len(before.group(1)) <= 3))
    return joins(i) or (i > 0 and joins(i - 1))


def detokenize(tokens: list[str]) -> str:
    text = ""
    for i, tok in enumerate(tokens):
        if text and tok not in NO_SPACE_BEFORE and text[-1:] not in NO_SPACE_AFTER \
                and not text.endswith("``") and not _glued(tokens, i):
            text += " "
        text += tok
    return text.replace("``", "\"").replace("''", "\"")


def render(path: Path) -> tuple[str, Optional[str]]:
    """(text, url) of one ECB+ document."""
    sents = [detokenize(s) for s in sentences(path)]
    url = None
    if path.name.endswith("ecbplus.xml") and sents and sents[0].startswith("http"):
        url, sents = sents[0].replace(" ", ""), sents[1:]
    return "\n\n".join(s for s in sents if s.strip()), url


def subtopic(name: str) -> str:
    """``"3_7ecbplus.xml"`` -> ``"3plus"``; ``"3_7ecb.xml"`` -> ``"3"``."""
    m = _FILE.match(name)
    if not m:
        raise ValueError(f"{name}: not an ECB+ file name")
    return m.group(1) + ("plus" if m.group(3) == "ecbplus" else "")


def documents(topics=DEV_TOPICS) -> Iterator[tuple[str, Path]]:
    """(file name, path) of every document of ``topics``, in a fixed order."""
    for t in topics:
        d = root() / str(t)
        if d.is_dir():
            for p in sorted(d.glob("*.xml"), key=lambda p: (subtopic(p.name), int(_FILE.match(p.name).group(2)))):
                yield p.name, p
