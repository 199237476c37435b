"""The tray app's timed jobs: a single-shot Qt timer drives the runner on the GUI thread.

Time is a FakeClock; the timer's longest sleep is made short so that each turn
reads the fake clock soon. What is checked is what ran, where, and how often.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from wellbeing.core.clock import FakeClock
from wellbeing.core.limits import Downtime
from wellbeing.core.timetable import WeeklyTime
from wellbeing.services.scheduler import DOWNTIME_START, WAKE_CHECK_SECONDS, JobScheduler
from wellbeing.ui.job_timer import JobTimer, in_thread

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_9 = WeeklyTime(9, 0, frozenset({0}))


def wall(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> float:
    return datetime(year, month, day, hour, minute, second, tzinfo=BERLIN).timestamp()


class Ran:
    """Which job ran, on which thread, in order."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def __call__(self, name: str) -> Callable[[], None]:
        def run() -> None:
            with self._lock:
                self.log.append((name, threading.current_thread().name))

        return run

    def names(self) -> list[str]:
        with self._lock:
            return [name for name, _ in self.log]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(wall=wall(2026, 6, 7, 23, 0))  # Sunday 23:00 in Berlin


def scheduled(clock: FakeClock, ran: Ran) -> JobScheduler:
    jobs = JobScheduler(clock=clock, zone=BERLIN, in_worker=in_thread)
    jobs.schedule_day_rollover(ran("rollover"), 4)
    jobs.schedule_backup(ran("backup"), 4)
    jobs.schedule_weekly_summary(ran("summary"), MONDAY_9)
    return jobs


def test_jobs_run_at_their_time_on_the_gui_thread_and_the_backup_in_its_own(
    qtbot: QtBot, clock: FakeClock
) -> None:
    ran = Ran()
    timer = JobTimer(scheduled(clock, ran), max_wait_s=0.02)
    timer.start()
    try:
        clock.wall = wall(2026, 6, 8, 3, 59)
        qtbot.wait(100)
        assert ran.log == []  # nothing is due before 04:00
        clock.wall = wall(2026, 6, 8, 4, 16)
        qtbot.waitUntil(lambda: ran.names() == ["rollover", "backup"])
        clock.wall = wall(2026, 6, 8, 9, 0, 30)
        qtbot.waitUntil(lambda: ran.names() == ["rollover", "backup", "summary"])
        qtbot.wait(100)
        assert ran.names() == ["rollover", "backup", "summary"]  # each once
    finally:
        timer.stop()
    threads = dict(ran.log)
    assert threads["rollover"] == threads["summary"] == threading.main_thread().name
    assert threads["backup"] != threading.main_thread().name


def test_after_a_suspend_the_missed_jobs_run_once_at_the_next_turn(
    qtbot: QtBot, clock: FakeClock
) -> None:
    ran = Ran()
    timer = JobTimer(scheduled(clock, ran), max_wait_s=0.02)
    timer.start()
    try:
        # Asleep from Sunday 23:00 to Tuesday 10:00: two day starts and Monday 09:00 missed.
        clock.wall = wall(2026, 6, 9, 10, 0)
        qtbot.waitUntil(lambda: len(ran.log) == 3)
        qtbot.wait(100)
    finally:
        timer.stop()
    assert sorted(ran.names()) == ["backup", "rollover", "summary"]  # coalesced: once each


def test_the_timer_sleeps_until_the_next_job_but_never_longer_than_the_wake_check(
    clock: FakeClock,
) -> None:
    ran = Ran()
    timer = JobTimer(scheduled(clock, ran))
    timer.start()
    try:
        # 5 h to the rollover: the timer looks at the wall clock again within a minute
        assert timer.timer.isActive()
        assert timer.timer.isSingleShot()
        assert timer.timer.interval() == WAKE_CHECK_SECONDS * 1000
        clock.wall = wall(2026, 6, 8, 3, 59, 50)
        timer.run_due()
        assert timer.timer.interval() == 10_000  # 10 s to 04:00
        timer.stop()
        assert not timer.timer.isActive()
        timer.run_due()  # a late timeout after stop runs nothing
        assert not timer.timer.isActive()
    finally:
        timer.stop()
    assert ran.log == []


def test_a_change_from_another_thread_runs_on_the_gui_thread_and_rearms(
    qtbot: QtBot, clock: FakeClock
) -> None:
    ran = Ran()
    jobs = scheduled(clock, ran)
    jobs.schedule_downtime(None, ran("downtime starts"), ran("downtime ends"))
    timer = JobTimer(jobs, max_wait_s=3600)
    timer.start()
    changed_on: list[str] = []

    def move_downtime() -> None:
        changed_on.append(threading.current_thread().name)
        jobs.reschedule_downtime(Downtime(23 * 60 + 10, 7 * 60))  # 10 minutes from now

    try:
        assert timer.timer.interval() == 3600 * 1000  # the rollover is 5 h away
        thread = threading.Thread(target=lambda: timer.call(move_downtime))
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(changed_on))
        assert changed_on == [threading.main_thread().name]
        assert jobs.next_run(DOWNTIME_START) is not None
        assert timer.timer.interval() == 600 * 1000  # re-armed for the downtime's start
    finally:
        timer.stop()
