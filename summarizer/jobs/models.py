"""What a job takes and what it reports: the /summarize body with a callback URL, status and progress."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from summarizer.schemas import ErrorBody, Strict, SummarizeRequest, SummarizeResponse

Status = Literal["queued", "running", "done", "failed"]
GroupStatus = Literal["pending", "done", "failed"]
CallbackState = Literal["pending", "delivered", "failed"]


def check_callback(url: str) -> str:
    """An http(s) URL with a host and no credentials; only its form is checked (nothing is fetched)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is not a number raises here
    except ValueError:
        raise ValueError(f"{url!r} is not a URL; send e.g. https://example.org/hooks/summarizer") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"the scheme {parts.scheme or '(none)'!r} is not allowed; use an http or https URL")
    if not parts.hostname:
        raise ValueError("has no host; send e.g. https://example.org/hooks/summarizer")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            "carries credentials (user:password@); put them in the receiver's own URL token instead"
        )
    if parts.fragment:
        raise ValueError("has a #fragment, which is never sent; remove it")
    del port
    return url


class JobRequest(SummarizeRequest):
    """The /summarize body, plus where to POST the finished job (optional)."""

    callback_url: str | None = Field(
        None,
        max_length=2000,
        description="An http(s) URL that gets a POST of the finished job (the body of GET /jobs/{id}); "
        "tried a few times, the outcome is recorded under `callback`. Example: https://example.org/hooks/summarizer",
    )

    @field_validator("callback_url")
    @classmethod
    def _callback(cls, v: str | None) -> str | None:
        return None if v is None else check_callback(v)

    def summarize_request(self) -> SummarizeRequest:
        return SummarizeRequest.model_validate(self.model_dump(exclude={"callback_url"}))


class Progress(Strict):
    total: int = Field(description="Groups (articles of one day and topic) in the job.")
    done: int
    failed: int
    pending: int


class GroupFailure(Strict):
    group_id: str
    article_ids: list[str]
    error: ErrorBody


class Callback(Strict):
    url: str
    state: CallbackState
    attempts: int
    error: str | None = None


class JobLinks(Strict):
    self: str


class JobAccepted(Strict):
    """The answer to POST /jobs (202): poll ``links.self``."""

    id: str
    status: Status
    links: JobLinks


class JobOut(Strict):
    id: str
    status: Status
    progress: Progress
    result: SummarizeResponse | None = Field(
        None,
        description="When finished: the groups summarized, in the shape of /summarize's 200 body (on a "
        "failed job, the groups that succeeded).",
    )
    error: ErrorBody | None = Field(None, description="Why the job failed, in the API's error shape.")
    failures: list[GroupFailure] = Field(default_factory=list)
    callback: Callback | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    links: JobLinks
