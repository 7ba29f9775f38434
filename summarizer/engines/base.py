"""The engine interface and what an engine returns for one group of articles."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, Protocol

from summarizer.grouping import ArticleGroup
from summarizer.schemas import Bilingual, Event, Evidence, Flag, Lang, Summary, Usage


@dataclass
class GroupResult:
    summary: Summary
    events: list[Event]
    topic_label: Bilingual
    keywords: list[str]
    usage: Usage = field(default_factory=Usage)
    flags: list[Flag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cached: bool = False


class Engine(Protocol):
    @property
    def name(self) -> Literal["extractive", "llm"]: ...
    @property
    def model(self) -> str: ...
    @property
    def prompt_version(self) -> str | None: ...

    async def summarize_group(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult: ...


def event_id(event_type: str, evidence: list[Evidence]) -> str:
    """Stable across re-posts: the kind of happening and where it is first said (article and words)."""
    first = evidence[0]
    raw = "|".join([event_type, first.article_id, first.quote])
    return "e_" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def article_ids_of(evidence: list[Evidence]) -> list[str]:
    return list(dict.fromkeys(ev.article_id for ev in evidence))
