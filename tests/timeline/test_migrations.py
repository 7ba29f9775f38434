"""Migrations: a SQLite store written before them opens and is brought to head with nothing lost, and the
tables the code declares are exactly what the migrations build, on SQLite and on Postgres."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from summarizer.articles import Article
from summarizer.schemas import TimelineEvent
from summarizer.timeline.db import engine_url
from summarizer.timeline.store import Store
from summarizer.timeline.tables import metadata
from tests.timeline.test_index import Spec, _article_and_group, _full, _kept, _save

DUMP = Path(__file__).parent / "data" / "store_before_migrations.sql"
HEAD = ScriptDirectory("summarizer/migrations").get_current_head()


def _old_store(path: Path) -> None:
    db = sqlite3.connect(path)
    db.executescript(DUMP.read_text("utf-8"))
    db.close()


def test_a_store_written_before_migrations_opens_at_head_with_everything_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_store(path)
    raw = sqlite3.connect(path)
    bodies = [
        TimelineEvent.model_validate_json(b).model_dump()
        for (b,) in raw.execute("SELECT body FROM happenings ORDER BY date, id")
    ]
    assert "seq" not in {r[1] for r in raw.execute("PRAGMA table_info(event_history)")}
    store = Store(path, clock=lambda: dt.datetime(2024, 12, 6, tzinfo=dt.UTC))
    assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert bodies and _kept(store) == bodies == _full(store)
    corrected = [f for h in bodies for f in h["figures"] if f["corrected_at"] is not None]
    assert corrected and store.count("event_history") == 1 and store.answer("d1") == '{"answer": 1}'
    # the history still reaches its happening after a write re-renders it (history_articles -> seq)
    _save(store, Spec(6, "strike", "idlib", 0, 1, True, 3, 5, 1, 1))
    kept = _kept(store)
    assert kept == _full(store) and [f for h in kept for f in h["figures"] if f["corrected_at"]] == corrected
    # who owns what held across the migration: another client may not take a stored id
    article, _ = _article_and_group(Spec(1, "strike", "idlib", 0, 1, True, 1, 5, 0, 0))
    assert [c.reason for c in store.clashes([article], owner="someone-else")] == ["owner"]
    store.close()
    reopened = Store(path)
    assert _kept(reopened) == kept


def test_the_declared_tables_are_what_the_migrations_build(tmp_path: Path, postgres_url: str) -> None:
    for target in (tmp_path / "new.sqlite3", postgres_url):
        Store(target).close()
        engine = create_engine(engine_url(target))
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
            version = MigrationContext.configure(conn).get_current_revision()
        engine.dispose()
        assert version == HEAD


def test_an_article_rejects_nothing_it_did_before(tmp_path: Path) -> None:
    """A fresh store behaves as the old one did for a plain save and a repeat (a smoke check of the layer)."""
    store = Store(tmp_path / "s.sqlite3")
    moment = dt.datetime(2024, 12, 1, 9, tzinfo=dt.UTC)
    a = Article(id="x1", text="t", published_at=moment, date_only=False, day=moment.date(), language="en")
    store.save([a], [], engine="x", model="x", prompt_version=None)
    store.save([a], [], engine="x", model="x", prompt_version=None)
    assert store.count("articles") == 1 and store.clashes([a]) == []
