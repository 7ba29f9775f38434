"""Mapping errors to HTTP: our exception tree, request validation, and anything unexpected."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from summarizer.errors import SummarizerError
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


def _json(status: int, body: ErrorBody) -> JSONResponse:
    return JSONResponse(status_code=status, content=ErrorResponse(error=body).model_dump())


def install(app: FastAPI) -> None:
    @app.exception_handler(SummarizerError)
    async def _ours(request: Request, exc: SummarizerError) -> JSONResponse:
        fields = [{"field": exc.field, "message": exc.message}] if exc.field else []
        if exc.status >= 500:
            log.warning("%s: %s", exc.code, exc.message)
        return _json(exc.status, ErrorBody(code=exc.code, message=exc.message, fields=fields))

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

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover - safety net
        log.exception("unexpected error")
        return _json(
            500, ErrorBody(code="internal_error", message=f"unexpected {type(exc).__name__}; see server log")
        )
