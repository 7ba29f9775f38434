"""Load test: C clients mixing posts and timeline reads against a real server on loopback for D seconds.

Starts `summarizer serve` (offline engine, fresh data directory, loopback, no keys) in a child process,
runs the clients, stops the server, and prints the counts of 5xx answers and dropped connections, the
other statuses, and requests per second. Bounded by --duration; each request has a --timeout.

    uv run python bench/load.py                      # 16 clients, 60 s
    uv run python bench/load.py --clients 4 --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ARTICLES = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "articles"
REGIONS = ["idlib", "aleppo", "hama", "homs", "حلب", "حماة", "damascus"]


def articles() -> list[dict[str, Any]]:
    index = json.loads((ARTICLES / "index.json").read_text("utf-8"))
    return [
        {"id": e["id"], "text": (ARTICLES / e["file"]).read_text("utf-8"), "published_at": e["published_at"],
         **({"source": e["source"]} if e["source"] else {})}
        for e in index["articles"]
    ]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Tally:
    def __init__(self) -> None:
        self.statuses: collections.Counter[str] = collections.Counter()
        self.dropped = 0
        self.latency: dict[str, list[float]] = collections.defaultdict(list)
        self.examples: list[str] = []


async def client(
    n: int, base: str, until: float, pool: list[dict[str, Any]], tally: Tally, timeout: float
) -> None:
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as http:
        i = 0
        while time.monotonic() < until:
            i += 1
            kind = "post" if rng.random() < 0.35 else "timeline"
            try:
                started = time.monotonic()
                if kind == "post":
                    picked = rng.sample(pool, rng.randint(1, 3))
                    if rng.random() < 0.5:  # new ids: the store changes and cached merges go stale
                        picked = [{**a, "id": f"{a['id']}-c{n}-{i}"} for a in picked]
                    r = await http.post("/summarize", json={"articles": picked})
                else:
                    params: dict[str, Any] = {"limit": rng.choice([10, 100, 1000])}
                    if rng.random() < 0.5:
                        params["region"] = rng.choice(REGIONS)
                    if rng.random() < 0.5:
                        start = dt.date(2024, 11, 25) + dt.timedelta(days=rng.randint(0, 8))
                        params["from"], params["to"] = (
                            str(start),
                            str(start + dt.timedelta(days=rng.randint(0, 5))),
                        )
                    r = await http.get("/timeline", params=params)
                tally.latency[kind].append(time.monotonic() - started)
                tally.statuses[f"{kind} {r.status_code}"] += 1
                if r.status_code >= 500 and len(tally.examples) < 5:
                    tally.examples.append(f"{kind} {r.status_code}: {r.text[:200]}")
            except httpx.TransportError as e:  # refused, reset, closed mid-answer, timed out
                tally.dropped += 1
                if len(tally.examples) < 5:
                    tally.examples.append(f"{kind} dropped: {type(e).__name__}: {e}")


async def run(base: str, clients: int, duration: float, timeout: float) -> tuple[Tally, float]:
    pool = articles()
    tally = Tally()
    started = time.monotonic()
    until = started + duration
    await asyncio.gather(*(client(n, base, until, pool, tally, timeout) for n in range(clients)))
    return tally, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one request may take")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
        env["SUMMARIZER_DATA_DIR"] = data
        server = subprocess.Popen(
            [sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port), "--log-level", "warning"],
            env=env,
        )
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.05)
            else:
                print("server did not start", file=sys.stderr)
                return 2
            tally, seconds = asyncio.run(run(base, args.clients, args.duration, args.timeout))
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = sum(tally.statuses.values())
    five = sum(c for k, c in tally.statuses.items() if k.split()[1].startswith("5"))
    print(f"{args.clients} clients, {seconds:.1f} s, server on loopback (offline engine, 2-core machine)")
    print(
        f"requests answered: {total} ({total / seconds:.1f} req/s); 5xx: {five}; dropped connections: {tally.dropped}"
    )
    for key in sorted(tally.statuses):
        print(f"  {key}: {tally.statuses[key]}")
    for kind, values in sorted(tally.latency.items()):
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"  {kind} latency: median {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    for e in tally.examples:
        print(f"  e.g. {e}")
    return 1 if five or tally.dropped else 0


if __name__ == "__main__":
    sys.exit(main())
