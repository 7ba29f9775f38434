"""Wiring: build the store, cache, engines and pipeline that one process uses, from settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.config import Settings
from summarizer.engines.base import Engine
from summarizer.engines.cache import ResultCache
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.pipeline import Pipeline
from summarizer.timeline.store import Store

if TYPE_CHECKING:
    from summarizer.engines.judge import Judge


@dataclass
class Services:
    settings: Settings
    store: Store
    cache: ResultCache
    engine: Engine
    pipeline: Pipeline
    judge: Judge | None = None

    def close(self) -> None:
        self.store.close()
        self.cache.close()


def build(settings: Settings) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(settings.data_dir / "summarizer.sqlite3")
    cache = ResultCache(settings.data_dir / "cache", enabled=settings.cache)
    extractive = ExtractiveEngine(settings)
    engine: Engine
    judge: Judge | None = None
    if settings.engine == "extractive":
        engine = extractive
    else:
        # litellm itself is imported lazily, on the first call
        from summarizer.engines import prompts
        from summarizer.engines.client import LLMClient
        from summarizer.engines.judge import Judge
        from summarizer.engines.llm import LLMEngine

        client = LLMClient(settings)
        engine = LLMEngine(settings, client, cache, prompts.load("summarize", settings.prompts_dir))
        judge = Judge(client, prompts.load("judge", settings.prompts_dir), settings.model)
    fallback = extractive if settings.engine == "llm" and settings.fallback == "extractive" else None
    return Services(settings, store, cache, engine, Pipeline(settings, store, engine, fallback), judge)
