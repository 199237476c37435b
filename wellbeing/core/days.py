"""Local days: which day a moment belongs to, where a day starts and ends, and splitting spans.

A tracking "day" runs from ``day_start_hour`` local time (default 04:00) to the
same hour of the next local day, so a late night counts towards the evening
it started in and the DST switch (which happens in the small hours) never
falls on a day boundary.

Times are integer UTC milliseconds. The local UTC offset (minutes east of UTC)
is passed in, never looked up: it is a fact recorded with each interval at the
moment it happened. Within one offset a day is exactly 24 hours long; callers
split spans wherever the offset changes, so a day on which DST changes is made
of pieces with different offsets and is 23 or 25 hours long in total.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

MS_PER_MINUTE = 60_000
MS_PER_HOUR = 3_600_000
MS_PER_DAY = 86_400_000
DEFAULT_DAY_START_HOUR = 4

_EPOCH = date(1970, 1, 1)


def validate_day_start_hour(value: object) -> int:
    """Return ``value`` as a day start hour (0..23), or raise ValueError saying why not.

    Accepts an int, or text such as ``"4"``, ``"04"`` or ``"04:00"`` (only whole
    hours). Booleans are refused even though Python counts them as ints.
    """
    hour: int
    if isinstance(value, bool):
        raise ValueError(f"day start hour must be a whole hour 0..23, not {value!r}")
    if isinstance(value, int):
        hour = value
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(":00"):
            text = text[:-3]
        if not text.isdigit() or len(text) > 2:
            raise ValueError(
                f"day start hour must be a whole hour 0..23 such as 4 or 04:00, not {value!r}"
            )
        hour = int(text)
    else:
        raise ValueError(f"day start hour must be a whole hour 0..23, not {value!r}")
    if not 0 <= hour <= 23:
        raise ValueError(f"day start hour must be between 0 and 23, not {hour}")
    return hour


def local_date_of(
    utc_ms: int, utc_offset_min: int, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> date:
    """The local day that the moment ``utc_ms`` belongs to.

    A day's start is inclusive: with the default 04:00 start, 04:00:00.000 local
    is the new day and 03:59:59.999 still the previous one.
    """
    shifted = utc_ms + utc_offset_min * MS_PER_MINUTE - day_start_hour * MS_PER_HOUR
    return _EPOCH + timedelta(days=shifted // MS_PER_DAY)


def day_bounds_ms(
    local_date: date, utc_offset_min: int, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> tuple[int, int]:
    """UTC ms of the start (inclusive) and end (exclusive) of ``local_date`` under one offset."""
    start = (
        (local_date - _EPOCH).days * MS_PER_DAY
        + day_start_hour * MS_PER_HOUR
        - utc_offset_min * MS_PER_MINUTE
    )
    return start, start + MS_PER_DAY


def next_day_start_ms(
    utc_ms: int, utc_offset_min: int, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> int:
    """UTC ms of the first day boundary strictly after ``utc_ms``."""
    shift = utc_offset_min * MS_PER_MINUTE - day_start_hour * MS_PER_HOUR
    return ((utc_ms + shift) // MS_PER_DAY + 1) * MS_PER_DAY - shift


def next_local_day_start_ms(
    utc_ms: int,
    utc_offset_min: int,
    day_start_hour: int,
    offset_at: Callable[[int], int],
) -> int:
    """UTC ms when the next day starts by the local clock of that moment ("until tomorrow").

    ``utc_offset_min`` (the offset now) says which day ``utc_ms`` is in; the next
    day's start hour is placed with the offset ``offset_at`` gives for that moment,
    so a DST change in the night moves it by the change, as :func:`local_date_of`
    with each moment's own offset would. When the start hour does not exist that
    night (skipped by the change), the day starts at the first moment after it.
    """
    tomorrow = local_date_of(utc_ms, utc_offset_min, day_start_hour) + timedelta(days=1)
    offset = utc_offset_min
    tried: list[int] = []
    for _ in range(3):
        start = day_bounds_ms(tomorrow, offset, day_start_hour)[0]
        then = offset_at(start)
        if then == offset:
            return start
        tried.append(start)
        offset = then
    return max(tried)


def split_at_days(
    start_ms: int,
    end_ms: int,
    utc_offset_min: int,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> list[tuple[int, int, date]]:
    """Split ``[start_ms, end_ms)`` at every local day boundary.

    Returns ``(start, end, local_date)`` pieces in order, each non-empty and
    inside one day; an empty or reversed span gives no pieces. The offset is
    taken as constant across the span.
    """
    pieces: list[tuple[int, int, date]] = []
    cursor = start_ms
    while cursor < end_ms:
        boundary = next_day_start_ms(cursor, utc_offset_min, day_start_hour)
        piece_end = min(boundary, end_ms)
        pieces.append((cursor, piece_end, local_date_of(cursor, utc_offset_min, day_start_hour)))
        cursor = piece_end
    return pieces
