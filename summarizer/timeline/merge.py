"""Merging reports into happenings: one timeline event per thing that happened, across articles, groups,
days and languages, with all its evidence, its sources, its figures' history and its disputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.reading import actors, places
from summarizer.schemas import AttributionOut, Bilingual, Event, Evidence, Figure, TimelineEvent

WINDOW_DAYS = 1  # reports of one happening may date it a day apart (an undated sentence, a late edition)


@dataclass(frozen=True)
class Report:
    """One stored event and where it came from."""

    event: Event
    published_at: dt.datetime  # the earliest publication among the event's articles
    sources: frozenset[str]  # outlets (the article id when an article names none)
    stored_at: dt.datetime
    source_of: dict[str, str] = field(default_factory=dict)  # article id -> outlet


@lru_cache(maxsize=4096)
def _place_key(name: str) -> str | None:
    governorates = {r.slug for r in places.regions()}
    for m in places.find_places(name):
        if m.place.region is not None:
            key = places.same_place(m.place.id)
            return None if key in governorates else key
    return None


def place_key(e: Event) -> str | None:
    """The site or town an event happened at, as a gazetteer id (Arabic and English names agree); None for
    a governorate or its capital, which place a happening too loosely to tell two apart."""
    if e.location is None:
        return None
    for name in (e.location.en, e.location.ar):
        if name and (key := _place_key(name)) is not None:
            return key
    return None


def _actor_ids(e: Event) -> frozenset[str]:
    out = set()
    for name in e.actors:
        a = actors.by_name(name)
        out.add(a.id if a is not None else name.casefold())
    return frozenset(out)


def _speakers(e: Event) -> set[str]:
    """Who reports or claims it (not who denies it)."""
    return {a.source for a in e.attribution if a.stance != "denies"}


@dataclass
class _Cluster:
    reports: list[Report]
    event_type: str
    first_date: dt.date
    region: str | None
    place: str | None
    actors: set[str]
    tolls: set[int]
    speakers: set[str]

    def takes(self, r: Report) -> bool:
        """Whether a report is of this happening: same kind, within the window, and the same site or town;
        with none named, the same governorate and the same toll (strikes, tolls) or a shared actor or
        speaker (a capture, a withdrawal); with no governorate either, an overall toll by the same counter."""
        e = r.event
        if e.event_type != self.event_type or abs((e.date - self.first_date).days) > WINDOW_DAYS:
            return False
        key = place_key(e)
        if key is not None and self.place is not None:
            return key == self.place
        shared_toll = e.fatalities is not None and e.fatalities in self.tolls
        if e.region is None and self.region is None:  # an overall toll: the same count, or the same counter
            return e.event_type == "casualties" and (shared_toll or bool(_speakers(e) & self.speakers))
        if e.region != self.region:
            return False
        if e.event_type in ("strike", "casualties"):  # strikes in one governorate are many: the same toll
            return shared_toll
        return shared_toll or bool(_actor_ids(e) & self.actors) or bool(_speakers(e) & self.speakers)

    def add(self, r: Report) -> None:
        e = r.event
        self.reports.append(r)
        self.place = self.place or place_key(e)
        self.region = self.region or e.region
        self.actors |= _actor_ids(e)
        self.speakers |= _speakers(e)
        if e.fatalities is not None:
            self.tolls.add(e.fatalities)


def merge(reports: Iterable[Report]) -> list[TimelineEvent]:
    """Reports grouped into happenings. Deterministic: the same reports, in any order, give the same events."""
    ordered = sorted(reports, key=lambda r: (r.event.date, r.published_at, r.event.id))
    clusters: list[_Cluster] = []
    for r in ordered:
        for c in clusters:
            if c.takes(r):
                c.add(r)
                break
        else:
            e = r.event
            c = _Cluster([], e.event_type, e.date, e.region, place_key(e), set(), set(), set())
            c.add(r)
            clusters.append(c)
    return sorted((_happening(c.reports) for c in clusters), key=lambda h: (h.date, h.id))


def _happening(reports: Sequence[Report]) -> TimelineEvent:
    by_time = sorted(reports, key=lambda r: (r.published_at, r.event.id))
    first = by_time[0].event
    events = [r.event for r in by_time]

    def first_of(lang: str, get: str) -> str | None:
        for e in events:
            part = getattr(e, get)
            if part is not None and getattr(part, lang):
                return str(getattr(part, lang))
        return None

    location = None
    if any(e.location for e in events):
        location = Bilingual(ar=first_of("ar", "location"), en=first_of("en", "location"))
    attribution = list({(a.source, a.stance): a for e in events for a in e.attribution}.values())
    stances = {a.stance for a in attribution}
    disputed = any(e.status == "disputed" for e in events) or ("denies" in stances and len(stances) > 1)
    figures = _figures(by_time)
    latest = {f.kind: f.value for f in figures}  # oldest first, so the latest report wins
    evidence = list({(ev.article_id, ev.quote): ev for e in events for ev in e.evidence}.values())
    names = sorted({s for r in reports for s in r.sources})
    return TimelineEvent(
        id="h_" + first.id.removeprefix("e_"),
        date=min(e.date for e in events),
        date_precision=first.date_precision,
        region=next((e.region for e in events if e.region), None),
        location=location,
        event_type=first.event_type,
        actors=list(dict.fromkeys(a for e in events for a in e.actors)),
        fatalities=latest.get("fatalities"),
        injured=latest.get("injured"),
        status="disputed" if disputed else "reported",
        attribution=[AttributionOut(source=a.source, stance=a.stance) for a in attribution],
        description=Bilingual(ar=first_of("ar", "description"), en=first_of("en", "description")),
        evidence=[Evidence(article_id=ev.article_id, quote=ev.quote) for ev in evidence],
        article_ids=sorted({a for e in events for a in e.article_ids}),
        sources=len(names),
        source_names=names,
        first_reported=by_time[0].published_at,
        updated_at=max(r.stored_at for r in reports),
        figures=figures,
        reports=sorted(e.id for e in events),
    )


def _figures(by_time: Sequence[Report]) -> list[Figure]:
    out: list[Figure] = []
    seen: set[tuple[str, int, str]] = set()
    for r in by_time:
        e = r.event
        who = next((a.source for a in e.attribution if a.stance != "denies"), None)
        article = e.article_ids[0] if e.article_ids else ""
        source = who or r.source_of.get(article) or article
        for kind, value in (("fatalities", e.fatalities), ("injured", e.injured)):
            if value is None or (kind, value, source) in seen:
                continue
            seen.add((kind, value, source))
            out.append(
                Figure(kind=kind, value=value, source=source, reported_at=r.published_at, article_id=article)
            )
    return out
