"""``--jobs N``: per-document work in forked worker processes, same output as one process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.workers import ordered_map

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
CLI = [sys.executable, "-m", "newsledger.cli"]


def _cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, check=check, timeout=900)


def _inputs(n: int) -> list[str]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    assert len(files) >= n
    return [str(p) for p in files[:n]]


def test_analyze_output_is_identical_with_one_and_two_jobs(tmp_path):
    inputs = _inputs(8)
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    one = _cli("analyze", *inputs, str(bad), "--format", "jsonl", "--jobs", "1", check=False)
    two = _cli("analyze", *inputs, str(bad), "--format", "jsonl", "--jobs", "2", check=False)
    assert one.returncode == two.returncode == 1  # the empty file fails, the rest go through
    assert one.stdout == two.stdout
    rows = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(rows) >= 8  # a feed, WARC or JSONL input holds several articles
    assert sum(len(r["claims"]) for r in rows) > 0
    assert one.stderr.count("empty.html") == two.stderr.count("empty.html") == 1


def test_ingest_with_two_jobs_stores_what_one_job_stores(tmp_path):
    inputs = _inputs(6)
    stored = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"j{jobs}.db"
        _cli("ingest", *inputs, "--db", str(db), "--jobs", jobs)
        claims = json.loads(_cli("claims", "--db", str(db), "--format", "json", "--limit", "10000").stdout)
        stored[jobs] = sorted((c["content"]["text"], (c.get("source") or {}).get("name") or "") for c in claims)
    assert stored["1"] == stored["2"]
    assert len(stored["1"]) > 0


def test_negative_jobs_is_a_one_line_error():
    res = _cli("analyze", _inputs(1)[0], "--jobs", "-1", check=False)
    assert res.returncode == 2
    assert "--jobs -1" in res.stderr and "Traceback" not in res.stderr


def _square_or_die(x: int) -> int:
    if x == 3:
        os._exit(1)  # a worker killed while handling this item (OOM killer, segfault)
    return x * x


def test_a_dying_worker_costs_only_its_own_item():
    out = list(ordered_map(_square_or_die, range(8), jobs=2, lost=lambda x, why: f"lost {x}: {why}"))
    assert [x for x, _ in out] == list(range(8))
    results = dict(out)
    assert results[3].startswith("lost 3: a worker process died")
    assert all(results[x] == x * x for x in range(8) if x != 3)


def test_skipped_items_pass_through_in_order():
    out = list(ordered_map(_square_or_die, [1, "x", 2], jobs=2, lost=lambda x, why: None,
                           skip=lambda x: isinstance(x, str)))
    assert out == [(1, 1), ("x", None), (2, 4)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_stopping_early_leaves_no_worker_behind(jobs):
    import multiprocessing

    before = set(multiprocessing.active_children())  # other tests' long-lived workers (API ingest)
    gen = ordered_map(_square_or_die, range(100), jobs=jobs, lost=lambda x, why: None)
    assert next(gen) == (0, 0)
    gen.close()
    assert set(multiprocessing.active_children()) - before == set()


def test_ctrl_c_inside_submit_lands_after_it_and_leaves_no_worker(monkeypatch):
    """A SIGINT that comes while the pool's ``submit`` runs (where a KeyboardInterrupt could leave the
    pool's queue lock held and the process hung at exit) is taken when ``submit`` has returned."""
    import multiprocessing
    import signal
    from concurrent.futures import ProcessPoolExecutor

    real, submitted = ProcessPoolExecutor.submit, []

    def submit(self, fn, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, right as the parent enters the pool
        fut = real(self, fn, *args, **kwargs)
        submitted.append(fut)
        return fut

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    before = set(multiprocessing.active_children())
    old = signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C as a CLI process has it
    try:
        with pytest.raises(KeyboardInterrupt):
            list(ordered_map(_square_or_die, range(8), jobs=2, lost=lambda x, why: None))
    finally:
        signal.signal(signal.SIGINT, old)
    assert len(submitted) == 1  # the submit the signal came in finished; nothing was submitted after it
    assert set(multiprocessing.active_children()) - before == set()
