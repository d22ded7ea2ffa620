"""Worker processes for the per-document work of ``analyze`` / ``ingest`` (``--jobs N``).

The parent reads the input (in order, under the per-document limits) and hands each document
to a pool of forked processes; results come back **in input order**, so the output with
``--jobs 2`` is the output with ``--jobs 1``. The models are loaded once, in the parent, before
the pool forks, so every worker shares them (copy-on-write) instead of loading its own. Each
worker runs a document in its main thread, where the per-document time and memory watchdog
(:func:`newsledger.pipeline.time_limit`, SIGALRM) works as it does in a single process: no
thread or process per document. At most ``jobs * WINDOW_PER_JOB`` documents are in flight,
so memory stays bounded whatever the input's size. A worker that dies (killed, out of memory)
breaks the pool: the documents in flight are run again, one at a time in a fresh pool, and the
one whose worker dies again gets a one-line failure; the rest go through.
Ctrl-C is the parent's to handle: workers ignore SIGINT, and the pool is stopped when the
caller stops reading results; a parent killed outright (SIGKILL) takes its workers with it. The
parent takes Ctrl-C only between its calls into the pool, never inside one
(:func:`newsledger.interrupts.deferred`): a ``KeyboardInterrupt`` inside ``submit`` or a
future's wait could leave the pool's locks held and the process hung at exit.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as WaitTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from newsledger.interrupts import deferred

T = TypeVar("T")
R = TypeVar("R")

WINDOW_PER_JOB = 4  # documents queued per worker: enough to keep it busy, few enough to stay small
WAIT_SLICE_S = 0.2  # a wait for a result is cut in slices this long; Ctrl-C is taken between them


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_PR_SET_PDEATHSIG = 1  # Linux prctl option: the signal a process gets when its parent dies


def _child_init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the batch, not each worker
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Have Linux kill this worker when its parent dies. A ``kill -9`` of ``newsledger ingest`` gives
    the workers no word: without this they were left waiting for work that never comes, each with the
    models' memory (tests/test_reliability.py's SIGKILL test found four after one kill). A no-op where
    ``prctl`` is missing (not Linux)."""
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)


def _pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing

    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_child_init,
                               initargs=(os.getpid(),))


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int,
                lost: Callable[[T, str], R], skip: Optional[Callable[[T], bool]] = None
                ) -> Iterator[tuple[T, R]]:
    """``(item, fn(item))`` for every item, in input order, ``fn`` running in ``jobs`` forked
    processes. Items for which ``skip(item)`` is true are passed through as ``(item, None)``
    without a worker. ``lost(item, reason)`` is the result for an item whose worker died."""
    window = max(1, jobs) * WINDOW_PER_JOB
    pending: deque[tuple[T, Optional[Future]]] = deque()
    pool = _pool(jobs)
    it = iter(items)
    exhausted = finished = False
    try:
        while pending or not exhausted:
            while not exhausted and len(pending) < window:
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                if skip is not None and skip(item):
                    pending.append((item, None))
                else:
                    pool, fut = _submit(pool, jobs, fn, item)
                    pending.append((item, fut))
            if not pending:
                break
            item, fut = pending.popleft()
            if fut is None:
                yield item, None
                continue
            try:
                result = _result(fut)
            except BrokenProcessPool:  # some worker died: this item may not be the cause
                pool, result = _retry_alone(pool, jobs, fn, item, lost)
            yield item, result
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C or the caller stopped reading: drop what is queued, stop the workers now
            with deferred():
                _stop_workers(pool)


def _submit(pool: ProcessPoolExecutor, jobs: int, fn, item) -> tuple[ProcessPoolExecutor, Future]:
    with deferred():
        try:
            return pool, pool.submit(fn, item)
        except BrokenProcessPool:  # a worker died earlier: start a fresh pool for the rest
            _stop_workers(pool)
            pool = _pool(jobs)
            return pool, pool.submit(fn, item)


def _result(fut: Future):
    """``fut.result()``, waited for in slices of :data:`WAIT_SLICE_S` with Ctrl-C taken only between
    them, never inside the future's lock."""
    while True:
        with deferred():
            try:
                return fut.result(timeout=WAIT_SLICE_S)
            except WaitTimeout:
                pass


def _retry_alone(pool: ProcessPoolExecutor, jobs: int, fn, item, lost):
    """Run ``item`` again in a fresh pool and wait for it alone: if its worker dies again, it
    is the cause, and only it is lost."""
    _stop_workers(pool)
    pool = _pool(jobs)
    try:
        with deferred():
            fut = pool.submit(fn, item)
        return pool, _result(fut)
    except BrokenProcessPool:
        _stop_workers(pool)
        return _pool(jobs), lost(item, "a worker process died while handling it")


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())  # gone after shutdown()
    manager = getattr(pool, "_executor_manager_thread", None)  # likewise
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
    for proc in procs:  # a worker SIGTERM did not stop (caught before its initializer ran): kill it
        if proc.is_alive():
            proc.kill()
            proc.join(timeout=5)
    # the pool's manager thread reaps the workers it sees die, racing the joins above (the join
    # whose waitpid loses returns with no exit status yet): wait for it, then every worker has one
    if manager is not None:
        manager.join(timeout=10)
    for proc in procs:
        proc.join(timeout=5)
