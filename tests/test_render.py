"""The web layer's HTML fragments built in Python (``newsledger.serve.render``): the highlighted
article body and the claim group's SVG chart, on made-up claims and figures."""
from __future__ import annotations

import re

from newsledger.serve.render import PALETTE, highlight, svg_chart

TEXT = "Mayor Ann Vell said 40 homes flooded. The river rose, she added, past the old mill."


def _span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def _claim(stance="asserts") -> dict:
    first, second = _span(TEXT, "40 homes flooded"), _span(TEXT, "The river rose")
    return {"content": {**first, "pieces": [[first["start"], first["end"]], [second["start"], second["end"]]]},
            "source": {**_span(TEXT, "Mayor Ann Vell"), "name": "Ann Vell"},
            "cue": _span(TEXT, "said"), "stance": stance}


def _untagged(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.sub(r"<a [^>]*>[^<]*</a> ", "", html))


def test_highlight_marks_claim_pieces_roles_and_figures_once():
    fig = {**_span(TEXT, "40"), "value": 40, "unit": "homes", "text": "40"}
    html = str(highlight(TEXT, [_claim()], [fig, dict(fig)]))  # the same figure twice: marked once
    assert html.count('class="tag stance-asserts"') == 1  # the label stands at the first piece only
    assert html.count('<mark class="claim stance-asserts"') == 3  # one mark a segment: the figure cuts one
    assert html.count('<span class="fig" title="figure: 40 homes">') == 1
    assert '<span class="src" title="source of claim 1">Mayor Ann Vell</span>' in html
    assert '<span class="cue" title="cue of claim 1">said</span>' in html
    assert re.search(r'<mark class="claim[^>]*><span class="fig"[^>]*>40</span></mark>', html)
    assert 'aria-label="claim 1: Ann Vell, asserts"' in html
    assert _untagged(html) == TEXT  # every character once, in order


def test_highlight_nests_a_role_inside_its_claim_and_a_figure_inside_the_role():
    text = "Officials said 12 boats sank."
    claim = {"content": _span(text, "12 boats sank"), "source": {**_span(text, "12 boats"), "name": "x"},
             "stance": "denies"}
    fig = {**_span(text, "12"), "text": "12"}  # no value: the title is the figure's text
    html = str(highlight(text, [claim], [fig]))
    assert ('<mark class="claim stance-denies" title="x — denies"><span class="src" title="source of claim 1">'
            '<span class="fig" title="12">12</span></span></mark>') in html


def test_highlight_drops_spans_outside_the_text_and_escapes_it():
    text = "<b>A</b> & said"
    claims = [{"content": {"start": 0, "end": 99}, "source": {"start": 5, "end": 2}, "cue": {"start": "x"}},
              {"content": {"start": None, "end": None}, "quantities": [{"start": -1, "end": 3}]}]
    html = str(highlight(text, claims, [{"start": 3, "end": 3}]))
    assert html == "&lt;b&gt;A&lt;/b&gt; &amp; said"


def _member(name, value, published=None, **kw) -> dict:
    return {"name": name, "value": value, "figure": f"{value} homes", "published": published, **kw}


def test_chart_over_time_joins_a_source_s_dated_figures_and_rings_conflicts():
    members = [_member("Ann Vell", 40, "2031-03-01", conflict=False), _member("Ann Vell", 45, "2031-03-04",
                                                                              conflict=False),
               _member("Civil Guard", 12, "2031-03-02T14:30:00", conflict=True)]
    svg = str(svg_chart(members))
    assert svg.startswith('<svg class="chart"') and svg.endswith("</svg>")
    assert svg.count("<polyline") == 1  # Ann Vell's two figures; one figure is no line
    assert f'stroke="{PALETTE[0]}"' in svg and f'fill="{PALETTE[1]}"' in svg
    assert svg.count('r="9" fill="none" stroke="#d00"') == 1 and ">conflicting</text>" in svg
    assert "Civil Guard: 12 homes (2031-03-02T14:30:00) — conflicts" in svg
    labels = re.findall(r'font-size="11" fill="#555">([^<]+)</text>', svg)
    assert labels == ["2031-03-01", "03-02 14:30", "2031-03-04"]
    assert "dates unknown" not in svg


def test_chart_without_dates_is_in_order_reported_and_draws_no_line():
    members = [_member("Ann Vell", 40), _member("Ann Vell", 40, "2031-03-04"), {"name": "none", "figure": "many"}]
    svg = str(svg_chart(members))
    assert "in order reported (dates unknown)" in svg
    assert "<polyline" not in svg and ">conflicting</text>" not in svg
    assert svg.count("<circle") == 2 + 1  # two figures and one legend marker


def test_chart_date_labels_stand_apart_and_bounds_are_drawn():
    members = [_member("A", 10, "2031-03-01T00:00:00", low=8, high=12, bound="range"),
               _member("B", 20, "2031-03-02", bound="at-least"),
               _member("C", 30, "2031-03-09", bound="at-most")]
    svg = str(svg_chart(members))
    labels = re.findall(r'font-size="11" fill="#555">([^<]+)</text>', svg)
    assert labels == ["2031-03-01", "2031-03-09"]  # a day after the first, 68 px on: no room for its label
    assert svg.count('stroke-opacity=".55"') == 1  # the range's bar
    assert re.search(r'd="M[\d.]+,[\d.]+ v-18 ', svg) and re.search(r'd="M[\d.]+,[\d.]+ v18 ', svg)


def test_chart_tells_series_past_the_palette_by_shape_and_shortens_long_names():
    members = [_member(f"Source number {k}", k + 1, f"2031-03-{k + 1:02d}") for k in range(len(PALETTE) + 1)]
    members[0]["name"] = "The Ministry of Rivers and Harbours of Velmora"
    svg = str(svg_chart(members))
    assert svg.count("<rect") == 2  # the 13th source: a square, on the chart and in the legend
    assert ">The Ministry of Rivers and …</text>" in svg
    legend_rows = set(re.findall(r'<text x="\d+" y="(\d+)" font-size="12" fill="#222">', svg))
    assert len(legend_rows) > 1  # the legend wraps


def test_chart_of_no_figure_is_empty():
    assert str(svg_chart([{"name": "x", "figure": None}])) == ""
