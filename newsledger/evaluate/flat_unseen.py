"""Headline and authors on flattened text, checked on pages the header rules were not written against.

The pages: htmldate's Media Cloud set (200 news pages, many languages) and trafilatura's
evaluation pages (990, news and blogs, mostly German), from ``../shared/data``. These sets carry
no title gold, so the expected headline is the page's own: its single ``<h1>`` (3 to 40 words)
when the page's ``og:title``, ``twitter:title`` or ``<title>`` contains it (:func:`h1_gold`); other
pages are left out. Each page is flattened by every flattener of
:mod:`newsledger.evaluate.flatteners` and given to the text extractor with no URL; a hit is an
exact title (:func:`newsledger.evaluate.extraction_real.norm`).

Authors (``--field authors``): trafilatura's evaluation pages with author gold (538), the
gold split on ";", ",", "&", "and", "und" and compared as a set of names (normalised as the
titles); the count of pages where the extractor names someone and is wrong is printed too
(precision first: no author is better than a wrong one).

HTML titles (``--field title --html``): trafilatura's evaluation pages with a title gold (845 of
them carry one, each the page's headline as trafilatura's evaluation set records it), scored for our
extractor on the HTML itself only (the flatteners' headline is scored against the <h1> above); a
title given and not the gold is counted apart (a section, site name or teaser is worse than none).

Dates (``--field date``): htmldate's evaluation pages (its default set, 800, mostly German, and
the Media Cloud set, 200, many languages) with their gold publication day; a hit is the day of
our ``published`` (a bare clock time is no date), and the pages where we give a wrong day are
counted apart (a wrong date is worse than none).

The pages are split in two halves by ``sha1("hd:" or "tr:" + file name) mod 2`` (:func:`half_of`): rules are checked
on half ``a``; half ``b`` is read to see whether a change holds on pages not looked at.

The fresh title set (``--set hd-default``, :func:`fresh_pages`): the h1-gold pages of htmldate's
default evaluation set that are not trafilatura evaluation pages too (611 of its 800 files are: those
belong to the main sets' halves, split by their ``"tr:"`` name), which no title rule was written from
before stop 47. Half *a* is development; half *b* is held out: ``--half b`` reads its titles and each
reading is logged (field ``title-fresh``); ``--half all`` is refused. Half-*b* readings of the main sets
leave out the pages that were development data elsewhere (:func:`exposed`).

    python -m newsledger.evaluate.flat_unseen [--half a|b|all] [--field title|authors|date] [--html]
    python -m newsledger.evaluate.flat_unseen --set hd-default [--half b]   # titles, half a (b: held out)
"""
from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

from newsledger.evaluate import data_dir
from newsledger.evaluate.extraction_real import markup_titles, norm
from newsledger.evaluate.flatteners import FLATTENERS, decoded

H1_WORDS = (3, 40)


def half_of(name: str) -> str:
    return "a" if int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 else "b"


def h1_gold(html: str) -> Optional[str]:
    """The page's single <h1>, when its meta or <title> title contains it; else None."""
    found = markup_titles(html)
    if found is None:
        return None
    h1 = [h for h in found["h1"] if h]
    if len(h1) != 1 or not H1_WORDS[0] <= len(h1[0].split()) <= H1_WORDS[1]:
        return None
    want = norm(h1[0])
    return h1[0] if any(want in norm(t) for t in found["meta"] + found["title"] if t) else None


def _files(root: Path, gold_json: str, folders: tuple[str, ...], tag: str) -> Iterator[tuple[str, Path]]:
    for item in json.loads((root / gold_json).read_text("utf-8")).values():
        for sub in folders:
            path = root / sub / f"{item['file']}.gz"
            if path.exists():
                yield f"{tag}:{item['file']}", path
                break


_HD_ROOT = ("htmldate-eval", "eval_default.json", ("test_set", "cache", "eval"))


@functools.lru_cache(maxsize=1)
def _default_set_files() -> dict[str, str]:
    """file name -> its half (by ``"hd:" + name``) of every page of htmldate's default set on disk."""
    root = data_dir(_HD_ROOT[0]) / "tests"
    return {name.split(":", 1)[1]: half_of(name) for name, _ in _files(root, _HD_ROOT[1], _HD_ROOT[2], "hd")}


@functools.lru_cache(maxsize=1)
def _trafilatura_files() -> frozenset[str]:
    """The file names of trafilatura's evaluation pages (611 of them are htmldate default-set pages too)."""
    root = data_dir("trafilatura-eval") / "tests"
    return frozenset(name.split(":", 1)[1] for name, _ in _files(root, "evaldata.json", ("cache", "eval"), "tr"))


@functools.lru_cache(maxsize=1)
def _realnews_copies() -> frozenset[str]:
    """The trafilatura evaluation files whose gold title is a realnews page's title (one article in both
    sets: realnews' dev pages are tuned on)."""
    rows = (json.loads(line) for line in (data_dir("realnews") / "expected.jsonl").read_text("utf-8").splitlines())
    titles = {norm(r.get("title")) for r in rows if norm(r.get("title"))}
    root = data_dir("trafilatura-eval") / "tests"
    return frozenset(v["file"] for v in json.loads((root / "evaldata.json").read_text("utf-8")).values()
                     if norm(v.get("title")) in titles)


def exposed(name: str) -> bool:
    """Whether a page of this module's main sets (``"tr:file"`` / ``"hd:file"``) was development data
    elsewhere: a page of the fresh title set's half *a* as it stood at stops 47-48 (htmldate's default
    set, split by ``"hd:" + file``, trafilatura's pages not yet left out; scored, some read, as title
    development data), or a realnews page too. A half-*b* reading leaves them out."""
    file = name.split(":", 1)[1]
    return _default_set_files().get(file) == "a" or file in _realnews_copies()


def _in_half(name: str, half: str) -> bool:
    """Whether a main-set page is in ``half`` ("all": every page); half *b* leaves out :func:`exposed` pages."""
    if half == "all":
        return True
    return half_of(name) == half and not (half == "b" and exposed(name))


def pages(half: str = "a") -> Iterator[tuple[str, str, str]]:
    """(name, html, expected headline) of the pages of ``half`` that have an h1 gold."""
    sources = [(data_dir("htmldate-eval") / "tests", "eval_mediacloud_2020.json", ("test_set", "cache", "eval"), "hd"),
               (data_dir("trafilatura-eval") / "tests", "evaldata.json", ("cache", "eval"), "tr")]
    return _h1_pages(sources, half)


def fresh_pages(half: str = "a") -> Iterator[tuple[str, str, str]]:
    """(name, html, expected headline) of the FRESH title set: htmldate's default evaluation set
    (``eval_default.json``) without the pages that are trafilatura evaluation pages too (those are
    :func:`pages`' and split by their ``"tr:"`` name), one half (*a*: development, *b*: held out), pages
    with an h1 gold; both halves at once are refused."""
    if half not in ("a", "b"):
        raise ValueError("the fresh title set (hd-default) is scored one half at a time: a or b")
    sources = [(data_dir(_HD_ROOT[0]) / "tests", _HD_ROOT[1], _HD_ROOT[2], "hd")]
    shared = _trafilatura_files()
    return ((name, html, gold) for name, html, gold in _h1_pages(sources, half)
            if name.split(":", 1)[1] not in shared)


def _h1_pages(sources, half: str) -> Iterator[tuple[str, str, str]]:
    for root, gold_json, folders, tag in sources:
        for name, path in _files(root, gold_json, folders, tag):
            if not _in_half(name, half):
                continue
            html = decoded(gzip.decompress(path.read_bytes()))
            gold = h1_gold(html)
            if gold:
                yield name, html, gold


_GOLD_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b)\s*")


def author_pages(half: str = "a") -> Iterator[tuple[str, str, set[str]]]:
    """(name, html, expected author names) of trafilatura's evaluation pages with author gold."""
    root = data_dir("trafilatura-eval") / "tests"
    gold = {f"tr:{v['file']}": v["author"] for v in json.loads((root / "evaldata.json").read_text("utf-8")).values()
            if v.get("author")}
    for name, path in _files(root, "evaldata.json", ("cache", "eval"), "tr"):
        if name not in gold or not _in_half(name, half):
            continue
        want = gold.pop(name)
        want = "; ".join(want) if isinstance(want, list) else want
        yield name, decoded(gzip.decompress(path.read_bytes())), {norm(a) for a in _GOLD_SPLIT.split(want) if a.strip()}


def title_pages(half: str = "a") -> Iterator[tuple[str, str, str]]:
    """(name, html, expected title) of trafilatura's evaluation pages with a (non-blank) title gold."""
    root = data_dir("trafilatura-eval") / "tests"
    gold = {f"tr:{v['file']}": v["title"] for v in json.loads((root / "evaldata.json").read_text("utf-8")).values()
            if (v.get("title") or "").strip()}
    for name, path in _files(root, "evaldata.json", ("cache", "eval"), "tr"):
        if name in gold and _in_half(name, half):
            yield name, decoded(gzip.decompress(path.read_bytes())), gold.pop(name)


def date_pages(half: str = "a") -> Iterator[tuple[str, str, str]]:
    """(name, html, expected day "YYYY-MM-DD") of htmldate's evaluation pages (NaN gold left out)."""
    root = data_dir("htmldate-eval") / "tests"
    for gold_json in ("eval_default.json", "eval_mediacloud_2020.json"):
        gold = {f"hd:{v['file']}": v["date"] for v in json.loads((root / gold_json).read_text("utf-8")).values()
                if isinstance(v.get("date"), str)}
        for name, path in _files(root, gold_json, ("test_set", "cache", "eval"), "hd"):
            if name in gold and (half == "all" or half_of(name) == half):
                yield name, decoded(gzip.decompress(path.read_bytes())), gold.pop(name)


def evaluate_dates(half: str = "a") -> dict:
    """{"pages": n, flattener: share of right days, flattener + " wrong": pages given a wrong day}."""
    return _tally(date_pages(half), lambda art: (art.published or "")[:10], lambda got, want: got == want)


FRESH = "hd-default"  # the fresh title set's name (``--set``)
HTML = "html"  # the system name of our extractor on the page's HTML itself (``--html``)


def _tally(items, read, right, html: bool = False, flat: bool = True) -> dict:
    """Each page (name, html, want) flattened by every flattener and extracted (and, with ``html``,
    extracted from its HTML too; ``flat=False``: the HTML only); ``read(article)`` is what the
    system says (falsy: nothing), ``right(got, want)`` whether it is right.
    {"pages": n, system: share right, system + " wrong": pages where it says something wrong}."""
    systems = (list(FLATTENERS) if flat else []) + ([HTML] if html else [])
    out: dict = {name: 0 for name in systems} | {f"{name} wrong": 0 for name in systems}
    n = 0
    for page, doc, want in items:
        n += 1
        for name in systems:
            art = _article(page, doc, FLATTENERS.get(name))
            got = read(art) if art else None
            ok = right(got, want)
            out[name] += ok
            out[f"{name} wrong"] += bool(got) and not ok
    return {"pages": n, **{k: (v / n if n and k in systems else v) for k, v in out.items()}}


def _article(page: str, html: str, flat=None):
    """The article our extractor finds in ``html`` flattened by ``flat`` (the text extractor), or in
    the HTML itself when ``flat`` is None; None when it finds none."""
    from newsledger.extract import ExtractError, extract
    from newsledger.model import Document

    doc = Document(source=page, raw=html.encode("utf-8"), kind="html") if flat is None else \
        Document(source=page, raw=flat(html).encode("utf-8"), kind="text")
    try:
        return extract(doc)
    except ExtractError:
        return None


def evaluate_authors(half: str = "a", html: bool = False) -> dict:
    """{"pages": n, system: share of exact author sets, system + " wrong": pages named wrongly}
    (systems: the flatteners, and our HTML extractor with ``html``)."""
    return _tally(author_pages(half), lambda art: art.byline,
                  lambda got, want: {norm(a) for a in got or []} == want, html)


def _title_right(got: Optional[str], want: str) -> bool:
    return bool(got) and norm(got) == norm(want)


def evaluate(half: str = "a", fresh: bool = False) -> dict:
    """{"pages": n, flattener: share of exact headlines, flattener + " wrong": another headline} on ``half``
    (``fresh``: of the fresh title set, :func:`fresh_pages`)."""
    return _tally((fresh_pages if fresh else pages)(half), lambda art: art.title, _title_right)


def evaluate_html_titles(half: str = "a") -> dict:
    """{"pages": n, "html": share of exact titles, "html wrong": another title given} for our HTML
    extractor on trafilatura's pages with a title gold (:func:`title_pages`)."""
    return _tally(title_pages(half), lambda art: art.title, _title_right, html=True, flat=False)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["a", "b", "all"], default="a")
    ap.add_argument("--field", choices=["title", "authors", "date"], default="title")
    ap.add_argument("--html", action="store_true", help="authors: also our extractor on the HTML itself; "
                    "title: our extractor on the HTML against trafilatura's title gold")
    ap.add_argument("--set", choices=["main", FRESH], default="main", help=f"{FRESH}: the fresh title set "
                    "(htmldate's default set, h1 gold; --field title, half a or b: b is held out, each reading logged)")
    args = ap.parse_args(argv)
    if args.html and args.field == "date":
        raise SystemExit("--html: with --field authors or title")
    if args.set == FRESH and (args.field != "title" or args.html or args.half == "all"):
        raise SystemExit(f"--set {FRESH}: --field title, half a or b (one at a time)")
    field = "title-html" if args.html and args.field == "title" else args.field
    if args.set == FRESH:
        field = "title-fresh"
    if field == "title-html":
        res = evaluate_html_titles(args.half)
        print(f"HTML title exact on trafilatura-eval pages with title gold, half {args.half}, {res['pages']} pages")
        print(f"{'the HTML itself':25} {res[HTML]:.3f}  (a title given and wrong on {res[HTML + ' wrong']} pages)")
    elif args.field == "date":
        res = evaluate_dates(args.half)
        print(f"published day on htmldate's evaluation pages, half {args.half}, {res['pages']} pages")
        for name in FLATTENERS:
            print(f"flattened by {name:12} {res[name]:.3f}  (a wrong day on {res[name + ' wrong']} pages)")
    elif args.field == "authors":
        res = evaluate_authors(args.half, args.html)
        print(f"authors exact on trafilatura-eval pages with author gold, half {args.half}, {res['pages']} pages")
        for name in list(FLATTENERS) + ([HTML] if args.html else []):
            label = "the HTML itself" if name == HTML else f"flattened by {name}"
            print(f"{label:25} {res[name]:.3f}  (names given and wrong on {res[name + ' wrong']} pages)")
    else:
        res = evaluate(args.half, fresh=args.set == FRESH)
        where = "the fresh set (htmldate's default set), " if args.set == FRESH else ""
        print(f"headline exact against the page's <h1>, {where}half {args.half}, {res['pages']} pages")
        for name in FLATTENERS:
            print(f"flattened by {name:12} {res[name]:.3f}")
    if args.half != "a":  # half b is the unseen half: every reading is on record
        _record(field, res, argv if argv is not None else sys.argv[1:])
    return 0


def _record(field: str, res: dict, argv: list[str]) -> None:
    from newsledger.evaluate import evallog

    result = {"field": field, "pages": res["pages"], **{n: round(res[n], 3) for n in [*FLATTENERS, HTML] if n in res}}
    print(evallog.record_test_run("flat-unseen", result, "python -m newsledger.evaluate.flat_unseen", argv))


if __name__ == "__main__":
    raise SystemExit(main())
