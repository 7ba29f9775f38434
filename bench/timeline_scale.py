"""Timeline at scale: fill a store with generated reports, then measure /timeline beside a bare FastAPI endpoint.

Fills a fresh store with 1,000, 10,000 (and with --full, 100,000) generated reports (places from the
gazetteer, dates over five years, kinds, tolls, actors, outlets; written here, not taken from the news), starts
`summarizer serve` on it and a bare FastAPI endpoint that returns the same bytes from memory, and runs the
same bounded loop of requests (16 clients on loopback) against both: /timeline for one region (first page, a
deep cursor page), with filters, since= polling, CSV. Also: what one post costs the store as it grows, the first
read after a post (written by another process, and posted through POST /summarize) against a warm read, the server's memory (RSS), and a repeated POST /summarize against a bare
endpoint that parses the same body. Prints ratios (summarizer / bare). The machine is shared: take the figures
as rough.

    uv run python bench/timeline_scale.py --quick      # 1k and 10k
    uv run python bench/timeline_scale.py --full       # 1k, 10k and 100k
"""

from __future__ import annotations

import argparse
import asyncio
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

import httpx
from fastapi import Request

from summarizer.articles import Article
from summarizer.schemas import AttributionOut, Bilingual, Event, Evidence, Group, LangSummary, Summary, Topic
from summarizer.timeline.store import Store

DATA = Path(__file__).resolve().parents[1] / "summarizer" / "data"
KINDS = {
    "strike": "An air strike hit {place} in {region} on {day}, killing {toll} people, {who} said.",
    "casualties": "{who} said {toll} people were killed in {place}, {region}, on {day}.",
    "clash": "Fighters of {actor} clashed with rival forces near {place} in {region} on {day}; {toll} died.",
    "control_change": "{actor} took control of {place} in {region} on {day}, {who} reported.",
    "withdrawal": "{actor} pulled out of {place} in {region} on {day}, according to {who}.",
}
OUTLETS = ["Outlet North", "Outlet South", "Wire East", "Radio West", None]
SPEAKERS = ["the local monitor", "civil defence teams", "a health official", "residents"]


def _places() -> list[tuple[str, str, str]]:
    """(English name, region slug, region name) of the gazetteer's towns and sites."""
    g = json.loads((DATA / "gazetteer.json").read_text("utf-8"))
    regions = g.get("regions") or g.get("governorates") or []
    names = {r["slug"]: (r.get("en") or [r["slug"]])[0] for r in regions}
    out = []
    for p in g["places"]:
        region = p.get("region") or p.get("governorate")
        if region and p.get("en") and p.get("country", "SY") == "SY" and p["kind"] not in ("city", "road", "country"):
            out.append((p["en"][0], region, names.get(region, region)))
    return out


def _actors() -> list[str]:
    return [a["name_en"] for a in json.loads((DATA / "actors.json").read_text("utf-8"))["actors"] if a.get("name_en")]


def reports(
    n: int, start: int, rng: random.Random, first: dt.date = dt.date(2020, 1, 1), days: int = 1800
) -> list[tuple[Article, Group]]:
    """``n`` generated one-event articles (ids from ``start``) spread over ``days`` from ``first``, oldest first."""
    places, actors = _places(), _actors()
    out = []
    for i in range(start, start + n):
        day = first + dt.timedelta(days=(i - start) * days // max(n, 1))
        kind = rng.choice(list(KINDS))
        place, region, region_name = rng.choice(places)
        toll = rng.randint(1, 400)
        text = KINDS[kind].format(place=place, region=region_name, day=day.strftime("%d %B %Y"), toll=toll,
                                  who=rng.choice(SPEAKERS), actor=rng.choice(actors))  # fmt: skip
        published = dt.datetime.combine(day, dt.time(6), dt.UTC) + dt.timedelta(minutes=(i * 7) % 900)
        aid = f"gen-{i}"
        article = Article(id=aid, text=text, published_at=published, date_only=False, day=day, language="en",
                          source=rng.choice(OUTLETS))  # fmt: skip
        event = Event(
            id=f"e_gen_{i}", date=day, date_precision="day", region=region, location=Bilingual(en=place),
            event_type=kind,  # type: ignore[arg-type]
            actors=[rng.choice(actors)] if kind in ("clash", "control_change", "withdrawal") else [],
            fatalities=toll if kind in ("strike", "casualties", "clash") else None, injured=None,
            status="reported", attribution=[AttributionOut(source=rng.choice(SPEAKERS), stance="reports")],
            description=Bilingual(en=text), evidence=[Evidence(article_id=aid, quote=text)], article_ids=[aid],
        )  # fmt: skip
        group = Group(id=f"g_gen_{i}", day=day, topic=Topic(label=Bilingual(en=place), keywords=[]),
                      article_ids=[aid], summary=Summary(en=LangSummary(headline=text[:60], bullets=[])),
                      events=[event])  # fmt: skip
        out.append((article, group))
    return out


def fill(store: Store, n: int, start: int, rng: random.Random) -> tuple[float, float]:
    """Save ``n`` generated reports through Store.save in batches of 500: wall and CPU seconds (on a shared
    machine the wall time is mostly waiting for a core)."""
    batch = reports(n, start, rng)
    t0, c0 = time.perf_counter(), time.process_time()
    for k in range(0, len(batch), 500):
        part = batch[k : k + 500]
        store.save([a for a, _ in part], [g for _, g in part], engine="bench", model="bench", prompt_version=None)
    return time.perf_counter() - t0, time.process_time() - c0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bare_app(folder: str) -> None:
    """A bare FastAPI app: GET /same/<name> returns a file's bytes from memory; POST /parse validates."""
    import uvicorn
    from fastapi import FastAPI, Response

    from summarizer.schemas import SummarizeRequest

    app = FastAPI()
    held = {p.name: p.read_bytes() for p in Path(folder).iterdir()}

    @app.get("/same/{name}")
    async def same(name: str) -> Response:
        return Response(held[name], media_type="application/json")

    @app.post("/parse")
    async def parse(request: Request) -> Response:
        SummarizeRequest.model_validate_json(await request.body())
        return Response(held["repeat"], media_type="application/json")

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["BARE_PORT"]), log_level="warning")


def start(cmd: list[str], env: dict[str, str], base: str, probe: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(cmd, env=env)
    for _ in range(300):
        try:
            if httpx.get(base + probe, timeout=1).status_code < 500:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{cmd} did not start")


async def loop(base: str, method: str, path: str, body: bytes | None, requests: int, clients: int = 16) -> list[float]:
    """``requests`` requests from ``clients`` concurrent clients: the wall time, then each latency (s)."""
    latencies: list[float] = []
    left = requests

    async def one(c: httpx.AsyncClient) -> None:
        nonlocal left
        while left > 0:
            left -= 1
            t0 = time.perf_counter()
            r = await c.request(method, path, content=body, headers={"content-type": "application/json"})
            if r.status_code != 200:
                raise SystemExit(f"{base}{path}: {r.status_code} {r.text[:200]}")
            latencies.append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as c:
        await c.request(method, path, content=body, headers={"content-type": "application/json"})
        t0 = time.perf_counter()
        await asyncio.gather(*(one(c) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    return [elapsed, *latencies]


def side_by_side(
    ours: tuple[str, str, str, bytes | None], bare: tuple[str, str, str, bytes | None], requests: int, rounds: int = 4
) -> tuple[dict[str, float], dict[str, float]]:
    """Both loops in alternating rounds (ours, bare, ours, ...), so that other work on the shared machine
    weighs on both alike: req/s over all rounds, p50 and p99 latency (ms)."""
    runs: dict[int, list[list[float]]] = {0: [], 1: []}
    for _ in range(rounds):
        for k, (base, method, path, body) in enumerate((ours, bare)):
            runs[k].append(asyncio.run(loop(base, method, path, body, requests // rounds)))
    out = []
    for k in (0, 1):
        latencies = sorted(x for run in runs[k] for x in run[1:])
        out.append({"rps": len(latencies) / sum(run[0] for run in runs[k]), "p50": 1000 * latencies[len(latencies) // 2],
                    "p99": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]})  # fmt: skip
    return out[0], out[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(
    size: int, folder: Path, requests: int, rng: random.Random, reuse: Path | None = None, samples: int = 20
) -> None:
    data = reuse or folder / f"data-{size}"
    data.mkdir(exist_ok=True)
    store = Store(data / "summarizer.sqlite3")
    if reuse is None:
        took, cpu = fill(store, size, 0, rng)
        filled = (f"filled in {took:.0f} s, {1000 * took / size:.2f} ms wall and {1000 * cpu / size:.2f} ms CPU "
                  "per report in batches of 500")  # fmt: skip
    else:
        size, filled = store.count("events"), f"a store filled before, in {reuse}"
    happenings = store.count("happenings")
    print(f"\n== {size:,} reports -> {happenings:,} happenings ({filled})")
    port, bare_port = free_port(), free_port()
    base, bare = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{bare_port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    env |= {"SUMMARIZER_DATA_DIR": str(data), "SUMMARIZER_RATE_PER_MINUTE": "100000",
            "SUMMARIZER_RATE_BURST": "100000", "SUMMARIZER_MIN_YEAR": "2015"}  # fmt: skip
    server = start([sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port), "--log-level", "warning"],
                   env, base, "/health")  # fmt: skip
    same = folder / f"same-{size}"
    same.mkdir()
    try:
        region = "aleppo"
        paths = {"region, first page": f"/timeline?region={region}"}
        cursor = None
        for _ in range(min(30, size // 400)):
            r = httpx.get(base + "/timeline", params={"region": region, **({"cursor": cursor} if cursor else {})})
            cursor = r.json()["next_cursor"]
            if cursor is None:
                break
        if cursor:
            paths["region, deep cursor page"] = f"/timeline?region={region}&cursor={cursor}"
        paths["filters (region, type, dates, sources, status)"] = (
            "/timeline?region=idlib&type=strike&type=clash&from=2020-03-01&to=2021-12-31&min_sources=1&status=reported"
        )
        since = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat().replace("+00:00", "Z")
        paths["since= polling"] = f"/timeline?since={since}"
        paths["region, CSV"] = f"/timeline?region={region}&format=csv"
        for i, path in enumerate(paths.values()):
            (same / f"p{i}").write_bytes(httpx.get(base + path).content)
        body = json.dumps({"articles": [
            {"id": f"rep-{size}-{k}", "text": a.text, "published_at": a.published_at.isoformat(), "language": "en"}
            for k, (a, _) in enumerate(reports(2, 10**6 + size, rng))]}).encode()  # fmt: skip
        first = httpx.post(base + "/summarize", content=body, headers={"content-type": "application/json"}, timeout=120)
        (same / "repeat").write_bytes(first.content)
        benv = env | {"BARE_PORT": str(bare_port)}
        bserver = start([sys.executable, __file__, "--bare", str(same)], benv, bare, "/same/repeat")
        try:
            for i, (name, path) in enumerate(paths.items()):
                ours, theirs = side_by_side((base, "GET", path, None), (bare, "GET", f"/same/p{i}", None), requests)
                print(f"{name:50s} {ours['rps']:7.0f} req/s vs bare {theirs['rps']:7.0f}: "
                      f"{ours['rps'] / theirs['rps']:.2f}x; p99 {ours['p99']:6.1f} ms vs {theirs['p99']:6.1f} ms: "
                      f"{ours['p99'] / theirs['p99']:.1f}x")  # fmt: skip
            ours, theirs = side_by_side((base, "POST", "/summarize", body), (bare, "POST", "/parse", body), requests)
            print(f"{'repeated POST /summarize':50s} {ours['rps']:7.0f} req/s vs bare parse {theirs['rps']:7.0f}: "
                  f"{ours['rps'] / theirs['rps']:.2f}x; p99 {ours['p99']:6.1f} vs {theirs['p99']:6.1f} ms")  # fmt: skip
        finally:
            bserver.terminate()
            bserver.wait(timeout=30)
        posts, late, after, warm, post_cpu, late_cpu = [], [], [], [], [], []
        with httpx.Client(base_url=base, timeout=60) as c:
            for k in range(samples):
                t0 = time.perf_counter()
                c.get(paths["region, first page"])
                warm.append(time.perf_counter() - t0)
                # the news of the day after everything stored, and (below) a late report of a day in the middle
                new = reports(1, size + k, rng, dt.date(2025, 1, 1) + dt.timedelta(days=k), 1)
                t0, c0 = time.perf_counter(), time.process_time()
                store.save([a for a, _ in new], [g for _, g in new], engine="bench", model="bench", prompt_version=None)
                posts.append(time.perf_counter() - t0)
                post_cpu.append(time.process_time() - c0)
                t0 = time.perf_counter()
                c.get(paths["region, first page"])
                after.append(time.perf_counter() - t0)
            # as a newsroom posts: an article through POST /summarize (the server's own store writes it), then a read
            # control: a read after a POST of the same article again (answered from the store, nothing written)
            served_after, served_warm, served_control = [], [], []
            for k in range(samples):
                t0 = time.perf_counter()
                c.get(paths["region, first page"])
                served_warm.append(time.perf_counter() - t0)
                [(a, _)] = reports(1, size + 500 + k, rng, dt.date(2025, 3, 1) + dt.timedelta(days=k), 1)
                sent = {"id": f"live-{size}-{k}", "text": a.text, "published_at": a.published_at.isoformat(),
                        "language": "en"}  # fmt: skip
                assert c.post("/summarize", json={"articles": [sent]}).status_code == 200
                t0 = time.perf_counter()
                c.get(paths["region, first page"])
                served_after.append(time.perf_counter() - t0)
                assert c.post("/summarize", json={"articles": [sent]}).status_code == 200
                t0 = time.perf_counter()
                c.get(paths["region, first page"])
                served_control.append(time.perf_counter() - t0)
        for k in range(10):
            old = reports(1, size + 100 + k, rng, dt.date(2022, 6, 1) + dt.timedelta(days=k), 1)
            t0, c0 = time.perf_counter(), time.process_time()
            store.save([a for a, _ in old], [g for _, g in old], engine="bench", model="bench", prompt_version=None)
            late.append(time.perf_counter() - t0)
            late_cpu.append(time.process_time() - c0)
        # CPU time beside the wall time: the wall time also holds the commit's fsync and waits for a core
        for name, wall, cpu in (("one post (store.save of the newest report)", posts, post_cpu),
                                ("one late post (a report of 2022 arriving now)", late, late_cpu)):  # fmt: skip
            print(f"{name:50s} median {1000 * statistics.median(wall):.1f} ms wall, "
                  f"{1000 * statistics.median(cpu):.1f} ms CPU")  # fmt: skip
        # the bench's own Store is another connection: SQLite drops the server's page cache (and its kept pages)
        print(f"{'first read after a post by another process / warm':50s} {1000 * statistics.median(after):.1f} ms / "
              f"{1000 * statistics.median(warm):.1f} ms (medians of {samples}; "
              f"{sum(a > w for a, w in zip(after, warm, strict=True))} of {samples} pairs dearer)")  # fmt: skip
        print(f"{'first read after a POST /summarize / warm read':50s} {1000 * statistics.median(served_after):.1f} ms / "
              f"{1000 * statistics.median(served_warm):.1f} ms (medians of {samples}; the server wrote it itself; "
              f"{sum(a > w for a, w in zip(served_after, served_warm, strict=True))} of {samples} pairs dearer)")  # fmt: skip
        print(f"{'read after a repeated POST (nothing written)':50s} {1000 * statistics.median(served_control):.1f} ms; "
              f"{sum(a > w for a, w in zip(served_after, served_control, strict=True))} of {samples} reads after a new "
              "post dearer than the read after its repeat")  # fmt: skip
        print(f"{'server RSS':50s} {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)
        store.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="1k and 10k only (the default)")
    p.add_argument("--full", action="store_true", help="1k, 10k and 100k")
    p.add_argument("--sizes", type=int, nargs="*", help="these store sizes instead")
    p.add_argument("--requests", type=int, default=400, help="requests per loop (bounded)")
    p.add_argument("--samples", type=int, default=20, help="posts (and reads before and after each) per size")
    p.add_argument("--reuse", type=Path, help="measure the store in this data directory instead of filling one")
    p.add_argument("--bare", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.bare:
        bare_app(args.bare)
        return
    sizes = args.sizes or ([1_000, 10_000, 100_000] if args.full else [1_000, 10_000])
    rng = random.Random(7)
    print("16 clients on loopback; a 2-core machine shared with other work: rough figures")
    with tempfile.TemporaryDirectory() as tmp:
        if args.reuse:
            measure(0, Path(tmp), args.requests, rng, args.reuse, args.samples)
        for size in [] if args.reuse else sizes:
            measure(size, Path(tmp), args.requests, rng, samples=args.samples)


if __name__ == "__main__":
    main()
