from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing.core.days import (
    MS_PER_DAY,
    MS_PER_HOUR,
    day_bounds_ms,
    local_date_of,
    next_day_start_ms,
    next_local_day_start_ms,
    split_at_days,
    validate_day_start_hour,
)


def utc_ms(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp() * 1000)


def test_day_starts_at_the_start_hour_inclusive() -> None:
    boundary = utc_ms(2026, 5, 29, 4, 0, 0)
    assert local_date_of(boundary, 0, 4) == date(2026, 5, 29)
    assert local_date_of(boundary - 1, 0, 4) == date(2026, 5, 28)


def test_late_night_belongs_to_the_evening_before() -> None:
    assert local_date_of(utc_ms(2026, 5, 29, 1, 30), 0, 4) == date(2026, 5, 28)
    assert local_date_of(utc_ms(2026, 5, 29, 1, 30), 0, 0) == date(2026, 5, 29)


@pytest.mark.parametrize(
    ("offset", "hour", "utc", "expected"),
    [
        (60, 4, (2026, 5, 29, 3, 0), date(2026, 5, 29)),  # 04:00 local +01:00
        (60, 4, (2026, 5, 29, 2, 59), date(2026, 5, 28)),
        (-300, 4, (2026, 5, 29, 8, 59), date(2026, 5, 28)),  # 03:59 local -05:00
        (-300, 4, (2026, 5, 29, 9, 0), date(2026, 5, 29)),
        (345, 0, (2026, 5, 28, 18, 15), date(2026, 5, 29)),  # Nepal midnight
        (840, 23, (2026, 5, 29, 9, 0), date(2026, 5, 29)),  # Kiribati 23:00
        (-720, 4, (2026, 5, 29, 15, 59), date(2026, 5, 28)),
    ],
)
def test_local_date_under_offsets(
    offset: int, hour: int, utc: tuple[int, ...], expected: date
) -> None:
    assert local_date_of(utc_ms(*utc), offset, hour) == expected


def test_day_bounds_are_24_hours_under_one_offset() -> None:
    start, end = day_bounds_ms(date(2026, 5, 29), 120, 4)
    assert start == utc_ms(2026, 5, 29, 2, 0)
    assert end - start == MS_PER_DAY


def test_next_day_start_is_strictly_after() -> None:
    boundary = utc_ms(2026, 5, 29, 4, 0)
    assert next_day_start_ms(boundary - 1, 0, 4) == boundary
    assert next_day_start_ms(boundary, 0, 4) == boundary + MS_PER_DAY


def test_split_within_one_day_is_one_piece() -> None:
    a, b = utc_ms(2026, 5, 29, 10, 0), utc_ms(2026, 5, 29, 11, 0)
    assert split_at_days(a, b, 0, 4) == [(a, b, date(2026, 5, 29))]


def test_split_across_two_boundaries() -> None:
    a, b = utc_ms(2026, 5, 28, 23, 0), utc_ms(2026, 5, 30, 5, 0)
    assert split_at_days(a, b, 0, 4) == [
        (a, utc_ms(2026, 5, 29, 4, 0), date(2026, 5, 28)),
        (utc_ms(2026, 5, 29, 4, 0), utc_ms(2026, 5, 30, 4, 0), date(2026, 5, 29)),
        (utc_ms(2026, 5, 30, 4, 0), b, date(2026, 5, 30)),
    ]


def test_split_starting_or_ending_on_a_boundary() -> None:
    boundary = utc_ms(2026, 5, 29, 4, 0)
    assert split_at_days(boundary, boundary + 5, 0, 4) == [
        (boundary, boundary + 5, date(2026, 5, 29))
    ]
    assert split_at_days(boundary - 5, boundary, 0, 4) == [
        (boundary - 5, boundary, date(2026, 5, 28))
    ]


def test_split_of_empty_or_reversed_span_is_empty() -> None:
    assert split_at_days(10, 10, 0, 4) == []
    assert split_at_days(10, 5, 0, 4) == []


def test_dst_day_made_of_two_offsets_is_23_hours() -> None:
    # Europe/Berlin, spring 2026: 2026-03-29 02:00 CET (+60) becomes 03:00 CEST (+120).
    switch = utc_ms(2026, 3, 29, 1, 0)
    day = date(2026, 3, 28)
    start, _ = day_bounds_ms(day, 60, 4)
    _, end = day_bounds_ms(day, 120, 4)
    assert end - start == 23 * MS_PER_HOUR
    assert local_date_of(switch - 1, 60, 4) == day
    assert local_date_of(switch, 120, 4) == day


@pytest.mark.parametrize(("value", "expected"), [(0, 0), (23, 23), ("4", 4), ("04", 4),
                                                  (" 04:00 ", 4), ("0:00", 0)])
def test_validate_day_start_hour_accepts(value: object, expected: int) -> None:
    assert validate_day_start_hour(value) == expected


@pytest.mark.parametrize("value", [24, -1, True, 4.0, "4:30", "x", "", "-1", "123", None])
def test_validate_day_start_hour_refuses(value: object) -> None:
    with pytest.raises(ValueError, match="day start hour"):
        validate_day_start_hour(value)


@settings(max_examples=300, deadline=None)
@given(
    start=st.integers(0, 4_000_000_000_000),
    length=st.integers(0, 5 * MS_PER_DAY),
    offset=st.integers(-720, 840),
    hour=st.integers(0, 23),
)
def test_split_covers_the_span_exactly_one_day_per_piece(
    start: int, length: int, offset: int, hour: int
) -> None:
    pieces = split_at_days(start, start + length, offset, hour)
    assert sum(b - a for a, b, _ in pieces) == length
    cursor = start
    for a, b, day in pieces:
        assert a == cursor < b
        cursor = b
        day_start, day_end = day_bounds_ms(day, offset, hour)
        assert day_start <= a
        assert b <= day_end
        assert local_date_of(a, offset, hour) == day
        assert local_date_of(b - 1, offset, hour) == day


# -- "until tomorrow" across a DST night (Europe/Berlin, 2026) ------------------------------

SPRING = utc_ms(2026, 3, 29, 1)  # 02:00 CET becomes 03:00 CEST
AUTUMN = utc_ms(2026, 10, 25, 1)  # 03:00 CEST becomes 02:00 CET


def berlin(ms: int) -> int:
    """Europe/Berlin's offset in 2026 (enough for these nights), in minutes."""
    return 120 if SPRING <= ms < AUTUMN else 60


@pytest.mark.parametrize(
    ("now", "expected", "local_hour_then"),
    [
        # 22:00 CET on 28 March -> 04:00 CEST, one hour earlier in UTC than 04:00 CET.
        (utc_ms(2026, 3, 28, 21), utc_ms(2026, 3, 29, 2), 4),
        # 22:00 CEST on 24 October -> 04:00 CET, one hour later in UTC.
        (utc_ms(2026, 10, 24, 20), utc_ms(2026, 10, 25, 3), 4),
        # 01:30 CET, before the day starts and before the change.
        (utc_ms(2026, 3, 29, 0, 30), utc_ms(2026, 3, 29, 2), 4),
        # An ordinary night: the same as with one offset.
        (utc_ms(2026, 6, 10, 20), utc_ms(2026, 6, 11, 2), 4),
    ],
)
def test_the_next_local_day_start_across_a_dst_night(
    now: int, expected: int, local_hour_then: int
) -> None:
    end = next_local_day_start_ms(now, berlin(now), 4, berlin)
    assert end == expected
    assert (end // MS_PER_HOUR + berlin(end) // 60) % 24 == local_hour_then
    # The same boundary the rest of the app sees: each moment's day with its own offset.
    assert local_date_of(end, berlin(end), 4) != local_date_of(end - 1, berlin(end - 1), 4)
    assert local_date_of(end - 1, berlin(end - 1), 4) == local_date_of(now, berlin(now), 4)


def test_a_start_hour_skipped_by_dst_starts_the_day_at_the_first_moment_after() -> None:
    # Day start 02:00: on 29 March 02:00 local never happens; 03:00 CEST (01:00 UTC) is next.
    now = utc_ms(2026, 3, 28, 21)
    assert next_local_day_start_ms(now, 60, 2, berlin) == SPRING


def test_without_an_offset_change_it_is_next_day_start_ms() -> None:
    for now in (utc_ms(2026, 1, 5, 3), utc_ms(2026, 7, 1, 23, 59)):
        assert next_local_day_start_ms(now, 60, 4, lambda _ms: 60) == next_day_start_ms(now, 60, 4)
