"""The SQLite store: articles, groups (with summaries) and events, idempotent on re-posting."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from summarizer.articles import Article
from summarizer.schemas import Event, Group, StoredArticle
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
"""


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
        self._lock = threading.Lock()
        self._clock = clock
        self.version = 0  # bumped by every save: what was read before may be stale

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def save(
        self,
        articles: Iterable[Article],
        groups: Iterable[Group],
        *,
        engine: str,
        model: str,
        prompt_version: str | None,
    ) -> None:
        """Upsert articles, groups and their events. Posting the same thing twice changes nothing."""
        now = self._clock().isoformat()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for a in articles:
                    self._db.execute(
                        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                        "fingerprint=excluded.fingerprint, text=excluded.text, published_at=excluded.published_at,"
                        " day=excluded.day, language=excluded.language, title=excluded.title,"
                        " source=excluded.source, url=excluded.url, stored_at=excluded.stored_at"
                        " WHERE articles.fingerprint != excluded.fingerprint",
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
                        ),
                    )
                for g in groups:
                    self._db.execute(
                        "INSERT INTO groups VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                        "body=excluded.body, engine=excluded.engine, model=excluded.model,"
                        " prompt_version=excluded.prompt_version, stored_at=excluded.stored_at",
                        (
                            g.id,
                            g.day.isoformat(),
                            json.dumps(g.article_ids),
                            g.model_dump_json(),
                            engine,
                            model,
                            prompt_version,
                            now,
                        ),
                    )
                    # events of this group that the new result no longer has are gone (an edited article)
                    keep = [e.id for e in g.events]
                    self._db.execute(
                        f"DELETE FROM events WHERE group_id = ? AND id NOT IN ({','.join('?' * len(keep))})",
                        (g.id, *keep),
                    )
                    for e in g.events:
                        self._db.execute(
                            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                            "date=excluded.date, region=excluded.region, event_type=excluded.event_type,"
                            " status=excluded.status, group_id=excluded.group_id, body=excluded.body,"
                            " stored_at=excluded.stored_at WHERE events.body != excluded.body",
                            (
                                e.id,
                                e.date.isoformat(),
                                e.region,
                                e.event_type,
                                e.status,
                                g.id,
                                e.model_dump_json(),
                                now,
                                now,
                            ),
                        )
                self._db.execute("COMMIT")
                self.version += 1
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def reports(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Report]:
        """Stored events with where they came from (publication time, outlets, when stored), for merging."""
        sql = "SELECT body, stored_at FROM events WHERE 1=1"
        args: list[str] = []
        if date_from is not None:
            sql += " AND date >= ?"
            args.append(date_from.isoformat())
        if date_to is not None:
            sql += " AND date <= ?"
            args.append(date_to.isoformat())
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
            meta = {
                r[0]: (dt.datetime.fromisoformat(r[1]), r[2] or r[0])
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
                    sources=frozenset(s for _, s in known),
                    stored_at=dt.datetime.fromisoformat(stored_at),
                    source_of={a: meta[a][1] for a in e.article_ids if a in meta},
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

    def count(self, table: str) -> int:
        if table not in ("articles", "groups", "events"):
            raise ValueError(table)
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
