"""The timeline query: stored happenings filtered, in one language, paged by cursor (exports: export.py)."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from summarizer.errors import InputError
from summarizer.reading import actors
from summarizer.schemas import EventType, Lang, Status, TimelineEvent
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


def _rows(store: Store, q: Query, after: tuple[str, str] | None, limit: int) -> list[tuple[str, str, str]]:
    return store.happenings(
        region=q.region,
        date_from=q.date_from,
        date_to=q.date_to,
        event_types=q.event_types,
        status=q.status,
        min_sources=q.min_sources,
        since=q.since,
        after=after,
        limit=limit,
        lang=q.lang,
    )


def page_json(store: Store, q: Query) -> tuple[list[str], str | None]:
    """The page the query asks for as each happening's stored JSON (in its language), and the next cursor
    (None on the last). Filters and keyset paging run in the store's indexes; an actor is matched here, on
    the indexed rows, a batch at a time."""
    after = decode_cursor(q.cursor) if q.cursor else None
    found: list[tuple[str, str, str]] = []
    batch = q.limit + 1 if q.actor is None else max(4 * q.limit, 200)
    while len(found) <= q.limit:
        rows = _rows(store, q, after, batch)
        if q.actor is not None:
            found.extend(r for r in rows if _names_actor(TimelineEvent.model_validate_json(r[2]), q.actor))
        else:
            found.extend(rows)
        if len(rows) < batch:
            break
        after = (rows[-1][0], rows[-1][1])
    page = found[: q.limit]
    next_cursor = _cursor(page[-1][0], page[-1][1]) if len(found) > q.limit else None
    return [r[2] for r in page], next_cursor


def happenings(store: Store, q: Query) -> tuple[list[TimelineEvent], str | None]:
    """The page of merged events the query asks for, and the cursor of the next page (None on the last)."""
    bodies, next_cursor = page_json(store, q)
    return [TimelineEvent.model_validate_json(b) for b in bodies], next_cursor


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


MAX_CURSOR = 400  # characters; a cursor this service gives is far shorter


def encode_cursor(h: TimelineEvent) -> str:
    """Opaque to clients: base64url of the last event's day and id."""
    return _cursor(h.date.isoformat(), h.id)


def _cursor(day: str, eid: str) -> str:
    raw = f"{day}\x1f{eid}".encode()
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
