"""GET /timeline and /regions: filters, aliases, languages, and errors."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def test_aleppo_timeline_after_the_seeds(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    assert client.post("/summarize", json={"articles": seeds}).status_code == 200
    r = client.get("/timeline", params={"region": "aleppo"})
    assert r.status_code == 200
    body = r.json()
    assert body["region"]["slug"] == "aleppo" and body["region"]["name"] == {"ar": "حلب", "en": "Aleppo"}
    assert body["events"] and all(e["region"] == "aleppo" for e in body["events"])
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates)


def test_region_aliases_and_date_range(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    client.post("/summarize", json={"articles": seeds})
    by_slug = client.get("/timeline", params={"region": "aleppo"}).json()["events"]
    assert client.get("/timeline", params={"region": "حلب"}).json()["events"] == by_slug
    assert client.get("/timeline", params={"region": "Halab"}).json()["events"] == by_slug
    window = client.get(
        "/timeline", params={"region": "aleppo", "from": "2024-12-01", "to": "2024-12-01"}
    ).json()
    assert window["events"] and all(e["date"] == "2024-12-01" for e in window["events"])


def test_lang_keeps_one_language(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    client.post("/summarize", json={"articles": seeds})
    events = client.get("/timeline", params={"region": "aleppo", "lang": "en"}).json()["events"]
    assert events and all(e["description"]["ar"] is None and e["description"]["en"] for e in events)


def test_unknown_region_is_404_listing_the_known(client: TestClient) -> None:
    r = client.get("/timeline", params={"region": "atlantis"})
    assert r.status_code == 404
    assert "atlantis" in r.json()["error"]["message"] and "hama" in r.json()["error"]["message"]


def test_bad_dates_are_422(client: TestClient) -> None:
    r = client.get("/timeline", params={"from": "30/11/2024"})
    assert r.status_code == 422 and r.json()["error"]["fields"][0]["field"] == "from"
    r = client.get("/timeline", params={"from": "2024-12-02", "to": "2024-12-01"})
    assert r.status_code == 422


def test_regions_lists_the_fourteen_governorates(client: TestClient) -> None:
    regions = client.get("/regions").json()["regions"]
    assert len(regions) == 14
    hama = next(r for r in regions if r["slug"] == "hama")
    assert (
        hama["name"] == {"ar": "حماة", "en": "Hama"}
        and "حماه" in hama["aliases"]
        and "Hamah" in hama["aliases"]
    )
