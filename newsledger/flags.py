"""Per-article provenance flags (moved here from ``newsledger.link.flags`` so that extraction
does not import the link package). Flags that one article shows on its own: byline-swapped (a wire credit line and
a person's byline that contradict each other), advertising-inside, suspicious-date, and a bio
that names someone other than the byline. The cross-ledger kinds (a copy of a wire story
under a person's byline, a bio reused under other names) are added by the link stage, which
calls the helpers here for the evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from newsledger import agencies as A
from newsledger.model import Article, Flag

_AGENCY_ALT = A.pattern() + "|" + A.GENERIC_PATTERN + r"|(?:[A-Z][\w'’-]+\s+){0,4}Press Association"
_PLACE = r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)*"
# a line that is nothing but a wire credit: "Agence France-Presse in Seoul", "AFP / Seoul",
# "By AFP", "SEOUL (AFP) —", "(Reuters) -", "© Agence France-Presse", "Source: AFP"
_CREDIT_LINE = re.compile(
    r"^\s*(?:by\s+|source:\s*|©\s*|\(c\)\s*|credit:\s*)?(?:" + _PLACE + r"\s*,?\s*)?\(?\s*(?P<a>"
    + _AGENCY_ALT + r")\s*\)?(?:\s*(?:in|/|,|-|–|—)\s*" + _PLACE + r")?\s*[-–—:]?\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’-]{2,40}\s*\((?P<a>[^)]{2,40})\)\s*[-–—]")
_BY = re.compile(r"^\s*(?:by|written by|words by|author:)\s+(?P<n>.+?)\s*$", re.IGNORECASE)
_PERSON = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:van|von|de|del|da|di|le|la|bin|al|[A-Z][\w'’.-]*)){1,3}$")
_AD_LABEL = re.compile(r"^\s*(advertisement|advertising|sponsored( content)?|ad|ads|promoted|"
                       r"continue reading below|story continues below)\s*$", re.I)
_AD_TEXT = re.compile(r"(deposit bonus|free spins|no deposit|casino|sportsbook|betting odds|"
                      r"bet now|jackpot|welcome bonus|sign[- ]up bonus|claim (your )?bonus|"
                      r"crypto (signals|trading bot)|payday loans?)", re.I)
_BIO = re.compile(r"\b(has been (a|an|the) [\w -]{0,40}(reporter|writer|editor|correspondent|journalist)"
                  r"|is (a|an|the) [\w -]{0,40}(reporter|writer|editor|correspondent|journalist|contributor)"
                  r"|before joining|joined [A-Z]\w+ in \d{4}|to get in touch|contact (me|her|him) (at|through)"
                  r"|(she|he) (previously )?(wrote|worked|covered) )", re.I)


def canonical_agency(text: Optional[str]) -> Optional[str]:
    """The canonical name of the wire agency a string names (``"AFP"`` -> ``"Agence
    France-Presse"``; any "... Press Agency" / "... News Service"), from the registry."""
    return A.canonical_name(text)


def credit_lines(article: Article) -> list[dict]:
    """Wire credits: the agency field, a dateline "(AFP)", and lines that are only a credit."""
    out: list[dict] = []
    if article.agency:
        name = canonical_agency(article.agency) or article.agency
        out.append({"agency": name, "line": article.agency, "where": "agency"})
    if article.dateline:
        name = canonical_agency(article.dateline)
        if name:
            out.append({"agency": name, "line": article.dateline, "where": "dateline"})
    for r in article.removed:
        if r.reason in ("caption", "related-links", "navigation", "advertisement", "share-widget"):
            continue
        line = r.text.strip()
        if len(line) > 80:
            continue
        if _CREDIT_LINE.match(line) or (r.reason in ("byline", "dateline", "credit") and canonical_agency(line)):
            name = canonical_agency(line)
            if name:
                out.append({"agency": name, "line": line, "where": f"removed:{r.reason}"})
    paras = article.paragraphs or [p for p in (article.text or "").split("\n\n") if p.strip()]
    for p in paras[:8] + paras[-4:]:
        line = p.strip()
        if len(line) <= 80 and _CREDIT_LINE.match(line):
            name = canonical_agency(line)
            if name:
                out.append({"agency": name, "line": line, "where": "text"})
        m = _DATELINE.match(line)
        if m and canonical_agency(m.group("a")):
            out.append({"agency": canonical_agency(m.group("a")), "line": line[:80], "where": "dateline"})
    out.sort(key=lambda c: c["where"] in ("agency", "dateline"))  # explicit lines first
    seen, uniq = set(), []
    for c in out:
        if (c["agency"], c["line"]) not in seen:
            seen.add((c["agency"], c["line"]))
            uniq.append(c)
    return uniq


def person_bylines(article: Article) -> list[dict]:
    """Bylines that name a person (not an agency): the byline field and "By ..." lines."""
    out: list[dict] = []

    def add(name: str, line: str, where: str) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,.;|")
        if not name or canonical_agency(name) and not _PERSON.match(name.split(",")[0].strip()):
            return
        first = re.split(r",|\band\b|\bwith\b|/|\|", name)[0].strip()
        if not _PERSON.match(first) or canonical_agency(first):
            return
        out.append({"name": first, "line": line, "where": where,
                    "with_agency": canonical_agency(name)})

    for b in article.byline:
        add(b, b, "byline")
    for r in article.removed:
        if r.reason in ("byline", "author-bio", "metadata"):
            m = _BY.match(r.text)
            if m:
                add(m.group("n"), r.text.strip(), f"removed:{r.reason}")
            elif r.reason == "byline" and len(r.text) < 80:
                add(r.text, r.text.strip(), "removed:byline")
    paras = article.paragraphs or [p for p in (article.text or "").split("\n\n") if p.strip()]
    for p in paras[:8] + paras[-4:]:
        m = _BY.match(p) if len(p) < 80 else None
        if m:
            add(m.group("n"), p.strip(), "text")
    with_agency = {b["name"].casefold(): b["with_agency"] for b in out if b["with_agency"]}
    seen, uniq = set(), []
    for b in out:
        if b["name"].casefold() not in seen:
            seen.add(b["name"].casefold())
            b["with_agency"] = b["with_agency"] or with_agency.get(b["name"].casefold())
            uniq.append(b)
    return uniq


def bios(article: Article) -> list[str]:
    """Author-bio paragraphs: removed as "author-bio", or bio-like lines left at the end."""
    out = [r.text.strip() for r in article.removed if r.reason == "author-bio" and len(r.text) > 60]
    paras = article.paragraphs or [p for p in (article.text or "").split("\n\n") if p.strip()]
    for p in paras[-3:]:
        if len(p) > 60 and _BIO.search(p) and p.strip() not in out:
            out.append(p.strip())
    return out


same_agency = A.same_agency  # "CNS" and "Continental News Service" are one wire


def _byline_swapped(article: Article) -> list[Flag]:
    credits = credit_lines(article)
    people = [b for b in person_bylines(article) if not b["with_agency"]]
    if not credits or not people:
        return []
    own = canonical_agency(article.site or "") or article.site
    if own and any(same_agency(own, c["agency"]) for c in credits):
        return []  # the agency's own reporter on the agency's own site
    if not bios(article):
        # a wire story under its reporter's name ("By Janie Har, AP") is how agencies sign;
        # the contradiction is a staff persona, with a bio on this site, on the agency's text
        return []
    c, b = credits[0], people[0]
    return [Flag("byline-swapped",
                 f"credited to {c['agency']} (\"{c['line']}\") but bylined {b['name']} "
                 f"(\"{b['line']}\")",
                 {"agency": c["agency"], "credit_line": c["line"], "credit_where": c["where"],
                  "byline": b["name"], "byline_line": b["line"], "byline_where": b["where"]})]


def _advertising_inside(article: Article) -> list[Flag]:
    lines = [r.text.strip() for r in article.removed
             if r.reason in ("advertisement", "ad", "gambling", "sponsored")
             and not _AD_LABEL.match(r.text) and len(r.text.strip()) > 12]
    left = [p.strip() for p in (article.paragraphs or (article.text or "").split("\n\n"))
            if len(p) < 300 and p.strip() and _AD_TEXT.search(p) and p.strip() not in lines]
    if not lines and not left:
        return []
    bits = []
    if lines:
        bits.append(f"{len(lines)} advertising line(s) removed from inside the body")
    if left:
        bits.append(f"{len(left)} advertising line(s) still in the text")
    gamb = [x for x in lines + left if _AD_TEXT.search(x)]
    return [Flag("advertising-inside", "; ".join(bits) + (f", gambling: \"{gamb[0][:80]}\"" if gamb else
                                                       f": \"{(lines + left)[0][:80]}\""),
                 {"removed": lines, "in_text": left, "gambling": bool(gamb)})]


def _bio_mismatch(article: Article) -> list[Flag]:
    people = person_bylines(article)
    if not people:
        return []
    names = {p["name"].casefold() for p in people}
    tokens = {t for n in names for t in n.split()}
    out = []
    for bio in bios(article):
        m = re.match(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(is|has|was|covers|joined|writes)\b", bio)
        if m and not (set(m.group(1).casefold().split()) & tokens):
            out.append(Flag("reused-bio", f"the author bio names {m.group(1)}, not the byline "
                            f"{people[0]['name']}", {"bio": bio[:300], "bio_name": m.group(1),
                                                     "byline": people[0]["name"]}))
    return out


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _parse(s: Optional[str]) -> Optional[dt.date]:
    m = _ISO.match(s or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _suspicious_date(article: Article, today: Optional[dt.date] = None) -> list[Flag]:
    out: list[Flag] = []
    pub, upd = _parse(article.published), _parse(article.updated)
    today = today or dt.date.today()
    if pub and upd and upd < pub:
        out.append(Flag("suspicious-date", f"updated {article.updated} is before published "
                        f"{article.published}", {"published": article.published, "updated": article.updated}))
    if article.published:
        variants = _date_variants(article.published)
        for r in article.removed:
            if r.reason in ("related-links", "navigation", "advertisement", "caption") and \
                    any(v in r.text for v in variants):
                out.append(Flag("suspicious-date", f"published {article.published} appears only in a "
                                f"{r.reason} line", {"published": article.published, "line": r.text[:200],
                                                     "reason": r.reason}))
                break
    return out


def _date_variants(iso: str) -> list[str]:
    d = _parse(iso)
    if not d:
        return []
    return [d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%m/%d/%Y"),
            f"{d.strftime('%B')} {d.day}, {d.year}", f"{d.day} {d.strftime('%B')} {d.year}"]


def article_flags(article: Article) -> list[Flag]:
    """Provenance flags that one article shows on its own: byline-swapped by credit/byline
    contradiction, advertising-inside, suspicious-date, a bio under another name. The link
    stage adds the cross-ledger evidence (:func:`newsledger.link.flags.article_flags`)."""
    return (_byline_swapped(article) + _advertising_inside(article) + _suspicious_date(article)
            + _bio_mismatch(article))


def merge_flags(existing: Iterable[dict], new: Iterable[Flag], replace_kinds: Iterable[str] = ()) -> list[dict]:
    """Existing flag dicts plus new ones, de-duplicated on (kind, detail)."""
    replace = set(replace_kinds)
    out = [f for f in existing if f.get("kind") not in replace]
    seen = {(f.get("kind"), f.get("detail")) for f in out}
    for f in new:
        d = f.to_dict()
        if (d["kind"], d["detail"]) not in seen:
            seen.add((d["kind"], d["detail"]))
            out.append(d)
    return out
