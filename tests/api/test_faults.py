"""Provider faults: Retry-After, deadlines that leave the fallback time to serve, errors that never echo
the provider's text (or our key), /ready."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from summarizer.engines import client as llm_client
from tests.api.conftest import MakeClient
from tests.api.test_hostile import assert_shape
from tests.fakes.answers import faithful
from tests.fakes.openai_server import ECHO, FakeOpenAI

SECRET = "sk-live-DO-NOT-LEAK-7f3a9c"
ARTICLE = {
    "id": "f1",
    "text": "قتل 4 مدنيين في غارة جوية على مدينة إدلب، بحسب الدفاع المدني السوري.",
    "published_at": "2024-12-01T10:00:00+03:00",
}


@pytest.fixture
def llm(make_client: MakeClient, fake_llm: FakeOpenAI) -> Any:
    def make(**overrides: Any) -> Any:
        settings: dict[str, Any] = {
            "model": "openai/fake-model",
            "api_base": fake_llm.base_url,
            "api_key": SECRET,
            "llm_retries": 2,
            "llm_timeout": 5,
            "llm_retry_wait": 0.01,
            "llm_reasks": 0,
        }
        return make_client(**{**settings, **overrides})

    return make


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry layer's waits, recorded instead of slept."""
    seen: list[float] = []

    async def record(seconds: float) -> None:
        seen.append(seconds)

    monkeypatch.setattr(llm_client, "pause", record)
    return seen


@pytest.mark.parametrize(
    ("header", "cap", "expected"),
    [("7", 30, 7.0), ("1000", 2.5, 2.5), ("0.25", 30, 0.25)],
)
def test_retry_after_is_honoured_and_capped(
    llm: Any, fake_llm: FakeOpenAI, waits: list[float], header: str, cap: float, expected: float
) -> None:
    fake_llm.push((429, {"error": {"message": "slow down"}}, {"Retry-After": header}))
    fake_llm.default = faithful
    r = llm(llm_retry_after_max=cap).post("/summarize", json={"articles": [ARTICLE]})
    assert r.status_code == 200, r.text
    assert waits == [expected]


def test_retry_after_as_an_http_date(llm: Any, fake_llm: FakeOpenAI, waits: list[float]) -> None:
    when = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=20), usegmt=True)
    fake_llm.push((503, {"error": {"message": "busy"}}, {"Retry-After": when}))
    fake_llm.default = faithful
    assert llm().post("/summarize", json={"articles": [ARTICLE]}).status_code == 200
    assert len(waits) == 1 and 15 <= waits[0] <= 20


def test_no_retry_waits_past_the_deadline(llm: Any, fake_llm: FakeOpenAI, waits: list[float]) -> None:
    fake_llm.default = (429, {"error": {"message": "slow down"}}, {"Retry-After": "60"})
    r = llm(request_timeout=5, llm_retry_after_max=60).post("/summarize", json={"articles": [ARTICLE]})
    assert_shape(r, 503)
    assert waits == [] and fake_llm.calls == 1  # a 60 s wait cannot fit in a 5 s deadline: not attempted


def test_a_hung_provider_leaves_the_fallback_time_to_serve(
    llm: Any, fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    fake_llm.delay = 30  # hangs far past every deadline
    fake_llm.default = faithful
    client = llm(request_timeout=4, fallback_reserve=2, llm_timeout=60, fallback="extractive")
    r = client.post("/summarize", json={"articles": [ARTICLE]})
    assert r.status_code == 200, r.text
    meta = r.json()["meta"]
    assert meta["degraded"] is True and meta["flags"][-1]["kind"] == "fallback"
    assert set(meta["made_by"].values()) == {"extractive"}
    db = sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3")
    assert db.execute("SELECT DISTINCT engine, model FROM groups").fetchall() == [
        ("extractive", "extractive")
    ]


def test_a_hung_provider_without_fallback_is_504_in_time(llm: Any, fake_llm: FakeOpenAI) -> None:
    fake_llm.delay = 30
    r = llm(request_timeout=2, llm_timeout=60).post("/summarize", json={"articles": [ARTICLE]})
    assert_shape(r, 504)


@pytest.mark.parametrize("status", [400, 401, 500, 503])
def test_provider_text_and_our_key_are_never_echoed(
    llm: Any, fake_llm: FakeOpenAI, tmp_path: Path, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    fake_llm.default = (status, {"error": {"message": f"you sent {ECHO}", "type": "invalid_request_error"}})
    caplog.set_level(logging.DEBUG)
    client = llm(llm_retries=1, fallback="extractive" if status == 503 else "none")
    r = client.post("/summarize", json={"articles": [ARTICLE]})
    assert fake_llm.calls >= 1
    assert r.status_code in (200, 502, 503), r.text
    assert SECRET not in r.text and "you sent" not in r.text
    if r.status_code != 200:
        err = r.json()["error"]
        assert "openai" in err["message"] and "fake-model" in err["message"]
    v = client.post("/verify", json={"articles": [ARTICLE], "summary": "قتل 4 مدنيين.", "judge": True})
    assert v.status_code == 200 and SECRET not in v.text
    assert SECRET not in caplog.text
    db = sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3")
    for table in ("articles", "groups", "events", "article_history", "event_history"):
        assert SECRET not in repr(db.execute(f"SELECT * FROM {table}").fetchall())


def test_ready(make_client: MakeClient, llm: Any, fake_llm: FakeOpenAI) -> None:
    r = make_client().get("/ready")
    assert r.json() == {"status": "ready", "engine": "extractive", "model": "extractive"}
    fake_llm.default = "ok"
    client = llm()
    assert client.get("/ready").json()["status"] == "ready"
    assert fake_llm.requests[-1]["max_tokens"] == 1
    calls = fake_llm.calls
    assert client.get("/ready").status_code == 200 and fake_llm.calls == calls  # reused for a while
    fake_llm.default = (500, {"error": {"message": f"down {ECHO}"}})
    down = llm()
    err = assert_shape(down.get("/ready"), 503)
    assert "not ready" in err["message"] and SECRET not in err["message"]
    assert down.get("/health").status_code == 200  # liveness stays cheap and never asks the provider


def test_the_judge_of_a_hung_provider_stops_at_the_request_deadline(llm: Any, fake_llm: FakeOpenAI) -> None:
    fake_llm.delay = 30
    client = llm(request_timeout=2, llm_timeout=60, llm_retries=3)
    r = client.post("/verify", json={"articles": [ARTICLE], "summary": "قتل 4 مدنيين.", "judge": True})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["judge"] is None and any("judge failed" in n for n in body["meta"]["notes"])
    assert fake_llm.calls == 1  # no retry was started that could not finish inside the deadline
