"""The real service under uvicorn on a free loopback port, for tests that need a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(data_dir: Path, log_level: str = "warning", **env: str) -> Iterator[str]:
    """Start `summarizer serve` on 127.0.0.1 (offline engine unless env says otherwise); yield its base URL.
    What it writes goes to data_dir/server.log."""
    port = free_port()
    full_env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(data_dir),
        "SUMMARIZER_DATA_DIR": str(data_dir / "data"),
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
        **env,
    }
    log = (data_dir / "server.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port), "--log-level", log_level],
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            raise RuntimeError("server did not start: " + (data_dir / "server.log").read_text("utf-8"))
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
