"""The LLM client: the only module that imports litellm, and the only place provider errors are translated."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

from summarizer.config import Settings
from summarizer.errors import (
    PayloadTooLarge,
    SummarizerError,
    UpstreamError,
    UpstreamTimeout,
    UpstreamUnavailable,
)

Message = dict[str, str]
_litellm_module: ModuleType | None = None


def _litellm() -> ModuleType:
    """Import litellm on first use only: the offline engine never pays its ~2.5 s and 165 MB.

    Before the import: use the bundled price map (no download at import). After it: send async calls
    through httpx (which respx sees; aiohttp escapes it), and keep litellm quiet and retry-free.
    """
    global _litellm_module
    if _litellm_module is None:
        os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        os.environ["DISABLE_AIOHTTP_TRANSPORT"] = "True"
        import litellm

        litellm.disable_aiohttp_transport = True
        litellm.suppress_debug_info = True
        litellm.telemetry = False
        litellm.drop_params = True  # providers without response_format still get the prompt's JSON rules
        litellm.num_retries = 0
        litellm.in_memory_llm_clients_cache.flush_cache()  # type: ignore[no-untyped-call]
        _litellm_module = litellm
    return _litellm_module


@dataclass(frozen=True)
class Completion:
    text: str
    input_tokens: int
    output_tokens: int
    finish_reason: str | None = None  # "length": cut at max_tokens, the text is not a whole answer


class Completer(Protocol):
    """What engines need of a model: LLMClient, or the evals' recording and replaying clients."""

    async def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion: ...


def translate(exc: BaseException, model: str) -> SummarizerError:
    """A provider exception as one of ours, with a message that says what happened."""
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else name
    where = f"LLM provider for {model!r}"
    if isinstance(exc, TimeoutError) or name in ("Timeout", "APITimeoutError"):
        return UpstreamTimeout(f"{where} did not answer in time: {detail}")
    if name == "ContextWindowExceededError":
        return PayloadTooLarge(
            f"the articles of one group are too long for {model!r}'s context window; "
            "send fewer or shorter articles per day and topic",
            field="articles",
        )
    if name in ("RateLimitError",) or status == 429:
        return UpstreamUnavailable(f"{where} is rate-limiting us (429): {detail}")
    if name in ("ServiceUnavailableError", "APIConnectionError") or status in (503, 529):
        return UpstreamUnavailable(f"{where} is unavailable: {detail}")
    if name == "InternalServerError" and "connect" in detail.lower():
        return UpstreamUnavailable(f"{where} cannot be reached: {detail}")
    if name in ("AuthenticationError", "PermissionDeniedError") or status in (401, 403):
        return UpstreamError(
            f"{where} rejected our credentials ({status}); check the provider's API key variable"
        )
    if name == "NotFoundError" or status == 404:
        return UpstreamError(f"{where} does not know this model (404): {detail}")
    return UpstreamError(f"{where} failed ({name}{f', HTTP {status}' if status else ''}): {detail}")


def _transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, rate limits, 5xx and dropped connections; not 4xx."""
    return isinstance(translate(exc, ""), UpstreamUnavailable | UpstreamTimeout) or (
        getattr(exc, "status_code", None) in (500, 502, 503, 504, 529)
    )


class LLMClient:
    """Chat completions with a JSON-schema response format, one retry layer, a concurrency cap."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._slots = asyncio.Semaphore(settings.llm_max_concurrency)

    async def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        litellm = _litellm()
        s = self.settings
        kwargs: dict[str, Any] = {
            "model": s.model,
            "messages": messages,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema, "strict": False},
            },
            "temperature": 0,
            "max_tokens": s.llm_max_tokens,
            "timeout": s.llm_timeout,
            "num_retries": 0,  # tenacity below is the one retry layer
            "max_retries": 0,  # and the openai SDK must not retry on its own
        }
        if s.api_base:
            kwargs["api_base"] = s.api_base
        if s.api_key is not None:
            kwargs["api_key"] = s.api_key.get_secret_value()
        retrying = AsyncRetrying(
            stop=stop_after_attempt(s.llm_retries + 1),
            wait=wait_exponential(multiplier=s.llm_retry_wait, max=8),
            retry=retry_if_exception(_transient),
            reraise=True,
        )
        try:
            async with self._slots:
                async for attempt in retrying:
                    with attempt:
                        response = await litellm.acompletion(**kwargs)
        except SummarizerError:
            raise
        except Exception as exc:
            raise translate(exc, s.model) from exc
        try:
            choice = response.choices[0]
            text = choice.message.content or ""
            usage = getattr(response, "usage", None)
            return Completion(
                text=text,
                input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
                finish_reason=getattr(choice, "finish_reason", None),
            )
        except (AttributeError, IndexError, TypeError) as exc:
            raise UpstreamError(f"LLM provider for {s.model!r} sent a reply with no message: {exc}") from exc
