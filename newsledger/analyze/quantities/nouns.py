"""The noun a figure counts, from the parse or, without one, from the words after it."""
from __future__ import annotations

import re

from newsledger.analyze.quantities.core import RawQuantity


_STOP_AFTER = set("""of the a an and or but in on at to for from by with as than that which who
whom whose is are was were be been being has have had will would could should may might must can
did does do said says say while when where if because so its their his her our my your this these
those there here then now not no also even still just per each every between into onto over under
about around after before since until during against through across up down off out than more
less most least some any all both it he she they we you i them him us me what how why one two
three four five six seven eight nine ten ago later earlier alone apiece respectively each
""".split())


def head_noun_from_doc(doc, q: RawQuantity):
    """(unit phrase, concept phrase, end offset) for the noun a figure counts, via the parse."""
    span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1]
    head = _head_up(doc, last)
    if head is last:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN") and nxt.idx >= q.end - 1:
            head = nxt
        elif nxt is not None and nxt.lower_ == "of" and last.i + 2 < len(doc):
            return _of_complement(doc, last)
        else:
            return None
    if head.pos_ not in ("NOUN", "PROPN") or head.i <= last.i:
        return None
    if head.tag_ in ("NNP",) and head.pos_ == "PROPN":
        return None
    if head.i - last.i > 6:
        return None
    # unit: head plus lowercase noun compounds right before it, each word whole ("co-workers")
    first = head
    while first.i - 1 > last.i and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "NOUN" \
            and doc[first.i - 1].text.islower():
        first = doc[first.i - 1]
    lo, hi = _whole_word_start(doc, first.i, last.i + 1), _whole_word_end(doc, head.i)
    unit = doc[lo:hi + 1].text
    # concept: everything from after the number to the head, plus an "of ..." complement
    cend = hi + 1
    if cend < len(doc) and doc[cend].lower_ == "of":
        for child in doc[cend].subtree:
            cend = max(cend, child.i + 1)
    concept = _clean_concept(doc[last.i + 1:cend].text)
    return unit, concept, doc[hi].idx + len(doc[hi].text)


def _head_up(doc, last):
    """The noun after a number that the number (or its modifier chain) hangs on, else ``last``."""
    head = last
    for _ in range(3):  # walk "nummod"/"quantmod" up to a noun after the number
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i \
                and head.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
            head = head.head
        else:
            break
    return head


def _of_complement(doc, last):
    """"millions of Americans", "one of the best speakers", "thousands of job cuts": the noun of
    the "of" phrase after the number, as (unit, concept, None); None when there is none."""
    j = last.i + 2
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "ADV", "NUM", "PROPN", "NOUN", "PART") and j < last.i + 8:
        if doc[j].pos_ == "NOUN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "NOUN"):
            break
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[j]
    first = head
    while first.i - 1 > last.i + 1 and doc[first.i - 1].dep_ == "compound":
        first = doc[first.i - 1]
    lo, hi = _whole_word_start(doc, first.i, last.i + 2), _whole_word_end(doc, head.i)
    return doc[lo:hi + 1].text, doc[last.i + 2:hi + 1].text, None


# prefixes that are no word of their own: a noun the parse cuts after one ("co", "-", "workers")
# is the whole hyphenated word ("co-workers", "ex-soldiers", "step-children")
_PREFIXES = {"co", "ex", "non", "anti", "pre", "post", "sub", "vice", "self", "step", "great", "half", "semi",
             "multi", "inter", "pro"}


def _prefix_glued(doc, i: int) -> bool:
    """Whether token i is a prefix glued by a hyphen to an alphabetic token i + 2 ("co", "-", "workers")."""
    return doc[i].lower_ in _PREFIXES and i + 2 < len(doc) and doc[i + 1].text == "-" \
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha


def _whole_word_end(doc, i: int) -> int:
    """The last token of the hyphenated word that the prefix token i begins, else i."""
    while _prefix_glued(doc, i):
        i += 2
    return i


def _whole_word_start(doc, i: int, floor: int) -> int:
    """The first token (not before ``floor``) of the word whose prefix token i - 2 is glued on, else i."""
    while i - 2 >= floor and _prefix_glued(doc, i - 2):
        i -= 2
    return i


def _clean_concept(c: str) -> str:
    """Cut a concept at a line break, a comma/semicolon or a coordination inside its complement."""
    c = re.split(r"\s*\n|\s*[,;:(]\s*|\s+(?:and|or)\s+(?=\w)", c.strip())[0]
    return c.strip()


def head_noun_heuristic(text: str, q: RawQuantity):
    """Without a parse: the capitalised/lowercase words after the figure up to a function word."""
    after = text[q.end:q.end + 80]
    m = re.match(r"\s+((?:[A-Za-z][\w'’-]*\s+){0,4}?[A-Za-z][\w'’-]*?)(?=[\s,.;:!?)\"”]|$)", after)
    if not m:
        return None
    words = []
    for w in re.findall(r"[A-Za-z][\w'’-]*", after[:200]):
        if w.lower() in _STOP_AFTER or len(words) >= 4:
            break
        words.append(w)
        # stop at an -ed / -ing verb after at least one word
    while words and re.search(r"(?:ed|ing|ly)$", words[-1]) and len(words) > 1:
        words.pop()
    if not words:
        return None
    if re.search(r"(?:ed|ly)$", words[0]) and len(words) == 1:
        return None
    head = words[-1]
    if head[0].isupper() and not all(w[0].isupper() for w in words):
        return None
    if all(w[0].isupper() for w in words) and not head.endswith("s"):
        return None
    concept = " ".join(words)
    rest = after[after.find(head) + len(head):]
    of = re.match(r"\s+of\s+((?:[A-Za-z-]+[ \t]+){0,3}[A-Za-z-]+)", rest)
    if of and not re.match(r"(?:the|a|an|his|her|its|their)\b", of.group(1)):
        comp = []
        for w in of.group(1).split():
            if w.lower() in _STOP_AFTER:
                break
            comp.append(w)
        if comp:
            concept += " of " + " ".join(comp)
    lower = [w for w in words if w.islower()]
    unit = head if not lower else " ".join(words[len(words) - len(_trailing_lower(words)):])
    return unit, concept, None


def _trailing_lower(words: list[str]) -> list[str]:
    out = []
    for w in reversed(words):
        if not w.islower():
            break
        out.append(w)
    return list(reversed(out))
