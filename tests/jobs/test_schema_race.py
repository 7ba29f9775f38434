"""Replicas and workers starting together on one fresh Postgres database: the store's migrations and
procrastinate's schema are each made once, the others wait and find them made (no "already exists")."""

from __future__ import annotations

import asyncio
import threading

import procrastinate
from sqlalchemy import create_engine, text

from summarizer.jobs import queue
from summarizer.timeline.db import engine_url, migrate


def test_replicas_migrating_together_each_find_the_schema_at_head(postgres_url: str) -> None:
    engines = [create_engine(engine_url(postgres_url)) for _ in range(4)]
    start, errors = threading.Barrier(len(engines)), []

    def run(n: int) -> None:
        start.wait()
        try:
            migrate(engines[n])
        except Exception as e:  # any failure of any replica is reported
            errors.append(e)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(engines))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert errors == []
        with engines[0].connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert len(versions) == 1
    finally:
        for e in engines:
            e.dispose()


def test_queues_starting_together_make_procrastinates_schema_once(postgres_url: str) -> None:
    async def main() -> None:
        apps = [queue.make_app(postgres_url) for _ in range(4)]
        for app in apps:
            await app.open_async()
        try:
            await asyncio.gather(*(queue.ensure_schema(app) for app in apps))
            row = await apps[0].connector.execute_query_one_async(
                "SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS made"
            )
            assert row["made"]
        finally:
            for app in apps:
                await app.close_async()

    assert isinstance(queue.make_app(postgres_url).connector, procrastinate.PsycopgConnector)
    asyncio.run(main())
