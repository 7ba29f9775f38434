"""The store (SQLite or Postgres, see db.py): articles, groups (with summaries) and events; re-posting is
idempotent and a correction keeps what it replaces in the history."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from summarizer.articles import Article
from summarizer.errors import Conflict
from summarizer.schemas import Event, Group, StoredArticle
from summarizer.timeline import index, warm
from summarizer.timeline.db import Db
from summarizer.timeline.index import Removed, Superseded
from summarizer.timeline.merge import Report

log = logging.getLogger("summarizer")

MadeBy = tuple[str, str, str | None]  # engine, model, prompt version


@dataclass(frozen=True)
class Clash:
    """Why an article may not be saved as sent: another client's id, or other content without a correction."""

    article_id: str
    reason: str  # "owner" or "changed"


def clash_error(clashes: list[Clash]) -> Conflict:
    """The 409 for articles that may not be saved, naming the first id."""
    c = clashes[0]
    others = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
    if c.reason == "owner":
        message = (
            f"article id {c.article_id!r} belongs to another client{others}; give your articles your own ids"
        )
    else:
        message = (
            f"article id {c.article_id!r} is already stored with other content{others}; to replace it send the "
            'article with "correction": true (the earlier version and its figures stay in the history), '
            "or give it a new id"
        )
    return Conflict(message, field="articles.id")


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """One database (a SQLite file, or Postgres shared by replicas); every write is one transaction, serialised
    against every other writer (db.py); safe to share between threads."""

    def __init__(self, target: Path | str, *, clock: Callable[[], dt.datetime] = _utcnow) -> None:
        """``target``: a SQLite file's path, or a database URL (sqlite:///..., postgresql://...)."""
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
        self.db = Db(target)
        self._db = self.db.driver_connection  # the driver's connection, for tests and benches that look below
        self.lock = self._lock = threading.RLock()  # JobStore may share it with the connection (services.py)
        self._clock = clock
        self.version = 0  # bumped by every save that changes the timeline
        # pages read lately (SQLite only: there PRAGMA data_version tells a commit by any other connection,
        # another process's included; Postgres replicas have no such cheap sign, and no page cache of their own)
        self._pages = warm.Pages() if self.db.dialect == "sqlite" else None
        self._changed: list[tuple[str, str | None, index.Order]] = []  # this save's reports, for the index
        self._removed: list[Removed] = []
        self._history: set[str] = set()  # articles whose events this save sent to the history
        if self.db.unindexed and self.count(
            "events"
        ):  # a store made before happenings were kept: index it once
            with self._lock, self.db.writing():
                for (eid,) in self.db.rows("SELECT id FROM events"):
                    self._set_meta(eid)
                index.Index(self.db).rebuild()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def clashes(
        self, articles: Iterable[Article], *, owner: str = "", corrections: Iterable[str] = ()
    ) -> list[Clash]:
        """Articles that may not be saved: stored under another owner, or stored with other content and
        not sent as a correction. Nothing is ever replaced silently."""
        with self._lock:
            return self._clashes(articles, owner, set(corrections))

    def _clashes(self, articles: Iterable[Article], owner: str, allowed: set[str]) -> list[Clash]:
        articles = list(articles)
        stored = {
            r[0]: (r[1], r[2])
            for r in self.db.rows(
                "SELECT id, fingerprint, owner FROM articles WHERE id IN :ids",
                ids=sorted({a.id for a in articles}),
            )
        }
        out = []
        for a in articles:
            row = stored.get(a.id)
            if row is None:
                continue
            if row[1] != owner:
                out.append(Clash(a.id, "owner"))
            elif row[0] != a.fingerprint() and a.id not in allowed:
                out.append(Clash(a.id, "changed"))
        return out

    def save(
        self,
        articles: Iterable[Article],
        groups: Iterable[Group],
        *,
        engine: str,
        model: str,
        prompt_version: str | None,
        made_by: Mapping[str, MadeBy] | None = None,
        owner: str = "",
        corrections: Iterable[str] | None = None,
    ) -> None:
        """Upsert articles, groups and their events. Posting the same thing twice changes nothing; an article
        with other content (a correction) moves its earlier version and that version's events to the
        history, and events a group no longer has go there too. With ``corrections`` given, only those ids
        may change, and only their owner may change them: anything else raises Conflict and saves nothing
        (checked inside the transaction, so two requests racing for one id, on any replica, cannot both win)."""
        now = self._clock().isoformat()
        articles = list(articles)
        with self._lock:
            try:
                with self.db.writing():
                    changed = self._save(articles, groups, engine, model, prompt_version, made_by, owner,
                                         corrections, now)  # fmt: skip
                if changed:
                    self.version += 1
                    self._renew()
            finally:
                self._changed, self._removed, self._history = [], [], set()

    def _state(self) -> tuple[int, int]:
        """The database's state as this connection knows it: the timeline's saves through this store, and the
        commits of other connections (SQLite's data_version)."""
        row = self.db.one("PRAGMA data_version")
        assert row is not None
        return self.version, int(row[0])

    def _renew(self) -> None:
        """After a save that changed the timeline, in the writer's thread: read again the pages read since the save
        before, so that the next read of each finds it as a warm read would."""
        if self._pages is None:
            return
        try:
            self._pages.renew(self._state(), lambda q: self._fetch(q[0], q[1]))
        except DBAPIError:  # the save is committed: a page not read again now is read by its next reader
            log.warning("could not read the timeline's recent pages again after a save", exc_info=True)
            self._pages = warm.Pages()

    def _fetch(self, sql: str, args: dict[str, object]) -> tuple[warm.Row, ...]:
        return tuple((r[0], r[1], r[2]) for r in self.db.rows(sql, **args))

    def _save(
        self,
        articles: list[Article],
        groups: Iterable[Group],
        engine: str,
        model: str,
        prompt_version: str | None,
        made_by: Mapping[str, MadeBy] | None,
        owner: str,
        corrections: Iterable[str] | None,
        now: str,
    ) -> bool:
        if corrections is not None:
            found = self._clashes(articles, owner, set(corrections))
            if found:
                raise clash_error(found)
        for a in articles:
            self._save_article(a, owner, now)
        for g in groups:
            eng, mod, pv = (made_by or {}).get(g.id, (engine, model, prompt_version))
            self.db.run(
                "INSERT INTO groups (id, day, article_ids, body, engine, model, prompt_version, stored_at)"
                " VALUES (:id, :day, :article_ids, :body, :engine, :model, :pv, :now) ON CONFLICT (id) DO UPDATE"
                " SET body=excluded.body, engine=excluded.engine, model=excluded.model,"
                " prompt_version=excluded.prompt_version, stored_at=excluded.stored_at",
                id=g.id, day=g.day.isoformat(), article_ids=json.dumps(g.article_ids), body=g.model_dump_json(),
                engine=eng, model=mod, pv=pv, now=now,
            )  # fmt: skip
            # events of this group that the new result no longer has leave the timeline for the history
            keep = [e.id for e in g.events]
            gone = self.db.rows(
                "SELECT id, date, group_id, body FROM events WHERE group_id = :g AND id NOT IN :keep",
                g=g.id, keep=keep,
            )  # fmt: skip
            self._retire([(r[0], r[1], r[2], r[3]) for r in gone], now)
            for e in g.events:
                body = e.model_dump_json()
                old = self.db.one("SELECT body, group_id FROM events WHERE id = :id", id=e.id)
                if old is not None and old[0] == body:
                    continue
                if old is not None and (was := index.removed_row(self.db, e.id)) is not None:
                    self._removed.append(was)
                self.db.run(
                    "INSERT INTO events (id, date, region, event_type, status, group_id, body, first_stored_at,"
                    " stored_at) VALUES (:id, :date, :region, :kind, :status, :g, :body, :now, :now)"
                    " ON CONFLICT (id) DO UPDATE SET date=excluded.date, region=excluded.region,"
                    " event_type=excluded.event_type, status=excluded.status, group_id=excluded.group_id,"
                    " body=excluded.body, stored_at=excluded.stored_at",
                    id=e.id, date=e.date.isoformat(), region=e.region, kind=e.event_type, status=e.status,
                    g=g.id, body=body, now=now,
                )  # fmt: skip
                if (order := self._set_meta(e.id)) is not None:
                    self._changed.append((e.event_type, e.region, (order, e.id)))
        if self._changed or self._removed:
            index.Index(self.db).update(self._changed, self._removed, self._history)
            return True
        return False

    def _set_meta(self, event_id: str) -> str | None:
        """Index a stored event as a report: its publication (the earliest of its articles), outlets, and order
        key; None (not a report) when none of its articles is stored."""
        row = self.db.one("SELECT body FROM events WHERE id = :id", id=event_id)
        assert row is not None
        e = Event.model_validate_json(row[0])
        meta = {
            r[0]: (dt.datetime.fromisoformat(r[1]), r[2])
            for r in self.db.rows(
                "SELECT id, published_at, source FROM articles WHERE id IN :ids",
                ids=sorted(set(e.article_ids)),
            )
        }
        if not meta:
            self.db.run("UPDATE events SET published_at = NULL, ord = NULL WHERE id = :id", id=event_id)
            return None
        first = min(p for p, _ in meta.values())
        order = index.utc_text(first)
        self.db.run(
            "UPDATE events SET published_at = :published, ord = :ord, sources = :sources, source_of = :source_of"
            " WHERE id = :id",
            published=first.isoformat(),
            ord=order,
            sources=json.dumps(sorted({s for _, s in meta.values() if s})),
            source_of=json.dumps({a: meta[a][1] for a in e.article_ids if a in meta and meta[a][1]}),
            id=event_id,
        )
        return order

    def _save_article(self, a: Article, owner: str, now: str) -> None:
        old = self.db.one(
            "SELECT fingerprint, text, published_at, language, title, source, url, owner, stored_at "
            "FROM articles WHERE id = :id",
            id=a.id,
        )
        if old is not None and old[0] == a.fingerprint():
            return
        if old is not None:  # a correction: the earlier version and what was read from it stay in the history
            self.db.run(
                "DELETE FROM answers WHERE digest IN (SELECT digest FROM answer_articles WHERE article_id = :id)",
                id=a.id,
            )
            self.db.run(
                "INSERT INTO article_history (id, fingerprint, text, published_at, language, title, source, url,"
                " owner, stored_at, superseded_at) VALUES (:id, :fingerprint, :text, :published_at, :language,"
                " :title, :source, :url, :owner, :stored_at, :now)",
                id=a.id, now=now, **dict(zip(("fingerprint", "text", "published_at", "language", "title", "source",
                                               "url", "owner", "stored_at"), old, strict=True)),
            )  # fmt: skip
            rows = self.db.rows(
                f"SELECT id, date, group_id, body FROM events WHERE {self.db.contains('body', 'needle')}",
                needle=json.dumps(a.id),
            )
            self._retire(
                [
                    (r[0], r[1], r[2], r[3])
                    for r in rows
                    if a.id in Event.model_validate_json(r[3]).article_ids
                ],
                now,
            )
        self.db.run(
            "INSERT INTO articles (id, fingerprint, text, published_at, day, language, title, source, url,"
            " stored_at, owner) VALUES (:id, :fingerprint, :text, :published_at, :day, :language, :title, :source,"
            " :url, :now, :owner) ON CONFLICT (id) DO UPDATE SET fingerprint=excluded.fingerprint,"
            " text=excluded.text, published_at=excluded.published_at, day=excluded.day,"
            " language=excluded.language, title=excluded.title, source=excluded.source, url=excluded.url,"
            " stored_at=excluded.stored_at",
            id=a.id, fingerprint=a.fingerprint(), text=a.text, published_at=a.published_at.isoformat(),
            day=a.day.isoformat(), language=a.language, title=a.title, source=a.source, url=a.url, now=now,
            owner=owner,
        )  # fmt: skip

    def _retire(self, rows: list[tuple[str, str, str, str]], now: str) -> None:
        """Move events out of the timeline into the history, with the article version they came from."""
        for eid, date, group_id, body in rows:
            e = Event.model_validate_json(body)
            first = e.article_ids[0] if e.article_ids else ""
            meta = self.db.one(
                "SELECT published_at, COALESCE(source, id), stored_at FROM articles WHERE id = :id", id=first
            )
            published, source, stored = (meta[0], meta[1], meta[2]) if meta is not None else (now, first, now)
            seq = self.db.one(
                "INSERT INTO event_history (id, date, group_id, body, published_at, source, stored_at,"
                " superseded_at) VALUES (:id, :date, :g, :body, :published, :source, :stored, :now) RETURNING seq",
                id=eid, date=date, g=group_id, body=body, published=published, source=source, stored=stored,
                now=now,
            )  # fmt: skip
            assert seq is not None
            for a in sorted(set(e.article_ids)):
                self.db.run(
                    "INSERT INTO history_articles (article_id, history) VALUES (:a, :h)", a=a, h=seq[0]
                )
                self._history.add(a)
            if (was := index.removed_row(self.db, eid)) is not None:
                self._removed.append(was)
            self.db.run("DELETE FROM events WHERE id = :id", id=eid)

    def reports(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Report]:
        """Stored events with where they came from (publication time, outlets, when stored), for merging."""
        sql, args = self._dated("SELECT body, stored_at FROM events", date_from, date_to)
        with self._lock:
            rows = self.db.rows(sql, **args)
            meta = {
                r[0]: (dt.datetime.fromisoformat(r[1]), r[2])
                for r in self.db.rows("SELECT id, published_at, source FROM articles")
            }
        out = []
        for body, stored_at in rows:
            e = Event.model_validate_json(body)
            known = [meta[a] for a in e.article_ids if a in meta]
            if not known:
                continue
            out.append(
                Report(
                    event=e,
                    published_at=min(p for p, _ in known),
                    sources=frozenset(s for _, s in known if s),  # outlets: an article without one names none
                    stored_at=dt.datetime.fromisoformat(stored_at),
                    source_of={a: s for a in e.article_ids if a in meta and (s := meta[a][1])},
                )
            )
        return out

    def article(self, article_id: str) -> StoredArticle | None:
        """A stored article's text and metadata, as posted (None when unknown)."""
        with self._lock:
            row = self.db.one(
                "SELECT id, text, published_at, language, title, source, url FROM articles WHERE id = :id",
                id=article_id,
            )
        if row is None:
            return None
        return StoredArticle(
            id=row[0], text=row[1], published_at=dt.datetime.fromisoformat(row[2]), language=row[3],
            title=row[4], source=row[5], url=row[6],
        )  # fmt: skip

    def superseded(
        self, *, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> list[Superseded]:
        """Events that corrections (or re-summarized groups) took out of the timeline, oldest first."""
        sql, args = self._dated(
            "SELECT body, published_at, source, superseded_at FROM event_history", date_from, date_to
        )
        with self._lock:
            rows = self.db.rows(sql + " ORDER BY superseded_at, seq", **args)
        return [
            Superseded(
                Event.model_validate_json(body),
                dt.datetime.fromisoformat(published),
                source,
                dt.datetime.fromisoformat(when),
            )
            for body, published, source, when in rows
        ]

    @staticmethod
    def _dated(sql: str, date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, dict[str, object]]:
        sql += " WHERE 1=1"
        args: dict[str, object] = {}
        if date_from is not None:
            sql += " AND date >= :date_from"
            args["date_from"] = date_from.isoformat()
        if date_to is not None:
            sql += " AND date <= :date_to"
            args["date_to"] = date_to.isoformat()
        return sql, args

    def happenings(
        self,
        *,
        region: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        event_types: tuple[str, ...] = (),
        status: str | None = None,
        min_sources: int = 1,
        since: dt.datetime | None = None,
        after: tuple[str, str] | None = None,
        limit: int = 100,
        lang: str | None = None,
    ) -> list[tuple[str, str, str]]:
        """Stored happenings in (date, id) order after the keyset ``after``: (date, id, JSON in ``lang``)."""
        column = {"ar": "body_ar", "en": "body_en"}.get(lang or "", "body")
        # polling with since= walks the updated_at index (what changed is few), the rest the (region,) date index
        use = " INDEXED BY happenings_updated" if since is not None and self.db.dialect == "sqlite" else ""
        sql = f"SELECT date, id, {column} FROM happenings{use} WHERE 1=1"
        args: dict[str, object] = {}
        for cond, name, value in (
            ("region = :region", "region", region),
            ("date >= :date_from", "date_from", date_from.isoformat() if date_from else None),
            ("date <= :date_to", "date_to", date_to.isoformat() if date_to else None),
            ("status = :status", "status", status),
            ("updated_at > :since", "since", index.utc_text(since) if since else None),
        ):
            if value is not None:
                sql += f" AND {cond}"
                args[name] = value
        if event_types:
            sql += " AND event_type IN :types"
            args["types"] = list(event_types)
        if min_sources > 1:
            sql += " AND sources >= :min_sources"
            args["min_sources"] = min_sources
        if after is not None:
            sql += " AND (date, id) > (:after_date, :after_id)"
            args["after_date"], args["after_id"] = after
        sql += " ORDER BY date, id LIMIT :limit"
        args["limit"] = limit
        with self._lock:
            if self._pages is None:
                return list(self._fetch(sql, args))
            key = (sql, *sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in args.items()))
            state = self._state()
            rows = self._pages.get(key, state)
            if rows is None:
                rows = self._fetch(sql, args)
                self._pages.put(key, state, rows, (sql, args))
            return list(rows)

    def answer(self, digest: str) -> str | None:
        """The response stored for a request already served in full (see ``remember``), if any."""
        with self._lock:
            row = self.db.one("SELECT body FROM answers WHERE digest = :d", d=digest)
        return None if row is None else str(row[0])

    def remember(self, digest: str, article_ids: Iterable[str], body: str) -> None:
        """Keep a request's response; a correction of any of its articles forgets it."""
        with self._lock, self.db.writing():
            self.db.run(
                "INSERT INTO answers (digest, body) VALUES (:d, :body)"
                " ON CONFLICT (digest) DO UPDATE SET body = excluded.body",
                d=digest, body=body,
            )  # fmt: skip
            for a in sorted(set(article_ids)):
                self.db.run("INSERT INTO answer_articles (article_id, digest) VALUES (:a, :d)", a=a, d=digest)

    def made_by(self, group_id: str) -> MadeBy | None:
        """The engine, model and prompt version that made a stored group."""
        with self._lock:
            row = self.db.one("SELECT engine, model, prompt_version FROM groups WHERE id = :id", id=group_id)
        return None if row is None else (row[0], row[1], row[2])

    def count(self, table: str) -> int:
        if table not in ("articles", "groups", "events", "article_history", "event_history", "happenings"):
            raise ValueError(table)
        with self._lock:
            row = self.db.one(f"SELECT COUNT(*) FROM {table}")
        return 0 if row is None else int(row[0])
