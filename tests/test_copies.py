"""What a copy changed against its original (``link.copies.diff``) and the provenance flags
between them (``link.copies.copy_flags``), on made-up articles."""
from __future__ import annotations

from newsledger.link.copies import copy_flags, diff
from newsledger.model import Article, Removed

PARAS = [
    "The river authority of Velmora closed the old Merrow bridge on Monday after inspectors found "
    "cracks in two of its stone piers, the authority said.",
    "Engineers will spend three weeks surveying the piers before deciding whether the bridge can "
    "reopen to cars, according to a statement from the authority.",
    "Traders on the east bank said the closure would cost them customers during the spring fair, "
    "which draws visitors from across the valley every April.",
    "A ferry service between the two banks will run every twenty minutes from Wednesday, the town "
    "council announced in a short notice on its website.",
    "The bridge was built in 1861 and last repaired in 1978, when a flood carried away part of its "
    "western parapet and two lamp posts.",
]
LINE = ("Read also: ten old bridges of the valley that are worth a visit this spring, and the best places "
        "to eat near them")  # under 160 characters: a line
ADDED = ("Residents of the east bank have started a petition asking the council to build a temporary "
         "footbridge beside the old one, saying the ferry is too slow for children walking to school.")


def article(title, paras, site="bridge.example", byline=(), agency=None, published="2031-04-07",
            removed=()) -> Article:
    a = Article(source=f"test:{site}:{title}", url=f"https://{site}/{abs(hash(title)) % 10**9}", site=site,
                title=title, byline=list(byline), agency=agency, published=published, removed=list(removed))
    a.set_paragraphs(paras)
    return a


def test_a_copy_s_changes_each_named():
    original = article("Merrow bridge closed after cracks found", PARAS, byline=["Ann Vell"])
    reworded = PARAS[1].replace("three weeks", "a month").replace("to cars", "to traffic")
    copy = article("Old bridge SHUT: what we know", [PARAS[0], reworded, PARAS[3], PARAS[2],
                                                      LINE, ADDED],
                   site="farm.example", byline=["Rhea Dunmore"],
                   removed=[Removed("Win 50 free spins today", "advertisement")])
    d = diff(original, copy)
    assert d["headline"] == {"from": original.title, "to": copy.title}
    assert d["byline"] == {"from": ["Ann Vell"], "to": ["Rhea Dunmore"], "credit_from": [], "credit_to": []}
    assert d["paragraphs_cut"] == [PARAS[4]] and d["ending_trimmed"] is True
    assert d["paragraphs_added"] == [ADDED]  # 160 characters or more: a paragraph
    assert d["lines_inserted"] == [{"text": LINE, "reason": "in-text"},
                                   {"text": "Win 50 free spins today", "reason": "advertisement"}]
    (r,) = d["paragraphs_reworded"]
    assert r["from"] == PARAS[1] and r["to"] == reworded and 0.35 <= r["similarity"] < 1
    assert d["reordered"] is True
    assert d["summary"] == [
        'new headline "Old bridge SHUT: what we know" (was "Merrow bridge closed after cracks found")',
        "byline Ann Vell -> Rhea Dunmore",
        f'1 paragraph cut (ending trimmed): "{PARAS[4][:50]}…"',
        f'1 paragraph added: "{ADDED[:50]}…"',
        f'2 lines inserted (in-text): "{LINE[:50]}…"',
        "1 paragraph reworded", "paragraphs reordered"]


def test_an_identical_copy_changed_nothing_and_a_cut_in_the_middle_trims_no_ending():
    original = article("Merrow bridge closed", PARAS, removed=[Removed("Win 50 free spins", "advertisement")])
    same = article("Merrow bridge closed", PARAS, site="copy.example",
                   removed=[Removed("Win 50 free spins", "advertisement"), Removed("Menu", "caption")])
    assert diff(original, same) == {"summary": ["identical text"]}  # the original's own junk is no insert
    middle = diff(original, article("Merrow bridge closed", PARAS[:2] + PARAS[3:], site="copy.example"))
    assert middle["paragraphs_cut"] == [PARAS[2]] and "ending_trimmed" not in middle
    assert "reordered" not in middle and "paragraphs_reworded" not in middle


def test_a_changed_credit_is_a_byline_change():
    original = article("Merrow bridge closed", PARAS, agency="Continental News Service")
    copy = article("Merrow bridge closed", PARAS, site="copy.example")
    assert diff(original, copy)["byline"] == {"from": ["Continental News Service"], "to": [],
                                              "credit_from": ["Continental News Service"], "credit_to": []}


def _swaps(flags) -> list:
    return [f for f in flags if f.kind == "byline-swapped"]


def test_a_wire_story_under_a_person_s_byline_is_a_firm_swap_and_an_earlier_date_suspicious():
    wire = article("Merrow bridge closed", PARAS, site="cns.example", agency="Continental News Service",
                   published="2031-04-07")
    copy = article("Merrow bridge closed", PARAS[:4], site="copy.example", byline=["Rhea Dunmore"],
                   published="2031-04-05")
    flags = copy_flags(wire, copy, "w1")
    (swap,) = _swaps(flags)
    assert swap.evidence == {"original": "w1", "agency": "Continental News Service",
                             "credit_line": "Continental News Service", "byline": "Rhea Dunmore",
                             "byline_line": "Rhea Dunmore", "stage": "link"}
    (date,) = [f for f in flags if f.kind == "suspicious-date"]
    assert date.evidence["days_before"] == 2 and date.evidence["original_published"] == "2031-04-07"
    assert not [f for f in copy_flags(wire, article("x", PARAS, byline=["Rhea Dunmore"], published="2031-04-09"),
                                      "w1") if f.kind == "suspicious-date"]


def test_a_credited_copy_that_adds_a_name_is_undecided():
    wire = article("Merrow bridge closed", PARAS, site="paper.example", agency="Continental News Service")
    copy = article("Merrow bridge closed", PARAS, site="copy.example", byline=["Rhea Dunmore"],
                   agency="Continental News Service")
    (swap,) = _swaps(copy_flags(wire, copy, "w1"))
    assert swap.evidence["undecided"] is True and "which names no reporter" in swap.detail


def test_another_person_s_name_on_a_copy_is_undecided_only_when_the_order_is_unclear():
    mine = article("Merrow bridge closed", PARAS, byline=["Ann Vell"], published="2031-04-07")
    same_day = article("Merrow bridge closed", PARAS, site="copy.example", byline=["Rhea Dunmore"],
                       published="2031-04-07")
    later = article("Merrow bridge closed", PARAS, site="copy.example", byline=["Rhea Dunmore"],
                    published="2031-04-09")
    (a,) = _swaps(copy_flags(mine, same_day, "o1"))
    assert a.evidence["undecided"] is True and a.evidence["original_byline"] == "Ann Vell"
    assert "both appeared the same day" in a.detail
    (b,) = _swaps(copy_flags(mine, later, "o1"))
    assert b.evidence["undecided"] is False and "same day" not in b.detail
    named_alike = article("Merrow bridge closed", PARAS, site="copy.example", byline=["Ann Vell"])
    assert not _swaps(copy_flags(mine, named_alike, "o1"))


def test_the_agency_s_own_page_names_the_agency_as_the_credit():
    own = article("Merrow bridge closed", PARAS, site="Continental News Service")
    copy = article("Merrow bridge closed", PARAS, site="copy.example", byline=["Rhea Dunmore"])
    (swap,) = _swaps(copy_flags(own, copy, "w1"))
    assert swap.evidence["agency"] == "Continental News Service"
    assert swap.evidence["credit_line"] == "Continental News Service" and "undecided" not in swap.evidence
