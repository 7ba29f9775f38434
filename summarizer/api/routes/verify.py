"""POST /verify: is every claim of a summary (ours or a person's) supported by its sources?"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends

from summarizer.api.auth import VerifyCaller
from summarizer.api.bodies import body_of, documented
from summarizer.api.deps import ServicesDep
from summarizer.checking import verify as checker
from summarizer.engines.client import DEADLINE
from summarizer.schemas import ErrorResponse, VerifyRequest, VerifyResponse

router = APIRouter(tags=["verify"])

_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorResponse, "description": "No API key, or an unknown one (when keys are configured)"},
    403: {"model": ErrorResponse, "description": "The key lacks the verify scope"},
    413: {"model": ErrorResponse, "description": "Body too large"},
    429: {"model": ErrorResponse, "description": "Too many requests from this key; wait Retry-After seconds"},
    422: {
        "model": ErrorResponse,
        "description": "A field is missing or invalid; the message names it and the fix",
    },
}


@router.post("/verify", responses=_ERRORS, openapi_extra=documented(VerifyRequest))
async def verify(
    body: Annotated[VerifyRequest, Depends(body_of(VerifyRequest))],
    services: ServicesDep,
    caller: VerifyCaller,
) -> VerifyResponse:
    """Split the summary into claims, align each with the source sentences that best support it, and check
    its numbers, dates, places, actors and quotes against them; the optional LLM judge is reported apart."""
    # the optional judge's LLM calls (timeouts, retries, waits) fit inside the request deadline
    deadline = asyncio.get_running_loop().time() + services.settings.request_timeout
    token = DEADLINE.set(deadline)
    try:
        return await checker.verify(body, services.settings, services.judge)
    finally:
        DEADLINE.reset(token)
