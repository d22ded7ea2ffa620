"""HTML pages -> :class:`Article`: trafilatura 2.3.1 (precision mode) plus our own repairs.

Pipeline (one trafilatura run per page, a second one only when the first finds too little):

1. parse once (:func:`load_html`: trafilatura's ``load_html``, step for step, with a parser
   whose element classes are looked up in C); trafilatura works on its own copy of the tree,
   htmldate and our repairs read the same tree;
2. body: ``bare_extraction(favor_precision=True, include_comments=False)``; if that yields
   nothing or very little, retry once with ``favor_recall=True``;
3. repairs on the extracted lines, every dropped line recorded as :class:`Removed`: the
   headline repeated as first line, byline/date lines at the top, trailing boilerplate
   (related links, newsletter/follow/share prompts, copyright, photo credits), figure
   captions; **off by default**: duplicate lines (``dedup``) and the ``classify_lines``
   verdicts of ``newsledger.extract.lines`` (``lines_classifier``);
4. lead recovery (**off by default**, ``lead_recovery``): a standfirst/teaser block sitting
   between the headline and the first extracted paragraph (trafilatura's precision mode often
   drops it) would be put back;
5. metadata from one pass over ``<meta>``/JSON-LD/markup (cheap), the publication date from
   htmldate (``original_date=True, extensive_search=False``) on a tree without author bios
   (:mod:`newsledger.extract.html_dates`).

Knobs in :data:`OPTIONS` exist so the evaluation can measure each repair on its own; the
defaults there are what ``extract`` does.
"""
from __future__ import annotations

import html as _html
import re
from typing import Any, Optional
from urllib.parse import urlsplit

from newsledger.extract import ExtractError
from newsledger.extract import jsonld as LD
from newsledger.extract.html_authors import (DATELINE_CAPS, DATELINE_IN, DATELINE_PAREN, names_a_person, off_story,
                                             card_authors, find_byline, ld_person_handle, names_under_headline,
                                             normalise_agency, publisher_names, responsible_editors, signed_handle,
                                             split_byline, vcard_handle, without_publisher)
from newsledger.extract.html_clean import OPTIONS, clean_lines
from newsledger.extract.html_dates import find_dates
from newsledger.extract.html_junk import dropped_junk
from newsledger.extract.html_lead import recover_lead
from newsledger.extract.html_markup import squash_space, text_of, utf8_bytes, page_captions, page_markup
from newsledger.extract.html_parse import load_html
from newsledger.extract.jsonld import first_value as _first
from newsledger.extract.archive_links import archive_link_names, linked_handle
from newsledger.extract.labels import labelled_names
from newsledger.extract.titles import after_lead_element, h1_segments, headline_of_h1, is_home_link
from newsledger.model import Article, Document, normalise_text

# ------------------------------------------------------------------ metadata


def _meta_index(tree) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        val = el.get("content")
        if key and val and val.strip():
            out.setdefault(key, []).append(val.strip())
    return out


def _jsonld(tree) -> dict[str, Any]:
    """The first article-like JSON-LD object (:func:`newsledger.extract.jsonld.article_object`), its
    authors given by reference read from the page's Person nodes the page shows
    (:func:`newsledger.extract.jsonld.resolved_authors`)."""
    objs = list(LD.ld_objects(tree))
    best = LD.article_object(objs)
    if LD.has_reference(best.get("author")):
        text = _visible_text(tree)
        best = {**best, "author": LD.resolved_authors(best["author"], objs, lambda name: squash_space(name) in text)}
    return best


def _visible_text(tree) -> str:
    """The page's text as a reader sees it: no script or style element's text."""
    parts: list[str] = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and el.text:
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return squash_space(" ".join(parts))



TITLE_SEP = re.compile(r"\s+(?:[|–—·•»:]|-{1,2})\s+")


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # soft hyphen, zero-width space, word joiner, BOM


def find_title(tree, meta: dict, ld: dict) -> Optional[str]:
    """The headline a reader sees (:func:`_pick_title`), without the invisible characters some
    pages set inside words (soft hyphens marking where a long word may break)."""
    title = _pick_title(tree, meta, ld)
    return title.translate(_INVISIBLE) if title else title


def _meta_titles(meta: dict, ld: dict) -> list[str]:
    """The page's meta titles in order of trust: og:title, twitter:title, the JSON-LD headline. Character
    references a CMS left escaped inside them ("Thermen- &#038; Vulkanland", WordPress SEO plugins write the
    JSON-LD so) are read as the characters they stand for, as the <h1> beside them is."""
    cands = [_first(meta.get("og:title")), _first(meta.get("twitter:title")), _first(ld.get("headline"))]
    return [_html.unescape(c) for c in cands if isinstance(c, str) and c]


def _pick_title(tree, meta: dict, ld: dict) -> Optional[str]:
    cands = _meta_titles(meta, ld)
    run = _headline_run(tree, cands, meta)
    if run:
        return run
    h1s = [t for t in (headline_of_h1(h) for h in tree.iter("h1") if not is_home_link(h)) if t and len(t) > 3]
    for h in h1s:
        if any(_agrees(normalise_text(h), c, meta) for c in cands):
            return h
    if not cands:
        repeated = _heading_in_title(tree)
        if repeated:
            return repeated
    story = _story_h1s(h1s)
    if cands and _another_story_title(story, cands[0]):
        return story[0]
    if cands:
        return _meta_headline(cands[0], meta, cands[1:] + h1s)
    if len(h1s) == 1:
        return h1s[0]
    title_el = tree.find(".//title")
    if title_el is not None:
        t = squash_space(title_el.text_content())
        parts = TITLE_SEP.split(t)
        return max(parts, key=len) if parts else t or None
    return h1s[0] if h1s else None


def _agrees(key: str, title: str, meta: dict) -> bool:
    """``key`` (a normalised <h1>) and the meta title ``title`` give the same headline: equal, one
    holding the other (15 characters or more), the <h1> being one whole part of it around site
    separators, or the <h1> holding the meta title's headline once its site part is off
    ("Lemon cake from the tray | Baking Site" beside the <h1> "Lemon cake from the tray: simply good").
    An <h1> that is the site's name (og:site_name) agrees only with a meta title that is that name too:
    "Headline | The Example Courier Online" holds the logo's <h1>, yet is no version of it."""
    if not key:
        return False
    ck, bare = normalise_text(title), normalise_text(_site_off(title, meta))
    if key in _site_names(meta):
        return key == ck
    return key == ck or (len(key) > 15 and (key in ck or ck in key)) or _is_title_part(key, title, meta) or \
        (bare != ck and len(bare) > 15 and bare in key)


_PART_SEP = re.compile(r"\s+(?:[|–—·•»:]|-{1,2})\s+|(?<=\w)[:|]\s+")


def _headline_run(tree, cands: list[str], meta: dict) -> Optional[str]:
    """The headline run of an <h1> that sets a kicker or a sub-headline apart in its own element
    (``<h1><span class="subtitle">Paris 2024</span> Ferries stop for two days</h1>``): the longest
    of its runs when that run is, whole, one part of a meta title ("Paris 2024 - Ferries stop for
    two days - Site", "Paris 2024: Ferries stop for two days"; or the meta title less its site part)
    and the h1 has two runs; or, before that, the text after the element an <h1> opens with (a kicker
    in italics too: ``<h1><em>Memorial day </em>Ferries stop</h1>``) when that text is a meta title
    whole or less its site part."""
    wholes = {normalise_text(t) for c in cands for t in (c, _site_off(c, meta))}
    parts = {normalise_text(p) for c in cands for p in [*_PART_SEP.split(c), _site_off(c, meta)]}
    for h in tree.iter("h1"):
        rest = "" if is_home_link(h) else after_lead_element(h)
        if len(rest) > TITLE_PART_CHARS and normalise_text(rest) in wholes:
            return rest
        runs = [] if is_home_link(h) else h1_segments(h)
        if len(runs) != 2:
            continue
        best = max(runs, key=len)
        if normalise_text(best) in parts and len(best) > TITLE_PART_CHARS:
            return best
    return None


H1_HEADLINE_WORDS = 4  # an <h1> this long at least reads as a headline, not a section or menu label
# a meta title sharing nine in ten of the shorter one's words with the <h1> is the same headline edited (a word
# left out or changed); one sharing fewer is another wording, and the <h1> the reader sees is the headline
VARIANT_SHARE = 0.9


LABEL_WORDS = 2  # an <h1> this short beside a headline is a box's label ("Anwendung", "Post navigation")


def _story_h1s(h1s: list[str]) -> list[str]:
    """The page's <h1>s less the boxes after the first: when every later <h1> is a label of a word or
    two or a text the page sets in more than one <h1> (a newsletter box, a widget repeated), the
    first alone; else all of them."""
    keys = [normalise_text(h) for h in h1s]
    later = [not (len(h.split()) <= LABEL_WORDS or keys.count(k) > 1) for h, k in zip(h1s[1:], keys[1:])]
    return h1s[:1] if h1s and keys.count(keys[0]) == 1 and not any(later) else h1s


def _another_story_title(h1s: list[str], meta_title: str) -> bool:
    """The page's one <h1> is a headline (four words or more) and its meta title, which it does not
    repeat, is another text ("Gefahrstoff-Service", "Pressemitteilungen") or another wording of the
    story (a search or social rewrite: "Interview with the author about her new novel" beside the <h1>
    "The author talks about her novel"): they share fewer than nine in ten of the shorter one's words.
    The visible <h1> is then the story's headline; a meta title that is the same headline but for a
    word left out or changed ("Joburg" / "Johannesburg") keeps precedence, as news outlets' own
    metadata (fundus's gold) gives it there."""
    if len(h1s) != 1 or len(h1s[0].split()) < H1_HEADLINE_WORDS:
        return False
    wa, wb = set(normalise_text(h1s[0]).split()), set(normalise_text(meta_title).split())
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) < VARIANT_SHARE


def _meta_headline(title: str, meta: dict, others: Optional[list[str]] = None) -> str:
    """A meta title without the site's name: the parts around site separators less the one that is
    og:site_name ("Lehrberufe KFT - Example School" -> "Lehrberufe KFT") when one part is left;
    else its first part when that is a headline of 15 characters or more at least as long as the
    last ("Headline | Site") — unless the title has two parts, the page names its site
    (og:site_name), the second part is not that name and no other title of the page (``others``) is
    the first part alone: the second is then the headline's own ("Lemon trees from seed | A
    step-by-step guide"); else the whole. (With three parts or more the tail is often a network's
    name beside the site's: "Headline » Blog network - Science blogs".)"""
    parts = TITLE_SEP.split(title)
    sites = _site_names(meta)
    kept = [p for p in parts if normalise_text(p) not in sites]
    if len(parts) > 1 and len(kept) == 1:
        return kept[0]
    if len(parts) > 1 and len(parts[0]) >= 15 and len(parts[0]) >= len(parts[-1]):
        if sites and len(parts) == 2 and not _names_site(parts[1], meta) and \
                normalise_text(parts[0]) not in {normalise_text(o) for o in others or []}:
            return title
        return parts[0]
    return title


_TLD = re.compile(r"\.?(?:com|net|org|info|de|at|ch|it|fr|es|co\.uk|uk)$")


def _squash(text: str) -> str:
    """``text`` case-folded with its web domain ending and everything but letters and digits left out
    ("Vegolosi.it" -> "vegolosi"), for telling a site's name written otherwise."""
    return re.sub(r"\W+", "", _TLD.sub("", normalise_text(text)))


def _names_site(part: str, meta: dict) -> bool:
    """A meta title's ``part`` names the site: it is og:site_name, one of that name's own parts
    ("BMBF" of "Example Ministry - BMBF"), or either holds the other once written without spaces,
    punctuation and domain ending ("Vegolosi.it" / "Vegolosi", "homify" / "homify.de")."""
    key = _squash(part)
    if not key:
        return False
    for name in meta.get("og:site_name", []):
        names = {_squash(n) for n in [name, *TITLE_SEP.split(name)]} - {""}
        if key in names or any(len(n) > 3 and (n in key or key in n) for n in names):
            return True
    return False


def _site_off(title: str, meta: dict) -> str:
    """A meta title without the site's name around its last or first site separator: the part that is
    og:site_name, else (no part being it) the last of two parts when the first is a headline of 15
    characters or more at least as long ("Minister opens the new ferry terminal - Example Ministry");
    else the whole. Unlike :func:`_meta_headline` it keeps the rest whole, separators and all
    ("Topic: Headline - Site" -> "Topic: Headline")."""
    seps = list(TITLE_SEP.finditer(title))
    if not seps:
        return title
    first, last = title[:seps[0].start()], title[seps[-1].end():]
    sites = _site_names(meta)
    if normalise_text(last) in sites or (len(seps) == 1 and normalise_text(first) not in sites
                                         and len(first) >= TITLE_PART_CHARS and len(first) >= len(last)):
        return title[:seps[-1].start()]
    if normalise_text(first) in sites:
        return title[seps[0].end():]
    return title


def _is_title_part(key: str, title: str, meta: dict) -> bool:
    """``key`` (a normalised <h1>) is one whole part of a meta title around site separators
    ("Plejaden, M45 - Abenteuer Astronomie"), and not the part that names the site (og:site_name)."""
    parts = [normalise_text(p) for p in TITLE_SEP.split(title)]
    return len(parts) > 1 and key in parts and key not in _site_names(meta)


def _site_names(meta: dict) -> set[str]:
    """The page's og:site_name values, normalised as title parts are for comparing."""
    return {normalise_text(n) for n in meta.get("og:site_name", [])}


TITLE_PART_CHARS = 15  # a part of the <title> this long at least may be the headline


def _heading_in_title(tree) -> Optional[str]:
    """With no meta title: the <h1> or <h2> that the page's <title> repeats, whole or as one of
    its parts ("Headline | Site"), when the <h1> is a section name ("Allergies Health Center")."""
    title_el = tree.find(".//title")
    if title_el is None:
        return None
    t = squash_space(title_el.text_content())
    keys = {normalise_text(p) for p in [t, *TITLE_SEP.split(t)] if len(p) >= TITLE_PART_CHARS}
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            text = not is_home_link(h) and text_of(h)
            if text and normalise_text(text) in keys:
                return text
    return None



def find_dateline(lines: list[str]) -> Optional[str]:
    for ln in lines[:2]:
        head = ln[:120]
        m = DATELINE_PAREN.match(head)
        if m and (normalise_agency(m.group(2)) or m.group(2).isupper()):
            city = m.group(1).split(",")[0].strip()  # "SALTMERE, Aldoria (CNS) —" -> Saltmere
            return city.title() if city.isupper() else city
        m = DATELINE_CAPS.match(head)
        if m and len(m.group(1).split(",")[0]) >= 3:
            city = m.group(1).split(",")[0].strip()
            return city.title()
        if len(ln) < 120:
            m = DATELINE_IN.search(ln)
            if m:
                return m.group(1).strip()
    return None


def find_section(markup: dict, meta: dict, ld: dict) -> Optional[str]:
    sec = _first(meta.get("article:section"), ld.get("articleSection"), meta.get("section"),
                 meta.get("parsely-section"), meta.get("category"))
    if sec:
        return sec
    for bc in markup["breadcrumb"][:1]:
        items = [t for t in (text_of(a) for a in bc.iter("a")) if t and len(t) < 40]
        items = [t for t in items if t.lower() not in ("home", "start", "startseite", "inicio", "accueil")]
        if items:
            return items[-1]
    return None


def find_caption(markup: dict) -> Optional[str]:
    """The first figure caption outside asides/footers (the lead image's, on article pages)."""
    for fc in markup["figcaption"]:
        if any(a.tag in ("aside", "footer", "nav") for a in fc.iterancestors()):
            continue
        t = text_of(fc)
        if t:
            return t
    return None


_LANG_CODE = re.compile(r"[a-z]{2,3}")


def find_language(tree, meta: dict, ld: dict) -> Optional[str]:
    lang = tree.get("lang") or tree.get("xml:lang") or _first(meta.get("content-language"),
                                                                 meta.get("og:locale"), ld.get("inLanguage"))
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split("-")[0].lower()
    return lang if _LANG_CODE.fullmatch(lang) else None


def find_site(meta: dict, ld: dict, url: Optional[str]) -> Optional[str]:
    site = _first(meta.get("og:site_name"), ld.get("publisher"), meta.get("application-name"))
    if site and site.startswith(("http://", "https://", "www.")):
        url = site if "://" in site else "http://" + site
        site = None
    if site:
        return site
    if url:
        host = urlsplit(url).hostname or ""
        return host[4:] if host.startswith("www.") else (host or None)
    return None


def find_url(tree, doc_url: Optional[str], meta: dict) -> Optional[str]:
    if doc_url and doc_url.startswith(("http://", "https://")):
        return doc_url
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return link.get("href").strip()
    return _first(meta.get("og:url")) or doc_url


# ------------------------------------------------------------------ main


def _body_lines(tree, url: Optional[str], precision: bool) -> list[str]:
    import trafilatura

    kwargs = {"favor_precision": True} if precision else {"favor_recall": True}
    try:
        result = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=False,
                                             **kwargs)
    except Exception:
        return []
    text = getattr(result, "text", None) or ""
    return [ln for ln in (squash_space(x) for x in text.split("\n")) if ln]



def _fallback_authors(art: Article, tree, markup: dict, meta: dict, ld: dict) -> list[str]:
    """``art.byline`` without the names the page gives its publisher, or, when that names no person,
    the first of the weaker readings that does: the lines under the headline, a labelled name, the
    by-line's one-word account name (its hCard's, or the JSON-LD Person's it shows), a social card's
    author field, a Chinese page's responsible editor."""
    site = art.site or art.url
    publishers = publisher_names(meta, ld)
    names = without_publisher(art.byline, publishers)
    readings = (lambda: names_under_headline(markup, art.title),
                lambda: vcard_handle(markup, art.title),
                lambda: ld_person_handle(ld, markup, art.title),
                lambda: signed_handle(markup, art.title),
                lambda: linked_handle(markup, art.title),
                lambda: labelled_names(tree, split_byline, off_story, site),
                lambda: archive_link_names(tree, split_byline, off_story, site),
                lambda: card_authors(meta),
                lambda: responsible_editors(tree))
    for read in readings:
        if names_a_person(names, site):
            break
        names = without_publisher(read(), publishers) or names
    return names


def extract_html(doc: Document) -> Article:
    """Extract the article of an HTML page (see the module docstring)."""
    html = doc.decoded()
    if not html or not html.strip():
        raise ExtractError("no article text found")
    data = utf8_bytes(html)  # shared by the parse and the junk scan
    try:
        tree = load_html(html, data)
    except Exception:
        tree = None
    if tree is None:
        raise ExtractError("no article text found")

    lines = _body_lines(tree, doc.url, precision=OPTIONS["precision"])
    if OPTIONS["recall_fallback"] and sum(len(x) for x in lines) < OPTIONS["min_chars"]:
        more = _body_lines(tree, doc.url, precision=False)
        if sum(len(x) for x in more) > sum(len(x) for x in lines):
            lines = more
    if sum(len(x.split()) for x in lines) < 5:  # a menu word or two is not an article
        raise ExtractError("no article text found")

    meta = _meta_index(tree)
    ld = _jsonld(tree)
    art = Article(source=doc.source)
    art.url = find_url(tree, doc.url, meta)
    art.title = find_title(tree, meta, ld)

    markup = page_markup(tree)
    captions = page_captions(markup) if OPTIONS["drop_captions"] else None
    lines, removed = clean_lines(lines, art.title, captions)
    if OPTIONS["lead_recovery"]:
        lead = recover_lead(tree, lines, art.title)
        if lead:
            lines.insert(0, lead)
    if not lines:
        raise ExtractError("no article text found")
    art.set_paragraphs(lines)
    art.removed = removed

    art.site = find_site(meta, ld, art.url)
    art.byline, art.agency = find_byline(markup, meta, ld, art.paragraphs, art.title, art.site or art.url)
    for r in removed:  # a byline line we dropped from the top still names the authors
        if r.reason == "byline" and not art.byline:
            art.byline, ag = split_byline(r.text)
            art.agency = art.agency or ag
    art.dateline = find_dateline(art.paragraphs)
    art.section = find_section(markup, meta, ld)
    art.caption = find_caption(markup)
    art.language = find_language(tree, meta, ld)
    art.byline = _fallback_authors(art, tree, markup, meta, ld)
    art.published, art.updated = find_dates(tree, markup, meta, ld, art.url,  # last: prunes the tree
                                            fast_path=OPTIONS["meta_date_fast_path"])
    art.removed += dropped_junk(html, art, data)
    return art



def extract_html_string(html: str, url: Optional[str] = None, source: str = "<string>") -> Article:
    """Convenience wrapper for callers holding a decoded page."""
    return extract_html(Document(source=source, raw=html.encode("utf-8"), kind="html", url=url,
                                 encoding="utf-8"))


__all__ = ["extract_html", "extract_html_string", "clean_lines", "recover_lead", "split_byline",
           "normalise_agency", "OPTIONS"]

