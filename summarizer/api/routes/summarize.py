"""POST /summarize: articles in, grouped and grounded summaries and events out."""

from __future__ import annotations

from fastapi import APIRouter

from summarizer.api.deps import ServicesDep
from summarizer.schemas import ErrorResponse, SummarizeRequest, SummarizeResponse

router = APIRouter(tags=["summarize"])

_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        413: "Body, or one group, too large",
        422: "A field is missing or invalid; the message names it and the fix",
        502: "The LLM provider failed or kept giving unusable output",
        503: "The LLM provider is unreachable or rate-limiting",
        504: "The LLM provider or the request ran past its deadline",
    }.items()
}


@router.post("/summarize", responses=_ERRORS)
async def summarize(body: SummarizeRequest, services: ServicesDep) -> SummarizeResponse:
    return await services.pipeline.summarize(body)
