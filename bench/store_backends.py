"""The store on SQLite and on Postgres side by side: fill, one post, one timeline page, the same generated reports.

Fills a SQLite file and a database of a throwaway Postgres cluster (Debian's binaries, loopback TCP, fsync off:
tests/postgres.py) with the same generated reports as bench/timeline_scale.py, in batches of 500, then times
ten posts of one newest report and a first page of one region's timeline (100 happenings, read in the store,
no HTTP). Prints both and their ratio. The machine is shared: take the figures as rough.

    uv run python bench/store_backends.py            # 2,000 reports
    uv run python bench/store_backends.py --size 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline_scale

from summarizer.timeline import query
from summarizer.timeline.store import Store
from tests import postgres


def measure(target: Path | str, size: int) -> dict[str, float]:
    store = Store(target)
    rng = random.Random(7)
    took = timeline_scale.fill(store, size, 0, rng)
    posts = []
    for k in range(10):
        new = timeline_scale.reports(1, size + k, rng, dt.date(2025, 1, 1) + dt.timedelta(days=k), 1)
        t0 = time.perf_counter()
        store.save(
            [a for a, _ in new], [g for _, g in new], engine="bench", model="bench", prompt_version=None
        )
        posts.append(time.perf_counter() - t0)
    reads = []
    for _ in range(200):
        t0 = time.perf_counter()
        query.page_json(store, query.Query(region="aleppo"))
        reads.append(time.perf_counter() - t0)
    store.close()
    return {
        "fill, ms per report": 1000 * took / size,
        "one post, ms (median of 10)": 1000 * statistics.median(posts),
        "a region's first page, ms (median of 200)": 1000 * statistics.median(reads),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=2000, help="reports to fill each store with")
    size = p.parse_args().size
    root = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    cluster = Path(tempfile.mkdtemp(prefix="summarizer-bench-pg-"))  # its own: the postgres user enters it
    try:
        lite = measure(root / "bench.sqlite3", size)
        server = postgres.start(cluster)
        try:
            pg = measure(server.create_database("bench"), size)
        finally:
            postgres.stop(server)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(cluster, ignore_errors=True)
    print(f"{size:,} generated reports; {'':32s} {'SQLite':>9s} {'Postgres':>9s}  ratio")
    for name in lite:
        print(f"{name:56s} {lite[name]:9.2f} {pg[name]:9.2f}  {pg[name] / lite[name]:.1f}x")


if __name__ == "__main__":
    main()
