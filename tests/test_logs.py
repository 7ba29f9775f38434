"""The served process logs one JSON object per line, each request with the id it answered in X-Request-ID."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.running_server import live_server


def test_server_logs_are_json_lines_with_request_ids(tmp_path: Path) -> None:
    with live_server(tmp_path, log_level="info") as base:
        mine = httpx.get(base + "/health", headers={"X-Request-ID": "newsroom-7"})
        fresh = httpx.get(base + "/timeline", params={"region": "atlantis"})
    assert mine.headers["x-request-id"] == "newsroom-7"
    lines = [line for line in (tmp_path / "server.log").read_text("utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    requests = {r.get("request_id"): r for r in records if r["logger"] == "summarizer.request"}
    assert requests["newsroom-7"]["path"] == "/health" and requests["newsroom-7"]["status"] == 200
    answered = requests[fresh.headers["x-request-id"]]
    assert answered["status"] == 404 and answered["route"] == "/timeline"
    assert any(r["logger"].startswith("uvicorn") for r in records)  # uvicorn's own lines are JSON too
