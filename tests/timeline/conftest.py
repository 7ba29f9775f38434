"""Store tests run on both databases: every test module that uses Store runs once on SQLite and once on Postgres.

On Postgres each store file a test names becomes a database of the session's throwaway cluster (made from a
migrated template, so opening it is quick), and naming the same file again opens the same database. The
tests themselves stay as written for SQLite."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from summarizer.timeline.store import Store
from tests.postgres import PostgresServer

# run once: tests about SQLite files themselves (a store written by earlier code, the sqlite3 driver below the
# store), and tests that open the databases they need themselves
RUN_ONCE = {
    "test_a_store_from_before_happenings_were_kept_is_indexed_on_opening",
    "test_a_late_report_rewrites_only_the_happenings_near_its_day",  # SQLite's rowids, through sqlite3
    "test_a_store_written_before_migrations_opens_at_head_with_everything_kept",
    "test_the_declared_tables_are_what_the_migrations_build",
    "test_a_dropped_postgres_connection_is_replaced",
    "test_the_first_read_after_a_save_finds_its_page_read_again",  # SQLite's statements, through sqlite3
}
# the property test's 60 examples open 120 stores (~90 s as Postgres databases): it runs on SQLite, and a copy
# with a few examples runs on Postgres only
SLOW_ON_POSTGRES = {"test_kept_happenings_equal_a_full_merge_in_any_arrival_order"}
POSTGRES_ONLY = {"test_kept_happenings_equal_a_full_merge_in_any_arrival_order_on_postgres"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if getattr(metafunc.module, "Store", None) is Store:
        name = metafunc.function.__name__
        once = name in RUN_ONCE | SLOW_ON_POSTGRES  # SQLite only, by design (see above)
        backends = ["postgres"] if name in POSTGRES_ONLY else ["sqlite"] if once else ["sqlite", "postgres"]
        metafunc.parametrize("backend", backends, indirect=True)


class Databases:
    """Fresh store databases, copied from one migrated template."""

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.names = itertools.count(1)
        Store(server.create_database("store_template")).close()
        self.admin = psycopg.connect(server.url(), autocommit=True)

    def fresh(self) -> str:
        name = f"store_{next(self.names)}"
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE store_template')
        return self.server.url(name)


@pytest.fixture(scope="session")
def store_databases(postgres_server: PostgresServer) -> Iterator[Databases]:
    databases = Databases(postgres_server)
    yield databases
    databases.admin.close()


@pytest.fixture(autouse=True)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Which database this run's stores use; on Postgres, Store(path) opens the path's own database."""
    name = getattr(request, "param", "sqlite")
    if name != "postgres":
        yield name
        return
    databases: Databases = request.getfixturevalue("store_databases")
    urls: dict[Path, str] = {}
    opened: list[Store] = []
    real_init = Store.__init__

    def on_postgres(self: Store, target: Path | str, **kwargs: Any) -> None:
        if isinstance(target, Path):
            target = urls[target] if target in urls else urls.setdefault(target, databases.fresh())
        real_init(self, target, **kwargs)
        opened.append(self)

    monkeypatch.setattr(Store, "__init__", on_postgres)
    yield name
    for store in opened:
        store.close()  # closing twice is harmless
