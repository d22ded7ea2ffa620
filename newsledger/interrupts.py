"""Ctrl-C and SIGTERM held back while the main thread is inside code that must not be cut half-way.

Python raises ``KeyboardInterrupt`` at whatever bytecode the main thread is running when the signal
comes. Inside a lock-guarded section of the standard library -- ``queue.Queue.put`` in
``ProcessPoolExecutor.submit``, the condition of ``Future.result`` -- it can land after the lock is
taken and before the ``with`` block that releases it has begun: the lock stays held, the executor's
manager thread waits on it for ever, and the process never exits (an interrupted ``newsledger ingest
--jobs 2`` hung so in tests/test_reliability.py). Likewise a ledger transaction cut half-way keeps the
write lock. :func:`deferred` records the signals that arrive during its block and delivers them, to the
handlers that were there before, when the block ends.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done. Off the main thread (where handlers cannot be
    set) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    olds = {sig: signal.signal(sig, lambda n, _f: caught.append(n)) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in olds.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)
        for sig in dict.fromkeys(caught):
            signal.raise_signal(sig)
