"""Prometheus metrics: every metric object of the service, in one registry served at /metrics."""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.process_collector import ProcessCollector

disable_created_metrics()  # type: ignore[no-untyped-call]  # no *_created series
REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)

REQUESTS = Counter(
    "summarizer_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "summarizer_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180),
    registry=REGISTRY,
)
LLM_CALLS = Counter(
    "summarizer_llm_calls", "LLM calls made, by model and outcome (ok or error).", ["model", "outcome"],
    registry=REGISTRY,
)  # fmt: skip
LLM_TOKENS = Counter(
    "summarizer_llm_tokens", "Tokens the provider reported, by model and direction (input or output).",
    ["model", "direction"], registry=REGISTRY,
)  # fmt: skip
LLM_COST = Counter(
    "summarizer_llm_cost_usd", "Cost in US dollars by litellm's bundled price map (0 for unpriced models).",
    ["model"], registry=REGISTRY,
)  # fmt: skip
FLAGS = Counter(
    "summarizer_flags",
    "Outputs re-asked, dropped, repaired or served by the fallback: meta.flags by kind.",
    ["kind"],
    registry=REGISTRY,
)
CACHE = Counter(
    "summarizer_cache_lookups", "LLM result-cache lookups, by result (hit or miss).", ["result"],
    registry=REGISTRY,
)  # fmt: skip
GROUPS = Counter(
    "summarizer_groups_summarized", "Day-and-topic groups served, by engine and degraded (true/false).",
    ["engine", "degraded"], registry=REGISTRY,
)  # fmt: skip
TIMELINE = Gauge(
    "summarizer_timeline_rows", "Rows in the timeline store, by table (articles, groups, events).", ["table"],
    registry=REGISTRY,
)  # fmt: skip
QUEUE_DEPTH = Gauge(
    "summarizer_job_queue_depth", "Posted jobs (POST /jobs) not yet started.",
    registry=REGISTRY,
)  # fmt: skip

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def llm_call(model: str, input_tokens: int, output_tokens: int, cost: float) -> None:
    """One answered LLM call with the usage its provider reported."""
    LLM_CALLS.labels(model, "ok").inc()
    LLM_TOKENS.labels(model, "input").inc(input_tokens)
    LLM_TOKENS.labels(model, "output").inc(output_tokens)
    LLM_COST.labels(model).inc(max(cost, 0.0))


def summarized(engine: str, degraded: list[bool], flag_kinds: list[str]) -> None:
    """One answered /summarize: its groups (degraded or not) and its flags by kind."""
    for d in degraded:
        GROUPS.labels(engine, "true" if d else "false").inc()
    for kind in flag_kinds:
        FLAGS.labels(kind).inc()


def render() -> bytes:
    """The registry in Prometheus' text format."""
    return generate_latest(REGISTRY)
