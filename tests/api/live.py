"""A real `summarizer serve` in a child process on a free loopback port, for tests that need a live server."""

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
def live_server(data_dir: Path, **env: str) -> Iterator[str]:
    """Start the service (offline engine unless env says otherwise); yield its base URL; stop it."""
    port = free_port()
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    child_env.update({"SUMMARIZER_DATA_DIR": str(data_dir), **env})
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port), "--log-level", "warning"],
        env=child_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            raise RuntimeError("server did not start in 15 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
