"""Who is asking: API keys (Bearer or X-API-Key) with scopes, and per-key (or per-address) rate limits."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from summarizer.api.deps import get_services
from summarizer.api.limits import RateLimiter
from summarizer.errors import Forbidden, Unauthorized
from summarizer.keys import KeyRing, Scope


@dataclass(frozen=True)
class Principal:
    """The caller: a key's id ('' when keys are off, for everyone), what it was checked for."""

    owner: str
    scopes: frozenset[str]


def _loopback(host: str | None) -> bool:
    if host in (None, "", "testclient", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


KEY_COOKIE = "summarizer_key"  # set by the page's key form (POST /session) for browsers, which send no headers


def presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization")
    if auth:
        kind, _, value = auth.partition(" ")
        if kind.lower() == "bearer" and value.strip():
            return value.strip()
    header = request.headers.get("x-api-key")
    if header:
        return header
    if request.method in ("GET", "HEAD"):  # the cookie reads; it never writes (no cross-site posting with it)
        return request.cookies.get(KEY_COOKIE) or None
    return None


def require(scope: Scope) -> Callable[[Request], Coroutine[Any, Any, Principal]]:
    """A dependency: the caller must hold ``scope`` (when keys are configured) and be within its rate."""

    async def check(request: Request) -> Principal:
        services = get_services(request)
        ring: KeyRing = services.keys
        limiter: RateLimiter = services.limiter
        if not ring:
            host = request.client.host if request.client else None
            if not _loopback(host):
                limiter.take(f"addr:{host}")
            return Principal(owner="", scopes=frozenset({"read", "write", "verify", "admin"}))
        key = presented_key(request)
        if key is None:
            raise Unauthorized("this service needs an API key: send Authorization: Bearer <key> or X-API-Key")
        record = ring.check(key)
        if record is None:
            raise Unauthorized(
                "this API key is not known here; ask the operator for one (`summarizer keys add`)"
            )
        limiter.take(f"key:{record.id}")
        if not record.allows(scope):
            raise Forbidden(f"this key may not {scope}: it has the scopes {', '.join(sorted(record.scopes))}")
        return Principal(owner=record.id, scopes=frozenset(record.scopes))

    return check


ReadCaller = Annotated[Principal, Depends(require("read"))]
WriteCaller = Annotated[Principal, Depends(require("write"))]
VerifyCaller = Annotated[Principal, Depends(require("verify"))]


SCOPED = {
    "/summarize": "write", "/verify": "verify", "/timeline": "read", "/regions": "read",
    "/articles/{article_id}": "read", "/jobs": "write", "/jobs/{job_id}": "read",
}  # fmt: skip


def document(app: FastAPI) -> None:
    """Declare the key schemes in OpenAPI (the docs' Authorize button); keys are optional when none are set."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        schema.setdefault("components", {})["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <key>"},
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        }
        for path, scope in SCOPED.items():
            for op in schema.get("paths", {}).get(path, {}).values():
                op["security"] = [{"bearer": []}, {"apiKey": []}, {}]
                op["description"] = (
                    op.get("description") or ""
                ) + f"\n\nNeeds a key with the `{scope}` scope when keys are configured."
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
