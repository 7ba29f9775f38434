"""A stored job as the API shows it (GET /jobs/{id}, and the body POSTed to its callback)."""

from __future__ import annotations

from summarizer.jobs.models import Callback, GroupFailure, JobLinks, JobOut, Progress
from summarizer.jobs.records import JobRecord
from summarizer.schemas import ErrorBody, SummarizeResponse


def link(job_id: str) -> str:
    return f"/jobs/{job_id}"


def view(job: JobRecord) -> JobOut:
    done = sum(1 for g in job.groups if g.status == "done")
    failed = sum(1 for g in job.groups if g.status == "failed")
    return JobOut(
        id=job.id,
        status=job.status,
        progress=Progress(
            total=len(job.groups), done=done, failed=failed, pending=len(job.groups) - done - failed
        ),
        result=SummarizeResponse.model_validate_json(job.result) if job.result else None,
        error=ErrorBody.model_validate_json(job.error) if job.error else None,
        failures=[
            GroupFailure(
                group_id=g.group_id, article_ids=g.article_ids, error=ErrorBody.model_validate_json(g.error)
            )
            for g in job.groups
            if g.error is not None
        ],
        callback=Callback(
            url=job.callback_url,
            state=job.callback_state or "pending",
            attempts=job.callback_attempts,
            error=job.callback_error,
        )
        if job.callback_url
        else None,
        created_at=job.created_at,
        updated_at=job.updated_at,
        links=JobLinks(self=link(job.id)),
    )
