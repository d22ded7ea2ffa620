"""The analyst's workbench in a real browser (Debian's Chromium through Playwright) on the sample
corpus, at a desktop (1366×900) and a phone (390×844) size: every page type fits the screen
(document width ≤ viewport) and is screenshotted into tests/artifacts/ (``make screenshots``);
sort, facets, pagination, the CSV/JSON links, the flag filter, copy folding and claim search
are used as a reader would, by clicking."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import pytest

from newsledger.store import Ledger
from tests.test_web import ARTIFACTS, browser, start_server  # noqa: F401 (browser: a fixture); skips without chromium

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from newsledger.link import conflict_groups, copy_groups, link_new, story_groups
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path_factory.mktemp("workbench") / "ledger.db"))
    report = ingest(read([str(CORPUS)]), ledger)
    link_new(ledger, report.ids)
    base, stop = start_server(create_app(ledger))
    flagged = [a["id"] for a in ledger.articles(limit=100) if ledger.get(a["id"])["flags"]]
    yield {"base": base, "ledger": ledger, "flagged": flagged[0],
           "copy": copy_groups(ledger)[0]["id"], "story": story_groups(ledger)[0]["id"],
           "group": conflict_groups(ledger)[0]["id"], "source": ledger.sources(limit=1)[0]["name"]}
    stop()
    ledger.close()


@pytest.fixture(params=list(SIZES))
def page(request, browser):
    ctx = browser.new_context(viewport=SIZES[request.param], is_mobile=request.param == "phone",
                              has_touch=request.param == "phone")
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    pg.size_name = request.param
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()
    assert [e for e in errors if "404" not in e] == [], errors


def _pages(site: dict) -> list[tuple[str, str]]:
    return [("home", "/"), ("articles", "/articles"), ("article-flagged", f"/articles/{site['flagged']}"),
            ("search", "/search?q=evacuate"), ("search-claims", "/search?q=who+said+7%2C200"),
            ("claims", "/claims"), ("claim-groups", "/claims/groups?verdict=all"), ("conflicts", "/conflicts"),
            ("claim-group", f"/claims/groups/{site['group']}"), ("copies", "/copies"),
            ("copy-group", f"/copies/{site['copy']}"), ("stories", "/stories"),
            ("story", f"/stories/{site['story']}"), ("sources", "/sources"),
            ("source", f"/sources/{quote(site['source'], safe='')}"), ("glossary", "/glossary"),
            ("api-docs", "/api/docs"), ("not-found", "/articles/ffffffffffffffff")]


def _overflow(pg) -> int:
    """How much wider the document is than the viewport asked for (a phone's layout viewport
    grows with a too-wide page, so window.innerWidth would hide it)."""
    return pg.evaluate("document.documentElement.scrollWidth") - pg.viewport_size["width"]


WIDEST = """() => { let w = null; for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect(); if (r.right > window.innerWidth + 1 && (!w || r.width < w[1]))
  w = [e.tagName + '.' + e.className, Math.round(r.width)]; } return w; }"""


def test_every_page_fits_and_is_screenshotted(page, site):
    ARTIFACTS.mkdir(exist_ok=True)
    too_wide = []
    for name, path in _pages(site):
        r = page.goto(site["base"] + path)
        assert r.status == (404 if name == "not-found" else 200), path
        if _overflow(page) > 0:
            too_wide.append((path, _overflow(page), page.evaluate(WIDEST)))
        page.screenshot(path=str(ARTIFACTS / f"workbench-{page.size_name}-{name}.png"), full_page=True)
    assert too_wide == [], f"{page.size_name}: pages wider than the viewport: {too_wide}"


def _titles(pg) -> list[str]:
    return pg.locator("ol.articles > li > a.title").all_inner_texts()


def test_sort_facet_and_pagination_by_clicking(page, site):
    page.goto(site["base"] + "/articles?copies=all&limit=10")
    assert page.locator("p.total").inner_text().startswith("1–10 of 29")
    page.get_by_role("link", name="title", exact=True).click()
    page.wait_for_url("**sort=title**")
    titles = _titles(page)
    assert titles == sorted(titles, key=str.casefold) and len(titles) == 10
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**offset=10**")
    assert page.locator("p.total").inner_text().startswith("11–20 of 29")
    assert "sort=title" in page.url  # the permalink keeps the sort
    later = _titles(page)
    assert later == sorted(later, key=str.casefold) and later[0].casefold() >= titles[-1].casefold()
    facet = page.locator("aside.facets details").first
    if not facet.evaluate("d => d.open"):
        facet.locator("summary").click()
    link = facet.locator("li a").first
    value, count = link.inner_text(), int(facet.locator("li .n").first.inner_text())
    link.click()
    page.wait_for_load_state()
    assert page.locator("p.total").inner_text().endswith(f"of {count} articles") or count <= 10
    assert value in page.locator("ul.active").inner_text()
    assert "sort=title" in page.url and "offset" not in page.url


def test_csv_and_json_links_match_the_page(page, site):
    page.goto(site["base"] + "/claims?limit=7&sort=source")
    anchors = page.locator("table.claims tbody td:nth-child(2) a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    shown = [h.split("/articles/")[1].replace("#claim-", "-") for h in anchors]
    csv_href = page.get_by_role("link", name="CSV").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(page.request.get(site["base"] + csv_href).text())))
    as_shown = [f"{r['article_id']}-{int(r['id'].rsplit('-', 1)[1]) + 1}" for r in rows]
    assert len(rows) == 7 and as_shown == shown
    sources = page.locator("table.claims tbody td:nth-child(1) > a").all_inner_texts()
    assert [r["source"] for r in rows] == sources
    data = page.request.get(site["base"] + page.get_by_role("link", name="JSON").get_attribute("href")).json()
    assert [i["id"] for i in data["items"]] == [r["id"] for r in rows] and data["total"] >= 7


def test_flag_filter_and_badges(page, site):
    page.goto(site["base"] + "/articles")
    flag = page.locator("aside.facets details", has=page.locator("summary", has_text="flag"))
    if not flag.evaluate("d => d.open"):
        flag.locator("summary").click()
    flag.get_by_role("link", name="byline swapped").click()
    page.wait_for_url("**flag=byline-swapped**")
    rows = page.locator("ol.articles > li")
    assert rows.count() >= 1
    for k in range(rows.count()):
        assert "byline swapped" in rows.nth(k).locator(".badges").first.inner_text()
    rows.first.locator("a.title").click()
    assert "byline swapped" in page.locator("p.provenance").inner_text()
    assert page.locator("section.flags a[href^='/articles/']").count() >= 1  # evidence links


def test_copies_fold_and_expand(page, site):
    page.goto(site["base"] + "/articles?limit=100")
    folded = page.locator("details.copies").first
    summary = folded.locator("summary").inner_text()
    assert summary.startswith("+") and "cop" in summary
    assert not folded.locator("ul").is_visible()
    folded.locator("summary").click()
    assert folded.locator("ul li").first.is_visible()
    page.get_by_role("link", name="show every copy").click()
    assert page.locator("details.copies").count() == 0


def test_claim_search_reaches_the_claim(page, site):
    page.goto(site["base"] + "/search?q=who+said+7%2C200")
    hits = page.locator("ul.claimhits li a")
    assert hits.count() >= 1 and "7,200" in page.locator("ul.claimhits").inner_text()
    hits.first.click()
    page.wait_for_url("**#claim-*")
    target = page.url.split("#", 1)[1]
    assert page.locator(f"li#{target}").count() == 1
