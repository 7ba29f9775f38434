"""GET /timeline?format=csv|geojson|acled: the exports over HTTP, on the seed and eval articles."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.timeline.test_export import ACLED_COLUMNS, ACLED_TYPES, check_rfc7946, rows_of


def test_timeline_exports_over_http(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    assert client.post("/summarize", json={"articles": all_articles}).status_code == 200
    as_json = client.get("/timeline", params={"limit": 1000}).json()["events"]
    geo_r = client.get("/timeline", params={"limit": 1000, "format": "geojson"})
    assert geo_r.status_code == 200 and geo_r.headers["content-type"].startswith("application/geo+json")
    doc = geo_r.json()
    check_rfc7946(doc)
    assert [f["id"] for f in doc["features"]] == [e["id"] for e in as_json]
    located = [f for f in doc["features"] if f["geometry"]]
    assert located and all(f["properties"]["region"] for f in located)
    acled = client.get("/timeline", params={"limit": 1000, "format": "acled"})
    rows = rows_of(acled.text)
    assert len(rows) == len(as_json) and set(ACLED_COLUMNS) <= set(rows[0])
    assert {r["event_type"] for r in rows} <= ACLED_TYPES
    plain = rows_of(client.get("/timeline", params={"limit": 1000, "format": "csv"}).text)
    assert all(r["evidence"] for r in plain)
    assert client.get("/timeline", params={"format": "xml"}).status_code == 422
