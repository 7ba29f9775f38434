"""POST /verify: is every claim of a summary (ours or a person's) supported by its sources?"""

from __future__ import annotations

from fastapi import APIRouter

from summarizer.api.deps import ServicesDep
from summarizer.checking import verify as checker
from summarizer.schemas import ErrorResponse, VerifyRequest, VerifyResponse

router = APIRouter(tags=["verify"])

_ERRORS: dict[int | str, dict[str, object]] = {
    413: {"model": ErrorResponse, "description": "Body too large"},
    422: {"model": ErrorResponse, "description": "A field is missing or invalid; the message names it and the fix"},
}


@router.post("/verify", responses=_ERRORS)
async def verify(body: VerifyRequest, services: ServicesDep) -> VerifyResponse:
    """Split the summary into claims, align each with the source sentences that best support it, and check
    its numbers, dates, places, actors and quotes against them; the optional LLM judge is reported apart."""
    return await checker.verify(body, services.settings, services.judge)
