"""Authors of HTML pages and byline entries (h-extract15): made-up bylines and pages only."""
from __future__ import annotations

import json

from newsledger.extract import extract
from newsledger.extract.byline import tidy_names
from newsledger.extract.html import split_byline
from newsledger.model import Document

STORY = "".join(f"<p>{p}</p>" for p in [
    "The council of the small harbour town delayed its plans for a new pier again on Tuesday, citing "
    "rising costs and a winter of storms that had already damaged the old breakwater twice.",
    "Residents said they had waited long enough for the pier and for the ferry link the council "
    "promised four years ago, and some threatened to stand for election themselves next spring.",
    "A report to the meeting put the cost of the works at almost twice the first estimate and said "
    "no contractor could start before the autumn, when the sea is calmer along that coast."])
TITLE = "Harbour town delays its new pier again"


def _page(ld: object, byline_html: str = "") -> str:
    return (f'<html><head><title>{TITLE}</title><script type="application/ld+json">{json.dumps(ld)}</script>'
            f"</head><body><article><h1>{TITLE}</h1>{byline_html}{STORY}</article></body></html>")


def _byline_of(html: str) -> list[str]:
    return extract(Document(source="made-up", raw=html.encode("utf-8"), kind="html")).byline


def test_a_final_initial_or_jr_keeps_its_dot():
    assert split_byline("By Joe S.")[0] == ["Joe S."]
    assert split_byline("By Ann Lee and Perry Bacon Jr.")[0] == ["Ann Lee", "Perry Bacon Jr."]
    assert split_byline("By Jane Roe.")[0] == ["Jane Roe"]  # a full stop after a surname is no name's


def test_a_credential_split_off_at_its_comma_is_no_co_author():
    assert tidy_names(split_byline("By Jane Roe, PhD")[0]) == ["Jane Roe"]
    assert tidy_names(["Jane Roe", "M.D.", "Ann Lee"]) == ["Jane Roe", "Ann Lee"]


def test_a_weekday_before_the_by_lines_date_is_cut():
    assert split_byline("Von Jane Roe Fr, 18. Oktober 2019")[0] == ["Jane Roe"]
    assert split_byline("By Jane Roe, Friday, March 11, 2015")[0] == ["Jane Roe"]
    assert split_byline("By Anh Do, March 11, 2015")[0] == ["Anh Do"]  # "Do" is her surname here


def test_labels_buttons_and_author_box_links_are_no_names():
    assert tidy_names(["Interview: Julia Stern", "Text & Fotos: Jan Berg"]) == ["Julia Stern", "Jan Berg"]
    assert tidy_names(["Teilen Twittern Teilen Mailen", "Youtube", "Alle Beiträge", "Jane Roe"]) == ["Jane Roe"]


def test_a_profession_of_the_closed_list_is_cut_when_a_full_name_is_left():
    assert tidy_names(["Rechtsanwalt Sebastian Roe", "Christoph Lind Chefredakteur"]) == \
        ["Sebastian Roe", "Christoph Lind"]
    assert tidy_names(["Rechtsanwalt Roe"]) == ["Rechtsanwalt Roe"]  # one word left: not cut


def test_an_interviews_credit_names_the_guest_and_the_interviewer():
    assert split_byline("Lorenz Abelmann im Gespräch mit Frieda Kowalczyk")[0] == ["Lorenz Abelmann", "Frieda Kowalczyk"]
    assert split_byline("Mira Olsen in conversation with Tom Arkwright")[0] == ["Mira Olsen", "Tom Arkwright"]


def test_the_publications_name_after_the_site_names_last_separator_is_no_author():
    assert tidy_names(["Der Hafenbote", "Mira Olsen"], "Storm closes the ferry | Der Hafenbote") == ["Mira Olsen"]


def test_a_profession_closing_a_compound_is_cut_too():
    # the site's name glued to the role ("Harbour-Daily-Experte"): the person is the rest
    assert tidy_names(["Harbour-Daily-Experte Mira Olsen"], "harbourdaily.example") == ["Mira Olsen"]
    assert tidy_names(["Gastautorin Mira Olsen"]) == ["Mira Olsen"]


def _graph(person: dict) -> dict:
    ref = {"@id": "https://harbour.example/#/person/7"}
    return {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": TITLE, "author": ref}, {"@id": ref["@id"], **person}]}


def test_a_json_ld_author_by_reference_is_the_person_node_the_page_shows():
    person = {"@type": "Person", "name": "Marta Quill"}
    assert _byline_of(_page(_graph(person), "<div class='meta'>Marta Quill</div>")) == ["Marta Quill"]
    # the page does not show the account's name: no by-line from it
    assert _byline_of(_page(_graph(person))) == []
    # a node that is no Person (the publisher) is not read as the author
    org = {"@type": "Organization", "name": "Marta Quill"}
    assert _byline_of(_page(_graph(org), "<div class='meta'>Marta Quill</div>")) == []


def _meta_page(head: str, byline_html: str) -> str:
    return (f"<html><head><title>{TITLE}</title>{head}</head><body><article><h1>{TITLE}</h1>{byline_html}"
            f"{STORY}</article></body></html>")


def test_a_label_joined_by_an_ampersand_is_taken_off_before_the_by_line_is_split():
    assert split_byline("Text & Fotos: Ivan Petrov")[0] == ["Ivan Petrov"]
    assert split_byline("Text und Bilder: Jane Roe & John Doe")[0] == ["Jane Roe", "John Doe"]


def test_a_meta_author_that_is_the_publisher_gives_way_to_the_by_line_markup():
    head = ('<meta name="author" content="Hafen Magazin">'
            '<meta name="publisher" content="Hafen Magazin">')
    assert _byline_of(_meta_page(head, "<span class='author'>Ivan Petrov</span>")) == ["Ivan Petrov"]
    # with no by-line in the markup the publisher is still no author
    assert _byline_of(_meta_page(head, "")) == []


def _blog(author: dict, byline_html: str, more: str = "") -> str:
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": TITLE, "author": author}
    return _page(ld, byline_html + more)


def test_a_one_word_json_ld_person_the_by_line_shows_is_the_account_name():
    jessie = {"@type": "Person", "name": "Jessie"}
    assert _byline_of(_blog(jessie, "<div class='post-author'>Von Jessie</div>")) == ["Jessie"]
    assert _byline_of(_blog({"@type": "Person", "name": "mira"}, "<span class='author'>by mira</span>")) == ["mira"]
    # a fuller name only inside a sentence of her bio does not stop it
    bio = "<div class='about'><p>Ich bin Jessie Lindqvist und schreibe hier.</p></div>"
    assert _byline_of(_blog(jessie, "<div class='post-author'>Von Jessie</div>", bio)) == ["Jessie"]


def test_a_one_word_json_ld_person_needs_the_by_line_and_no_fuller_name_leading_a_text():
    jessie = {"@type": "Person", "name": "Jessie"}
    assert _byline_of(_blog(jessie, "")) == []  # the JSON-LD alone
    org = {"@type": "Organization", "name": "Jessie"}
    assert _byline_of(_blog(org, "<div class='post-author'>Von Jessie</div>")) == []
    box = "<div class='box'><p>Jessie Lindqvist - reporter and cyclist since 2002.</p></div>"
    assert _byline_of(_blog(jessie, "<div class='post-author'>Von Jessie</div>", box)) == []
    assert _byline_of(_blog({"@type": "Person", "name": "JR"}, "<div class='post-author'>Von JR</div>")) == []


def test_a_role_or_team_after_a_spaced_dash_leaves_the_last_name():
    assert split_byline("Posted by Ann Lee, Bo Chen and Kiran C Nair - Harbour Safety team")[0] == \
        ["Ann Lee", "Bo Chen", "Kiran C Nair"]
    assert split_byline("Mathias Berg – Journalist i Oslo")[0] == ["Mathias Berg"]
    assert split_byline("Jean-Luc Roe")[0] == ["Jean-Luc Roe"]  # a dash inside a name is no tail


def test_one_word_after_the_by_lines_by_word_is_the_account_name():
    assert _byline_of(_page({}, "<div class='entry-author-text'>von Kathrin</div>")) == ["Kathrin"]
    assert _byline_of(_page({}, "<span class='author-link'>| Autor: quillfeder</span>")) == ["quillfeder"]


def test_a_service_account_or_two_words_after_the_by_word_are_no_account_name():
    assert _byline_of(_page({}, "<div class='entry-author'>posted by wordpressadmin</div>")) == []
    assert _byline_of(_page({}, "<div class='entry-author'>von Newsdesk</div>")) == []
    assert _byline_of(_page({}, "<div class='entry-author'>Kathrin</div>")) == []  # no by-word: a bare word
    # two by-lines giving two different words: none is taken
    two = "<div class='entry-author'>von Kathrin</div><div class='entry-author'>by marc</div>"
    assert _byline_of(_page({}, two)) == []
    # the page shows her full name: the one word is her first name, not the whole
    full = "<div class='entry-author'>von Kathrin</div><p class='box'>Mehr von Kathrin Albers</p>"
    assert _byline_of(_page({}, full)) == []


def test_a_lone_word_after_a_name_is_a_place_not_a_co_author():
    assert split_byline("Harbour Example GmbH, Kiel, Germany")[0] == ["Harbour Example GmbH"]
    assert split_byline("Von Mira Olsen, Kiel")[0] == ["Mira Olsen"]
    assert split_byline("By Mira Olsen and Tom Arkwright, Oslo")[0] == ["Mira Olsen", "Tom Arkwright"]
    assert split_byline("王小明, 李华")[0] == ["王小明", "李华"]  # one word in CJK is a full name


def test_a_company_a_cms_placeholder_and_a_name_written_twice():
    assert tidy_names(["Hafen-Verlag GmbH", "Kielstrom AG", "Harbour Media, Inc.", "Jane Roe"]) == ["Jane Roe"]
    assert tidy_names(["Super User"]) == []  # the CMS's default account
    assert tidy_names(["Mira Olsen Mira Olsen"]) == ["Mira Olsen"]  # a visible and a screen-reader copy
    assert tidy_names(["Ag Lindqvist", "Lee Lee"]) == ["Ag Lindqvist", "Lee Lee"]  # a first name, a short name


def test_an_organisation_named_as_the_author_is_no_person():
    assert tidy_names(["Bundesverband Hafenbau", "Auswärtiges Amt", "SPD - Fraktion Kiel",
                       "Harbour Solutions Europe", "Mira Olsen"]) == ["Mira Olsen"]
    assert tidy_names(["Amtmann Roe", "Jane Groupe"]) == ["Amtmann Roe", "Jane Groupe"]  # names, not bodies


def test_newsrooms_photo_credits_papers_and_agencies_in_more_languages_are_no_person():
    assert tidy_names(["Redação", "Redaccion", "Newsdesk", "Συντακτική ομάδα", "Mira Olsen"]) == ["Mira Olsen"]
    assert tidy_names(["Фото: Иван Петров", "Снимка: Example Images", "Tom Arkwright"]) == ["Tom Arkwright"]
    assert tidy_names(["Kieler Allgemeine Zeitung", "Hafenzeitung", "Agência Exemplo", "Jornal O Farol"]) == []
    assert tidy_names(["Af Ritzau", "Reuters", "Af Mette Lund", "Av Kari Berg"]) == ["Mette Lund", "Kari Berg"]


def test_a_comments_link_run_on_after_the_name_is_cut():
    assert tidy_names(["Mira Olsen Kommentare"]) == ["Mira Olsen"]
    assert tidy_names(["Mira Olsen Comments"]) == ["Mira Olsen"]


def test_the_by_lines_account_name_comes_before_a_label_line_further_down():
    card = "<div class='recipe'><p>Author:</p><p>Harbour Kitchen</p></div>"
    page = _blog({"@type": "Person", "name": "Bebo"}, "<span class='post-author'>Bebo</span>", card)
    assert _byline_of(page) == ["Bebo"]
    # a team's account is no writer's, whichever reading finds it
    team = {"@type": "Person", "name": "Hafenteam"}
    assert _byline_of(_blog(team, "<span class='post-author'>Hafenteam</span>")) == []
