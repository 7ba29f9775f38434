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
    with live_servers([data_dir], log_level, **env) as [base]:
        yield base


@contextmanager
def live_servers(data_dirs: list[Path], log_level: str = "warning", **env: str) -> Iterator[list[str]]:
    """Several `summarizer serve` processes started side by side (replicas, when env gives them one
    SUMMARIZER_DATABASE_URL), each with its own data dir and log; yield their base URLs, stop them all."""
    procs: list[subprocess.Popen[str]] = []
    bases: list[str] = []
    logs = []
    try:
        for data_dir in data_dirs:
            port = free_port()
            full_env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
            full_env.update(
                {
                    "HOME": str(data_dir),
                    "SUMMARIZER_DATA_DIR": str(data_dir / "data"),
                    "LITELLM_LOCAL_MODEL_COST_MAP": "True",
                    **env,
                }
            )
            log = (data_dir / "server.log").open("w", encoding="utf-8")
            logs.append(log)
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "summarizer.cli",
                        "serve",
                        "--port",
                        str(port),
                        "--log-level",
                        log_level,
                    ],
                    env=full_env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        for proc, base, data_dir in zip(procs, bases, data_dirs, strict=True):
            while True:
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "server did not start: " + (data_dir / "server.log").read_text("utf-8")
                    )
                time.sleep(0.2)
        yield bases
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in logs:
            log.close()
