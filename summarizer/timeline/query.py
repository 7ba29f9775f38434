"""The timeline query: merged happenings filtered, in one language, paged by cursor (exports: export.py)."""

from __future__ import annotations

import base64
import datetime as dt
import threading
import weakref
from dataclasses import dataclass

from summarizer.errors import InputError
from summarizer.reading import actors
from summarizer.schemas import EventType, Figure, Lang, Status, TimelineEvent
from summarizer.timeline import merge
from summarizer.timeline.store import Store, Superseded

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
_merged_lock = threading.Lock()  # requests merge in worker threads: the cache is only touched under it


def _pad(day: dt.date | None, days: int) -> dt.date | None:
    """``day`` moved by ``days``, stopping at the calendar's ends instead of overflowing."""
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def _happenings_between(store: Store, start: dt.date | None, end: dt.date | None) -> list[TimelineEvent]:
    """Merged happenings of a date range, remembered until the store next changes (bots poll often)."""
    version = store.version
    key = (version, start, end)
    with _merged_lock:
        found = _merged.setdefault(store, {}).get(key)
    if found is not None:
        return found
    pad = merge.WINDOW_DAYS + 1  # reports just outside may belong to one inside
    lo, hi = _pad(start, -pad), _pad(end, pad)
    merged = with_history(
        merge.merge(store.reports(date_from=lo, date_to=hi)), store.superseded(date_from=lo, date_to=hi)
    )
    with _merged_lock:
        remembered = _merged.setdefault(store, {})
        for k in [k for k in remembered if k[0] != version or len(remembered) > 64]:
            del remembered[k]  # what the store has changed since, and anything past a few dozen ranges
        remembered[key] = merged
    return merged


def with_history(merged: list[TimelineEvent], old: list[Superseded]) -> list[TimelineEvent]:
    """Figures of corrected article versions, kept in the history of the happening their article still
    reports (same article, same kind of event), marked with when they were corrected."""
    if not old:
        return merged
    out = []
    for h in merged:
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
                    (f.kind, f.value, f.article_id, f.reported_at)
                    != (kind, value, fig.article_id, fig.reported_at)
                    for f in [*h.figures, *extra]
                ):
                    extra.append(fig)
        if extra:
            figures = sorted([*h.figures, *extra], key=lambda f: (f.reported_at, f.corrected_at is None))
            h = h.model_copy(update={"figures": figures})
        out.append(h)
    return out


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
    if max(h.sources, 1) < q.min_sources:  # a happening from articles that name no outlet still has one source
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


MAX_CURSOR = 400  # characters; a cursor this service gives is far shorter


def encode_cursor(h: TimelineEvent) -> str:
    """Opaque to clients: base64url of the last event's day and id."""
    raw = f"{h.date.isoformat()}\x1f{h.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError("too long")
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
        day, eid = raw.split("\x1f")
        dt.date.fromisoformat(day)
        if not eid or not eid.isprintable():
            raise ValueError("no id")
        return day, eid
    except (ValueError, TypeError):  # binascii.Error and UnicodeDecodeError are ValueErrors
        raise InputError(
            "cursor is not one this service gave; pass next_cursor from the previous page unchanged",
            field="cursor",
        ) from None
