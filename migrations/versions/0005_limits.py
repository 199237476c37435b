"""Limits: ``usage_limit``, ``limit_event``, ``downtime`` and the ``limits_revision`` meta row.

New tables only; nothing existing changes, so the upgrade keeps every row as
it is and the downgrade drops the three tables and the meta row. The columns
and their encodings are described in ``wellbeing.storage.models``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVISION_KEY = "limits_revision"


def upgrade() -> None:
    op.create_table(
        "usage_limit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), sa.ForeignKey(
            "device.id", name="fk_usage_limit_device_id_device"), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_key", sa.String(255), nullable=False),
        sa.Column("seconds", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("locked_until", sa.Integer(), nullable=True),
        sa.Column("cooling_off", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("pending_seconds", sa.String(64), nullable=True),
        sa.Column("pending_mode", sa.String(16), nullable=True),
        sa.Column("pending_snooze_budget", sa.Integer(), nullable=True),
        sa.Column("pending_cooling_off", sa.Boolean(), nullable=True),
        sa.Column("pending_effective_ms", sa.BigInteger(), nullable=True),
        sa.Column("snooze_budget", sa.Integer(), nullable=True),
        sa.Column("warn_before_seconds", sa.Integer(), nullable=False),
        sa.Column("experiment_id", sa.Integer(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_usage_limit"),
        sa.UniqueConstraint(
            "device_id", "target_kind", "target_key",
            name="uq_usage_limit_device_id_target_kind_target_key",
        ),
    )
    op.create_table(
        "limit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), sa.ForeignKey(
            "device.id", name="fk_limit_event_device_id_device"), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=True),
        sa.Column("target_key", sa.String(255), nullable=True),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("detail", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_limit_event"),
    )
    op.create_index(
        "ix_limit_event_device_id_local_date", "limit_event", ["device_id", "local_date"]
    )
    op.create_table(
        "downtime",
        sa.Column("device_id", sa.Integer(), sa.ForeignKey(
            "device.id", name="fk_downtime_device_id_device"), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("always_allowed", sa.Text(), server_default="", nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name="pk_downtime"),
    )
    meta = sa.table("meta", sa.column("key", sa.String()), sa.column("value", sa.Text()))
    op.execute(meta.insert().values(key=REVISION_KEY, value="0"))


def downgrade() -> None:
    meta = sa.table("meta", sa.column("key", sa.String()), sa.column("value", sa.Text()))
    op.execute(meta.delete().where(meta.c.key == REVISION_KEY))
    op.drop_table("downtime")
    op.drop_index("ix_limit_event_device_id_local_date", table_name="limit_event")
    op.drop_table("limit_event")
    op.drop_table("usage_limit")
