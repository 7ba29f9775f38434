"""The LLM engine's cache key: template bytes, model and articles all count."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path

from summarizer.articles import Article
from summarizer.config import load_settings
from summarizer.engines import prompts
from summarizer.engines.cache import ResultCache
from summarizer.engines.client import LLMClient
from summarizer.engines.llm import LLMEngine
from summarizer.grouping import group_articles
from tests.fakes.answers import faithful
from tests.fakes.openai_server import FakeOpenAI

SHIPPED = Path(__file__).resolve().parents[2] / "prompts"


def _group() -> list:  # type: ignore[type-arg]
    moment = dt.datetime(2024, 12, 1, 9, tzinfo=dt.UTC)
    art = Article(
        id="a",
        text="سيطرت الفصائل على مدينة حلب.\nقتل 4 مدنيين في غارة على إدلب.",
        published_at=moment,
        date_only=False,
        day=moment.date(),
        language="ar",
    )
    return group_articles([art])


def test_editing_a_template_misses_the_cache(tmp_path: Path) -> None:
    fake = FakeOpenAI(default=faithful).start()
    try:
        prompt_dir = tmp_path / "prompts"
        shutil.copytree(SHIPPED, prompt_dir)
        settings = load_settings(
            model="openai/fake",
            api_base=fake.base_url,
            api_key="k",
            prompts_dir=prompt_dir,
            data_dir=tmp_path,
        )
        cache = ResultCache(tmp_path / "cache")

        def run() -> bool:
            prompts.load.cache_clear()
            engine = LLMEngine(settings, LLMClient(settings), cache, prompts.load("summarize", prompt_dir))
            return asyncio.run(engine.summarize_group(_group()[0], ["ar", "en"])).cached

        assert run() is False and fake.calls == 1
        assert run() is True and fake.calls == 1
        path = prompt_dir / "summarize.toml"
        path.write_text(
            path.read_text("utf-8").replace("careful news editor", "very careful news editor"), "utf-8"
        )
        assert run() is False and fake.calls == 2
    finally:
        fake.stop()
        prompts.load.cache_clear()
