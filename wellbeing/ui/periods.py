"""Calendar periods (day, week, month) and dates written for people.

Pure Python; English names are fixed here rather than taken from the C
locale, so every screen reads the same on every machine.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)



class Period(Enum):
    """How much time one screen of the dashboard covers."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _month_end(d: date) -> date:
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def period_range(period: Period, anchor: date, week_start: int = 0) -> tuple[date, date]:
    """First and last date (inclusive) of the period that contains ``anchor``.

    Args:
        week_start: 0 = weeks start on Monday, 6 = on Sunday.
    """
    if period is Period.DAY:
        return anchor, anchor
    if period is Period.WEEK:
        start = anchor - timedelta(days=(anchor.weekday() - week_start) % 7)
        return start, start + timedelta(days=6)
    start = anchor.replace(day=1)
    return start, _month_end(start)


def shift(period: Period, anchor: date, steps: int) -> date:
    """``anchor`` moved by ``steps`` whole periods (months keep the day, clamped to the month)."""
    if period is Period.DAY:
        return anchor + timedelta(days=steps)
    if period is Period.WEEK:
        return anchor + timedelta(weeks=steps)
    months = anchor.year * 12 + anchor.month - 1 + steps
    first = date(months // 12, months % 12 + 1, 1)
    return first.replace(day=min(anchor.day, _month_end(first).day))


def long_date(d: date) -> str:
    """"Wednesday 10 June 2026"."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """"Wed 10 Jun"."""
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"


def range_text(start: date, end: date) -> str:
    """"3 – 9 June 2026", "29 June – 5 July 2026", "29 Dec 2025 – 4 Jan 2026"."""
    if start.year != end.year:
        return (
            f"{start.day} {MONTHS[start.month - 1][:3]} {start.year} – "
            f"{end.day} {MONTHS[end.month - 1][:3]} {end.year}"
        )
    if start.month != end.month:
        return (
            f"{start.day} {MONTHS[start.month - 1]} – "
            f"{end.day} {MONTHS[end.month - 1]} {end.year}"
        )
    return f"{start.day} – {end.day} {MONTHS[end.month - 1]} {end.year}"
