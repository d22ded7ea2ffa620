"""Page-bootstrap intervals (newsledger.evaluate.intervals) on made-up page counts."""
from __future__ import annotations

from newsledger.evaluate.intervals import page_bootstrap

WRONG = {"wrong": (("wrong_speaker",), "outputs")}


def test_pages_that_all_agree_give_no_spread():
    pages = [{"wrong_speaker": 1, "outputs": 20}] * 30
    assert page_bootstrap(pages, WRONG) == {"wrong": (0.05, 0.05)}


def test_wrong_names_piled_on_one_page_give_a_wide_interval_around_the_figure():
    # 40 pages of 20 claims; all 12 wrong names sit on one page: 12 / 800 = 0.015 overall
    pages = [{"wrong_speaker": 0, "outputs": 20}] * 39 + [{"wrong_speaker": 12, "outputs": 20}]
    lo, hi = page_bootstrap(pages, WRONG)["wrong"]
    assert lo == 0.0 < 0.015 < hi and hi > 0.03
    # the same 12 wrong names spread over 12 pages are a narrower interval
    spread = [{"wrong_speaker": 0, "outputs": 20}] * 28 + [{"wrong_speaker": 1, "outputs": 20}] * 12
    lo2, hi2 = page_bootstrap(spread, WRONG)["wrong"]
    assert lo < lo2 < 0.015 < hi2 < hi


def test_a_ratio_may_sum_several_counts_and_the_draw_is_seeded():
    pages = [{"right": r, "unresolved": u, "outputs": 10} for r, u in [(8, 1), (5, 0), (9, 1), (7, 2), (6, 0)]]
    ratios = {"precision": (("right", "unresolved"), "outputs")}
    first = page_bootstrap(pages, ratios, reps=500)
    assert first == page_bootstrap(pages, ratios, reps=500)
    lo, hi = first["precision"]
    assert 0.5 <= lo < 39 / 50 < hi <= 1.0
    assert page_bootstrap([], ratios) == {}
