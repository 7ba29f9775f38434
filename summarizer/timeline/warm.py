"""Timeline pages read lately, kept for the database version they were read at and re-read by the writer after
each save, so that the first read after a post finds its page as warm as a second read would (one per Store)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

Row = tuple[str, str, str]  # (date, id, JSON) as Store.happenings gives them
Key = tuple[Hashable, ...]  # the statement and its parameters
Query = tuple[str, dict[str, object]]  # the statement and its parameters, to run again

MAX_PAGES = 64
MAX_CHARS = 4_000_000  # of JSON held in all (about 4-8 MB); a larger page is served but not kept
REFRESH = 8  # pages a save reads again at most: those read since the save before, latest first


@dataclass
class _Page:
    version: Hashable
    rows: tuple[Row, ...]
    query: Query
    chars: int
    read: bool  # read since the last save


def size(rows: tuple[Row, ...]) -> int:
    return sum(len(r[2]) for r in rows)


class Pages:
    """Bounded (MAX_PAGES pages, MAX_CHARS characters): least recently read go first. Not thread-safe: the
    Store calls it under its lock. ``version`` names the database's state: a page read at another is never
    served."""

    def __init__(
        self, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS, refresh: int = REFRESH
    ) -> None:
        self.max_pages, self.max_chars, self.refresh = max_pages, max_chars, refresh
        self._held: OrderedDict[Key, _Page] = OrderedDict()
        self._chars = 0

    def __len__(self) -> int:
        return len(self._held)

    def get(self, key: Key, version: Hashable) -> tuple[Row, ...] | None:
        page = self._held.get(key)
        if page is None or page.version != version:
            return None
        page.read = True
        self._held.move_to_end(key)
        return page.rows

    def put(self, key: Key, version: Hashable, rows: tuple[Row, ...], query: Query) -> None:
        chars = size(rows)
        self._drop(key)
        if chars > self.max_chars:
            return
        self._held[key] = _Page(version, rows, query, chars, read=True)
        self._chars += chars
        while len(self._held) > self.max_pages or self._chars > self.max_chars:
            self._drop(next(iter(self._held)))

    def renew(self, version: Hashable, run: Callable[[Query], tuple[Row, ...]]) -> int:
        """After a write: the pages read since the write before (at most ``refresh``, latest first) read again
        with ``run`` at the new ``version``; every other page is dropped. How many were read again."""
        hot = [(k, p.query) for k, p in reversed(self._held.items()) if p.read][: self.refresh]
        self._held.clear()
        self._chars = 0
        for key, query in reversed(hot):  # oldest first, so the latest stays the most recently used
            self.put(key, version, run(query), query)
            if key in self._held:
                self._held[key].read = False
        return len(hot)

    def _drop(self, key: Key) -> None:
        page = self._held.pop(key, None)
        if page is not None:
            self._chars -= page.chars
