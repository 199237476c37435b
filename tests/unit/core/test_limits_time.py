"""Trusted wall time (clock jumps taken out) and the moment of an evaluation, DST days included."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.unit.core.limit_sim import Sim
from wellbeing.core.limits import (
    Limit,
    LimitEvent,
    LimitTarget,
    limit_clock_at,
    trusted_wall_ms,
)

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 6, 5)


def jump(seconds: str) -> LimitEvent:
    return LimitEvent(None, "clock_jump", DAY, 0, seconds)


def test_trusted_time_takes_every_recorded_jump_back_out() -> None:
    wall = 1_780_000_000_000
    assert trusted_wall_ms(wall, []) == wall
    assert trusted_wall_ms(wall, [jump("86400")]) == wall - 86_400_000
    assert trusted_wall_ms(wall, [jump("86400"), jump("-3600.5")]) == wall - 82_799_500
    assert trusted_wall_ms(wall, [jump("-60")]) == wall + 60_000


def test_trusted_time_skips_other_events_and_details_that_are_no_number() -> None:
    wall = 1_780_000_000_000
    other = LimitEvent(LimitTarget("total"), "snoozed", DAY, 0, "15")
    assert trusted_wall_ms(wall, [other, jump(""), jump("soon"), jump("nan"), jump("inf")]) == wall


def test_limit_clock_at_a_plain_moment() -> None:
    moment = datetime(2026, 6, 5, 23, 30, 15, tzinfo=BERLIN)  # Friday, +02:00
    now = limit_clock_at(int(moment.timestamp() * 1000), 120, 4)
    assert (now.local_date, now.local_minute, now.weekday) == (DAY, 23 * 60 + 30, 4)
    assert now.wall_ms == int(moment.timestamp() * 1000)
    after_midnight = limit_clock_at(now.wall_ms + 3600_000, 120, 4)
    assert (after_midnight.local_date, after_midnight.local_minute, after_midnight.weekday) == (
        DAY, 30, 5
    )  # Saturday 00:30 on the clock, still Friday's tracking day


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
         "Pacific/Kiritimati", "America/St_Johns", "UTC"]
SWITCHES = [date(2026, 3, 8), date(2026, 3, 29), date(2026, 4, 5), date(2026, 10, 4),
            date(2026, 10, 25), date(2026, 11, 1)]


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("day_start_hour", [0, 4, 23])
def test_limit_clock_at_agrees_with_the_zone_database_around_dst_switches(
    zone_name: str, day_start_hour: int
) -> None:
    zone = ZoneInfo(zone_name)
    for switch in SWITCHES:
        start = datetime(switch.year, switch.month, switch.day, tzinfo=UTC) - timedelta(days=1)
        for step in range(0, 3 * 24 * 60, 7):
            moment = start + timedelta(minutes=step, seconds=13)
            local = moment.astimezone(zone)
            offset = local.utcoffset()
            assert offset is not None
            now = limit_clock_at(
                int(moment.timestamp() * 1000), int(offset.total_seconds() // 60), day_start_hour
            )
            assert now.local_minute == local.hour * 60 + local.minute
            assert now.weekday == local.weekday()
            assert now.local_date == (local - timedelta(hours=day_start_hour)).date()


@pytest.mark.parametrize(("day", "hours"), [(date(2026, 3, 28), 23), (date(2026, 10, 24), 25),
                                            (date(2026, 6, 5), 24)])
def test_the_tracking_days_around_dst_are_23_and_25_hours_long(day: date, hours: int) -> None:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=6)
    minutes = 0
    for step in range(0, 3 * 24 * 60):
        moment = start + timedelta(minutes=step)
        offset = moment.astimezone(BERLIN).utcoffset()
        assert offset is not None
        now = limit_clock_at(int(moment.timestamp() * 1000), int(offset.total_seconds() // 60), 4)
        minutes += now.local_date == day
    assert minutes == hours * 60


def test_a_limit_counts_real_minutes_across_the_spring_forward_hour() -> None:
    game = LimitTarget("app", "supertuxkart")
    saturday = date(2026, 3, 28)
    sim = Sim([Limit(game, (3600,) * 7)], start=datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN))
    sim.focus(game.key)
    sim.use(70 * 60)
    reached = sim.times("notify_reached")
    assert reached == [datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)]  # one real hour later
    assert reached[0].timestamp() - datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN).timestamp() == 3600
    assert [a.event.local_date for a in sim.done] == [saturday, saturday]


def test_a_limit_counts_real_minutes_across_the_fall_back_hour() -> None:
    game = LimitTarget("app", "supertuxkart")
    start = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)  # the first 02:30 (CEST)
    sim = Sim([Limit(game, (3600,) * 7)], start=start)
    sim.focus(game.key)
    sim.use(70 * 60)
    reached = sim.done[-1]
    assert reached.kind == "notify_reached"
    assert reached.event.at_ms == round(start.timestamp() * 1000) + 3600_000
    local = datetime.fromtimestamp(reached.event.at_ms / 1000, BERLIN)
    assert (local.hour, local.minute, local.fold) == (2, 30, 1)  # the second 02:30
    assert reached.event.local_date == date(2026, 10, 24)
