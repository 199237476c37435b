"""The tray app's timed jobs through its own wiring (``TrayApp``): a Qt timer, the same jobs.

The tray app keeps limits with the enforcer in the tracker's thread and runs the
timed jobs on the GUI thread, driven by one Qt timer (``ui.job_timer``) over
the runner ``wellbeing track`` uses. On a FakeClock in the system's time zone
(the app's jobs follow it) and a real database: the day rollover wakes the
tracker's loop (the enforcer starts the new day at its next sample), the backup
writes the day's file in a thread of its own, the weekly summary reaches the
notifier chain; after a suspend each runs once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from wellbeing.app import OpenedData, TrayApp
from wellbeing.core.clock import FakeClock
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.platform.system_clock import local_zone
from wellbeing.services.context import Context, open_context
from wellbeing.services.notifier import FakeNotifier
from wellbeing.services.scheduler import BACKUP, DAY_ROLLOVER, WEEKLY_SUMMARY
from wellbeing.services.tracker import TrackerService
from wellbeing.services.weekly_summary import WEEKLY_SUMMARY_KEY
from wellbeing.storage.backup import list_backups
from wellbeing.storage.writer import UsageWriter

XTERM = WindowInfo("xterm", "XTerm", "bash")


def local(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> float:
    """Epoch seconds of a local time in the system's zone (the one the app's jobs use)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=local_zone()).timestamp()


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Context]:
    context = open_context(str(data_dir), None, holds_lock=True)
    yield context
    context.close()


@pytest.fixture
def app(qapp: object, ctx: Context) -> Iterator[tuple[TrayApp, FakeClock]]:
    clock = FakeClock(wall=local(2026, 6, 7, 23, 0))  # a Sunday evening
    platform = ScriptedPlatform(FakeProbe.from_script([(0, XTERM)], clock))
    tracker = TrackerService(platform, UsageWriter(ctx.db, ctx.device_id), clock)
    tray_app = TrayApp(qapp, OpenedData.of_context(ctx), tracker, fake=True)  # type: ignore[arg-type]
    tray_app.limits = tray_app._start_limits(tracker)  # what start() does before tracking
    assert tray_app.jobs is not None
    tray_app.jobs.max_wait_s = 0.02  # look at the fake clock often
    tray_app.jobs.run_due()  # re-armed with that
    try:
        yield tray_app, clock
    finally:
        tray_app.stop()


def weekly_notices(app: TrayApp) -> int:
    assert app.limits is not None
    (fake,) = [n for n in app.limits.notifier.notifiers if isinstance(n, FakeNotifier)]
    return sum(1 for n in fake.notices if n.key == WEEKLY_SUMMARY_KEY)


def test_the_tray_app_keeps_its_jobs_on_a_qt_timer_of_the_gui_thread(
    app: tuple[TrayApp, FakeClock],
) -> None:
    tray_app, _clock = app
    assert tray_app.limits is not None
    assert not tray_app.limits.runs_jobs  # not the tracker's thread: the GUI thread's timer
    assert {DAY_ROLLOVER, BACKUP, WEEKLY_SUMMARY} <= set(tray_app.limits.scheduler.job_ids())
    assert tray_app.jobs is not None
    assert tray_app.jobs.timer.isActive()


def test_rollover_backup_and_weekly_summary_fire_on_the_tray_path(
    qtbot: QtBot, app: tuple[TrayApp, FakeClock], ctx: Context
) -> None:
    tray_app, clock = app
    assert tray_app.limits is not None
    assert tray_app.jobs is not None
    scheduler = tray_app.limits.scheduler
    enforcer = tray_app.limits.enforcer
    turns = tray_app.jobs.turns
    wakes: list[None] = []
    enforcer.wake = lambda: wakes.append(None)  # the rollover wakes the tracker's loop
    clock.wall = local(2026, 6, 8, 4, 16)  # Monday, after the day start and the backup time
    backups = ctx.paths.data_dir / "backups"
    qtbot.waitUntil(lambda: [p.name for p in list_backups(backups)]
                    == ["wellbeing-2026-06-08.sqlite3"], timeout=10_000)
    assert len(wakes) == 1  # the rollover, once
    assert weekly_notices(tray_app) == 0
    clock.wall = local(2026, 6, 8, 9, 0, 30)
    qtbot.waitUntil(lambda: weekly_notices(tray_app) == 1)
    assert tray_app.jobs.turns > turns
    assert scheduler.next_run(DAY_ROLLOVER) == datetime(2026, 6, 9, 4, 0, tzinfo=local_zone())


def test_after_a_suspend_the_tray_app_catches_up_once(
    qtbot: QtBot, app: tuple[TrayApp, FakeClock], ctx: Context
) -> None:
    tray_app, clock = app
    clock.wall = local(2026, 6, 9, 10, 0)  # asleep from Sunday night to Tuesday morning
    backups = ctx.paths.data_dir / "backups"
    qtbot.waitUntil(lambda: weekly_notices(tray_app) == 1 and bool(list_backups(backups)))
    qtbot.wait(200)
    assert weekly_notices(tray_app) == 1  # missed twice over: once
    assert [p.name for p in list_backups(backups)] == ["wellbeing-2026-06-09.sqlite3"]
