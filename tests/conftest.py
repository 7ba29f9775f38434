"""Test set-up: litellm kept offline, every escaped network call fails the test, shared fixtures."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Before anything imports litellm: no price-map download, async calls through httpx (which respx sees).
os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
os.environ["DISABLE_AIOHTTP_TRANSPORT"] = "True"
for _var in [v for v in os.environ if v.startswith("SUMMARIZER_")]:
    del os.environ[_var]

# the throwaway Postgres cluster (postgres_server, postgres_url fixtures)
pytest_plugins = ["tests.postgres"]

ARTICLES = Path(__file__).parents[1] / "evals" / "datasets" / "articles"
ESCAPES: list[str] = []


def _loopback(host: Any) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _check(address: Any) -> None:
    if isinstance(address, tuple) and not _loopback(address[0]):
        ESCAPES.append(repr(address))
        raise RuntimeError(
            f"a test tried to reach the network at {address!r}; mock it with respx or a loopback fake"
        )


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check(address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _loopback(host if not isinstance(host, bytes) else host.decode()):
        ESCAPES.append(f"getaddrinfo({host!r})")
        raise RuntimeError(f"a test tried to resolve {host!r}; mock it with respx or a loopback fake")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture(autouse=True)
def _no_escapes() -> Iterator[None]:
    """Even an escape that some library swallowed (and turned into a retry or a 503) fails the test."""
    before = len(ESCAPES)
    yield
    assert ESCAPES[before:] == [], f"network escaped the test: {ESCAPES[before:]}"


def load_articles(origin: str | None = None, collection: str | None = "seed-story") -> list[dict[str, Any]]:
    """The eval articles (origin 'seed': the five Arabic seeds, 'written': those written for the evals),
    with the publication times clients would send. By default only the seed story's collection (what these
    tests were written against); collection 'unseen' or None for the stories kept for measurement."""
    index = json.loads((ARTICLES / "index.json").read_text("utf-8"))
    return [
        {
            "id": entry["id"],
            "text": (ARTICLES / entry["file"]).read_text("utf-8"),
            "published_at": entry["published_at"],
            "language": entry["language"],
            **({"source": entry["source"]} if entry["source"] else {}),
        }
        for entry in index["articles"]
        if origin in (None, entry["origin"]) and collection in (None, entry.get("collection", "seed-story"))
    ]


def load_seeds() -> list[dict[str, Any]]:
    """The five Arabic seed articles."""
    return load_articles("seed")


def topics() -> dict[str, str]:
    """Article id -> what its story is about ('offensive', 'sport'...), as the index records it."""
    index = json.loads((ARTICLES / "index.json").read_text("utf-8"))
    return {e["id"]: e.get("topic") or "offensive" for e in index["articles"]}


@pytest.fixture
def seeds() -> list[dict[str, Any]]:
    return load_seeds()


@pytest.fixture
def all_articles() -> list[dict[str, Any]]:
    return load_articles()
