"""Alembic migrations of the store (SQLite and Postgres); summarizer.timeline.db applies them on start."""
