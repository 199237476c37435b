"""The self-experiment: ``experiment``, its check-ins, questionnaires, phone reports, reminders.

New tables only; nothing existing changes. Finishing or abandoning an
experiment never deletes a row (``status`` and ``ended_ms`` record it). The
columns are described in ``wellbeing.storage.models``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str) -> sa.Column[int]:
    """The ``experiment_id`` key column of ``table``."""
    return sa.Column(
        "experiment_id",
        sa.Integer(),
        sa.ForeignKey("experiment.id", name=f"fk_{table}_experiment_id_experiment"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "experiment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), sa.ForeignKey(
            "device.id", name="fk_experiment_device_id_device"), nullable=False),
        sa.Column("design", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start_date", sa.Integer(), nullable=False),
        sa.Column("primary_measure", sa.String(16), nullable=False),
        sa.Column("targets", sa.Text(), nullable=False),
        sa.Column("limit_seconds", sa.Integer(), nullable=False),
        sa.Column("checkin_minute", sa.Integer(), nullable=False),
        sa.Column("prompts_per_day", sa.Integer(), nullable=False),
        sa.Column("follow_up", sa.Boolean(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("drawn_order", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("ended_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_experiment"),
    )
    op.create_table(
        "experiment_checkin",
        _fk("experiment_checkin"),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("lonely", sa.Integer(), nullable=False),
        sa.Column("anxious", sa.Integer(), nullable=False),
        sa.Column("missed_out", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("answered_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("experiment_id", "local_date", name="pk_experiment_checkin"),
    )
    op.create_table(
        "questionnaire_response",
        _fk("questionnaire_response"),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(16), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("answers", sa.String(64), nullable=False),
        sa.Column("raw", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("answered_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "experiment_id", "local_date", "instrument", name="pk_questionnaire_response"
        ),
    )
    op.create_table(
        "experiment_phone",
        _fk("experiment_phone"),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("experiment_id", "local_date", "target", name="pk_experiment_phone"),
    )
    op.create_table(
        "experiment_prompt",
        _fk("experiment_prompt"),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("answered_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("experiment_id", "local_date", "slot", name="pk_experiment_prompt"),
    )
    op.create_table(
        "experiment_reminder",
        _fk("experiment_reminder"),
        sa.Column("local_date", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sent_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("experiment_id", "local_date", "kind", name="pk_experiment_reminder"),
    )


def downgrade() -> None:
    for table in (
        "experiment_reminder",
        "experiment_prompt",
        "experiment_phone",
        "questionnaire_response",
        "experiment_checkin",
        "experiment",
    ):
        op.drop_table(table)
