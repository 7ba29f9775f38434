"""Jobs: the jobs and job_groups tables of POST /jobs (a store the jobs branch made before migrations has them).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Key = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")  # bytewise order on both databases


def _t(name: str, nullable: bool = True) -> sa.Column[str]:
    return sa.Column(name, Key, nullable=nullable)


def upgrade() -> None:
    have = set(sa.inspect(op.get_bind()).get_table_names())
    if "jobs" not in have:
        op.create_table(
            "jobs", sa.Column("id", Key, primary_key=True), _t("owner", False), _t("status", False),
            _t("request", False), _t("callback_url"), _t("callback_state"),
            sa.Column("callback_attempts", sa.Integer, nullable=False, server_default="0"), _t("callback_error"),
            _t("result"), _t("error"), _t("created_at", False), _t("updated_at", False),
        )  # fmt: skip
        op.create_index("jobs_status", "jobs", ["status"])
    if "job_groups" not in have:
        op.create_table(
            "job_groups", sa.Column("job_id", Key, primary_key=True),
            sa.Column("position", sa.Integer, primary_key=True, autoincrement=False), _t("group_id", False),
            _t("article_ids", False), _t("status", False),
            sa.Column("attempts", sa.Integer, nullable=False, server_default="0"), _t("result"), _t("error"),
        )  # fmt: skip


def downgrade() -> None:
    op.drop_table("job_groups")
    op.drop_index("jobs_status", "jobs")
    op.drop_table("jobs")
