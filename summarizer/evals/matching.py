"""Matching served events to gold ones: same article, overlapping evidence and anchor, compatible type; regions as ISO codes.

The rule (used for recall and for precision alike): a served event matches a gold event when one of its
evidence quotes is found in the gold event's article and the quote's span overlaps the gold anchor's span
there (or one of the sentences it lists in ``also`` as other accounts of the same event), and the two
event types are compatible (:func:`compatible`). A quote an event cites beside its own sentence that is
another served event's own sentence does not count (:func:`as_reports`).

Matches are one to one within an article (:func:`assign`): a gold event is found as at most one served
event, and a served event stands for at most one gold event of each article it cites (one event that
merges two articles' accounts of a happening may stand for each article's gold event). Two served events
for one happening count one found and one wrong (a duplicate); one served event for a sentence that
tells two happenings counts one found and one missed. Pairs are taken best first: the same type, then the
larger overlap, then agreement on date and region (so that of two events split from one sentence each is
paired with the gold event it is about), then order. A served event counts as correct (precision) when it
is paired with a gold event of its case; its article is that of its first evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from summarizer.evals.datasets import GoldEvent, NonEvent
from summarizer.reading import context, places
from summarizer.schemas import Event

# Types a reader could file the same happening under: a strike that kills is also a toll, an advance is
# fighting, a denial is a statement of diplomacy. "other" is compatible with any type.
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"strike", "clash", "casualties"}),
    frozenset({"control_change", "withdrawal", "reinforcement", "clash"}),
    frozenset({"statement", "diplomacy"}),
    frozenset({"displacement", "casualties"}),
)
_ISO = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def compatible(a: str, b: str) -> bool:
    """Two event types that may name the same happening."""
    return a == b or "other" in (a, b) or any(a in f and b in f for f in _FAMILIES)


@cache
def _syrian_iso() -> dict[str, str]:
    return {r.slug: r.iso for r in places.regions()}


@cache
def region_iso(region: str | None) -> str | None:
    """An ISO 3166-2 code for a region written as a code, a slug or a name; None when unknown or absent.

    Codes pass through; anything else goes through ``places.resolve_region`` and, for slugs it does not
    know, the Syrian governorates' slug -> ISO table.
    """
    if region is None or not region.strip():
        return None
    if _ISO.match(region):
        return region
    found = places.resolve_region(region)
    if found is not None:
        return found.iso
    return _syrian_iso().get(region)


def as_reports(events: Sequence[Event]) -> list[Event]:
    """The served events as the rule reads them: a quote an event cites beside its own sentence, from that
    sentence's article, that is another served event's own sentence, or that only places it
    (:func:`context.placing_quotes`), reports another happening or none, and is left out."""
    owned = {(e.evidence[0].article_id, e.evidence[0].quote) for e in events if e.evidence}
    out = []
    for e in events:
        if len(e.evidence) < 2:
            out.append(e)
            continue
        first = e.evidence[0]
        placing = context.placing_quotes(e)
        kept = [first] + [
            ev
            for ev in e.evidence[1:]
            if (ev.article_id, ev.quote) not in placing
            and (ev.article_id != first.article_id or ev.quote == first.quote or (ev.article_id, ev.quote) not in owned)
        ]
        out.append(e if len(kept) == len(e.evidence) else e.model_copy(update={"evidence": kept}))
    return out


def _span(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    return None if i < 0 or not quote else (i, i + len(quote))


def overlap(served: Event, article_id: str, anchor: str, text: str) -> int:
    """Characters shared by the anchor and the served event's best evidence quote in that article (0: none)."""
    a = _span(text, anchor)
    if a is None:
        return 0
    best = 0
    for ev in served.evidence:
        if ev.article_id != article_id:
            continue
        q = _span(text, ev.quote)
        if q is not None:
            best = max(best, min(a[1], q[1]) - max(a[0], q[0]))
    return best


def gold_overlap(e: Event, g: GoldEvent, texts: dict[str, str]) -> int:
    """The served event's overlap with the gold event's anchor or any of its other accounts."""
    return max(overlap(e, g.article_id, a, texts[g.article_id]) for a in g.anchors)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Which served event each gold event is found as (by gold index), and which served events stand for a
    gold event (by served index)."""

    found: dict[int, Event]
    served: frozenset[int]


def assign(gold: Sequence[GoldEvent], events: Sequence[Event], texts: dict[str, str]) -> Assignment:
    """Pair gold and served events one to one within an article, best pairs first (see the module doc)."""
    pairs: list[tuple[bool, int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(events):
            if compatible(e.event_type, g.event_type) and (n := gold_overlap(e, g, texts)) > 0:
                agree = (e.date == g.date) + (region_iso(e.region) == region_iso(g.region))
                pairs.append((e.event_type == g.event_type, n, agree, -ei, -gi, gi))
    pairs.sort(reverse=True)
    found: dict[int, Event] = {}
    taken: set[tuple[int, str]] = set()  # (served index, gold article): a served event's one gold per article
    for *_, minus_ei, _, gi in pairs:
        ei = -minus_ei
        if gi in found or (ei, gold[gi].article_id) in taken:
            continue
        found[gi] = events[ei]
        taken.add((ei, gold[gi].article_id))
    return Assignment(found=found, served=frozenset(ei for ei, _ in taken))


def match_gold(g: GoldEvent, events: Sequence[Event], texts: dict[str, str]) -> Event | None:
    """The served event a lone gold event is found as, or None (a case's events are paired by :func:`assign`)."""
    return assign([g], events, texts).found.get(0)


def hits_non_event(e: Event, non_events: Sequence[NonEvent], texts: dict[str, str]) -> list[NonEvent]:
    """The listed non-event sentences a served event cites."""
    return [n for n in non_events if overlap(e, n.article_id, n.anchor, texts[n.article_id]) > 0]


def article_of(e: Event) -> str | None:
    """The article a served event comes from: that of its first evidence quote."""
    return e.evidence[0].article_id if e.evidence else None
