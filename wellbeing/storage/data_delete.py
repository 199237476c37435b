"""Deleting what the user asks: a day or a range of days, or everything.

:func:`count_range` and :func:`count_everything` say what would go, so the
confirmation can name it; :func:`delete_range` and :func:`delete_everything`
delete it in one transaction each.

- A range (optionally of one device): its intervals, their daily totals and
  the limit events of those days. Limits, downtime and the self-experiment's
  answers stay (they are not usage of a day).
- Everything: every table's rows (usage, titles, apps and sites, limits,
  downtime, limit events, experiments with all their answers); the device
  rows and the schema's ``meta`` stay, so the database keeps working. On
  SQLite the file is then compacted (``VACUUM``), so the deleted rows do not
  linger in free pages.

The daily totals are the intervals' roll-up; deleting both for the same days
keeps them consistent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, func, select

from wellbeing.storage.db import Database
from wellbeing.storage.models import (
    App,
    Category,
    CheckinRow,
    DailyUsage,
    DowntimeRow,
    ExperimentRow,
    Interval,
    LimitEventRow,
    PhoneReportRow,
    PromptRow,
    QuestionnaireRow,
    ReminderRow,
    Site,
    UsageLimit,
    WindowTitle,
)

__all__ = ["Counted", "count_everything", "count_range", "delete_everything", "delete_range"]


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


#: Everything, children before the rows they point at.
EVERYTHING: tuple[Table, ...] = tuple(_table(m) for m in (
    ReminderRow, PromptRow, PhoneReportRow, QuestionnaireRow, CheckinRow, UsageLimit,
    ExperimentRow, LimitEventRow, DowntimeRow, DailyUsage, Interval, WindowTitle, App, Site,
    Category,
))


@dataclass(frozen=True)
class Counted:
    """What a deletion covers."""

    intervals: int
    seconds: float
    days: int
    limit_events: int
    limits: int = 0
    experiments: int = 0
    answers: int = 0


def _range_filter(table: Any, first: date, last: date, device_id: int | None) -> list[Any]:
    conditions = [table.c.local_date >= first, table.c.local_date <= last]
    if device_id is not None:
        conditions.append(table.c.device_id == device_id)
    return conditions


def count_range(db: Database, first: date, last: date, device_id: int | None = None) -> Counted:
    """What :func:`delete_range` would delete."""
    interval, events = _table(Interval), _table(LimitEventRow)
    with db.transaction() as conn:
        row = conn.execute(
            select(func.count(),
                   func.coalesce(func.sum(interval.c.end_ms - interval.c.start_ms), 0),
                   func.count(func.distinct(interval.c.local_date)))
            .where(*_range_filter(interval, first, last, device_id))
        ).one()
        limit_events = conn.scalar(
            select(func.count()).select_from(events)
            .where(*_range_filter(events, first, last, device_id))) or 0
    return Counted(int(row[0]), int(row[1]) / 1000, int(row[2]), int(limit_events))


def delete_range(db: Database, first: date, last: date, device_id: int | None = None) -> Counted:
    """Delete the days ``first``..``last`` (of ``device_id``, or every device)."""
    counted = count_range(db, first, last, device_id)
    with db.transaction() as conn:
        for model in (Interval, DailyUsage, LimitEventRow):
            table = _table(model)
            conn.execute(delete(table).where(*_range_filter(table, first, last, device_id)))
    return counted


def count_everything(db: Database) -> Counted:
    """What :func:`delete_everything` would delete."""
    interval = _table(Interval)
    with db.transaction() as conn:
        def count(model: Any) -> int:
            return int(conn.scalar(select(func.count()).select_from(_table(model))) or 0)

        row = conn.execute(select(
            func.count(), func.coalesce(func.sum(interval.c.end_ms - interval.c.start_ms), 0),
            func.count(func.distinct(interval.c.local_date)))).one()
        answers = sum(count(m) for m in (CheckinRow, QuestionnaireRow, PhoneReportRow, PromptRow))
        return Counted(int(row[0]), int(row[1]) / 1000, int(row[2]), count(LimitEventRow),
                       limits=count(UsageLimit), experiments=count(ExperimentRow),
                       answers=answers)


def delete_everything(db: Database) -> Counted:
    """Delete every recorded row (see the module docstring); compact a SQLite file."""
    counted = count_everything(db)
    with db.transaction() as conn:
        for table in EVERYTHING:
            conn.execute(delete(table))
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")
    return counted
