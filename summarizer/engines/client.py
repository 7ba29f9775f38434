"""The LLM client: the only module that imports litellm, and the only place provider errors are translated."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import logging
import os
from contextvars import ContextVar
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential

from summarizer import metrics
from summarizer.config import Settings
from summarizer.errors import (
    ConfigError,
    PayloadTooLarge,
    SummarizerError,
    UpstreamError,
    UpstreamTimeout,
    UpstreamUnavailable,
)

log = logging.getLogger("summarizer")
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


def _provider(model: str) -> str:
    return model.split("/", 1)[0] if "/" in model else "provider"


def translate(exc: BaseException, model: str) -> SummarizerError:
    """A provider exception as one of ours, summarized as status, provider and kind: the provider's own text is
    never echoed (it may quote our request, headers and key included); the server log gets the same summary."""
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    status = status if isinstance(status, int) else None
    where = f"LLM provider {_provider(model)!r} for {model!r}"
    what = f"{name}{f', HTTP {status}' if status else ''}"
    if isinstance(exc, TimeoutError) or name in ("Timeout", "APITimeoutError"):
        return UpstreamTimeout(f"{where} did not answer in time ({what})")
    if name == "ContextWindowExceededError":
        return PayloadTooLarge(
            f"the articles of one group are too long for {model!r}'s context window; "
            "send fewer or shorter articles per day and topic",
            field="articles",
        )
    if name in ("RateLimitError",) or status == 429:
        return UpstreamUnavailable(f"{where} is rate-limiting us ({what})")
    if name in ("ServiceUnavailableError", "APIConnectionError") or status in (503, 529):
        return UpstreamUnavailable(f"{where} is unavailable ({what})")
    if name == "InternalServerError" and "connect" in str(exc).lower():
        return UpstreamUnavailable(f"{where} cannot be reached ({what})")
    if name in ("AuthenticationError", "PermissionDeniedError") or status in (401, 403):
        return UpstreamError(
            f"{where} rejected our credentials ({what}); check the provider's API key variable"
        )
    if name == "NotFoundError" or status == 404:
        return UpstreamError(f"{where} does not know this model ({what})")
    return UpstreamError(f"{where} failed ({what})")


def check_credentials(settings: Settings) -> None:
    """Raise ConfigError, at start-up, when the model's provider needs a key that is nowhere: not in the
    provider's own variable (OPENAI_API_KEY ...) nor in SUMMARIZER_API_KEY. Without this the first request
    fails deep inside the provider's SDK, and every request after it, as a 502 nobody can act on."""
    if settings.engine != "llm":
        return
    key = settings.api_key.get_secret_value() if settings.api_key is not None else None
    found = _litellm().validate_environment(model=settings.model, api_key=key, api_base=settings.api_base)
    missing = [str(k) for k in found.get("missing_keys") or []]
    if found.get("keys_in_environment") or not missing:
        return
    where = (
        f"SUMMARIZER_API_KEY for the server at SUMMARIZER_API_BASE (any value if it checks none), or {', '.join(missing)}"
        if settings.api_base
        else f"{', '.join(missing)} (the provider's own variable), or SUMMARIZER_API_KEY"
    )
    raise ConfigError(f"SUMMARIZER_MODEL={settings.model!r} needs an API key and none is set: set {where}")


def _transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, rate limits, 5xx and dropped connections; not 4xx."""
    return isinstance(translate(exc, ""), UpstreamUnavailable | UpstreamTimeout) or (
        getattr(exc, "status_code", None) in (500, 502, 503, 504, 529)
    )


def _cost(litellm: ModuleType, response: Any) -> float:
    """The call's price in USD from litellm's bundled price map; 0 for a model it cannot price."""
    try:
        return float(litellm.completion_cost(completion_response=response) or 0.0)
    except Exception:  # unknown or local models have no price
        return 0.0


def retry_after(exc: BaseException) -> float | None:
    """Seconds the provider asked us to wait (Retry-After: seconds or an HTTP date), or None."""
    headers: Any = getattr(exc, "litellm_response_headers", None)
    response = getattr(exc, "response", None)
    if headers is None and response is not None:
        headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        value = headers.get("retry-after") or headers.get("Retry-After")
    except AttributeError:
        return None
    if not value:
        return None
    value = str(value).strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


# The loop time by which the current request needs the LLM's answer (set by the pipeline per group): each
# call's timeout and each retry's wait fit inside it, so a fallback still has time to serve.
DEADLINE: ContextVar[float | None] = ContextVar("llm_deadline", default=None)


async def pause(seconds: float) -> None:
    """How the retry layer waits (a seam: tests record the waits instead of sleeping)."""
    await asyncio.sleep(seconds)


def load_litellm() -> None:
    """Import litellm now (at start-up, when an LLM is configured), not on the first request."""
    _litellm()


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
            "num_retries": 0,  # _with_retries (tenacity) is the one retry layer
            "max_retries": 0,  # and the openai SDK must not retry on its own
        }
        if s.api_base:
            kwargs["api_base"] = s.api_base
        if s.api_key is not None:
            kwargs["api_key"] = s.api_key.get_secret_value()
        try:
            async with self._slots:
                response = await self._with_retries(litellm, kwargs)
        except SummarizerError:
            metrics.LLM_CALLS.labels(s.model, "error").inc()
            raise
        except Exception as exc:
            metrics.LLM_CALLS.labels(s.model, "error").inc()
            error = translate(exc, s.model)
            log.warning("%s: %s", error.code, error.message)
            raise error from None
        try:
            choice = response.choices[0]
            text = choice.message.content or ""
            usage = getattr(response, "usage", None)
            done = Completion(
                text=text,
                input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
                finish_reason=getattr(choice, "finish_reason", None),
            )
            metrics.llm_call(s.model, done.input_tokens, done.output_tokens, _cost(litellm, response))
            return done
        except (AttributeError, IndexError, TypeError) as exc:
            raise UpstreamError(
                f"LLM provider for {s.model!r} sent a reply with no message ({type(exc).__name__})"
            ) from None

    async def ping(self) -> str | None:
        """Whether the provider answers now: None when it does, else why not (status, provider, kind)."""
        litellm = _litellm()
        s = self.settings
        kwargs: dict[str, Any] = {
            "model": s.model,
            "messages": [{"role": "user", "content": "ping"}],
            "max_tokens": 1,
            "timeout": min(10.0, s.llm_timeout),
            "num_retries": 0,
            "max_retries": 0,
        }
        if s.api_base:
            kwargs["api_base"] = s.api_base
        if s.api_key is not None:
            kwargs["api_key"] = s.api_key.get_secret_value()
        try:
            await litellm.acompletion(**kwargs)
        except Exception as exc:
            return translate(exc, s.model).message
        return None

    async def _with_retries(self, litellm: ModuleType, kwargs: dict[str, Any]) -> Any:
        """The one retry layer (tenacity): transient failures are retried (SUMMARIZER_LLM_RETRIES), waiting
        what the provider's Retry-After asks (capped by SUMMARIZER_LLM_RETRY_AFTER_MAX) or an exponential
        back-off; every call's timeout and every wait fit inside the request's DEADLINE, and a retry that
        would not fit is not made."""
        s = self.settings
        loop = asyncio.get_running_loop()
        deadline = DEADLINE.get()
        backoff = wait_exponential(multiplier=s.llm_retry_wait, max=8)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome is not None else None
            asked = retry_after(exc) if exc is not None else None
            return min(asked, s.llm_retry_after_max) if asked is not None else float(backoff(state))

        def stop(state: RetryCallState) -> bool:
            late = deadline is not None and loop.time() + state.upcoming_sleep >= deadline - 0.05
            return state.attempt_number > s.llm_retries or late

        retrying = AsyncRetrying(
            stop=stop, wait=wait, retry=retry_if_exception(_transient), reraise=True, sleep=lambda t: pause(t)
        )
        async for attempt in retrying:
            with attempt:
                timeout = s.llm_timeout
                if deadline is not None:
                    timeout = min(timeout, deadline - loop.time())
                    if timeout <= 0.05:
                        raise UpstreamTimeout(
                            f"LLM provider for {s.model!r}: no time left in the request deadline for a call"
                        )
                return await litellm.acompletion(**{**kwargs, "timeout": timeout})
        raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover
