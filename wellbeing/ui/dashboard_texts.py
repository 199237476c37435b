"""The dashboard's words, in the interface's language.

The view model (``viewmodels``) builds its snapshots from these; each is one
whole translatable sentence (context "Dashboard"), so a translation never
has to glue English fragments together. English is the source text.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QCoreApplication

from wellbeing.core.categories import category_name
from wellbeing.core.durations import format_duration
from wellbeing.storage.queries import OTHER_SITE_NAME, OTHER_SITE_PREFIX
from wellbeing.ui.periods import Period, short_date

__all__ = [
    "arrows", "change_text", "daily_average", "first_run_text", "item_name", "last_week",
    "most_used",
    "on_day", "row_text", "screen_time", "this_week", "today", "today_text", "yesterday",
]


translate = QCoreApplication.translate


def row_text(name: str, time_text: str, share: float) -> str:
    """What a screen reader says for a row: "Firefox, 1 h 05 min, 40% of the total"."""
    return translate("Dashboard", "{name}, {time}, {percent}% of the total").format(
        name=name, time=time_text, percent=round(share * 100))


def item_name(by: str, key: str, name: str) -> str:
    """A row's name as shown: a built-in category's in the interface's language, a browser's
    use outside the listed sites as "Other browsing (Firefox)"; other names as they are."""
    if by == "category":
        return category_name(name)
    head, _, tail = OTHER_SITE_NAME.partition("{app}")
    if (by == "site" and key.startswith(OTHER_SITE_PREFIX) and name.startswith(head)
            and name.endswith(tail)):
        return translate("Dashboard", "Other browsing ({app})").format(
            app=name[len(head):len(name) - len(tail)])
    return name


def most_used(by: str) -> str:
    """The list's caption: "Most used apps"."""
    if by == "site":
        return translate("Dashboard", "Most used sites")
    if by == "category":
        return translate("Dashboard", "Most used categories")
    return translate("Dashboard", "Most used apps")


def on_day(by: str, day: date) -> str:
    """The list's caption for a selected day: "Apps on Tue 9 Jun"."""
    if by == "site":
        text = translate("Dashboard", "Sites on {day}")
    elif by == "category":
        text = translate("Dashboard", "Categories on {day}")
    else:
        text = translate("Dashboard", "Apps on {day}")
    return text.format(day=short_date(day))


def today_text(seconds: float) -> str:
    """"Today: 1 h 05 min"."""
    return translate("Dashboard", "Today: {time}").format(time=format_duration(seconds))


def first_run_text(seconds: float) -> str:
    """The greeting on the first day."""
    return translate("Dashboard", "Tracking has started — today so far: {time}").format(
        time=format_duration(seconds))


def daily_average() -> str:
    return translate("Dashboard", "Daily average")


def screen_time() -> str:
    return translate("Dashboard", "Screen time")


def today() -> str:
    return translate("Dashboard", "Today")


def yesterday() -> str:
    return translate("Dashboard", "Yesterday")


def this_week() -> str:
    return translate("Dashboard", "This week")


def last_week() -> str:
    return translate("Dashboard", "Last week")


def change_text(pct: float | None, period: Period) -> str:
    """"▲ 12% from last week", "▼ 3% from last month", "Same as the day before"; None gives ""."""
    if pct is None or not math.isfinite(pct):
        return ""
    whole = round(pct)
    if whole == 0:
        if period is Period.WEEK:
            return translate("Dashboard", "Same as last week")
        if period is Period.MONTH:
            return translate("Dashboard", "Same as last month")
        return translate("Dashboard", "Same as the day before")
    if period is Period.WEEK:
        text = translate("Dashboard", "{arrow} {percent}% from last week")
    elif period is Period.MONTH:
        text = translate("Dashboard", "{arrow} {percent}% from last month")
    else:
        text = translate("Dashboard", "{arrow} {percent}% from the day before")
    return text.format(arrow="▲" if whole > 0 else "▼", percent=abs(whole))


def arrows(period: Period) -> tuple[str, str]:
    """The previous/next buttons' names: ("Previous week", "Next week")."""
    if period is Period.DAY:
        return translate("Dashboard", "Previous day"), translate("Dashboard", "Next day")
    if period is Period.WEEK:
        return translate("Dashboard", "Previous week"), translate("Dashboard", "Next week")
    return translate("Dashboard", "Previous month"), translate("Dashboard", "Next month")
