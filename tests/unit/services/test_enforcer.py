"""LimitEnforcer inside a real TrackerService, on a scripted platform and a FakeClock.

The loop runs in simulated time (the probe's waits advance the clock), so the
tests can say exactly when a notification or the "Time's up" screen came:
the enforcer's deadline makes the tracker wake as a limit is crossed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date

import pytest

from tests.unit.services.limit_fakes import (
    MemoryLimitStore,
    RecordingNotifier,
    RecordingScreen,
    RecordingWindows,
)
from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import FakeClock
from wellbeing.core.days import local_date_of
from wellbeing.core.limits import Limit, LimitTarget, UsageToday
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.services.enforcer import LimitEnforcer
from wellbeing.services.tracker import TrackerService, TrackerSettings

FIREFOX = WindowInfo("firefox", "Firefox", "Mozilla Firefox", pid=4242, handle=0x1200001)
XTERM = WindowInfo("xterm", "XTerm", "bash", pid=4343, handle=0x1400001)

Hook = Callable[[], None]


def daily(seconds: int) -> tuple[int | None, ...]:
    return (seconds,) * 7


def limit_on(key: str, seconds: int, **kw: object) -> Limit:
    return Limit(LimitTarget("app", key), daily(seconds), **kw)  # type: ignore[arg-type]


class Run:
    """A tracker with an enforcer on a script; ``at(t, hook)`` acts at script second ``t``."""

    def __init__(
        self,
        clock: FakeClock,
        steps: Sequence[object],
        store: MemoryLimitStore,
        *,
        screen: bool = False,
        poll: float = 1.0,
    ) -> None:
        self.clock = clock
        self.start = clock.monotonic
        self.hooks: list[tuple[float, Hook]] = []
        self.probe = FakeProbe.from_script(steps, clock, sleep=self._sleep)
        self.store = store
        self.notifier = RecordingNotifier(self.elapsed)
        self.screen = RecordingScreen(self.elapsed) if screen else None
        self.windows = RecordingWindows()
        self.enforcer = LimitEnforcer(
            store,
            self.notifier,
            clock,
            day_start_hour=4,
            presenter=self.screen,
            window_actions=self.windows,
            own_pid=1,
            boot_id="boot-a",
        )
        self.tracker = TrackerService(
            ScriptedPlatform(self.probe),
            _NullSink(),
            clock,
            TrackerSettings(poll_seconds=poll),
            classify=_classify,
            observer=self.enforcer,
        )

    def elapsed(self) -> float:
        return self.clock.monotonic - self.start

    def at(self, second: float, hook: Hook) -> None:
        self.hooks.append((second, hook))

    def run(self, seconds: float) -> None:
        self.tracker.run(duration=seconds)

    def _sleep(self, seconds: float) -> None:
        self.clock.advance(seconds)
        due = [h for h in self.hooks if h[0] <= self.elapsed()]
        self.hooks = [h for h in self.hooks if h[0] > self.elapsed()]
        for _, hook in due:
            hook()


class _NullSink:
    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        pass


def _classify(window: WindowInfo) -> Focus:
    category = {"firefox": "Browsing", "xterm": "Work"}.get(window.app_key)
    return Focus(window.app_key, window.app_name, category=category)


@pytest.fixture
def clock() -> FakeClock:
    # 2026-06-01 (a Monday) 10:00 UTC, offset 0: well inside one tracking day
    return FakeClock(wall=1_780_308_000.0)


def today(clock: FakeClock) -> date:
    return local_date_of(round(clock.wall * 1000), 0, 4)


def notice_times(run: Run, word: str) -> list[float]:
    return [t for t, notice in run.notifier.sent if word in notice.title]


# -- notify mode -----------------------------------------------------------------------------


def test_warning_then_reached_arrive_as_the_limit_is_crossed(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=300))
    run = Run(clock, [(0, FIREFOX)], store)
    run.run(700)
    warned = notice_times(run, "left for Firefox")
    reached = notice_times(run, "Time's up for Firefox")
    assert len(warned) == 1
    assert 300 <= warned[0] <= 301
    assert len(reached) == 1
    assert 600 <= reached[0] <= 601
    assert store.kinds().count("warned") == 1
    assert store.kinds().count("reached") == 1
    # one key per limit: the reached notice replaces the warning in place
    assert {notice.key for _, notice in run.notifier.sent} == {"limit:firefox"}


def test_the_tracker_sleeps_until_the_limit_not_a_poll_at_a_time(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store, poll=1.0)
    run.run(650)
    assert notice_times(run, "Time's up") == [pytest.approx(600, abs=0.01)]


def test_time_already_used_today_counts(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.usage[today(clock)] = UsageToday(by_app={"firefox": 550.0}, total=550.0)
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)
    run.run(100)
    assert notice_times(run, "Time's up") == [pytest.approx(50, abs=1)]


def test_use_of_another_app_does_not_count(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 120, warn_before_seconds=0))
    run = Run(clock, [(0, XTERM), (200, FIREFOX)], store)
    run.run(400)
    assert notice_times(run, "Time's up") == [pytest.approx(320, abs=1)]


def test_a_category_limit_counts_every_app_in_it(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(
        Limit(LimitTarget("category", "Work"), daily(100), warn_before_seconds=0)
    )
    run = Run(clock, [(0, XTERM), (60, FIREFOX), (120, XTERM)], store)
    run.run(300)
    assert notice_times(run, "Time's up") == [pytest.approx(160, abs=1)]


def test_still_over_reminders_come_every_15_minutes(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)
    run.run(60 + 2 * 900 + 30)
    assert notice_times(run, "Still on Firefox") == [
        pytest.approx(960, abs=1),
        pytest.approx(1860, abs=1),
    ]


def test_a_limit_set_while_tracking_takes_effect_within_5_seconds(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    run = Run(clock, [(0, FIREFOX)], store)
    run.at(300, lambda: store.save_limit(limit_on("firefox", 120, warn_before_seconds=0)))
    run.run(400)
    reached = notice_times(run, "Time's up")
    assert len(reached) == 1
    assert 300 <= reached[0] <= 305


# -- nag and block ------------------------------------------------------------------------------


def test_nag_shows_the_screen_over_the_app_and_snooze_gives_15_minutes(
    clock: FakeClock,
) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, mode="nag", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store, screen=True)
    screen = run.screen
    assert screen is not None

    def snooze() -> None:
        assert screen.choose is not None
        screen.choose("snooze")

    run.at(70, snooze)
    run.run(60 + 900 + 60)
    times = [t for t, _, _ in screen.shown]
    assert times[0] == pytest.approx(60, abs=1)
    assert screen.shown[0][2] == FIREFOX
    assert screen.shown[0][1].snoozes_left == 2
    assert store.kinds().count("snoozed") == 1
    assert screen.hidden >= 1
    # the snooze (taken at 70 s) ran out 15 minutes later: the screen came back, one left
    assert len(times) == 2
    assert times[1] == pytest.approx(970, abs=1)
    assert screen.shown[1][1].snoozes_left == 1


def test_close_asks_the_window_to_close(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, mode="nag", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX), (80, XTERM)], store, screen=True)
    screen = run.screen
    assert screen is not None
    run.at(75, lambda: screen.choose("close") if screen.choose else None)
    run.run(100)
    assert run.windows.closed == [FIREFOX]
    assert "closed" in store.kinds()


def test_the_screen_returns_each_time_the_app_comes_back_to_the_front(
    clock: FakeClock,
) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, mode="nag", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX), (80, XTERM), (100, FIREFOX), (130, XTERM)], store, screen=True)
    assert run.screen is not None
    run.run(160)
    assert [t for t, _, _ in run.screen.shown] == [
        pytest.approx(60, abs=1),
        pytest.approx(100, abs=1),
    ]


def test_block_minimises_the_window_after_showing_the_screen(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, mode="block", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store, screen=True)
    run.run(70)
    assert run.windows.minimised == [FIREFOX]
    assert "minimised" in store.kinds()


def test_without_a_screen_nag_limits_notify_and_say_so(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, mode="nag", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store, screen=False)
    with caplog.at_level(logging.WARNING, logger="wellbeing.limits"):
        run.run(70)
    assert notice_times(run, "Time's up for Firefox") == [pytest.approx(60, abs=1)]
    assert "only in the tray app" in caplog.text


def test_our_own_window_is_never_held_back(clock: FakeClock) -> None:
    own = WindowInfo("wellbeing", "Wellbeing", "Time's up", pid=1)
    store = MemoryLimitStore()
    store.save_limit(Limit(LimitTarget("total"), daily(60), mode="nag", warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX), (65, own)], store, screen=True)
    assert run.screen is not None
    run.run(200)
    assert len(run.screen.shown) == 1  # over firefox, not again over the screen itself


# -- clocks ---------------------------------------------------------------------------------------


def test_setting_the_clock_a_day_forward_keeps_todays_use(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)
    run.at(400, lambda: clock.step_wall(86_400))
    run.run(700)
    reached = notice_times(run, "Time's up")
    # the jump ended the running interval for a sample; use kept counting from 400 s used
    assert len(reached) == 1
    assert 600 <= reached[0] <= 605
    jumps = [e for e in store.recorded if e.kind == "clock_jump"]
    assert len(jumps) == 1
    assert jumps[0].detail.startswith("+86400")
    assert "boot=boot-a" in jumps[0].detail


def test_a_new_day_starts_from_zero(clock: FakeClock) -> None:
    clock.wall = 1_780_372_500.0  # 2026-06-02 03:55 UTC (offset 0): the day starts at 04:00
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    store.usage[today(clock)] = UsageToday(by_app={"firefox": 590.0}, total=590.0)
    run = Run(clock, [(0, FIREFOX)], store)
    run.run(1000)
    reached = notice_times(run, "Time's up")
    # 10 s left on the old day; then 600 s of use on the new one, which began 300 s in
    assert reached == [pytest.approx(10, abs=1), pytest.approx(300 + 600, abs=1)]


def test_a_failing_store_never_stops_tracking(clock: FakeClock) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 60, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)
    store.fail = OSError("disk gone")
    run.run(120)
    assert run.tracker.samples > 10
    # the limits could not be read at start: nothing enforced, nothing crashed
    assert run.notifier.sent == []


def test_trusted_time_keeps_a_lock_when_the_clock_was_set_past_it(clock: FakeClock) -> None:
    from wellbeing.core.limits import LimitEvent
    from wellbeing.services.enforcer import current_boot_id, trusted_moment

    boot = current_boot_id()
    if not boot:
        pytest.skip("this system has no boot id to tell boots apart")
    store = MemoryLimitStore()
    day = today(clock)
    # someone set the clock a week forward earlier in this boot; another boot's jump is not ours
    store.record_event(LimitEvent(None, "clock_jump", day, 0, f"+604800.000 boot={boot}"))
    store.record_event(LimitEvent(None, "clock_jump", day, 0, "+3600.000 boot=another"))
    later = clock.wall + 604_800
    trusted_day, trusted_ms = trusted_moment(store, later, 0, 4)
    assert trusted_day == day
    assert trusted_ms == round(clock.wall * 1000)


# -- several devices -------------------------------------------------------------------------


def test_a_limit_counts_the_other_devices_use_of_today(clock: FakeClock) -> None:
    """10 minutes of Firefox in all: 4 already on another computer leave 6 here."""
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    store.others[today(clock)] = UsageToday(by_app={"firefox": 240.0}, total=240.0)
    run = Run(clock, [(0, FIREFOX)], store)
    run.run(450)
    reached = notice_times(run, "Time's up for Firefox")
    assert len(reached) == 1
    assert 360 <= reached[0] <= 361


def test_use_on_another_device_while_this_one_runs_is_seen_within_a_minute(
    clock: FakeClock,
) -> None:
    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 600, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)

    def used_elsewhere() -> None:  # 8 minutes of Firefox on the laptop, written now
        store.others[today(clock)] = UsageToday(by_app={"firefox": 480.0}, total=480.0)

    run.at(130, used_elsewhere)
    run.run(400)
    reached = notice_times(run, "Time's up for Firefox")
    assert len(reached) == 1
    # 130 s here + 480 s there crosses 600 s at once: seen at the next minute's read.
    assert 130 <= reached[0] <= 130 + 60 + 1
    # The other devices' use is read once a minute (and at the start), not at every sample.
    assert 6 <= store.others_reads <= 400 / 60 + 2


def test_a_store_away_at_start_is_read_once_it_answers(clock: FakeClock) -> None:
    """A database not reached yet at start (a server away): limits apply once it answers."""
    from wellbeing.errors import StorageUnavailable

    store = MemoryLimitStore()
    store.save_limit(limit_on("firefox", 120, warn_before_seconds=0))
    run = Run(clock, [(0, FIREFOX)], store)
    store.fail = StorageUnavailable("not reached yet")
    run.enforcer.start()  # neither the limits nor this boot's clock changes can be read
    run.at(30, lambda: setattr(store, "fail", None))
    run.run(300)
    assert run.tracker.samples > 10
    assert len(notice_times(run, "Time's up for Firefox")) == 1
