"""The SQLite store: articles, groups (with summaries) and events; re-posting is idempotent and a
correction keeps what it replaces in the history."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from summarizer.articles import Article
from summarizer.errors import Conflict
from summarizer.schemas import Event, Group, StoredArticle
from summarizer.timeline import index
from summarizer.timeline.index import Removed, Superseded
from summarizer.timeline.merge import Report

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, text TEXT NOT NULL, published_at TEXT NOT NULL,
    day TEXT NOT NULL, language TEXT NOT NULL, title TEXT, source TEXT, url TEXT, stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY, day TEXT NOT NULL, article_ids TEXT NOT NULL, body TEXT NOT NULL,
    engine TEXT NOT NULL, model TEXT NOT NULL, prompt_version TEXT, stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, date TEXT NOT NULL, region TEXT, event_type TEXT NOT NULL, status TEXT NOT NULL,
    group_id TEXT NOT NULL, body TEXT NOT NULL, first_stored_at TEXT NOT NULL, stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_region_date ON events (region, date);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_group ON events (group_id);
CREATE TABLE IF NOT EXISTS article_history (
    id TEXT NOT NULL, fingerprint TEXT NOT NULL, text TEXT NOT NULL, published_at TEXT NOT NULL,
    language TEXT NOT NULL, title TEXT, source TEXT, url TEXT, owner TEXT NOT NULL, stored_at TEXT NOT NULL,
    superseded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_history_id ON article_history (id);
CREATE TABLE IF NOT EXISTS event_history (
    id TEXT NOT NULL, date TEXT NOT NULL, group_id TEXT NOT NULL, body TEXT NOT NULL,
    published_at TEXT NOT NULL, source TEXT NOT NULL, stored_at TEXT NOT NULL, superseded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_history_date ON event_history (date);
CREATE TABLE IF NOT EXISTS answers (digest TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answer_articles (article_id TEXT NOT NULL, digest TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS answer_articles_id ON answer_articles (article_id);
"""

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
    """One SQLite file; every write is one transaction; safe to share between threads."""

    def __init__(self, path: Path, *, clock: Callable[[], dt.datetime] = _utcnow) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(articles)").fetchall()}
        if "owner" not in columns:  # stores made before articles belonged to a key
            self._db.execute("ALTER TABLE articles ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(events)").fetchall()}
        fresh = "happening" not in columns  # a store made before happenings were kept: index it once
        for column in index.EVENT_COLUMNS:
            if column.split()[0] not in columns:
                self._db.execute(f"ALTER TABLE events ADD COLUMN {column}")
        self._db.executescript(index.SCHEMA)
        self._lock = threading.Lock()
        self._clock = clock
        self.version = 0  # bumped by every save that changes the timeline
        self._changed: list[tuple[str, str | None, index.Order]] = []  # this save's reports, for the index
        self._removed: list[Removed] = []
        self._history: set[str] = set()  # articles whose events this save sent to the history
        if fresh and self.count("events"):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for (eid,) in self._db.execute("SELECT id FROM events").fetchall():
                    self._set_meta(eid)
                index.Index(self._db).rebuild()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def clashes(
        self, articles: Iterable[Article], *, owner: str = "", corrections: Iterable[str] = ()
    ) -> list[Clash]:
        """Articles that may not be saved: stored under another owner, or stored with other content and
        not sent as a correction. Nothing is ever replaced silently."""
        with self._lock:
            return self._clashes(articles, owner, set(corrections))

    def _clashes(self, articles: Iterable[Article], owner: str, allowed: set[str]) -> list[Clash]:
        out = []
        for a in articles:
            row = self._db.execute("SELECT fingerprint, owner FROM articles WHERE id = ?", (a.id,)).fetchone()
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
        (checked inside the transaction, so two requests racing for one id cannot both win)."""
        now = self._clock().isoformat()
        articles = list(articles)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if corrections is not None:
                    found = self._clashes(articles, owner, set(corrections))
                    if found:
                        raise clash_error(found)
                for a in articles:
                    self._save_article(a, owner, now)
                for g in groups:
                    eng, mod, pv = (made_by or {}).get(g.id, (engine, model, prompt_version))
                    self._db.execute(
                        "INSERT INTO groups VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                        "body=excluded.body, engine=excluded.engine, model=excluded.model,"
                        " prompt_version=excluded.prompt_version, stored_at=excluded.stored_at",
                        (
                            g.id,
                            g.day.isoformat(),
                            json.dumps(g.article_ids),
                            g.model_dump_json(),
                            eng,
                            mod,
                            pv,
                            now,
                        ),
                    )
                    # events of this group that the new result no longer has leave the timeline for the history
                    keep = [e.id for e in g.events]
                    gone = self._db.execute(
                        f"SELECT id, date, group_id, body FROM events WHERE group_id = ? "
                        f"AND id NOT IN ({','.join('?' * len(keep))})",
                        (g.id, *keep),
                    ).fetchall()
                    self._retire(gone, now)
                    for e in g.events:
                        body = e.model_dump_json()
                        old = self._db.execute("SELECT body, group_id FROM events WHERE id = ?", (e.id,)).fetchone()
                        if old is not None and old[0] == body:
                            continue
                        if old is not None and (was := index.removed_row(self._db, e.id)) is not None:
                            self._removed.append(was)
                        self._db.execute(
                            "INSERT INTO events (id, date, region, event_type, status, group_id, body,"
                            " first_stored_at, stored_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                            "date=excluded.date, region=excluded.region, event_type=excluded.event_type,"
                            " status=excluded.status, group_id=excluded.group_id, body=excluded.body,"
                            " stored_at=excluded.stored_at",
                            (e.id, e.date.isoformat(), e.region, e.event_type, e.status, g.id, body, now, now),
                        )
                        if (order := self._set_meta(e.id)) is not None:
                            self._changed.append((e.event_type, e.region, (order, e.id)))
                if self._changed or self._removed:
                    index.Index(self._db).update(self._changed, self._removed, self._history)
                self._db.execute("COMMIT")
                if self._changed or self._removed:
                    self.version += 1
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            finally:
                self._changed, self._removed, self._history = [], [], set()

    def _set_meta(self, event_id: str) -> str | None:
        """Index a stored event as a report: its publication (the earliest of its articles), outlets, and order
        key; None (not a report) when none of its articles is stored."""
        (body,) = self._db.execute("SELECT body FROM events WHERE id = ?", (event_id,)).fetchone()
        e = Event.model_validate_json(body)
        meta = {}
        for a in e.article_ids:
            row = self._db.execute("SELECT published_at, source FROM articles WHERE id = ?", (a,)).fetchone()
            if row is not None:
                meta[a] = (dt.datetime.fromisoformat(row[0]), row[1])
        if not meta:
            self._db.execute("UPDATE events SET published_at = NULL, ord = NULL WHERE id = ?", (event_id,))
            return None
        first = min(p for p, _ in meta.values())
        order = index.utc_text(first)
        self._db.execute(
            "UPDATE events SET published_at = ?, ord = ?, sources = ?, source_of = ? WHERE id = ?",
            (
                first.isoformat(),
                order,
                json.dumps(sorted({s for _, s in meta.values() if s})),
                json.dumps({a: s for a, (_, s) in meta.items() if s}),
                event_id,
            ),
        )
        return order

    def _save_article(self, a: Article, owner: str, now: str) -> None:
        old = self._db.execute(
            "SELECT fingerprint, text, published_at, language, title, source, url, owner, stored_at "
            "FROM articles WHERE id = ?",
            (a.id,),
        ).fetchone()
        if old is not None and old[0] == a.fingerprint():
            return
        if old is not None:  # a correction: the earlier version and what was read from it stay in the history
            self._db.execute(
                "DELETE FROM answers WHERE digest IN (SELECT digest FROM answer_articles WHERE article_id = ?)",
                (a.id,),
            )
            self._db.execute("INSERT INTO article_history VALUES (?,?,?,?,?,?,?,?,?,?,?)", (a.id, *old, now))
            rows = self._db.execute(
                "SELECT id, date, group_id, body FROM events WHERE instr(body, ?) > 0", (json.dumps(a.id),)
            ).fetchall()
            self._retire([r for r in rows if a.id in Event.model_validate_json(r[3]).article_ids], now)
        self._db.execute(
            "INSERT INTO articles (id, fingerprint, text, published_at, day, language, title, source, url,"
            " stored_at, owner) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "fingerprint=excluded.fingerprint, text=excluded.text, published_at=excluded.published_at,"
            " day=excluded.day, language=excluded.language, title=excluded.title,"
            " source=excluded.source, url=excluded.url, stored_at=excluded.stored_at",
            (
                a.id,
                a.fingerprint(),
                a.text,
                a.published_at.isoformat(),
                a.day.isoformat(),
                a.language,
                a.title,
                a.source,
                a.url,
                now,
                owner,
            ),
        )

    def _retire(self, rows: list[tuple[str, str, str, str]], now: str) -> None:
        """Move events out of the timeline into the history, with the article version they came from."""
        for eid, date, group_id, body in rows:
            e = Event.model_validate_json(body)
            first = e.article_ids[0] if e.article_ids else ""
            meta = self._db.execute(
                "SELECT published_at, COALESCE(source, id), stored_at FROM articles WHERE id = ?", (first,)
            ).fetchone()
            published, source, stored = meta if meta is not None else (now, first, now)
            cur = self._db.execute(
                "INSERT INTO event_history VALUES (?,?,?,?,?,?,?,?)",
                (eid, date, group_id, body, published, source, stored, now),
            )
            for a in set(e.article_ids):
                self._db.execute("INSERT INTO history_articles VALUES (?,?)", (a, cur.lastrowid))
                self._history.add(a)
            if (was := index.removed_row(self._db, eid)) is not None:
                self._removed.append(was)
            self._db.execute("DELETE FROM events WHERE id = ?", (eid,))

    def reports(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Report]:
        """Stored events with where they came from (publication time, outlets, when stored), for merging."""
        sql, args = self._dated("SELECT body, stored_at FROM events", date_from, date_to)
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
            meta = {
                r[0]: (dt.datetime.fromisoformat(r[1]), r[2])
                for r in self._db.execute("SELECT id, published_at, source FROM articles").fetchall()
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
            row = self._db.execute(
                "SELECT id, text, published_at, language, title, source, url FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
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
            rows = self._db.execute(sql + " ORDER BY superseded_at", args).fetchall()
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
    def _dated(sql: str, date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, list[str]]:
        sql += " WHERE 1=1"
        args: list[str] = []
        if date_from is not None:
            sql += " AND date >= ?"
            args.append(date_from.isoformat())
        if date_to is not None:
            sql += " AND date <= ?"
            args.append(date_to.isoformat())
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
        use = " INDEXED BY happenings_updated" if since is not None else ""
        sql = f"SELECT date, id, {column} FROM happenings{use} WHERE 1=1"
        args: list[object] = []
        for cond, value in (
            ("region = ?", region),
            ("date >= ?", date_from.isoformat() if date_from else None),
            ("date <= ?", date_to.isoformat() if date_to else None),
            ("status = ?", status),
            ("updated_at > ?", index.utc_text(since) if since else None),
        ):
            if value is not None:
                sql += f" AND {cond}"
                args.append(value)
        if event_types:
            sql += f" AND event_type IN ({','.join('?' * len(event_types))})"
            args.extend(event_types)
        if min_sources > 1:
            sql += " AND sources >= ?"
            args.append(min_sources)
        if after is not None:
            sql += " AND (date, id) > (?, ?)"
            args.extend(after)
        sql += " ORDER BY date, id LIMIT ?"
        args.append(limit)
        with self._lock:
            return [(r[0], r[1], r[2]) for r in self._db.execute(sql, args).fetchall()]

    def answer(self, digest: str) -> str | None:
        """The response stored for a request already served in full (see ``remember``), if any."""
        with self._lock:
            row = self._db.execute("SELECT body FROM answers WHERE digest = ?", (digest,)).fetchone()
        return None if row is None else str(row[0])

    def remember(self, digest: str, article_ids: Iterable[str], body: str) -> None:
        """Keep a request's response; a correction of any of its articles forgets it."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (digest, body))
                self._db.executemany(
                    "INSERT INTO answer_articles VALUES (?, ?)", [(a, digest) for a in sorted(set(article_ids))]
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def made_by(self, group_id: str) -> MadeBy | None:
        """The engine, model and prompt version that made a stored group."""
        with self._lock:
            row = self._db.execute(
                "SELECT engine, model, prompt_version FROM groups WHERE id = ?", (group_id,)
            ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def count(self, table: str) -> int:
        if table not in ("articles", "groups", "events", "article_history", "event_history"):
            raise ValueError(table)
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
