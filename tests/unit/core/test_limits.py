"""core.limits.evaluate over whole simulated days: warnings, reach, reminders, screens, snoozes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.unit.core.limit_sim import Sim, scripted
from wellbeing.core.limits import (
    DEFAULT_SNOOZE_S,
    InFront,
    Limit,
    LimitClock,
    LimitEvent,
    LimitTarget,
    UsageToday,
    evaluate,
    limit_clock_at,
)

GAME = LimitTarget("app", "supertuxkart")
EDITOR = "org.gnome.TextEditor"
FRIDAY = date(2026, 6, 5)


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


def game_limit(**changes: object) -> Limit:
    limit = Limit(GAME, (600,) * 7)
    return replace(limit, **changes)  # type: ignore[arg-type]


def clock(moment: datetime, day_start_hour: int = 4) -> LimitClock:
    return limit_clock_at(round(moment.timestamp() * 1000), 0, day_start_hour)


def test_notify_limit_differs_per_weekday_over_three_days() -> None:
    limit = Limit(GAME, (600,) * 5 + (1800, None), mode="notify")
    sim = Sim([limit], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(20 * 60)
    assert sim.times("notify_warning") == [at(FRIDAY, 9, 5)]
    assert sim.times("notify_reached") == [at(FRIDAY, 9, 10)]
    assert sim.times("notify_still_over") == []
    sim.use(5 * 60)  # a reminder 15 minutes after the reach
    assert sim.times("notify_still_over") == [at(FRIDAY, 9, 25)]
    assert sim.last is not None
    assert sim.last.states[0].status == "reached"

    saturday = FRIDAY + timedelta(days=1)
    sim.wait_until(at(saturday, 9))
    sim.focus(GAME.key)
    sim.use(40 * 60)
    assert sim.kinds(saturday) == ["notify_warning", "notify_reached"]
    assert sim.times("notify_reached")[-1] == at(saturday, 9, 30)
    assert sim.last.states[0].allowed_seconds == 1800

    sunday = saturday + timedelta(days=1)
    sim.wait_until(at(sunday, 9))
    sim.focus(GAME.key)
    sim.use(3 * 3600)
    assert sim.kinds(sunday) == []
    assert sim.last.states[0].status == "off_today"
    assert sim.last.states[0].allowed_seconds is None
    assert sim.last.next_check_seconds is None
    assert sim.exact_hits >= 5  # the simulation stepped onto each deadline


def test_reminders_come_only_while_the_target_is_in_front() -> None:
    sim = Sim([game_limit()], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(11 * 60)  # reached at 09:10
    sim.focus(EDITOR)
    sim.use(60 * 60)  # no reminders about a game nobody plays
    assert sim.times("notify_still_over") == []
    assert sim.last is not None
    assert sim.last.next_check_seconds is None
    sim.focus(GAME.key)  # back at 10:11: over for long, so one reminder at once
    assert sim.times("notify_still_over") == [at(FRIDAY, 10, 11)]
    sim.use(30 * 60)
    assert sim.times("notify_still_over")[1:] == [at(FRIDAY, 10, 26), at(FRIDAY, 10, 41)]
    assert sim.kinds().count("notify_reached") == 1
    assert sim.kinds().count("notify_warning") == 1


def test_nag_screen_returns_each_time_the_app_is_brought_to_the_front() -> None:
    sim = Sim([game_limit(mode="nag")], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(15 * 60)
    assert sim.kinds() == ["notify_warning", "notify_reached", "show_times_up"]
    assert sim.times("show_times_up") == [at(FRIDAY, 9, 10)]
    sim.use(30 * 60)  # dismissed and played on: no second screen in the same focus
    assert sim.kinds().count("show_times_up") == 1
    for _ in range(3):
        sim.focus(EDITOR)
        sim.use(60)
        sim.focus(GAME.key)
    assert sim.kinds().count("show_times_up") == 4
    assert sim.kinds().count("notify_reached") == 1
    assert all(a.state.status == "reached" for a in sim.done if a.kind == "show_times_up")


def test_snooze_budget_gives_two_times_fifteen_minutes_then_none() -> None:
    sim = Sim(
        [game_limit(mode="nag")],
        start=at(FRIDAY, 9),
        chooser=scripted("snooze", "snooze", "snooze", "snooze"),
    )
    sim.focus(GAME.key)
    sim.use(60 * 60)
    screens = [a for a in sim.done if a.kind == "show_times_up"]
    assert sim.times("show_times_up") == [at(FRIDAY, 9, 10), at(FRIDAY, 9, 25), at(FRIDAY, 9, 40)]
    assert [s.state.snoozes_left for s in screens] == [2, 1, 0]
    assert [s.state.allowed_seconds for s in screens] == [600, 1500, 2400]
    assert sim.last is not None
    assert sim.last.states[0].snoozes_left == 0
    snoozes = [e for e in sim.events if e.kind == "snoozed"]
    assert len(snoozes) == 2  # the third "snooze" was not on offer any more
    sim.focus(EDITOR)
    sim.focus(GAME.key)
    assert sim.kinds().count("show_times_up") == 4


def test_a_snoozed_limit_says_snoozed_until_the_extra_time_is_used() -> None:
    sim = Sim([game_limit(mode="nag")], start=at(FRIDAY, 9), chooser=scripted("snooze"))
    sim.focus(GAME.key)
    sim.use(10 * 60 + 30)
    assert sim.last is not None
    state = sim.last.states[0]
    assert (state.status, state.allowed_seconds, state.remaining_seconds) == (
        "snoozed", 600 + DEFAULT_SNOOZE_S, DEFAULT_SNOOZE_S - 30
    )
    assert sim.last.next_check_seconds == DEFAULT_SNOOZE_S - 30


def test_block_mode_has_one_snooze_no_ignore_and_minimises_every_time() -> None:
    sim = Sim(
        [game_limit(mode="block")],
        start=at(FRIDAY, 9),
        chooser=scripted("ignore", "snooze", "snooze"),
    )
    sim.focus(GAME.key)
    sim.use(11 * 60)  # the screen; "ignore" is not on offer in block mode
    sim.record(GAME, "ignored")  # even if it were recorded, it does not hold
    sim.focus(EDITOR)
    sim.focus(GAME.key)  # second screen: snooze (the one of the budget)
    sim.use(20 * 60)  # third screen after 15 minutes: no snooze left
    kinds = [e.kind for e in sim.events if e.target == GAME]
    assert kinds.count("show_times_up") == 0
    assert kinds.count("shown") == 3
    assert kinds.count("snoozed") == 1
    assert kinds.count("minimised") == 2  # every screen not answered with a snooze
    assert sim.last is not None
    assert sim.last.states[0].status == "reached"


def test_ignore_holds_for_the_rest_of_the_day_for_an_unlocked_nag_limit() -> None:
    sim = Sim([game_limit(mode="nag")], start=at(FRIDAY, 20), chooser=scripted("ignore"))
    sim.focus(GAME.key)
    sim.use(3 * 3600)  # until 23:00; the day ends at 04:00
    assert sim.kinds() == ["notify_warning", "notify_reached", "show_times_up"]
    assert sim.last is not None
    assert sim.last.states[0].status == "ignored"
    assert sim.last.next_check_seconds is None
    sim.focus(EDITOR)
    sim.focus(GAME.key)
    assert len(sim.kinds()) == 3
    saturday = FRIDAY + timedelta(days=1)
    sim.wait_until(at(saturday, 10))
    sim.focus(GAME.key)
    sim.use(10 * 60)
    assert sim.kinds(saturday) == ["notify_warning", "notify_reached", "show_times_up"]


def test_a_locked_limit_cannot_be_ignored_until_its_lock_ends() -> None:
    saturday = FRIDAY + timedelta(days=1)
    sim = Sim([game_limit(mode="nag", locked_until=FRIDAY)], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(11 * 60)
    sim.record(GAME, "ignored")
    sim.focus(EDITOR)
    sim.focus(GAME.key)
    assert sim.kinds().count("show_times_up") == 2
    assert sim.last is not None
    assert sim.last.states[0].status == "reached"
    sim.wait_until(at(saturday, 9))  # the lock held through Friday
    sim.focus(GAME.key)
    sim.use(11 * 60)
    sim.record(GAME, "ignored")
    sim.focus(EDITOR)
    sim.focus(GAME.key)
    assert sim.kinds(saturday).count("show_times_up") == 1
    assert sim.last.states[0].status == "ignored"


def test_setting_the_clock_a_day_forward_starts_no_new_day_and_ends_no_lock() -> None:
    sim = Sim([game_limit(mode="nag", locked_until=FRIDAY)], start=at(FRIDAY, 20))
    sim.focus(GAME.key)
    sim.use(12 * 60)
    sim.set_clock(86_400)
    raw = limit_clock_at(sim.wall_ms(), 0, 4)
    assert raw.local_date == FRIDAY + timedelta(days=1)  # what untrusted time would say
    now = sim.now()
    assert now.local_date == FRIDAY
    assert game_limit(locked_until=FRIDAY).is_locked(now.local_date)
    assert sim.last is not None
    assert sim.last.states[0].used_seconds == 12 * 60  # today's use was not reset
    sim.record(GAME, "ignored")  # locked: does not hold
    sim.focus(EDITOR)
    sim.focus(GAME.key)
    sim.use(60)
    assert sim.kinds() == ["notify_warning", "notify_reached", "show_times_up", "show_times_up"]


def test_setting_the_clock_back_repeats_nothing_and_keeps_the_reminders_on_time() -> None:
    sim = Sim([game_limit()], start=at(FRIDAY, 20))
    sim.focus(GAME.key)
    sim.use(11 * 60)  # warned 20:05, reached 20:10
    sim.set_clock(-86_400)
    sim.set_clock(-3600)
    assert sim.now().local_date == FRIDAY
    sim.focus(GAME.key)
    sim.use(20 * 60)
    assert sim.kinds() == ["notify_warning", "notify_reached", "notify_still_over"]
    reminder = [a for a in sim.done if a.kind == "notify_still_over"][0]
    assert reminder.event.at_ms == round(at(FRIDAY, 20, 25).timestamp() * 1000)  # trusted


def test_a_limit_reached_before_the_first_evaluation_is_told_once_without_a_warning() -> None:
    now = clock(at(FRIDAY, 12))
    usage = UsageToday(by_app={GAME.key: 700.0})
    first = evaluate([game_limit()], usage, InFront(GAME.key), [], now)
    assert [a.kind for a in first.actions] == ["notify_reached"]
    second = evaluate(
        [game_limit()], usage, InFront(GAME.key), [a.event for a in first.actions], now
    )
    assert second.actions == ()
    assert second.next_check_seconds == 900


@pytest.mark.parametrize(
    ("lead", "warned_at"), [(0, None), (600, 300), (900, 300), (60, 540)]
)
def test_the_warning_comes_its_lead_before_or_halfway(lead: int, warned_at: int | None) -> None:
    sim = Sim([game_limit(warn_before_seconds=lead)], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    if warned_at is not None:
        sim.use(warned_at - 1)
        assert "notify_warning" not in sim.kinds()
    sim.use(700 - (warned_at - 1 if warned_at is not None else 0))
    assert ("notify_warning" in sim.kinds()) is (warned_at is not None)
    assert sim.kinds().count("notify_reached") == 1


def test_changing_a_limit_starts_its_warning_and_reach_over() -> None:
    sim = Sim([game_limit()], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(11 * 60)
    sim.limits = [replace(game_limit(), seconds_by_weekday=(1200,) * 7)]
    sim.record(GAME, "changed")
    assert sim.last is not None
    assert sim.last.states[0].status == "under"
    sim.use(10 * 60)
    assert sim.times("notify_warning") == [at(FRIDAY, 9, 5), at(FRIDAY, 9, 15)]
    assert sim.times("notify_reached") == [at(FRIDAY, 9, 10), at(FRIDAY, 9, 20)]


def test_app_site_category_and_total_limits_count_what_is_in_front() -> None:
    video = LimitTarget("site", "youtube.com")
    category = LimitTarget("category", "Video")
    total = LimitTarget("total")
    limits = [
        Limit(video, (1200,) * 7, mode="nag"),
        Limit(category, (600,) * 7, mode="nag"),
        Limit(total, (3600,) * 7),
        Limit(GAME, (600,) * 7),
    ]
    sim = Sim(limits, start=at(FRIDAY, 9))
    sim.focus("firefox", "youtube.com", "Video")
    sim.use(25 * 60)
    targets = [(a.kind, a.event.target) for a in sim.done]
    assert targets == [
        ("notify_warning", category),
        ("notify_reached", category),
        ("show_times_up", category),
        ("notify_warning", video),
        ("notify_reached", video),
        ("show_times_up", video),
    ]
    assert sim.last is not None
    used = [s.used_seconds for s in sim.last.states]
    assert used == [1500, 1500, 1500, 0]
    sim.focus("firefox", None, "Reference")
    sim.use(30 * 60)  # only the total goes on
    assert [(a.kind, a.event.target) for a in sim.done][6:] == [("notify_warning", total)]


def test_several_screens_at_once_come_in_the_order_of_the_limits() -> None:
    category = LimitTarget("category", "Games")
    limits = [Limit(GAME, (600,) * 7, mode="nag"), Limit(category, (600,) * 7, mode="block")]
    sim = Sim(limits, start=at(FRIDAY, 9))
    sim.focus(GAME.key, None, "Games")
    sim.use(600)
    screens = [a.event.target for a in sim.done if a.kind == "show_times_up"]
    assert screens == [GAME, category]


def test_snooze_detail_gives_its_minutes_and_the_budget_never_goes_below_zero() -> None:
    now = clock(at(FRIDAY, 12))
    events = [
        LimitEvent(GAME, "reached", FRIDAY, now.wall_ms - 5000),
        LimitEvent(GAME, "snoozed", FRIDAY, now.wall_ms - 4000, "5"),
        LimitEvent(GAME, "snoozed", FRIDAY, now.wall_ms - 3000, ""),
        LimitEvent(GAME, "snoozed", FRIDAY, now.wall_ms - 2000, "nonsense"),
        LimitEvent(GAME, "snoozed", FRIDAY - timedelta(days=1), now.wall_ms - 1000, "60"),
    ]
    result = evaluate(
        [game_limit(mode="nag")], UsageToday(by_app={GAME.key: 1000.0}), None, events, now
    )
    state = result.states[0]
    assert state.allowed_seconds == 600 + 300 + 900 + 900
    assert state.snoozes_left == 0
    assert state.status == "snoozed"


def test_next_check_counts_only_limits_that_what_is_in_front_moves() -> None:
    now = clock(at(FRIDAY, 12))
    usage = UsageToday(by_app={GAME.key: 100.0}, total=100.0)
    limits = [game_limit(), Limit(LimitTarget("total"), (7200,) * 7)]
    assert evaluate(limits, usage, InFront(GAME.key), [], now).next_check_seconds == 200
    total_warning = 7200 - 300 - 100
    assert evaluate(limits, usage, InFront(EDITOR), [], now).next_check_seconds == total_warning
    assert evaluate(limits, usage, None, [], now).next_check_seconds is None


def test_events_of_other_days_and_other_targets_do_not_count() -> None:
    now = clock(at(FRIDAY, 12))
    other = LimitTarget("app", "other")
    events = [
        LimitEvent(GAME, "warned", FRIDAY - timedelta(days=1), now.wall_ms - 86_400_000),
        LimitEvent(other, "warned", FRIDAY, now.wall_ms - 1000),
        LimitEvent(None, "clock_jump", FRIDAY, now.wall_ms - 1000, "60"),
    ]
    usage = UsageToday(by_app={GAME.key: 400.0})
    result = evaluate([game_limit()], usage, InFront(GAME.key), events, now)
    assert [a.kind for a in result.actions] == ["notify_warning"]
    assert result.actions[0].event == LimitEvent(GAME, "warned", FRIDAY, now.wall_ms)
    assert result.states[0].status == "warning"


def test_when_a_notify_snooze_runs_out_a_reminder_comes_at_once() -> None:
    sim = Sim([game_limit(snooze_budget=1)], start=at(FRIDAY, 9))
    sim.focus(GAME.key)
    sim.use(11 * 60)  # reached at 09:10
    sim.record(GAME, "snoozed", "5")  # the notification's button, at 09:11
    assert sim.last is not None
    assert sim.last.states[0].status == "snoozed"
    sim.use(20 * 60)  # 5 minutes from the snooze, not from the limit
    assert sim.times("notify_still_over") == [at(FRIDAY, 9, 16), at(FRIDAY, 9, 31)]


def test_a_snooze_long_after_the_limit_still_gives_its_fifteen_minutes() -> None:
    sim = Sim(
        [game_limit(mode="nag")], start=at(FRIDAY, 9), chooser=scripted("dismiss", "snooze")
    )
    sim.focus(GAME.key)
    sim.use(40 * 60)  # the screen at 09:10 dismissed, played on for half an hour
    sim.focus(EDITOR)
    sim.focus(GAME.key)  # 09:40: the screen again, "15 more minutes"
    assert sim.last is not None
    state = sim.last.states[0]
    assert (state.status, state.remaining_seconds) == ("snoozed", 900)
    sim.use(30 * 60)
    assert sim.times("show_times_up") == [at(FRIDAY, 9, 10), at(FRIDAY, 9, 40), at(FRIDAY, 9, 55)]


def test_the_vocabulary_stays_importable_from_core_limits() -> None:
    from wellbeing.core import limit_events, limit_targets, limits
    from wellbeing.core.downtime import Downtime

    names = [
        "LimitTarget", "LimitError", "LimitLocked", "TargetKind", "WEEKDAY_NAMES", "MODES",
        "parse_duration", "parse_days", "format_days", "parse_target_text", "resolve_target",
        "Downtime", "LimitEvent", "EventKind", "DEFAULT_SNOOZE_S", "trusted_wall_ms",
        "Limit", "PendingChange", "UsageToday", "InFront", "LimitClock", "LimitState",
        "Action", "Evaluation", "evaluate", "limit_clock_at", "COOLING_OFF_S",
    ]
    assert [name for name in names if not hasattr(limits, name)] == []
    assert limits.LimitTarget is limit_targets.LimitTarget
    assert limits.LimitEvent is limit_events.LimitEvent
    assert limits.Downtime is Downtime
    assert issubclass(limits.LimitLocked, limit_targets.LimitError)
