"""The JSON schema sent to the model: bounded, article ids as an enum, and as few tokens as it can be."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from summarizer.schemas import LLMGroupOutput

_NOISE = ("title", "description", "examples", "default")


@cache
def _full() -> dict[str, Any]:
    return LLMGroupOutput.model_json_schema()


def full_schema() -> dict[str, Any]:
    """The pydantic schema of the answer, descriptions and all (printed by `summarizer schema`)."""
    return copy.deepcopy(_full())


def _strip(node: Any, *, names: bool = False) -> Any:
    """Drop titles, descriptions, examples and defaults; ``names``: the keys are field names, kept."""
    if isinstance(node, dict):
        return {
            k: _strip(v, names=k in ("properties", "$defs") and not names)
            for k, v in node.items()
            if names or k not in _NOISE
        }
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _size(schema: dict[str, Any]) -> int:
    return len(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))


def _walk(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        out.append(node)
        for v in node.values():
            out.extend(_walk(v))
    elif isinstance(node, list):
        for v in node:
            out.extend(_walk(v))
    return out


def answer_schema(
    article_ids: Sequence[str] = (), *, max_bullets: int | None = None, max_events: int | None = None
) -> dict[str, Any]:
    """The answer's schema without titles and descriptions, $defs inlined when that is smaller, article_id
    limited to ``article_ids``, and the bullet and event lists capped lower when asked (a shorter re-ask)."""
    stripped = _strip(_full())
    inlined = _inline(stripped, stripped.get("$defs", {}))
    schema: dict[str, Any] = inlined if _size(inlined) <= _size(stripped) else stripped
    for node in _walk(schema):
        props = node.get("properties")
        if not isinstance(props, dict):
            continue
        if article_ids and "article_id" in props:
            props["article_id"] = {"enum": list(dict.fromkeys(article_ids))}
        if max_bullets is not None and "bullets" in props:
            props["bullets"]["maxItems"] = min(props["bullets"].get("maxItems", max_bullets), max_bullets)
        if max_events is not None and "events" in props:
            props["events"]["maxItems"] = min(props["events"].get("maxItems", max_events), max_events)
    return schema


def schema_chars(schema: dict[str, Any]) -> int:
    """How long a schema is when sent (compact JSON)."""
    return _size(schema)
