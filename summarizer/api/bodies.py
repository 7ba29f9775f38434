"""Request bodies read and validated in the worker pool (a 5 MB body is ~100 ms of CPU), documented as usual."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from summarizer.offload import run_cpu

M = TypeVar("M", bound=BaseModel)


def _invalid_json(message: str) -> RequestValidationError:
    return RequestValidationError([{"type": "json_invalid", "loc": ("body",), "msg": message, "input": None}])


def validate(model: type[M], raw: bytes) -> M:
    """``raw`` as ``model``; problems raise RequestValidationError, answered as a 422 naming the field."""
    try:
        data = json.loads(raw)  # the standard parser: a lone surrogate reaches the field that holds it
    except RecursionError:
        raise _invalid_json(
            "the body's JSON is nested too deeply; send a flat object as documented"
        ) from None
    except json.JSONDecodeError as e:
        raise _invalid_json(f"JSON decode error: {e.msg} at line {e.lineno} column {e.colno}") from None
    except ValueError as e:  # bytes that are not text (the body guard lets only UTF-8 through)
        raise _invalid_json(f"the body could not be read as JSON ({type(e).__name__})") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = e.errors(include_url=False, include_context=False, include_input=False)
        raise RequestValidationError([{**err, "loc": ("body", *err["loc"])} for err in errors]) from None


def body_of(model: type[M]) -> Callable[[Request], Coroutine[Any, Any, M]]:
    """A dependency: the request's JSON body as ``model``, parsed off the event loop."""

    async def parse(request: Request) -> M:
        return await run_cpu(validate, model, await request.body())

    return parse


def documented(model: type[BaseModel]) -> dict[str, Any]:
    """The route's ``openapi_extra``: its body is ``model`` (see :func:`add_schemas`)."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


def add_schemas(app: FastAPI, *models: type[BaseModel]) -> None:
    """Put ``models`` (and the models they use) in the app's OpenAPI components, for :func:`documented`."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in js.pop("$defs", {}).items():
                components.setdefault(name, sub)
            components.setdefault(model.__name__, js)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
