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


def test_unknown_region_is_404_pointing_at_the_list(client: TestClient) -> None:
    r = client.get("/timeline", params={"region": "atlantis"})
    assert r.status_code == 404
    body = r.json()["error"]
    assert "atlantis" in body["message"] and "GET /regions" in body["message"]
    assert body["fields"][0]["field"] == "region"


def test_bad_dates_are_422(client: TestClient) -> None:
    r = client.get("/timeline", params={"from": "30/11/2024"})
    assert r.status_code == 422 and r.json()["error"]["fields"][0]["field"] == "from"
    r = client.get("/timeline", params={"from": "2024-12-02", "to": "2024-12-01"})
    assert r.status_code == 422


def test_regions_lists_every_region_syria_first(client: TestClient) -> None:
    regions = client.get("/regions").json()["regions"]
    assert len(regions) == 232 and len({r["slug"] for r in regions}) == 232
    assert [r["country"] for r in regions[:14]] == ["SY"] * 14
    hama = next(r for r in regions if r["slug"] == "hama")
    assert (
        hama["name"] == {"ar": "حماة", "en": "Hama"}
        and "حماه" in hama["aliases"]
        and "Hamah" in hama["aliases"]
        and hama["iso"] == "SY-HM"
        and (round(hama["lat"]), round(hama["lon"])) == (35, 37)
    )


def test_regions_of_one_country(client: TestClient) -> None:
    lebanon = client.get("/regions", params={"country": "lb"}).json()["regions"]
    assert sorted(r["iso"] for r in lebanon) == [
        "LB-AK", "LB-AS", "LB-BA", "LB-BH", "LB-BI", "LB-JA", "LB-JL", "LB-NA"
    ]
    gaza = next(r for r in client.get("/regions", params={"country": "PS"}).json()["regions"] if r["iso"] == "PS-GZA")
    assert gaza["slug"] == "gaza" and gaza["name"] == {"ar": "غزة", "en": "Gaza Governorate"} and gaza["country"] == "PS"
    # where speakers abroad are placed: Washington's seat
    us = client.get("/regions", params={"country": "US"}).json()["regions"]
    assert {r["iso"] for r in us} == {"US-DC", "US-NY"}
    r = client.get("/regions", params={"country": "BR"})
    assert r.status_code == 404 and "LB" in r.json()["error"]["message"]


GAZA_AND_LEBANON = [
    {
        "id": "gaza-ar",
        "language": "ar",
        "published_at": "2025-03-04T10:00:00+02:00",
        "text": "قصفت طائرات حربية منزلا في حي الشجاعية شرق مدينة غزة فجر اليوم الثلاثاء، "
        "وقال الدفاع المدني في غزة إن 6 أشخاص استشهدوا وأصيب آخرون.",
    },
    {
        "id": "lebanon-en",
        "language": "en",
        "published_at": "2025-03-04T12:00:00+00:00",
        "text": "An air strike hit a house in the town of Khiam in southern Lebanon on Tuesday, "
        "Lebanon's health ministry said, adding that two people were killed.",
    },
]


def test_timeline_of_gaza_by_slug_iso_and_names(client: TestClient) -> None:
    assert client.post("/summarize", json={"articles": GAZA_AND_LEBANON}).status_code == 200
    by_slug = client.get("/timeline", params={"region": "gaza"}).json()
    assert by_slug["region"]["iso"] == "PS-GZA" and by_slug["region"]["country"] == "PS"
    assert by_slug["events"] and all(e["region"] == "gaza" for e in by_slug["events"])
    for name in ("PS-GZA", "ps-gza", "غزة", "Gaza", "Gaza City"):
        assert client.get("/timeline", params={"region": name}).json()["events"] == by_slug["events"], name
    lebanon = client.get("/timeline", params={"region": "LB-NA"}).json()["events"]
    assert lebanon and all(e["region"] == "nabatieh" for e in lebanon)
    assert not {e["id"] for e in lebanon} & {e["id"] for e in by_slug["events"]}


# ---------------------------------------------------------------- issue 5: happenings for bots


def _post_all(client: TestClient, articles: list[dict[str, Any]]) -> None:
    r = client.post("/summarize", json={"articles": articles})
    assert r.status_code == 200, r.text


def test_filters_by_type_actor_status_and_sources(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    _post_all(client, all_articles)
    everything = client.get("/timeline", params={"limit": 1000}).json()["events"]
    strikes = client.get("/timeline", params={"type": "strike", "limit": 1000}).json()["events"]
    assert strikes and {e["event_type"] for e in strikes} == {"strike"}
    both = client.get("/timeline", params=[("type", "strike"), ("type", "withdrawal"), ("limit", "1000")]).json()
    assert {e["event_type"] for e in both["events"]} == {"strike", "withdrawal"}
    disputed = client.get("/timeline", params={"status": "disputed"}).json()["events"]
    assert disputed and all(e["status"] == "disputed" for e in disputed)
    several = client.get("/timeline", params={"min_sources": 2}).json()["events"]  # outlets: 002 and 004 name none
    assert several and all(e["sources"] >= 2 for e in several) and len(several) < len(everything)
    by_name = client.get("/timeline", params={"actor": "المرصد السوري لحقوق الإنسان", "limit": 1000}).json()["events"]
    by_id = client.get("/timeline", params={"actor": "sohr", "limit": 1000}).json()["events"]
    assert by_name == by_id and by_name and len(by_name) < len(everything)
    assert all(any("Observatory" in a["source"] for a in e["attribution"]) or e["actors"] for e in by_id)
    assert client.get("/timeline", params={"type": "parade"}).status_code == 422


def test_cursor_pages_cover_everything_once(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    _post_all(client, all_articles)
    whole = client.get("/timeline", params={"limit": 1000}).json()
    assert whole["next_cursor"] is None
    seen, cursor = [], None
    while True:
        page = client.get("/timeline", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        assert len(page["events"]) <= 7
        seen += page["events"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == whole["events"]
    bad = client.get("/timeline", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "cursor"


def test_since_returns_only_what_changed(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    first_day = [a for a in all_articles if a["published_at"].startswith("2024-11-29")]
    _post_all(client, first_day)
    before = client.get("/timeline", params={"limit": 1000}).json()["events"]
    mark = max(e["updated_at"] for e in before)
    assert client.get("/timeline", params={"since": mark}).json()["events"] == []
    later = [a for a in all_articles if a["published_at"].startswith("2024-11-30")]
    _post_all(client, later)
    changed = client.get("/timeline", params={"since": mark, "limit": 1000}).json()["events"]
    assert changed and all(e["updated_at"] > mark for e in changed)
    assert {a for e in changed for a in e["article_ids"]} & {a["id"] for a in later}
    assert client.get("/timeline", params={"since": "yesterday"}).status_code == 422


def test_csv_for_spreadsheets(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    import csv
    import io

    _post_all(client, all_articles)
    r = client.get("/timeline", params={"region": "aleppo", "format": "csv", "lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")  # a UTF-8 BOM, so spreadsheets read Arabic
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    as_json = client.get("/timeline", params={"region": "aleppo", "lang": "en"}).json()["events"]
    assert [row["id"] for row in rows] == [e["id"] for e in as_json]
    assert all(row["region"] == "aleppo" and row["description_ar"] == "" for row in rows)


def test_posting_day_by_day_gives_the_same_timeline(
    make_client: Any, tmp_path: Any, all_articles: list[dict[str, Any]]
) -> None:
    def timeline(client: TestClient) -> list[dict[str, Any]]:
        events = client.get("/timeline", params={"limit": 1000}).json()["events"]
        return [{k: v for k, v in e.items() if k != "updated_at"} for e in events]

    at_once = make_client(data_dir=tmp_path / "once")
    _post_all(at_once, all_articles)
    daily = make_client(data_dir=tmp_path / "daily")
    for day in sorted({a["published_at"][:10] for a in all_articles}):
        _post_all(daily, [a for a in all_articles if a["published_at"].startswith(day)])
    assert timeline(daily) == timeline(at_once)


def test_event_ids_hold_as_days_are_added(client: TestClient, all_articles: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for day in sorted({a["published_at"][:10] for a in all_articles}):
        _post_all(client, [a for a in all_articles if a["published_at"].startswith(day)])
        now = {e["id"] for e in client.get("/timeline", params={"limit": 1000}).json()["events"]}
        assert seen <= now, seen - now  # a happening keeps its id when later reports join it
        seen = now


def test_a_new_post_is_seen_at_once_despite_the_merge_cache(
    client: TestClient, all_articles: list[dict[str, Any]]
) -> None:
    _post_all(client, [a for a in all_articles if a["published_at"].startswith("2024-11-29")])
    before = client.get("/timeline", params={"limit": 1000}).json()["events"]
    assert client.get("/timeline", params={"limit": 1000}).json()["events"] == before  # served again
    _post_all(client, [a for a in all_articles if a["published_at"].startswith("2024-11-30")])
    after = client.get("/timeline", params={"limit": 1000}).json()["events"]
    assert len(after) > len(before)
