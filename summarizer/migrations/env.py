"""Alembic environment: runs on the connection summarizer.timeline.db hands over (never from a URL in a file)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from summarizer.timeline.tables import metadata

MIGRATION_LOCK = 0x5355_4D4D  # pg_advisory_xact_lock key: replicas starting together migrate one at a time

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("summarizer's migrations run from summarizer.timeline.db.migrate, with a connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.run_migrations()
