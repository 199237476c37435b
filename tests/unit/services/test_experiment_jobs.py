"""The experiment's reminders: once at the check-in time, at most one reminder, no burst at wake."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.services.limit_fakes import MemoryLimitStore, RecordingNotifier
from wellbeing.core.clock import FakeClock
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.paths import Paths
from wellbeing.services.experiment import Checkin, ExperimentService, Setup
from wellbeing.services.experiment_jobs import (
    CHECKIN_ACTION,
    due_notices,
    schedule_experiment_jobs,
    sqlite_opener,
)
from wellbeing.services.scheduler import JobScheduler
from wellbeing.storage.db import Database
from wellbeing.storage.experiment_store import ExperimentStore, SqliteRunner

START = date(2026, 3, 2)


class Days:
    today = START


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def service(tmp_path: Path, days: Days) -> Iterator[ExperimentService]:
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux")
    conn = sqlite3.connect(paths.database, isolation_level=None)
    ms = iter(range(10**12, 2 * 10**12, 1000))
    svc = ExperimentService(ExperimentStore(SqliteRunner(conn), device), MemoryLimitStore(),
                            today=lambda: days.today, now_ms=lambda: next(ms))
    svc.start(Setup("classic", (LimitTarget("site", "instagram.com"),)))
    yield svc
    conn.close()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def test_one_notice_at_the_check_in_time_and_one_reminder(service: ExperimentService) -> None:
    assert due_notices(service, at(START, 20, 45)) == []
    first = due_notices(service, at(START, 21, 0))
    assert [n.title for n in first] == ["Evening check-in"]
    assert first[0].actions == ((CHECKIN_ACTION, "Check in"),)
    assert due_notices(service, at(START, 21, 15)) == []  # sent once
    again = due_notices(service, at(START, 22, 30))
    assert [n.title for n in again] == ["A gentle reminder: evening check-in"]
    assert due_notices(service, at(START, 23, 45)) == []  # never a third


def test_no_reminder_once_answered(service: ExperimentService) -> None:
    assert len(due_notices(service, at(START, 21, 0))) == 1
    service.checkin(Checkin(6, 2, 2, 2))
    assert due_notices(service, at(START, 22, 30)) == []


def test_a_computer_that_slept_through_gets_one_notice(service: ExperimentService) -> None:
    assert len(due_notices(service, at(START, 23, 40))) == 1
    assert due_notices(service, at(START, 23, 55)) == []


def test_the_weekly_questionnaires_are_mentioned_on_their_day(
    service: ExperimentService, days: Days
) -> None:
    days.today = START + timedelta(days=6)
    (notice,) = due_notices(service, at(days.today, 21, 0))
    assert "questionnaires are ready" in notice.body


def test_the_jobs_run_on_the_scheduler_and_open_the_file_themselves(
    tmp_path: Path, days: Days
) -> None:
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux")
    conn = sqlite3.connect(paths.database, isolation_level=None)
    ExperimentService(ExperimentStore(SqliteRunner(conn), device), MemoryLimitStore(),
                      today=lambda: days.today, now_ms=lambda: 1).start(
        Setup("classic", (LimitTarget("site", "instagram.com"),)))
    conn.close()
    clock = FakeClock(wall=at(START, 20, 59).timestamp())
    scheduler = JobScheduler(clock=clock)
    notifier = RecordingNotifier(now=lambda: clock.monotonic)
    now = [at(START, 20, 59)]
    schedule_experiment_jobs(
        scheduler, sqlite_opener(paths.database, lambda: device, lambda: days.today), notifier,
        now=lambda: now[0],
    )
    assert len([j for j in scheduler.job_ids() if j.startswith("experiment-")]) == 96
    scheduler.start()
    scheduler.run_due()
    assert notifier.sent == []
    clock.advance(61)
    now[0] = at(START, 21, 0)
    scheduler.run_due()
    assert [n.title for _, n in notifier.sent] == ["Evening check-in"]


def test_daytime_prompts_come_once_at_their_time_and_expire(tmp_path: Path, days: Days) -> None:
    from wellbeing.core import experiment as protocol
    from wellbeing.errors import ExperimentError

    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux")
    conn = sqlite3.connect(paths.database, isolation_level=None)
    svc = ExperimentService(ExperimentStore(SqliteRunner(conn), device), MemoryLimitStore(),
                            today=lambda: days.today, now_ms=lambda: 1)
    svc.start(Setup("classic", (LimitTarget("site", "instagram.com"),), prompts_per_day=2))
    plan = svc.plan()
    assert plan is not None
    first, second = protocol.prompt_minutes(plan, START)
    assert second - first >= 120
    assert second <= plan.checkin_minute - 120
    h, m = divmod(first, 60)
    (notice,) = due_notices(svc, at(START, h, m))
    assert notice.title == "A quick question"
    assert due_notices(svc, at(START, h, m)) == []  # once
    assert svc.answer_prompt(7, first + 10) == 0
    with pytest.raises(ExperimentError, match="No prompt is open"):
        svc.answer_prompt(7, first + 61)
    with pytest.raises(ExperimentError, match="0–10"):
        svc.answer_prompt(11, first)
    h2, m2 = divmod(second + 61, 60)  # asleep through the second prompt's hour
    assert due_notices(svc, at(START, h2, m2)) == []
    record = svc.store.current()
    assert record is not None
    assert svc.store.prompts(record.id) == [(START, 0, 7)]
    days.today = START + timedelta(days=1)
    report = svc.report().to_json()
    assert report["prompts"]["means"] == {"baseline": 7.0}
    conn.close()


def test_the_opener_reports_whether_an_experiment_runs(tmp_path: Path, days: Days) -> None:
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux")
    opener = sqlite_opener(paths.database, lambda: device, lambda: days.today)
    with opener() as nothing:
        assert nothing is None  # no experiment yet
    conn = sqlite3.connect(paths.database, isolation_level=None)
    store = ExperimentStore(SqliteRunner(conn), device)
    svc = ExperimentService(store, MemoryLimitStore(), today=lambda: days.today, now_ms=lambda: 1)
    assert not store.has_active()
    svc.start(Setup("classic", (LimitTarget("site", "instagram.com"),)))
    assert store.has_active()
    with opener() as running:
        assert running is not None
        assert running.plan() == svc.plan()
    svc.abandon()
    assert not store.has_active()
    with opener() as stopped:
        assert stopped is None  # an abandoned one needs no timed work
    conn.close()


# The quarter-hourly tick in a fresh interpreter, on a file without an experiment: what
# it loads stays in the tray app for good (issue 11: the experiment's service pulled in
# statistics, decimal, and hmac with OpenSSL's libcrypto, 5 MiB in all).
TICK_WITHOUT_EXPERIMENT = """
import sys
from datetime import date
from pathlib import Path
from wellbeing.services.experiment_jobs import schedule_experiment_jobs, sqlite_opener
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.scheduler import JobScheduler

sent = []
class Notifier:
    name = "recording"
    def notify(self, notice):
        sent.append(notice)
        return True
    def close(self):
        pass

scheduler = JobScheduler(clock=SystemClock())
opener = sqlite_opener(Path(sys.argv[1]), lambda: int(sys.argv[2]), date.today)
schedule_experiment_jobs(scheduler, opener, Notifier())
before = set(sys.modules)
scheduler._backend._jobs["experiment-0000"][0].run()
print(" ".join(sorted(set(sys.modules) - before)))
print(len(sent))
"""


def test_the_tick_without_an_experiment_loads_none_of_its_modules(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    with Database.open(None, paths) as db:
        device = db.device_id("host", "linux")
    done = subprocess.run(
        [sys.executable, "-c", TICK_WITHOUT_EXPERIMENT, str(paths.database), str(device)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded, sent = done.stdout.splitlines()
    assert sent == "0"
    assert "wellbeing.storage.experiment_store" in loaded.split()  # (it ran: it asked)
    heavy = ("wellbeing.services.experiment", "wellbeing.core.experiment_report", "statistics",
             "decimal", "hmac", "hashlib", "secrets")
    assert [m for m in loaded.split() if m in heavy] == []


def test_the_sqlalchemy_opener_reports_whether_an_experiment_runs(
    tmp_path: Path, days: Days
) -> None:
    from wellbeing.services.context import open_context
    from wellbeing.services.experiment_admin import experiment_opener, open_experiment_service

    ctx = open_context(str(tmp_path / "data"), None)
    try:
        opener = experiment_opener(ctx, lambda: days.today)
        with opener() as nothing:
            assert nothing is None
        open_experiment_service(ctx).start(Setup("classic", (LimitTarget("app", "firefox"),)))
        with opener() as running:
            assert running is not None
            assert running.plan() is not None
    finally:
        ctx.close()
