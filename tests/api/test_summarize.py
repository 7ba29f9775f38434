"""POST /summarize on the default engine: contract, grounding, idempotence, and bad input."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from summarizer.reading.text import script_counts
from tests.api.conftest import MakeClient


def _post(client: TestClient, articles: list[dict[str, Any]], **extra: Any) -> Any:
    return client.post("/summarize", json={"articles": articles, **extra})


def test_seeds_give_three_days_with_grounded_bullets_and_events(
    client: TestClient, seeds: list[dict[str, Any]]
) -> None:
    r = _post(client, seeds)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [g["day"] for g in body["groups"]] == ["2024-11-29", "2024-11-30", "2024-12-01"]
    texts = {a["id"]: a["text"] for a in seeds}
    for g in body["groups"]:
        assert g["summary"]["ar"]["bullets"], g["day"]
        assert g["events"], g["day"]
        quotes = [ev for b in g["summary"]["ar"]["bullets"] for ev in b["evidence"]]
        quotes += [ev for e in g["events"] for ev in e["evidence"]]
        for ev in quotes:
            assert ev["quote"] in texts[ev["article_id"]]
            assert ev["article_id"] in g["article_ids"]
        # the offline engine does not translate: English is rendered from the events' facts, and says so
        en = g["summary"]["en"]
        assert en["bullets"] and script_counts(en["headline"])[0] == 0
        for b in en["bullets"]:
            assert script_counts(b["text"])[0] == 0, b["text"]
            assert all(ev["quote"] in texts[ev["article_id"]] for ev in b["evidence"])
    assert body["meta"]["engine"] == "extractive" and body["meta"]["cached"] is False
    assert "rendered from the extracted facts" in body["meta"]["notes"][0]
    assert body["meta"]["usage"] == {"llm_calls": 0, "input_tokens": 0, "output_tokens": 0}


def test_posting_again_adds_no_events(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    _post(client, seeds)
    first = client.get("/timeline").json()["events"]
    second_post = _post(client, seeds)
    assert second_post.status_code == 200
    again = client.get("/timeline").json()["events"]
    assert len(again) == len(first) > 0
    assert [e["id"] for e in again] == [e["id"] for e in first]


def test_ids_are_the_clients_or_a_content_hash(client: TestClient) -> None:
    art = {"text": "قتل 4 مدنيين في غارة على مدينة إدلب.", "published_at": "2024-12-01"}
    g1 = _post(client, [art]).json()["groups"][0]
    g2 = _post(client, [{**art, "id": "mine"}]).json()["groups"][0]
    assert g1["article_ids"][0].startswith("a_") and g2["article_ids"] == ["mine"]
    assert _post(client, [art]).json()["groups"][0]["article_ids"] == g1["article_ids"]


def test_day_follows_the_configured_zone(make_client: MakeClient) -> None:
    art = {"text": "قتل 4 مدنيين في غارة على مدينة إدلب.", "published_at": "2024-11-30T22:30:00Z"}
    assert _post(make_client(), [art]).json()["groups"][0]["day"] == "2024-11-30"
    damascus = make_client(timezone="Asia/Damascus")
    assert _post(damascus, [art]).json()["groups"][0]["day"] == "2024-12-01"


def test_only_requested_languages(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    g = _post(client, seeds[:1], languages=["ar"]).json()["groups"][0]
    assert g["summary"]["en"] is None and g["summary"]["unavailable"]["en"] == "not requested"


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"articles": [{"published_at": "2024-12-01"}]}, "articles[0].text", "Field required"),
        ({"articles": [{"text": "نص"}]}, "articles[0].published_at", "Field required"),
        ({"articles": [{"text": "   \n", "published_at": "2024-12-01"}]}, "articles[0].text", "white space"),
        ({"articles": [{"text": "نص", "published_at": "yesterday"}]}, "articles[0].published_at", "ISO 8601"),
        (
            {"articles": [{"text": "نص", "published_at": "2024-13-45"}]},
            "articles[0].published_at",
            "ISO 8601",
        ),
        (
            {"articles": [{"text": "نص", "published_at": "2024-12-01"}], "languages": ["fr"]},
            "languages[0]",
            "'ar'",
        ),
        (
            {"articles": [{"text": "نص", "published_at": "2024-12-01", "lang": "ar"}]},
            "articles[0].lang",
            "remove it",
        ),
        ({"articles": []}, "articles", "at least 1"),
        ({}, "articles", "Field required"),
        ({"articles": "نص"}, "articles", "list"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str, words: str
) -> None:
    r = client.post("/summarize", json=body)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "invalid_input"
    assert any(f["field"] == field and words in f["message"] for f in err["fields"]), err
    assert field in err["message"]


def test_non_json_body_is_a_422(client: TestClient) -> None:
    r = client.post("/summarize", content=b"articles=1", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "valid JSON" in r.json()["error"]["message"]


def test_limits(make_client: MakeClient) -> None:
    c = make_client(max_articles=2, max_article_chars=100, max_body_bytes=2000)
    art = {"text": "قتل 4 مدنيين.", "published_at": "2024-12-01"}
    r = _post(c, [art, {**art, "id": "b"}, {**art, "id": "c"}])
    assert r.status_code == 422 and "SUMMARIZER_MAX_ARTICLES" in r.json()["error"]["message"]
    r = _post(c, [{**art, "text": "ق" * 150}])
    assert r.status_code == 422 and r.json()["error"]["fields"][0]["field"] == "articles[0].text"
    r = _post(c, [{**art, "text": "ق" * 3000}])
    assert r.status_code == 413 and "SUMMARIZER_MAX_BODY_BYTES" in r.json()["error"]["message"]


def test_same_id_different_text_is_refused(client: TestClient) -> None:
    a = {"id": "x", "text": "قتل 4 مدنيين.", "published_at": "2024-12-01"}
    r = _post(client, [a, {**a, "text": "قتل 5 مدنيين."}])
    assert r.status_code == 422 and r.json()["error"]["fields"][0]["field"] == "articles[1].id"


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/health").json() == {
        "status": "ok",
        "engine": "extractive",
        "model": "extractive",
        "prompt_version": None,
    }
    assert "/summarize" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 200


def test_an_article_that_is_all_chrome_gets_a_reason_not_an_empty_summary(client: TestClient) -> None:
    r = _post(client, [{"text": "مشاركة :\n20:15\nوطالع ايضا:", "published_at": "2024-12-01"}])
    assert r.status_code == 200, r.text
    g = r.json()["groups"][0]
    assert g["summary"]["ar"] is None and "page chrome" in g["summary"]["unavailable"]["ar"]
    assert g["events"] == []


def test_english_articles_get_an_english_summary(client: TestClient) -> None:
    text = (
        "Syrian rebels captured most of Aleppo on Saturday, a war monitor said.\n"
        "At least 15 civilians were killed in an air strike on the town of Atarib on Thursday, "
        "according to the civil defence.\nThe army denied that its forces had withdrawn from Hama."
    )
    g = _post(client, [{"text": text, "published_at": "2024-12-01T10:00:00Z"}]).json()["groups"][0]
    assert g["summary"]["en"]["bullets"] and all(
        b["evidence"][0]["quote"] in text for b in g["summary"]["en"]["bullets"]
    )
    ar = g["summary"]["ar"]  # rendered from the facts, in Arabic script, citing the English sentences
    assert ar["bullets"] and all(script_counts(b["text"])[1] == 0 for b in ar["bullets"])
    assert any("الأتارب" in b["text"] and "15" in b["text"] for b in ar["bullets"])
    atarib = [
        e for e in g["events"] if e["location"] and e["location"]["en"] and "Atarib" in e["location"]["en"]
    ]
    assert atarib and atarib[0]["date"] == "2024-11-28" and atarib[0]["fatalities"] == 15
