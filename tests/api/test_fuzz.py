"""Property-based: schemathesis drives every endpoint of a live server (generated requests, with news-like
dates and texts mixed in), and no answer is a 5xx; every error is in the one documented shape.
Bounded: a few dozen cases per endpoint (about a minute on two cores)."""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from summarizer.api.app import create_app
from summarizer.config import load_settings
from tests.conftest import load_articles
from tests.running_server import live_server

SENTENCES = [s.strip() for a in load_articles() for s in a["text"].split("\n") if len(s.strip()) > 20][:60]

_ZONE = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=3)), dt.timezone(dt.timedelta(hours=-12)),
                         dt.timezone(dt.timedelta(hours=14))])  # fmt: skip
_MOMENT = st.datetimes(
    min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=_ZONE
)
_EDGE = st.sampled_from(
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01", "2024-02-30"]
)
schemathesis.openapi.format(
    "news-time",
    st.one_of(_MOMENT.map(lambda m: m.isoformat()), _MOMENT.map(lambda m: m.date().isoformat()), _EDGE),
)
schemathesis.openapi.format(
    "news-day",
    st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(str), _EDGE.map(lambda e: e[:10])),
)
_WORDS = st.sampled_from(
    ["أمس", "غدا", "قبل أسبوع", "next month", "¹²³", "9" * 5000, "قتل 12", "١٢", "\u200f"]
)
schemathesis.openapi.format(
    "news-text",
    st.one_of(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map("\n".join),
        st.lists(
            st.one_of(st.sampled_from(SENTENCES), _WORDS, st.text(max_size=30)), min_size=1, max_size=6
        ).map(" ".join),
    ),
)


def _patched_schema() -> dict[str, Any]:
    """The app's own OpenAPI document, with formats that make most generated dates and texts plausible."""
    raw = create_app(load_settings(data_dir=Path("/nonexistent-unused"))).openapi()
    schema = copy.deepcopy(raw)
    comps = schema["components"]["schemas"]
    comps["ArticleIn"]["properties"]["published_at"] = {"type": "string", "format": "news-time"}
    comps["ArticleIn"]["properties"]["text"] = {"type": "string", "format": "news-text"}
    for name in ("VerifyBullet",):
        comps[name]["properties"]["text"] = {"type": "string", "format": "news-text"}
    for p in schema["paths"]["/timeline"]["get"]["parameters"]:
        if p["name"] in ("from", "to"):
            p["schema"] = {"anyOf": [{"type": "string", "format": "news-day"}, {"type": "null"}]}
        if p["name"] == "since":
            p["schema"] = {"anyOf": [{"type": "string", "format": "news-time"}, {"type": "null"}]}
    return schema


schema = schemathesis.openapi.from_dict(_patched_schema())


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(tmp_path_factory.mktemp("fuzz")) as base:
        yield base


# At least 2,000 generated requests in all (FUZZ_EXAMPLES per operation; operations with few inputs run fewer)
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
CALLS: list[int] = []


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_reaches_a_5xx(case: schemathesis.Case, live: str) -> None:
    response = case.call(base_url=live, timeout=60)
    CALLS.append(response.status_code)
    assert response.status_code < 500, (case.method, case.path, case.body, response.text[:500])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}, body


def test_zz_fuzz_run_reached_its_size() -> None:
    """The schemathesis run above (same module, runs first) sent the requests it was sized for."""
    if not CALLS:
        pytest.skip("run alone: the fuzz cases were deselected")
    assert len(CALLS) >= 5 * FUZZ_EXAMPLES, len(CALLS)  # 2,000 at the default
    print(f"fuzz: {len(CALLS)} requests, statuses {sorted(set(CALLS))}")
