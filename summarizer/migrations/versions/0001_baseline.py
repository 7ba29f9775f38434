"""Baseline: the store as it stood when migrations began (articles, groups, events with their write-time
index columns, histories, stored answers, happenings).

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Key = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")  # bytewise order on both databases


def _t(name: str, nullable: bool = True) -> sa.Column[str]:
    return sa.Column(name, Key, nullable=nullable)


def _pk(name: str) -> sa.Column[str]:
    return sa.Column(name, Key, primary_key=True)


def upgrade() -> None:
    op.create_table(
        "articles", _pk("id"), _t("fingerprint", False), _t("text", False), _t("published_at", False),
        _t("day", False), _t("language", False), _t("title"), _t("source"), _t("url"), _t("stored_at", False),
        sa.Column("owner", Key, nullable=False, server_default=""),
    )  # fmt: skip
    op.create_table(
        "groups", _pk("id"), _t("day", False), _t("article_ids", False), _t("body", False), _t("engine", False),
        _t("model", False), _t("prompt_version"), _t("stored_at", False),
    )  # fmt: skip
    op.create_table(
        "events", _pk("id"), _t("date", False), _t("region"), _t("event_type", False), _t("status", False),
        _t("group_id", False), _t("body", False), _t("first_stored_at", False), _t("stored_at", False),
        _t("published_at"), _t("ord"), _t("sources"), _t("source_of"), _t("happening"),
    )  # fmt: skip
    op.create_index("events_region_date", "events", ["region", "date"])
    op.create_index("events_date", "events", ["date"])
    op.create_index("events_group", "events", ["group_id"])
    op.create_index("events_bucket", "events", ["event_type", "region", "ord", "id"])
    op.create_index("events_bucket_day", "events", ["event_type", "region", "date"])
    op.create_index("events_region_type_date", "events", ["region", "date", "event_type"])
    op.create_index("events_happening", "events", ["happening"])
    op.create_table(
        "article_history", _t("id", False), _t("fingerprint", False), _t("text", False),
        _t("published_at", False), _t("language", False), _t("title"), _t("source"), _t("url"),
        _t("owner", False), _t("stored_at", False), _t("superseded_at", False),
    )  # fmt: skip
    op.create_index("article_history_id", "article_history", ["id"])
    op.create_table(
        "event_history", sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True), _t("id", False),
        _t("date", False), _t("group_id", False), _t("body", False), _t("published_at", False),
        _t("source", False), _t("stored_at", False), _t("superseded_at", False),
    )  # fmt: skip
    op.create_index("event_history_date", "event_history", ["date"])
    op.create_table(
        "history_articles", _t("article_id", False), sa.Column("history", sa.Integer, nullable=False)
    )
    op.create_index("history_articles_id", "history_articles", ["article_id"])
    op.create_table("answers", _pk("digest"), _t("body", False))
    op.create_table("answer_articles", _t("article_id", False), _t("digest", False))
    op.create_index("answer_articles_id", "answer_articles", ["article_id"])
    op.create_table(
        "happenings", _pk("id"), _t("date", False), _t("region"), _t("event_type", False), _t("status", False),
        sa.Column("sources", sa.Integer, nullable=False), _t("updated_at", False), _t("body", False),
        _t("body_ar", False), _t("body_en", False),
    )  # fmt: skip
    op.create_index("happenings_date", "happenings", ["date", "id"])
    op.create_index("happenings_region", "happenings", ["region", "date", "id"])
    op.create_index("happenings_updated", "happenings", ["updated_at"])


def downgrade() -> None:
    for table in ("happenings", "answer_articles", "answers", "history_articles", "event_history",
                  "article_history", "events", "groups", "articles"):  # fmt: skip
        op.drop_table(table)
