"""Calendar periods (day, week, month) and dates written for people.

Dates are written with Qt's locale data in the interface's language (the
default ``QLocale`` that ``translation.install_translation`` sets), through
formats the translation may change; an English interface writes English
dates whatever the machine's locale, so every screen reads the same.
``WEEKDAYS`` and ``MONTHS`` are the English names (for English-only texts).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, QLocale

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def display_locale() -> QLocale:
    """The locale dates are written in: the translation's, else English."""
    app = QCoreApplication.instance()
    if app is not None and app.property("wellbeing_translators"):
        return QLocale()
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _fmt(d: date, qt_format: str) -> str:
    return display_locale().toString(QDate(d.year, d.month, d.day), qt_format)



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
    return _fmt(d, QCoreApplication.translate("Periods", "dddd d MMMM yyyy"))


def short_date(d: date) -> str:
    """"Wed 10 Jun"."""
    return _fmt(d, QCoreApplication.translate("Periods", "ddd d MMM"))


def month_title(d: date) -> str:
    """"June 2026"."""
    return _fmt(d, QCoreApplication.translate("Periods", "MMMM yyyy"))


def day_month(d: date, *, with_year: bool = False) -> str:
    """"31 Dec", or "31 Dec 2027"."""
    if with_year:
        return _fmt(d, QCoreApplication.translate("Periods", "d MMM yyyy"))
    return _fmt(d, QCoreApplication.translate("Periods", "d MMM"))


def weekday_short(d: date) -> str:
    """"Wed"."""
    return display_locale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)


def range_text(start: date, end: date) -> str:
    """"3 – 9 June 2026", "29 June – 5 July 2026", "29 Dec 2025 – 4 Jan 2026"."""
    if start.year != end.year:
        first = _fmt(start, QCoreApplication.translate("Periods", "d MMM yyyy"))
        last = _fmt(end, QCoreApplication.translate("Periods", "d MMM yyyy"))
    elif start.month != end.month:
        first = _fmt(start, QCoreApplication.translate("Periods", "d MMMM"))
        last = _fmt(end, QCoreApplication.translate("Periods", "d MMMM yyyy"))
    else:
        first = _fmt(start, QCoreApplication.translate("Periods", "d"))
        last = _fmt(end, QCoreApplication.translate("Periods", "d MMMM yyyy"))
    return QCoreApplication.translate("Periods", "{start} – {end}").format(start=first, end=last)
