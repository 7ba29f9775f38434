"""ASGI middleware: a request id (X-Request-ID), a JSON access-log line and metrics for every request."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer import logs, metrics

HEADER = "x-request-id"
_SANE = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
log = logging.getLogger("summarizer.request")
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def incoming_id(scope: Scope) -> str:
    """The caller's X-Request-ID when it is short and plain; otherwise a fresh one."""
    for name, value in scope.get("headers", []):
        if name == HEADER.encode():
            text = bytes(value).decode("latin-1")
            if _SANE.fullmatch(text):
                return text
    return uuid.uuid4().hex


def route_of(scope: Scope) -> str:
    """The route template (/articles/{article_id}), never the raw path: labels must stay few."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = incoming_id(scope)
        scope.setdefault("state", {})["request_id"] = rid  # for the 500 handler, which runs outside this middleware
        token = logs.request_id.set(rid)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (HEADER.encode(), rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = route_of(scope)
            method = scope["method"] if scope["method"] in _METHODS else "other"  # labels stay few
            metrics.REQUESTS.labels(route, method, str(status)).inc()
            metrics.LATENCY.labels(route).observe(elapsed)
            log.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={"method": scope["method"], "path": scope["path"], "route": route, "status": status,
                       "duration_ms": round(elapsed * 1000, 1)},
            )  # fmt: skip
            logs.request_id.reset(token)
