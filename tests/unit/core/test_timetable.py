"""Weekly times: the next and last one, DST days, against a plain minute-by-minute oracle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing.core.timetable import WeeklyTime, last_time, next_time

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)  # type: ignore[misc]


def test_every_day_at_four() -> None:
    four = WeeklyTime(4)
    assert next_time(four, at(BERLIN, 2026, 6, 1, 3, 59), BERLIN) == at(BERLIN, 2026, 6, 1, 4)
    # Strictly after: at 04:00 sharp the next is tomorrow's.
    assert next_time(four, at(BERLIN, 2026, 6, 1, 4), BERLIN) == at(BERLIN, 2026, 6, 2, 4)
    assert next_time(four, at(BERLIN, 2026, 6, 1, 4), BERLIN).tzinfo == UTC


def test_monday_morning_only() -> None:
    monday = WeeklyTime(9, 0, frozenset({0}))
    # 2026-06-03 is a Wednesday.
    assert next_time(monday, at(BERLIN, 2026, 6, 3, 12), BERLIN) == at(BERLIN, 2026, 6, 8, 9)
    assert last_time(monday, at(BERLIN, 2026, 6, 3, 12), BERLIN) == at(BERLIN, 2026, 6, 1, 9)
    assert last_time(monday, at(BERLIN, 2026, 6, 1, 9), BERLIN) == at(BERLIN, 2026, 6, 1, 9)
    assert monday.cron_days == "mon"
    assert str(monday) == "mon 09:00"
    assert str(WeeklyTime(23, 30)) == "daily 23:30"


def test_dst_days_keep_local_time() -> None:
    four = WeeklyTime(4)
    # Spring forward in Berlin on 2026-03-29: 04:00 is CEST (+2), the day before CET (+1).
    before = next_time(four, at(BERLIN, 2026, 3, 28, 5), BERLIN)
    assert before == datetime(2026, 3, 29, 2, tzinfo=UTC)
    assert next_time(four, before, BERLIN) == datetime(2026, 3, 30, 2, tzinfo=UTC)
    # Fall back on 2026-10-25: a 25-hour day between two 04:00s.
    first = next_time(four, at(BERLIN, 2026, 10, 23, 5), BERLIN)  # Sat 04:00 CEST
    assert next_time(four, first, BERLIN) - first == timedelta(hours=25)


def test_a_time_in_the_spring_gap_comes_late_and_a_doubled_one_once() -> None:
    half_two = WeeklyTime(2, 30)
    gap = next_time(half_two, at(BERLIN, 2026, 3, 29, 0), BERLIN)
    assert gap == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    doubled = next_time(half_two, at(BERLIN, 2026, 10, 25, 0), BERLIN)
    assert doubled == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    assert next_time(half_two, doubled, BERLIN) == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)


def test_bad_times_are_refused() -> None:
    for bad in ((24, 0), (0, 60)):
        with pytest.raises(ValueError, match="not a time of day"):
            WeeklyTime(*bad)
    with pytest.raises(ValueError, match="weekdays"):
        WeeklyTime(4, 0, frozenset())
    with pytest.raises(ValueError, match="aware"):
        next_time(WeeklyTime(4), datetime(2026, 1, 1), BERLIN)  # noqa: DTZ001


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
    ),
    hour=st.sampled_from([0, 1, 2, 3, 4, 9, 23]),
    minute=st.sampled_from([0, 15, 30, 59]),
    days=st.frozensets(st.integers(0, 6), min_size=1),
    zone=st.sampled_from([BERLIN, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), UTC]),
)
def test_next_time_is_the_first_matching_local_time(
    moment: datetime, hour: int, minute: int, days: frozenset[int], zone: ZoneInfo
) -> None:
    """Against a plain oracle: every minute from ``moment`` on, the first that matches.

    (It replaced a comparison with APScheduler's CronTrigger, which found that
    CronTrigger skips a week after a DST change; since issue 11 no APScheduler
    runs the app's jobs: both drivers use ``next_time``, see services/scheduler.py.)
    Moments inside a DST transition hour are left out: a local time that does
    not exist or exists twice has no single answer.
    """
    when = WeeklyTime(hour, minute, days)
    ours = next_time(when, moment, zone)
    local = ours.astimezone(zone)
    if (local.utcoffset() != (local - timedelta(hours=3)).utcoffset()
            or local.utcoffset() != (local + timedelta(hours=3)).utcoffset()):
        return  # within three hours of a DST change: see the docstring
    assert ours > moment
    assert (local.weekday(), local.hour, local.minute) in {(d, hour, minute) for d in days}
    # no matching minute between moment and ours (step a minute at a time, in UTC)
    probe = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    while probe < ours:
        seen = probe.astimezone(zone)
        assert not (seen.weekday() in days and seen.hour == hour and seen.minute == minute)
        probe += timedelta(minutes=1)
