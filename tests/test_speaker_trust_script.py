"""scripts/calibrate_speaker_trust.py (issue 12, h-claims41): the features say how a name was reached,
the PolNeAR label is the source mention's, the threshold keeps recall; its judging helpers (``--judge``,
h-claims54). All sentences and figures are made up."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from newsledger.evaluate.attribution import GoldAttribution
from newsledger.model import Claim, Content, Cue, Source

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "calibrate_speaker_trust.py"
TEXT = ("Mara Quill said the ferry would run again in May. The harbour board met on Monday. Tolls rose twice. "
        "He said the new pier was safe.")


def _script():
    spec = importlib.util.spec_from_file_location("calibrate_speaker_trust", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _span(words, at=0):
    i = TEXT.index(words, at)
    return i, i + len(words)


def _claim(source: str, name: str, content: str, via: str, at: int = 0) -> Claim:
    s, c, k = _span(source, at), _span("said", at), _span(content)
    return Claim(source=Source(text=source, start=s[0], end=s[1], name=name, confidence=0.6,
                               resolved_from=name if via == "pronoun" else None),
                 cue=Cue(text="said", start=c[0], end=c[1]), content=Content(text=content, start=k[0], end=k[1], pieces=[k]),
                 kind="indirect", signals={"rule": "verb", "src_via": via})


def _claims():
    plain = _claim("Mara Quill", "Mara Quill", "the ferry would run again in May", "person")
    far = _claim("He", "Mara Quill", "the new pier was safe", "pronoun", at=TEXT.index("He said"))
    return plain, far


def test_the_features_say_how_the_name_was_reached():
    mod = _script()
    plain, far = _claims()
    page = mod._Page([plain, far], TEXT)
    f, g = mod.trust_features(plain, page), mod.trust_features(far, page)
    assert f["via=person"] == 1.0 and f["log_back"] == 0.0 and f["resolved"] == 0.0 and f["named_once"] == 1.0
    assert g["via=pronoun"] == 1.0 and g["log_back"] > 4.0 and g["resolved"] == 1.0


def test_the_polnear_label_is_whether_the_source_mention_is_the_gold_one():
    mod = _script()
    plain, far = _claims()
    gold = [GoldAttribution(content=[_span("the new pier was safe")], source=[_span("Mara Quill")])]
    assert mod.mention_label(TEXT, gold, far) == 0.0  # "He" is not the gold source span
    gold[0].source = [_span("He", TEXT.index("He said"))]
    assert mod.mention_label(TEXT, gold, far) == 1.0
    assert mod.mention_label(TEXT, gold, plain) is None  # its content matches no gold attribution


def test_the_threshold_lowers_wrong_speakers_within_the_recall_budget():
    mod = _script()
    rows = {0.0: {"recall": 0.860, "wrong_speaker": 0.020}, 0.5: {"recall": 0.857, "wrong_speaker": 0.012},
            0.8: {"recall": 0.840, "wrong_speaker": 0.005}}
    assert mod.choose(rows, 0.005) == 0.5
    assert mod.choose(rows, 0.0) == 0.0


def _row(outputs, precision, wrong, recall):
    return {"outputs": outputs, "precision": precision, "wrong_speaker": wrong, "recall": recall}


def test_judged_pages_are_the_ones_with_the_prefix():
    st = _script()
    pages = [SimpleNamespace(page=p) for p in ("nsc-aa", "pol-bb", "ecb-cc", "pol-dd")]
    assert st.judged(pages, "pol-") == {1, 3}
    assert st.judged(pages, "none-") == set()


def test_the_bar_needs_fewer_wrong_names_precision_kept_and_little_recall_lost():
    st = _script()
    rows = {0.0: _row(100, 0.900, 0.05, 0.800),          # 5 wrong names
            0.5: _row(100, 0.910, 0.04, 0.798),          # one fewer, recall -0.002: clears
            0.6: _row(100, 0.900, 0.05, 0.800),          # no fewer wrong names
            0.7: _row(100, 0.920, 0.03, 0.790),          # recall -0.010: too much
            0.8: _row(100, 0.890, 0.04, 0.800)}          # precision down
    assert st.clears(rows, 0.5, 0.005)
    assert not st.clears(rows, 0.6, 0.005)
    assert not st.clears(rows, 0.7, 0.005)
    assert not st.clears(rows, 0.8, 0.005)
    assert not st.clears(rows, 0.0, 0.005)
