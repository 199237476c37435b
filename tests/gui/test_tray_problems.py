"""What goes wrong while tracking reaches the tray: the real TrayApp wiring, a real tracker.

A tracking thread made to raise (a classifier with a bug) puts the icon into its warning
state with the problem in the tooltip and one notification, and tracking restarts once;
a database damaged while tracking is set aside and the user is told in a message box that
does not block, and by the warning state.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.unit.storage.helpers import damage
from wellbeing.app import OpenedData, TrayApp
from wellbeing.core.activity import Focus
from wellbeing.core.clock import FakeClock
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.services.context import Context, open_context
from wellbeing.services.notices import TrackerNotice
from wellbeing.services.tracker import TrackerService, plain_focus
from wellbeing.services.tracking import build_tracker
from wellbeing.storage.writer import UsageWriter

#: Showing a tray icon on the offscreen platform (no tray there) makes Qt say this.
NO_TRAY_HERE = pytest.mark.qt_log_ignore("systemTrayWindowChanged")

XTERM = WindowInfo("xterm", "XTerm", "bash")
XCALC = WindowInfo("xcalc", "XCalc", "Calculator")


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Context]:
    context = open_context(str(data_dir), None, holds_lock=True)
    yield context
    context.close()


def visible_boxes(title: str) -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == title
    ]


class CrashOnce:
    """A classifier with a bug that shows on its second call only."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, window: WindowInfo) -> Focus | None:
        self.calls += 1
        if self.calls == 2:
            raise KeyError("classifier bug")
        return plain_focus(window)


@NO_TRAY_HERE
def test_a_tracker_thread_that_raises_shows_the_warning_and_restarts_once(
    qtbot: QtBot, qapp: QApplication, ctx: Context, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()

    def sleep(seconds: float) -> None:  # only the worker thread moves the clock
        clock.advance(seconds)
        time.sleep(0.002)

    steps = [(t, XTERM if (t // 10) % 2 == 0 else XCALC) for t in range(0, 3600, 10)]
    probe = FakeProbe.from_script(steps, clock, sleep=sleep)
    classify = CrashOnce()
    tracker = TrackerService(
        ScriptedPlatform(probe), UsageWriter(ctx.db, ctx.device_id), clock, classify=classify
    )
    app = TrayApp(qapp, OpenedData.of_context(ctx), tracker)
    app.tray.tray.show()  # as if a tray host ran (the offscreen platform has none)
    normal_icon = app.tray.tray.icon().cacheKey()
    try:
        tracker.start()
        qtbot.waitUntil(lambda: app.tray.problem is not None, timeout=20_000)
        qtbot.waitUntil(lambda: classify.calls >= 4, timeout=20_000)  # tracking again
    finally:
        app.stop()
    assert tracker.restarted == 1
    assert app.tray.problem is not None
    assert app.tray.problem.kind == "restarted"
    assert app.tray.tray.icon().cacheKey() != normal_icon  # the warning state
    assert app.tray.tray.icon().cacheKey() == app.tray._warning_icon.cacheKey()
    assert app.tray.tray.toolTip().endswith("\nTracking restarted after an error")
    assert len(app.tray.notifications) == 1
    title, text = app.tray.notifications[0]
    assert title == "Tracking restarted after an error"
    assert "KeyError" in text
    assert "quit wellbeing and start it again" in text
    assert str(ctx.paths.log_file) in text
    assert "restarting tracking after the error above" in caplog.text
    assert visible_boxes(title) == []  # a notification, not a box, when there is a tray


def test_without_a_tray_a_problem_is_shown_in_a_box_that_does_not_block(
    qtbot: QtBot, qapp: QApplication, ctx: Context
) -> None:
    clock = FakeClock()
    probe = FakeProbe.from_script([(0, XTERM)], clock)
    tracker = TrackerService(ScriptedPlatform(probe), UsageWriter(ctx.db, ctx.device_id), clock)
    app = TrayApp(qapp, OpenedData.of_context(ctx), tracker)
    try:
        tracker.notices.post(TrackerNotice("stopped", "Tracking stopped", "Quit and start again."))
        qtbot.waitUntil(lambda: bool(visible_boxes("Tracking stopped")))
        assert app.tray.notifications == []
        assert app.tray.tray.toolTip().endswith("\nTracking stopped")
        box = visible_boxes("Tracking stopped")[0]
        assert not box.isModal()
        assert box.text().startswith("Quit and start again.")
    finally:
        app.stop()
    assert visible_boxes("Tracking stopped") == []  # closed with the app


@NO_TRAY_HERE
def test_a_database_set_aside_while_tracking_is_told_in_the_tray(
    qtbot: QtBot, qapp: QApplication, ctx: Context
) -> None:
    tracker = build_tracker(ctx, fake=True)  # the tray app's own wiring, real time
    tracker.settings.flush_every = 0.5  # write at every step
    app = TrayApp(qapp, OpenedData.of_context(ctx), tracker)
    app.tray.tray.show()
    path = ctx.paths.database
    try:
        for _ in range(3):
            tracker.step()
        garbage = damage(path)
        for _ in range(3):
            tracker.step()  # the failing write, the set-aside, the write to the fresh file
        qtbot.waitUntil(lambda: bool(visible_boxes("Database was damaged")))
        aside = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")
                 and not p.name.endswith(("-wal", "-shm"))]
        assert len(aside) == 1
        assert garbage in aside[0].read_bytes()
        box = visible_boxes("Database was damaged")[0]
        assert not box.isModal()
        assert f"moved aside to {aside[0]}" in box.text()
        assert app.tray.problem is not None
        assert app.tray.problem.kind == "set_aside"
        assert app.tray.tray.toolTip().endswith("\nDatabase was damaged")
        assert app.tray.tray.icon().cacheKey() == app.tray._warning_icon.cacheKey()
    finally:
        app.stop()
