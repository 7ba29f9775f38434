"""On SQLite the service's jobs write through the timeline store's own connection, so a job's progress does not
drop the store's page cache nor make the timeline pages it keeps warm stale (timeline/warm.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summarizer.config import load_settings
from summarizer.jobs.records import JobStore
from summarizer.services import build
from summarizer.timeline import query
from tests.timeline.test_index import Spec, _save


def test_a_jobs_write_leaves_the_kept_timeline_page_warm(tmp_path: Path) -> None:
    services = build(load_settings(data_dir=tmp_path))
    try:
        store, jobs = services.store, services.jobs
        assert isinstance(jobs, JobStore) and jobs._db is store.db and jobs._lock is store.lock
        for n in range(3):
            _save(store, Spec(n, "strike", "aleppo", 0, n, True, n, 5, 0, 0))
        aleppo = query.Query(region="aleppo")
        before, _ = query.happenings(store, aleppo)
        statements: list[str] = []
        store._db.set_trace_callback(statements.append)
        try:
            jobs.create("j1", owner="o", request="{}", callback_url=None, groups=[("g1", ["a1"])])
            assert any("INSERT INTO jobs" in s for s in statements)  # written on the store's connection
            statements.clear()
            after, _ = query.happenings(store, aleppo)
            assert statements == ["PRAGMA data_version"]  # the kept page is still good: no query
        finally:
            store._db.set_trace_callback(None)
        assert [h.model_dump() for h in after] == [h.model_dump() for h in before]
        assert jobs.get("j1") is not None
    finally:
        services.close()
    # the store closed the shared connection; a store of its own reopens the same file with the job in it
    alone = JobStore(tmp_path / "summarizer.sqlite3", clock=lambda: dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    try:
        assert alone.get("j1") is not None
    finally:
        alone.close()
