"""Several stores on one database (as replicas are) writing at once keep one timeline: the happenings a full
merge of everything stored gives, none twice."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from summarizer.timeline.store import Store
from tests.timeline.test_index import Spec, _full, _kept, _save


def _at_once(stores: list[Store], batches: list[list[Spec]]) -> None:
    """Each store saves its batch in its own thread, all starting together."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def write(store: Store, batch: list[Spec]) -> None:
        try:
            start.wait()
            for s in batch:
                _save(store, s)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=job) for job in zip(stores, batches, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_stores_writing_at_once_keep_the_timeline_a_full_merge_gives(tmp_path: Path) -> None:
    for rounds in range(8):  # reports of one strike arriving at three replicas at the same moment
        path = tmp_path / f"shared{rounds}.sqlite3"
        stores = [Store(path, clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC)) for _ in range(3)]
        specs = [Spec(n, "strike", "idlib", 0, 1, n % 2 == 0, n + rounds, 5, n, n) for n in range(3)]
        _at_once(stores, [[s] for s in specs])
        kept = _kept(stores[0])
        assert kept == _full(stores[0]) and all(_kept(s) == kept for s in stores[1:])
        assert sorted(r for h in kept for r in h["reports"]) == ["e_0", "e_1", "e_2"]  # type: ignore[attr-defined]
    # and a longer run: one place, a few days, every report a candidate for the happenings the others found
    path = tmp_path / "shared.sqlite3"
    stores = [Store(path, clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC)) for _ in range(3)]
    specs = [Spec(n, "strike", "idlib", n % 2, n % 3, n % 4 != 0, n, [5, 9, None][n % 3], n % 3, n % 3)
             for n in range(30)]  # fmt: skip
    _at_once(stores, [specs[k::3] for k in range(3)])
    kept = _kept(stores[0])
    assert kept == _full(stores[0]) and all(_kept(s) == kept for s in stores[1:])
    reports = [r for h in kept for r in h["reports"]]  # type: ignore[attr-defined]
    assert len(reports) == len(set(reports)) == len(specs)
