"""Authors of an HTML page from the metadata's fuller author list, the author's archive link and the
by-line's link to its own archive (h-author51): made-up pages only."""
from __future__ import annotations

import json

from newsledger.extract.archive_links import archive_link_names, linked_handle
from newsledger.extract.coauthors import coauthors_in_metadata
from newsledger.extract.html import off_story, load_html, split_byline
from newsledger.extract.html_markup import page_markup
from tests.test_extract_authors import TITLE, _byline_of, _meta_page, _page


def test_a_meta_author_naming_the_json_ld_author_and_more_adds_the_co_authors():
    ld = {"@type": "NewsArticle", "headline": TITLE, "author": {"@type": "Person", "name": "Orla Penhallow"}}
    head = ('<script type="application/ld+json">' + json.dumps(ld) + '</script>'
            '<meta name="author" content="Orla Penhallow, Teodor Brask">')
    assert _byline_of(_meta_page(head, "")) == ["Orla Penhallow", "Teodor Brask"]
    # a meta author naming someone else, or adding a lone word, adds no one
    other = head.replace("Orla Penhallow, Teodor Brask", "Teodor Brask")
    assert _byline_of(_meta_page(other, "")) == ["Orla Penhallow"]
    assert coauthors_in_metadata(["Orla Penhallow, Harbourside"], ["Orla Penhallow"], split_byline) == []
    assert coauthors_in_metadata(["Orla Penhallow and Teodor Brask"], ["Orla Penhallow"], split_byline) == \
        ["Teodor Brask"]


def _box(link: str) -> str:
    return f"<div class='writer-box'><h3>Linnea Hartwig</h3><p>Writes on ports.</p>{link}</div>"


def test_the_author_boxs_archive_link_names_the_author():
    page = _page({"@type": "WebPage"}, "") .replace("</article>", _box("<a href='/p/lh'>Alle Beiträge von "
                                                                      "Linnea Hartwig</a>") + "</article>")
    assert _byline_of(page) == ["Linnea Hartwig"]
    titled = _page({"@type": "WebPage"}, "").replace(
        "</article>", "<p><a href='/p/lh' title='View all posts by Linnea Hartwig'>Linnea</a></p></article>")
    assert _byline_of(titled) == ["Linnea Hartwig"]


def _archive(body: str) -> list[str]:
    return archive_link_names(load_html(f"<html><body>{body}</body></html>"), split_byline, off_story)


def test_archive_links_of_several_people_a_section_or_in_an_aside_name_no_one():
    one = "<p><a href='/a'>More from Linnea Hartwig</a></p>"
    assert _archive(one) == ["Linnea Hartwig"]
    assert _archive(one + "<p><a href='/b'>More from Teodor Brask</a></p>") == []  # teasers
    assert _archive("<p><a href='/s'>Mehr von unserer Stadt</a></p>") == []  # a section, no name
    assert _archive(f"<aside>{one}</aside>") == []
    assert _archive("<p><a href='/a'>von Linnea Hartwig</a></p>") == []  # a by-line, read elsewhere


def _handle(byline_html: str) -> list[str]:
    html = f"<html><body><article><h1>{TITLE}</h1>{byline_html}<p>Some text.</p></article></body></html>"
    return linked_handle(page_markup(load_html(html)), TITLE)


def test_a_by_line_word_linked_to_its_own_archive_is_the_account_name():
    assert _handle("<div class='post-author'><a href='https://example.org/author/quillwren/'>quillwren</a></div>") \
        == ["quillwren"]
    assert _handle("<a class='author-name' href='/author/marit/'>Marit</a>") == ["Marit"]
    page = _page({"@type": "WebPage"}, "<a class='author-name' href='/author/marit/'>Marit</a>")
    assert _byline_of(page) == ["Marit"]


def test_a_linked_word_that_is_another_slug_capitals_a_desk_or_a_first_name_is_not_taken():
    assert _handle("<a class='author-name' href='/author/jdoe/'>Marit</a>") == []
    assert _handle("<a class='author-name' href='/autor/hafenpress/'>HAFENPRESS</a>") == []  # an agency
    assert _handle("<a class='author-name' href='/author/newsdesk/'>Newsdesk</a>") == []
    assert _handle("<a class='author-name' href='/author/marit/'>Marit</a><p>Marit Olsen writes here.</p>") == []
    assert _handle("<a class='author-name' href='/author/marit/'>Marit</a>"
                   "<a class='author-name' href='/author/oskar/'>Oskar</a>") == []


def test_names_set_apart_by_a_spaced_slash_are_two_authors_only_when_both_sides_are_names():
    assert split_byline("Marisol Quintero / Tomás Arreola")[0] == ["Marisol Quintero", "Tomás Arreola"]
    assert split_byline("Por Marisol Quintero / Tomás Arreola, Reuters") == (["Marisol Quintero", "Tomás Arreola"],
                                                                           "Reuters")
    assert split_byline("Hafenblatt.it / Hafen Online")[0] == ["Hafenblatt.it / Hafen Online"]  # tidied away later
    assert split_byline("Marisol Quintero/SP-X")[0] == ["Marisol Quintero/SP-X"]  # no spaced slash: not split


def test_the_kind_of_piece_before_by_and_as_told_to_are_by_words():
    assert split_byline("Opinion by Orla Penhallow, Contributor")[0] == ["Orla Penhallow"]
    assert split_byline("Interview by Orla Penhallow")[0] == ["Orla Penhallow"]
    assert split_byline("Ein Kommentar von Jens Habicht")[0] == ["Jens Habicht"]
    assert split_byline("As told to Orla Penhallow")[0] == ["Orla Penhallow"]
    assert split_byline("Photos by Orla Penhallow")[0] == []  # a photographer is no author


def test_a_credit_after_the_names_is_cut_and_a_wire_after_from_is_no_person():
    assert split_byline("By Orla Penhallow Special to The Harbour Times")[0] == ["Orla Penhallow"]
    assert split_byline("Von Jens Habicht mit Material von dpa") == (["Jens Habicht"], "dpa")
    assert split_byline("Orla Penhallow with additional reporting by Teodor Brask")[0] == ["Orla Penhallow"]
    assert split_byline("From Reuters") == ([], "Reuters")
    page = _page({"@type": "WebPage"}, "<p class='byline'>From Reuters</p>")
    assert _byline_of(page) == []


def test_where_the_writer_files_from_the_reading_time_and_a_bracketed_wire_are_no_part_of_the_names():
    assert split_byline("Orla Penhallow and Teodor Brask in Port Harland")[0] == ["Orla Penhallow", "Teodor Brask"]
    assert split_byline("Orla Penhallow · 4 min read")[0] == ["Orla Penhallow"]
    assert split_byline("Orla Penhallow (Reuters)") == (["Orla Penhallow"], "Reuters")
    assert split_byline("Orla Penhallow Mon 4 Mar 2024 10.00 GMT")[0] == ["Orla Penhallow"]
    assert split_byline("Li Sun 4 Mar 2024")[0] == ["Li Sun"]  # a surname, not a weekday
    assert split_byline("Autoren: Jens Habicht, Ilse Marwedel")[0] == ["Jens Habicht", "Ilse Marwedel"]


def test_two_linked_names_with_only_space_between_are_two_authors():
    spaced = "<div class='byline'>By <a href='/p/op'>Orla Penhallow</a> <a href='/p/tb'>Teodor Brask</a></div>"
    assert _byline_of(_page({"@type": "WebPage"}, spaced)) == ["Orla Penhallow", "Teodor Brask"]
    glued = ("<div class='byline'><span class='author'>Orla Penhallow</span><span class='author'>Teodor Brask"
             "</span></div>")
    assert _byline_of(_page({"@type": "WebPage"}, glued)) == ["Orla Penhallow", "Teodor Brask"]
    # a link that is no name by itself sets nothing apart
    handle = "<div class='byline'>By <a href='/p/op'>Orla Penhallow</a> <a href='/x'>@orlap</a></div>"
    assert _byline_of(_page({"@type": "WebPage"}, handle)) == ["Orla Penhallow"]


def test_a_section_name_before_the_by_word_is_cut_but_not_a_photo_credit_or_a_name_with_von():
    assert split_byline("Harbour Notes by Orla Penhallow")[0] == ["Orla Penhallow"]
    assert split_byline("Economía por Marisol Quintero")[0] == ["Marisol Quintero"]
    assert split_byline("Harbour Photo by Orla Penhallow")[0] == []
    assert split_byline("Reviewed by Orla Penhallow")[0] == []
    assert split_byline("Jens von Habicht")[0] == ["Jens von Habicht"]


def test_a_json_ld_person_with_given_and_family_name_but_no_name_is_read():
    ld = {"@type": "NewsArticle", "headline": TITLE, "author": {"@type": "Person", "givenName": "Orla",
                                                                 "familyName": "Penhallow"}}
    assert _byline_of(_page(ld)) == ["Orla Penhallow"]
    half = {"@type": "NewsArticle", "headline": TITLE, "author": {"@type": "Person", "givenName": "Orla"}}
    assert _byline_of(_page(half)) == []
