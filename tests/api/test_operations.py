"""Operations: /metrics in Prometheus format, X-Request-ID, JSON log lines, offline /docs and /redoc."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from summarizer import logs
from tests.api.test_summarize_llm import _unfaithful
from tests.fakes.answers import faithful
from tests.fakes.openai_server import FakeOpenAI


def samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(r.text):  # raises on anything not Prometheus text
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(snapshot: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return snapshot.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_are_counted_by_route_template_and_status(client: TestClient) -> None:
    before = samples(client)
    client.get("/health")
    client.get("/articles/one")
    client.get("/articles/two")
    client.get("/no-such-page")
    client.request("BREW", "/health")
    after = samples(client)
    assert value(after, "summarizer_http_requests_total", route="/health", method="other", status="405") >= 1
    req = "summarizer_http_requests_total"
    assert value(after, req, route="/health", method="GET", status="200") - value(
        before, req, route="/health", method="GET", status="200"
    ) == 1
    # both article reads fall under the template, not two raw paths
    assert value(after, req, route="/articles/{article_id}", method="GET", status="404") - value(
        before, req, route="/articles/{article_id}", method="GET", status="404"
    ) == 2
    assert value(after, req, route="unmatched", method="GET", status="404") >= 1
    hist = "summarizer_http_request_duration_seconds_count"
    assert value(after, hist, route="/health") > value(before, hist, route="/health")
    assert not any(name.endswith("_created") for name, _ in after)


def test_timeline_size_and_queue_depth(client: TestClient, seeds: list[dict[str, Any]]) -> None:
    assert value(samples(client), "summarizer_timeline_rows", table="events") == 0
    client.post("/summarize", json={"articles": seeds})
    after = samples(client)
    assert value(after, "summarizer_timeline_rows", table="articles") == len(seeds)
    assert value(after, "summarizer_timeline_rows", table="events") > 0
    assert ("summarizer_job_queue_depth", ()) in after
    assert value(after, "summarizer_groups_summarized_total", engine="extractive", degraded="false") > 0


def test_llm_calls_tokens_reasks_and_cache_hits(
    make_client: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    model = "openai/fake-model"
    client = make_client(model=model, api_base=fake_llm.base_url, api_key="k", llm_retries=0, llm_timeout=5)
    fake_llm.push(_unfaithful, faithful)  # one re-ask, then a faithful answer
    before = samples(client)
    assert client.post("/summarize", json={"articles": seeds[2:3]}).status_code == 200
    middle = samples(client)

    def delta(a: Any, b: Any, name: str, **labels: str) -> float:
        return value(b, name, **labels) - value(a, name, **labels)

    assert delta(before, middle, "summarizer_llm_calls_total", model=model, outcome="ok") == fake_llm.calls == 2
    # the fake server reports 1000 prompt and 200 completion tokens per call
    assert delta(before, middle, "summarizer_llm_tokens_total", model=model, direction="input") == 2000
    assert delta(before, middle, "summarizer_llm_tokens_total", model=model, direction="output") == 400
    assert delta(before, middle, "summarizer_flags_total", kind="reask") == 1
    assert delta(before, middle, "summarizer_cache_lookups_total", result="miss") == 1
    assert ("summarizer_llm_cost_usd_total", (("model", model),)) in middle  # 0: the fake model has no price
    assert client.post("/summarize", json={"articles": seeds[2:3]}).status_code == 200
    after = samples(client)
    assert delta(middle, after, "summarizer_cache_lookups_total", result="hit") == 1
    assert delta(middle, after, "summarizer_llm_calls_total", model=model, outcome="ok") == 0
    fake_llm.push((503, {"error": {"message": "overloaded"}}))
    client.post("/summarize", json={"articles": seeds[3:4]})
    assert delta(after, samples(client), "summarizer_llm_calls_total", model=model, outcome="error") == 1


def test_request_id_is_returned_and_a_sane_one_honoured(client: TestClient) -> None:
    fresh = client.get("/health").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", fresh)
    assert client.get("/health").headers["x-request-id"] != fresh
    assert client.get("/health", headers={"X-Request-ID": "abc-123.x"}).headers["x-request-id"] == "abc-123.x"
    for insane in ("a" * 300, "bad id with spaces", "x\u00e9".encode(), "id\"><script>"):
        got = client.get("/health", headers={"X-Request-ID": insane})
        assert re.fullmatch(r"[0-9a-f]{32}", got.headers["x-request-id"])
    err = client.get("/timeline", params={"region": "atlantis"})
    assert err.status_code == 404 and err.headers["x-request-id"]


def test_an_unexpected_error_is_the_documented_500_with_its_request_id(client: TestClient) -> None:
    def boom() -> None:
        raise RuntimeError("secret detail")

    client.app.add_api_route("/boom", boom)  # type: ignore[attr-defined]
    got = client.get("/boom", headers={"X-Request-ID": "trace-500"})
    assert got.status_code == 500
    assert got.headers["x-request-id"] == "trace-500"
    assert got.json()["error"]["code"] == "internal_error" and "secret detail" not in got.text


def test_log_lines_are_json_with_the_request_id(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    formatter = logs.JSONFormatter()
    with caplog.at_level(logging.INFO, logger="summarizer.request"):
        client.get("/health", headers={"X-Request-ID": "req-42"})
    records = [r for r in caplog.records if r.name == "summarizer.request"]
    assert records
    line = json.loads(formatter.format(records[-1]))
    assert line["path"] == "/health" and line["status"] == 200 and line["route"] == "/health"
    assert line["level"] == "info" and isinstance(line["duration_ms"], float)
    # the id travels in the context of the request; outside one, there is none
    token = logs.request_id.set("req-42")
    try:
        inside = json.loads(formatter.format(logging.makeLogRecord({"msg": "x", "levelname": "INFO"})))
    finally:
        logs.request_id.reset(token)
    assert inside["request_id"] == "req-42"
    outside = json.loads(formatter.format(logging.makeLogRecord({"msg": "x", "levelname": "INFO"})))
    assert "request_id" not in outside


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    urls = [str(t.get("src") or t.get("href")) for t in soup.select("script[src], link[href]")]
    assert urls and all(u.startswith("/static/vendor/") for u in urls), urls
    assert "cdn" not in r.text.lower() and "fonts.googleapis" not in r.text
    if path == "/docs":
        assert '"validatorUrl": null' in r.text  # Swagger UI would otherwise call validator.swagger.io
    for u in urls:
        got = client.get(u)
        assert got.status_code == 200 and len(got.content) > 1000
    assert client.get("/openapi.json").json()["paths"]["/timeline"]
