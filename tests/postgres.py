"""A throwaway Postgres cluster for tests: Debian's binaries (initdb, pg_ctl) on a temp dir, loopback only.

`postgres_server` (session) starts one cluster on a free port and stops it at the end; `postgres_url` gives
each test its own empty database (``postgresql://summarizer@127.0.0.1:PORT/NAME``, trust auth). Where the
binaries are missing the tests skip with the install command, except under CI (CI=true), where .ci/run
installs them and a missing Postgres is a failure. initdb refuses to run as root: as root the cluster runs
as the ``postgres`` system user (Debian's package creates it) through ``runuser``."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL = "apt-get install -y postgresql (Debian/Ubuntu), as .ci/run does"
USER = "summarizer"  # the cluster's superuser (initdb -U)


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway cluster: where its binaries are and how to reach it."""

    bin_dir: Path
    port: int
    socket_dir: Path
    run_as: tuple[str, ...]  # prefix for the server's own commands ("runuser -u postgres --" as root)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL with the cluster's psql (no Python driver needed); its output."""
        done = subprocess.run(
            [str(self.bin_dir / "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
             "-h", str(self.socket_dir), "-p", str(self.port), "-U", USER, "-d", database, "-c", sql],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr}")
        return done.stdout

    def create_database(self, name: str) -> str:
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)


def bin_dir() -> Path | None:
    """The newest Debian Postgres binaries (/usr/lib/postgresql/N/bin), or initdb's directory on PATH."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for candidate in reversed(versions):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stdout}\n{done.stderr}")


def start(root: Path) -> PostgresServer:
    """initdb a cluster in ``root``/data and start it on a free loopback port (socket in ``root``)."""
    binaries = bin_dir()
    if binaries is None:
        raise FileNotFoundError(f"no Postgres binaries (initdb, pg_ctl); {INSTALL}")
    run_as: tuple[str, ...] = ()
    if os.geteuid() == 0:  # initdb refuses root: the package's system user runs the cluster
        run_as = ("runuser", "-u", "postgres", "--")
        shutil.chown(root, "postgres")
    data = root / "data"
    _run([*run_as, str(binaries / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "--no-locale",
          "-E", "UTF8", "--no-sync"], "initdb")  # fmt: skip
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )
    _run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "server.log"),
          "-w", "-t", "60", "start"], "pg_ctl start")  # fmt: skip
    return PostgresServer(binaries, port, root, run_as)


def stop(server: PostgresServer) -> None:
    subprocess.run(
        [*server.run_as, str(server.bin_dir / "pg_ctl"), "-D", str(server.socket_dir / "data"), "-m", "immediate",
         "-w", "stop"],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway cluster for the test session (skipped, or failed under CI, when Postgres is missing)."""
    if bin_dir() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Postgres is missing on CI; {INSTALL}")
        pytest.skip(f"no Postgres binaries here; {INSTALL}")
    root = Path(tempfile.mkdtemp(prefix="summarizer-pg-"))
    try:
        server = start(root)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        stop(server)
        shutil.rmtree(root, ignore_errors=True)


_names = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the session's cluster, as a ``postgresql://`` URL."""
    return postgres_server.create_database(f"test_{os.getpid()}_{next(_names)}")
