"""Evaluation gates: extraction (article-extraction-benchmark, HTML and flattened; the
flattened path also on trafilatura-eval pages, ``extraction_heldout``), attribution (PolNeAR),
quantities (NewsQuant), copies, provenance flags and stories (``copies``), and the sample
corpus against ``samples/truth.json`` (``sample_truth``). Data is read from ``../shared/data``.
Test-split runs are recorded by ``evallog`` in ``docs/evaluation-log.jsonl``."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def shared_dir() -> Path:
    """Where the shared evaluation data lives (``NEWSLEDGER_SHARED`` or ``../shared``)."""
    env = os.environ.get("NEWSLEDGER_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    for cand in (here.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"):
        if (cand / "data").is_dir():
            return cand
    return here.parent / "shared"


def data_dir(name: str) -> Path:
    path = shared_dir() / "data" / name
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: evaluation data not found (set NEWSLEDGER_SHARED)")
    return path


@contextmanager
def scratch_ledger(filename: str = "eval.db"):
    """A ledger in a temporary folder for one evaluation run, closed and removed on exit: an
    evaluation's ledger is scratch, and runs left one behind each (about 20 MB a crossnews run)."""
    from newsledger.store import Ledger

    with tempfile.TemporaryDirectory(prefix="newsledger-eval-") as tmp:
        ledger = Ledger(os.path.join(tmp, filename))
        try:
            yield ledger
        finally:
            ledger.close()
