"""Analyze stage: an extracted :class:`Article` gains claims, quantities, dates and entities.

Components (each its own module, each reading the same spaCy Doc of ``article.text``):
``attribution`` (who said what), ``speakers`` (one canonical speaker per article, or unresolved),
``stance``, ``quantities`` and ``dates``. Figures and dates are linked to the claim whose
content holds them, by character offsets.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

from newsledger.model import Article, Claim, Entity

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


def analyze(article: Article) -> Article:
    """Analyze one article in place and return it."""
    return next(iter(analyze_many([article])))


def analyze_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
    """Analyze a stream of articles, parsing them in batches (spaCy ``pipe``)."""
    from newsledger.analyze.nlp import get_nlp

    nlp = get_nlp()
    buf: list[Article] = []
    for a in articles:
        buf.append(a)
        if len(buf) >= batch_size:
            yield from _run(nlp, buf)
            buf = []
    if buf:
        yield from _run(nlp, buf)


def _run(nlp, batch: list[Article]) -> Iterator[Article]:
    for article, doc in zip(batch, nlp.pipe([a.text for a in batch])):
        annotate(article, doc)
        yield article


def annotate(article: Article, doc) -> Article:
    """Run every component on a parsed article."""
    from newsledger.analyze.attribution import find_claims
    from newsledger.analyze.dates import find_dates
    from newsledger.analyze.quantities import find_quantities

    text = article.text
    article.claims = find_claims(doc, text, statements_only=True)  # reported statements, speakers resolved
    for claim in article.claims:  # a parse slip ("a.m." split at ".") is no speaker
        if claim.source and not any(ch.isalnum() for ch in claim.source.name or claim.source.text):
            claim.source = None
    article.quantities = find_quantities(text, doc=doc) + title_quantities(article) + standfirst_quantities(article)
    article.dates = find_dates(text, article.published, doc=doc)
    article.entities = [Entity(e.text, e.start_char, e.end_char, e.label_)
                        for e in doc.ents if e.label_ in ENTITY_LABELS]
    for claim in article.claims:
        link_figures(claim, article)
    article.analyzed = True
    return article


def title_quantities(article: Article) -> list:
    """The headline's figures ("Quake kills 300"), read by the same quantity reader; their
    offsets are into ``article.title`` (``where="title"``). The headline is the outlet's own
    statement: no claim holds them."""
    return _header_quantities(article.title, "title", article.published)


def standfirst_quantities(article: Article) -> list:
    """The standfirst's figures ("Gunman kills 1, wounds 2 at the office"), read as the
    headline's are: offsets into ``article.standfirst`` (``where="standfirst"``), no claim holds
    them (the deck is the outlet's own summary, kept out of the text)."""
    return _header_quantities(article.standfirst, "standfirst", article.published)


def _header_quantities(line: Optional[str], where: str, published: Optional[str]) -> list:
    """The figures of a header line kept out of the text (a headline in title case read
    sentence-cased), their offsets into ``line``, ``where`` set to the field's name."""
    from newsledger.analyze.quantities import find_quantities

    if not line:
        return []
    qs = find_quantities(sentence_cased(line), published=published)
    for q in qs:
        q.where = where
        q.text = line[q.start:q.end]  # the line's own words (the casing is the reader's)
    return qs


_TITLE_WORD = re.compile(r"[A-Za-z][a-z'’]+")
# words a headline in title case may leave in lower case
_SMALL_WORDS = set("a an the and or but nor for of in on at to by as with from into onto over after vs via than "
                   "per off out up".split())
_KEEP_CASE = set("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def sentence_cased(title: str) -> str:
    """A headline written in title case ("Gunman Kills Two In Office Shooting") with its
    capitalised words (but the first, months and weekdays) in lower case, the same length: the
    quantity reader takes a number after a capitalised word for a name ("Game 2", "Apollo
    11"), which in such a headline every number is; any other headline as it is."""
    words = [m.group(0) for m in _TITLE_WORD.finditer(title) if m.group(0).casefold() not in _SMALL_WORDS]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.9 * len(words):
        return title
    out = list(title)
    for m in _TITLE_WORD.finditer(title):
        w = m.group(0)
        if m.start() > 0 and w[0].isupper() and w not in _KEEP_CASE:
            out[m.start()] = w[0].lower()
    return "".join(out)


def _inside(claim: Claim, start: int, end: int) -> bool:
    pieces = claim.content.pieces or [(claim.content.start, claim.content.end)]
    return any(s <= start and end <= e for s, e in pieces)


def link_figures(claim: Claim, article: Article) -> None:
    """Attach the quantities and dates that sit inside the claim's content ("one" in "one of the
    largest" is no figure of the claim)."""
    from newsledger.analyze.quantities import is_pronoun_one

    claim.quantities = [q for q in article.quantities if q.where == "text"
                        and _inside(claim, q.start, q.end) and not is_pronoun_one(article.text, q)]
    claim.dates = [d for d in article.dates if _inside(claim, d.start, d.end)]
