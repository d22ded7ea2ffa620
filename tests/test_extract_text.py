"""Extraction from pages already flattened to text: the seed page, the line classifier,
metadata finders, the HTML flattener, and (slow) the benchmark gate."""
from __future__ import annotations

import pytest

from newsledger.evaluate import shared_dir
from newsledger.extract import ExtractError, extract
from newsledger.extract.lines import classify_lines
from newsledger.extract.meta import find_agency, find_dateline, find_dates, parse_date, split_byline
from newsledger.extract.text import extract_text
from newsledger.model import Document

SEED = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED} (set NEWSLEDGER_SHARED to the shared folder)")
    return extract(Document(source=str(SEED), raw=SEED.read_bytes(), kind="text"))  # the stage's entry


def _removed(article, needle):
    return [r for r in article.removed if needle in r.text]


# ---------------------------------------------------------------- the seed page


def test_seed_metadata(seed):
    assert seed.title == "North Korea sends troops to Russia, South Korean intelligence says"
    assert seed.byline == ["Teilor Stone"]
    assert seed.agency == "AFP"
    assert seed.dateline == "Seoul"
    assert seed.section == "Europe"
    # "Published at 10:09 Updated at 12:50": clock times with no day are no dates
    assert (seed.published, seed.updated) == (None, None)
    assert (seed.published_time, seed.updated_time) == ("10:09", "12:50")
    assert seed.caption and seed.caption.startswith("Photo: KCNA via KNS")
    assert seed.language == "en"


def test_seed_no_date_from_bio(seed):
    assert "2013" not in (seed.published or "") and "2013" not in (seed.updated or "")


def test_seed_removed_junk(seed):
    reasons = {r.text: r.reason for r in seed.removed}
    assert reasons["Spread the love"] == "share-widget"
    assert [r.reason for r in _removed(seed, "Deposit Bonus")] == ["advertisement"]
    assert reasons["Read also"] == "related-links"
    putin = [r for r in seed.removed if r.text.startswith("• Putin")]
    assert len(putin) == 2 and {r.reason for r in putin} == {"related-links"}
    assert [r.reason for r in _removed(seed, "has been a reporter on the news desk since 2013")] == ["author-bio"]
    assert reasons["Teilor Stone"] == "byline"
    assert reasons["By Teilor Stone"] == "byline"
    assert reasons["North Korea sends troops to Russia, South Korean intelligence says"] == "title"
    assert reasons["Agence France-Presse in Seoul"] == "dateline"
    assert reasons["Published at 10:09 Updated at 12:50"] == "metadata"
    assert reasons["• Europe"] == "section"
    assert [r.reason for r in _removed(seed, "Photo: KCNA via KNS")] == ["caption"]


def test_seed_body_kept_whole(seed):
    lines = [ln.strip() for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("North Korea has decided to send"))
    end = next(i for i, ln in enumerate(lines) if ln.endswith("lacks experience abroad.”"))
    junk = {"200% Deposit", "Read also", "• Putin"}
    expected = [ln for ln in lines[start:end + 1] if not ln.startswith(tuple(junk))]
    assert seed.paragraphs == expected
    assert "13,000 containers of weapons" in seed.paragraphs
    assert seed.text.startswith("North Korea has decided to send")
    assert seed.text.endswith("lacks experience abroad.”")
    assert "Deposit Bonus" not in seed.text and "Teilor" not in seed.text and "Read also" not in seed.text


def test_seed_every_line_accounted_for(seed):
    lines = [ln.strip() for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    assert len(seed.paragraphs) + len(seed.removed) == len(lines)


# ---------------------------------------------------------------- extract_text edge cases


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t  \n"])
def test_empty_input_raises(raw):
    with pytest.raises(ExtractError, match="no article text found"):
        extract_text(Document(source="x", raw=raw, kind="text"))


def test_site_and_url():
    body = ("The council voted on Tuesday to approve the new budget, which includes more money for "
            "schools and roads, officials said after a long meeting.\n\n") * 3
    art = extract_text(Document(source="x", raw=body.encode(), kind="text", url="https://www.example.com/a/b"))
    assert art.site == "example.com" and art.url == "https://www.example.com/a/b"
    assert len(art.paragraphs) == 3


# ---------------------------------------------------------------- classify_lines on made-up lines

PARA = ("The minister told reporters on Monday that the government would present the plan to "
        "parliament next week, after months of talks with unions and employers.")


def test_classify_basic_junk():
    lines = ["Share this", "", PARA, "", "Advertisement", "", PARA, "", "Sign up for our newsletter", "", PARA]
    out = classify_lines(lines)
    assert out[0] == "share-widget"
    assert out[2] is None and out[6] is None and out[10] is None
    assert out[4] == "advertisement"
    assert out[8] == "boilerplate"
    assert out[1] is None  # blank lines


def test_classify_subheading_kept_menu_dropped():
    menu = ["  • Home", "  • World", "  • Business", "  • Sport", "  • Culture"]
    lines = menu + ["", PARA, "", "What happens next", "", PARA, "", PARA]
    out = classify_lines(lines)
    assert set(out[:5]) <= {"navigation", "boilerplate"} and out[1:5] == ["navigation"] * 4
    assert out[menu.__len__() + 3] is None  # the subheading
    assert out[-1] is None


def test_classify_related_block_and_bio():
    lines = [PARA, "", PARA, "", "Related", "", "  • Minister resigns over budget row", "  • Unions call strike",
             "", PARA, "", "Jane Roe is a reporter at the Daily Planet covering politics since 2015.",
             "Follow her on Twitter @janeroe"]
    out = classify_lines(lines)
    assert out[4] == "related-links" and out[6] == "related-links" and out[7] == "related-links"
    assert out[9] is None
    assert out[11] == "author-bio"


def test_classify_caption_and_gambling():
    lines = [PARA, "", "Photo: Reuters/John Smith", "", "Get 100% welcome bonus up to $500 + 50 free spins", "",
             PARA, "", "(Getty Images)", "", PARA]
    out = classify_lines(lines)
    assert out[2] == "caption" and out[8] == "caption"
    assert out[4] == "advertisement"
    assert out[0] is None and out[6] is None and out[10] is None


def test_classify_comment_thread_cut():
    lines = [PARA, "", PARA, "", PARA, "", "12 Comments", "", "  • joe123 says:",
             "This is the dumbest thing I have read all week, and I have read a great many things lately.", "",
             "  • anna says:", "I agree with the previous commenter, nobody in their right mind would do that."]
    out = classify_lines(lines)
    assert out[:5:2] == [None, None, None]
    assert out[6] == "comments" and out[8] == "comments"
    assert out[9] in ("comments", "boilerplate") and out[12] in ("comments", "boilerplate")  # comment bodies


def test_classify_scandinavian_story_is_prose():
    # a Swedish story on a page whose English furniture keeps the unknown-language fallback off:
    # without Swedish stop-words its paragraphs read as a list and the English box wins the body
    story = ["Polisen letar efter en man som försvann från sitt hem i Lunden på tisdagskvällen.",
             "Han sågs senast vid busshållplatsen nära torget, och familjen har bett om hjälp.",
             "– Vi tar det här på stort allvar och vill att alla som har sett något hör av sig, säger en talesperson.",
             "Sökandet har pågått hela natten med hundar och en helikopter från kustbevakningen."]
    about = ["The Northern Courier has won three national awards this year for its reporting on the housing crisis.",
             "Our reporters cover the towns of the coast and the islands, and they are always happy to hear from you."]
    lines = ["  • Nyheter", "  • Sport", "  • Kultur", "", "Man försvunnen i Lunden", ""]
    for s in story + ["", "About us", ""] + about:
        lines += [s, ""]
    out = classify_lines(lines)
    assert [out[lines.index(s)] for s in story] == [None] * 4
    assert out[4] == "title"


def test_classify_signature_stable_on_empty():
    assert classify_lines([]) == []
    assert classify_lines([""]) == [None]


# ---------------------------------------------------------------- meta


def test_find_agency():
    assert find_agency("Agence France-Presse in Seoul") == "AFP"
    assert find_agency(["nothing", "By John Doe, Associated Press"]) == "AP"
    assert find_agency("SEOUL (Reuters) - North Korea said") == "Reuters"
    assert find_agency("(dpa)") == "dpa"
    assert find_agency("Xinhua") == "Xinhua"
    assert find_agency("Yonhap News") == "Yonhap"
    assert find_agency("a plain sentence") is None


def test_split_byline():
    assert split_byline("By Teilor Stone") == ["Teilor Stone"]
    assert split_byline("By Stefan Becket, Kathryn Watson, Grace Segers") == [
        "Stefan Becket", "Kathryn Watson", "Grace Segers"]
    assert split_byline("By Jane Doe and John Smith, Staff Writers") == ["Jane Doe", "John Smith"]
    assert split_byline("by Tom Rogan | November 18, 2019") == ["Tom Rogan"]
    assert split_byline("By Jane Doe, Reuters") == ["Jane Doe"]


def test_find_dateline():
    assert find_dateline(["Agence France-Presse in Seoul"]) == "Seoul"
    assert find_dateline(["SEOUL (Reuters) - North Korea fired a missile."]) == "Seoul"
    assert find_dateline(["NEW YORK, Oct 18 (Reuters) - Stocks fell."]) == "New York"
    assert find_dateline(["ST. JOSEPH, Mich. (AP) — Michigan health authorities"]) == "St. Joseph"
    assert find_dateline(["The minister said."]) is None


def test_dates():
    assert find_dates(["Published at 10:09 Updated at 12:50"]) == ("10:09", "12:50")
    assert parse_date("November 19, 2019 at 9:45 am") == "2019-11-19T09:45"
    assert parse_date("19 November 2019") == "2019-11-19"
    assert parse_date("2019-11-19") == "2019-11-19"
    assert parse_date("Updated on: November 19, 2019 / 10:07 AM") == "2019-11-19T10:07"
    assert parse_date("20.11.2019") == "2019-11-20"
    pub, upd = find_dates(["First published on November 19, 2019 / 8:16 AM"])
    assert pub == "2019-11-19T08:16" and upd is None


# ---------------------------------------------------------------- flatten


def test_flatten_html():
    from newsledger.extract.flatten import flatten_html

    html = ("<html><head><title>T</title><style>p{}</style></head><body><h1>Head line</h1>"
            "<p>First <b>para</b>graph.</p><script>var x=1;</script><ul><li>one</li><li>two</li></ul>"
            "<div hidden>secret</div><p>Line<br>break</p><table><tr><td>a</td><td>b</td></tr></table></body></html>")
    out = flatten_html(html)
    assert out == "Head line\n\nFirst paragraph.\n\n  • one\n  • two\n\nLine\nbreak\n\na | b\n"


# ---------------------------------------------------------------- gate


@pytest.mark.slow
def test_gate_article_extraction_benchmark_flattened():
    """Ours on the 181 benchmark pages flattened to text: F1 >= 0.93 and P >= 0.93 (measured
    0.938 / 0.935). Not held out: the rules were written reading these pages; the held-out
    check is tests/test_extract_heldout.py (trafilatura-eval)."""
    from newsledger.evaluate.extraction_text import evaluate_text

    try:
        res = evaluate_text()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    ours = res["newsledger text"]
    assert ours["pages"] == 181
    assert ours["f1"] >= REACHED["f1"] and ours["precision"] >= REACHED["precision"]
    assert ours["f1"] > res["whole flattened text"]["f1"] + 0.2
    assert ours["f1"] > res["trafilatura on <p>-wrapped text"]["f1"] + 0.2


REACHED = {"f1": 0.93, "precision": 0.93}  # measured 2026-11-26: F1 0.938, P 0.935, R 0.941
