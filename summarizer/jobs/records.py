"""The jobs tables (timeline/tables.py, migration 0002): one row per job, one per group with its checkpoint;
on the store's database, SQLite or Postgres."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.jobs.models import CallbackState, GroupStatus, Status
from summarizer.timeline.db import Db


@dataclass(frozen=True)
class GroupRecord:
    position: int
    group_id: str
    article_ids: list[str]
    status: GroupStatus
    attempts: int  # times a runner started it: more than one only when a runner died with it in hand
    result: str | None  # a SummarizeResponse (JSON) for this group's articles
    error: str | None  # an ErrorBody (JSON)


@dataclass(frozen=True)
class JobRecord:
    id: str
    owner: str
    status: Status
    request: str  # the SummarizeRequest (JSON), without the callback
    callback_url: str | None
    callback_state: CallbackState | None
    callback_attempts: int
    callback_error: str | None
    result: str | None
    error: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    groups: list[GroupRecord]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_text(moment: dt.datetime) -> str:
    """A time as fixed-width UTC ISO text, so that text order is time order (finished_at is compared as text)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


_JOB = (
    "id, owner, status, request, callback_url, callback_state, callback_attempts, callback_error, result, error, "
    "created_at, updated_at"
)


class JobStore:
    """Jobs in the store's database (``target``: the SQLite file's path or a postgresql:// URL), on a connection of
    their own; every multi-statement write is one transaction."""

    def __init__(
        self,
        target: Path | str,
        *,
        clock: Callable[[], dt.datetime] = _utcnow,
        shared: tuple[Db, threading.RLock] | None = None,
    ) -> None:
        """``shared``: the timeline store's connection and lock, to write through (on SQLite, a commit on a
        second connection would drop the store connection's page cache and its kept pages' warmth)."""
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
        self._owned = shared is None
        # migrated on open: the jobs tables come with the store's schema
        self._db, self._lock = shared or (Db(target), threading.RLock())  # one thread at a time on it
        self._clock = clock

    def close(self) -> None:
        if self._owned:
            with self._lock:
                self._db.close()

    def _now(self) -> str:
        return self._clock().isoformat()

    def _run(self, sql: str, **params: object) -> Any:
        with self._lock:
            return self._db.result(sql, **params)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock, self._db.writing():
            yield

    def create(
        self,
        job_id: str,
        *,
        owner: str,
        request: str,
        callback_url: str | None,
        groups: list[tuple[str, list[str]]],
    ) -> None:
        """A queued job with its groups pending, in one transaction."""
        now = self._now()
        with self._writing():
            self._run(
                f"INSERT INTO jobs ({_JOB}) VALUES (:id, :owner, 'queued', :request, :url, :state, 0, NULL, NULL,"
                " NULL, :now, :now)",
                id=job_id, owner=owner, request=request, url=callback_url,
                state="pending" if callback_url else None, now=now,
            )  # fmt: skip
            for position, (group_id, ids) in enumerate(groups):
                self._run(
                    "INSERT INTO job_groups (job_id, position, group_id, article_ids, status, attempts)"
                    " VALUES (:job, :position, :group_id, :ids, 'pending', 0)",
                    job=job_id, position=position, group_id=group_id, ids=json.dumps(ids),
                )  # fmt: skip

    def get(self, job_id: str) -> JobRecord | None:
        with self._lock:
            row = self._run(f"SELECT {_JOB} FROM jobs WHERE id = :id", id=job_id).fetchone()
            if row is None:
                return None
            groups = self._run(
                "SELECT position, group_id, article_ids, status, attempts, result, error FROM job_groups"
                " WHERE job_id = :id ORDER BY position",
                id=job_id,
            ).fetchall()
        return JobRecord(
            id=row[0],
            owner=row[1],
            status=row[2],
            request=row[3],
            callback_url=row[4],
            callback_state=row[5],
            callback_attempts=row[6],
            callback_error=row[7],
            result=row[8],
            error=row[9],
            created_at=dt.datetime.fromisoformat(row[10]),
            updated_at=dt.datetime.fromisoformat(row[11]),
            groups=[GroupRecord(g[0], g[1], json.loads(g[2]), g[3], g[4], g[5], g[6]) for g in groups],
        )

    def _ids(self, sql: str) -> list[str]:
        with self._lock:
            return [r[0] for r in self._run(sql).fetchall()]

    def unfinished(self) -> list[str]:
        """Jobs left queued or running (by a process that stopped), oldest first."""
        return self._ids("SELECT id FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at, id")

    def waiting(self) -> int:
        """Jobs queued and not yet started."""
        with self._lock:
            return int(self._run("SELECT COUNT(*) FROM jobs WHERE status = 'queued'").fetchone()[0])

    def undelivered(self) -> list[str]:
        """Finished jobs whose callback was not tried to the end."""
        return self._ids(
            "SELECT id FROM jobs WHERE status IN ('done', 'failed') AND callback_state = 'pending'"
            " ORDER BY created_at, id"
        )

    def start(self, job_id: str) -> None:
        self._run(
            "UPDATE jobs SET status = 'running', updated_at = :now WHERE id = :id AND status = 'queued'",
            now=self._now(), id=job_id,
        )  # fmt: skip

    def begin_group(self, job_id: str, position: int) -> None:
        self._run(
            "UPDATE job_groups SET attempts = attempts + 1 WHERE job_id = :id AND position = :position"
            " AND status = 'pending'",
            id=job_id, position=position,
        )  # fmt: skip

    def finish_group(self, job_id: str, position: int, *, result: str | None, error: str | None) -> bool:
        """Checkpoint a pending group as done (``result``) or failed (``error``); False if it was not pending
        (another runner finished it first: the first outcome stands)."""
        with self._writing():
            changed: int = self._run(
                "UPDATE job_groups SET status = :status, result = :result, error = :error"
                " WHERE job_id = :id AND position = :position AND status = 'pending'",
                status="done" if error is None else "failed", result=result, error=error, id=job_id,
                position=position,
            ).rowcount  # fmt: skip
            self._run("UPDATE jobs SET updated_at = :now WHERE id = :id", now=self._now(), id=job_id)
        return changed == 1

    def finish(self, job_id: str, status: Status, *, result: str | None, error: str | None) -> bool:
        """Mark a job finished once; False if it already was."""
        now = self._clock()
        changed: int = self._run(
            "UPDATE jobs SET status = :status, result = :result, error = :error, updated_at = :now,"
            " finished_at = :finished WHERE id = :id AND status IN ('queued', 'running')",
            status=status, result=result, error=error, now=now.isoformat(), finished=utc_text(now), id=job_id,
        ).rowcount  # fmt: skip
        return changed == 1

    def forget_finished(self, after: dt.timedelta) -> int:
        """Delete the jobs (and their groups) that finished more than ``after`` ago by this store's clock and
        whose callback is not still to be tried; how many. Unfinished jobs are never deleted."""
        cutoff = utc_text(self._clock() - after)
        old = "finished_at < :cutoff AND (callback_state IS NULL OR callback_state <> 'pending')"
        with self._writing():
            self._run(f"DELETE FROM job_groups WHERE job_id IN (SELECT id FROM jobs WHERE {old})", cutoff=cutoff)
            gone: int = self._run(f"DELETE FROM jobs WHERE {old}", cutoff=cutoff).rowcount
        return gone

    def callback_tried(self, job_id: str, state: CallbackState, attempts: int, error: str | None) -> None:
        self._run(
            "UPDATE jobs SET callback_state = :state, callback_attempts = :attempts, callback_error = :error,"
            " updated_at = :now WHERE id = :id",
            state=state, attempts=attempts, error=error, now=self._now(), id=job_id,
        )  # fmt: skip


