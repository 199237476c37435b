"""The tray's "Quiet notifications" menu switches the desktop's Do Not Disturb and back."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeTrackerControl, FakeUsageSource
from wellbeing.core.clock import FakeClock
from wellbeing.platform.dnd import FakeDnd
from wellbeing.services.quiet import QuietMode
from wellbeing.ui.tray import TrayController
from wellbeing.ui.tray_quiet import QUIET_CHOICES, add_quiet_menu


def test_quiet_for_an_hour_then_off_puts_the_desktop_back(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(wall=1_780_308_000.0)
    tray = TrayController(FakeTrackerControl(), FakeUsageSource(TODAY), clock, lambda: TODAY)
    dnd = FakeDnd()
    quiet = QuietMode(tmp_path, dnd, clock)
    menu = add_quiet_menu(tray, quiet, clock)
    titles = [a.text() for a in menu.menu.actions() if a.text()]
    assert titles == [f"For {text}" for text, _ in QUIET_CHOICES] + ["Turn quiet mode off"]
    assert menu.menu.menuAction() in tray.menu.actions()  # in the tray menu, before Settings
    assert not menu.end_action.isEnabled()
    next(a for a in menu.menu.actions() if a.text() == "For 1 hour").trigger()
    assert dnd.on
    assert quiet.active_until() == clock.wall + 3600
    assert menu.end_action.isEnabled()
    assert menu.timer.isActive()
    assert menu.timer.interval() == 3_600_000  # remainingTime() is coarse for long timers
    menu.end_action.trigger()
    assert not dnd.on
    assert quiet.active_until() is None
    assert not menu.end_action.isEnabled()


def test_a_desktop_already_quiet_stays_quiet(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(wall=1_780_308_000.0)
    tray = TrayController(FakeTrackerControl(), FakeUsageSource(TODAY), clock, lambda: TODAY)
    dnd = FakeDnd(on=True)
    menu = add_quiet_menu(tray, QuietMode(tmp_path, dnd, clock), clock)
    menu.start(15 * 60)
    menu.end()
    assert dnd.on
