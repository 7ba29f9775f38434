"""Every curl example in README.md runs as written against a live server (only host and port rewritten),
and the install commands are the ones .ci/run and scripts/uv actually use."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.running_server import live_server

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", text, flags=re.S)


def curl_commands(text: str) -> list[str]:
    """Each command starting with `curl` in the README's bash blocks, with its continuation lines."""
    commands: list[str] = []
    for block in bash_blocks(text):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("curl "):
                if current:
                    commands.append("\n".join(current))
                current = [line]
            elif current is not None and line.strip() and not line.startswith("#"):
                current.append(line)
            elif current is not None:
                commands.append("\n".join(current))
                current = None
        if current:
            commands.append("\n".join(current))
    return commands


COMMANDS = curl_commands(README)


def test_the_readme_has_the_examples_this_test_expects() -> None:
    assert len(COMMANDS) >= 8
    assert sum("localhost:8000" in c for c in COMMANDS) == len(COMMANDS)
    # a raw Arabic query string gets a plain-text 400 from uvicorn: Arabic goes through --data-urlencode
    for c in COMMANDS:
        query = re.findall(r"'localhost:8000/[^']*'", c)
        assert not any(re.search(r"[\u0600-\u06FF]", q) for q in query), c


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    with live_server(tmp_path_factory.mktemp("readme")) as url:
        yield url


def run(command: str, base: str, cwd: Path) -> str:
    rewritten = command.replace("localhost:8000", base.removeprefix("http://"))
    done = subprocess.run(["bash", "-c", "set -o pipefail; " + rewritten], cwd=cwd, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, f"{command}\n-> exit {done.returncode}: {done.stderr}{done.stdout[:500]}"
    return done.stdout


def test_every_curl_example_runs_as_written(base: str, tmp_path: Path) -> None:
    outputs = [run(c, base, tmp_path) for c in COMMANDS]  # in the README's order: summarize comes first
    for command, out in zip(COMMANDS, outputs, strict=True):
        if "-o " in command:
            out = next(tmp_path.glob("*.csv")).read_text("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(out)))
            assert rows and "event_id_cnty" in rows[0], command
            continue
        if "/metrics" in command:
            assert "summarizer_http_requests_total{" in out, command
            continue
        body = json.loads(out)  # every other example answers JSON, and not an error
        assert "error" not in body, f"{command}\n-> {out[:500]}"
        if "/summarize" in command:
            assert body["groups"] and body["groups"][0]["summary"]["en"]["bullets"]
        if "region=حلب" in command:
            assert body["region"]["slug"] == "aleppo" and body["events"], out[:300]
            assert all(e["description"]["ar"] is None for e in body["events"])
        if "format=geojson" in command:
            assert body["type"] == "FeatureCollection" and body["features"]
        if "/articles/" in command:
            assert body["id"] == "arab48-1" and "إدلب" in body["text"]


def test_install_commands_are_the_ones_ci_runs() -> None:
    blocks = "\n".join(bash_blocks(README))
    serve = "./scripts/uv run --frozen --no-dev summarizer serve"
    tests = "./scripts/uv run --frozen pytest"
    assert serve in blocks and tests in blocks
    assert tests in (ROOT / ".ci" / "run").read_text("utf-8")
    assert "pip install" not in blocks  # PEP 668 systems refuse it
    # outside scripts/uv itself, the README never assumes a bare `uv` on PATH for its commands
    assert not re.search(r"(?m)^(?!.*scripts/)uv run", blocks)
    script = (ROOT / "scripts" / "uv").read_text("utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    version = re.search(r"UV_VERSION=(\S+)", script)
    assert version and f"uv=={version.group(1)}" in dockerfile  # one pinned uv everywhere


def fetch_uv() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("fetch_uv", ROOT / "scripts" / "fetch_uv.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_index(tmp_path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """A PEP 691 'simple' index on loopback serving one fake uv wheel for this platform."""
    import hashlib
    import threading
    import zipfile
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    tag = fetch_uv().platform_tags()[0]
    name = f"uv-9.9.9-py3-none-{tag}.whl"
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as z:
        z.writestr("uv-9.9.9.data/scripts/uv", "#!/bin/sh\necho uv 9.9.9\n")
    wheel = blob.getvalue()
    entry: dict[str, Any] = {"filename": name, "url": f"../../files/{name}",
                             "hashes": {"sha256": hashlib.sha256(wheel).hexdigest()}}  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/simple/uv/":
                body = json.dumps({"files": [entry]}).encode()
            elif self.path == f"/files/{name}":
                body = wheel
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/simple", entry
    finally:
        server.shutdown()


def test_scripts_uv_installs_a_checked_wheel_with_the_standard_library(
    fake_index: tuple[str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, entry = fake_index
    monkeypatch.setenv("PIP_INDEX_URL", index)
    module = fetch_uv()
    module.main("9.9.9", tmp_path / "tools")
    binary = tmp_path / "tools" / "uv"
    assert binary.read_text() == "#!/bin/sh\necho uv 9.9.9\n" and binary.stat().st_mode & 0o111
    entry["hashes"]["sha256"] = "0" * 64  # a wheel that is not what the index vouches for
    with pytest.raises(SystemExit, match="sha256"):
        module.main("9.9.9", tmp_path / "other")
    assert not (tmp_path / "other" / "uv").exists()
    with pytest.raises(SystemExit, match=r"no uv 1\.0\.0 wheel"):
        module.main("1.0.0", tmp_path / "other")
