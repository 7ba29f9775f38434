"""The store's tables as SQLAlchemy Core metadata: one schema for SQLite and Postgres (migrations build it)."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, Table, Text

# Text compared and ordered bytewise on both databases: Postgres's "C" collation is SQLite's default (BINARY),
# so keyset pages, (ord, id) orders and date ranges come out the same on both.
Key = Text().with_variant(Text(collation="C"), "postgresql")

metadata = MetaData()


def _text(name: str, *, nullable: bool = True, primary_key: bool = False) -> Column[str]:
    return Column(name, Key, nullable=nullable and not primary_key, primary_key=primary_key)


articles = Table(
    "articles",
    metadata,
    _text("id", primary_key=True),
    _text("fingerprint", nullable=False),
    _text("text", nullable=False),
    _text("published_at", nullable=False),
    _text("day", nullable=False),
    _text("language", nullable=False),
    _text("title"),
    _text("source"),
    _text("url"),
    _text("stored_at", nullable=False),
    Column("owner", Key, nullable=False, server_default=""),
)

groups = Table(
    "groups",
    metadata,
    _text("id", primary_key=True),
    _text("day", nullable=False),
    _text("article_ids", nullable=False),
    _text("body", nullable=False),
    _text("engine", nullable=False),
    _text("model", nullable=False),
    _text("prompt_version"),
    _text("stored_at", nullable=False),
)

# events: what each group reported, plus (write-time index) its order key, outlets and the happening it is in
events = Table(
    "events",
    metadata,
    _text("id", primary_key=True),
    _text("date", nullable=False),
    _text("region"),
    _text("event_type", nullable=False),
    _text("status", nullable=False),
    _text("group_id", nullable=False),
    _text("body", nullable=False),
    _text("first_stored_at", nullable=False),
    _text("stored_at", nullable=False),
    _text("published_at"),
    _text("ord"),
    _text("sources"),
    _text("source_of"),
    _text("happening"),
    Index("events_region_date", "region", "date"),
    Index("events_date", "date"),
    Index("events_group", "group_id"),
    Index("events_bucket", "event_type", "region", "ord", "id"),
    Index("events_bucket_day", "event_type", "region", "date"),
    Index("events_region_type_date", "region", "date", "event_type"),
    Index("events_happening", "happening"),
)

article_history = Table(
    "article_history",
    metadata,
    _text("id", nullable=False),
    _text("fingerprint", nullable=False),
    _text("text", nullable=False),
    _text("published_at", nullable=False),
    _text("language", nullable=False),
    _text("title"),
    _text("source"),
    _text("url"),
    _text("owner", nullable=False),
    _text("stored_at", nullable=False),
    _text("superseded_at", nullable=False),
    Index("article_history_id", "id"),
)

# seq: SQLite's rowid (an INTEGER PRIMARY KEY is its alias), a serial on Postgres; history_articles points at it
event_history = Table(
    "event_history",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    _text("id", nullable=False),
    _text("date", nullable=False),
    _text("group_id", nullable=False),
    _text("body", nullable=False),
    _text("published_at", nullable=False),
    _text("source", nullable=False),
    _text("stored_at", nullable=False),
    _text("superseded_at", nullable=False),
    Index("event_history_date", "date"),
)

history_articles = Table(
    "history_articles",
    metadata,
    _text("article_id", nullable=False),
    Column("history", Integer, nullable=False),
    Index("history_articles_id", "article_id"),
)

answers = Table(
    "answers",
    metadata,
    _text("digest", primary_key=True),
    _text("body", nullable=False),
)

answer_articles = Table(
    "answer_articles",
    metadata,
    _text("article_id", nullable=False),
    _text("digest", nullable=False),
    Index("answer_articles_id", "article_id"),
)

# the merged timeline, kept at write time: one row per happening, its JSON in both languages and each one
happenings = Table(
    "happenings",
    metadata,
    _text("id", primary_key=True),
    _text("date", nullable=False),
    _text("region"),
    _text("event_type", nullable=False),
    _text("status", nullable=False),
    Column("sources", Integer, nullable=False),
    _text("updated_at", nullable=False),
    _text("body", nullable=False),
    _text("body_ar", nullable=False),
    _text("body_en", nullable=False),
    Index("happenings_date", "date", "id"),
    Index("happenings_region", "region", "date", "id"),
    Index("happenings_updated", "updated_at"),
)

# jobs (POST /jobs): one row per job, one per group with its checkpoint (summarizer/jobs/records.py)
jobs = Table(
    "jobs",
    metadata,
    _text("id", primary_key=True),
    _text("owner", nullable=False),
    _text("status", nullable=False),
    _text("request", nullable=False),
    _text("callback_url"),
    _text("callback_state"),
    Column("callback_attempts", Integer, nullable=False, server_default="0"),
    _text("callback_error"),
    _text("result"),
    _text("error"),
    _text("created_at", nullable=False),
    _text("updated_at", nullable=False),
    _text("finished_at"),  # fixed-width UTC text (migration 0003): finished jobs are forgotten after a retention
    Index("jobs_status", "status"),
    Index("jobs_finished", "finished_at"),
)

job_groups = Table(
    "job_groups",
    metadata,
    Column("job_id", Key, primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    _text("group_id", nullable=False),
    _text("article_ids", nullable=False),
    _text("status", nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    _text("result"),
    _text("error"),
)
