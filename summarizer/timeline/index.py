"""Happenings kept at write time: a changed report is replayed through merge.py's rule against the happenings
its kind, governorate and days index to, and only the happenings it touches are re-rendered and stored."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.schemas import Event, Figure, TimelineEvent
from summarizer.timeline import merge
from summarizer.timeline.db import Db
from summarizer.timeline.merge import Report

Order = tuple[str, str]  # (publication time as UTC text, event id): merge.py's processing order
_FIRST: Order = ("", "")
_REPORT = "SELECT id, body, stored_at, published_at, sources, source_of, ord, happening FROM events"


def utc_text(moment: dt.datetime) -> str:
    """A time as fixed-width UTC text, so that text order is time order (indexed comparisons)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


@dataclass
class _Row:
    """One report as stored: merge's view of it, its order and the happening it was in."""

    read: merge._Read
    order: Order
    was: str | None


def _row(r: tuple[str, str, str, str, str, str, str, str | None]) -> _Row:
    eid, body, stored_at, published_at, sources, source_of, ord_, was = r
    report = Report(
        event=Event.model_validate_json(body),
        published_at=dt.datetime.fromisoformat(published_at),
        sources=frozenset(json.loads(sources)),
        stored_at=dt.datetime.fromisoformat(stored_at),
        source_of=json.loads(source_of),
    )
    return _Row(merge._Read.of(report), (ord_, eid), was)


@dataclass(frozen=True)
class Removed:
    """A report that left the timeline (retired or replaced), as it was indexed."""

    kind: str
    region: str | None
    day: str
    order: Order
    happening: str | None


def removed_row(db: Db, event_id: str) -> Removed | None:
    row = db.one("SELECT event_type, region, date, ord, happening FROM events WHERE id = :id", id=event_id)
    if row is None or row[3] is None:
        return None
    return Removed(row[0], row[1], row[2], (row[3], event_id), row[4])


class Index:
    """One write's re-merge, inside the store's transaction."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.rows: dict[str, _Row] = {}  # event id -> report, read once
        self.touched: set[str] = set()  # happening ids to re-render (or drop)
        self.days: dict[str | None, set[dt.date]] = {}  # per governorate: days whose statements may change
        self.statements: set[str] = set()  # statement ids to re-attach
        self.gone: dict[tuple[str, str | None], set[dt.date]] = {}  # per bucket: days of removed reports

    def _load(self, where: str, **args: object) -> list[_Row]:
        out = []
        for r in self.db.rows(f"{_REPORT} WHERE ord IS NOT NULL AND {where}", **args):
            row = self.rows.get(r[0])
            if row is None:
                row = self.rows[r[0]] = _row(tuple(r))
            out.append(row)
        return sorted(out, key=lambda x: x.order)

    def update(
        self,
        changed: Iterable[tuple[str, str | None, Order]],
        removed: Iterable[Removed],
        history: Iterable[str] = (),
    ) -> None:
        """Re-merge after reports of these buckets changed from these orders on (new or replaced reports:
        their kind, governorate and order; removed ones as they were); ``history``: articles whose earlier
        events went to the history, so happenings still citing them show those figures."""
        start: dict[tuple[str, str | None], Order] = {}
        left: dict[tuple[str, str | None], set[str]] = {}  # per bucket: happenings that lost a report
        new: dict[tuple[str, str | None], set[str]] = {}  # per bucket: its new or replaced reports
        for kind, region, order in changed:
            start[(kind, region)] = min(start.get((kind, region), order), order)
            new.setdefault((kind, region), set()).add(order[1])
        for r in removed:
            start[(r.kind, r.region)] = min(start.get((r.kind, r.region), r.order), r.order)
            if r.happening is not None:
                self.touched.add(r.happening)
                left.setdefault((r.kind, r.region), set()).add(r.happening)
            self.days.setdefault(r.region, set()).add(dt.date.fromisoformat(r.day))
            self.gone.setdefault((r.kind, r.region), set()).add(dt.date.fromisoformat(r.day))
        for (kind, region), first in sorted(start.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            if kind == "statement":
                self._mark_statements(region, first)
            else:
                self._replay(kind, region, first, left.get((kind, region), set()), new.get((kind, region), set()))
        self._attach_statements()
        for article in sorted(set(history)):  # rare (corrections, re-summarized groups): a scan is fine
            found = self.db.rows(
                f"SELECT DISTINCT happening FROM events WHERE {self.db.contains('body', 'needle')}"
                " AND happening IS NOT NULL",
                needle=json.dumps(article),
            )
            self.touched.update(h for (h,) in found)
        self._render()

    def rebuild(self) -> None:
        """Every happening from scratch (a store made before happenings were kept)."""
        self.db.run("DELETE FROM happenings")
        self.db.run("UPDATE events SET happening = NULL")
        buckets = self.db.rows("SELECT DISTINCT event_type, region FROM events WHERE ord IS NOT NULL")
        self.update([(k, r, _FIRST) for k, r in buckets], [])

    def _mark_statements(self, region: str | None, first: Order) -> None:
        where = f"event_type = 'statement' AND {self.db.same('region', 'region', region)} AND (ord, id) >= (:o, :i)"
        for row in self._load(where, region=region, o=first[0], i=first[1]):
            self.statements.add(row.read.report.event.id)
            if row.was is not None:
                self.touched.add(row.was)

    def _replay(self, kind: str, region: str | None, first: Order, left: set[str], new: set[str]) -> None:
        """merge.py's loop over the bucket's reports from ``first`` on, starting from the happenings as they
        stood before it (greedy in publication order: what came earlier never depends on what came later);
        ``left``: the bucket's happenings that lost a report; ``new``: its new or replaced reports.

        A report's choice depends only on happenings with a member within the window of its day, whose
        members all lie within twice the window. So only reports near a day where something changed (a new,
        replaced or removed report, or one that now joins another happening) are replayed; the others keep
        their happening, and are read only when a happening being replayed holds them. Only happenings whose
        reports changed are re-rendered: a late report costs its neighbourhood, not the rest of the bucket."""
        same_region = self.db.same("region", "region", region)
        later = self.db.rows(
            f"SELECT ord, id, date, happening FROM events WHERE event_type = :kind AND {same_region}"
            " AND ord IS NOT NULL AND (ord, id) >= (:o, :i) ORDER BY ord, id",
            kind=kind, region=region, o=first[0], i=first[1],
        )  # fmt: skip
        reach = 2 * merge.WINDOW_DAYS
        dirty: set[dt.date] = set(self.gone.get((kind, region), ()))  # days where something changed
        live: dict[str, merge._Happening] = {}  # happening id -> as it stands at the report being replayed
        order: dict[int, Order] = {}  # a happening's founder's order: merge.py's index order
        by_day: dict[dt.date, list[merge._Happening]] = {}  # a happening under each of its members' days
        moved: dict[str, str] = {}  # replayed reports: event id -> its happening now

        def add(h: merge._Happening, r: merge._Read) -> None:
            if not h.members:
                order[id(h)] = _order_of(r)
            h.members.append(r)
            by_day.setdefault(r.day, []).append(h)

        def bring(ids: Iterable[str], before: Order) -> None:
            """Stored happenings as they stood before ``before`` (without reports replayed since): one query
            for all of them."""
            fresh = [hid for hid in ids if hid not in live]
            if not fresh:
                return
            members: dict[str, list[_Row]] = {}
            for r in self.db.rows(
                f"{_REPORT} WHERE ord IS NOT NULL AND happening IN :hs AND event_type = :kind AND {same_region}"
                " AND (ord, id) < (:o, :i)",
                hs=sorted(set(fresh)), kind=kind, region=region, o=before[0], i=before[1],
            ):  # fmt: skip
                row = self.rows.get(r[0])
                if row is None:
                    row = self.rows[r[0]] = _row(tuple(r))
                members.setdefault(r[7], []).append(row)
            for hid in fresh:
                if hid in live:
                    continue
                live[hid] = held = merge._Happening([])  # none before: founded anew if at all
                for m in sorted(members.get(hid, ()), key=lambda x: x.order):
                    if m.read.report.event.id not in moved:
                        add(held, m.read)

        bring(sorted(left), first)
        window = dt.timedelta(days=merge.WINDOW_DAYS)
        for ord_, eid, day_text, was in later:
            day = dt.date.fromisoformat(day_text)
            if was is not None and eid not in new and all(abs((day - d).days) > reach for d in dirty):
                if was in live:  # it stays where it was, in a happening being replayed
                    [row] = self._load("id = :id", id=eid)
                    add(live[was], row.read)
                continue
            [row] = self._load("id = :id", id=eid)
            r = row.read
            lo, hi = r.day - window, r.day + window
            near = self.db.rows(
                f"SELECT DISTINCT happening FROM events WHERE event_type = :kind AND {same_region}"
                " AND date BETWEEN :lo AND :hi AND (ord, id) < (:o, :i) AND happening IS NOT NULL",
                kind=kind, region=region, lo=lo.isoformat(), hi=hi.isoformat(), o=ord_, i=eid,
            )  # fmt: skip
            bring(sorted(h for (h,) in near), (ord_, eid))
            # only a happening with a member within the window can take it; tried in the order they were founded
            seen: dict[int, merge._Happening] = {}
            for k in range(-merge.WINDOW_DAYS, merge.WINDOW_DAYS + 1):
                for h in by_day.get(r.day + dt.timedelta(days=k), ()):
                    seen.setdefault(id(h), h)
            for h in sorted(seen.values(), key=lambda h: order[id(h)]):
                if h.takes(r):
                    add(h, r)
                    break
            else:
                h = merge._Happening([])
                add(h, r)
                live[_hid(h)] = h
            hid = moved[eid] = _hid(h)
            if hid != was or eid in new:
                dirty.add(r.day)
                self.touched.add(hid)
                if was is not None:
                    self.touched.add(was)
                if hid != was:
                    self.db.run("UPDATE events SET happening = :h WHERE id = :id", h=hid, id=eid)
        for hid, h in live.items():
            if hid in self.touched and h.members:
                self.days.setdefault(region, set()).update(m.day for m in h.members)

    def _attach_statements(self) -> None:
        """Statements near changed happenings: a denial naming exactly one happening attaches to it."""
        pad = dt.timedelta(days=2 * merge.WINDOW_DAYS)
        for region, days in self.days.items():
            if region is None or not days:
                continue
            for row in self._load("event_type = 'statement' AND region = :region AND date BETWEEN :lo AND :hi",
                                  region=region, lo=(min(days) - pad).isoformat(),
                                  hi=(max(days) + pad).isoformat()):  # fmt: skip
                if any(abs((row.read.day - d).days) <= 2 * merge.WINDOW_DAYS for d in days):
                    self.statements.add(row.read.report.event.id)
        for sid in sorted(self.statements):
            [row] = self._load("id = :id", id=sid)
            s = row.read
            target = "h_" + sid.removeprefix("e_")
            if s.region is not None:
                lo = s.day - dt.timedelta(days=merge.WINDOW_DAYS)
                hi = s.day + dt.timedelta(days=merge.WINDOW_DAYS)
                near = self.db.rows(
                    "SELECT DISTINCT happening FROM events WHERE region = :region AND date BETWEEN :lo AND :hi"
                    " AND event_type != 'statement' AND happening IS NOT NULL",
                    region=s.region, lo=lo.isoformat(), hi=hi.isoformat(),
                )  # fmt: skip
                about = [hid for (hid,) in near if self._members(hid).about(s)]
                if len(about) == 1:
                    target = about[0]
            if row.was != target:
                if row.was is not None:
                    self.touched.add(row.was)
                self.touched.add(target)
                self.db.run("UPDATE events SET happening = :h WHERE id = :id", h=target, id=sid)
                row.was = target

    def _members(self, hid: str) -> merge._Happening:
        members = self._load("happening = :h AND event_type != 'statement'", h=hid)
        attached = self._load("happening = :h AND event_type = 'statement'", h=hid) if not members else []
        if not members:  # a statement's own entry
            return merge._Happening([a.read for a in attached])
        h = merge._Happening([m.read for m in members])
        h.attached = [a.read for a in self._load("happening = :h AND event_type = 'statement'", h=hid)]
        return h

    def _render(self) -> None:
        for hid in sorted(self.touched):
            self.db.run("DELETE FROM happenings WHERE id = :id", id=hid)
            h = self._members(hid)
            if not h.members:
                continue
            out = with_history(merge._happening(h), self._history(h))
            self.db.run(
                "INSERT INTO happenings (id, date, region, event_type, status, sources, updated_at, body, body_ar,"
                " body_en) VALUES (:id, :date, :region, :kind, :status, :sources, :updated_at, :body, :body_ar,"
                " :body_en)",
                id=out.id,
                date=out.date.isoformat(),
                region=out.region,
                kind=out.event_type,
                status=out.status,
                sources=out.sources,
                updated_at=utc_text(out.updated_at),
                body=out.model_dump_json(),
                body_ar=in_language(out, "ar").model_dump_json(),
                body_en=in_language(out, "en").model_dump_json(),
            )

    def _history(self, h: merge._Happening) -> list[Superseded]:
        articles = sorted({a for m in [*h.members, *h.attached] for a in m.report.event.article_ids})
        if not articles:
            return []
        rows = self.db.rows(
            "SELECT DISTINCT e.seq, e.body, e.published_at, e.source, e.superseded_at FROM event_history e"
            " JOIN history_articles a ON a.history = e.seq WHERE a.article_id IN :articles"
            " ORDER BY e.superseded_at, e.seq",
            articles=articles,
        )
        return [
            Superseded(
                Event.model_validate_json(body),
                dt.datetime.fromisoformat(published),
                source,
                dt.datetime.fromisoformat(when),
            )
            for _, body, published, source, when in rows
        ]


def _hid(h: merge._Happening) -> str:
    return "h_" + h.founder.report.event.id.removeprefix("e_")


def _order_of(r: merge._Read) -> Order:
    return utc_text(r.report.published_at), r.report.event.id


@dataclass(frozen=True)
class Superseded:
    """An event taken out of the timeline because its article was corrected (or its group re-summarized)."""

    event: Event
    published_at: dt.datetime  # of the article version it came from
    source: str
    superseded_at: dt.datetime


def with_history(h: TimelineEvent, old: list[Superseded]) -> TimelineEvent:
    """Figures of corrected article versions, kept in the history of the happening their article still
    reports (same article, same kind of event), marked with when they were corrected."""
    extra: list[Figure] = []
    for s in old:
        e = s.event
        if e.event_type != h.event_type or not set(e.article_ids) & set(h.article_ids):
            continue
        for kind, value in (("fatalities", e.fatalities), ("injured", e.injured)):
            if value is None:
                continue
            fig = Figure(
                kind=kind,
                value=value,
                source=s.source,
                reported_at=s.published_at,
                article_id=e.article_ids[0],
                corrected_at=s.superseded_at,
            )
            if all(
                (f.kind, f.value, f.article_id, f.reported_at) != (kind, value, fig.article_id, fig.reported_at)
                for f in [*h.figures, *extra]
            ):
                extra.append(fig)
    if not extra:
        return h
    figures = sorted([*h.figures, *extra], key=lambda f: (f.reported_at, f.corrected_at is None))
    return h.model_copy(update={"figures": figures})


def in_language(h: TimelineEvent, lang: str | None) -> TimelineEvent:
    """Only one language's texts (the other set to null); both when ``lang`` is None."""
    if lang is None:
        return h
    keep = {("en" if lang == "ar" else "ar"): None}
    return h.model_copy(
        update={
            "description": h.description.model_copy(update=keep),
            "location": h.location.model_copy(update=keep) if h.location else None,
        }
    )
