"""Authors of unseen pages read from the page's metadata (h-extract21): made-up pages only."""
from __future__ import annotations

from newsledger.extract import extract
from newsledger.model import Document
from tests.test_extract_authors import STORY, TITLE  # the made-up story and its headline


def _byline_with_head(head: str, after_story: str = "") -> list[str]:
    html = (f"<html><head><title>{TITLE}</title>{head}</head><body><article><h1>{TITLE}</h1>{STORY}"
            f"{after_story}</article></body></html>")
    return extract(Document(source="made-up", raw=html.encode("utf-8"), kind="html")).byline


def _card(label: str, data: str, n: int = 1) -> str:
    return f'<meta name="twitter:label{n}" content="{label}"><meta name="twitter:data{n}" content="{data}">'


def test_a_social_cards_written_by_field_names_the_author():
    assert _byline_with_head("") == []
    assert _byline_with_head(_card("Written by", "Hella Brinkmann")) == ["Hella Brinkmann"]
    assert _byline_with_head(_card("Est. reading time", "4 minutes") + _card("Verfasst von", "Ole Sandvik", 2)) \
        == ["Ole Sandvik"]


def test_a_cards_other_fields_or_a_lone_account_name_name_no_one():
    assert _byline_with_head(_card("Est. reading time", "Hella Brinkmann")) == []
    assert _byline_with_head(_card("Written by", "admin")) == []


def _ld(author: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
            f'"author": {author}}}</script>')


def test_an_author_the_page_gives_as_its_publisher_names_no_one():
    assert _byline_with_head(_ld('{"@type": "Person", "name": "Hella Brinkmann"}')) == ["Hella Brinkmann"]
    assert _byline_with_head(_ld('{"@type": "Organization", "name": "Harbour Ledger"}')) == []
    assert _byline_with_head('<meta name="author" content="Harbour Ledger">'
                             '<meta name="DC.publisher" content="Harbour Ledger">') == []


def test_a_blog_owner_typed_person_and_organisation_stays_the_author():
    assert _byline_with_head(_ld('{"@type": ["Person", "Organization"], "name": "Ole Sandvik"}')) == ["Ole Sandvik"]


def test_a_weaker_reading_is_taken_when_the_author_field_names_the_publisher():
    assert _byline_with_head(_ld('{"@type": "Organization", "name": "Harbour Ledger"}') +
                             _card("Written by", "Ole Sandvik")) == ["Ole Sandvik"]


def test_a_chinese_pages_responsible_editor_names_the_author_when_nothing_else_does():
    assert _byline_with_head("", "<div class='edit'>(责编：林小雨、周海)</div>") == ["林小雨", "周海"]
    assert _byline_with_head("", "<span>责任编辑： 林小雨 </span>") == ["林小雨"]


def test_a_latin_login_or_two_editors_labels_that_disagree_name_no_one():
    assert _byline_with_head("", "<div>[责任编辑：lxyu]</div>") == []
    assert _byline_with_head("", "<div>责编：林小雨</div><div>责编：周海</div>") == []


_SITE_AS_AUTHOR = ('<meta property="og:site_name" content="Harbour Ledger">'
                   + _ld('{"@type": "Person", "name": "Harbour Ledger"}'))


def test_a_by_line_class_in_another_language_names_the_author():
    assert _byline_with_head("", '<div class="autor"><h6>Ole Sandvik</h6></div>') == ["Ole Sandvik"]
    assert _byline_with_head("", '<span class="post-auteur"><a href="/a/os">Ole Sandvik</a></span>') \
        == ["Ole Sandvik"]
    assert _byline_with_head("", '<div class="autoresize"><h6>Ole Sandvik</h6></div>') == []


def test_the_by_line_markup_is_read_behind_an_author_field_naming_the_site():
    assert _byline_with_head(_SITE_AS_AUTHOR, '<div class="byline"><a href="/a/os">Ole Sandvik</a></div>') \
        == ["Ole Sandvik"]
