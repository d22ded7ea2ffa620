"""``POST /api/ingest`` off the event loop, under the CLI's per-document limits.

The event loop only counts the body's bytes as they arrive (413 once past the cap, whether or
not a ``Content-Length`` was sent; nothing is spooled to disk); a thread splits a multipart body
in memory. Everything the upload can make expensive (gzip, WARC, JSON, extraction, analysis) runs
in a **child process**, the ingest worker, through the same read path as the CLI
(:func:`newsledger.read.read_bytes`, then :func:`newsledger.pipeline.process`).

Why a child process: the CLI's per-document time and memory limits are a SIGALRM watchdog,
which only works in a process's main thread; the server's worker threads would run a hostile
page with no limit at all, and a thread cannot be stopped from outside. The worker's main
thread runs every document under the CLI's limits (time, memory, decompressed size, nesting
depth), so a limit hit is the same one-line failure as on the command line. One worker,
started on the first ingest and kept warm (the models load once), serves one request at a
time; waiting requests hold no server thread. A backstop that needs no signal: a worker that
sends nothing for ``3 × timeout + 30`` seconds (stuck in C code, say) is killed, the request
gets a one-line failure, and the next request starts a fresh worker; so does a worker that
died. The server stores what the worker sends (a transaction per batch) and links it.
"""
from __future__ import annotations

import asyncio
import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import anyio
from fastapi import HTTPException, Request

TOO_LARGE = "page over the size limit"
BODY_SLACK = 64 * 1024  # multipart headers and boundaries, JSON quoting, on top of a page
MAX_PARTS = 10
_BODY_REFUSALS = ("invalid JSON", "body is not a JSON object", 'no "html" or "text" field')


@dataclass(frozen=True)
class IngestLimits:
    """The CLI's defaults: ``newsledger ingest`` with no options."""

    timeout: float = field(default_factory=lambda: _pipeline().DEFAULT_TIMEOUT_S)
    max_memory_mb: float = field(default_factory=lambda: _pipeline().DEFAULT_MAX_MEMORY_MB)
    max_page_bytes: int = field(default_factory=lambda: _read_limits().max_page_bytes)
    max_file_bytes: int = field(default_factory=lambda: _read_limits().max_file_bytes)
    analyze: bool = True
    no_progress_s: Optional[float] = None  # None: 3 × timeout + 30

    @property
    def silence_s(self) -> float:
        """How long the worker may send nothing before it is killed: reading, extracting and
        analysing one document may each take ``timeout``."""
        return self.no_progress_s or 3 * self.timeout + 30


def _pipeline():
    from newsledger import pipeline

    return pipeline


def _read_limits():
    from newsledger.read import Limits

    return Limits()


@dataclass
class Job:
    """One request's input, as the worker reads it."""

    raw: bytes
    given: str  # names the input in failure lines
    limits: IngestLimits
    name: str = ""  # the upload's file name (its extension says how to read it)
    kind: Optional[str] = None  # "object": the JSON body {"url", "html" | "text"}
    url: Optional[str] = None


def limits_of(app) -> IngestLimits:
    """The app's ingest limits (``app.state.ingest_limits``), else the CLI's."""
    got = getattr(app.state, "ingest_limits", None)
    if got is None:
        got = app.state.ingest_limits = IngestLimits()
    return got


# ---------------------------------------------------------------- the request (event loop)


async def ingest_request(request: Request) -> dict:
    """Read the body, have the worker process it, store and link; the IngestResult dict."""
    limits = limits_of(request.app)
    job = await _job(request, limits)
    return await anyio.to_thread.run_sync(_run, request.app.state, job, limiter=_one_at_a_time())


_LIMITERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _one_at_a_time() -> anyio.CapacityLimiter:
    """One ingest at a time per event loop; the others wait without holding a thread."""
    loop = asyncio.get_running_loop()
    limiter = _LIMITERS.get(loop)
    if limiter is None:
        limiter = _LIMITERS[loop] = anyio.CapacityLimiter(1)
    return limiter


async def read_body(request: Request, cap: int) -> bytes:
    """The body, counted as it arrives: 413 as soon as it passes ``cap`` bytes (a declared
    ``Content-Length`` over the cap is refused before reading). Held in memory, never on disk."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, TOO_LARGE)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise HTTPException(413, TOO_LARGE)
    return bytes(body)


async def _job(request: Request, limits: IngestLimits) -> Job:
    ctype = request.headers.get("content-type", "")
    mtype = ctype.split(";")[0].strip().lower()
    if mtype not in ("multipart/form-data", "application/json", "") and not mtype.endswith("+json"):
        raise HTTPException(415, "send multipart/form-data with a file, or JSON")
    body = await read_body(request, limits.max_page_bytes + BODY_SLACK)
    if mtype != "multipart/form-data":
        return Job(raw=body, given="api", limits=limits, kind="object")
    name, raw, url = await anyio.to_thread.run_sync(split_multipart, body, ctype)  # 10 MB: not on the loop
    if len(raw) > limits.max_page_bytes:
        raise HTTPException(413, TOO_LARGE)
    return Job(raw=raw, given=f"upload:{name}" + (f"#{url}" if url else ""), limits=limits,
               name=name, url=url)


class _Parts:
    """python-multipart callbacks that keep each part's headers and bytes in memory."""

    def __init__(self):
        self.parts: list[dict] = []
        self._field = self._value = b""

    def on_part_begin(self):
        if len(self.parts) >= MAX_PARTS:
            raise HTTPException(422, f"multipart body with more than {MAX_PARTS} parts")
        self.parts.append({"headers": {}, "data": bytearray()})

    def on_header_field(self, data, start, end):
        self._field += data[start:end]

    def on_header_value(self, data, start, end):
        self._value += data[start:end]

    def on_header_end(self):
        self.parts[-1]["headers"][self._field.strip().lower()] = self._value.strip()
        self._field = self._value = b""

    def on_part_data(self, data, start, end):
        self.parts[-1]["data"] += data[start:end]

    def callbacks(self) -> dict:
        return {name: getattr(self, name) for name in ("on_part_begin", "on_header_field",
                                                       "on_header_value", "on_header_end",
                                                       "on_part_data")}


def split_multipart(body: bytes, content_type: str) -> tuple[str, bytes, Optional[str]]:
    """``(file name, file bytes, url field)`` of a multipart body held in memory."""
    from python_multipart.exceptions import MultipartParseError
    from python_multipart.multipart import MultipartParser, parse_options_header

    boundary = parse_options_header(content_type)[1].get(b"boundary")
    if not boundary:
        raise HTTPException(422, "multipart body without a boundary")
    parts = _Parts()
    try:
        parser = MultipartParser(boundary, parts.callbacks())
        parser.write(body)
        parser.finalize()
    except MultipartParseError:
        raise HTTPException(422, "malformed multipart body") from None
    upload, url = None, None
    for part in parts.parts:
        options = parse_options_header(part["headers"].get(b"content-disposition"))[1]
        field_name = options.get(b"name", b"")
        if field_name == b"file" and b"filename" in options and upload is None:
            upload = (options[b"filename"].decode("utf-8", "replace") or "upload", bytes(part["data"]))
        elif field_name == b"url" and b"filename" not in options:
            url = bytes(part["data"]).decode("utf-8", "replace").strip() or None
    if upload is None:
        raise HTTPException(422, 'multipart body needs a "file" part')
    return upload[0], upload[1], url


# ---------------------------------------------------------------- store and link (a thread)


def _run(state, job: Job) -> dict:
    from newsledger.pipeline import StoreError, store

    with state.write_lock:
        results = worker().results(job)
        if job.kind == "object":  # the body is the one document: its refusal is the request's
            results = list(results)
            _refuse_body(results)
        try:
            report = store(results, state.ledger)
        except StoreError as e:
            raise HTTPException(503, str(e).split("; fix that")[0]) from None
        _link(state.ledger, report.ids)
    state.links.invalidate()
    return {"new": report.new, "duplicate": report.duplicate, "failed": report.failed,
            "ids": list(report.ids), "failures": [str(f) for f in report.failures]}


def _refuse_body(results: list) -> None:
    from newsledger.model import Failure

    if len(results) == 1 and isinstance(results[0][0], Failure):
        reason = results[0][0].reason
        if reason == TOO_LARGE:
            raise HTTPException(413, TOO_LARGE)
        if reason.startswith(_BODY_REFUSALS):
            raise HTTPException(422, f"JSON body refused: {reason}")


def _link(ledger, ids: list) -> None:
    """Link what this request stored, and (as the CLI does) what an ingest stopped between
    storing and linking left behind."""
    try:
        from newsledger.link import link_new, unlinked_ids

        ids = list(dict.fromkeys(ids + unlinked_ids(ledger)))
        if ids:
            link_new(ledger, ids)
    except Exception as e:  # the articles are stored; the next ingest links them
        import logging

        logging.getLogger("newsledger.serve").warning("linking after ingest failed (%s)",
                                                      e.__class__.__name__)


# ---------------------------------------------------------------- the worker (server side)


_HEADER = struct.Struct(">Q")


class WorkerGone(Exception):
    """The worker exited, or sent nothing for too long and was killed."""


class _Stalled(WorkerGone):
    """The worker sent nothing for too long (the caller kills it)."""


def _read_exactly(proc: subprocess.Popen, fd: int, n: int, silence_s: float) -> bytes:
    """``n`` bytes from the worker's stdout; _Stalled when nothing comes for ``silence_s``,
    WorkerGone when the worker exits first."""
    got = bytearray()
    while len(got) < n:
        ready, _, _ = select.select([fd], [], [], silence_s)
        if not ready:
            raise _Stalled(f"ingest stopped: no progress in {silence_s:g} s")
        chunk = os.read(fd, min(n - len(got), 1 << 20))
        if not chunk:
            code = proc.wait()
            raise WorkerGone(f"the ingest worker stopped (exit status {code}) while reading this input")
        got += chunk
    return bytes(got)


def _read_message(proc: subprocess.Popen, silence_s: float) -> tuple:
    """The worker's next message: a length header, then the pickled tuple."""
    fd = proc.stdout.fileno()
    size = _HEADER.unpack(_read_exactly(proc, fd, _HEADER.size, silence_s))[0]
    return pickle.loads(_read_exactly(proc, fd, size, silence_s))


def _end(proc: subprocess.Popen) -> None:
    """Kill the worker if it still runs, reap it and close its pipes."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for f in (proc.stdin, proc.stdout):
        try:
            f.close()
        except OSError:
            pass


class Worker:
    """The ingest child process, seen from the server: one job at a time."""

    def __init__(self):
        self._proc: Optional[subprocess.Popen] = None
        self._lock = threading.Lock()

    def results(self, job: Job) -> Iterator[tuple]:
        """``(article or failure, document)`` pairs for ``job``, as the worker sends them; a
        worker that dies or stalls ends them with one Failure naming the input."""
        from newsledger.model import Failure

        with self._lock:
            finished = False
            try:
                proc = self._send(job)
                while True:
                    message = self._message(proc, job.limits.silence_s)
                    if message[0] == "done":
                        finished = True
                        return
                    if message[0] == "result":
                        yield message[1], message[2]
            except WorkerGone as e:
                yield Failure(job.given, f"{e}; the rest of this input is skipped"), None
            finally:
                if not finished:  # stopped midway (or by our caller): start afresh next time
                    self.stop()

    def _send(self, job: Job) -> subprocess.Popen:
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        for attempt in (1, 2):  # a worker that exited since the last job is started again
            proc = self._started()
            try:
                proc.stdin.write(_HEADER.pack(len(data)) + data)
                proc.stdin.flush()
                return proc
            except (BrokenPipeError, OSError):
                self.stop()
        raise WorkerGone("the ingest worker could not be started")

    def _started(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            self.stop()
            self._proc = _spawn()
        return self._proc

    def _message(self, proc: subprocess.Popen, silence_s: float) -> tuple:
        """The worker's next message; a worker silent for ``silence_s`` is killed first."""
        try:
            return _read_message(proc, silence_s)
        except _Stalled:
            self.stop()
            raise

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            _end(proc)

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None


def _spawn() -> subprocess.Popen:
    root = str(Path(__file__).resolve().parents[2])  # this newsledger, whatever the cwd
    secrets = ("NEWSLEDGER_TOKEN", "NEWSLEDGER_DB")  # the worker needs neither
    env = {k: v for k, v in os.environ.items() if k not in secrets}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, "-c", "from newsledger.serve.ingest import child_main; child_main()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env,
        start_new_session=True)  # Ctrl-C at the terminal stops the server; the worker sees EOF


_WORKER: list[Worker] = []


def worker() -> Worker:
    """The process's one ingest worker (started on first use, stopped at exit)."""
    if not _WORKER:
        _WORKER.append(Worker())
        atexit.register(_WORKER[0].stop)
    return _WORKER[0]


# ---------------------------------------------------------------- the worker (child side)


def child_main() -> None:
    """The worker's loop: a job in on stdin, its results out, until stdin closes."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library's print() goes to the log, not into the results
    jobs = sys.stdin.buffer
    while True:
        head = jobs.read(_HEADER.size)
        if len(head) < _HEADER.size:
            return
        size = _HEADER.unpack(head)[0]
        data = jobs.read(size)
        if len(data) < size:  # the server went away mid-job
            return
        job = pickle.loads(data)
        _do(job, lambda *message: _put(out, message))


def _put(out, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def _do(job: Job, send) -> None:
    """Read, extract and analyse ``job`` as ``newsledger ingest`` would (its limits, in this
    process's main thread), sending a tick per document and each result."""
    from newsledger.model import Failure
    from newsledger.pipeline import first_line, process
    from newsledger.read import Limits, read_bytes

    lim = job.limits
    items = read_bytes(job.raw, job.given, Limits(lim.max_page_bytes, lim.max_file_bytes),
                       name=job.name, kind=job.kind, url=job.url)
    try:
        for result, doc in process(items, analyze=lim.analyze, timeout=lim.timeout,
                                   max_memory_mb=lim.max_memory_mb, on_item=lambda: send("tick")):
            send("result", result, doc)
    except Exception as e:  # a bug on odd input costs this request only
        send("result", Failure(job.given, f"ingest failed ({first_line(e)})"), None)
    send("done")


__all__ = ["IngestLimits", "Job", "Worker", "child_main", "ingest_request", "limits_of",
           "read_body", "split_multipart", "worker"]
