"""GET /metrics: the service's Prometheus metrics, with the timeline's size read at scrape time."""

from __future__ import annotations

from fastapi import APIRouter, Response

from summarizer import metrics
from summarizer.api.deps import ServicesDep
from summarizer.offload import run_cpu

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
async def prometheus(services: ServicesDep) -> Response:
    for table in ("articles", "groups", "events"):
        metrics.TIMELINE.labels(table).set(await run_cpu(services.store.count, table))
    metrics.QUEUE_DEPTH.set(await run_cpu(services.jobs.waiting))  # posted jobs not yet started, any runner
    return Response(metrics.render(), media_type=metrics.CONTENT_TYPE)
