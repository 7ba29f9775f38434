"""Bounded memos for the readers: one sentence is read by the grouping, the engine and the renderer in turn."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def per_text(maxsize: int = 4096) -> Callable[[Callable[P, list[T]]], Callable[P, list[T]]]:
    """Memoise a reader that returns a list of frozen matches, a pure function of its (hashable) arguments
    and of data loaded once. The memo keeps a tuple, each caller gets its own list; at most ``maxsize``
    entries, least recently used dropped (lru_cache: thread-safe)."""

    def decorate(read: Callable[P, list[T]]) -> Callable[P, list[T]]:
        @lru_cache(maxsize=maxsize)
        def kept(*args: P.args, **kwargs: P.kwargs) -> tuple[T, ...]:
            return tuple(read(*args, **kwargs))

        @wraps(read)
        def reader(*args: P.args, **kwargs: P.kwargs) -> list[T]:
            return list(kept(*args, **kwargs))  # type: ignore[arg-type]  # hashable: lru_cache raises if not

        return reader

    return decorate
