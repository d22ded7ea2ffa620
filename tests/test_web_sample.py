"""Every page of the web UI renders with real data from the bundled sample corpus, ingested by
the real pipeline (extraction, claims, linking): each article, source, story, copy group and
claim group answers 200 with its own content."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from newsledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from newsledger.link import link_new
    from newsledger.pipeline import ingest
    from newsledger.read import read
    from newsledger.serve import create_app

    ledger = Ledger(str(tmp_path_factory.mktemp("sample") / "ledger.db"))
    report = ingest(read([str(CORPUS)]), ledger)
    assert report.failed == 0 and report.new == 29, report.failures
    link_new(ledger, report.ids)
    yield TestClient(create_app(ledger)), ledger
    ledger.close()


def test_every_page_renders(client):
    from newsledger.link import conflict_groups, copy_groups, story_groups

    c, ledger = client
    assert c.get("/").status_code == 200
    for a in ledger.articles(limit=100):
        r = c.get(f"/articles/{a['id']}")
        assert r.status_code == 200 and str(escape(a["title"] or "")) in r.text
    for s in ledger.sources(limit=50):
        r = c.get(f"/sources/{quote(s['name'], safe='')}")
        assert r.status_code == 200, s
    stories, copies, conflicts = story_groups(ledger), copy_groups(ledger), conflict_groups(ledger)
    assert stories and copies and conflicts
    for g in stories:
        assert c.get(f"/stories/{g['id']}").status_code == 200
    for g in copies:
        assert c.get(f"/copies/{g['id']}").status_code == 200
    for g in conflicts:
        r = c.get(f"/claims/groups/{g['id']}")
        assert r.status_code == 200
        if any(m.get("value") is not None for m in g["members"]):  # figures get a chart
            assert "<svg" in r.text, g["id"]
    for path in ("/conflicts", "/stories", "/copies", "/sources", "/search?q=dam", "/api/docs"):
        assert c.get(path).status_code == 200, path


def test_sample_byline_swap_and_copies(client):
    from newsledger.link import copy_groups

    c, ledger = client
    farm = [a for a in ledger.articles(limit=100) if (a["site"] or "").startswith("Trend News")]
    flags = {f["kind"] for a in farm for f in ledger.get(a["id"])["flags"]}
    assert "byline-swapped" in flags and "advertising-inside" in flags
    groups = copy_groups(ledger)
    dam = [g for g in groups if any("velmora-dam-breach" in (m.get("source") or "") for m in g["members"])]
    assert dam and len(dam[0]["members"]) >= 4
