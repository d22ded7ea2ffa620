"""Extraction on real pages it was not written against: ``../shared/data/realnews`` (167 news
pages, many outlets and languages, gold title / authors / day / text from fundus's and
Readability's test fixtures; see that folder's README).

Per field, on the same pages in the same run:

- newsledger on the HTML (:func:`newsledger.extract.extract`);
- trafilatura 2.3.1 on the HTML (``bare_extraction`` with metadata; its authors split on ";");
- htmldate 1.11 ``find_date`` (extensive search, ``original_date=True``) for the date;
- newsledger on the page flattened to text by each flattener of
  :mod:`newsledger.evaluate.flatteners` (lxml, html2text, inscriptis), given as a text document
  with no URL (what a user with a saved text file has).

Scores: title exact (whitespace, case, quotes and dashes normalised), authors exact (the set of
names, normalised the same way), date day (``published``'s day equals the gold day; ±1 day where
the gold time was UTC, ``date_utc``), text F1 (the article-extraction-benchmark shingle metric,
:func:`newsledger.evaluate.metrics.score`). A field is scored only on pages with gold for it.

**Held-out rule.** A page is in the *test* part when ``int(sha1(id), 16) % 3 == 0``
(:func:`split_of`), else in *dev*. Rules are tuned reading dev pages only; test figures are the
ones that count, and are printed apart.

    python -m newsledger.evaluate.extraction_real [--split dev|test|all] [--json] [--only SYSTEM ...]
    python -m newsledger.evaluate.extraction_real --failures FIELD [--reachable] [--only SYSTEM ...]  (dev only)
    python -m newsledger.evaluate.extraction_real --reach [--split dev|test|all]  (the ceiling: gold in the text)
    newsledger eval extraction --mode real
"""
from __future__ import annotations

import argparse
import sys
import gzip
import hashlib
import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Callable, Optional

from newsledger.evaluate import data_dir
from newsledger.evaluate.flatteners import FLATTENERS, decoded
from newsledger.evaluate.intervals import page_bootstrap
from newsledger.evaluate.metrics import score

REALNEWS = "realnews"
FIELDS = ("title", "authors", "date", "text")


def split_of(page_id: str) -> str:
    """The fixed held-out split: ``test`` when sha1(id) mod 3 == 0, else ``dev``."""
    return "test" if int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


@dataclass
class Page:
    id: str
    raw: bytes
    url: Optional[str]
    gold: dict
    split: str


@dataclass
class Output:
    """What one system says about one page (None: the system does not give that field)."""

    title: Optional[str] = None
    authors: Optional[list[str]] = None
    date: Optional[str] = None
    text: Optional[str] = None
    error: Optional[str] = None


def load_pages(split: str = "all", data: Optional[Path] = None) -> list[Page]:
    root = Path(data) if data else data_dir(REALNEWS)
    pages = []
    for line in (root / "expected.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        part = split_of(item["id"])
        if split != "all" and part != split:
            continue
        raw = gzip.decompress((root / item["file"]).read_bytes())
        pages.append(Page(item["id"], raw, item.get("url"), item, part))
    return pages


# ---------------------------------------------------------------- systems

def _from_article(art) -> Output:
    return Output(title=art.title, authors=list(art.byline), date=art.published, text=art.text)


def newsledger_html(page: Page) -> Output:
    from newsledger.extract import ExtractError, extract
    from newsledger.model import Document

    try:
        return _from_article(extract(Document(source=page.id, raw=page.raw, kind="html", url=page.url)))
    except ExtractError as exc:
        return Output(error=str(exc))


def newsledger_flat(flattener: str) -> Callable[[Page], Output]:
    flat = FLATTENERS[flattener]

    def run(page: Page) -> Output:
        from newsledger.extract import ExtractError, extract
        from newsledger.model import Document

        text = flat(decoded(page.raw))
        try:
            return _from_article(extract(Document(source=page.id, raw=text.encode("utf-8"), kind="text")))
        except ExtractError as exc:
            return Output(error=str(exc))
    return run


def trafilatura_html(page: Page) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(decoded(page.raw), url=page.url, with_metadata=True)
    if doc is None:
        return Output(error="nothing extracted")
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Output(title=doc.title, authors=authors, date=doc.date, text=doc.text or "")


def htmldate_html(page: Page) -> Output:
    from htmldate import find_date

    return Output(date=find_date(decoded(page.raw), url=page.url, original_date=True, extensive_search=True))


System = tuple[Callable[[Page], Output], tuple[str, ...]]  # (run, the fields it gives)


def systems() -> dict[str, System]:
    out: dict[str, System] = {
        "newsledger on the HTML": (newsledger_html, FIELDS),
        "trafilatura 2.3.1 on the HTML": (trafilatura_html, FIELDS),
        "htmldate 1.11 (extensive)": (htmldate_html, ("date",)),
    }
    for name in FLATTENERS:
        out[f"newsledger, flattened by {name}"] = (newsledger_flat(name), FIELDS)
    return out


# ---------------------------------------------------------------- scoring

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-", "\u00a0": " "})


def norm(s: Optional[str]) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def title_ok(pred: Optional[str], gold: str) -> bool:
    return bool(pred) and norm(pred) == norm(gold)


def authors_ok(pred: Optional[list[str]], gold: list[str]) -> bool:
    return {norm(a) for a in pred or []} == {norm(a) for a in gold}


def date_ok(pred: Optional[str], gold: str, utc: bool) -> bool:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", pred or "")
    if not m:
        return False
    try:
        got, want = Date(*map(int, m.groups())), Date.fromisoformat(gold)
    except ValueError:
        return False
    return abs((got - want).days) <= (1 if utc else 0)


@dataclass
class Tally:
    marks: dict = field(default_factory=lambda: {f: [] for f in FIELDS[:3]})  # per page with gold: 1 right, 0 not
    texts: dict = field(default_factory=dict)
    golds: dict = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0

    def add(self, page: Page, out: Output, fields: tuple[str, ...]) -> None:
        g = page.gold
        self.errors += out.error is not None
        checks = {
            "title": lambda: title_ok(out.title, g["title"]),
            "authors": lambda: authors_ok(out.authors, g["authors"]),
            "date": lambda: date_ok(out.date, g["date"], bool(g.get("date_utc"))),
        }
        for name, check in checks.items():
            if name in fields and g.get(name) is not None:
                self.marks[name].append(int(bool(check())))
        if "text" in fields:
            self.texts[page.id] = out.text or ""
            self.golds[page.id] = g.get("text") or ""

    def result(self) -> dict:
        res = {f: (sum(m) / len(m) if m else None) for f, m in self.marks.items()}
        res["counts"] = {f: f"{sum(m)}/{len(m)}" for f, m in self.marks.items()}
        res["text"] = score(self.texts, self.golds)["f1"] if self.texts else None
        res["interval_95"] = {f: share_interval(self.marks[f]) for f in FIELDS[:3] if self.marks[f]}
        res["errors"] = self.errors
        res["seconds"] = round(self.seconds, 2)
        return res


def share_interval(marks: list[int]) -> list[float]:
    """The 95% page-bootstrap interval (:func:`newsledger.evaluate.intervals.page_bootstrap`) of the share of
    pages right, from one mark per page (1 right, 0 not)."""
    lo, hi = page_bootstrap([{"right": m, "pages": 1} for m in marks], {"share": (("right",), "pages")})["share"]
    return [round(lo, 3), round(hi, 3)]


def evaluate(split: str = "all", data: Optional[Path] = None, only: Optional[list[str]] = None) -> dict:
    """{part: {system: {title, authors, date, text, counts, errors, seconds}}} for the parts
    ``dev`` and ``test`` (or the one asked for), every system on the same pages."""
    pages = load_pages(split, data)
    runs = {k: v for k, v in systems().items() if not only or k in only}
    parts = sorted({p.split for p in pages})
    tallies = {part: {name: Tally() for name in runs} for part in parts}
    for page in pages:
        for name, (fn, fields) in runs.items():
            t0 = time.perf_counter()
            out = fn(page)
            tallies[page.split][name].seconds += time.perf_counter() - t0
            tallies[page.split][name].add(page, out, fields)
    return {part: {"pages": sum(p.split == part for p in pages),
                   "systems": {n: t.result() for n, t in tallies[part].items()}} for part in parts}


def _cell(v: Optional[float]) -> str:
    return f"{v:7.3f}" if v is not None else f"{'—':>7}"


def print_table(result: dict) -> None:
    for part, res in result.items():
        print(f"realnews {part} ({res['pages']} pages; held-out rule: sha1(id) mod 3 == 0 -> test)")
        print(f"{'system':40} {'title':>7} {'authors':>7} {'date':>7} {'text F1':>7} {'no text':>7} {'secs':>6}")
        for name, r in res["systems"].items():
            print(f"{name:40} {_cell(r['title'])} {_cell(r['authors'])} {_cell(r['date'])} {_cell(r['text'])} "
                  f"{r['errors']:7d} {r['seconds']:6.1f}")
        print("95% intervals, pages resampled:")
        for name, r in res["systems"].items():
            print(f"  {name:38} " + "  ".join(f"{f} {lo:.2f}-{hi:.2f}" for f, (lo, hi) in r.get("interval_95", {}).items()))
        print()


def _shown(out: Output, name: str) -> str:
    return repr(out.error) if out.error else repr(getattr(out, name))


def failures(name: str, only: Optional[list[str]] = None, data: Optional[Path] = None,
             reachable: bool = False) -> list[str]:
    """One line per *dev* page a system gets wrong on field ``name`` (title, authors or date):
    page id, system, expected, got. Dev only: the test pages' failures are not to be read.
    ``reachable``: only the misses whose gold is in the flattened text (:func:`title_reachable`,
    :func:`names_reachable`)."""
    checks = {"title": lambda o, g: title_ok(o.title, g["title"]),
              "authors": lambda o, g: authors_ok(o.authors, g["authors"]),
              "date": lambda o, g: date_ok(o.date, g["date"], bool(g.get("date_utc")))}
    check = checks[name]
    runs = {k: v for k, v in systems().items() if not only or k in only}
    out: list[str] = []
    for page in load_pages("dev", data):
        if page.gold.get(name) is None:
            continue
        for sysname, (fn, fields) in runs.items():
            got = fn(page)
            if name in fields and not check(got, page.gold) and (not reachable or _reachable_in(page, sysname, name)):
                out.append(f"{page.id}\t{sysname}\twant {page.gold[name]!r}\tgot {_shown(got, name)}")
    return out


# ---------------------------------------------------------------- reach (a property of the pages)

def _line_parts(line: str) -> list[str]:
    """A flattened line as the header reader may offer it for a headline: the whole line without
    bullets and markdown marks, and its part before and after each site separator ("Headline |
    Site", "Site - Headline")."""
    from newsledger.extract.header_title import line_key
    from newsledger.extract.html import TITLE_SEP
    from newsledger.extract.text import unmarkdown

    key = line_key(unmarkdown(line))
    parts = [key]
    for m in TITLE_SEP.finditer(key):
        parts += [key[:m.start()], key[m.end():]]
    return [norm(p) for p in parts if p.strip()]


def title_reachable(flat: str, gold: str) -> bool:
    """The gold title (normalised as the scorer does) is a line of the flattened text, or a
    line's part before or after a site separator: a rule reading lines could pick it."""
    from newsledger.extract.text import split_lines

    want = norm(gold)
    return bool(want) and any(want in _line_parts(ln) for ln in split_lines(flat))


def names_reachable(flat: str, gold: list[str]) -> list[bool]:
    """For each gold author name: whether it stands in the flattened text (normalised as the
    scorer does; markdown marks removed), glued or not ("ByJane Roe", "Jane RoeTwitter": the
    byline rules unglue them, so a ceiling must count them)."""
    from newsledger.extract.text import split_lines, unmarkdown

    text = norm("\n".join(unmarkdown(ln) for ln in split_lines(flat)))
    return [bool(norm(n)) and norm(n) in text for n in gold]


def markup_titles(html: str) -> Optional[dict[str, list[str]]]:
    """The page's title candidates in its markup, whitespace collapsed: "h1" (every <h1>), "meta"
    (og:title, twitter:title), "title" (<title>); None when the page does not parse."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    texts = {"h1": [h.text_content() for h in tree.iter("h1")],
             "meta": [m.get("content") or "" for m in tree.xpath("//meta[@property='og:title' or @name='twitter:title']")],
             "title": [t.text_content() for t in tree.iter("title")]}
    return {k: [" ".join(t.split()) for t in v] for k, v in texts.items()}


def html_title_sources(html: str, gold: str) -> set[str]:
    """Where the gold title stands in the page's markup: "h1" (an <h1>), "meta" (og:title or
    twitter:title), "title" (<title>); normalised as the scorer does. A title that is no <h1>
    is the page's metadata, not the headline a reader sees."""
    want = norm(gold)
    return {k for k, texts in (markup_titles(html) or {}).items() if any(norm(t) == want for t in texts)}


def reach(split: str = "dev", data: Optional[Path] = None) -> dict:
    """{part: {"pages": n, "html": {where the gold title stands in the markup: count}, flattener:
    {"title": (reachable, scored), "authors": (pages with every gold name in the text, scored),
    "names": (names found, names)}}}: the ceiling any rule on the
    flattened text can reach. No system runs: this reads only the pages and their gold, so it
    may be printed for the test part too."""
    out: dict = {}
    for page in load_pages(split, data):
        part = out.setdefault(page.split, {"pages": 0, "html": {"h1": 0, "meta or title only": 0, "none": 0}}
                              | {f: {"title": [0, 0], "authors": [0, 0], "names": [0, 0]} for f in FLATTENERS})
        part["pages"] += 1
        html = decoded(page.raw)
        if page.gold.get("title") is not None:
            where = html_title_sources(html, page.gold["title"])
            part["html"]["h1" if "h1" in where else "meta or title only" if where else "none"] += 1
        for name, flat_fn in FLATTENERS.items():
            flat, cell = flat_fn(html), part[name]
            if page.gold.get("title") is not None:
                cell["title"][0] += title_reachable(flat, page.gold["title"])
                cell["title"][1] += 1
            if page.gold.get("authors") is not None:
                found = names_reachable(flat, page.gold["authors"])
                cell["authors"][0] += all(found)
                cell["authors"][1] += 1
                cell["names"][0] += sum(found)
                cell["names"][1] += len(found)
    return {k: out[k] for k in sorted(out)}


def _site_part(title: str) -> str:
    """A <title>'s headline part: the longest piece around site separators ("Headline | Site"),
    split as the HTML extractor splits a <title>."""
    from newsledger.extract.html import TITLE_SEP

    parts = [p for p in TITLE_SEP.split(title) if p.strip()]
    return max(parts, key=len) if parts else title


def title_rules(split: str = "dev", data: Optional[Path] = None) -> dict[str, int]:
    """How many gold titles each single title rule gets exactly, on the pages with a gold title:
    ours (the headline a reader sees, :func:`newsledger_html`), the first og:title/twitter:title,
    the first <h1>, the <title> whole and its headline part. Dev by default: it runs our extractor
    on the pages, so a test run is a reading of the held-out title (and is not offered)."""
    out = dict.fromkeys(("pages", "ours", "meta title", "first <h1>", "<title>", "<title>, site part off"), 0)
    for page in load_pages(split, data):
        gold = page.gold.get("title")
        if gold is None:
            continue
        mt = markup_titles(decoded(page.raw)) or {}
        first = {k: next((t for t in mt.get(k, []) if t), None) for k in ("meta", "h1", "title")}
        picks = {"ours": newsledger_html(page).title, "meta title": first["meta"], "first <h1>": first["h1"],
                 "<title>": first["title"], "<title>, site part off": first["title"] and _site_part(first["title"])}
        out["pages"] += 1
        for k, v in picks.items():
            out[k] += title_ok(v, gold)
    return out


def print_reach(result: dict) -> None:
    def share(c: list[int]) -> str:
        return f"{c[0] / c[1]:.3f} ({c[0]}/{c[1]})" if c[1] else "—"

    for part, res in result.items():
        print(f"realnews {part} ({res['pages']} pages): reach of the flattened text (gold in the text; no system run)")
        print(f"{'flattener':12} {'title':>16} {'all authors':>16} {'author names':>16}")
        for name in FLATTENERS:
            c = res[name]
            print(f"{name:12} {share(c['title']):>16} {share(c['authors']):>16} {share(c['names']):>16}")
        h = res["html"]
        print(f"HTML: the gold title is an <h1> of the page on {h['h1']} of {sum(h.values())} pages; only the "
              f"og/twitter:title or <title> on {h['meta or title only']}; in none of them on {h['none']}")
        print()


def _reachable_in(page: Page, sysname: str, field_name: str) -> bool:
    """For a flattened system: whether the page's gold ``field_name`` is reachable in its text
    (authors: every name). Other systems: always True."""
    flat = next((FLATTENERS[f] for f in FLATTENERS if sysname == f"newsledger, flattened by {f}"), None)
    if flat is None:
        return True
    text = flat(decoded(page.raw))
    if field_name == "title":
        return title_reachable(text, page.gold["title"])
    if field_name == "authors":
        return all(names_reachable(text, page.gold["authors"]))
    return True


def _only(names: Optional[list[str]]) -> Optional[list[str]]:
    """System names from the short forms given on the command line ("html2text" -> its system)."""
    if not names:
        return None
    known = list(systems())
    picked = [k for k in known if any(n == k or k.endswith(f" {n}") or n in k for n in names)]
    if not picked:
        raise SystemExit(f"--only {' '.join(names)}: no such system (known: {', '.join(known)})")
    return picked


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev",
                    help="dev (default; tune on it), test or all (the held-out pages: each run is logged)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", nargs="+", metavar="SYSTEM", help="systems to run (e.g. lxml html2text)")
    ap.add_argument("--failures", choices=["title", "authors", "date"],
                    help="list the dev pages each system gets wrong on this field (dev only)")
    ap.add_argument("--reach", action="store_true",
                    help="print how many gold titles and author names stand in each flattener's text "
                         "(a property of the pages: no system runs, so any split may be read)")
    ap.add_argument("--reachable", action="store_true",
                    help="with --failures: only the misses whose gold is in the flattened text")
    ap.add_argument("--title-rules", action="store_true",
                    help="how many dev gold titles each single HTML title rule gets (ours, meta, <h1>, <title>)")
    args = ap.parse_args(argv)
    if args.reach:
        print_reach(reach(args.split))
        return 0
    if args.title_rules:
        if args.split != "dev":
            raise SystemExit("--title-rules runs our extractor: dev only (the test title is read by the plain run)")
        rules = title_rules("dev")
        print("\n".join(f"{k:<24} {v:>4}" + (f"  {v / rules['pages']:.3f}" if k != "pages" else "")
                        for k, v in rules.items()))
        return 0
    only = _only(args.only)
    if args.failures:
        print("\n".join(failures(args.failures, only, reachable=args.reachable)))
        return 0
    res = evaluate(args.split, only=only)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print_table(res)
    if "test" in res:  # a reading of the held-out pages: on record
        from newsledger.evaluate import evallog

        print(evallog.record_test_run("realnews-extraction", log_result(res["test"]),
                                      "python -m newsledger.evaluate.extraction_real",
                                      list(argv if argv is not None else sys.argv[1:])))
    return 0


def log_result(part: dict) -> dict:
    """The headline figures of one part for the evaluation log: title/authors/date/text F1 per system."""
    def cell(v):
        return "-" if v is None else f"{v:.3f}"

    return {name: "/".join(cell(r[k]) for k in ("title", "authors", "date", "text"))
            for name, r in part["systems"].items()}


if __name__ == "__main__":
    raise SystemExit(main())
