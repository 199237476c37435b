"""The tray app's scheduler: a real QtScheduler runs a job at its time on the GUI thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from wellbeing.core.timetable import WeeklyTime
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.scheduler import BACKUP, JobScheduler, JobSpec


def test_a_job_at_a_near_time_fires_on_the_gui_thread(qtbot: QtBot) -> None:
    from apscheduler.schedulers.qt import QtScheduler

    ran_on: list[str] = []
    worker_ran_on: list[str] = []
    jobs = JobScheduler(QtScheduler, clock=SystemClock(), zone=UTC)
    soon = datetime.now(UTC) + timedelta(seconds=2)
    when = WeeklyTime(soon.hour, soon.minute, frozenset({soon.weekday()}), soon.second)
    jobs.add(JobSpec("soon", when, lambda: ran_on.append(threading.current_thread().name)))
    jobs.add(
        JobSpec(
            BACKUP,
            when,
            lambda: worker_ran_on.append(threading.current_thread().name),
            where="worker",
        )
    )
    jobs.start()
    try:
        qtbot.waitUntil(lambda: len(ran_on) == 1 and len(worker_ran_on) == 1, timeout=15_000)
        assert jobs.next_run("soon") == soon.replace(microsecond=0) + timedelta(days=7)
    finally:
        jobs.shutdown()
    assert ran_on == [threading.main_thread().name]
    assert worker_ran_on != [threading.main_thread().name]
