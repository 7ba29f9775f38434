"""Nothing is silently replaced: other text under a stored id is a 409 unless it is a correction, and a
correction keeps the earlier version and its figures in the history."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient
from tests.api.test_hostile import assert_shape

FIRST = "قتل 4 مدنيين في غارة جوية على مدينة إدلب، بحسب الدفاع المدني السوري."
SECOND = "قتل 9 مدنيين في غارة جوية على مدينة إدلب، بحسب الدفاع المدني السوري."


def _post(client: TestClient, text: str, published_at: str = "2024-12-01T10:00:00+03:00", **kw: Any) -> Any:
    article = {"id": "wire-7", "text": text, "published_at": published_at, "source": "Wire", **kw}
    return client.post("/summarize", json={"articles": [article]})


def _toll(client: TestClient) -> list[dict[str, Any]]:
    events = [e for e in client.get("/timeline").json()["events"] if e["event_type"] == "strike"]
    assert len(events) == 1, events
    return [events[0]]


def test_other_text_under_a_stored_id_is_409(client: TestClient) -> None:
    assert _post(client, FIRST).status_code == 200
    before = client.get("/timeline").json()
    err = assert_shape(_post(client, SECOND), 409, "articles.id")
    assert "'wire-7'" in err["message"] and '"correction": true' in err["message"]
    # on another day too: nothing is re-credited or replaced
    assert_shape(_post(client, SECOND, "2024-12-05T10:00:00+03:00"), 409)
    assert client.get("/timeline").json() == before
    assert _post(client, FIRST).status_code == 200  # the same article again is fine


def test_a_correction_keeps_the_old_toll_in_the_figure_history(
    make_client: MakeClient, tmp_path: Path
) -> None:
    client = make_client()
    assert _post(client, FIRST).status_code == 200
    [old] = _toll(client)
    assert old["fatalities"] == 4
    r = _post(client, SECOND, correction=True)
    assert r.status_code == 200, r.text
    [new] = _toll(client)
    assert new["fatalities"] == 9
    figures = [
        (f["value"], f["corrected_at"] is not None) for f in new["figures"] if f["kind"] == "fatalities"
    ]
    assert figures == [(4, True), (9, False)]
    # the evidence served is the current text's, never the withdrawn one's
    assert all(ev["quote"] in SECOND for ev in new["evidence"])
    db = sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3")
    assert db.execute("SELECT text FROM article_history WHERE id='wire-7'").fetchall() == [(FIRST,)]
    assert db.execute("SELECT text FROM articles WHERE id='wire-7'").fetchall() == [(SECOND,)]
    assert db.execute("SELECT COUNT(*) FROM event_history").fetchone()[0] >= 1


def test_a_correction_on_another_day_moves_the_old_events_out(client: TestClient) -> None:
    assert _post(client, FIRST).status_code == 200
    r = _post(client, SECOND, "2024-12-05T10:00:00+03:00", correction=True)
    assert r.status_code == 200, r.text
    events = [e for e in client.get("/timeline").json()["events"] if e["event_type"] == "strike"]
    # the events read from the first version are no longer served as the article's current claims
    for e in events:
        assert all(ev["quote"] in SECOND for ev in e["evidence"] if ev["article_id"] == "wire-7")
    assert [e["fatalities"] for e in events] == [9]


def test_the_group_id_index_exists(client: TestClient, tmp_path: Path) -> None:
    client.get("/health")
    db = sqlite3.connect(tmp_path / "data" / "summarizer.sqlite3")
    plan = " ".join(str(r) for r in db.execute("EXPLAIN QUERY PLAN DELETE FROM events WHERE group_id='g'"))
    assert "events_group" in plan
