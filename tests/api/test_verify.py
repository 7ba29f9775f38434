"""POST /verify: claims with evidence and issues; the LLM judge reported apart; clear 4xx on bad input."""

from __future__ import annotations

import json
from typing import Any

from tests.api.conftest import MakeClient
from tests.fakes.openai_server import FakeOpenAI

SUMMARY_AR = (
    "قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب جراء غارات. "
    "وقتل 15 مدنيا في غارة على معرة النعمان."  # the Atarib toll moved to another town
)


def test_summary_text_is_split_checked_and_cited(client: Any, seeds: list[dict[str, Any]]) -> None:
    r = client.post("/verify", json={"articles": seeds, "summary": SUMMARY_AR})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["faithful"] is False and body["judge"] is None
    assert [c["supported"] for c in body["claims"]] == [True, False]
    first, second = body["claims"]
    texts = {a["id"]: a["text"] for a in seeds}
    assert all(e["quote"] in texts[e["article_id"]] for e in first["evidence"])
    assert {i["kind"] for i in second["issues"]} & {"number", "place"}
    assert body["meta"] == {"checker": "deterministic-v21", "claims": 2, "supported": 1, "unverifiable": 0, "notes": []}


def test_english_claims_about_arabic_sources(client: Any, seeds: list[dict[str, Any]]) -> None:
    summary = (
        "Four civilians were killed and 20 injured in Idlib city on Sunday. "
        "Four civilians were killed in Idlib city on Friday."
    )
    body = client.post("/verify", json={"articles": seeds, "summary": summary}).json()
    assert [c["supported"] for c in body["claims"]] == [True, False]
    assert [i["kind"] for i in body["claims"][1]["issues"]] == ["date"]


def test_bullets_are_checked_against_the_evidence_they_cite(client: Any, seeds: list[dict[str, Any]]) -> None:
    quote = "قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب"
    bullets = [
        {"text": "Four killed in Idlib city", "evidence": [{"article_id": "000", "quote": quote}]},
        {"text": "Four killed in Aleppo", "evidence": [{"article_id": "000", "quote": quote}]},
        {"text": "Four killed in Idlib", "evidence": [{"article_id": "000", "quote": "قتل 4 مدنيين في حلب"}]},
    ]
    body = client.post("/verify", json={"articles": seeds, "bullets": bullets}).json()
    assert [c["supported"] for c in body["claims"]] == [True, False, False]
    assert [i["kind"] for i in body["claims"][1]["issues"]] == ["place"]
    assert [i["kind"] for i in body["claims"][2]["issues"]] == ["quote"]


def test_bad_requests_name_the_field(client: Any, seeds: list[dict[str, Any]]) -> None:
    both = client.post("/verify", json={"articles": seeds, "summary": "x y z", "bullets": [{"text": "a"}]})
    neither = client.post("/verify", json={"articles": seeds})
    no_articles = client.post("/verify", json={"articles": [], "summary": "Four were killed."})
    blank = client.post("/verify", json={"articles": seeds, "summary": "  "})
    for r in (both, neither, no_articles, blank):
        assert r.status_code == 422, r.text
    assert "exactly one of summary" in both.json()["error"]["message"]
    assert no_articles.json()["error"]["fields"][0]["field"] == "articles"
    assert "summary is empty" in blank.json()["error"]["message"]


def test_judge_without_an_llm_says_so(client: Any, seeds: list[dict[str, Any]]) -> None:
    body = client.post("/verify", json={"articles": seeds, "summary": SUMMARY_AR, "judge": True}).json()
    assert body["judge"] is None and "no LLM is configured" in body["meta"]["notes"][0]


def _llm(make_client: MakeClient, fake: FakeOpenAI) -> Any:
    return make_client(
        model="openai/fake-model", api_base=fake.base_url, api_key="k", llm_retries=0, llm_timeout=5
    )


def test_judge_verdicts_are_reported_apart(
    make_client: MakeClient, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    def verdicts(request: dict[str, Any]) -> str:
        user = request["messages"][1]["content"]
        assert "Claims:\n0. قتل 4 مدنيين" in user and '<article id="000"' in user
        return json.dumps(
            {
                "verdicts": [
                    {"claim": 0, "verdict": "supported", "reason": "000 says so"},
                    {"claim": 1, "verdict": "contradicted", "reason": "002 puts 15 in al-Atarib"},
                ]
            }
        )

    fake_llm.push(verdicts)
    client = _llm(make_client, fake_llm)
    body = client.post("/verify", json={"articles": seeds, "summary": SUMMARY_AR, "judge": True}).json()
    assert body["judge"]["prompt_version"] == "judge-v1" and body["judge"]["model"] == "openai/fake-model"
    assert [v["verdict"] for v in body["judge"]["verdicts"]] == ["supported", "contradicted"]
    assert [c["supported"] for c in body["claims"]] == [True, False]  # deterministic verdicts untouched
    assert fake_llm.calls == 1
    # not asked for: no call
    client.post("/verify", json={"articles": seeds, "summary": SUMMARY_AR})
    assert fake_llm.calls == 1


def test_a_failing_judge_leaves_the_deterministic_verdicts(
    make_client: MakeClient, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.push('{"verdicts": [{"claim": 0, "verdict": "supported", "reason": "ok"}]}')  # one of two
    client = _llm(make_client, fake_llm)
    r = client.post("/verify", json={"articles": seeds, "summary": SUMMARY_AR, "judge": True})
    assert r.status_code == 200
    body = r.json()
    assert body["judge"] is None and "judge failed" in body["meta"]["notes"][0]
    assert "no verdict for claims [1]" in body["meta"]["notes"][0]
    assert [c["supported"] for c in body["claims"]] == [True, False]
