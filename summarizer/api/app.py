"""The FastAPI application factory and its lifespan (services built once per process)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from summarizer import collector, offload
from summarizer.api import auth, errors
from summarizer.api.bodies import add_schemas
from summarizer.api.limits import BodySizeLimit
from summarizer.api.observe import RequestContext
from summarizer.api.routes import articles, docs, health, jobs, metrics, pages, summarize, timeline, verify
from summarizer.config import Settings, load_settings
from summarizer.jobs.models import JobRequest
from summarizer.jobs.runner import make_runner
from summarizer.schemas import SummarizeRequest, VerifyRequest
from summarizer.services import build


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        offload.configure(settings.cpu_workers)
        collector.configure()  # the engine makes no cycles: young collections rarer
        services = build(settings)  # imports litellm now when an LLM is configured
        app.state.services = services
        runner = make_runner(services)
        app.state.runner = runner
        await runner.start()  # takes up jobs a stopped process left unfinished
        try:
            yield
        finally:
            await runner.stop()
            services.close()

    app = FastAPI(
        title="summarizer",
        version="0.1.0",
        description="Arabic and English news summaries and dated timelines; every bullet and event "
        "quotes the exact words of its sources.",
        lifespan=lifespan,
        docs_url=None,  # served from vendored assets by routes/docs.py: no CDN
        redoc_url=None,
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    if settings.origins:  # CORS stays off unless origins are configured
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        )
    app.add_middleware(RequestContext)  # outermost of ours: request id, access log, metrics
    errors.install(app)
    add_schemas(app, SummarizeRequest, VerifyRequest, JobRequest)  # bodies parsed off the loop, documented as usual
    auth.document(app)
    app.include_router(summarize.router)
    app.include_router(jobs.router)
    app.include_router(timeline.router)
    app.include_router(verify.router)
    app.include_router(health.router)
    app.include_router(articles.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    app.include_router(metrics.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
    return app
