"""Callbacks resolve their host once and connect to the address that was checked: a name that answers a public
address for the check and a private one afterwards (DNS rebinding) never reaches the private one."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from summarizer.jobs.callback import deliver
from tests.fakes.receiver import Receiver


@dataclass
class FakeResolver:
    """Answers each lookup with the next scripted list of addresses (the last one again when they run out)."""

    answers: list[list[str] | OSError]
    asked: list[tuple[str, int]] = field(default_factory=list)

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        answer = self.answers[min(len(self.asked), len(self.answers)) - 1]
        if isinstance(answer, OSError):
            raise answer
        return answer


@dataclass
class Seen:
    """What the client asked the network for (httpx's MockTransport: nothing leaves the process)."""

    statuses: list[int]
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.statuses.pop(0) if self.statuses else 200)


def _deliver(
    url: str, resolver: FakeResolver, seen: Seen | None = None, **kw: object
) -> tuple[str, int, str | None]:
    transport = httpx.MockTransport(seen.handle) if seen is not None else None
    args: dict[str, object] = {"attempts": 3, "wait": 0.0, "timeout": 5.0, "allow_private": False} | kw
    return asyncio.run(deliver(url, b"{}", "j_1", resolver=resolver, transport=transport, **args))  # type: ignore[arg-type]


def test_every_try_connects_to_the_address_checked_not_to_a_new_lookup() -> None:
    rebinding = FakeResolver([["8.8.8.8"], ["127.0.0.1"]])  # public when checked, loopback if asked again
    seen = Seen(statuses=[503, 500])
    assert _deliver("http://hooks.example:8080/in?k=1", rebinding, seen) == ("delivered", 3, None)
    assert rebinding.asked == [("hooks.example", 8080)]  # resolved once for the three tries
    assert [str(r.url) for r in seen.requests] == ["http://8.8.8.8:8080/in?k=1"] * 3
    assert {r.headers["host"] for r in seen.requests} == {"hooks.example:8080"}
    assert all(r.extensions.get("sni_hostname") is None for r in seen.requests)  # plain http: no TLS


def test_https_asks_tls_for_the_host_name_and_ipv6_addresses_are_bracketed() -> None:
    seen = Seen(statuses=[])
    resolver = FakeResolver([["2001:4860:4860::8888", "8.8.4.4"]])
    assert _deliver("https://hooks.example/in", resolver, seen) == ("delivered", 1, None)
    [request] = seen.requests
    assert str(request.url) == "https://[2001:4860:4860::8888]/in"
    assert request.headers["host"] == "hooks.example" and resolver.asked == [("hooks.example", 443)]
    assert request.extensions["sni_hostname"] == "hooks.example"  # the certificate is checked for this name


def test_a_host_with_any_private_address_is_refused_before_any_try() -> None:
    seen = Seen(statuses=[])
    for addresses in (["8.8.8.8", "10.0.0.7"], ["169.254.169.254"], ["::1"], ["fe80::1%eth0"]):
        state, tries, error = _deliver("https://hooks.example/in", FakeResolver([addresses]), seen)
        assert (state, tries) == ("failed", 0) and error is not None and "non-public address" in error
    assert seen.requests == []


def test_a_lookup_that_fails_counts_as_a_try_and_is_retried() -> None:
    seen = Seen(statuses=[])
    flaky = FakeResolver([OSError("temporary failure in name resolution"), ["8.8.8.8"]])
    assert _deliver("http://hooks.example/in", flaky, seen) == ("delivered", 2, None)
    assert len(flaky.asked) == 2 and len(seen.requests) == 1
    state, tries, error = _deliver(
        "http://hooks.example/in", FakeResolver([OSError("no such host")]), seen, attempts=2
    )
    assert (state, tries) == ("failed", 2) and error is not None and "could not be resolved" in error


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    fake = Receiver().start()
    yield fake
    fake.stop()


def test_a_pinned_connection_reaches_a_real_receiver_with_the_host_it_was_given(receiver: Receiver) -> None:
    port = int(receiver.url.split(":")[2].split("/")[0])
    resolver = FakeResolver([["127.0.0.1"]])  # private: allowed here, to reach the loopback receiver
    state = _deliver(f"http://receiver.test:{port}/hook", resolver, allow_private=True)
    assert state == ("delivered", 1, None)
    [(headers, body)] = receiver.received
    assert headers["host"] == f"receiver.test:{port}" and headers["x-summarizer-job"] == "j_1" and body == {}


def _server_name(hello: bytes) -> str | None:
    """The server_name (SNI) a TLS ClientHello asks for, read from its bytes."""
    at = 5 + 4 + 2 + 32  # record and handshake headers, version, random
    at += 1 + hello[at]  # session id
    at += 2 + int.from_bytes(hello[at : at + 2], "big")  # cipher suites
    at += 1 + hello[at]  # compression methods
    end = at + 2 + int.from_bytes(hello[at : at + 2], "big")
    at += 2
    while at + 4 <= end:
        kind, size = int.from_bytes(hello[at : at + 2], "big"), int.from_bytes(hello[at + 2 : at + 4], "big")
        if kind == 0:  # server_name: list length (2), name type (1), name length (2), name
            return hello[at + 9 : at + 9 + int.from_bytes(hello[at + 7 : at + 9], "big")].decode("ascii")
        at += 4 + size
    return None


def test_over_https_the_pinned_connection_asks_tls_for_the_host_name() -> None:
    """A loopback listener reads the ClientHello (no certificate: the handshake goes no further)."""
    hellos: list[bytes] = []

    async def run() -> tuple[str, int, str | None]:
        async def hello(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            head = await reader.readexactly(5)
            hellos.append(head + await reader.readexactly(int.from_bytes(head[3:5], "big")))
            writer.close()

        server = await asyncio.start_server(hello, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            return await deliver(
                f"https://receiver.test:{port}/hook", b"{}", "j_1", attempts=1, wait=0, timeout=5,
                allow_private=True, resolver=FakeResolver([["127.0.0.1"]]),
            )  # fmt: skip

    state, tries, error = asyncio.run(run())
    assert (state, tries) == ("failed", 1) and error is not None  # no TLS server there, as expected
    [hello] = hellos
    assert (
        hello[0] == 0x16 and _server_name(hello) == "receiver.test"
    )  # a handshake, for the name, not 127.0.0.1
