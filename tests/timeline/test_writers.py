"""Several stores on one database (as replicas are) writing at once keep one timeline: the happenings a full
merge of everything stored gives, none twice."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from summarizer.timeline.store import Store
from tests.postgres import PostgresServer
from tests.timeline.test_index import Spec, _full, _kept, _save


def _at_once(stores: list[Store], batches: list[list[Spec]]) -> None:
    """Each store saves its batch in its own thread, all starting together."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def write(store: Store, batch: list[Spec]) -> None:
        try:
            start.wait()
            for s in batch:
                _save(store, s)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=job) for job in zip(stores, batches, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_stores_writing_at_once_keep_the_timeline_a_full_merge_gives(tmp_path: Path) -> None:
    for rounds in range(8):  # reports of one strike arriving at three replicas at the same moment
        path = tmp_path / f"shared{rounds}.sqlite3"
        stores = [Store(path, clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC)) for _ in range(3)]
        specs = [Spec(n, "strike", "idlib", 0, 1, n % 2 == 0, n + rounds, 5, n, n) for n in range(3)]
        _at_once(stores, [[s] for s in specs])
        kept = _kept(stores[0])
        assert kept == _full(stores[0]) and all(_kept(s) == kept for s in stores[1:])
        assert sorted(r for h in kept for r in h["reports"]) == ["e_0", "e_1", "e_2"]  # type: ignore[attr-defined]
    # and a longer run: one place, a few days, every report a candidate for the happenings the others found
    path = tmp_path / "shared.sqlite3"
    stores = [Store(path, clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC)) for _ in range(3)]
    specs = [Spec(n, "strike", "idlib", n % 2, n % 3, n % 4 != 0, n, [5, 9, None][n % 3], n % 3, n % 3)
             for n in range(30)]  # fmt: skip
    _at_once(stores, [specs[k::3] for k in range(3)])
    kept = _kept(stores[0])
    assert kept == _full(stores[0]) and all(_kept(s) == kept for s in stores[1:])
    reports = [r for h in kept for r in h["reports"]]  # type: ignore[attr-defined]
    assert len(reports) == len(set(reports)) == len(specs)


def test_a_dropped_postgres_connection_is_replaced(postgres_server: PostgresServer, postgres_url: str) -> None:
    store = Store(postgres_url)
    _save(store, Spec(1, "strike", "idlib", 0, 1, True, 1, 5, 0, 0))

    def drop() -> None:  # what a database restart or a proxy's idle timeout does to the store's connection
        name = postgres_url.rsplit("/", 1)[1]
        ended = postgres_server.psql(
            f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        assert ended.strip() == "1"

    drop()
    assert store.count("events") == 1  # a read retries on a new connection
    drop()
    _save(store, Spec(2, "strike", "idlib", 0, 1, True, 2, 5, 1, 1))  # so does a write found dropped at BEGIN
    assert len(_kept(store)) >= 1 and store.count("events") == 2
    store.db.run("SELECT 1")
    with pytest.raises(DBAPIError), store.db.writing():  # lost mid-write: this write fails, nothing half-done
        drop()
        store.db.run("DELETE FROM events")
    assert store.count("events") == 2
    store.close()
