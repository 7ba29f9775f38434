"""POST /jobs and GET /jobs/{id}: accepted at once, worked group by group, same result as /summarize; scopes,
callbacks and a restart that resumes."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from summarizer.keys import KeyRing, parse_scopes
from tests.api.conftest import MakeClient
from tests.api.test_hostile import assert_shape
from tests.fakes.answers import faithful
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.receiver import Receiver

WAIT = 120.0  # seconds a job may take on a busy 2-core machine before the test gives up


def finished(client: TestClient, job_id: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """Poll the job until it is done or failed."""
    give_up = time.monotonic() + WAIT
    while True:
        r = client.get(f"/jobs/{job_id}", headers=headers)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if body["status"] in ("done", "failed") and (
            body["callback"] is None or body["callback"]["state"] != "pending"
        ):
            return body
        assert time.monotonic() < give_up, body
        time.sleep(0.05)


def post_job(client: TestClient, body: dict[str, Any], headers: dict[str, str] | None = None) -> str:
    r = client.post("/jobs", json=body, headers=headers)
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert set(accepted) == {"id", "status", "links"} and accepted["status"] == "queued"
    assert r.headers["location"] == accepted["links"]["self"] == f"/jobs/{accepted['id']}"
    return str(accepted["id"])


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    fake = Receiver().start()
    yield fake
    fake.stop()


def test_a_job_gives_what_summarize_gives(
    make_client: MakeClient, tmp_path: Path, seeds: list[dict[str, Any]]
) -> None:
    client = make_client()
    job = finished(client, post_job(client, {"articles": seeds, "languages": ["ar", "en"]}))
    assert job["status"] == "done" and job["error"] is None and job["failures"] == []
    assert job["progress"] == {"total": 3, "done": 3, "failed": 0, "pending": 0}
    other = make_client(data_dir=tmp_path / "other")  # the same request through /summarize, on its own store
    direct = other.post("/summarize", json={"articles": seeds, "languages": ["ar", "en"]}).json()
    assert job["result"]["groups"] == direct["groups"]
    meta, want = job["result"]["meta"], direct["meta"]
    assert meta["made_by"] == want["made_by"] and meta["engine"] == "extractive"
    assert meta["flags"] == want["flags"] and meta["usage"] == want["usage"]
    # the job's groups are in the store: the timeline shows them, and /summarize now answers from it
    def timeline(c: TestClient) -> list[dict[str, Any]]:  # when it was stored aside
        return [{k: v for k, v in e.items() if k != "updated_at"} for e in c.get("/timeline").json()["events"]]

    assert timeline(client) == timeline(other) and timeline(client)
    again = client.post("/summarize", json={"articles": seeds[:1], "languages": ["ar", "en"]})
    assert again.status_code == 200


def test_bad_bodies_are_refused_at_once_in_the_error_shape(
    client: TestClient, seeds: list[dict[str, Any]]
) -> None:
    assert_shape(client.post("/jobs", json={}), 422, "articles")
    assert_shape(client.post("/jobs", json={"articles": seeds, "priority": 1}), 422, "priority")
    for url in ("ftp://example.org/x", "example.org/hook", "http:///nohost", "https://u:p@example.org/h",
                "http://example.org:port/", "javascript:alert(1)"):  # fmt: skip
        err = assert_shape(client.post("/jobs", json={"articles": seeds, "callback_url": url}), 422, "callback_url")
        assert "callback_url" in err["message"]
    # the settings' limits apply as to /summarize (here: text length)
    long = {**seeds[0], "text": "كلمة " * 30_000}
    assert_shape(client.post("/jobs", json={"articles": [long]}), 422, "articles[0].text")
    # an article stored with other text is a 409 now, not a failed job later
    assert client.post("/summarize", json={"articles": seeds[:1]}).status_code == 200
    changed = {**seeds[0], "text": seeds[0]["text"] + " وأضاف المصدر تفاصيل أخرى."}
    assert_shape(client.post("/jobs", json={"articles": [changed]}), 409, "articles.id")
    assert_shape(client.get("/jobs/j_unknown"), 404)


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "keys.json"
    ring = KeyRing.load(path)
    made = {s: ring.add(path, parse_scopes(s)) for s in ("read", "read,write", "write", "admin")}
    made["other"] = ring.add(path, parse_scopes("read,write"))
    made["path"] = str(path)
    return made


def test_only_the_key_that_posted_a_job_or_admin_reads_it(
    make_client: MakeClient, keys: dict[str, str], seeds: list[dict[str, Any]]
) -> None:
    client = make_client(keys_file=Path(keys["path"]))

    def key(name: str) -> dict[str, str]:
        return {"X-API-Key": keys[name]}

    body = {"articles": seeds[:2]}
    assert_shape(client.post("/jobs", json=body), 401)
    assert_shape(client.post("/jobs", json=body, headers=key("read")), 403)
    job_id = post_job(client, body, key("read,write"))
    job = finished(client, job_id, key("read,write"))
    assert job["status"] == "done"
    assert finished(client, job_id, key("admin"))["result"] == job["result"]
    assert_shape(client.get(f"/jobs/{job_id}"), 401)
    assert_shape(client.get(f"/jobs/{job_id}", headers=key("write")), 403)  # reading needs read
    # another key sees no such job: the same answer as for an id that does not exist
    mine = assert_shape(client.get(f"/jobs/{job_id}", headers=key("other")), 404)
    none = assert_shape(client.get("/jobs/j_000000000000000000000000", headers=key("other")), 404)
    assert mine["message"].replace(job_id, "") == none["message"].replace("j_000000000000000000000000", "")
    assert_shape(client.get(f"/jobs/{job_id}", headers=key("read")), 404)


def test_the_callback_is_retried_until_it_is_taken(
    make_client: MakeClient, receiver: Receiver, seeds: list[dict[str, Any]]
) -> None:
    client = make_client(callback_private=True, callback_wait=0.01)
    receiver.statuses.extend([500, 302])  # a failure, then a redirect (not followed), then 200
    job_id = post_job(client, {"articles": seeds[:2], "callback_url": receiver.url})
    job = finished(client, job_id)
    assert job["callback"] == {"url": receiver.url, "state": "delivered", "attempts": 3, "error": None}
    assert len(receiver.received) == 3
    headers, sent = receiver.received[-1]
    assert headers["x-summarizer-job"] == job_id and headers["content-type"] == "application/json"
    assert sent["id"] == job_id and sent["status"] == "done"
    assert sent["result"] == job["result"] and sent["progress"] == job["progress"]


def test_a_callback_that_keeps_failing_is_recorded_and_the_job_stands(
    make_client: MakeClient, receiver: Receiver, seeds: list[dict[str, Any]]
) -> None:
    client = make_client(callback_private=True, callback_wait=0.01, callback_attempts=2)
    receiver.default = 503
    job = finished(client, post_job(client, {"articles": seeds[:1], "callback_url": receiver.url}))
    assert job["status"] == "done" and job["result"]["groups"]
    assert job["callback"]["state"] == "failed" and job["callback"]["attempts"] == 2
    assert "503" in job["callback"]["error"] and len(receiver.received) == 2
    # a receiver that is not there at all: connection refused, recorded the same way
    port = int(receiver.url.split(":")[2].split("/")[0])
    receiver.stop()
    gone = finished(
        client, post_job(client, {"articles": seeds[1:2], "callback_url": f"http://127.0.0.1:{port}/hook"})
    )
    assert gone["status"] == "done" and gone["callback"]["state"] == "failed"
    assert gone["callback"]["attempts"] == 2 and "Connect" in gone["callback"]["error"]


def test_callbacks_to_private_addresses_are_refused_by_default(
    client: TestClient, receiver: Receiver, seeds: list[dict[str, Any]]
) -> None:
    job = finished(client, post_job(client, {"articles": seeds[:1], "callback_url": receiver.url}))
    assert job["status"] == "done"
    assert job["callback"]["state"] == "failed" and job["callback"]["attempts"] == 0
    assert "127.0.0.1" in job["callback"]["error"] and receiver.received == []


def test_a_restart_resumes_a_job_without_redoing_its_done_groups(
    make_client: MakeClient, tmp_path: Path, seeds: list[dict[str, Any]]
) -> None:
    client = make_client()
    job_id = post_job(client, {"articles": seeds})
    give_up = time.monotonic() + WAIT
    while client.get(f"/jobs/{job_id}").json()["progress"]["done"] < 1:
        assert time.monotonic() < give_up
        time.sleep(0.005)
    client.__exit__(None, None, None)  # the service stops mid-job (or just after: then nothing is left to do)
    db = sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3")
    before = db.execute(
        "SELECT group_id, status, attempts, result FROM job_groups WHERE job_id = ? ORDER BY position", (job_id,)
    ).fetchall()
    assert any(r[1] == "done" for r in before)
    restarted = make_client()
    job = finished(restarted, job_id)
    assert job["status"] == "done" and job["progress"]["done"] == job["progress"]["total"] == 3
    after = db.execute(
        "SELECT group_id, status, attempts, result FROM job_groups WHERE job_id = ? ORDER BY position", (job_id,)
    ).fetchall()
    for was, now in zip(before, after, strict=True):
        if was[1] == "done":
            assert now == was  # checkpointed groups are never started again
        else:
            assert now[1] == "done" and now[2] in (was[2] + 1, was[2])
    groups = [g["id"] for g in job["result"]["groups"]]
    assert groups == [r[0] for r in after] and len(set(groups)) == 3
    stored = db.execute("SELECT id FROM groups").fetchall()
    assert sorted(r[0] for r in stored) == sorted(groups)  # each group stored once
    db.close()
    assert json.loads(after[0][3])["groups"][0]["id"] == groups[0]


def test_a_failed_group_fails_the_job_and_keeps_the_rest_and_a_repost_redoes_only_it(
    make_client: MakeClient, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    client = make_client(
        model="openai/fake-model", api_base=fake_llm.base_url, api_key="k", llm_retries=0, llm_timeout=5
    )
    fake_llm.push((503, {"error": {"message": "overloaded"}}))  # the first group's only call
    fake_llm.default = faithful
    job = finished(client, post_job(client, {"articles": seeds}))
    assert job["status"] == "failed" and fake_llm.calls == 3
    assert job["progress"] == {"total": 3, "done": 2, "failed": 1, "pending": 0}
    assert job["error"]["code"] == "upstream_unavailable" and "1 of 3 groups failed" in job["error"]["message"]
    [failure] = job["failures"]
    assert failure["error"]["code"] == "upstream_unavailable" and failure["article_ids"]
    served = [g["id"] for g in job["result"]["groups"]]
    assert len(served) == 2 and failure["group_id"] not in served and job["result"]["meta"]["engine"] == "llm"
    # the same batch again: the two stored groups are answered from the store, only the failed one is asked
    again = finished(client, post_job(client, {"articles": seeds}))
    assert again["status"] == "done" and fake_llm.calls == 4
    ids = [g["id"] for g in again["result"]["groups"]]
    assert len(ids) == 3 and set(ids) == {failure["group_id"], *served}
    assert [i for i in ids if i != failure["group_id"]] == served  # the batch's group order
