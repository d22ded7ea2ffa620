"""The pages in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium)
against the real app served by uvicorn on 127.0.0.1. Screenshots go to tests/artifacts/.

Needs ``apt-get install chromium`` and ``pip install playwright`` (the Python package only;
its own browser download is never used)."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from newsledger.evaluate import shared_dir
from newsledger.store import Ledger

CHROMIUM = os.environ.get("NEWSLEDGER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SEED = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} not found: browser tests need Debian's chromium "
                "(apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="browser tests need the playwright package (pip install playwright)")

HOSTILE = """Hostile page <b>title</b>

The mayor said on Monday that <script>alert(1)</script> would not be tolerated in the city council, according to officials.

"We will never allow <img src=x onerror=alert(1)> in our systems," the police chief told reporters on Tuesday, adding that 300 officers were deployed.
"""

FALLBACK = """Dockers extend strike

Dock workers in Port Alder voted on Tuesday to extend their strike by five more days, the union said, leaving dozens of container ships waiting outside the harbour.

"We will not go back until the safety rules are changed," union leader Mara Quell told reporters outside the port gates.

The port authority said 40 vessels were delayed, while shipping agents said up to 55 vessels were waiting.
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app):
    """``app`` under uvicorn on a free loopback port, in a thread: its base URL and a stop()."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300  # waits on the started event; the cap only catches a hang
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"

    def stop():
        srv.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import newsledger.link as link
    from newsledger.model import Document
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path_factory.mktemp("web") / "ledger.db"))
    if SEED.is_file():  # the seed, and a syndicated copy of it that changes a figure and the byline
        seed = SEED.read_text(encoding="utf-8")
        copy = seed.replace("up to 12,000 troops", "up to 10,000 troops").replace("Teilor Stone", "Jane Roe")
        items = list(read([str(SEED)])) + [
            Document(source="copy", raw=copy.encode(), kind="text", url="https://other.example/nk-troops")]
    else:
        items = [Document(source="fallback", raw=FALLBACK.encode(), kind="text",
                          url="https://harbour.example/strike")]
    items.append(Document(source="planted", raw=HOSTILE.encode(), kind="text", url="https://evil.example/x"))
    report = ingest(items, ledger)
    assert report.new == len(items), report.failures
    main_id, hostile_id = report.ids[0], report.ids[-1]
    link.link_new(ledger, report.ids)  # as the CLI does after each ingest
    app = create_app(ledger)
    if SEED.is_file():  # the figure changed in the copy: a real conflict, copy group and story
        assert app.state.links.groups("conflicts") and app.state.links.groups("copies")
    base, stop = start_server(app)
    yield {"base": base, "article": main_id, "hostile": hostile_id, "ledger": ledger}
    stop()
    ledger.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    events = {"dialogs": [], "offsite": [], "console_errors": [], "failed": []}

    def on_dialog(d):
        events["dialogs"].append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("request", lambda r: None if r.url.startswith(server["base"]) or r.url.startswith("data:")
          else events["offsite"].append(r.url))
    pg.on("console", lambda m: events["console_errors"].append(m.text) if m.type == "error" else None)
    pg.on("requestfailed", lambda r: events["failed"].append(r.url))
    pg.events = events
    yield pg
    ctx.close()
    assert events["dialogs"] == [], f"a script ran: {events['dialogs']}"
    assert events["offsite"] == [], f"requests left the machine: {events['offsite']}"
    assert events["console_errors"] == [], events["console_errors"]  # CSP violations show here
    assert events["failed"] == [], events["failed"]


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_search_and_keyboard(page, server):
    page.goto(server["base"] + "/")
    assert page.title().startswith("Home")
    assert page.locator("ul.counts").inner_text().count("articles") >= 1
    shot(page, "01-home")
    # keyboard: the first Tab reaches the skip link, and the search box can be used with keys
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.focus("#q")
    page.keyboard.type("troops" if SEED.is_file() else "strike")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("ol.articles li a[href^='/articles/']")
    assert results.count() >= 1
    assert page.locator("ol.articles mark").count() >= 1  # matched words marked in snippets
    shot(page, "02-search")
    results.first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("mark.claim").count() >= 1
    shot(page, "03-article-from-search")


def test_article_to_source_and_claim_group(page, server):
    page.goto(f"{server['base']}/articles/{server['article']}")
    assert page.locator("div.text mark.claim").count() >= 1
    assert page.locator("div.text a.tag").count() >= 1  # labels: number · source · stance
    details = page.locator("details.removed")
    if details.count():
        assert not details.evaluate("d => d.open")
        details.locator("summary").click()
        assert details.evaluate("d => d.open")
    shot(page, "04-article")
    link = page.locator("a.source-link").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/sources/*")
    assert page.locator("h1").inner_text() == name
    assert page.locator("ol.timeline li").count() >= 1
    shot(page, "05-source")
    page.go_back()
    page.wait_for_url(f"**/articles/{server['article']}")
    group_link = page.locator("a.claim-group-link").first
    assert group_link.count() == 1, "article page links no claim group"
    group_link.click()
    page.wait_for_url("**/claims/groups/*")
    assert page.locator("svg.chart circle").count() >= 1
    assert page.locator("table.members tbody tr").count() >= 1
    shot(page, "06-claim-group")


def test_story_and_copies_pages(page, server):
    page.goto(server["base"] + "/stories")
    story = page.locator('main a.title[href^="/stories/"]').first
    has_story = story.count() > 0
    if has_story:
        story.click()
        page.wait_for_url("**/stories/*")
        assert page.locator(".side-by-side .col").count() >= 1
        shot(page, "07-story")
    page.goto(server["base"] + "/copies")
    copies = page.locator('main a.title[href^="/copies/"]').first
    has_copies = copies.count() > 0
    if has_copies:
        copies.click()
        page.wait_for_url("**/copies/*")
        assert page.locator(".side-by-side .col").count() >= 1
        shot(page, "08-copies")
    if SEED.is_file():  # the seed and its copy: the link stage must have grouped them
        assert has_story and has_copies


def test_hostile_page_is_inert(page, server):
    page.goto(f"{server['base']}/articles/{server['hostile']}")
    text = page.locator("div.text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("div.text script, div.text img").count() == 0
    assert page.title().startswith("<b>") or "Hostile" in page.title()
    shot(page, "09-hostile-article")
    page.goto(server["base"] + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    shot(page, "10-hostile-search")
    page.goto(server["base"] + "/no/such/page")
    assert "404" in page.locator("h1").inner_text()
    page.events["console_errors"] = [e for e in page.events["console_errors"] if "404" not in e]


def test_readable_on_a_phone(browser, server):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2,
                              is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    try:
        for name, path in (("11-phone-home", "/"), ("12-phone-article", f"/articles/{server['article']}"),
                           ("13-phone-claim-group", None)):
            if path is None:
                pg.goto(f"{server['base']}/articles/{server['article']}")
                link = pg.locator("a.claim-group-link").first
                if not link.count():
                    continue
                link.click()
                pg.wait_for_url("**/claims/groups/*")
            else:
                pg.goto(server["base"] + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{name}: page is {overflow}px wider than the phone"
            size = pg.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert size >= 16
            shot(pg, name)
    finally:
        ctx.close()
