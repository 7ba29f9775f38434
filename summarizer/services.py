"""Wiring: build the store, cache, engines, pipeline, keys and limits that one process uses, from settings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.api.limits import RateLimiter
from summarizer.config import Settings
from summarizer.engines.base import Engine
from summarizer.engines.cache import ResultCache
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.jobs.records import JobStore
from summarizer.keys import KeyRing
from summarizer.pipeline import Pipeline
from summarizer.timeline.store import Store

if TYPE_CHECKING:
    from summarizer.engines.client import LLMClient
    from summarizer.engines.judge import Judge

READY_TTL = 30.0  # seconds a /ready answer about the provider is reused


@dataclass
class Services:
    settings: Settings
    store: Store
    cache: ResultCache
    engine: Engine
    pipeline: Pipeline
    jobs: JobStore
    judge: Judge | None = None
    client: LLMClient | None = None
    keys: KeyRing = field(default_factory=KeyRing)
    limiter: RateLimiter = field(default_factory=lambda: RateLimiter(120, 30))
    _ready: tuple[float, str | None] | None = None

    async def not_ready(self) -> str | None:
        """None when the configured engine can serve, else why not (the provider's answer, cached briefly)."""
        if self.client is None:
            return None
        now = time.monotonic()
        if self._ready is None or now - self._ready[0] > READY_TTL:
            self._ready = (now, await self.client.ping())
        return self._ready[1]

    def close(self) -> None:
        self.store.close()
        self.jobs.close()
        self.cache.close()


def build(settings: Settings) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(settings.database_url or settings.data_dir / "summarizer.sqlite3")
    # "cache-json": the pickled "cache" folder of earlier versions is never opened (see engines/cache.py)
    cache = ResultCache(settings.data_dir / "cache-json", enabled=settings.cache)
    extractive = ExtractiveEngine(settings)
    engine: Engine
    judge: Judge | None = None
    client: LLMClient | None = None
    if settings.engine == "extractive":
        engine = extractive
    else:
        from summarizer.engines import prompts
        from summarizer.engines.client import LLMClient, check_credentials, load_litellm
        from summarizer.engines.judge import Judge
        from summarizer.engines.llm import LLMEngine

        load_litellm()  # at start-up, not on the first request (it takes seconds and would stall the loop)
        check_credentials(settings)  # a missing key stops the start, not every request after it
        client = LLMClient(settings)
        engine = LLMEngine(settings, client, cache, prompts.load("summarize", settings.prompts_dir))
        judge = Judge(client, prompts.load("judge", settings.prompts_dir), settings.model)
    fallback = extractive if settings.engine == "llm" and settings.fallback == "extractive" else None
    return Services(
        settings,
        store,
        cache,
        engine,
        Pipeline(settings, store, engine, fallback),
        # on SQLite the jobs write through the store's own connection: a second connection's commits would
        # drop its page cache and the pages it keeps warm (timeline/warm.py); Postgres gives each its own
        JobStore(
            settings.database_url or settings.data_dir / "summarizer.sqlite3",
            shared=(store.db, store.lock) if store.db.dialect == "sqlite" else None,
        ),
        judge,
        client,
        KeyRing.load(settings.keys_file),
        RateLimiter(settings.rate_per_minute, settings.rate_burst),
    )
