"""The real local model (SmolLM2-135M, one thread, n_ctx 8192) on the Arabic seed articles, one whole seed per
request: each answer is served grounded field by field, or refused with a clear 502 (bad output) or 413 (the
group is too long for the context); nothing the model invents reaches /timeline. Plumbing, never facts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import MakeClient
from tests.llm_local.grounded import assert_grounded
from tests.llm_local.server import ALIAS, model_for_tests

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "articles"
N_CTX = 8192
# 003 (2,168 chars, case seeds-2024-11-30) is the shortest seed: 3,580 prompt tokens with prompt and schema, so
# it must reach the model. The longer seeds are left out for run time (002, 5,080 chars, took 136 s here on a
# busy machine against 90 s for 003); add their ids to run them: each is then served, refused or a 413.
SEEDS = ("003",)


def seed(article_id: str) -> dict[str, Any]:
    """A seed article as a client sends it: text and publication time from the eval index."""
    index = json.loads((ARTICLES_DIR / "index.json").read_text(encoding="utf-8"))
    entry = next(a for a in index["articles"] if a["id"] == article_id)
    return {
        "id": f"seed-{article_id}",
        "text": (ARTICLES_DIR / entry["file"]).read_text(encoding="utf-8"),
        "published_at": entry["published_at"],
        "source": entry["source"],
    }


@pytest.fixture(scope="module")
def local_model() -> Iterator[str]:
    with model_for_tests(n_ctx=N_CTX) as url:
        yield url


@pytest.mark.parametrize("article_id", SEEDS)
def test_a_seed_is_served_grounded_or_refused(
    article_id: str, local_model: str, make_client: MakeClient
) -> None:
    client = make_client(
        model=f"openai/{ALIAS}",
        api_base=local_model,
        api_key="local",
        llm_max_tokens=700,  # modest: a looping answer is cut and refused, not generated for minutes
        llm_reasks=0,
        llm_retries=0,
        llm_timeout=300,
        request_timeout=900,
    )
    article = seed(article_id)
    r = client.post("/summarize", json={"articles": [article], "languages": ["en"]})
    timeline = client.get("/timeline").json()["events"]
    assert r.status_code in (200, 413, 502), r.text
    if r.status_code != 200:
        error = r.json()["error"]
        assert set(error) == {"code", "message", "fields"}
        if r.status_code == 413:
            assert article_id != "003", "the shortest seed must fit the context and reach the model"
            assert error["code"] == "payload_too_large" and "context window" in error["message"]
            assert [f["field"] for f in error["fields"]] == ["articles"]
        else:
            assert error["code"] == "upstream_bad_output"
            assert f"openai/{ALIAS}" in error["message"] and "attempts" in error["message"]
        assert timeline == []
        return
    body = r.json()
    assert body["meta"]["engine"] == "llm" and body["meta"]["usage"]["llm_calls"] >= 1
    text = article["text"]
    assert body["groups"]
    for g in body["groups"]:
        served = g["summary"]["en"]
        assert served is not None
        for b in served["bullets"]:
            assert b["evidence"]
            assert all(ev["article_id"] == article["id"] and ev["quote"] in text for ev in b["evidence"])
        for kw in g["topic"]["keywords"]:
            assert kw.lower() in text.lower()
    assert_grounded(timeline, [article])
