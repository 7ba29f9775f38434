"""CPU work off the event loop: a bounded pool of worker threads that reading, summarizing and merging use."""

from __future__ import annotations

import asyncio
import functools
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_workers = 2


SWITCH_INTERVAL = 0.001  # seconds; Python's default 0.005 lets a busy worker keep the loop waiting for the GIL


def configure(workers: int) -> None:
    """Size the pool (SUMMARIZER_CPU_WORKERS); a pool already running is replaced once its work is done.
    Also shortens the interpreter's thread switch interval, so the event loop gets the GIL back quickly
    from workers that hold it (a service-wide setting, made once at start-up)."""
    global _pool, _workers
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
    with _lock:
        old, _pool, _workers = _pool, None, workers
    if old is not None:
        old.shutdown(wait=False)


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=_workers, thread_name_prefix="summarizer-cpu")
        return _pool


async def run_cpu(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)`` in the worker pool: the event loop keeps answering (e.g. /health) meanwhile.
    At most ``workers`` calls run at once; the rest wait their turn in the pool's queue."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_executor(), functools.partial(fn, *args, **kwargs))
