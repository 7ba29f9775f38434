"""Limits: request bodies over the configured size refused with a 413 before parsing; request rates per caller.

The body is read here in full (at most ``max_bytes``), whether it came with a Content-Length or chunked,
checked to be UTF-8, and handed on in one piece: nothing past the limit is ever buffered, and the app never
sees a cut body.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.errors import RateLimited


def error_bytes(code: str, message: str, fields: list[dict[str, str]] | None = None) -> bytes:
    """The documented error body, for the few answers given below FastAPI's exception handlers."""
    return json.dumps({"error": {"code": code, "message": message, "fields": fields or []}}).encode()


async def send_error(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send) -> None:
        body = error_bytes(
            "payload_too_large",
            f"request body is larger than {self.max_bytes} bytes; send fewer articles per request "
            "or raise SUMMARIZER_MAX_BODY_BYTES",
            [{"field": "body", "message": f"at most {self.max_bytes} bytes"}],
        )
        await send_error(send, 413, body, [(b"connection", b"close")])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name != b"content-length":
                continue
            if not value.isdigit():
                why = "the Content-Length header is not a number of bytes"
                await send_error(
                    send, 400, error_bytes("bad_request", why, [{"field": "content-length", "message": why}])
                )
                return
            if len(value) > 18 or int(value) > self.max_bytes:
                await self._refuse(send)
                return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")  # JSON travels as UTF-8 (RFC 8259); json.loads would also take UTF-16 or 32
        except UnicodeDecodeError as e:
            why = f"the body is not UTF-8 text (byte {e.start}); send JSON encoded as UTF-8"
            await send_error(
                send, 422, error_bytes("invalid_input", why, [{"field": "body", "message": why}])
            )
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the client to disconnect

        await self.app(scope, replay, send)


class RateLimiter:
    """A token bucket per caller: ``burst`` at once, refilled at ``per_minute``. Used on the event loop only."""

    def __init__(self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # caller -> (tokens, when)

    def take(self, caller: str) -> None:
        now = self._clock()
        tokens, when = self._buckets.get(caller, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        if tokens < 1.0:
            self._buckets[caller] = (tokens, now)
            raise RateLimited(
                f"too many requests from this {'key' if caller.startswith('key:') else 'address'}; "
                f"the limit is {self.rate * 60:g} per minute with bursts of {self.burst:g}",
                retry_after=(1.0 - tokens) / self.rate,
            )
        self._buckets[caller] = (tokens - 1.0, now)
        if len(self._buckets) > 10_000:  # forget callers whose bucket is full again
            full = [c for c, (t, w) in self._buckets.items() if t + (now - w) * self.rate >= self.burst]
            for c in full:
                del self._buckets[c]
