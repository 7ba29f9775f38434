"""Hand-made bad input from the issue: each gets a 4xx in the one documented error shape, never a 500."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient

TEXT = "قتل 4 مدنيين أمس في غارة على مدينة حلب، وقال الدفاع المدني إن 12 آخرين أصيبوا."


def assert_shape(r: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "fields"} and err["message"], err
    assert all(set(f) == {"field", "message"} for f in err["fields"])
    if field is not None:
        assert field in [f["field"] for f in err["fields"]], err
    return err


def _post(client: TestClient, text: str, published_at: str, **extra: Any) -> Any:
    return client.post(
        "/summarize", json={"articles": [{"text": text, "published_at": published_at, **extra}]}
    )


@pytest.mark.parametrize(
    "published_at",
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01",
        "9999-12-31",
        "1899-12-31T23:00:00Z",
    ],
)
@pytest.mark.parametrize("step", ["أمس", "غدا", "قبل أسبوع", "next month"])
def test_publication_times_at_the_calendars_edges_are_422_naming_the_field(
    client: TestClient, published_at: str, step: str
) -> None:
    err = assert_shape(_post(client, f"{TEXT} {step}", published_at), 422, "articles[0].published_at")
    assert "1900-2100" in err["message"]


def test_the_window_is_configurable(make_client: MakeClient) -> None:
    client = make_client(min_year=2, max_year=9998)
    # inside the widest window, the steps to its edges still resolve and nothing overflows
    assert _post(client, f"{TEXT} أمس", "0002-01-01T00:00:00+14:00").status_code == 200
    assert _post(client, f"{TEXT} غدا next month", "9998-12-31T23:59:59-12:00").status_code == 200


def test_verify_checks_the_window_too(client: TestClient) -> None:
    r = client.post(
        "/verify",
        json={"articles": [{"text": TEXT, "published_at": "9999-12-31"}], "summary": "قتل 4 مدنيين."},
    )
    assert_shape(r, 422, "articles[0].published_at")


@pytest.mark.parametrize(
    ("query", "field"),
    [("from=0001-01-01", "from"), ("to=9999-12-31", "to"), ("from=0001-01-01&to=9999-12-31", "from"),
     ("since=0001-01-01T00:00:00Z", "since"), ("from=2024-13-01", "from")],
)  # fmt: skip
def test_timeline_bounds_outside_the_window_are_422(client: TestClient, query: str, field: str) -> None:
    assert_shape(client.get(f"/timeline?{query}"), 422, field)


def test_timeline_bounds_at_the_windows_edges_work(client: TestClient) -> None:
    _post(client, TEXT, "2024-12-01T10:00:00+03:00")
    r = client.get("/timeline?from=1900-01-01&to=2100-12-31")
    assert r.status_code == 200 and r.json()["events"]


@pytest.mark.parametrize("digits", ["¹²³", "²⁰²⁴", "9" * 5000, "١" * 4400])
def test_superscripts_and_huge_digit_runs(client: TestClient, digits: str) -> None:
    r = _post(client, f"قتل {digits} مدنيين في حلب. {TEXT}", "2024-12-01")
    assert r.status_code == 200, r.text
    for g in r.json()["groups"]:
        for e in g["events"]:
            assert e["fatalities"] in (None, 4)


@pytest.mark.parametrize("where", ["text", "title", "source", "id"])
def test_a_lone_surrogate_is_422(client: TestClient, where: str) -> None:
    article = {"text": TEXT, "published_at": "2024-12-01", where: "x \\ud800 y"}
    raw = json.dumps({"articles": [article]}).replace("\\\\ud800", "\\ud800")
    assert "\\ud800" in raw and "\\\\ud800" not in raw
    r = client.post("/summarize", content=raw, headers={"content-type": "application/json"})
    err = assert_shape(r, 422, f"articles[0].{where}")
    assert "surrogate" in err["message"] or "unicode" in err["message"]


@pytest.mark.parametrize("where", ["text", "title", "source", "id"])
def test_a_nul_character_is_422_on_every_store(client: TestClient, where: str) -> None:
    """Postgres refuses NUL in text (SQLite keeps it): refused alike at the door, and nothing is stored."""
    article = {"text": TEXT, "published_at": "2024-12-01", where: "x \u0000 y"}
    r = client.post("/summarize", json={"articles": [article]})
    err = assert_shape(r, 422, f"articles[0].{where}")
    assert "NUL" in err["message"]
    assert client.get("/timeline").json()["events"] == []


def test_a_lone_surrogate_in_a_verify_summary_is_422(client: TestClient) -> None:
    raw = json.dumps({"articles": [{"text": TEXT, "published_at": "2024-12-01"}], "summary": "S \\udfff"})
    r = client.post(
        "/verify", content=raw.replace("\\\\udfff", "\\udfff"), headers={"content-type": "application/json"}
    )
    assert_shape(r, 422, "summary")


@pytest.mark.parametrize(
    "cursor",
    [
        base64.urlsafe_b64encode(b"[" * 250).decode(),  # deeply nested JSON, within the length limit
        base64.urlsafe_b64encode(b"[" * 5000).decode(),  # and past it
        "!!!!",
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        base64.urlsafe_b64encode(b'["2024-01-01", "e_1"]').decode(),  # the old JSON form
        base64.urlsafe_b64encode(b"2024-02-30\x1fe_1").decode(),
    ],
)
def test_bad_cursors_are_422(client: TestClient, cursor: str) -> None:
    assert_shape(client.get("/timeline", params={"cursor": cursor}), 422, "cursor")


def test_cursors_still_page(client: TestClient) -> None:
    _post(client, TEXT, "2024-12-01T10:00:00+03:00")
    _post(client, "قتل 7 مدنيين في قصف على مدينة إدلب، وفق الدفاع المدني.", "2024-12-02T10:00:00+03:00")
    every = client.get("/timeline").json()["events"]
    assert len(every) >= 2
    page = client.get("/timeline?limit=1").json()
    rest = client.get("/timeline", params={"cursor": page["next_cursor"], "limit": 1000}).json()
    assert [e["id"] for e in page["events"] + rest["events"]] == [e["id"] for e in every]


def test_unknown_path_and_wrong_method(client: TestClient) -> None:
    assert assert_shape(client.get("/nowhere"), 404)["code"] == "not_found"
    r = client.put("/summarize", json={})
    assert assert_shape(r, 405)["code"] == "method_not_allowed"
    assert r.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\xff\xfe{\x00}\x00", "UTF-8"),
        ('{"articles": [{"text": "\xe9", "published_at": "2024-12-01"}]}'.encode("latin-1"), "UTF-8"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"articles": ', "JSON"),
    ],
)
def test_unreadable_bodies_are_422(client: TestClient, body: bytes, message: str) -> None:
    r = client.post("/summarize", content=body, headers={"content-type": "application/json"})
    err = assert_shape(r, 422, "body")
    assert message in err["message"]


def test_a_body_past_the_limit_is_413_with_or_without_a_length(make_client: MakeClient) -> None:
    client = make_client(max_body_bytes=10_000)
    big = json.dumps({"articles": [{"text": "x" * 20_000, "published_at": "2024-12-01"}]}).encode()

    def chunked() -> Iterator[bytes]:
        for i in range(0, len(big), 1000):
            yield big[i : i + 1000]

    assert assert_shape(client.post("/summarize", content=big), 413, "body")["code"] == "payload_too_large"
    r = client.post("/summarize", content=chunked(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert_shape(r, 413, "body")
    # a body under the limit sent in chunks is read whole
    small = json.dumps({"articles": [{"text": TEXT, "published_at": "2024-12-01"}]}).encode()
    r = client.post(
        "/summarize", content=iter([small[:50], small[50:]]), headers={"content-type": "application/json"}
    )
    assert r.status_code == 200, r.text


def test_a_bad_content_length(client: TestClient) -> None:
    r = client.post("/summarize", content=b"{}", headers={"content-length": "99999999999999999999999"})
    assert assert_shape(r, 413, "body")["code"] == "payload_too_large"
    r = client.post("/summarize", content=b"{}", headers={"content-length": "-5"})
    assert assert_shape(r, 400, "content-length")["code"] == "bad_request"
