"""Durations written the way people read them ("1 h 05 min"), and percent changes.

Pure functions, no Qt: the dashboard, the tray, notifications and the CLI all
format time through here so the same amount never reads two ways.

Rounding: seconds are rounded to the nearest whole second; from one minute on,
the remainder below a minute is dropped (59 min 59 s reads "59 min", never
"1 h 00 min"), so a shown figure is never more than what was used.
"""

from __future__ import annotations

import math

MINUTE = 60
HOUR = 3600


def _checked(seconds: float) -> int:
    if not math.isfinite(seconds):
        raise ValueError(f"duration must be a finite number of seconds, got {seconds!r}")
    if seconds < 0:
        raise ValueError(f"duration must not be negative, got {seconds!r}")
    return round(seconds)


def format_duration(seconds: float) -> str:
    """Format a duration for reading: "0 s", "45 s", "45 min", "1 h 05 min", "2 h".

    Args:
        seconds: a non-negative, finite number of seconds.

    Raises:
        ValueError: when ``seconds`` is negative, NaN or infinite.
    """
    total = _checked(seconds)
    if total < MINUTE:
        return f"{total} s"
    hours, rest = divmod(total, HOUR)
    minutes = rest // MINUTE
    if hours == 0:
        return f"{minutes} min"
    if minutes == 0:
        return f"{hours} h"
    return f"{hours} h {minutes:02d} min"


def format_axis_duration(seconds: float) -> str:
    """Format a chart tick compactly: "0", "15 min", "1 h", "1 h 30".

    Ticks are chosen on round values, so seconds never show here.
    """
    total = _checked(seconds)
    if total == 0:
        return "0"
    hours, rest = divmod(total, HOUR)
    minutes = rest // MINUTE
    if hours == 0:
        return f"{minutes} min"
    if minutes == 0:
        return f"{hours} h"
    return f"{hours} h {minutes:02d}"


def percent_change(current: float, previous: float) -> float | None:
    """Relative change from ``previous`` to ``current`` in percent, or None when undefined.

    There is no meaningful percentage when the previous value is zero (or
    not a finite positive number), so callers show nothing rather than "▲ inf%".
    """
    if not (math.isfinite(previous) and math.isfinite(current)) or previous <= 0:
        return None
    return (current - previous) / previous * 100.0
