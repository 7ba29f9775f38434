"""The one exception tree; each class carries the HTTP status the API answers with."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base of every error the service raises on purpose."""

    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConfigError(SummarizerError):
    """A SUMMARIZER_* setting is missing or malformed; start-up stops."""

    status = 500
    code = "config_error"


class InputError(SummarizerError):
    """The request is well-formed JSON but a field is wrong; the message names field and fix."""

    status = 422
    code = "invalid_input"


class PayloadTooLarge(InputError):
    status = 413
    code = "payload_too_large"


class Conflict(InputError):
    """The request would replace something stored without saying it is a correction."""

    status = 409
    code = "conflict"


class Unauthorized(SummarizerError):
    """No API key, or one this service does not know."""

    status = 401
    code = "unauthorized"


class Forbidden(SummarizerError):
    """A known key without the scope the endpoint needs."""

    status = 403
    code = "forbidden"


class RateLimited(SummarizerError):
    """A key (or address) sent more requests than its rate allows; retry after ``retry_after`` seconds."""

    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotFound(SummarizerError):
    status = 404
    code = "not_found"


class UpstreamError(SummarizerError):
    """The LLM provider failed us: the base of the 5xx family that names the provider's fault."""

    status = 502
    code = "upstream_error"


class UpstreamBadOutput(UpstreamError):
    """The model kept answering with invalid or unfaithful output after the re-asks."""

    code = "upstream_bad_output"


class UpstreamUnavailable(UpstreamError):
    """The provider is unreachable, overloaded or rate-limiting us."""

    status = 503
    code = "upstream_unavailable"


class UpstreamTimeout(UpstreamError):
    """The provider (or the whole request) ran past its deadline."""

    status = 504
    code = "upstream_timeout"
