"""The link stage scored against ``samples/truth.json`` on the sample corpus (ingested, analysed
and linked into a temporary ledger): copy groups, byline swaps, conflict verdicts.

The conflict figures are not a goal. On 2026-12-03 the link stage put 3 of the truth's 11
conflicting pairs into one conflict group; on 2026-12-04 the cross-article grouping of issue 13
(figures of one measure with different values join only when their contexts share enough words,
thresholds tuned on the ECB+ development gold, where they lift figure-pair precision from 0.76 to
0.87) puts none of them together: the sample corpus's invented outlets word each figure
differently. That trade is deliberate (real coverage over our own invented pages) and is
reported in docs/EVALUATION.md; what stays asserted here is the ceiling on wrong conflicts.
``python -m newsledger.evaluate.sample_truth`` prints the same score.
"""
from __future__ import annotations

import pytest

from newsledger.evaluate import sample_truth


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    return sample_truth.evaluate(str(tmp_path_factory.mktemp("truth") / "samples.db"))


def test_every_truth_document_is_in_the_ledger(scored):
    assert scored["matched_docs"] == scored["docs"] == 29


def test_copy_groups_match_the_truth(scored):
    c = scored["copies"]
    assert (c["gold"], c["found"], c["predicted"]) == (12, 12, 12), c


def test_byline_swaps_of_the_truth_are_flagged_firmly_and_nothing_else(scored):
    s = scored["byline_swaps"]
    assert s["flagged"] == {"s1-05": "firm", "s2-02": "firm"} and s["other_flagged"] == [], s


def test_no_more_than_one_non_conflict_is_called_a_conflict(scored):
    k = scored["conflicts"]
    assert (k["conflicts"], k["not_conflicts"]) == (11, 8)
    assert len(k["found"]) + len(k["missed"]) == 11, k
    assert len(k["wrongly_conflicting"]) <= 1, k["wrongly_conflicting"]  # ceiling: 0 of 8 on 2026-12-04
    assert ("shelters-esd-d2", "displaced-ngo-d2") not in k["wrongly_conflicting"]
