"""GET /health: liveness plus which engine and model answer; GET /ready: whether the provider answers."""

from __future__ import annotations

from fastapi import APIRouter

from summarizer.api.deps import ServicesDep
from summarizer.errors import UpstreamUnavailable
from summarizer.schemas import ErrorResponse, HealthResponse, ReadyResponse

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(services: ServicesDep) -> HealthResponse:
    e = services.engine
    return HealthResponse(status="ok", engine=e.name, model=e.model, prompt_version=e.prompt_version)


@router.get(
    "/ready", responses={503: {"model": ErrorResponse, "description": "The LLM provider does not answer"}}
)
async def ready(services: ServicesDep) -> ReadyResponse:
    """Ready when the configured engine can serve: always for the offline engine; for an LLM, when its provider
    answered a one-token request in the last 30 s (a 503 says why not)."""
    e = services.engine
    why = await services.not_ready()
    if why is not None:
        raise UpstreamUnavailable(f"not ready: {why}")
    return ReadyResponse(status="ready", engine=e.name, model=e.model)
