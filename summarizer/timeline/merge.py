"""Merging reports into happenings: one timeline event per thing that happened, across articles, groups,
days and languages, with all its evidence, its sources, its figures' history and its disputes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.engines import render
from summarizer.reading import actors, context, dates, places
from summarizer.reading.checkable import concepts_in
from summarizer.schemas import AttributionOut, Bilingual, Event, Evidence, Figure, TimelineEvent

WINDOW_DAYS = 1  # a report dated only by its publication may be a day off (a late edition, an undated sentence)
_DATED = ("absolute", "relative", "weekday")
# the glossary concepts that say a statement is about a happening of this kind ("denied withdrawing")
_ABOUT: dict[str, frozenset[str]] = {
    "withdrawal": frozenset({"withdraw", "redeploy"}),
    "control_change": frozenset({"control", "enter"}),
    "strike": frozenset({"strike"}),
    "casualties": frozenset({"killed", "wounded", "toll"}),
}


@dataclass(frozen=True)
class Report:
    """One stored event and where it came from."""

    event: Event
    published_at: dt.datetime  # the earliest publication among the event's articles
    sources: frozenset[str]  # outlets (the articles' `source`); an article without one names none
    stored_at: dt.datetime
    source_of: dict[str, str] = field(default_factory=dict)  # article id -> outlet, for articles that name one


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
    a governorate or its capital, which place a happening too loosely to tell two apart. A site whose name
    needs context to be read ("البحوث العلمية") is looked up where its quotes name it."""
    if e.location is None:
        return None
    names = [n for n in (e.location.en, e.location.ar) if n]
    for name in names:
        if (key := _place_key(name)) is not None:
            return key
    governorates = {r.slug for r in places.regions()}
    for ev in e.evidence[:3]:
        for m in places.find_places(ev.quote):
            if m.place.region is not None and {m.place.name_en, m.place.name_ar} & set(names):
                key = places.same_place(m.place.id)
                return None if key in governorates else key
    return None


@lru_cache(maxsize=8192)
def _countryside(quote: str, region: str) -> str | None:
    for m in places.find_places(quote):
        if m.place.region == region and m.qualifier == "countryside":
            return f"{region}-countryside" + (f"-{m.direction}" if m.direction else "")
    return None


def site_of(e: Event) -> str | None:
    """Where a report places its happening, as precisely as it says: a site or town's gazetteer id; for a
    report naming only the governorate, its countryside ("<region>-countryside[-side]") when its own
    sentence says so ("ريف حلب الغربي", "northern Hama countryside"); else None (the governorate or its
    capital, which the news names alike)."""
    key = place_key(e)
    if key is not None or e.region is None or not e.evidence:
        return key
    return _countryside(e.evidence[0].quote, e.region)


def stated_day(r: Report) -> bool:
    """Whether the report's own words date it ("on Thursday", "أمس"), not only its publication."""
    return any(
        d.kind in _DATED and d.date == r.event.date
        for ev in r.event.evidence[:3]
        for d in dates.find_dates(ev.quote, r.published_at)
    )


def _actor_ids(e: Event) -> frozenset[str]:
    out = set()
    for name in e.actors:
        a = actors.by_name(name)
        out.add(a.id if a is not None else name.casefold())
    return frozenset(out)


def _speakers(e: Event) -> frozenset[str]:
    """Who reports or claims it (not who denies it)."""
    return frozenset(a.source for a in e.attribution if a.stance != "denies")


@dataclass(frozen=True)
class _Read:
    """What merging compares of one report, read once."""

    report: Report
    kind: str
    day: dt.date
    stated: bool
    region: str | None
    site: str | None
    parties: frozenset[str]
    speakers: frozenset[str]
    toll: int | None
    injured: int | None

    @classmethod
    def of(cls, r: Report) -> _Read:
        e = r.event
        return cls(r, e.event_type, e.date, stated_day(r), e.region, site_of(e), _actor_ids(e), _speakers(e),
                   e.fatalities, e.injured)  # fmt: skip


def candidate_key(r: Report) -> tuple[str, str | None]:
    """Where to look for a report's happening: its kind and governorate (then the date window and the site).
    A write-time merge can index happenings by this key and test only those within WINDOW_DAYS."""
    return r.event.event_type, r.event.region


@dataclass
class _Happening:
    """Reports of one happening. A report joins only when it agrees with every report already in it, so
    two reports that disagree are never linked through a third (no chaining)."""

    members: list[_Read]
    attached: list[_Read] = field(default_factory=list)  # statements about it (a denial): attribution only

    @property
    def founder(self) -> _Read:
        return self.members[0]

    def _dates_agree(self, r: _Read) -> bool:
        for m in self.members:
            if r.stated and m.stated:
                if r.day != m.day:
                    return False
            elif abs((r.day - m.day).days) > WINDOW_DAYS:
                return False
        return True

    def _contradicts(self, r: _Read) -> bool:
        """A report dated only by its publication joins only if no figure of it contradicts the happening."""
        for m in self.members:
            if r.kind == "casualties" and r.speakers & m.speakers:
                continue  # one counter's running toll rises from one report to the next
            if r.toll is not None and m.toll is not None and r.toll != m.toll:
                return True
            if r.injured is not None and m.injured is not None and r.injured != m.injured:
                return True
        return False

    def takes(self, r: _Read) -> bool:
        """Whether a report is of this happening: the same kind, its day (stated days equal; otherwise within
        the window), and the same site; with none named by either, the same governorate and the same toll
        (strikes, tolls) or a party or speaker shared with the report that founded it (a capture, a
        withdrawal); with no governorate either, an overall toll with the same count or counter."""
        f = self.founder
        if r.kind != f.kind or not self._dates_agree(r):
            return False
        if not (r.stated and any(m.stated for m in self.members)) and self._contradicts(r):
            return False
        tolls = {m.toll for m in self.members if m.toll is not None}
        shared_toll = r.toll is not None and r.toll in tolls
        if r.region is None or f.region is None:  # an overall toll: the same count, or the same counter
            return r.region == f.region and r.kind == "casualties" and (shared_toll or bool(r.speakers & f.speakers))
        if r.region != f.region:
            return False
        site = next((m.site for m in self.members if m.site is not None), None)
        if r.site is not None or site is not None:
            # a report naming only the governorate joins a site's happening by the same toll
            return r.site == site or (r.site is None and shared_toll)
        if r.kind in ("strike", "casualties"):  # strikes in one governorate are many: the same toll
            return shared_toll
        return shared_toll or bool(r.parties & f.parties) or bool(r.speakers & f.speakers)

    def about(self, s: _Read) -> bool:
        """Whether a statement denies this happening: same governorate, within the window, no other site, and
        its words name this kind of happening ("denied withdrawing")."""
        e = s.report.event
        f = self.founder
        if not any(a.stance == "denies" for a in e.attribution) or s.region is None or s.region != f.region:
            return False
        if any(abs((s.day - m.day).days) > WINDOW_DAYS for m in self.members):
            return False
        site = next((m.site for m in self.members if m.site is not None), None)
        if s.site is not None and site is not None and s.site != site:
            return False
        named = set().union(*(concepts_in(ev.quote) for ev in e.evidence))
        return bool(named & _ABOUT.get(f.kind, frozenset()))


def _order(r: Report) -> tuple[dt.datetime, str]:
    return r.published_at, r.event.id


def merge(reports: Iterable[Report]) -> list[TimelineEvent]:
    """Reports grouped into happenings. Deterministic: the same reports, in any order, give the same events.

    Reports are taken oldest publication first, so a happening's founding report (whose id it keeps) is its
    first report, and reports published later never change an earlier happening's id. A ``statement`` never
    founds, titles or joins a happening: a denial that names a happening's kind attaches to it (attribution
    and evidence only); other statements are their own entries, one per statement."""
    ordered = [_Read.of(r) for r in sorted(reports, key=_order)]
    happenings: list[_Happening] = []
    statements: list[_Read] = []
    index: dict[tuple[str, str | None], list[_Happening]] = {}
    for r in ordered:
        if r.kind == "statement":
            statements.append(r)
            continue
        for h in index.get(candidate_key(r.report), []):
            if h.takes(r):
                h.members.append(r)
                break
        else:
            h = _Happening([r])
            happenings.append(h)
            index.setdefault(candidate_key(r.report), []).append(h)
    for s in statements:
        about = [h for h in happenings if h.about(s)]
        if len(about) == 1:
            about[0].attached.append(s)
        else:
            happenings.append(_Happening([s]))
    return sorted((_happening(h) for h in happenings), key=lambda h: (h.date, h.id))


def _day(h: _Happening) -> dt.date:
    """The day its reports state (the most stated, then the earliest), else the earliest they imply."""
    stated = Counter(m.day for m in h.members if m.stated)
    if stated:
        return min(stated, key=lambda d: (-stated[d], d))
    return min(m.day for m in h.members)


def _happening(h: _Happening) -> TimelineEvent:
    reports = [m.report for m in h.members]
    extra = [s.report for s in h.attached]
    by_time = sorted(reports, key=_order)
    first = by_time[0].event
    events = [r.event for r in by_time]
    everything = [r.event for r in sorted(reports + extra, key=_order)]
    site = next((m for m in h.members if m.site is not None), None)
    where = site.report.event if site is not None else next((e for e in events if e.location), None)
    location = where.location if where is not None else None
    attribution = list({(a.source, a.stance): a for e in everything for a in e.attribution}.values())
    stances = {a.stance for a in attribution}
    disputed = any(e.status == "disputed" for e in everything) or ("denies" in stances and len(stances) > 1)
    figures = _figures(by_time)
    latest = {f.kind: f.value for f in figures}  # oldest first, so the latest report wins
    latest_article = {f.kind: f.article_id for f in figures}
    # a quote a report cites only for where it was (the sentence before it) is another happening's or none:
    # kept only when no other quote names the region
    placing = set().union(*(context.placing_quotes(e) for e in everything))
    evidence = list({(ev.article_id, ev.quote): ev for e in everything for ev in e.evidence}.values())
    own = [ev for ev in evidence if (ev.article_id, ev.quote) not in placing]
    region = next((e.region for e in events if e.region), None)
    if region is None or any(region in context.regions_in(ev.quote) for ev in own):
        evidence = own
    # the quotes the description is read from: those of the report that gave the latest toll first
    toll_article = latest_article.get("fatalities")
    evidence.sort(key=lambda ev: ev.article_id != toll_article)
    names = sorted({s for r in reports + extra for s in r.sources})
    merged = Event(
        id="h_" + first.id.removeprefix("e_"),
        date=_day(h),
        date_precision=first.date_precision,
        region=next((e.region for e in events if e.region), None),
        location=location,
        event_type=first.event_type,
        actors=list(dict.fromkeys(a for e in events for a in e.actors)),
        fatalities=latest.get("fatalities"),
        injured=latest.get("injured"),
        status="disputed" if disputed else "reported",
        attribution=[AttributionOut(source=a.source, stance=a.stance) for a in attribution],
        description=Bilingual(),
        evidence=[Evidence(article_id=ev.article_id, quote=ev.quote) for ev in evidence],
        article_ids=sorted({a for e in everything for a in e.article_ids}),
    )
    description = Bilingual(ar=render.event_description(merged, "ar"), en=render.event_description(merged, "en"))
    return TimelineEvent(
        **merged.model_dump(exclude={"description"}),
        description=description,
        sources=len(names),
        source_names=names,
        first_reported=by_time[0].published_at,
        updated_at=max(r.stored_at for r in reports + extra),
        figures=figures,
        reports=sorted(e.id for e in everything),
    )


def _figures(by_time: Sequence[Report]) -> list[Figure]:
    out: list[Figure] = []
    seen: set[tuple[str, int, str | None]] = set()
    for r in by_time:
        e = r.event
        who = next((a.source for a in e.attribution if a.stance != "denies"), None)
        article = e.article_ids[0] if e.article_ids else ""
        source = who or r.source_of.get(article) or None  # an article id is not a source
        for kind, value in (("fatalities", e.fatalities), ("injured", e.injured)):
            if value is None or (kind, value, source) in seen:
                continue
            seen.add((kind, value, source))
            out.append(
                Figure(kind=kind, value=value, source=source, reported_at=r.published_at, article_id=article)
            )
    return out
