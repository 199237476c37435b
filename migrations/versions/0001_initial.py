"""Initial schema: meta, device, category, app, site, interval, daily_usage.

Times are integer UTC milliseconds; see wellbeing/storage/models.py. Later
features (rules, limits, the experiment) add their tables in new revisions.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_meta"),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("platform", sa.String(64), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_device"),
        sa.UniqueConstraint("uuid", name="uq_device_uuid"),
    )
    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("color", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_category"),
        sa.UniqueConstraint("name", name="uq_category_name"),
    )
    op.create_table(
        "app",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("display_name", sa.String(255), nullable=False),
        sa.Column("icon", sa.String(255), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name="fk_app_category_id_category"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_app"),
        sa.UniqueConstraint("key", name="uq_app_key"),
    )
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(255), nullable=False),
        sa.Column("display_name", sa.String(255), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name="fk_site_category_id_category"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_site"),
        sa.UniqueConstraint("domain", name="uq_site_domain"),
    )
    op.create_table(
        "interval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["app_id"], ["app.id"], name="fk_interval_app_id_app"),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name="fk_interval_device_id_device"
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name="fk_interval_site_id_site"),
        sa.PrimaryKeyConstraint("id", name="pk_interval"),
    )
    op.create_index(
        "ix_interval_device_id_local_date", "interval", ["device_id", "local_date"]
    )
    op.create_index("ix_interval_device_id_start_ms", "interval", ["device_id", "start_ms"])
    op.create_table(
        "daily_usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("site_key", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["app_id"], ["app.id"], name="fk_daily_usage_app_id_app"),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name="fk_daily_usage_device_id_device"
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name="fk_daily_usage_site_id_site"),
        sa.PrimaryKeyConstraint("id", name="pk_daily_usage"),
        sa.UniqueConstraint(
            "device_id",
            "local_date",
            "app_id",
            "site_key",
            name="uq_daily_usage_device_id_local_date_app_id_site_key",
        ),
    )


def downgrade() -> None:
    op.drop_table("daily_usage")
    op.drop_index("ix_interval_device_id_start_ms", table_name="interval")
    op.drop_index("ix_interval_device_id_local_date", table_name="interval")
    op.drop_table("interval")
    op.drop_table("site")
    op.drop_table("app")
    op.drop_table("category")
    op.drop_table("device")
    op.drop_table("meta")
