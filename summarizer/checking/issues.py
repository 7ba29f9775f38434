"""What a check finds wrong with a claim: the words at fault and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.schemas import (
    IssueKind,
)

if TYPE_CHECKING:
    pass



@dataclass(frozen=True)
class Issue:
    kind: IssueKind
    text: str  # the claim's words at fault (the whole claim for "unsupported")
    message: str
