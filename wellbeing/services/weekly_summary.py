"""The weekly summary notification: its numbers gathered through a ``LimitStore``.

Works with both stores (``storage.limits.LimitRepository`` through SQLAlchemy,
``storage.sqlite_limits.SqliteLimitStore`` through ``sqlite3``), since it only
uses the :class:`~wellbeing.services.limit_ports.LimitStore` protocol:
``usage_on(day)`` for each of the last two weeks, ``limits()`` and
``events(first, last)``. The words are :mod:`wellbeing.core.summary`'s.

"Last week" is the Monday-to-Sunday week before the one ``today`` is in, so a
summary shown on Monday (or, after a sleeping laptop, on Tuesday) is about the
week that just ended.
"""

from __future__ import annotations

from datetime import date, timedelta

from wellbeing.core.summary import Summary, WeekFigures, limits_week, week_figures, weekly_summary
from wellbeing.services.limit_ports import LimitStore, Notice

__all__ = ["WEEKLY_SUMMARY_KEY", "gather_week", "last_week_of", "weekly_notice"]

WEEKLY_SUMMARY_KEY = "weekly-summary"
"""The notice key: a new week's summary replaces last week's."""


def last_week_of(today: date) -> tuple[date, date]:
    """Monday and Sunday of the week before the one ``today`` is in."""
    monday = today - timedelta(days=today.weekday() + 7)
    return monday, monday + timedelta(days=6)


def gather_week(store: LimitStore, today: date) -> WeekFigures:
    """Last week's and the week before's daily totals, and last week's days within limits."""
    first, last = last_week_of(today)
    before = [first - timedelta(days=7 - i) for i in range(7)]
    days = [first + timedelta(days=i) for i in range(7)]
    usage = {day: store.usage_on(day) for day in [*before, *days]}
    within = limits_week(days, store.limits(), usage, store.events(first, last))
    return week_figures(
        [usage[day].total for day in days], [usage[day].total for day in before], within
    )


def weekly_notice(store: LimitStore, today: date) -> Notice:
    """The weekly summary as a notification (replacing the previous week's)."""
    summary: Summary = weekly_summary(gather_week(store, today))
    return Notice(WEEKLY_SUMMARY_KEY, summary.title, summary.body, urgency="low")
