"""Hostile load (issue 17): 10 clients send the worst queries of the security review while 10
normal clients read the sample ledger, against ``newsledger serve`` on loopback, with the
ledger on SQLite and (where NEWSLEDGER_TEST_PG is set) on PostgreSQL.

Bounded (a fixed number of requests per client) and independent of the machine's speed: it
asserts what each request got, never how fast. The latency figure is printed by
``benchmarks/hostile_load.py``.
"""
from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest
from throwaway_db import throwaway_ledger  # tests/throwaway_db.py

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("hostile_load", ROOT / "benchmarks" / "hostile_load.py")
hostile_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile_load)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    with throwaway_ledger(request.param, tmp_path_factory) as db:
        assert hostile_load.build_sample_ledger(db) == 29
        log = tmp_path_factory.mktemp("serve") / "stderr.log"
        proc, base = hostile_load.start_server(db, log=log)
        try:
            yield base, hostile_load.normal_urls(db), log
        finally:
            hostile_load.stop_server(proc)


def test_normal_readers_are_served_while_hostile_clients_attack(server):
    base, normal, log = server
    got = asyncio.run(hostile_load.drive(base, normal, n_normal=10, n_hostile=10, requests=8))
    assert len(got["normal"]) == 80 and len(got["hostile"]) == 80
    not_ok = [(url, status) for url, status, _ in got["normal"] if status != 200]
    assert not not_ok, not_ok[:5]
    allowed = hostile_load.ANSWERED_OK | {hostile_load.LEFT}
    odd = [(url, status) for url, status, _ in got["hostile"] if status not in allowed]
    assert not odd, odd[:5]
    answered = {status for _, status, _ in got["hostile"]}
    assert 422 in answered and 200 in answered  # refused what it must, answered what it may
    after = asyncio.run(hostile_load.drive(base, ["/", "/api/search?q=flood"], 1, 0, 2))["normal"]
    assert [status for _, status, _ in after] == [200, 200]
    assert "Traceback" not in log.read_text(errors="replace")  # no request was a server error
