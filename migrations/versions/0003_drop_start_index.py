"""Drop ``ix_interval_device_id_start_ms``: no query needs it, and it was a fifth of the file.

Every read of intervals goes through ``(device_id, local_date)`` (a day's
hours and facts) and sorts that day's few hundred rows; the export sorts once.
The index cost about 7 KB per tracked day.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_interval_device_id_start_ms", table_name="interval")


def downgrade() -> None:
    op.create_index("ix_interval_device_id_start_ms", "interval", ["device_id", "start_ms"])
