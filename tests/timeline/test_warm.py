"""Pages read lately are kept per database version, re-read by the writer after a save, and never served stale:
not after this store's saves, nor after another connection's (another process's) commits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summarizer.timeline import query, warm
from summarizer.timeline.store import Store
from tests.timeline.test_index import Spec, _article_and_group, _full, _kept, _save

CLOCK = dt.datetime(2024, 12, 5, tzinfo=dt.UTC)


def _rows(tag: str, n: int = 2, chars: int = 10) -> tuple[warm.Row, ...]:
    return tuple(("2024-11-27", f"{tag}{k}", "x" * chars) for k in range(n))


def test_pages_are_bounded_and_never_served_at_another_version() -> None:
    pages = warm.Pages(max_pages=3, max_chars=100)
    for k in range(4):
        pages.put((f"q{k}",), 1, _rows(f"r{k}"), (f"q{k}", {}))
    assert len(pages) == 3 and pages.get(("q0",), 1) is None  # the least recently read went first
    assert pages.get(("q1",), 1) == _rows("r1")
    assert pages.get(("q1",), 2) is None  # read at another state of the database: not served
    pages.put(("big",), 1, _rows("b", n=1, chars=101), ("big", {}))
    assert pages.get(("big",), 1) is None and len(pages) == 3  # larger than the whole budget: not kept
    pages.put(("wide",), 1, _rows("w", n=2, chars=45), ("wide", {}))  # 90 characters: the others make room
    assert pages.get(("wide",), 1) is not None and len(pages) == 1


def test_a_write_reads_again_the_pages_read_since_the_write_before_latest_first() -> None:
    pages = warm.Pages(refresh=2)
    for k in range(4):
        pages.put((f"q{k}",), 1, _rows(f"old{k}"), (f"q{k}", {"k": k}))
    pages.get(("q0",), 1)  # read last
    ran: list[str] = []

    def run(q: warm.Query) -> tuple[warm.Row, ...]:
        ran.append(q[0])
        return _rows(f"new{q[1]['k']}")

    assert pages.renew(2, run) == 2
    assert sorted(ran) == ["q0", "q3"]  # the two read latest; q1 and q2 are dropped
    assert pages.get(("q0",), 2) == _rows("new0") and pages.get(("q1",), 2) is None
    ran.clear()
    assert pages.renew(3, run) == 1 and ran == ["q0"]  # only q0 was read since the write before


def test_reads_see_what_another_store_on_the_same_database_committed(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    reader, writer = Store(path, clock=lambda: CLOCK), Store(path, clock=lambda: CLOCK)
    _save(reader, Spec(1, "strike", "idlib", 0, 1, True, 1, 5, 0, 0))
    first = _kept(reader)
    assert _kept(reader) == first and len(first) == 1  # a second read of the same page
    _save(writer, Spec(2, "strike", "aleppo", 0, 1, True, 1, 5, 0, 0))  # another connection commits
    assert len(_kept(reader)) == 2 and _kept(reader) == _full(reader) == _kept(writer)
    _save(writer, Spec(2, "strike", "aleppo", 0, 1, True, 1, 9, 0, 0), version=1)  # a correction there
    assert _kept(reader) == _full(reader) == _kept(writer)
    _save(reader, Spec(3, "strike", "idlib", 1, 3, True, 40, 7, 1, 1))  # and this store's own save
    assert _kept(reader) == _full(reader) == _kept(writer) and len(_kept(reader)) == 3


def test_the_first_read_after_a_save_finds_its_page_read_again(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3", clock=lambda: CLOCK)
    for n in range(4):
        _save(store, Spec(n, "strike", ["aleppo", "idlib"][n % 2], n % 2, n, True, n, 5, 0, 0))
    aleppo = query.Query(region="aleppo")
    query.happenings(store, aleppo)
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        article, group = _article_and_group(Spec(9, "strike", "aleppo", 1, 2, True, 2, 7, 1, 1))
        store.save([article], [group], engine="x", model="x", prompt_version=None)
        reread = [s for s in statements if "FROM happenings" in s and s.startswith("SELECT date, id")]
        assert len(reread) == 1 and "region = 'aleppo'" in reread[0]  # the writer read the page again
        statements.clear()
        found, _ = query.happenings(store, aleppo)
        assert statements == ["PRAGMA data_version"]  # and the reader ran no query for it
    finally:
        store._db.set_trace_callback(None)
    assert [h.model_dump() for h in found] == [
        h for h in _kept(Store(tmp_path / "s.sqlite3")) if h["region"] == "aleppo"
    ]
    assert any("e_9" in h.reports for h in found)
