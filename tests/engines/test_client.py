"""The litellm client at the HTTP layer (respx): requests sent, one retry layer, errors translated."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import respx

from summarizer.config import load_settings
from summarizer.engines.client import LLMClient, check_credentials
from summarizer.errors import (
    ConfigError,
    PayloadTooLarge,
    UpstreamError,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from tests.fakes.openai_server import completion_body

OPENAI = "https://api.openai.com/v1/chat/completions"  # only ever behind respx.mock
ANTHROPIC = "https://api.anthropic.com/v1/messages"  # only ever behind respx.mock
SCHEMA = {"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]}
MESSAGES = [{"role": "system", "content": "Reply in JSON."}, {"role": "user", "content": "ما هو x؟"}]


@pytest.fixture(autouse=True)
def _keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")


def client(model: str = "openai/gpt-4o-mini", **kw: Any) -> LLMClient:
    return LLMClient(
        load_settings(
            model=model,
            llm_retries=kw.pop("retries", 2),
            llm_timeout=kw.pop("timeout", 5),
            llm_retry_wait=0.01,
            **kw,
        )
    )


def run(c: LLMClient) -> Any:
    return asyncio.run(c.complete(MESSAGES, schema=SCHEMA, schema_name="probe"))


def test_openai_request_carries_schema_timeout_and_no_sdk_retries() -> None:
    with respx.mock(assert_all_called=True) as router:
        route = router.post(OPENAI).mock(return_value=httpx.Response(200, json=completion_body('{"x": 3}')))
        out = run(client())
    assert out.text == '{"x": 3}'
    assert (out.input_tokens, out.output_tokens) == (1000, 200)
    assert route.call_count == 1
    sent = json.loads(route.calls[0].request.content)
    assert sent["model"] == "gpt-4o-mini"
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"] == SCHEMA
    assert sent["temperature"] == 0
    assert sent["messages"][1]["content"] == "ما هو x؟"


def test_anthropic_goes_through_the_same_interface() -> None:
    body = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-3-5-haiku-latest",
        "content": [{"type": "text", "text": '{"x": 4}'}],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 12, "output_tokens": 5},
    }
    with respx.mock(assert_all_called=True) as router:
        route = router.post(ANTHROPIC).mock(return_value=httpx.Response(200, json=body))
        out = run(client("anthropic/claude-3-5-haiku-latest"))
    assert '"x": 4' in out.text.replace(" ", " ")
    assert (out.input_tokens, out.output_tokens) == (12, 5)
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("response", "error", "calls"),
    [
        (httpx.Response(429, json={"error": {"message": "slow down"}}), UpstreamUnavailable, 3),
        (httpx.Response(503, json={"error": {"message": "overloaded"}}), UpstreamUnavailable, 3),
        (httpx.Response(500, json={"error": {"message": "boom"}}), UpstreamError, 3),
        (httpx.Response(401, json={"error": {"message": "bad key"}}), UpstreamError, 1),
        (httpx.Response(404, json={"error": {"message": "no such model"}}), UpstreamError, 1),
    ],
)
def test_http_errors_are_retried_once_per_layer_and_translated(
    response: httpx.Response, error: type[Exception], calls: int
) -> None:
    with respx.mock() as router:
        route = router.post(OPENAI).mock(return_value=response)
        with pytest.raises(error) as info:
            run(client(retries=2))
    # retries=2 means exactly 3 HTTP calls for a transient failure: no retries stacked in litellm or the SDK
    assert route.call_count == calls
    assert "gpt-4o-mini" in str(info.value)


def test_timeout_becomes_504() -> None:
    with respx.mock() as router:
        route = router.post(OPENAI).mock(side_effect=httpx.ReadTimeout("read timed out"))
        with pytest.raises(UpstreamTimeout):
            run(client(retries=1))
    assert route.call_count == 2


def test_refused_connection_becomes_503() -> None:
    with respx.mock() as router:
        router.post(OPENAI).mock(side_effect=httpx.ConnectError("connection refused"))
        with pytest.raises(UpstreamUnavailable):
            run(client(retries=0))


def test_context_window_is_the_clients_problem() -> None:
    body = {
        "error": {
            "message": "This model's maximum context length is 128000 tokens",
            "type": "invalid_request_error",
            "code": "context_length_exceeded",
        }
    }
    with respx.mock() as router:
        router.post(OPENAI).mock(return_value=httpx.Response(400, json=body))
        with pytest.raises(PayloadTooLarge) as info:
            run(client())
    assert info.value.status == 413


def test_custom_api_base_and_key_are_used() -> None:
    with respx.mock(assert_all_called=True) as router:
        route = router.post("http://127.0.0.1:9/v1/chat/completions").mock(
            return_value=httpx.Response(200, json=completion_body('{"x": 1}'))
        )
        run(client("openai/local-model", api_base="http://127.0.0.1:9/v1", api_key="local-key"))
    assert route.calls[0].request.headers["authorization"] == "Bearer local-key"


@pytest.mark.parametrize(
    ("model", "settings", "unset", "needs"),
    [
        # an OpenAI-compatible server at api_base: its key is SUMMARIZER_API_KEY (any value if it checks none)
        (
            "openai/smollm2",
            {"api_base": "http://127.0.0.1:9/v1"},
            ["OPENAI_API_KEY"],
            "SUMMARIZER_API_KEY for the server",
        ),
        ("openai/gpt-4o-mini", {}, ["OPENAI_API_KEY"], "OPENAI_API_KEY (the provider's own variable)"),
        ("anthropic/claude-3-5-haiku-latest", {}, ["ANTHROPIC_API_KEY"], "ANTHROPIC_API_KEY"),
        (
            "openai/smollm2",
            {"api_base": "http://127.0.0.1:9/v1", "api_key": "local"},
            ["OPENAI_API_KEY"],
            None,
        ),
        ("openai/gpt-4o-mini", {}, [], None),  # the provider's variable is set (the autouse fixture)
        ("ollama/llama3", {"api_base": "http://127.0.0.1:9"}, ["OPENAI_API_KEY"], None),  # wants no key
        ("extractive", {}, ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"], None),
    ],
)
def test_a_missing_provider_key_is_a_config_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, model: str, settings: dict[str, Any], unset: list[str], needs: str | None
) -> None:
    for name in unset:
        monkeypatch.delenv(name, raising=False)
    s = load_settings(model=model, **settings)
    if needs is None:
        check_credentials(s)
        return
    with pytest.raises(ConfigError) as info:
        check_credentials(s)
    assert needs in info.value.message and repr(model) in info.value.message
