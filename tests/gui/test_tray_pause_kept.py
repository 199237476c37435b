"""The tray's pause: "until tomorrow" across a DST night, and a pause that outlasts a restart.

Time is a FakeClock whose offset changes at the DST moment, as the system's would, and the
tray is given Europe/Berlin's offsets for 2026; the tracker and database are real.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from wellbeing.app import OpenedData, TrackerControl, TrayApp
from wellbeing.core.clock import FakeClock
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import ScriptedPlatform, Step
from wellbeing.services.context import Context, open_context
from wellbeing.services.pause_file import PauseFile
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.models import Interval as IntervalRow
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter
from wellbeing.ui.tray import TrayController

XTERM = WindowInfo("xterm", "XTerm", "shell")
SPRING = 1_774_746_000  # 2026-03-29T01:00:00Z: 02:00 CET becomes 03:00 CEST in Berlin
AUTUMN = 1_792_890_000  # 2026-10-25T01:00:00Z: 03:00 CEST becomes 02:00 CET


def berlin(ms: int) -> int:
    return 120 if SPRING * 1000 <= ms < AUTUMN * 1000 else 60


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Context]:
    context = open_context(str(data_dir), None, holds_lock=True)
    yield context
    context.close()


def tracker_on(ctx: Context, clock: FakeClock) -> TrackerService:
    platform = ScriptedPlatform.from_script([Step(0, XTERM)], clock)
    return TrackerService(
        platform, UsageWriter(ctx.db, ctx.device_id), clock, TrackerSettings(poll_seconds=60.0)
    )


@pytest.mark.parametrize(
    ("evening", "offset", "change", "expected_end", "next_day"),
    [
        # 22:00 CET on 28 March; the clocks go forward at 01:00 UTC; 04:00 CEST is 02:00 UTC.
        (SPRING - 4 * 3600, 60, SPRING, SPRING + 3600, date(2026, 3, 29)),
        # 22:00 CEST on 24 October; the clocks go back at 01:00 UTC; 04:00 CET is 03:00 UTC.
        (AUTUMN - 5 * 3600, 120, AUTUMN, AUTUMN + 2 * 3600, date(2026, 10, 25)),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_until_tomorrow_ends_at_the_next_day_start_across_a_dst_night(
    qtbot: QtBot,
    ctx: Context,
    evening: int,
    offset: int,
    change: int,
    expected_end: int,
    next_day: date,
) -> None:
    clock = FakeClock(wall=float(evening), utc_offset_min=offset)
    tracker = tracker_on(ctx, clock)
    queries = UsageQueries(ctx.db, today=lambda: date(2026, 1, 1))
    control = TrackerControl(tracker, queries, 4)
    tray = TrayController(control, queries, clock, lambda: date(2026, 1, 1), refresh_ms=0,
                          offset_at=berlin)
    tracker.step()
    tray.pause_actions["Until tomorrow"].trigger()
    assert tracker.paused_until() == expected_end
    assert tray.tray.toolTip().endswith("paused until tomorrow 04:00")
    # The night passes, one sample a minute; the clocks change on the way.
    while clock.wall < expected_end + 1800:
        clock.advance(60.0)
        if clock.wall >= change:
            clock.set_offset(berlin(round(clock.wall * 1000)))
        assert tracker.is_paused() == (clock.wall < expected_end)
        tracker.step()
    tracker.shutdown()
    with ctx.db.transaction() as conn:
        rows = conn.execute(
            select(IntervalRow.start_ms, IntervalRow.end_ms, IntervalRow.local_date)
            .order_by(IntervalRow.start_ms)
        ).all()
    first_after = [r for r in rows if r.start_ms > evening * 1000]
    assert first_after, rows
    assert first_after[0].start_ms >= expected_end * 1000  # nothing counted while paused
    assert first_after[0].start_ms - expected_end * 1000 <= 60_000  # counted again from 04:00
    assert {r.local_date for r in first_after} == {next_day}
    assert tray.tray.toolTip().startswith("Today")
    assert tracker.paused_until() is None


def test_a_pause_outlasts_a_restart_of_the_app_and_resuming_forgets_it(
    qtbot: QtBot, qapp: object, data_dir: Path
) -> None:
    def start_app(clock: FakeClock) -> TrayApp:
        ctx = open_context(str(data_dir), None, holds_lock=True)
        return TrayApp(qapp, OpenedData.of_context(ctx), tracker_on(ctx, clock))  # type: ignore[arg-type]

    clock = FakeClock(wall=float(SPRING - 4 * 3600), utc_offset_min=60)
    first = start_app(clock)
    until = clock.wall + 3600
    first.control.pause(until)  # what the tray's "For 1 hour" asks (it reads the system clock)
    first.stop()
    kept = data_dir / "pause.json"
    assert kept.stat().st_mode & 0o777 == 0o600

    clock.advance(600)  # ten minutes later the app starts again: still paused
    second = start_app(clock)
    assert second.tracker is not None
    assert second.tracker.paused_until() == until
    assert second.tracker.is_paused()
    assert "paused until" in second.tray.tray.toolTip()
    second.control.pause(None)  # until resumed (as the dashboard may ask)
    second.stop()

    third = start_app(clock)
    assert third.tracker is not None
    assert third.tracker.paused_until() == math.inf
    third.tray.resume_action.trigger()
    assert not kept.exists()
    third.stop()

    fourth = start_app(clock)
    assert fourth.tracker is not None
    assert fourth.tracker.paused_until() is None
    fourth.stop()


def test_a_pause_that_ended_while_the_app_was_closed_is_forgotten(
    qtbot: QtBot, qapp: object, data_dir: Path
) -> None:
    clock = FakeClock(wall=float(SPRING), utc_offset_min=120)
    data_dir.mkdir(mode=0o700)
    PauseFile(data_dir / "pause.json").save(clock.wall - 1)
    ctx = open_context(str(data_dir), None, holds_lock=True)
    app = TrayApp(qapp, OpenedData.of_context(ctx), tracker_on(ctx, clock))  # type: ignore[arg-type]
    assert app.tracker is not None
    assert app.tracker.paused_until() is None
    assert not (data_dir / "pause.json").exists()
    app.stop()
