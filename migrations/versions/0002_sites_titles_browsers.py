"""Sites and title privacy: app.is_browser, app.wm_class, window_title, interval.title_id.

- ``app.is_browser`` (NOT NULL, default false): the app's use is split into
  sites, so a by-site report lists its remaining time as "other browsing".
- ``app.wm_class``: the WM_CLASS last seen for the app, so WM_CLASS rules can
  re-label history.
- ``window_title``: each distinct window title once, kept only when the user
  opted in to storing titles; ``interval.title_id`` (NULL when not stored)
  points at it.

Existing rows keep every value; the new columns start as false / NULL. On
SQLite, ``interval`` is rebuilt by Alembic's batch mode to add its foreign key
(the app table only gains columns in place, so nothing that points at it is touched).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-15
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "window_title",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_window_title"),
        sa.UniqueConstraint("title", name="uq_window_title_title"),
    )
    # A plain string default keeps SQLite on ALTER TABLE ADD COLUMN (no table copy);
    # PostgreSQL reads '0' as false.
    with op.batch_alter_table("app") as batch:
        batch.add_column(
            sa.Column("is_browser", sa.Boolean(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("wm_class", sa.String(255), nullable=True))
    with op.batch_alter_table("interval") as batch:
        batch.add_column(sa.Column("title_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_interval_title_id_window_title", "window_title", ["title_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("interval") as batch:
        batch.drop_constraint("fk_interval_title_id_window_title", type_="foreignkey")
        batch.drop_column("title_id")
    # Native DROP COLUMN (SQLite >= 3.35): copying ``app`` would trip the foreign keys
    # that point at it.
    with op.batch_alter_table("app", recreate="never") as batch:
        batch.drop_column("wm_class")
        batch.drop_column("is_browser")
    op.drop_table("window_title")
