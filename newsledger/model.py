"""The one data model every stage reads and extends.

read  -> :class:`Document`  (raw bytes + where they came from)
extract -> :class:`Article` (clean text, metadata, removed junk)
analyze -> ``Article.claims``, ``Article.quantities``, ``Article.dates``, ``Article.entities``
link  -> groups and flags across articles (see :mod:`newsledger.link`)

Every span carries ``start``/``end`` character offsets into ``Article.text``
(Python ``str`` indices, end exclusive), so ``text[start:end] == span.text``.
``to_dict()`` gives the stable JSON shape used by the CLI, the ledger and the API.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Optional

# ---------------------------------------------------------------- input


@dataclass
class Document:
    """One raw input document as read, before extraction."""

    source: str  # path as given, plus "#<url or id>" for a WARC record / feed item / JSONL line
    raw: bytes  # the bytes of the page (HTML or text) exactly as read
    kind: str  # "html" | "text"
    url: Optional[str] = None
    encoding: Optional[str] = None  # declared or detected charset of ``raw``
    meta: dict[str, Any] = field(default_factory=dict)  # feed title/date, WARC date, ...

    def decoded(self) -> str:
        from newsledger.read.charset import decode

        return decode(self.raw, self.encoding)


@dataclass
class Failure:
    """An input that could not be read or extracted: one line for the user."""

    source: str
    reason: str

    def __str__(self) -> str:  # the one-line error
        return f"{self.source}: {self.reason}"


# ---------------------------------------------------------------- spans


@functools.lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain_dict(obj) -> dict:
    """``dataclasses.asdict`` of a dataclass whose fields hold plain values (text, numbers, None,
    booleans): the same dict, without asdict's recursive deep copy of every value."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


@dataclass
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return _plain_dict(self)


@dataclass
class Removed:
    """A line or block dropped from the page, with the reason."""

    text: str
    reason: str  # share-widget | advertisement | related-links | author-bio | caption | navigation | byline | dateline | metadata | title | boilerplate | ...

    def to_dict(self) -> dict:
        return {"text": self.text, "reason": self.reason}


@dataclass
class Flag:
    """A provenance or quality flag with its evidence."""

    kind: str  # byline-swapped | advertising-inside | reused-bio | suspicious-date | ...
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "detail": self.detail, "evidence": self.evidence}


@dataclass
class Quantity:
    """A figure: ``value`` with bounds, unit (what is counted) and the bound kind."""

    text: str
    start: int
    end: int
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "exact"  # exact | approx | at-least | at-most | range
    unit: Optional[str] = None  # "troops", "USD", "percent", ...
    concept: Optional[str] = None  # optional: longer description of what is counted
    where: str = "text"  # "text" | "title" | "standfirst": the string the offsets point into

    def to_dict(self) -> dict:
        return _plain_dict(self)


@dataclass
class DateExpr:
    """A time expression normalised against the publication date."""

    text: str
    start: int
    end: int
    value: Optional[str]  # ISO 8601 date/interval, "XXXX-10-08" when the year is unknown
    kind: str = "date"  # date | interval | time | duration | set

    def to_dict(self) -> dict:
        return _plain_dict(self)


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...

    def to_dict(self) -> dict:
        return _plain_dict(self)


@dataclass
class Source:
    text: str
    start: int
    end: int
    name: Optional[str]  # canonical speaker within the article; None = unresolved ("he" with no fitting antecedent)
    anonymous: bool = False
    resolved_from: Optional[str] = None  # the earlier mention a pronoun/descriptor was resolved to, else None
    confidence: float = 1.0  # how sure the speaker resolution is (0..1)

    def to_dict(self) -> dict:
        return _plain_dict(self)


@dataclass
class Cue(Span):
    """The words that mark an attribution; ``negated`` when a negation governs them ("did not say")."""

    negated: bool = False


@dataclass
class Content:
    text: str
    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "pieces": [list(p) for p in self.pieces]}


STANCES = (
    "asserts",  # plain statement / report
    "denies",  # rejects a proposition
    "cannot-confirm",  # unable to confirm / could not verify
    "declines-comment",  # declined to comment / did not respond
    "expects",  # predicts / expects / warns of future
    "claims-responsibility",
    "accuses",
    "appeals",  # calls on / demands / urges
    "concerned",  # worried / alarmed / condemns as worrying
    "hopes",
    "asks",  # a question put by the source (kind "question"); never a conflict
)


@dataclass
class Claim:
    source: Optional[Source]
    cue: Span
    content: Content
    kind: str  # direct | indirect | mixed | question
    stance: str = "asserts"
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    confidence: float = 1.0  # calibrated probability that the claim is right (statement, content and speaker)
    # evidence the analyzer gathered for the confidence (cue-model probability, rule, ...); not serialised
    signals: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def unresolved(self) -> bool:
        """No speaker could be named (no source, or a pronoun with no fitting antecedent)."""
        return self.source is None or self.source.name is None

    def to_dict(self) -> dict:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "kind": self.kind,
            "stance": self.stance,
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "confidence": round(float(self.confidence), 4),
            "unresolved": self.unresolved,
        }


# ---------------------------------------------------------------- article

ARTICLE_KEYS = ("id", "source", "url", "site", "title", "standfirst", "byline", "agency", "dateline", "section",
                "published", "updated", "published_time", "updated_time", "language", "caption", "text",
                "paragraphs", "removed", "flags")

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def _clock(stamp: Optional[str]) -> Optional[str]:
    """"10:09" or "9:05" as "HH:MM"; None for anything that is not a bare clock time."""
    m = _CLOCK.match(stamp or "")
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def settle_stamps(published: Optional[str], updated: Optional[str]) -> tuple[Optional[str], Optional[str],
                                                                             Optional[str], Optional[str]]:
    """(published, updated, published_time, updated_time) from the stamps a page gave.

    ``published`` and ``updated`` keep calendar dates (ISO 8601 date or datetime) only. A bare clock
    time ("Published at 10:09", no day) is no date: it goes to ``*_time``. An update clock later
    than a dated publication time is read as that day ("2024-10-18T10:09" then "12:50" ->
    "2024-10-18T12:50"); an earlier one could be the next day and stays a bare time.
    """
    pub_t, upd_t = _clock(published), _clock(updated)
    published = None if pub_t else published
    updated = None if upd_t else updated
    pub_clock = published[11:16] if published and len(published) >= 16 and published[10] == "T" else None
    if upd_t and pub_clock and upd_t > pub_clock:
        zone = re.search(r"(?:Z|[+-]\d{2}:?\d{2})$", published[16:])  # the page's zone holds for both
        updated, upd_t = f"{published[:11]}{upd_t}{zone.group(0) if zone else ''}", None
    return published, updated, pub_t, upd_t


@dataclass
class Article:
    source: str
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    url: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    standfirst: Optional[str] = None  # the deck / subhead under the headline (its lines joined by a space), not in text
    byline: list[str] = field(default_factory=list)
    agency: Optional[str] = None
    dateline: Optional[str] = None
    section: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 date or datetime; never a bare clock time
    updated: Optional[str] = None
    published_time: Optional[str] = None  # a clock time the page gives with no date ("10:09")
    updated_time: Optional[str] = None
    language: Optional[str] = None
    caption: Optional[str] = None
    removed: list[Removed] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # filled by analyze
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    analyzed: bool = False

    @property
    def id(self) -> str:
        return article_id(self.url, self.text, self.title)

    def claim_index(self, q: Quantity) -> Optional[int]:
        """The index of the claim holding the figure ``q`` (a headline's figure is in none)."""
        if q.where != "text":
            return None
        return next((i for i, c in enumerate(self.claims)
                     if any(cq.start == q.start and cq.end == q.end for cq in c.quantities)), None)

    def set_paragraphs(self, paragraphs: list[str]) -> None:
        """Set the body; ``text`` is the paragraphs joined by blank lines."""
        self.paragraphs = [p for p in (p.strip() for p in paragraphs) if p]
        self.text = "\n\n".join(self.paragraphs)

    def to_dict(self, analysis: Optional[bool] = None) -> dict:
        d: dict[str, Any] = {
            "id": self.id, "source": self.source, "url": self.url, "site": self.site,
            "title": self.title, "standfirst": self.standfirst, "byline": list(self.byline), "agency": self.agency,
            "dateline": self.dateline, "section": self.section, "published": self.published,
            "updated": self.updated, "published_time": self.published_time, "updated_time": self.updated_time,
            "language": self.language, "caption": self.caption,
            "text": self.text, "paragraphs": list(self.paragraphs),
            "removed": [r.to_dict() for r in self.removed],
            "flags": [f.to_dict() for f in self.flags],
        }
        if analysis if analysis is not None else self.analyzed:
            d["claims"] = [c.to_dict() for c in self.claims]
            d["quantities"] = [q.to_dict() for q in self.quantities]
            d["dates"] = [x.to_dict() for x in self.dates]
            d["entities"] = [e.to_dict() for e in self.entities]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        a = cls(source=d["source"])
        for k in ("url", "site", "title", "standfirst", "agency", "dateline", "section", "language", "caption", "text"):
            setattr(a, k, d.get(k))
        a.published, a.updated, a.published_time, a.updated_time = settle_stamps(d.get("published"), d.get("updated"))
        a.published_time = a.published_time or d.get("published_time")  # stored before the split: a clock moves here
        a.updated_time = a.updated_time or d.get("updated_time")
        a.text = a.text or ""
        a.byline = list(d.get("byline") or [])
        a.paragraphs = list(d.get("paragraphs") or [])
        a.removed = [Removed(**r) for r in d.get("removed") or []]
        a.flags = [Flag(**f) for f in d.get("flags") or []]
        if "claims" in d:
            a.analyzed = True
            a.claims = [claim_from_dict(c) for c in d["claims"]]
            a.quantities = [Quantity(**q) for q in d.get("quantities") or []]
            a.dates = [DateExpr(**x) for x in d.get("dates") or []]
            a.entities = [Entity(**e) for e in d.get("entities") or []]
        return a


def claim_from_dict(c: dict) -> Claim:
    content = c["content"]
    return Claim(
        source=Source(**c["source"]) if c.get("source") else None,
        cue=Cue(**c["cue"]),
        content=Content(text=content["text"], start=content["start"], end=content["end"],
                        pieces=[tuple(p) for p in content.get("pieces") or []]),
        kind=c["kind"], stance=c.get("stance", "asserts"),
        quantities=[Quantity(**q) for q in c.get("quantities") or []],
        dates=[DateExpr(**x) for x in c.get("dates") or []],
        confidence=float(c.get("confidence", 1.0)),
    )


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case-, space- and punctuation-insensitive form used for identity and dedup."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s]", "", text)
    return _WS.sub(" ", text).strip()


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.I)


def normalise_url(url: Optional[str]) -> Optional[str]:
    """Scheme/host case, default ports, fragments, tracking parameters and a trailing slash
    do not make a different page."""
    if not url or not url.strip():
        return None
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme,
                       host.lower(), path, query, ""))


def content_hash(text: str, title: Optional[str] = None) -> str:
    """Hash of the normalised body (title when there is no body)."""
    basis = normalise_text(text) or normalise_text(title or "")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def article_id(url: Optional[str], text: str, title: Optional[str] = None) -> str:
    """A stable id, the same wherever the page is read (ingest, Spark, API): from the
    normalised URL when the page has one, else from the normalised content. A syndicated
    copy on another site keeps its own id, so copies can be traced to their original."""
    norm = normalise_url(url)
    if norm:
        return hashlib.sha256(("url:" + norm).encode("utf-8")).hexdigest()[:16]
    return content_hash(text, title)
