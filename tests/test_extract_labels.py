"""Authors named by a label line of an HTML page (h-extract18): made-up pages only."""
from __future__ import annotations

from newsledger.extract import extract
from newsledger.extract.html import off_story, load_html, split_byline
from newsledger.extract.labels import labelled_names
from newsledger.model import Document
from tests.test_extract_authors import STORY, TITLE  # the made-up story and its headline


def _byline_of(after_story: str, before: str = "") -> list[str]:
    html = (f"<html><head><title>{TITLE}</title></head><body>{before}<article><h1>{TITLE}</h1>{STORY}"
            f"{after_story}</article></body></html>")
    return extract(Document(source="made-up", raw=html.encode("utf-8"), kind="html")).byline


def test_a_label_and_the_name_in_sibling_elements():
    split = ('<div class="field"><p class="label"><strong>By</strong></p></div>'
             '<div class="field"><p class="full-name">Mara Kellen</p></div>')
    assert _byline_of(split) == ["Mara Kellen"]


def test_a_label_element_followed_by_the_name_in_any_language():
    assert _byline_of("<p><span class='lbl'>Autor:</span> Jens Habicht<br><span class='lbl'>Quelle:</span> "
                      "Hafenblatt</p>") == ["Jens Habicht"]
    assert _byline_of("<p><b>Von:</b><br><br>Ilse Marwedel</p>") == ["Ilse Marwedel"]
    assert _byline_of("<p><em>Written by: <a href='/x'>Tom Arkwright</a></em></p>") == ["Tom Arkwright"]
    assert _byline_of("<p><i>von Lene Osterkamp</i></p>") == ["Lene Osterkamp"]


def test_an_author_term_of_a_definition_list_labels_the_names_after_it():
    meta = "<dl><dt>Datum</dt><dd>3. Mai</dd><dt>Auteur</dt><dd><a href='/staff/x'>Irène Vasseur</a></dd></dl>"
    assert _byline_of(meta) == ["Irène Vasseur"]
    assert _labelled("<table><tr><th>Text</th></tr><tr><td>Lorem Harbour</td></tr></table>") == []


def test_a_service_after_the_slash_is_no_part_of_the_name():
    assert _byline_of("<h5 class='inline'>Autor: </h5>Jens Habicht/SP-X<br>") == ["Jens Habicht"]


def _labelled(body: str) -> list[str]:
    return labelled_names(load_html(f"<html><body>{body}</body></html>"), split_byline, off_story)


def test_label_lines_naming_different_people_name_no_one():
    one = "<div><h3>Storm closes the ferry</h3><p>Von Ilse Marwedel</p></div>"
    assert _labelled(one) == ["Ilse Marwedel"]
    assert _labelled(one + "<div><h3>Market moves to the quay</h3><p>Von Jens Habicht</p></div>") == []


def test_a_label_in_a_form_or_a_teaser_cut_short_names_no_one():
    assert _labelled("<form><label>Von:</label><div>Jens Habicht</div></form>") == []
    assert _labelled("<p>Von Ilse Marwedel Hafen Kiel...</p>") == []
    assert _labelled("<footer><p>Autor: Jens Habicht</p></footer>") == []


def test_a_sentence_after_a_label_word_names_no_one():
    assert _labelled("<p>By the end of the year the pier should be open.</p>") == []
    assert _labelled("<p>By</p><p>Clicking Accept You Agree To Our Terms And The Use Of Cookies Here</p>") == []
