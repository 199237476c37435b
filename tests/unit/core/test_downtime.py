"""Downtime: when it is on, when it next changes, what it allows, and simulated nights."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.unit.core.limit_sim import Sim, scripted
from wellbeing.core.downtime import Downtime
from wellbeing.core.limits import InFront, LimitTarget, UsageToday, evaluate, limit_clock_at

BERLIN = ZoneInfo("Europe/Berlin")
NIGHTS = Downtime(23 * 60, 7 * 60)
WEEK_NIGHTS = Downtime(23 * 60, 7 * 60, weekdays=frozenset(range(5)))  # Mon..Fri evenings
MON, TUE, FRI, SAT, SUN = 0, 1, 4, 5, 6
INSTAGRAM = LimitTarget("site", "instagram.com")
FRIDAY = date(2026, 6, 5)


def hm(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


@pytest.mark.parametrize(
    ("downtime", "weekday", "minute", "active"),
    [
        (NIGHTS, MON, hm(22, 59), False),
        (NIGHTS, MON, hm(23), True),
        (NIGHTS, TUE, hm(0), True),
        (NIGHTS, TUE, hm(3, 59), True),
        (NIGHTS, TUE, hm(4), True),  # the day start is no boundary of downtime
        (NIGHTS, TUE, hm(6, 59), True),
        (NIGHTS, TUE, hm(7), False),
        (WEEK_NIGHTS, FRI, hm(23, 30), True),
        (WEEK_NIGHTS, SAT, hm(6, 0), True),  # Friday's runs into Saturday
        (WEEK_NIGHTS, SAT, hm(23, 30), False),
        (WEEK_NIGHTS, SUN, hm(2, 0), False),
        (WEEK_NIGHTS, MON, hm(2, 0), False),  # Sunday evening has none
        (WEEK_NIGHTS, MON, hm(23, 0), True),
        (Downtime(hm(13), hm(14)), SUN, hm(13, 30), True),
        (Downtime(hm(13), hm(14)), SUN, hm(14), False),
        (Downtime(hm(13), hm(13)), SUN, hm(13), False),  # start = end: no downtime
        (Downtime(hm(23), hm(7), enabled=False), MON, hm(23, 30), False),
        (Downtime(hm(23), hm(7), weekdays=frozenset()), MON, hm(23, 30), False),
    ],
)
def test_when_downtime_is_on(downtime: Downtime, weekday: int, minute: int, active: bool) -> None:
    assert downtime.is_active(weekday, minute) is active


@pytest.mark.parametrize(
    ("downtime", "weekday", "minute", "second", "wait"),
    [
        (NIGHTS, MON, hm(22), 30.0, 3570.0),
        (NIGHTS, MON, hm(23), 0.0, 8 * 3600.0),
        (NIGHTS, TUE, hm(6, 59), 59.5, 0.5),
        (NIGHTS, TUE, hm(7), 0.0, 16 * 3600.0),
        (WEEK_NIGHTS, SAT, hm(7), 0.0, (24 + 24 + 16) * 3600.0),  # Monday 23:00
        (WEEK_NIGHTS, SUN, hm(22), 0.0, 25 * 3600.0),
        (Downtime(hm(13), hm(13)), SUN, hm(12), 0.0, None),
        (Downtime(hm(23), hm(7), enabled=False), MON, hm(12), 0.0, None),
    ],
)
def test_seconds_to_the_next_start_or_end(
    downtime: Downtime, weekday: int, minute: int, second: float, wait: float | None
) -> None:
    assert downtime.seconds_to_change(weekday, minute, second) == wait


def test_seconds_to_change_agrees_with_is_active_minute_by_minute_over_a_week() -> None:
    week = [(day, minute) for day in range(7) for minute in range(1440)]
    for downtime in (NIGHTS, WEEK_NIGHTS, Downtime(hm(1), hm(5), frozenset({SUN}))):
        active = [downtime.is_active(day, minute) for day, minute in week] * 2
        next_flip = [0] * len(active)  # minutes from each minute to the next change
        upcoming = None
        for index in range(len(active) - 2, -1, -1):
            if active[index + 1] != active[index]:
                upcoming = index + 1
            next_flip[index] = upcoming - index if upcoming is not None else 0
        for index, (day, minute) in enumerate(week):
            assert downtime.seconds_to_change(day, minute, 0.0) == next_flip[index] * 60
            assert downtime.seconds_to_change(day, minute, 20.5) == next_flip[index] * 60 - 20.5


def test_always_allowed_by_app_site_or_category() -> None:
    downtime = Downtime(
        hm(23), hm(7),
        always_allowed=frozenset({"org.kde.kcalc", "site:wikipedia.org", "category:Reference",
                                  "app:org.gnome.Maps", "en.wiktionary.org"}),
    )
    assert downtime.allows("org.kde.kcalc", None, None)
    assert downtime.allows("org.gnome.Maps", None, None)
    assert downtime.allows("firefox", "wikipedia.org", None)
    assert downtime.allows("firefox", "en.wiktionary.org", None)
    assert downtime.allows("firefox", "docs.python.org", "Reference")
    assert not downtime.allows("firefox", "instagram.com", "Social")
    assert not downtime.allows("firefox", None, None)
    assert not Downtime(hm(23), hm(7)).allows("org.kde.kcalc", None, None)


def test_downtime_start_is_a_deadline_even_with_nothing_in_front() -> None:
    now = limit_clock_at(int(datetime(2026, 6, 5, 22, 0, 0, tzinfo=BERLIN).timestamp() * 1000),
                         120, 4)
    result = evaluate([], UsageToday(), None, [], now, downtime=NIGHTS)
    assert result.next_check_seconds == 3600
    assert result.states == ()
    assert evaluate([], UsageToday(), None, [], now).next_check_seconds is None


def test_a_night_of_downtime_across_midnight_and_the_day_start() -> None:
    downtime = Downtime(hm(23), hm(7), always_allowed=frozenset({"org.kde.kcalc"}))
    sim = Sim(
        [],
        start=datetime(2026, 6, 5, 22, 50, tzinfo=BERLIN),
        downtime=downtime,
        chooser=scripted("snooze", "snooze", "snooze"),
    )
    sim.focus("firefox", "instagram.com", "Social")
    sim.use(45 * 60)  # screens at 23:00, 23:15 (snoozed twice), 23:30 (budget spent)
    local = [t.astimezone(BERLIN).strftime("%H:%M") for t in sim.times("show_times_up")]
    assert local == ["23:00", "23:15", "23:30"]
    screen = sim.done[0]
    assert screen.state.status == "downtime"
    assert screen.state.limit.target == INSTAGRAM
    assert screen.state.limit.mode == "nag"
    assert screen.event.detail == "downtime"
    assert [a.state.snoozes_left for a in sim.done] == [2, 1, 0]
    assert sim.last is not None
    assert sim.last.states[0].status == "downtime"

    sim.focus("org.kde.kcalc")  # always allowed: no screen, no state
    sim.use(10 * 60)
    assert sim.last.states == ()
    sim.focus("firefox", "instagram.com", "Social")  # brought back: the screen again
    assert len(sim.done) == 4

    sim.wait_until(datetime(2026, 6, 6, 3, 30, tzinfo=BERLIN))
    sim.focus("firefox", "instagram.com", "Social")
    sim.use(60 * 60)  # 04:00 starts Saturday's tracking day: once more, new budget
    saturday = date(2026, 6, 6)
    assert sim.kinds(FRIDAY).count("show_times_up") == 5
    assert sim.kinds(saturday) == ["show_times_up"]
    assert sim.done[-1].state.snoozes_left == 2

    sim.wait_until(datetime(2026, 6, 6, 6, 59, tzinfo=BERLIN))
    sim.focus("firefox", "instagram.com", "Social")
    assert sim.kinds(saturday) == ["show_times_up"] * 2
    sim.use(120)
    sim.focus("org.gnome.TextEditor")
    sim.focus("firefox", "instagram.com", "Social")  # 07:01: downtime is over
    assert sim.kinds(saturday) == ["show_times_up"] * 2
    assert sim.last.states == ()
    assert sim.exact_hits >= 3


def test_a_downtime_snooze_runs_on_the_wall_clock_and_ignore_ends_it_for_the_day() -> None:
    sim = Sim(
        [],
        start=datetime(2026, 6, 5, 22, 0, tzinfo=BERLIN),
        downtime=NIGHTS,
        chooser=scripted("snooze", "ignore"),
    )
    sim.focus("firefox", "instagram.com", "Social")
    sim.use(3 * 3600)  # 2 hours on Instagram before downtime do not eat the snooze
    assert [t.astimezone(BERLIN).strftime("%H:%M") for t in sim.times("show_times_up")] == [
        "23:00", "23:15"
    ]
    assert sim.last is not None
    assert sim.last.states[0].status == "ignored"
    sim.focus("supertuxkart")  # another app: held back on its own
    assert sim.done[-1].event.target == LimitTarget("app", "supertuxkart")


def test_downtime_and_a_limit_on_the_same_target_show_one_screen() -> None:
    from wellbeing.core.limits import Limit

    limit = Limit(INSTAGRAM, (600,) * 7, mode="nag")
    now = limit_clock_at(int(datetime(2026, 6, 5, 23, 30, tzinfo=BERLIN).timestamp() * 1000),
                         120, 4)
    usage = UsageToday(by_site={"instagram.com": 900.0})
    result = evaluate(
        [limit], usage, InFront("firefox", "instagram.com"), [], now, downtime=NIGHTS
    )
    assert [(a.kind, a.event.target) for a in result.actions] == [
        ("notify_reached", INSTAGRAM), ("show_times_up", INSTAGRAM)
    ]
    assert [s.status for s in result.states] == ["reached", "downtime"]


def test_downtime_over_the_night_the_clocks_go_forward() -> None:
    sim = Sim([], start=datetime(2026, 3, 28, 22, 30, tzinfo=BERLIN), downtime=NIGHTS)
    sim.focus("firefox", "instagram.com")
    sim.use(30 * 60)
    assert sim.kinds() == ["show_times_up"]
    sim.wait_until(datetime(2026, 3, 29, 6, 59, tzinfo=BERLIN))  # CEST now
    assert sim.clock.utc_offset_min == 120
    sim.focus("firefox", "instagram.com")
    assert sim.kinds() == ["show_times_up"] * 2
    sim.use(60)
    sim.focus(None)
    sim.focus("firefox", "instagram.com")
    assert sim.kinds() == ["show_times_up"] * 2
    assert sim.local() == datetime(2026, 3, 29, 7, 0, tzinfo=BERLIN)
    assert sim.now().local_date == date(2026, 3, 29)
    assert sim.now().local_date - timedelta(days=1) == date(2026, 3, 28)


def test_the_in_front_thing_is_held_back_by_site_when_it_has_one_else_by_app() -> None:
    now = limit_clock_at(int(datetime(2026, 6, 5, 23, 30, tzinfo=BERLIN).timestamp() * 1000),
                         120, 4)
    by_app = evaluate([], UsageToday(), InFront("supertuxkart"), [], now, downtime=NIGHTS)
    assert by_app.states[0].limit.target == LimitTarget("app", "supertuxkart")
    by_site = evaluate(
        [], UsageToday(), InFront("firefox", "instagram.com"), [], now, downtime=NIGHTS
    )
    assert by_site.states[0].limit.target == INSTAGRAM
