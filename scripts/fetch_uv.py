"""Download one uv release's wheel for this machine from PyPI, check its sha256, unpack the uv binary.

Standard library only (no pip, no venv): `python3 scripts/fetch_uv.py VERSION DEST_DIR`. Reads the index
from PIP_INDEX_URL or UV_INDEX_URL (a PEP 503/691 "simple" URL), default https://pypi.org/simple, and a
CA bundle from SSL_CERT_FILE or PIP_CERT when set.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import ssl
import stat
import sys
import urllib.request
import zipfile
from pathlib import Path


def platform_tags() -> list[str]:
    """Wheel platform fragments that run here, best first."""
    system, machine = platform.system(), platform.machine().lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "aarch64", "aarch64": "aarch64"}.get(machine, machine)
    if system == "Darwin":
        return ["macosx_11_0_arm64"] if arch == "aarch64" else ["macosx_10_12_x86_64"]
    if system == "Linux":
        libc = platform.libc_ver()[0]
        if libc == "glibc":
            return [f"manylinux_2_17_{arch}", f"manylinux2014_{arch}", f"musllinux_1_1_{arch}"]
        return [f"musllinux_1_1_{arch}"]
    raise SystemExit(f"fetch_uv: no uv wheel for {system}/{machine} here; install uv yourself (see README)")


def fetch(url: str, context: ssl.SSLContext, accept: str = "*/*") -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": "summarizer-bootstrap"})
    with urllib.request.urlopen(request, timeout=120, context=context) as response:
        data: bytes = response.read()
        return data


def main(version: str, dest: Path) -> None:
    index = (os.environ.get("PIP_INDEX_URL") or os.environ.get("UV_INDEX_URL") or "https://pypi.org/simple").rstrip("/")
    cafile = os.environ.get("SSL_CERT_FILE") or os.environ.get("PIP_CERT")
    context = ssl.create_default_context(cafile=cafile if cafile and Path(cafile).is_file() else None)
    page = json.loads(fetch(f"{index}/uv/", context, "application/vnd.pypi.simple.v1+json"))
    wheels = [f for f in page["files"] if f["filename"].startswith(f"uv-{version}-") and f["filename"].endswith(".whl")]
    chosen = next((f for tag in platform_tags() for f in wheels if tag in f["filename"]), None)
    if chosen is None:
        raise SystemExit(f"fetch_uv: no uv {version} wheel for {platform_tags()[0]} on {index}")
    url = chosen["url"] if "://" in chosen["url"] else urllib.request.urljoin(f"{index}/uv/", chosen["url"])
    blob = fetch(url, context)
    want = chosen["hashes"]["sha256"]
    got = hashlib.sha256(blob).hexdigest()
    if got != want:
        raise SystemExit(f"fetch_uv: {chosen['filename']} has sha256 {got}, the index says {want}; not installed")
    with zipfile.ZipFile(io.BytesIO(blob)) as wheel:
        member = f"uv-{version}.data/scripts/uv"
        data = wheel.read(member)
    dest.mkdir(parents=True, exist_ok=True)
    tmp = dest / "uv.partial"
    tmp.write_bytes(data)
    tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    tmp.replace(dest / "uv")
    print(f"fetch_uv: uv {version} ({chosen['filename']}, sha256 checked) in {dest}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python3 scripts/fetch_uv.py VERSION DEST_DIR")
    main(sys.argv[1], Path(sys.argv[2]))
