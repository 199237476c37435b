"""The tray's Pause really stops counting: real TrayController, TrackerService and database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from wellbeing.app import TrackerControl
from wellbeing.core.clock import FakeClock
from wellbeing.core.days import local_date_of
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import ScriptedPlatform, Step
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter
from wellbeing.ui.tray import TrayController

XTERM = WindowInfo("xterm", "XTerm", "shell")


def test_pause_from_the_tray_stops_counting(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(wall=1_780_000_000.0)
    db = Database.open(None, Paths(tmp_path / "data"))
    device = db.device_id("test", "linux")
    platform = ScriptedPlatform.from_script([Step(0, XTERM)], clock)
    tracker = TrackerService(
        platform, UsageWriter(db, device), clock, TrackerSettings(poll_seconds=1.0)
    )
    day: date = local_date_of(round(clock.wall * 1000), 0, 4)
    queries = UsageQueries(db, today=lambda: day)
    control = TrackerControl(tracker, queries, 4)
    tray = TrayController(control, queries, clock, lambda: day, refresh_ms=0)

    def run(seconds: int) -> None:
        for _ in range(seconds):
            tracker.step()
            clock.advance(1.0)
        tracker.step()

    def counted() -> float:
        tracker.shutdown()  # write everything so far, like the 5 s flush would
        return queries.usage(day, day).total_seconds

    run(60)
    before = counted()
    assert 59.0 <= before <= 61.0
    tray.pause_actions["For 15 minutes"].trigger()
    assert tracker.is_paused()
    run(10 * 60)
    assert counted() == before  # ten paused minutes count for nothing
    tray.resume_action.trigger()
    run(30)
    assert 29.0 <= counted() - before <= 31.0
    db.close()
