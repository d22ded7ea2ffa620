"""Issue 17, item 3: does a WARC gzip bomb posted to ``/api/ingest`` stall other requests?

Starts ``newsledger serve`` (uvicorn, one process) on 127.0.0.1 over a fresh SQLite ledger,
measures ``GET /api/stats`` latency idle (the same-run baseline), then posts a gzipped WARC of
``--mb`` MB compressed whose one record inflates ~1000-fold (9.4 MB -> ~9.6 GB, the issue's
bomb) and measures the same GET while the ingest runs. Prints p50 / p95 / max latency of both,
the ingest's wall time and its answer. Loopback only; bounded by the server's limits (the CLI's:
2 GB decompressed per container, 60 s per document).

    python benchmarks/ingest_bomb.py            # 9.4 MB bomb
    python benchmarks/ingest_bomb.py --mb 2
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"


def bomb(compressed_mb: float) -> bytes:
    """A gzipped WARC response record of ~1000 × ``compressed_mb`` MB of "a": full flushes
    make each 1 MB block compress to the same bytes, so it is built by repetition, fast."""
    z = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = b"a" * (1 << 20)
    one = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    n = int(compressed_mb * (1 << 20) / len(one))
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            b"WARC-Record-ID: <urn:uuid:b0mb>\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" % (n << 20))
    start = z.compress(head) + z.flush(zlib.Z_FULL_FLUSH)
    assert z.compress(block) + z.flush(zlib.Z_FULL_FLUSH) == one
    gz_header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return gz_header + start + one * n + z.flush() + b"\0" * 8  # never read that far


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def latencies(client: httpx.Client, until, most: int = 2000) -> list[float]:
    out = []
    while not until() and len(out) < most:
        t = time.perf_counter()
        client.get("/api/stats").raise_for_status()
        out.append(time.perf_counter() - t)
    return out


def summary(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(0.95 * len(xs)))]
    return (f"n={len(xs)} p50={statistics.median(xs) * 1000:.1f} ms p95={p95 * 1000:.1f} ms "
            f"max={xs[-1] * 1000:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=9.4, help="compressed size of the bomb (MB)")
    args = ap.parse_args()
    data = bomb(args.mb)
    scratch = tempfile.TemporaryDirectory(prefix="bomb-")  # the server's ledger, removed at the end
    tmp = scratch.name
    port = free_port()
    env = dict(os.environ, NEWSLEDGER_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    server = subprocess.Popen([sys.executable, "-m", "newsledger.cli", "serve", "--db", f"{tmp}/l.db",
                               "--port", str(port)], env=env, cwd=ROOT)
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
        for _ in range(600):  # up when it answers
            try:
                client.get("/api/stats")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        warm = client.post("/api/ingest", json={"url": "https://w.example/1", "text": "Warm up.\n\n"
                           "The mayor said on Monday that 300 homes were flooded."},
                           headers={"Authorization": f"Bearer {TOKEN}"})  # the worker's models load
        print(f"warm-up ingest: {warm.status_code}")
        t0 = time.perf_counter()
        idle = latencies(client, lambda: time.perf_counter() - t0 > 5)
        answer: dict = {}

        def post():
            t = time.perf_counter()
            r = httpx.post(f"http://127.0.0.1:{port}/api/ingest", files={"file": ("crawl.warc.gz", data)},
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=900)
            answer.update(status=r.status_code, body=r.text[:300], seconds=time.perf_counter() - t)

        poster = threading.Thread(target=post)
        poster.start()
        busy = latencies(client, lambda: not poster.is_alive(), most=100_000)
        poster.join()
        print(f"bomb: {len(data) / 2**20:.1f} MB compressed, ~{len(data) * 1000 / 2**30:.1f} GB inflated")
        print(f"GET /api/stats idle:            {summary(idle)}")
        print(f"GET /api/stats during the bomb: {summary(busy)}")
        print(f"ingest: {answer.get('status')} in {answer.get('seconds', 0):.1f} s: {answer.get('body')}")
    finally:
        server.terminate()
        server.wait(30)
        scratch.cleanup()


if __name__ == "__main__":
    main()
