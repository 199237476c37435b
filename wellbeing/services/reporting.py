"""Turning usage reports into text for people, and knowing which local day it is."""

from __future__ import annotations

import time
from datetime import date

from wellbeing.core.categories import category_name
from wellbeing.core.days import local_date_of
from wellbeing.core.durations import format_duration
from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.storage.queries import UsageReport


def today_local(day_start_hour: int, wall: float | None = None) -> date:
    """The local "day" now (a day starts at ``day_start_hour``, 04:00 by default)."""
    now = time.time() if wall is None else wall
    offset_min = time.localtime(now).tm_gmtoff // 60
    return local_date_of(round(now * 1000), offset_min, day_start_hour)


#: Weekdays as the report's day lines show them (``date.weekday()`` order).
SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("UsageReport", "Mon"),
    QT_TRANSLATE_NOOP("UsageReport", "Tue"),
    QT_TRANSLATE_NOOP("UsageReport", "Wed"),
    QT_TRANSLATE_NOOP("UsageReport", "Thu"),
    QT_TRANSLATE_NOOP("UsageReport", "Fri"),
    QT_TRANSLATE_NOOP("UsageReport", "Sat"),
    QT_TRANSLATE_NOOP("UsageReport", "Sun"),
)


def format_table(report: UsageReport, *, limit: int = 25) -> str:
    """A readable plain-text report: totals, then the top items with share bars.

    In the installed language (:func:`wellbeing.core.i18n.translate`); names of
    apps and sites as recorded, built-in category names translated.
    """
    if report.start == report.end:
        heading = {
            "app": translate("UsageReport", "Screen time {day} (by app)"),
            "site": translate("UsageReport", "Screen time {day} (by site)"),
            "category": translate("UsageReport", "Screen time {day} (by category)"),
        }[report.by].format(day=report.start.isoformat())
    else:
        heading = {
            "app": translate("UsageReport", "Screen time {start} to {end} (by app)"),
            "site": translate("UsageReport", "Screen time {start} to {end} (by site)"),
            "category": translate("UsageReport", "Screen time {start} to {end} (by category)"),
        }[report.by].format(start=report.start.isoformat(), end=report.end.isoformat())
    total = translate("UsageReport", "Total")
    average = translate("UsageReport", "Daily average")
    label_width = max(len(total), len(average))
    lines = [heading, f"  {total:<{label_width}}  {format_duration(report.total_seconds)}"]
    if report.start != report.end:
        lines.append(
            f"  {average:<{label_width}}  {format_duration(report.daily_average_seconds)}")
    if not report.items:
        lines.append("")
        lines.append("  " + translate("UsageReport", "Nothing recorded in this period."))
        return "\n".join(lines)
    lines.append("")
    names = [_shown_name(item.name, report.by) for item in report.items[:limit]]
    width = min(max(max(len(name) for name in names), 8), 40)
    top = report.items[0].seconds or 1.0
    for item, name in zip(report.items[:limit], names, strict=True):
        bar = "█" * max(1, round(20 * item.seconds / top)) if item.seconds > 0 else ""
        name = name if len(name) <= width else name[: width - 1] + "…"
        lines.append(f"  {name:<{width}}  {format_duration(item.seconds):>12}  {bar}")
    hidden = len(report.items) - limit
    if hidden > 0:
        more = translate("UsageReport", "… and {count} more (use --json for all)")
        lines.append("  " + more.format(count=hidden))
    if report.start != report.end:
        lines.append("")
        for day in report.days:
            weekday = translate("UsageReport", SHORT_WEEKDAYS[day.date.weekday()])
            lines.append(
                f"  {day.date.isoformat()} {weekday}  {format_duration(day.total_seconds):>12}"
            )
    return "\n".join(lines)


def _shown_name(name: str, by: str) -> str:
    return category_name(name) if by == "category" else name
