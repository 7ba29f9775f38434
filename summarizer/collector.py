"""The garbage collector as the service runs it: young collections rarer, for work that makes no reference cycles."""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # container allocations between two young collections (CPython's default: 700)


def configure() -> None:
    """Raise the young generation's threshold to YOUNG_THRESHOLD (a process-wide setting, made once at
    start-up; a higher one already set is kept, the older generations' thresholds are left alone).

    Reading a sentence allocates hundreds of small containers (tokens, matches, spans, readings) that
    reference counting frees as soon as they are dropped: the offline engine makes no reference cycles
    (bench/offline_engine.py: no object collected over a run), so a young collection only walks objects
    that are still alive, and every tenth one the middle generation too. At CPython's 700 that cost about
    0.85 ms per article, 7% of the engine's time; at 50,000 about 0.1 ms. Cycles made elsewhere (asyncio,
    httpx) are still collected, later; 50,000 young objects are a few MiB at most."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, old)
