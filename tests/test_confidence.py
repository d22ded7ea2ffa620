"""The claim confidence's features and the calibration script's threshold rule (made-up claims)."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from newsledger.analyze.confidence import ConfidenceModel, features, source_apart
from newsledger.model import Claim, Content, Cue, Source

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "calibrate_confidence.py"


def _claim(text: str, source: str, cue: str, content: str) -> Claim:
    def at(words):
        i = text.index(words)
        return i, i + len(words)

    s, c, k = at(source), at(cue), at(content)
    return Claim(source=Source(text=source, start=s[0], end=s[1], name=source), cue=Cue(text=cue, start=c[0], end=c[1]),
                 content=Content(text=content, start=k[0], end=k[1], pieces=[k]), kind="indirect",
                 signals={"rule": "verb", "path": "comp", "src_via": "person"})


NEAR = "Mayor Lena Holt said the ferry would run daily from June."
APART = ("Mayor Lena Holt, who has chaired the harbour board since the old quay flooded, "
         "said the ferry would run daily from June.")


def test_a_source_apart_from_its_cue_is_flagged():
    near = _claim(NEAR, "Mayor Lena Holt", "said", "the ferry would run daily from June")
    apart = _claim(APART, "Mayor Lena Holt", "said", "the ferry would run daily from June")
    assert source_apart(near) == 0.0 and features(near)["src_far"] == 0.0
    assert source_apart(apart) == 1.0 and features(apart)["src_far"] == 1.0
    apart.source = None  # no source: nothing to be apart
    assert source_apart(apart) == 0.0


def test_the_shipped_model_trusts_a_source_apart_from_its_cue_less():
    model = ConfidenceModel.load()
    near = features(_claim(NEAR, "Mayor Lena Holt", "said", "the ferry would run daily from June"))
    apart = dict(near, src_far=1.0)
    assert model.prob(apart) < model.prob(near)


def _script():
    spec = importlib.util.spec_from_file_location("calibrate_confidence", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_threshold_must_also_hold_on_the_newest_pages():
    cc = _script()
    # page 0 (old): all right; page 1 (newest): its two lowest-scored claims are wrong speakers
    probs = np.array([0.9, 0.8, 0.7, 0.6, 0.95, 0.85, 0.5, 0.4])
    good = np.array([1, 1, 1, 1, 1, 1, 0, 0], dtype=bool)
    wrong = ~good
    groups = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    args = SimpleNamespace(target=0.75, max_wrong=0.25)
    assert cc.choose_threshold(probs, good, wrong, groups, set(), args) == 0.4  # all pages: 6/8 right
    assert cc.choose_threshold(probs, good, wrong, groups, {1}, args) == 0.85  # the newest page alone: 2/2


def test_the_content_label_counts_an_unresolved_claim_with_the_right_content():
    from newsledger.evaluate.claims_real import GoldClaim, GoldPage

    cc = _script()
    text = "Mayor Lena Holt said the ferry would run daily from June. He said the fares would not rise."
    said = _claim(text, "Mayor Lena Holt", "said", "the ferry would run daily from June")
    said.source.name = None  # unresolved: right content, no name
    other = _claim(text, "He", "said the fares", "the fares would not rise")
    other.source.name = "Tom Reese"  # a wrong name
    gold = [GoldClaim(source="Lena Holt", aliases=[], content=[(text.index(c), text.index(c) + len(c))])
            for c in ("the ferry would run daily from June", "the fares would not rise")]
    pages, analysed = [GoldPage(page="p", claims=gold)], {"p": (text, [said, other])}
    assert list(cc.dataset(pages, analysed, (), "right")[2]) == [0.0, 0.0]
    assert list(cc.dataset(pages, analysed, (), "content")[2]) == [1.0, 0.0]


def test_a_view_keeps_the_chosen_pages_and_renumbers_them():
    cc = _script()
    probs = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    groups = np.array([0, 0, 1, 2, 2])
    pages = ["a", "b", "c"]
    p, g, kept = cc.view_of(probs, groups, pages, {0, 2})
    assert list(p) == [0.1, 0.2, 0.4, 0.5] and list(g) == [0, 0, 1, 1] and kept == ["a", "c"]
