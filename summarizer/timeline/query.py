"""The timeline query: merged happenings filtered, in one language, paged by cursor (exports: export.py)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import weakref
from dataclasses import dataclass

from summarizer.errors import InputError
from summarizer.reading import actors
from summarizer.schemas import EventType, Lang, Status, TimelineEvent
from summarizer.timeline import merge
from summarizer.timeline.store import Store

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Query:
    region: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[EventType, ...] = ()
    actor: str | None = None
    status: Status | None = None
    min_sources: int = 1
    since: dt.datetime | None = None
    lang: Lang | None = None
    limit: int = 100
    cursor: str | None = None


_Key = tuple[int, dt.date | None, dt.date | None]
_merged: weakref.WeakKeyDictionary[Store, dict[_Key, list[TimelineEvent]]] = weakref.WeakKeyDictionary()


def _happenings_between(store: Store, start: dt.date | None, end: dt.date | None) -> list[TimelineEvent]:
    """Merged happenings of a date range, remembered until the store next changes (bots poll often)."""
    remembered = _merged.setdefault(store, {})
    key = (store.version, start, end)
    if key not in remembered:
        pad = dt.timedelta(days=merge.WINDOW_DAYS + 1)  # reports just outside may belong to one inside
        reports = store.reports(date_from=start - pad if start else None, date_to=end + pad if end else None)
        for k in [k for k in remembered if k[0] != store.version or len(remembered) > 64]:
            del remembered[k]  # what the store has changed since, and anything past a few dozen ranges
        remembered[key] = merge.merge(reports)
    return remembered[key]


def happenings(store: Store, q: Query) -> tuple[list[TimelineEvent], str | None]:
    """The page of merged events the query asks for, and the cursor of the next page (None on the last)."""
    found = [h for h in _happenings_between(store, q.date_from, q.date_to) if _wanted(h, q)]
    after = decode_cursor(q.cursor) if q.cursor else None
    if after is not None:
        found = [h for h in found if (h.date.isoformat(), h.id) > after]
    page = found[: q.limit]
    next_cursor = encode_cursor(page[-1]) if len(found) > q.limit else None
    return [in_language(h, q.lang) for h in page], next_cursor


def _wanted(h: TimelineEvent, q: Query) -> bool:
    if q.region is not None and h.region != q.region:
        return False
    if (q.date_from and h.date < q.date_from) or (q.date_to and h.date > q.date_to):
        return False
    if q.event_types and h.event_type not in q.event_types:
        return False
    if q.status is not None and h.status != q.status:
        return False
    if h.sources < q.min_sources:
        return False
    if q.since is not None and h.updated_at <= q.since:
        return False
    return q.actor is None or _names_actor(h, q.actor)


def _names_actor(h: TimelineEvent, wanted: str) -> bool:
    """An actor by id, or by any name in either language; parties and who claims or denies both count."""
    target = actors.get_actor(wanted) or actors.by_name(wanted)
    names = [*h.actors, *(a.source for a in h.attribution)]
    if target is None:
        return any(wanted.casefold() in n.casefold() for n in names)
    for n in names:
        a = actors.by_name(n)
        if a is not None and (a.id == target.id or target.id in actors.ancestors(a.id)):
            return True
    return False


def in_language(h: TimelineEvent, lang: Lang | None) -> TimelineEvent:
    if lang is None:
        return h
    keep = {("en" if lang == "ar" else "ar"): None}
    return h.model_copy(
        update={
            "description": h.description.model_copy(update=keep),
            "location": h.location.model_copy(update=keep) if h.location else None,
        }
    )


def encode_cursor(h: TimelineEvent) -> str:
    raw = json.dumps([h.date.isoformat(), h.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, eid = json.loads(raw)
        dt.date.fromisoformat(day)
        return str(day), str(eid)
    except (ValueError, TypeError):
        raise InputError(
            "cursor is not one this service gave; pass next_cursor from the previous page unchanged",
            field="cursor",
        ) from None

