"""POST /summarize on the LLM engine against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from tests.api.conftest import MakeClient
from tests.conftest import topics
from tests.fakes.answers import INVENTED, articles_in, copier, faithful
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture
def llm(make_client: MakeClient, fake_llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Any:
    def make(**overrides: Any) -> Any:
        settings: dict[str, Any] = {
            "model": "openai/fake-model",
            "api_base": fake_llm.base_url,
            "api_key": "k",
            "llm_retries": 0,
            "llm_timeout": 5,
            "llm_retry_wait": 0.01,
        }
        return make_client(**{**settings, **overrides})

    return make


def _unfaithful(request: dict[str, Any]) -> str:
    answer = json.loads(faithful(request))
    answer["summary"]["ar"]["bullets"][0]["evidence"][0]["quote"] = (
        "قتل 400 مدني في حمص"  # not in any article
    )
    return json.dumps(answer, ensure_ascii=False)


def test_faithful_answers_are_served_and_cached(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    client = llm()
    r = client.post("/summarize", json={"articles": seeds})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["meta"]["engine"] == "llm" and body["meta"]["prompt_version"] == "summarize-v2"
    assert fake_llm.calls == len(body["groups"]) == 3
    assert body["meta"]["usage"] == {"llm_calls": 3, "input_tokens": 3000, "output_tokens": 600}
    texts = {a["id"]: a["text"] for a in seeds}
    for g in body["groups"]:
        assert g["summary"]["en"]["bullets"]
        for e in g["events"]:
            assert all(ev["quote"] in texts[ev["article_id"]] for ev in e["evidence"])
    # the prompt carried the response schema and the articles without their page chrome
    sent = fake_llm.requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    prompts = json.dumps(fake_llm.requests, ensure_ascii=False)
    assert "تلجرام" not in prompts
    # 000 and 001 share paragraphs: each reaches the model once
    assert prompts.count("سيزور دمشق اليوم الأحد") == 1
    assert prompts.count("هاكان فيدان") == 1
    again = client.post("/summarize", json={"articles": seeds}).json()
    assert fake_llm.calls == 3 and again["meta"]["cached"] is True and again["groups"] == body["groups"]
    assert client.get("/timeline", params={"region": "aleppo"}).json()["events"]


def test_unfaithful_answer_is_reasked_with_the_errors(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.push(_unfaithful, faithful)
    r = llm().post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 200, r.text
    assert fake_llm.calls == 2
    reask = fake_llm.requests[1]["messages"][-1]["content"]
    assert "is not in article" in reask and "قتل 400 مدني في حمص" in reask
    assert [f["kind"] for f in r.json()["meta"]["flags"]] == ["reask"]


def test_quotes_with_other_quote_marks_are_restored_to_the_articles_words(
    llm: Any, fake_llm: FakeOpenAI
) -> None:
    text = 'أعلنت "هيئة تحرير الشام" السيطرة على مدينة حلب.'

    def curly(request: dict[str, Any]) -> str:
        answer = json.loads(faithful(request))
        answer["summary"]["ar"]["bullets"][0]["evidence"][0]["quote"] = (
            "أعلنت “هيئة تحرير الشام” السيطرة على مدينة حلب"
        )
        return json.dumps(answer, ensure_ascii=False)

    fake_llm.push(curly)
    r = llm().post("/summarize", json={"articles": [{"id": "x", "text": text, "published_at": "2024-11-30"}]})
    assert r.status_code == 200, r.text
    ev = r.json()["groups"][0]["summary"]["ar"]["bullets"][0]["evidence"][0]
    assert ev["quote"] == 'أعلنت "هيئة تحرير الشام" السيطرة على مدينة حلب' and ev["quote"] in text
    assert "repaired_quote" in [f["kind"] for f in r.json()["meta"]["flags"]]


def test_model_that_stays_unfaithful_is_a_502(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = _unfaithful
    client = llm()
    r = client.post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_bad_output"
    assert fake_llm.calls == 3  # the first answer and two re-asks
    assert client.get("/timeline").json()["events"] == []  # nothing unvalidated was stored


def test_invalid_json_is_reasked_then_a_502(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = "Sure! Here is the summary: not json"
    r = llm(llm_reasks=1).post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 502 and fake_llm.calls == 2
    assert "attempts" in r.json()["error"]["message"]


def test_unavailable_provider_is_a_503_or_falls_back(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = (503, {"error": {"message": "overloaded"}})
    r = llm().post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 503 and "unavailable" in r.json()["error"]["message"]
    r = llm(fallback="extractive").post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 200
    meta = r.json()["meta"]
    assert meta["degraded"] is True and meta["flags"][-1]["kind"] == "fallback"
    assert r.json()["groups"][0]["summary"]["ar"]["bullets"]


def test_slow_provider_is_a_504_within_the_deadline(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    fake_llm.delay = 3
    started = time.monotonic()
    r = llm(llm_timeout=0.5).post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 504 and time.monotonic() - started < 2.9
    assert r.json()["error"]["code"] == "upstream_timeout"


def test_request_deadline_bounds_the_whole_request(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    fake_llm.delay = 3
    started = time.monotonic()
    r = llm(llm_timeout=10, request_timeout=0.5).post("/summarize", json={"articles": seeds})
    assert r.status_code == 504 and time.monotonic() - started < 2.9
    assert "SUMMARIZER_REQUEST_TIMEOUT" in r.json()["error"]["message"]


def test_groups_run_concurrently_up_to_the_cap(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    fake_llm.delay = 0.3
    assert llm(llm_max_concurrency=3).post("/summarize", json={"articles": seeds}).status_code == 200
    assert fake_llm.max_in_flight == 3
    fake_llm.max_in_flight = 0
    assert (
        llm(llm_max_concurrency=1, cache=False).post("/summarize", json={"articles": seeds}).status_code
        == 200
    )
    assert fake_llm.max_in_flight == 1


def test_prompt_carries_publication_times(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    llm().post("/summarize", json={"articles": seeds[2:3]})
    assert articles_in(fake_llm.requests[0])[0][1] == "2024-11-29T20:30:00+03:00"


def _atarib_answer(date: str, fatalities: int) -> Any:
    def reply(request: dict[str, Any]) -> str:
        answer = json.loads(faithful(request))
        art_id = articles_in(request)[0][0]
        quote = "والخميس، لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم"
        answer["events"] = [
            {
                "date": date,
                "date_precision": "day",
                "region": None,
                "location": None,
                "event_type": "casualties",  # the quote tells a toll, not what caused it
                "actors": [],
                "fatalities": fatalities,
                "injured": None,
                "status": "reported",
                "attribution": [],
                "description": {"ar": quote, "en": "15 civilians were killed."},
                "evidence": [{"article_id": art_id, "quote": quote}],
            }
        ]
        return json.dumps(answer, ensure_ascii=False)

    return reply


def test_event_date_is_checked_against_its_evidence_and_reasked(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.push(_atarib_answer("2024-11-29", 15), _atarib_answer("2024-11-28", 15))
    r = llm().post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 200, r.text
    reask = fake_llm.requests[1]["messages"][-1]["content"]
    assert "events[0].date 2024-11-29 does not agree with its evidence" in reask and "2024-11-28" in reask
    [event] = r.json()["groups"][0]["events"]
    assert (event["date"], event["fatalities"]) == ("2024-11-28", 15)


def test_event_that_stays_unsupported_is_dropped_and_flagged(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = _atarib_answer("2024-11-28", 51)  # a toll the article never states
    r = llm().post("/summarize", json={"articles": seeds[2:3]})
    assert r.status_code == 200 and fake_llm.calls == 3
    body = r.json()
    assert body["groups"][0]["events"] == [] and body["groups"][0]["summary"]["ar"]["bullets"]
    dropped = [f for f in body["meta"]["flags"] if f["kind"] == "dropped_event"]
    assert len(dropped) == 1 and "fatalities 51 is not a figure its evidence states" in dropped[0]["message"]


def test_a_new_day_calls_the_model_only_for_its_own_groups(
    llm: Any, fake_llm: FakeOpenAI, all_articles: list[dict[str, Any]]
) -> None:
    fake_llm.default = faithful
    client = llm()
    first = [a for a in all_articles if a["published_at"].startswith("2024-11-30")]
    # (not the economy story: English only, and the fake cannot write Arabic that says what it says)
    second = [
        a
        for a in all_articles
        if a["published_at"].startswith("2024-12-01") and topics()[a["id"]] != "economy"
    ]
    # Arabic only: the fake has no faithful English for the sports story (the English checks would refuse it)
    day_one = client.post("/summarize", json={"articles": first, "languages": ["ar"]}).json()
    calls = fake_llm.calls
    assert calls >= len(day_one["groups"]) == 2  # the offensive (Arabic and English), and a sports story
    # a bot re-posts everything so far: day one's groups come from the cache, with their ids
    both = client.post("/summarize", json={"articles": first + second, "languages": ["ar"]}).json()
    assert {g["id"] for g in both["groups"] if g["day"] == "2024-11-30"} == {
        g["id"] for g in day_one["groups"]
    }
    requested = {art_id for r in fake_llm.requests[calls:] for art_id, _, _ in articles_in(r)}
    assert requested  # day two was asked for
    assert not requested & {a["id"] for a in first}
    assert requested == {a["id"] for a in second}


def test_a_model_that_copies_quotes_and_invents_the_rest_gets_nothing_invented_served(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = copier
    client = llm()
    r = client.post("/summarize", json={"articles": seeds, "languages": ["ar"]})
    assert r.status_code == 200, r.text  # each group keeps its copied Arabic sentence, and only that
    body = r.json()
    served = json.dumps(body["groups"], ensure_ascii=False) + json.dumps(
        client.get("/timeline").json(), ensure_ascii=False
    )
    leaked = {name: text for name, text in INVENTED.items() if text in served}
    assert leaked == {}
    texts = {a["id"]: a["text"] for a in seeds}
    for g in body["groups"]:
        assert g["events"] == []
        for b in g["summary"]["ar"]["bullets"]:
            assert b["text"] in texts[b["evidence"][0]["article_id"]]
        assert g["topic"]["label"] == {"ar": None, "en": None}
        assert all(any(k in t for t in texts.values()) for k in g["topic"]["keywords"])
    # every invented field was re-asked with its problem named, then dropped and flagged
    reasks = [q["messages"] for q in fake_llm.requests if len(q["messages"]) == 3]
    assert len(reasks) == 2 * len(body["groups"])  # system, articles, the failing items: not the whole talk
    assert all(m[0] == reasks[0][0] and m[1]["content"] in prompts_of(fake_llm) for m in reasks)
    reask = "\n".join(m[-1]["content"] for m in reasks)
    for said in (
        "uses words its sources do not",  # the Arabic headline and topic
        "is not a word of the articles",  # keywords
        "'Northern Storm Brigade' is not named in its evidence quotes",
        "'Ministry of Information' is not named in its evidence quotes nor their outlet",
        "stance 'denies' but no quote has a denial",
        "status 'disputed' needs both sides quoted",
        "event_type 'diplomacy' is not what its quotes report",
        "states nothing the articles state",  # the Arabic bullet that names nothing
    ):
        assert said in reask, said
    kinds = [f["kind"] for f in body["meta"]["flags"]]
    assert {"reask", "dropped_event", "dropped_bullet", "dropped_field"} <= set(kinds)
    assert client.get("/timeline").json()["events"] == []


def prompts_of(fake: FakeOpenAI) -> list[str]:
    """The first-attempt user prompts the fake received."""
    return [q["messages"][1]["content"] for q in fake.requests if len(q["messages"]) == 2]


def test_english_invented_bullets_and_headline_are_refused_when_nothing_else_holds(
    llm: Any, fake_llm: FakeOpenAI, seeds: list[dict[str, Any]]
) -> None:
    fake_llm.default = copier
    client = llm()
    r = client.post("/summarize", json={"articles": seeds[2:3], "languages": ["en"]})
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_bad_output"
    message = r.json()["error"]["message"]
    assert "summary.en.bullets[0].text" in message and "summary.en.headline" in message
    assert client.get("/timeline").json()["events"] == []
