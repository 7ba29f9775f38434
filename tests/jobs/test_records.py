"""Finished jobs are forgotten once the retention period has passed since their own finish, as the job store's
clock and the database tell it: never unfinished jobs, never a job whose callback is still to be tried."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from summarizer.config import Settings
from summarizer.jobs.records import JobStore
from summarizer.jobs.runner import forget_old
from summarizer.timeline.db import _alembic, engine_url

T0 = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
WEEK = dt.timedelta(days=7)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _job(jobs: JobStore, clock: Clock, job_id: str, *, callback: bool = False) -> None:
    jobs.create(job_id, owner="", request="{}", callback_url="https://hooks.example/in" if callback else None,
                groups=[("g1", ["a1"]), ("g2", ["a2"])])  # fmt: skip


def _finish(jobs: JobStore, clock: Clock, job_id: str, at: dt.datetime) -> None:
    clock.now = at
    jobs.start(job_id)
    for position in (0, 1):
        assert jobs.finish_group(job_id, position, result="{}", error=None)
    assert jobs.finish(job_id, "done", result="{}", error=None)


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "s.sqlite3"
    url: str = request.getfixturevalue("postgres_url")
    return url


def test_finished_jobs_are_forgotten_a_retention_after_their_own_finish(target: Path | str) -> None:
    clock = Clock()
    jobs = JobStore(target, clock=clock)
    for job_id in ("early", "late", "running", "pending-callback", "delivered", "created-long-ago"):
        clock.now = T0 - dt.timedelta(days=30) if job_id == "created-long-ago" else T0
        _job(jobs, clock, job_id, callback=job_id in ("pending-callback", "delivered"))
    _finish(jobs, clock, "early", T0)
    _finish(jobs, clock, "pending-callback", T0)
    _finish(jobs, clock, "delivered", T0)
    _finish(jobs, clock, "late", T0 + dt.timedelta(days=3))
    _finish(jobs, clock, "created-long-ago", T0 + dt.timedelta(days=5))
    clock.now = T0 + dt.timedelta(days=6)
    jobs.callback_tried("delivered", "delivered", 1, None)  # a later update does not move its finish
    jobs.start("running")

    clock.now = T0 + WEEK - dt.timedelta(minutes=1)
    assert jobs.forget_finished(WEEK) == 0  # not yet a week since anything finished
    # a clock in another zone is the same moment: finish times compare as UTC
    clock.now = (T0 + WEEK + dt.timedelta(minutes=1)).astimezone(dt.timezone(dt.timedelta(hours=3)))
    assert jobs.forget_finished(WEEK) == 2
    assert jobs.get("early") is None and jobs.get("delivered") is None
    kept = {"late", "running", "pending-callback", "created-long-ago"}
    assert all(jobs.get(j) is not None for j in kept)
    assert jobs._run("SELECT COUNT(*) FROM job_groups").fetchone()[0] == 2 * len(kept)  # the groups went too

    clock.now = T0 + dt.timedelta(days=12, minutes=1)  # the runner's call, with the setting's days
    asyncio.run(forget_old(jobs, Settings(job_retention_days=7)))
    assert {j for j in kept if jobs.get(j) is not None} == {"running", "pending-callback"}
    jobs.close()


def test_jobs_finished_before_the_column_existed_are_forgotten_by_their_last_update(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    engine = create_engine(engine_url(path))
    with engine.begin() as conn:
        command.upgrade(_alembic(conn), "0002")
        for job_id, status, updated in (
            ("old", "done", T0),
            ("recent", "failed", T0 + WEEK),
            ("open", "queued", T0),
        ):
            conn.exec_driver_sql(
                "INSERT INTO jobs (id, owner, status, request, callback_attempts, created_at, updated_at)"
                " VALUES (?, '', ?, '{}', 0, ?, ?)",
                (job_id, status, T0.isoformat(), updated.isoformat()),
            )
    engine.dispose()
    clock = Clock()
    jobs = JobStore(path, clock=clock)  # migrated to head on opening
    clock.now = T0 + WEEK + dt.timedelta(hours=1)
    assert jobs.forget_finished(WEEK) == 1
    assert jobs.get("old") is None and jobs.get("recent") is not None and jobs.get("open") is not None
    jobs.close()
