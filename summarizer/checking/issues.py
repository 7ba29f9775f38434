"""What a check finds wrong with a claim: the words at fault and why."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.schemas import IssueKind


@dataclass(frozen=True)
class Issue:
    kind: IssueKind
    text: str  # the claim's words at fault (the whole claim for "unsupported")
    message: str
