"""What a write costs the next timeline read, at the store (no HTTP): the first page of one region read warm (right
after the same read), after a save through the same store, after unrelated CPU work of a similar size (no
write), and after a save through another store on the same file (another connection, as another process
would be), with the read system calls each made (/proc/self/io). Medians of --samples.

    uv run python bench/read_after_write.py                     # fills a 10,000-report store first
    uv run python bench/read_after_write.py --reuse DATA_DIR    # a store filled before (e.g. by timeline_scale)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timeline_scale import fill, reports  # bench/ is the script's folder: on sys.path

from summarizer.timeline import query
from summarizer.timeline.store import Store


def read_syscalls() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("syscr:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=10_000, help="reports to fill a fresh store with")
    p.add_argument("--samples", type=int, default=100)
    p.add_argument("--reuse", type=Path, help="a data directory holding summarizer.sqlite3")
    args = p.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.reuse or Path(tmp)
        path = folder / "summarizer.sqlite3"
        if args.reuse is None:
            fill(Store(path), args.size, 0, rng)
        reader, other = Store(path), Store(path)
        page = query.Query(region="aleppo")

        def read() -> tuple[float, int]:
            s0, t0 = read_syscalls(), time.perf_counter()
            query.page_json(reader, page)
            return time.perf_counter() - t0, read_syscalls() - s0

        def save(store: Store, k: int) -> None:
            new = reports(1, 10**7 + k, rng, dt.date(2026, 1, 1) + dt.timedelta(days=k % 300), 1)
            store.save(
                [a for a, _ in new], [g for _, g in new], engine="bench", model="bench", prompt_version=None
            )

        def busy(k: int) -> None:  # a post's worth of Python work that writes nothing
            for _, g in reports(3, 10**8 + k, rng, dt.date(2026, 1, 1), 1):
                for _ in range(10):
                    g.model_validate_json(g.model_dump_json())

        cases: dict[str, Callable[[int], object]] = {
            "warm (after the same read)": lambda k: None,
            "after a save through the same store": lambda k: save(reader, 2 * k),
            "after CPU work, nothing written": busy,
            "after a save through another connection": lambda k: save(other, 2 * k + 1),
        }
        found: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
        for k in range(args.samples):
            for name, before in cases.items():
                read()
                before(k)
                found[name].append(read())
        print(
            f"first page of region=aleppo, {reader.count('happenings'):,} happenings; medians of {args.samples}"
        )
        for name, runs in found.items():
            ms = 1000 * statistics.median(t for t, _ in runs)
            print(f"{name:45s} {ms:6.3f} ms, {statistics.median(n for _, n in runs):4.0f} read calls")
        reader.close()
        other.close()


if __name__ == "__main__":
    main()
