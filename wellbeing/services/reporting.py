"""Turning usage reports into text for people, and knowing which local day it is."""

from __future__ import annotations

import time
from datetime import date

from wellbeing.core.days import local_date_of
from wellbeing.core.durations import format_duration
from wellbeing.storage.queries import UsageReport


def today_local(day_start_hour: int, wall: float | None = None) -> date:
    """The local "day" now (a day starts at ``day_start_hour``, 04:00 by default)."""
    now = time.time() if wall is None else wall
    offset_min = time.localtime(now).tm_gmtoff // 60
    return local_date_of(round(now * 1000), offset_min, day_start_hour)


def format_table(report: UsageReport, *, limit: int = 25) -> str:
    """A readable plain-text report: totals, then the top items with share bars."""
    span = (
        report.start.isoformat()
        if report.start == report.end
        else f"{report.start.isoformat()} to {report.end.isoformat()}"
    )
    lines = [f"Screen time {span} (by {report.by})"]
    lines.append(f"  Total          {format_duration(report.total_seconds)}")
    if report.start != report.end:
        lines.append(f"  Daily average  {format_duration(report.daily_average_seconds)}")
    if not report.items:
        lines.append("")
        lines.append("  Nothing recorded in this period.")
        return "\n".join(lines)
    lines.append("")
    width = max(len(item.name) for item in report.items[:limit])
    width = min(max(width, 8), 40)
    top = report.items[0].seconds or 1.0
    for item in report.items[:limit]:
        bar = "█" * max(1, round(20 * item.seconds / top)) if item.seconds > 0 else ""
        name = item.name if len(item.name) <= width else item.name[: width - 1] + "…"
        lines.append(f"  {name:<{width}}  {format_duration(item.seconds):>12}  {bar}")
    hidden = len(report.items) - limit
    if hidden > 0:
        lines.append(f"  … and {hidden} more (use --json for all)")
    if report.start != report.end:
        lines.append("")
        for day in report.days:
            lines.append(
                f"  {day.date.isoformat()} {day.date:%a}  {format_duration(day.total_seconds):>12}"
            )
    return "\n".join(lines)
