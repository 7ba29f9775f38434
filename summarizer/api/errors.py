"""Mapping errors to HTTP: our exception tree, request validation, FastAPI's own errors, and the rest."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from summarizer.errors import RateLimited, SummarizerError
from summarizer.schemas import ErrorBody, ErrorResponse

log = logging.getLogger("summarizer")


def _path(loc: tuple[int | str, ...]) -> str:
    parts = [p for p in loc if p not in ("body", "query", "path")]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "body"


_FIXES = {
    "missing": "add it",
    "json_invalid": "send a valid JSON object with Content-Type: application/json",
    "extra_forbidden": "remove it (check its spelling against /docs)",
    "literal_error": "use one of the allowed values",
}

# FastAPI's and Starlette's own HTTP errors (unknown path, wrong method, unparseable body...)
_HTTP_CODES = {
    400: ("bad_request", "the request could not be read"),
    401: ("unauthorized", "send an API key"),
    403: ("forbidden", "this key may not do that"),
    404: ("not_found", "no such path; see /docs for the endpoints"),
    405: ("method_not_allowed", "this path does not take that method"),
    406: ("not_acceptable", "ask for application/json"),
    413: ("payload_too_large", "the request body is too large"),
    415: ("unsupported_media_type", "send Content-Type: application/json"),
}


def _json(status: int, body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=ErrorResponse(error=body).model_dump(), headers=headers)


def _unreadable_body(exc: BaseException) -> str | None:
    """Why FastAPI could not parse a body (it answers a bare 400 with the cause chained), or None."""
    cause = exc.__cause__
    if isinstance(cause, UnicodeError):
        return "the body is not UTF-8 text; send JSON encoded as UTF-8"
    if isinstance(cause, RecursionError):
        return "the body's JSON is nested too deeply; send a flat object as documented in /docs"
    if cause is not None:
        return f"the body could not be parsed ({type(cause).__name__}); send a valid JSON object"
    return None


def install(app: FastAPI) -> None:
    @app.exception_handler(SummarizerError)
    async def _ours(request: Request, exc: SummarizerError) -> JSONResponse:
        fields = [{"field": exc.field, "message": exc.message}] if exc.field else []
        if exc.status >= 500:
            log.warning("%s: %s", exc.code, exc.message)
        headers = None
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(max(1, round(exc.retry_after + 0.49)))}
        elif exc.status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return _json(exc.status, ErrorBody(code=exc.code, message=exc.message, fields=fields), headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = []
        for err in exc.errors():
            field = _path(tuple(err.get("loc", ())))
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            fix = _FIXES.get(str(err.get("type")))
            if err.get("type") == "json_invalid":
                field = "body"
            fields.append({"field": field, "message": f"{msg}; {fix}" if fix else msg})
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:10])
        return _json(422, ErrorBody(code="invalid_input", message=message, fields=fields))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        unreadable = _unreadable_body(exc) if exc.status_code == 400 else None
        if unreadable is not None:
            body = ErrorBody(
                code="invalid_input", message=unreadable, fields=[{"field": "body", "message": unreadable}]
            )
            return _json(422, body)
        code, text = _HTTP_CODES.get(exc.status_code, ("http_error", "see /docs"))
        if exc.status_code == 405:
            text = f"{request.method} is not allowed on {request.url.path}; allowed: {(exc.headers or {}).get('Allow', '?')}"
        elif exc.status_code == 404:
            text = f"no endpoint at {request.url.path}; see /docs for the endpoints"
        return _json(exc.status_code, ErrorBody(code=code, message=text), dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        rid = getattr(request.state, "request_id", None)
        return _json(
            500,
            ErrorBody(code="internal_error", message=f"unexpected {type(exc).__name__}; see server log"),
            {"X-Request-ID": rid} if isinstance(rid, str) else None,
        )
