"""Titles of HTML pages and their JSON-LD (h-extract16): made-up pages only."""
from __future__ import annotations

import json

from newsledger.extract import extract
from newsledger.model import Document

STORY = "".join(f"<p>{p}</p>" for p in [
    "The ferry company cancelled every crossing to the northern islands on Monday after a storm tore "
    "the roof off its waiting hall and flooded the ticket office on the harbour front overnight.",
    "Islanders who had travelled to the mainland for hospital visits were put up in two hotels, the "
    "company said, and a freight boat would carry medicine and post across as soon as the wind dropped.",
    "The harbour master said the quay itself was undamaged but that no passenger ship would leave "
    "before engineers had checked the ramps, which could take until Wednesday at the earliest."])
HEADLINE = "Storm strands islanders as ferries stop for two days"


def _article(html: str):
    return extract(Document(source="made-up", raw=html.encode("utf-8"), kind="html"))


def _page(h1: str, head: str = "") -> str:
    return (f"<html><head><title>{HEADLINE} | The Example Courier</title>{head}</head><body><article>"
            f"<h1>{h1}</h1>{STORY}</article></body></html>")


def test_a_kicker_inside_the_h1_is_not_part_of_the_headline():
    h1 = (f'<span class="article-title__overline">Weather</span><span class="visually-hidden"> - </span>'
          f'<span class="article-title__text">{HEADLINE}</span>')
    # the meta title puts another topic before the headline: the <h1> without its kicker agrees with it
    meta = f'<meta property="og:title" content="Northern isles: {HEADLINE}">'
    assert _article(_page(h1, meta)).title == HEADLINE
    assert _article(_page(f'<span class="kicker">Weather</span> {HEADLINE}')).title == HEADLINE


def test_an_h1_of_other_spans_keeps_its_whole_text():
    h1 = f'<span class="headline-main">{HEADLINE}</span> <span class="emoji">now</span>'
    assert _article(_page(h1)).title == f"{HEADLINE} now"
    # a kicker with nothing of headline length after it: the whole <h1>
    assert _article(_page('<span class="kicker">Weather</span> now')).title == "Weather now"


def test_the_by_line_zone_follows_the_headline_whose_kicker_was_cut():
    # a logo <h1> at the top, other stories' by-lines under it, the story's <h1> with a kicker further down
    teasers = "".join(f'<li><div class="byline">{n}</div> Another story</li>' for n in ("Kalle Meier", "Anna Berg"))
    html = (f"<html><head><title>{HEADLINE}</title></head><body><h1>The Example Courier</h1><ul>{teasers}</ul>"
            f'<p>{"Weather news from the islands and the coast. " * 30}</p>'
            f'<article><h1><span class="kicker">Weather</span> {HEADLINE}</h1>'
            f'<div class="byline">Marta Quill</div>{STORY}</article></body></html>')
    art = _article(html)
    assert art.title == HEADLINE and art.byline == ["Marta Quill"]


def _ld_author_page(entries: str) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
          "author": [{"@type": "Person", "name": "Marta Quill"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    return (f"<html><head><title>{HEADLINE}</title>{head}</head><body><article><h1>{HEADLINE}</h1>"
            f'<div class="bylines">{entries}</div>{STORY}</article></body></html>')


def _entry(name: str) -> str:
    return f'<div class="byline column"><address class="name"><a rel="author" href="#">{name}</a></address></div>'


def test_a_co_author_the_metadata_leaves_out_is_read_beside_the_named_one():
    page = _ld_author_page(_entry("Tomas Berg") + _entry("Marta Quill"))
    assert _article(page).byline == ["Marta Quill", "Tomas Berg"]


def test_entries_beside_the_author_that_are_no_names_add_no_one():
    # a sibling entry of the same kind that is long (a teaser or a bio) is no author entry
    bio = ('<div class="byline column">Tomas Berg, Senior Correspondent for Northern Affairs and Island '
           'Transport at the Example Courier</div>')
    assert _article(_ld_author_page(bio + _entry("Marta Quill"))).byline == ["Marta Quill"]
    # nor is one of another kind
    other = '<div class="byline-follow">Tomas Berg</div>'
    assert _article(_ld_author_page(other + _entry("Marta Quill"))).byline == ["Marta Quill"]
    # a container of the same class beside the by-line's that holds no by-line (here the headline) is no entry
    head = "Ferries: Storm, until Wednesday"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": head,
          "author": [{"@type": "Person", "name": "Marta Quill"}]}
    page = (f'<html><head><title>{head}</title><script type="application/ld+json">{json.dumps(ld)}</script>'
            f'</head><body><article><div class="item"><h1>{head}</h1></div>'
            f'<div class="item"><div class="byline">Von Marta Quill</div></div>{STORY}</article></body></html>')
    assert _article(page).byline == ["Marta Quill"]


def test_a_by_line_element_naming_the_authors_found_and_more_adds_the_others():
    # the by-line nearest the headline glues its last name to a time and loses it; a fuller form follows
    glued = '<div class="byline-top">Marta Quill, Ana Roe and Tomas BergUpdated 3 hours ago</div>'
    full = '<div class="byline">Marta Quill, Ana Roe and Tomas Berg</div>'
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{glued}{full}"
            f"{STORY}</article></body></html>")
    assert _article(page).byline == ["Marta Quill", "Ana Roe", "Tomas Berg"]
    # a by-line element that names other people, not all of those found, adds no one
    other = '<div class="byline">Ana Roe and Kalle Meier</div>'
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{glued}"
            f"{STORY}{other}</article></body></html>")
    assert _article(page).byline == ["Marta Quill", "Ana Roe"]
    # a fuller form whose added name is a lone word (a credential split off at its comma) adds no one
    first = '<div class="byline-top">By Marta Quill, MA Example Health News</div>'
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{first}"
            f'<div class="byline">Marta Quill, MA</div>{STORY}</article></body></html>')
    assert _article(page).byline == ["Marta Quill"]


def _blog(logo: str, title: str) -> str:
    """A blog page with no meta title: the site's name in an <h1> at the top, the post's title in an <h2>."""
    return (f"<html><head><title>{title}</title></head><body><header><h1>{logo}</h1>"
            f"<nav><a href='/about'>About</a></nav></header><main><h2>{HEADLINE}</h2>{STORY}</main></body></html>")


def test_an_h1_that_is_the_site_name_linked_home_is_no_headline():
    for logo in ('<a href="https://courier.example/">The Example Courier</a>',
                 '<a href="/">The Example Courier</a>',
                 '<a href="https://courier.example/blog" rel="home">The Example Courier</a>'):
        assert _article(_blog(logo, f"The Example Courier » Blog » {HEADLINE}")).title == HEADLINE, logo
    # an <h1> that links to a story (a path), or holds more than the link, is still the headline
    for h1 in (f'<a href="https://courier.example/2024/storm-strands-islanders">{HEADLINE}</a>',
               f'{HEADLINE} <a href="/">live</a>'):
        assert _article(_blog(h1, f"{HEADLINE} | The Example Courier")).title.startswith(HEADLINE), h1


def test_a_short_h1_that_is_the_headline_part_of_the_meta_title_drops_the_site_name():
    meta = ('<meta property="og:title" content="Ferry halt - The Example Courier">'
            '<meta property="og:site_name" content="The Example Courier">')
    assert _article(_page("Ferry halt", meta)).title == "Ferry halt"
    # an <h1> that is the site's own name, the other part of the meta title, is not taken for the headline
    site = '<meta property="og:title" content="Ferry halt | Courier"><meta property="og:site_name" content="Courier">'
    assert _article(_page("Courier", site)).title != "Courier"


def test_an_h1_that_sets_a_topic_apart_in_its_own_element_gives_the_headline_the_meta_title_names():
    og = f'<meta property="og:title" content="Northern isles - {HEADLINE} - The Example Courier">'
    assert _article(_page(f'<span class="subtitle">Northern isles</span> {HEADLINE}', og)).title == HEADLINE
    colon = f'<meta property="og:title" content="Northern isles: {HEADLINE}">'
    assert _article(_page(f'<div class="topic-label">Northern isles</div> {HEADLINE}', colon)).title == HEADLINE
    # a sub-headline after the headline, in its own element
    sub = f'<meta property="og:title" content="{HEADLINE} | The Example Courier">'
    h1 = f'<span>{HEADLINE}</span> <span class="entry-subtitle">Harbour hall flooded overnight</span>'
    assert _article(_page(h1, sub)).title == HEADLINE
    # bold or italic words are part of the headline's own run: the whole <h1> stays
    bold = f'<b>Northern isles:</b><i> {HEADLINE}</i>'
    assert _article(_page(bold, colon)).title == f"Northern isles: {HEADLINE}"


def test_the_one_h1_wins_over_a_meta_title_that_is_another_text_altogether():
    section = '<meta property="og:title" content="Press releases">'
    assert _article(_page(HEADLINE, section)).title == HEADLINE
    seo = '<meta property="og:title" content="Ferry timetable: cancellations and refunds explained">'
    assert _article(_page(HEADLINE, seo)).title == HEADLINE
    # a meta title that is the same headline with words left out keeps precedence over the <h1>
    shorter = '<meta property="og:title" content="Storm strands islanders as ferries stop for days">'
    assert _article(_page(HEADLINE, shorter)).title == "Storm strands islanders as ferries stop for days"
    # an <h1> of a few words reads as a section label: the meta title stays
    assert _article(_page("Island news", seo)).title == "Ferry timetable: cancellations and refunds explained"


def test_soft_hyphens_inside_the_headline_words_are_left_out():
    h1 = "Storm strands is\u00adland\u00aders as fer\u00adries stop for two days"
    assert _article(_page(h1, f'<meta property="og:title" content="{HEADLINE}">')).title == HEADLINE
    assert _article(_page(h1)).title == HEADLINE


def test_the_site_name_part_of_a_meta_title_goes_whatever_the_headline_length():
    # no <h1>: the meta title is the headline, its short first part kept once the og:site_name part goes
    page = ('<html><head><meta property="og:title" content="Ferry halt - The Example Courier">'
            '<meta property="og:site_name" content="The Example Courier"></head><body><article>'
            f'{STORY}</article></body></html>')
    assert _article(page).title == "Ferry halt"
    # without a site name to tell the parts apart, the short title is kept whole
    assert _article(page.replace("og:site_name", "og:locale")).title == "Ferry halt - The Example Courier"


def _ld(headline: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": headline})}</script>'


def test_a_json_ld_headline_with_escaped_characters_agrees_with_the_h1_it_repeats():
    h1 = "Storm & flood strand islanders as ferries stop"
    head = ('<meta property="og:title" content="Ferries stop after storm and flood - The Example Courier">'
            + _ld("Storm &#038; flood strand islanders as ferries stop"))
    assert _article(_page(h1.replace("&", "&amp;"), head)).title == h1


def test_an_h1_that_holds_the_meta_titles_headline_once_the_site_part_is_off_is_the_headline():
    site = '<meta property="og:site_name" content="The Example Courier">'
    og = f'<meta property="og:title" content="{HEADLINE} | The Example Courier">{site}'
    longer = f"{HEADLINE}: harbour reopens Wednesday"
    assert _article(_page(longer, og)).title == longer
    # a meta title with no site part that the <h1> does not hold is another wording: the <h1> stays
    other = '<meta property="og:title" content="Storm leaves islanders stranded as ferries stop">'
    assert _article(_page(longer, other)).title == longer


def test_a_date_set_apart_inside_the_h1_is_no_part_of_the_headline_the_meta_title_names():
    headline = f"Harbour master: {HEADLINE}"
    og = f'<meta property="og:title" content="{headline} - The Example Ministry">'
    h1 = (f'<span class="supertitle"><time datetime="2024-03-01">1 March 2024</time></span>'
          f'<span class="title">{headline}</span>')
    assert _article(_page(h1, og)).title == headline


def _meta_only(head: str) -> str:
    return f"<html><head>{head}</head><body><article>{STORY}</article></body></html>"


def test_a_meta_title_keeps_a_last_part_that_is_not_the_sites_name():
    site = '<meta property="og:site_name" content="The Example Courier">'
    whole = f"{HEADLINE} | A day-by-day guide"
    assert _article(_meta_only(f'<meta property="og:title" content="{whole}">{site}')).title == whole
    # the site's name written otherwise is still cut off
    for suffix in ("Example-Courier.com", "Courier"):
        head = f'<meta property="og:title" content="{HEADLINE} - {suffix}">{site}'
        assert _article(_meta_only(head.replace("The Example Courier", "Example Courier"))).title == HEADLINE
    # another title of the page without the last part says it is no part of the headline
    head = f'<meta property="og:title" content="{whole}">{site}' + _ld(HEADLINE)
    assert _article(_meta_only(head)).title == HEADLINE
    # without a site name to tell the parts apart, the short last part goes as before
    assert _article(_meta_only(f'<meta property="og:title" content="{whole}">')).title == HEADLINE


def test_the_first_h1_wins_over_another_meta_title_when_the_later_h1s_are_boxes():
    seo = '<meta property="og:title" content="Ferry timetable: cancellations and refunds explained">'
    boxes = "<h1>Comments</h1>" + "<h1>Get our morning newsletter in your inbox</h1>" * 2
    page = _page(HEADLINE, seo).replace("</article>", f"</article>{boxes}")
    assert _article(page).title == HEADLINE
    # a later <h1> that may be another headline leaves the meta title in place
    other = _page(HEADLINE, seo).replace("</article>", "</article><h1>Council votes to rebuild the quay</h1>")
    assert _article(other).title == "Ferry timetable: cancellations and refunds explained"
    # labels before a headline-long <h1> do not make it the first
    labels = _page(HEADLINE, seo).replace("<article>", "<article><h1>Donate</h1><h1>Menu</h1>")
    assert _article(labels).title == "Ferry timetable: cancellations and refunds explained"


def test_the_one_h1_wins_over_a_meta_title_that_words_the_story_otherwise():
    # a social or search rewrite of the story: fewer than nine in ten of its words are the <h1>'s
    for og in ("Storm leaves islanders stranded as ferries stop", "Islanders stranded: ferries stop for two days",
               "Storm strands islanders as ferries halt for two days"):
        assert _article(_page(HEADLINE, f'<meta property="og:title" content="{og}">')).title == HEADLINE, og
    # the same headline but for one word changed in a long one is a version of it: the meta title stays
    long_h1 = "Storm strands hundreds of islanders on the mainland as ferries stop for two days"
    og = "Storm strands hundreds of islanders on the mainland as boats stop for two days"
    assert _article(_page(long_h1, f'<meta property="og:title" content="{og}">')).title == og


def test_a_kicker_in_italics_opening_the_h1_goes_when_the_meta_title_is_the_rest():
    cases = [(f"<em>Winter storms </em>{HEADLINE}", HEADLINE, HEADLINE),
             (f"<strong>Winter storms:</strong> {HEADLINE}", f"{HEADLINE} | The Example Courier", HEADLINE),
             # a meta title that holds the opening words keeps the whole <h1>
             (f"<em>Winter storms:</em> {HEADLINE}", f"Winter storms: {HEADLINE}", f"Winter storms: {HEADLINE}")]
    for h1, og, want in cases:
        assert _article(_page(h1, f'<meta property="og:title" content="{og}">')).title == want, h1


def test_a_meta_title_of_three_parts_or_more_still_drops_its_tail():
    site = '<meta property="og:site_name" content="The Example Courier">'
    head = f'<meta property="og:title" content="{HEADLINE} » Harbour Blogs - Science network">{site}'
    assert _article(_meta_only(head)).title == HEADLINE


def test_an_h1_that_is_the_sites_name_is_no_version_of_the_meta_title_that_holds_it():
    site = "The Example Courier Blog"
    head = (f'<meta property="og:title" content="{HEADLINE} - {site}">'
            f'<meta property="og:site_name" content="{site}">')
    page = _page(HEADLINE, head).replace("<article>", f'<header><h1 class="title">{site}</h1></header><article>')
    assert _article(page).title == HEADLINE
    # a page that is the site's own, its meta title the name too, keeps it
    home = _page(site, f'<meta property="og:title" content="{site}"><meta property="og:site_name" content="{site}">')
    assert _article(home).title == site
