"""The LLM engine: its cache key, the schema it sends, cut replies, grounding off the event loop."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article
from summarizer.config import load_settings
from summarizer.engines import prompts
from summarizer.engines.answer_schema import answer_schema, full_schema
from summarizer.engines.cache import ResultCache
from summarizer.engines.client import LLMClient
from summarizer.engines.llm import LLMEngine
from summarizer.errors import UpstreamBadOutput
from summarizer.grouping import group_articles
from tests.fakes.answers import faithful
from tests.fakes.openai_server import Cut, FakeOpenAI

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


def _walk(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        out.append(node)
        for v in node.values():
            out += _walk(v)
    elif isinstance(node, list):
        for v in node:
            out += _walk(v)
    return out


def test_the_schema_sent_bounds_every_string_and_list_and_names_the_articles() -> None:
    schema = answer_schema(["a", "b"])
    nodes = _walk(schema)
    strings = [n for n in nodes if n.get("type") == "string" and "enum" not in n and "format" not in n]
    arrays = [n for n in nodes if n.get("type") == "array"]
    assert strings and all("maxLength" in n for n in strings)
    assert arrays and all("maxItems" in n for n in arrays)
    assert [n["properties"]["article_id"] for n in nodes if "article_id" in n.get("properties", {})] == [
        {"enum": ["a", "b"]}
    ]
    assert not any(isinstance(n.get("description", n.get("title", {})), str) for n in nodes)
    sent = json.dumps(schema, separators=(",", ":"))
    assert len(sent) < 0.8 * len(json.dumps(full_schema(), separators=(",", ":")))
    smaller = answer_schema(["a"], max_bullets=2, max_events=3)
    assert smaller["$defs"]["LLMLangSummary"]["properties"]["bullets"]["maxItems"] == 2
    assert smaller["properties"]["events"]["maxItems"] == 3


def _engine(tmp_path: Path, fake: FakeOpenAI, **overrides: Any) -> LLMEngine:
    settings = load_settings(
        model="openai/fake",
        api_base=fake.base_url,
        api_key="k",
        data_dir=tmp_path,
        llm_retries=0,
        **overrides,
    )
    cache = ResultCache(tmp_path / "cache", enabled=False)
    return LLMEngine(settings, LLMClient(settings), cache, prompts.load("summarize"))


def test_a_reply_cut_at_max_tokens_is_asked_again_smaller_never_parsed(tmp_path: Path) -> None:
    fake = FakeOpenAI().start()
    try:
        fake.push(Cut('{"topic": {"ar": "'), faithful)
        result = asyncio.run(_engine(tmp_path, fake).summarize_group(_group()[0], ["ar"]))
        assert fake.calls == 2 and result.summary.ar is not None
        again = fake.requests[1]
        assert "cut at the length limit" in again["messages"][-1]["content"] and len(again["messages"]) == 3
        bullets = again["response_format"]["json_schema"]["schema"]["$defs"]["LLMLangSummary"]["properties"]
        assert bullets["bullets"]["maxItems"] == 4
        assert any("cut at max_tokens" in f.message for f in result.flags)
        # a cut reply that happens to parse whole is still not taken as an answer
        fake.default = Cut(faithful(fake.requests[0]))
        with pytest.raises(UpstreamBadOutput, match="cut at max_tokens"):
            asyncio.run(_engine(tmp_path, fake).summarize_group(_group()[0], ["ar"]))
        assert fake.calls == 5  # the first answer and two smaller re-asks, every one cut: refused
    finally:
        fake.stop()


def test_grounding_runs_off_the_event_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from summarizer.engines import llm

    threads: list[str] = []
    real = llm.ground_output

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(llm, "ground_output", spy)
    fake = FakeOpenAI(default=faithful).start()
    try:
        asyncio.run(_engine(tmp_path, fake).summarize_group(_group()[0], ["ar"]))
    finally:
        fake.stop()
    assert threads and all(t != threading.main_thread().name for t in threads)
