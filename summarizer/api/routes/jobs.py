"""POST /jobs and GET /jobs/{id}: a /summarize body worked through in the background, polled for progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from summarizer.api.auth import ReadCaller, WriteCaller
from summarizer.api.bodies import body_of, documented
from summarizer.api.deps import ServicesDep
from summarizer.errors import NotFound, SummarizerError
from summarizer.jobs.models import JobAccepted, JobLinks, JobOut, JobRequest
from summarizer.jobs.runner import Runner, new_id, plan
from summarizer.jobs.view import link, view
from summarizer.offload import run_cpu
from summarizer.schemas import ErrorBody, ErrorResponse

router = APIRouter(tags=["jobs"])


def _errors(codes: dict[int, str]) -> dict[int | str, dict[str, object]]:
    return {code: {"model": ErrorResponse, "description": text} for code, text in codes.items()}


def get_runner(request: Request) -> Runner:
    runner: Runner = request.app.state.runner
    return runner


RunnerDep = Annotated[Runner, Depends(get_runner)]


@router.post(
    "/jobs",
    status_code=202,
    response_model=JobAccepted,
    responses=_errors(
        {
            401: "No API key, or an unknown one (when keys are configured)",
            403: "The key lacks the write scope",
            409: "An article id is stored with other content (send correction: true) or belongs to another key",
            413: "Body too large",
            422: "A field is missing or invalid (callback_url included); the message names it and the fix",
            429: "Too many requests from this key; wait Retry-After seconds",
            503: "The job queue (Postgres, when configured) is unreachable; post again later",
        }
    ),
    openapi_extra=documented(JobRequest),
)
async def post_job(
    body: Annotated[JobRequest, Depends(body_of(JobRequest))],
    services: ServicesDep,
    caller: WriteCaller,
    runner: RunnerDep,
) -> Response:
    """Accept a batch: checked like /summarize (422, 409 now), then summarized group by group. Answers 202 with
    the job's id and its link (also in Location); poll it, or give a callback_url to be told."""
    request = body.summarize_request()
    groups = await run_cpu(plan, request, services.settings, services.store, caller.owner)
    job_id = new_id()
    await run_cpu(
        services.jobs.create,
        job_id,
        owner=caller.owner,
        request=request.model_dump_json(),
        callback_url=body.callback_url,
        groups=groups,
    )
    try:
        await runner.submit(job_id)
    except SummarizerError as e:  # not queued: the stored job is closed as failed, the client told to retry
        error = ErrorBody(code=e.code, message=e.message).model_dump_json()
        await run_cpu(services.jobs.finish, job_id, "failed", result=None, error=error)
        raise
    accepted = JobAccepted(id=job_id, status="queued", links=JobLinks(self=link(job_id)))
    return Response(
        accepted.model_dump_json(),
        status_code=202,
        media_type="application/json",
        headers={"Location": link(job_id)},
    )


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    responses=_errors(
        {
            401: "No API key, or an unknown one (when keys are configured)",
            403: "The key lacks the read scope",
            404: "No such job for this key (another key's jobs are not shown)",
            429: "Too many requests from this key; wait Retry-After seconds",
        }
    ),
)
async def get_job(job_id: str, services: ServicesDep, caller: ReadCaller) -> Response:
    """A job's status (queued, running, done, failed), its progress in groups and, once finished, its result."""
    job = await run_cpu(services.jobs.get, job_id)
    if job is None or (job.owner != caller.owner and "admin" not in caller.scopes):
        raise NotFound(f"no job {job_id!r} for this key; POST /jobs answers with the ids of yours")
    out = await run_cpu(view, job)
    return Response(await run_cpu(out.model_dump_json), media_type="application/json")
