"""Delivering a finished job to its callback URL: a few tries with back-off, no redirects, public hosts only."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from urllib.parse import urlsplit

import httpx

from summarizer.jobs.models import CallbackState

log = logging.getLogger("summarizer")


async def _private(url: str) -> str | None:
    """Why the URL's host may not be called (it resolves to a loopback, private or reserved address), or None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port)
    except OSError as e:
        return f"the host {host!r} could not be resolved ({e})"
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            return (
                f"the host {host!r} resolves to the non-public address {address}; callbacks go to public hosts "
                "only (SUMMARIZER_CALLBACK_PRIVATE=true allows private ones)"
            )
    return None


async def deliver(
    url: str,
    body: bytes,
    job_id: str,
    *,
    attempts: int,
    wait: float,
    timeout: float,
    allow_private: bool,
) -> tuple[CallbackState, int, str | None]:
    """POST ``body`` to ``url`` until a 2xx answer or ``attempts`` tries (waits ``wait``, then doubling);
    (state, tries made, last error). Never raises for the receiver's faults."""
    refused = None if allow_private else await _private(url)
    if refused is not None:
        return "failed", 0, refused
    error: str | None = None
    headers = {"content-type": "application/json", "user-agent": "summarizer", "x-summarizer-job": job_id}
    async with httpx.AsyncClient(follow_redirects=False, timeout=timeout, trust_env=False) as client:
        for attempt in range(1, attempts + 1):
            try:
                r = await client.post(url, content=body, headers=headers)
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
