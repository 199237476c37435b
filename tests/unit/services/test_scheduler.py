"""The timed jobs on a fake clock: the runner that the tracker loop and the tray's timer drive."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.core.limits import Downtime
from wellbeing.core.timetable import WeeklyTime
from wellbeing.paths import Paths
from wellbeing.services.scheduler import (
    BACKUP,
    DAY_ROLLOVER,
    DOWNTIME_END,
    DOWNTIME_START,
    WEEKLY_SUMMARY,
    JobScheduler,
    downtime_times,
)
from wellbeing.storage.backup import list_backups

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = WeeklyTime(9, 0, frozenset({0}))


def wall(*args: int) -> float:
    """Epoch seconds of a Berlin local time."""
    return datetime(*args, tzinfo=BERLIN).timestamp()  # type: ignore[misc]


class Calls:
    """Records which job ran, in order."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def __call__(self, name: str) -> object:
        return lambda: self.log.append(name)


@pytest.fixture
def calls() -> Calls:
    return Calls()


def runner_at(clock: FakeClock, when: float) -> JobScheduler:
    clock.wall = when
    return JobScheduler(clock=clock, zone=BERLIN)


def test_the_rollover_runs_at_the_day_start_and_the_loop_knows_how_long_to_wait(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 22, 0))  # a Monday evening
    jobs.schedule_day_rollover(calls("rollover"), 4)
    jobs.start()
    assert jobs.seconds_until_next_job() == 6 * 3600
    clock.advance(6 * 3600 - 1)
    assert jobs.run_due() == 0
    assert jobs.seconds_until_next_job() == 1
    clock.advance(1)
    assert jobs.run_due() == 1
    assert calls.log == ["rollover"]
    assert jobs.run_due() == 0  # once
    assert jobs.next_run(DAY_ROLLOVER) == datetime(2026, 6, 3, 2, tzinfo=UTC)  # 04:00 CEST


def test_a_laptop_that_slept_through_two_day_starts_rolls_over_once_on_waking(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 22, 0))
    jobs.schedule_day_rollover(calls("rollover"), 4)
    jobs.schedule_backup(calls("backup"), 4)
    clock.suspend(36 * 3600)  # asleep until Wednesday 10:00
    assert jobs.seconds_until_next_job() == 0
    assert jobs.run_due() == 2
    assert calls.log == ["rollover", "backup"]  # in the order they were due; each once
    assert jobs.next_run(DAY_ROLLOVER) == datetime(2026, 6, 4, 2, tzinfo=UTC)


def test_a_weekly_summary_missed_by_more_than_two_days_is_skipped(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 5, 31, 20, 0))  # a Sunday
    jobs.schedule_weekly_summary(calls("summary"), MONDAY)
    clock.suspend(36 * 3600)  # wakes Tuesday 08:00: a day late, still worth saying
    assert jobs.run_due() == 1
    clock.suspend(9 * 86_400)  # wakes Thursday of the week after: stale
    assert jobs.run_due() == 0
    assert calls.log == ["summary"]
    assert jobs.next_run(WEEKLY_SUMMARY) == datetime(2026, 6, 15, 7, tzinfo=UTC)
    jobs.schedule_weekly_summary(calls("summary"), None)
    assert WEEKLY_SUMMARY not in jobs.job_ids()


def test_downtime_start_and_end_across_midnight(clock: FakeClock, calls: Calls) -> None:
    weeknights = Downtime(23 * 60, 7 * 60, weekdays=frozenset(range(5)))  # Mon-Fri nights
    jobs = runner_at(clock, wall(2026, 6, 5, 22, 0))  # Friday
    jobs.schedule_downtime(weeknights, calls("start"), calls("end"))
    for _ in range(72 * 60):  # Friday 22:00 to Monday 22:00, a loop turn a minute
        clock.advance(60)
        jobs.run_due()
    # Friday 23:00 start, Saturday 07:00 end; no downtime starts on Saturday or Sunday.
    assert calls.log == ["start", "end"]
    assert jobs.next_run(DOWNTIME_START) == datetime(2026, 6, 8, 21, tzinfo=UTC)
    assert jobs.next_run(DOWNTIME_END) == datetime(2026, 6, 9, 5, tzinfo=UTC)


def test_waking_inside_a_downtime_starts_it_and_after_it_only_ends_it(
    clock: FakeClock, calls: Calls
) -> None:
    nightly = Downtime(23 * 60, 7 * 60)
    jobs = runner_at(clock, wall(2026, 6, 1, 22, 0))
    jobs.schedule_downtime(nightly, calls("start"), calls("end"))
    clock.suspend(4 * 3600)  # 02:00, inside
    jobs.run_due()
    assert calls.log == ["start"]
    clock.suspend(30 * 3600)  # Wednesday 08:00: that night's downtime came and went
    jobs.run_due()
    assert calls.log == ["start", "end"]


def test_a_changed_downtime_moves_its_jobs_and_none_removes_them(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 12, 0))
    jobs.schedule_downtime(Downtime(23 * 60, 7 * 60), calls("start"), calls("end"))
    jobs.reschedule_downtime(Downtime(21 * 60 + 30, 6 * 60))
    assert jobs.next_run(DOWNTIME_START) == datetime(2026, 6, 1, 19, 30, tzinfo=UTC)
    assert jobs.next_run(DOWNTIME_END) == datetime(2026, 6, 2, 4, tzinfo=UTC)
    jobs.reschedule_downtime(Downtime(21 * 60, 6 * 60, enabled=False))
    assert DOWNTIME_START not in jobs.job_ids()
    assert DOWNTIME_END not in jobs.job_ids()
    jobs.reschedule_downtime(Downtime(13 * 60, 14 * 60))
    clock.advance(2 * 3600)
    jobs.run_due()
    assert calls.log == ["start", "end"]  # the callbacks given first are kept
    jobs.reschedule_downtime(None)
    assert jobs.job_ids() == []


def test_downtime_times() -> None:
    assert downtime_times(None) is None
    assert downtime_times(Downtime(600, 600)) is None
    start, end, length = downtime_times(Downtime(23 * 60, 7 * 60, frozenset({4, 6}))) or ()
    assert (start.hour, start.weekdays) == (23, frozenset({4, 6}))
    assert (end.hour, end.weekdays) == (7, frozenset({5, 0}))
    assert length == 8 * 3600
    _, same_day_end, length = downtime_times(Downtime(13 * 60, 14 * 60 + 30, frozenset({2})))\
        or ()
    assert (same_day_end.hour, same_day_end.minute, same_day_end.weekdays) == (14, 30, {2})
    assert length == 90 * 60


def test_a_failing_job_is_logged_and_the_others_still_run(
    clock: FakeClock, calls: Calls, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    jobs = runner_at(clock, wall(2026, 6, 1, 3, 0))
    jobs.schedule_day_rollover(broken, 4)
    jobs.schedule_backup(calls("backup"), 4)
    clock.advance(3600)
    jobs.run_due()
    clock.advance(15 * 60)
    jobs.run_due()
    assert calls.log == ["backup"]
    assert "job day-rollover failed" in caplog.text
    clock.advance(86_400)
    assert jobs.run_due() == 2  # the failed job kept its schedule


def test_the_clock_set_back_moves_the_deadlines(clock: FakeClock, calls: Calls) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 3, 0))
    jobs.schedule_day_rollover(calls("rollover"), 4)
    clock.advance(3600)
    jobs.run_due()
    clock.step_wall(-3 * 86_400)  # someone set the date back three days
    jobs.run_due()
    assert calls.log == ["rollover"]
    assert jobs.seconds_until_next_job() == 24 * 3600
    clock.advance(24 * 3600)
    jobs.run_due()
    assert calls.log == ["rollover", "rollover"]  # not three days later


def test_a_stopped_runner_runs_nothing(clock: FakeClock, calls: Calls) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 3, 0))
    jobs.schedule_day_rollover(calls("rollover"), 4)
    jobs.shutdown()
    clock.advance(7200)
    assert jobs.run_due() == 0
    assert jobs.seconds_until_next_job() is None


def test_the_daily_backup_job_writes_the_days_backup(clock: FakeClock, tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.data_dir.mkdir()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    jobs = runner_at(clock, wall(2026, 6, 1, 23, 0))
    jobs.schedule_daily_backup(paths, None, 4)
    clock.advance(5 * 3600 + 15 * 60)
    assert jobs.run_due() == 1
    assert [p.name for p in list_backups(paths.data_dir / "backups")] == [
        "wellbeing-2026-06-02.sqlite3"
    ]
    assert BACKUP in jobs.job_ids()


def test_the_runner_imports_no_apscheduler() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from wellbeing.core.clock import FakeClock\n"
        "from wellbeing.services.scheduler import JobScheduler\n"
        "j = JobScheduler(clock=FakeClock())\n"
        "j.schedule_day_rollover(lambda: None, 4)\n"
        "j.schedule_daily_backup(__import__('wellbeing.paths').paths.Paths('/nonexistent'), "
        "None, 4)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('apscheduler', 'sqlalchemy', 'PySide6', 'asyncio')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# -- worker jobs -------------------------------------------------------------------------


def test_worker_jobs_go_to_in_worker_and_a_failing_job_keeps_its_schedule(
    clock: FakeClock, calls: Calls
) -> None:
    handed: list[object] = []
    clock.wall = wall(2026, 6, 1, 3, 0)
    jobs = JobScheduler(clock=clock, zone=BERLIN, in_worker=handed.append)
    jobs.schedule_backup(calls("backup"), 4)

    def broken() -> None:
        raise RuntimeError("job bug")

    jobs.schedule_day_rollover(broken, 4)
    clock.advance(3600 + 16 * 60)  # 04:16: the rollover and the backup are due
    assert jobs.run_due() == 2  # the broken rollover was logged, not raised
    assert calls.log == []  # the backup was handed over, not run here
    assert len(handed) == 1
    handed[0]()  # type: ignore[operator]
    assert calls.log == ["backup"]
    assert jobs.next_run(DAY_ROLLOVER) == datetime(2026, 6, 2, 2, 0, tzinfo=UTC)
    assert jobs.next_run(BACKUP) == datetime(2026, 6, 2, 2, 15, tzinfo=UTC)


def test_without_in_worker_a_worker_job_runs_in_the_driving_thread(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 3, 0))
    jobs.schedule_backup(calls("backup"), 4)
    clock.advance(3600 + 16 * 60)
    assert jobs.run_due() == 1
    assert calls.log == ["backup"]


def test_a_stopped_scheduler_runs_nothing_and_asks_for_no_wake(
    clock: FakeClock, calls: Calls
) -> None:
    jobs = runner_at(clock, wall(2026, 6, 1, 3, 0))
    jobs.schedule_day_rollover(calls("rollover"), 4)
    jobs.shutdown()
    clock.advance(2 * 3600)
    assert jobs.run_due() == 0
    assert jobs.seconds_until_next_job() is None
    assert calls.log == []
