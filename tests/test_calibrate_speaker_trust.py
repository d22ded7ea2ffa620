"""The speaker-trust calibration script's judging helpers (``--judge``), on made-up figures."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "calibrate_speaker_trust.py"


def _script():
    spec = importlib.util.spec_from_file_location("calibrate_speaker_trust", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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
