"""Jobs: when each finished (finished_at, indexed), from which finished jobs are forgotten after a retention period.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Key = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")  # bytewise order on both databases


def upgrade() -> None:
    # a store made before migrations is given today's tables on opening (db._adapt): it may have both already
    inspector = sa.inspect(op.get_bind())
    if "finished_at" not in {c["name"] for c in inspector.get_columns("jobs")}:
        op.add_column("jobs", sa.Column("finished_at", Key))
    # a job finished before this column existed: its last update is when it finished (or its callback was tried)
    op.execute(
        "UPDATE jobs SET finished_at = updated_at WHERE finished_at IS NULL AND status IN ('done', 'failed')"
    )
    if "jobs_finished" not in {i["name"] for i in inspector.get_indexes("jobs")}:
        op.create_index("jobs_finished", "jobs", ["finished_at"])


def downgrade() -> None:
    op.drop_index("jobs_finished", "jobs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("finished_at")
