"""Two service processes on one Postgres database, posting the same articles at once, serve one timeline:
the one a single SQLite process gives for the same requests, with no happening twice; an article id's owner
and corrections hold across them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import load_articles
from tests.running_server import live_server, live_servers


def _post(base: str, articles: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(base + "/summarize", json={"articles": articles}, timeout=120)


def _timeline(base: str) -> list[dict[str, Any]]:
    body = httpx.get(base + "/timeline", params={"limit": 1000}, timeout=60).json()
    assert body["next_cursor"] is None
    return list(body["events"])


def _without_times(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if k != "updated_at"} for e in events]  # when it was stored differs


def test_two_replicas_on_one_postgres_converge_on_one_timeline(tmp_path: Path, postgres_url: str) -> None:
    articles = load_articles()  # one story told by several outlets: their reports merge into shared happenings
    batches = [articles[k::4] for k in range(4)]  # disjoint requests about the same events
    dirs = [tmp_path / "a", tmp_path / "b", tmp_path / "ref"]
    for d in dirs:
        d.mkdir()
    with live_servers(dirs[:2], SUMMARIZER_DATABASE_URL=postgres_url) as replicas:
        # every request goes to both replicas at once: they race on the same articles, events and happenings
        with ThreadPoolExecutor(8) as pool:
            done = list(pool.map(lambda job: _post(*job), [(base, b) for b in batches for base in replicas]))
        assert [r.status_code for r in done] == [200] * 8, [r.text for r in done if r.status_code != 200]
        first, second = (_timeline(base) for base in replicas)
        # ownership and corrections are checked inside the serialised write: they hold across replicas
        own = {"id": "replica-wire-1", "text": "An air strike hit Saraqib on Monday, killing three people.",
               "published_at": "2024-12-02T08:00:00+00:00", "language": "en"}  # fmt: skip
        assert _post(replicas[0], [own]).status_code == 200
        changed = {**own, "text": "An air strike hit Saraqib on Monday, killing four people."}
        refused = _post(replicas[1], [changed])
        assert refused.status_code == 409 and refused.json()["error"]["fields"][0]["field"] == "articles.id"
        assert _post(replicas[1], [{**changed, "correction": True}]).status_code == 200
        stored = httpx.get(f"{replicas[0]}/articles/replica-wire-1", timeout=30).json()
        assert stored["text"] == changed["text"]
    assert first == second and first
    ids = [e["id"] for e in first]
    reports = [r for e in first for r in e["reports"]]
    assert len(ids) == len(set(ids)) and len(reports) == len(set(reports))  # no happening, no report twice
    with live_server(dirs[2]) as reference:  # the same requests one after another, on SQLite
        for b in batches:
            assert _post(reference, b).status_code == 200
        assert _without_times(_timeline(reference)) == _without_times(first)
