"""A real model behind the service: SmolLM2-135M served by llama.cpp on loopback with one thread, reached
through litellm as openai/smollm2. Far too small to summarize: every answer must be fully grounded or a
clear 502, and nothing it invents may reach /timeline. Plumbing and refusals are asserted, never facts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import MakeClient
from tests.llm_local.grounded import assert_grounded
from tests.llm_local.server import ALIAS, model_for_tests

# written for this test (not copied from any outlet)
ARTICLES = [
    {
        "id": "l1",
        "text": (
            "Opposition factions said on Saturday they had entered the town of Saraqib in Idlib province.\n"
            "The Syrian Observatory for Human Rights said eight fighters were killed in the clashes."
        ),
        "published_at": "2024-11-30T18:00:00+03:00",
        "source": "Test Wire",
    },
    {
        "id": "l2",
        "text": (
            "Government forces shelled villages south of Saraqib on Saturday evening, residents said.\n"
            "The army denied that its troops had withdrawn from the town."
        ),
        "published_at": "2024-11-30T21:00:00+03:00",
        "source": "Test Daily",
    },
]


@pytest.fixture(scope="module")
def local_model() -> Iterator[str]:
    with model_for_tests(n_ctx=4096) as url:
        yield url


def test_a_real_model_is_served_grounded_or_refused(local_model: str, make_client: MakeClient) -> None:
    client = make_client(
        model=f"openai/{ALIAS}",
        api_base=local_model,
        api_key="local",
        llm_max_tokens=400,  # small: a looping answer is cut, re-asked smaller once, then refused
        llm_reasks=1,
        llm_retries=0,
        llm_timeout=300,
        request_timeout=900,
    )
    r = client.post("/summarize", json={"articles": ARTICLES, "languages": ["en"]})
    assert r.status_code in (200, 502), r.text
    texts = {a["id"]: a["text"] for a in ARTICLES}
    timeline = client.get("/timeline").json()["events"]
    if r.status_code == 502:
        error = r.json()["error"]
        assert error["code"] == "upstream_bad_output"
        assert f"openai/{ALIAS}" in error["message"] and "attempts" in error["message"]
        assert timeline == []
        return
    body = r.json()
    assert body["meta"]["engine"] == "llm" and body["meta"]["usage"]["llm_calls"] >= 1
    for g in body["groups"]:
        served = g["summary"]["en"]
        assert served is not None
        for b in served["bullets"]:
            assert b["evidence"] and all(ev["quote"] in texts[ev["article_id"]] for ev in b["evidence"])
        for kw in g["topic"]["keywords"]:
            assert kw.lower() in " ".join(texts.values()).lower()
    assert_grounded(timeline, ARTICLES)
