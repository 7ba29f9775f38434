"""End to end: the real server under uvicorn on loopback, a fake OpenAI-compatible server beside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes.answers import faithful
from tests.fakes.openai_server import FakeOpenAI
from tests.running_server import live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, FakeOpenAI]]:
    fake = FakeOpenAI(default=faithful).start()
    try:
        with live_server(
            tmp_path,
            SUMMARIZER_MODEL="openai/fake-model",
            SUMMARIZER_API_BASE=fake.base_url,
            SUMMARIZER_API_KEY="fake-key",
            SUMMARIZER_LLM_RETRIES="0",
        ) as base:
            yield base, fake
    finally:
        fake.stop()


def test_post_arabic_articles_and_read_the_timeline(
    server: tuple[str, FakeOpenAI], seeds: list[dict[str, Any]]
) -> None:
    base, fake = server
    health = httpx.get(base + "/health").json()
    assert health["engine"] == "llm" and health["model"] == "openai/fake-model"
    r = httpx.post(base + "/summarize", json={"articles": seeds}, timeout=60)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [g["day"] for g in body["groups"]] == ["2024-11-29", "2024-11-30", "2024-12-01"]
    assert fake.calls == 3
    timeline = httpx.get(base + "/timeline", params={"region": "حلب"}).json()
    assert timeline["region"]["slug"] == "aleppo" and timeline["events"]
    texts = {a["id"]: a["text"] for a in seeds}
    for e in timeline["events"]:
        assert all(ev["quote"] in texts[ev["article_id"]] for ev in e["evidence"])
    # the same post again: answered from the cache, no new events
    again = httpx.post(base + "/summarize", json={"articles": seeds}, timeout=60).json()
    assert again["meta"]["cached"] is True and fake.calls == 3
    assert httpx.get(base + "/timeline", params={"region": "aleppo"}).json() == timeline
    bad = httpx.post(base + "/summarize", json={"articles": [{"text": "نص"}]})
    assert bad.status_code == 422 and "published_at" in bad.json()["error"]["message"]
