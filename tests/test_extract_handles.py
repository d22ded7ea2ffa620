"""A blog's one-word account name in the by-line's hCard (h-extract19): made-up pages only."""
from __future__ import annotations

from tests.test_extract_labels import _byline_of


def _hcard(name: str, href: str = "/author/x/") -> str:
    return (f'<div class="entry-meta"><span class="author vcard"><a class="url fn n" href="{href}">'
            f"{name}</a></span></div>")


def test_a_one_word_account_name_in_the_by_lines_hcard_is_the_author():
    assert _byline_of("", before="") == []
    assert _byline_of(_hcard("quillwren")) == ["quillwren"]
    assert _byline_of(_hcard("Marit")) == ["Marit"]


def test_initials_several_accounts_or_a_fuller_name_shown_name_no_one():
    assert _byline_of(_hcard("KT")) == []
    assert _byline_of(_hcard("Marit") + _hcard("Oskar")) == []
    assert _byline_of(_hcard("Marit") + "<aside><h3>More from Marit Solberg</h3></aside>") == []
    assert _byline_of(_hcard("Marit") + "<aside><h3>MEHR VON MARIT SOLBERG</h3></aside>") == []


def test_a_comment_authors_hcard_is_no_by_line():
    comment = ('<ol class="commentlist"><li class="comment"><div class="comment-author vcard">'
               '<cite class="fn">Rollo</cite></div><p>Nice read.</p></li></ol>')
    assert _byline_of(comment) == []


def test_the_posts_own_footer_holds_its_by_line_the_pages_footer_does_not():
    post_footer = ('<footer class="post-footer"><span class="author"><span class="vcard">'
                   '<a class="url fn" href="/author/x/">Ilse Marwedel</a></span></span></footer>')
    assert _byline_of(post_footer) == ["Ilse Marwedel"]
    page_footer = ("</article><footer><span class='author'><a class='url fn' href='/about'>Jens Habicht</a></span>"
                   "</footer><article>")
    assert _byline_of(page_footer) == []
