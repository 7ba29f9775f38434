"""The Dockerfile's promises, read from the file (no Docker engine here): pinned uv, no build cache kept,
an unprivileged user, a HEALTHCHECK on /health, and only the package and its lock copied in."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text("utf-8")


def final_stage() -> str:
    return re.split(r"(?m)^FROM ", DOCKERFILE)[-1]


def test_uv_is_pinned_and_keeps_no_cache() -> None:
    installs = re.findall(r"pip install ([^\n]+)", DOCKERFILE)
    assert installs and all(re.fullmatch(r"uv==\d+\.\d+\.\d+", i.strip()) for i in installs)
    assert "UV_NO_CACHE=1" in DOCKERFILE and "PIP_NO_CACHE_DIR=1" in DOCKERFILE
    assert "--mount=type=cache" not in DOCKERFILE
    assert "pip install" not in final_stage() and "uv sync" not in final_stage()  # the runtime image has no uv


def test_runs_as_an_unprivileged_user_with_a_healthcheck() -> None:
    stage = final_stage()
    user = re.findall(r"(?m)^USER (\S+)", stage)
    assert user and not user[-1].startswith(("root", "0"))
    assert re.search(r"(?m)^HEALTHCHECK .*\n.*127\.0\.0\.1:8000/health", stage)
    assert "COPY --from=build /app/.venv /app/.venv" in stage


def test_dockerignore_keeps_the_context_small() -> None:
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    assert {".venv", ".git", "data"} <= set(ignored)
