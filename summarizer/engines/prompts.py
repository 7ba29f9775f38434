"""Prompt templates: loaded from prompts/*.toml, versioned, hashed into cache keys, rendered."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

_SHIPPED = Path(__file__).resolve().parents[2] / "prompts"
_PACKAGED = Path(__file__).resolve().parent / "_prompts"  # where the wheel puts them


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    sha256: str  # of the file's bytes: any edit misses the cache
    parts: dict[str, str]

    def render(self, part: str, **values: object) -> str:
        """Fill ``$name`` placeholders of one part; a missing value raises KeyError."""
        return Template(self.parts[part]).substitute({k: str(v) for k, v in values.items()}).strip()


def prompts_dir(override: Path | None = None) -> Path:
    if override is not None:
        return override
    return _SHIPPED if _SHIPPED.is_dir() else _PACKAGED


@cache
def load(name: str, directory: Path | None = None) -> PromptTemplate:
    path = prompts_dir(directory) / f"{name}.toml"
    raw = path.read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    parts = {k: v for k, v in data.items() if isinstance(v, str) and k not in ("name", "version")}
    return PromptTemplate(
        name=str(data.get("name", name)),
        version=str(data["version"]),
        sha256=hashlib.sha256(raw).hexdigest(),
        parts=parts,
    )
