"""The check both real-model tests make of what reached the timeline: exact quotes that pass the field checks."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from summarizer.articles import prepare
from summarizer.checking.fields import event_field_problems
from summarizer.schemas import ArticleIn, AttributionOut, Evidence


def assert_grounded(events: list[dict[str, Any]], posted: list[dict[str, Any]]) -> None:
    """Every event quotes the posted articles word for word, and passes the field checks again on its quotes."""
    texts = {a["id"]: a["text"] for a in posted}
    articles = {a.id: a for a in prepare([ArticleIn(**x) for x in posted], ZoneInfo("UTC"), max_chars=10_000)}
    for e in events:
        assert e["evidence"]
        assert all(ev["article_id"] in texts and ev["quote"] in texts[ev["article_id"]] for ev in e["evidence"])
        problems = event_field_problems(
            "event",
            event_type=e["event_type"],
            actor_names=e["actors"],
            status=e["status"],
            attribution=[AttributionOut(**a) for a in e["attribution"]],
            evidence=[Evidence(**ev) for ev in e["evidence"]],
            articles=articles,
        )
        assert problems == []
