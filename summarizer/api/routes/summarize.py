"""POST /summarize: articles in, grouped and grounded summaries and events out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from summarizer.api.auth import WriteCaller
from summarizer.api.bodies import body_of, documented
from summarizer.api.deps import ServicesDep
from summarizer.offload import run_cpu
from summarizer.schemas import ErrorResponse, SummarizeRequest, SummarizeResponse

router = APIRouter(tags=["summarize"])

_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        401: "No API key, or an unknown one (when keys are configured)",
        403: "The key lacks the write scope",
        409: "An article id is stored with other content (send correction: true) or belongs to another key",
        413: "Body, or one group, too large",
        422: "A field is missing or invalid; the message names it and the fix",
        502: "The LLM provider failed or kept giving unusable output",
        503: "The LLM provider is unreachable or rate-limiting",
        429: "Too many requests from this key; wait Retry-After seconds",
        504: "The LLM provider or the request ran past its deadline",
    }.items()
}


@router.post(
    "/summarize",
    responses=_ERRORS,
    response_model=SummarizeResponse,
    openapi_extra=documented(SummarizeRequest),
)
async def summarize(
    body: Annotated[SummarizeRequest, Depends(body_of(SummarizeRequest))],
    services: ServicesDep,
    caller: WriteCaller,
) -> Response:
    result = await services.pipeline.summarize(body, owner=caller.owner)
    # a large response is serialized in the worker pool, not on the event loop
    return Response(await run_cpu(result.model_dump_json), media_type="application/json")
