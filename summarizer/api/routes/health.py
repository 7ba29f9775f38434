"""GET /health: liveness plus which engine and model answer."""

from __future__ import annotations

from fastapi import APIRouter

from summarizer.api.deps import ServicesDep
from summarizer.schemas import HealthResponse

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(services: ServicesDep) -> HealthResponse:
    e = services.engine
    return HealthResponse(status="ok", engine=e.name, model=e.model, prompt_version=e.prompt_version)
