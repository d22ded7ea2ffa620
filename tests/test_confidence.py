"""The claim confidence's calibration script's threshold rule (made-up figures)."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "calibrate_confidence.py"


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
