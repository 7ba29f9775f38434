"""The response cache: validated LLM results on disk (diskcache), under content-addressed keys."""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

import diskcache


def cache_key(
    *,
    model: str,
    template_sha: str,
    schema: dict[str, Any],
    languages: list[str],
    article_fingerprints: list[str],
    api_base: str | None,
) -> str:
    """Everything that changes the answer: model (and server), template bytes, schema, request, articles."""
    schema_sha = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()
    raw = json.dumps(
        {
            "model": model,
            "api_base": api_base,
            "template": template_sha,
            "schema": schema_sha,
            "languages": sorted(languages),
            "articles": sorted(article_fingerprints),
        },
        sort_keys=True,
    )
    return "llm:" + hashlib.sha256(raw.encode()).hexdigest()


class ResultCache:
    """A thin wrapper so the rest of the code sees get/set of JSON-able dicts only."""

    def __init__(self, directory: Path, *, enabled: bool = True) -> None:
        self.enabled = enabled
        # JSON on disk, never pickle: a pickled entry runs code when read (CVE-2025-69872)
        self._cache = diskcache.Cache(str(directory), disk=diskcache.JSONDisk) if enabled else None

    def get(self, key: str) -> dict[str, Any] | None:
        if self._cache is None:
            return None
        try:
            value = self._cache.get(key)
        except (ValueError, zlib.error):  # an entry that is not this cache's JSON: a miss
            return None
        return value if isinstance(value, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        if self._cache is not None:
            self._cache.set(key, value)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
