"""Jobs on a Postgres queue (procrastinate): the service defers one task per job, `summarizer worker` processes
(on any machine that reaches the database and the store) run them; a dead worker's jobs are retried and resume
from their last checkpointed group."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued, ConnectorException, UniqueViolation
from procrastinate.jobs import Status

from summarizer import offload
from summarizer.config import Settings
from summarizer.errors import UpstreamUnavailable
from summarizer.jobs.records import JobStore
from summarizer.jobs.runner import queue_url, run_job

log = logging.getLogger("summarizer")

TASK = "summarizer.run_job"
QUEUE = "summarizer_jobs"
HEARTBEAT = 10.0  # seconds between a worker's heartbeats (procrastinate's default)
STALLED_AFTER = (
    30.0  # seconds without a heartbeat after which a worker counts as dead and its jobs are retried
)


def make_app(url: str) -> procrastinate.App:
    return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))


SCHEMA_LOCK = 0x5355_4D53  # pg_advisory_xact_lock key held while procrastinate's schema is looked for and made


async def ensure_schema(app: procrastinate.App) -> None:
    """procrastinate's tables, made once per database (an open app, i.e. inside ``app.open_async()``): looked for
    and made in one transaction under an advisory lock, so replicas and workers starting together do not both
    make them (the second found none, then failed on "already exists")."""
    connector = app.connector
    assert isinstance(connector, procrastinate.PsycopgConnector)
    async with connector.pool.connection() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        cur = await conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")
        row = await cur.fetchone()
        if not (row and row[0]):
            await conn.execute(app.schema_manager.get_schema())


async def defer(app: procrastinate.App, job_id: str) -> None:
    """Queue a job's task; at most one waits per job (queueing lock), and one runs at a time (lock)."""
    with contextlib.suppress(AlreadyEnqueued):
        await app.configure_task(TASK, queue=QUEUE, lock=job_id, queueing_lock=job_id).defer_async(
            job_id=job_id
        )


class QueueRunner:
    """The service's side of the queue: it only defers. At start-up it re-defers the jobs the store holds as
    unfinished (a job posted just before a crash; a job already waiting is not queued twice)."""

    def __init__(self, url: str, jobs: JobStore) -> None:
        self.app = make_app(url)
        self.jobs = jobs
        self._open = False

    async def start(self) -> None:
        await self.app.open_async()
        self._open = True
        await ensure_schema(self.app)
        for job_id in await offload.run_cpu(self.jobs.unfinished):
            if not await _queued(self.app, job_id):
                await defer(self.app, job_id)

    async def submit(self, job_id: str) -> None:
        try:
            await defer(self.app, job_id)
        except ConnectorException as e:
            log.warning("queueing job %s: %s", job_id, e)
            raise UpstreamUnavailable(
                "the job queue (Postgres) could not take the job; nothing was queued: post it again later"
            ) from None

    async def stop(self) -> None:
        if self._open:
            await self.app.close_async()
            self._open = False


async def _queued(app: procrastinate.App, job_id: str) -> bool:
    """Whether the queue holds a task for this job that is waiting or running (perhaps on a dead worker)."""
    found = await app.job_manager.list_jobs_async(queue=QUEUE, lock=job_id)
    return any(j.status in (Status.TODO.value, Status.DOING.value) for j in found)


async def _recover(app: procrastinate.App, stalled_after: float) -> int:
    """Put the jobs of dead workers (no heartbeat for ``stalled_after`` s) back in the queue; where a task for
    the same job already waits (re-deferred by a restarted service), the dead one is closed as failed instead."""
    stalled = list(await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after))
    for job in stalled:
        name = job.task_kwargs.get("job_id")
        try:
            await app.job_manager.retry_job(job)
            log.warning("job %s of a dead worker is queued again", name)
        except UniqueViolation:
            await app.job_manager.finish_job(job, Status.FAILED, delete_job=False)
            log.warning("job %s of a dead worker is already queued again", name)
    return len(stalled)


async def work(
    settings: Settings,
    *,
    heartbeat: float = HEARTBEAT,
    stalled_after: float = STALLED_AFTER,
    wait: bool = True,
) -> None:
    """Run jobs from the queue until stopped (SIGINT/SIGTERM), or, with ``wait`` false, until none is left."""
    from summarizer.services import build

    url = queue_url(settings)
    assert url is not None
    offload.configure(settings.cpu_workers)
    services = build(settings)
    app = make_app(url)

    @app.task(name=TASK, queue=QUEUE)
    async def run(job_id: str) -> None:
        await run_job(job_id, services.jobs, services.pipeline, settings)

    del run

    async def recover_now_and_then() -> None:
        while True:
            await asyncio.sleep(max(1.0, stalled_after / 3))
            try:
                await _recover(app, stalled_after)
            except Exception:  # the database may be away for a moment: try again next round
                log.exception("looking for the jobs of dead workers")

    try:
        async with app.open_async():
            await ensure_schema(app)
            await _recover(app, stalled_after)
            recovering = asyncio.create_task(recover_now_and_then())
            try:
                await app.run_worker_async(
                    queues=[QUEUE],
                    wait=wait,
                    concurrency=1,
                    update_heartbeat_interval=heartbeat,
                    stalled_worker_timeout=stalled_after,
                    fetch_job_polling_interval=1.0,
                )
            finally:
                recovering.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await recovering
    finally:
        services.close()
