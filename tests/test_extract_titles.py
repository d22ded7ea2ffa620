"""Titles of HTML pages and their JSON-LD (h-extract16): made-up pages only."""
from __future__ import annotations

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
