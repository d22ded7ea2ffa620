"""The CLI's listing commands on the sample corpus: ``--format table`` fits the terminal's width
with ids whole on one line (long text cut with …); ``json``, ``jsonl`` and ``csv`` carry the
same items; an unknown format is one line."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
COMMANDS = (["copies"], ["conflicts"], ["stories"], ["claims"], ["search", "dam"])


def run(*args, columns: int = 80):
    env = dict(os.environ, COLUMNS=str(columns))
    return subprocess.run([sys.executable, "-m", "newsledger.cli", *args], capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "ledger.db")
    r = run("ingest", str(CORPUS), "--db", path)
    assert r.returncode == 0, r.stderr
    return path


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_table_fits_and_keeps_ids_whole(db, cmd):
    r = run(*cmd, "--db", db)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) > 3 and max(len(line) for line in lines) <= 80
    body = [line for line in lines if line.startswith("│")]
    ids = [re.findall(r"\b(?:[0-9a-f]{16}(?:-\d+)?|[cqs]-[0-9a-f]{10,12})\b", line) for line in body]
    assert all(ids), "every row shows its id whole"
    widths = {len(line) for line in body}
    assert len(widths) == 1  # one line a row: nothing wraps
    assert any("…" in line for line in body)  # long text is cut, not wrapped


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_json_jsonl_and_csv_agree(db, cmd):
    as_json = json.loads(run(*cmd, "--db", db, "--format", "json").stdout)
    as_jsonl = [json.loads(line) for line in run(*cmd, "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert as_json and as_json == as_jsonl
    rows = list(csv.DictReader(io.StringIO(run(*cmd, "--db", db, "--format", "csv").stdout)))
    assert rows and len(rows) >= len(as_json)  # csv: one row per member of a group


def test_unknown_format_is_one_line(db):
    r = run("copies", "--db", db, "--format", "xml")
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "xml" in r.stderr
