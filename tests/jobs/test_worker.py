"""Jobs on a real Postgres queue: `summarizer worker` processes run them; one killed mid-job (SIGKILL) loses
nothing, and the next finishes every group exactly once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from summarizer.api.app import create_app
from summarizer.config import load_settings
from summarizer.jobs.records import JobStore
from summarizer.schemas import ErrorBody
from summarizer.timeline.store import Store
from tests.api.test_hostile import assert_shape
from tests.api.test_jobs import post_job

ROOT = Path(__file__).parents[2]
WAIT = 180.0  # seconds: generous for a shared 2-core machine


def _worker(data_dir: Path, database_url: str, log: Path) -> subprocess.Popen[bytes]:
    """`summarizer worker` with the store and the queue on one Postgres (as on a machine of its own)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    env |= {"SUMMARIZER_DATA_DIR": str(data_dir), "SUMMARIZER_DATABASE_URL": database_url,
            "SUMMARIZER_CPU_WORKERS": "1"}  # fmt: skip
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "summarizer.cli", "worker", "--heartbeat", "0.5", "--stalled-after", "2"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


def _groups(db: Path | str, job_id: str) -> list[tuple[str, str, int]]:
    """The job's groups as the store holds them: (id, status, times started)."""
    jobs = JobStore(db)
    try:
        job = jobs.get(job_id)
    finally:
        jobs.close()
    assert job is not None
    return [(g.group_id, g.status, g.attempts) for g in job.groups]


def _batch(articles: list[dict[str, Any]], copies: int) -> list[dict[str, Any]]:
    """The articles again under other ids, a month later each time: as many more groups (a day is a group)."""
    out = []
    for k in range(copies):
        for a in articles:
            moment = dt.datetime.fromisoformat(a["published_at"]) + dt.timedelta(days=30 * k)
            out.append({**a, "id": f"{a['id']}-{k}", "published_at": moment.isoformat()})
    return out


def _until(what: str, check: Any, log: Path) -> None:
    give_up = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < give_up, f"{what}; worker log:\n{log.read_text(errors='replace')[-3000:]}"
        time.sleep(0.05)


def test_a_worker_killed_mid_job_loses_nothing(
    tmp_path: Path, postgres_url: str, all_articles: list[dict[str, Any]]
) -> None:
    data = tmp_path / "data"
    db = postgres_url  # the store and the queue on one Postgres: workers may live on other machines
    log = tmp_path / "workers.log"
    settings = load_settings(data_dir=data, database_url=postgres_url)
    with TestClient(create_app(settings)) as client:  # the service defers; it runs nothing itself
        job_id = post_job(client, {"articles": _batch(all_articles, 3)})
        total = client.get(f"/jobs/{job_id}").json()["progress"]["total"]
        assert total >= 20
        again = client.post("/jobs", json={"articles": all_articles[:1]})  # a second, small job behind it
        assert again.status_code == 202
        assert "\nsummarizer_job_queue_depth 2.0\n" in client.get("/metrics").text  # nothing runs them yet
    with psycopg.connect(postgres_url) as pg:
        queued = pg.execute("SELECT args->>'job_id', status FROM procrastinate_jobs ORDER BY id").fetchall()
    assert queued == [(job_id, "todo"), (again.json()["id"], "todo")]
    assert all(s == "pending" for _, s, _ in _groups(db, job_id))

    first = _worker(data, postgres_url, log)
    try:
        _until("the first worker finished no group", lambda: sum(s == "done" for _, s, _ in _groups(db, job_id)) >= 2, log)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    before = _groups(db, job_id)
    done_before = {g for g, s, _ in before if s == "done"}
    assert 2 <= len(done_before) < total, "the worker was not killed mid-job"
    second = _worker(data, postgres_url, log)
    try:
        with TestClient(create_app(settings)) as client:

            def finished() -> bool:
                return client.get(f"/jobs/{job_id}").json()["status"] in ("done", "failed")

            _until("the job did not finish after the worker was killed", finished, log)
            job = client.get(f"/jobs/{job_id}").json()
            _until("the second job did not finish", lambda: client.get(f"/jobs/{again.json()['id']}").json()["status"] == "done", log)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(30)
    assert job["status"] == "done", job["error"]
    assert job["progress"] == {"total": total, "done": total, "failed": 0, "pending": 0}
    after = _groups(db, job_id)
    for (gid, was, tries), (_, now, tries_now) in zip(before, after, strict=True):
        assert now == "done"
        if was == "done":
            assert tries_now == tries == 1, gid  # checkpointed before the kill: never started again
        else:
            assert tries_now - tries == 1, gid  # the rest started once more (the one in hand: its second start)
    result_ids = [g["id"] for g in job["result"]["groups"]]
    assert result_ids == [g for g, _, _ in after] and len(set(result_ids)) == total
    store = Store(db)
    try:
        assert all(store.made_by(g) == ("extractive", "extractive", None) for g in result_ids)
        assert store.count("groups") == total + 1  # and the small job's group: none stored twice
    finally:
        store.close()
    with psycopg.connect(postgres_url) as pg:
        states = pg.execute("SELECT status, count(*) FROM procrastinate_jobs GROUP BY status").fetchall()
    assert dict(states) == {"succeeded": 2}


def test_the_worker_needs_a_queue(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "worker"], cwd=ROOT, env=env | {"SUMMARIZER_DATA_DIR": str(tmp_path)},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "SUMMARIZER_DATABASE_URL" in done.stderr


@pytest.mark.parametrize("url", ["sqlite:///x.db", "http://db:5432/x"])
def test_the_queue_url_must_be_postgres(url: str) -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="SUMMARIZER_QUEUE_URL"):
        load_settings(queue_url=url)


def test_a_restarted_service_queues_a_job_it_had_not_queued_and_only_once(
    tmp_path: Path, postgres_url: str, seeds: list[dict[str, Any]]
) -> None:
    settings = load_settings(data_dir=tmp_path / "data", queue_url=postgres_url)
    with TestClient(create_app(settings)) as client:
        job_id = post_job(client, {"articles": seeds[:1]})
    with psycopg.connect(postgres_url) as pg:  # as if the service had died between storing and queueing it
        pg.execute("DELETE FROM procrastinate_jobs")
    for _ in range(2):  # each start looks for stored jobs that the queue does not hold
        with TestClient(create_app(settings)):
            pass
        with psycopg.connect(postgres_url) as pg:
            queued = pg.execute("SELECT args->>'job_id', status, lock FROM procrastinate_jobs").fetchall()
        assert queued == [(job_id, "todo", job_id)]


def test_a_queue_that_fails_to_take_a_job_is_a_503_and_the_job_is_closed(
    tmp_path: Path, postgres_url: str, seeds: list[dict[str, Any]]
) -> None:
    settings = load_settings(data_dir=tmp_path / "data", queue_url=postgres_url)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        with psycopg.connect(postgres_url) as pg:
            pg.execute("DROP TABLE procrastinate_jobs CASCADE")  # the queue breaks under the running service
        r = client.post("/jobs", json={"articles": seeds[:1]})
        err = assert_shape(r, 503)
        assert err["code"] == "upstream_unavailable" and "queue" in err["message"]
    with sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3") as db:  # the store here: SQLite
        [(status, error)] = db.execute("SELECT status, error FROM jobs").fetchall()
    assert status == "failed"
    assert ErrorBody.model_validate_json(error) == ErrorBody(code="upstream_unavailable", message=err["message"])
