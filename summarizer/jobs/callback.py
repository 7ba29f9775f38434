"""Delivering a finished job to its callback URL: a few tries with back-off, no redirects, public hosts only.
The host is resolved once and every try connects to the address that was checked (a name that resolves to a
public address for the check and to a private one for the connection, DNS rebinding, reaches nothing)."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from summarizer.jobs.models import CallbackState

log = logging.getLogger("summarizer")

Resolver = Callable[[str, int], Awaitable[list[str]]]  # (host, port) -> its addresses; OSError when unknown


async def resolve(host: str, port: int) -> list[str]:
    """The host's addresses, as the system resolver gives them."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class Refused(Exception):
    """The host may not be called (it resolves to a loopback, private or reserved address)."""


@dataclass(frozen=True)
class Pinned:
    """Where to connect: the URL with its host replaced by the address checked, and what names the host."""

    url: httpx.URL
    headers: dict[str, str]  # Host, as the URL gave it
    extensions: dict[str, str]  # sni_hostname: TLS asks for, and verifies, the host's name, not the address


async def pin(url: str, allow_private: bool, resolver: Resolver = resolve) -> Pinned:
    """Resolve the URL's host once and check every address it gives (unless private ones are allowed); raises
    Refused, or OSError when the host cannot be resolved."""
    target = httpx.URL(url)
    host = target.raw_host.decode("ascii")
    addresses = await resolver(host, target.port or (443 if target.scheme == "https" else 80))
    if not addresses:
        raise OSError(f"no address for {host!r}")
    for found in addresses:
        address = ipaddress.ip_address(found.split("%")[0])
        if not allow_private and not address.is_global:
            raise Refused(
                f"the host {host!r} resolves to the non-public address {address}; callbacks go to public hosts "
                "only (SUMMARIZER_CALLBACK_PRIVATE=true allows private ones)"
            )
    extensions = {"sni_hostname": host} if target.scheme == "https" else {}
    return Pinned(target.copy_with(host=addresses[0]), {"host": target.netloc.decode("ascii")}, extensions)


async def deliver(
    url: str,
    body: bytes,
    job_id: str,
    *,
    attempts: int,
    wait: float,
    timeout: float,
    allow_private: bool,
    resolver: Resolver = resolve,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[CallbackState, int, str | None]:
    """POST ``body`` to ``url`` until a 2xx answer or ``attempts`` tries (waits ``wait``, then doubling);
    (state, tries made, last error). Never raises for the receiver's faults. A host that resolves to a
    non-public address (and private ones are not allowed) is refused before any try; one that cannot be
    resolved counts as a failed try."""
    error: str | None = None
    headers = {"content-type": "application/json", "user-agent": "summarizer", "x-summarizer-job": job_id}
    pinned: Pinned | None = None
    async with httpx.AsyncClient(
        follow_redirects=False, timeout=timeout, trust_env=False, transport=transport
    ) as client:
        for attempt in range(1, attempts + 1):
            try:
                pinned = pinned or await pin(url, allow_private, resolver)
            except Refused as e:
                return "failed", attempt - 1, str(e)
            except OSError as e:
                error = f"the host {httpx.URL(url).host!r} could not be resolved ({e})"
            if pinned is not None:
                try:
                    r = await client.post(
                        pinned.url,
                        content=body,
                        headers=headers | pinned.headers,
                        extensions=pinned.extensions,
                    )
                    if 200 <= r.status_code < 300:
                        return "delivered", attempt, None
                    error = f"the receiver answered HTTP {r.status_code}"
                    if r.is_redirect:
                        error += " (redirects are not followed)"
                except httpx.HTTPError as e:
                    error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            log.warning("callback of job %s, try %d of %d: %s", job_id, attempt, attempts, error)
            if attempt < attempts:
                await asyncio.sleep(wait * 2 ** (attempt - 1))
    return "failed", attempts, error
