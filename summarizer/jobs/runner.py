"""Working a job through: planned into groups when posted, then one group at a time with a checkpoint each,
so progress shows and a runner that dies loses only the group in hand (redone idempotently by the store)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
from typing import TYPE_CHECKING, Protocol

from summarizer.articles import content_id
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.grouping import group_articles
from summarizer.jobs.callback import deliver
from summarizer.jobs.models import Status
from summarizer.jobs.records import JobRecord, JobStore
from summarizer.jobs.view import view
from summarizer.offload import run_cpu
from summarizer.pipeline import Pipeline, admitted
from summarizer.schemas import ErrorBody, Meta, SummarizeRequest, SummarizeResponse, Usage
from summarizer.timeline.store import Store

if TYPE_CHECKING:
    from summarizer.services import Services

log = logging.getLogger("summarizer")


class Runner(Protocol):
    """Where posted jobs go: in-process (LocalRunner) or a Postgres queue (summarizer.jobs.queue)."""

    async def start(self) -> None: ...
    async def submit(self, job_id: str) -> None: ...
    async def stop(self) -> None: ...


def new_id() -> str:
    return "j_" + secrets.token_hex(12)


def plan(
    request: SummarizeRequest, settings: Settings, store: Store, owner: str
) -> list[tuple[str, list[str]]]:
    """The job's groups (id, article ids), checked as /summarize checks a request: limits, then clashes with
    stored articles (422 / 409 now rather than a failed job later)."""
    articles = admitted(request, settings, store, owner, max_articles=settings.job_max_articles)
    return [(g.id, g.article_ids) for g in group_articles(articles)]


def _part(request: SummarizeRequest, article_ids: list[str]) -> SummarizeRequest:
    """The request for one group: its articles as sent (grouping is single-link, so they group alone the same)."""
    wanted = set(article_ids)
    items = [item for item in request.articles if (item.id or content_id(item.text)) in wanted]
    return SummarizeRequest(articles=items, languages=request.languages)


def _error(e: BaseException) -> ErrorBody:
    if isinstance(e, SummarizerError):
        fields = [{"field": e.field, "message": e.message}] if e.field else []
        return ErrorBody(code=e.code, message=e.message, fields=fields)
    return ErrorBody(code="internal_error", message=f"unexpected {type(e).__name__}; see the server log")


def combine(parts: list[SummarizeResponse]) -> SummarizeResponse | None:
    """The groups' answers as one /summarize answer (None when no group succeeded)."""
    if not parts:
        return None
    usage = Usage()
    notes: list[str] = []
    for p in parts:
        usage.add(p.meta.usage)
        notes.extend(n for n in p.meta.notes if n not in notes)
    first = parts[0].meta
    return SummarizeResponse(
        groups=[g for p in parts for g in p.groups],
        meta=Meta(
            engine=first.engine,
            model=first.model,
            prompt_version=first.prompt_version,
            cached=all(p.meta.cached for p in parts),
            degraded=any(p.meta.degraded for p in parts),
            usage=usage,
            notes=notes,
            flags=[f for p in parts for f in p.meta.flags],
            made_by={k: v for p in parts for k, v in p.meta.made_by.items()},
        ),
    )


def _outcome(job: JobRecord) -> tuple[Status, str | None, str | None]:
    """(status, result JSON, error JSON) of a job whose groups are all finished."""
    parts = [SummarizeResponse.model_validate_json(g.result) for g in job.groups if g.result is not None]
    result = combine(parts)
    failed = [g for g in job.groups if g.error is not None]
    if not failed:
        return "done", result.model_dump_json() if result else None, None
    first = ErrorBody.model_validate_json(failed[0].error or "{}")
    error = ErrorBody(
        code=first.code,
        message=f"{len(failed)} of {len(job.groups)} groups failed; the first: {first.message}",
        fields=first.fields,
    )
    return "failed", result.model_dump_json() if result else None, error.model_dump_json()


async def run_job(job_id: str, jobs: JobStore, pipeline: Pipeline, settings: Settings) -> None:
    """Finish what is left of a job: its pending groups one by one, then its outcome, then its callback.
    Safe to call again on a job that is partly or wholly done (a resumed or re-delivered job)."""
    job = await run_cpu(jobs.get, job_id)
    if job is None:
        log.warning("job %s is not in the store; skipped", job_id)
        return
    if job.status in ("queued", "running"):
        await run_cpu(jobs.start, job_id)
        request = SummarizeRequest.model_validate_json(job.request)
        for g in job.groups:
            if g.status != "pending":
                continue  # checkpointed by an earlier run: never redone
            await run_cpu(jobs.begin_group, job_id, g.position)
            try:
                answer = await pipeline.summarize(_part(request, g.article_ids), owner=job.owner)
                await run_cpu(
                    jobs.finish_group, job_id, g.position, result=answer.model_dump_json(), error=None
                )
            except asyncio.CancelledError:
                raise  # the service is stopping: the group stays pending and is resumed
            except Exception as e:
                if not isinstance(e, SummarizerError):
                    log.exception("job %s, group %s", job_id, g.group_id)
                await run_cpu(
                    jobs.finish_group, job_id, g.position, result=None, error=_error(e).model_dump_json()
                )
        job = await run_cpu(jobs.get, job_id)
        assert job is not None
        status, result, error = await run_cpu(_outcome, job)
        await run_cpu(jobs.finish, job_id, status, result=result, error=error)
    await _call_back(job_id, jobs, settings)
    await forget_old(jobs, settings)


async def forget_old(jobs: JobStore, settings: Settings) -> None:
    """Jobs finished longer ago than SUMMARIZER_JOB_RETENTION_DAYS are deleted (after each job, and when the
    in-process runner starts)."""
    gone = await run_cpu(jobs.forget_finished, dt.timedelta(days=settings.job_retention_days))
    if gone:
        log.info("forgot %d jobs finished more than %g days ago", gone, settings.job_retention_days)


async def _call_back(job_id: str, jobs: JobStore, settings: Settings) -> None:
    job = await run_cpu(jobs.get, job_id)
    if job is None or job.callback_url is None or job.callback_state != "pending":
        return
    body = (await run_cpu(view, job)).model_dump_json().encode()
    state, tries, error = await deliver(
        job.callback_url,
        body,
        job_id,
        attempts=settings.callback_attempts,
        wait=settings.callback_wait,
        timeout=settings.callback_timeout,
        allow_private=settings.callback_private,
    )
    await run_cpu(jobs.callback_tried, job_id, state, tries, error)


class LocalRunner:
    """Jobs inside the service (the SQLite default): one job and one group at a time, on the event loop's side;
    at start-up it takes up the jobs a stopped process left queued or running."""

    def __init__(self, jobs: JobStore, pipeline: Pipeline, settings: Settings) -> None:
        self.jobs = jobs
        self.pipeline = pipeline
        self.settings = settings
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await forget_old(self.jobs, self.settings)
        for job_id in await run_cpu(self.jobs.unfinished) + await run_cpu(self.jobs.undelivered):
            self._queue.put_nowait(job_id)
        self._task = asyncio.create_task(self._work(), name="summarizer-jobs")

    async def submit(self, job_id: str) -> None:
        self._queue.put_nowait(job_id)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _work(self) -> None:
        while True:
            job_id = await self._queue.get()
            try:
                await run_job(job_id, self.jobs, self.pipeline, self.settings)
            except Exception:  # a job's fault never stops the runner
                log.exception("job %s", job_id)


def queue_url(settings: Settings) -> str | None:
    """Where jobs are queued: SUMMARIZER_QUEUE_URL, else the store's database when it is Postgres, else nowhere
    (they run in the service)."""
    url = settings.queue_url or settings.database_url
    if url is None or not url.startswith(("postgresql", "postgres:")):
        return None
    return "postgresql://" + url.split("://", 1)[1]  # libpq's form (no +psycopg driver suffix)


def make_runner(services: Services) -> Runner:
    """The Postgres queue when there is one (see :func:`queue_url`), else the in-process runner."""
    url = queue_url(services.settings)
    if url is not None:
        from summarizer.jobs.queue import QueueRunner  # procrastinate loads only for a queue

        return QueueRunner(url, services.jobs)
    return LocalRunner(services.jobs, services.pipeline, services.settings)
