"""The evaluation log: one JSON line per scored run of a held-out or test split, so that how
often a test set was read is on record (``docs/evaluation-log.jsonl``).

Each line: ``date`` (UTC, ISO 8601), ``commit`` (``git rev-parse HEAD`` of the checkout, or
"unknown"), ``benchmark``, ``split``, ``command`` and ``result`` (the headline figures). Lines
reconstructed from the history carry a ``note``. ``python -m newsledger.evaluate.evallog``
prints the log as the Markdown table of docs/EVALUATION.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "docs" / "evaluation-log.jsonl"


def log_path() -> Path:
    """``NEWSLEDGER_EVAL_LOG`` or ``docs/evaluation-log.jsonl`` of this checkout."""
    return Path(os.environ.get("NEWSLEDGER_EVAL_LOG") or LOG)


def current_commit(cwd: Optional[Path] = None) -> str:
    """The checked-out commit, or "unknown" outside a git checkout (or without git)."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=cwd or ROOT, capture_output=True,
                             text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    sha = out.stdout.strip()
    return sha if out.returncode == 0 and len(sha) == 40 else "unknown"


def record(benchmark: str, split: str, result: dict, command: str) -> dict:
    """Append one scored run to the log and return the entry."""
    entry = {"date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
             "commit": current_commit(), "benchmark": benchmark, "split": split,
             "command": command, "result": result}
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return entry


def record_test_run(benchmark: str, result: dict, prog: str, args: list[str]) -> str:
    """Record a scored run of ``benchmark``'s test split (the command: ``prog`` and its
    ``args``) and return the line that says so."""
    entry = record(benchmark, "test", result, " ".join([prog, *args]))
    return f"test run {runs(benchmark, 'test')} recorded in {log_path()} ({entry['commit'][:7]})"


def read(path: Optional[Path] = None) -> list[dict]:
    """The entries of the log, oldest first."""
    p = path or log_path()
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


HEADLINE = ("system", "cs_overlap_F1", "c_exact_F1", "goals_0.72_0.60")  # the table's columns, where present


def _figures(result: dict) -> str:
    keys = [k for k in HEADLINE if k in result] or list(result)
    return "; ".join(f"{k} {result[k]}" for k in keys if not isinstance(result[k], (dict, list)))


def table(entries: list[dict]) -> str:
    """The log as a Markdown table, with each benchmark/split's run number."""
    seen: dict = {}
    lines = ["| # | benchmark | split | date (UTC) | commit | result | how recorded |", "|---|---|---|---|---|---|---|"]
    for e in entries:
        key = (e["benchmark"], e["split"])
        seen[key] = seen.get(key, 0) + 1
        lines.append(f"| {seen[key]} | {e['benchmark']} | {e['split']} | {e['date'][:16].replace('T', ' ')} | "
                     f"`{e['commit'][:7]}` | {_figures(e['result'])} | {e.get('note') or 'recorded by the run'} |")
    return "\n".join(lines)


def runs(benchmark: str, split: str, entries: Optional[list[dict]] = None) -> int:
    """How many scored runs of ``benchmark``/``split`` the log holds."""
    return sum(1 for e in (entries if entries is not None else read())
               if e["benchmark"] == benchmark and e["split"] == split)


def main(argv: Optional[list[str]] = None) -> int:
    print(table(read()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
