"""The tray: tooltip, top apps, pausing with injected time, and the no-tray fallback."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeTrackerControl, FakeUsageSource
from wellbeing.core.clock import FakeClock
from wellbeing.ui.tray import TrayController, next_day_start, tray_available

PLUS2 = timezone(timedelta(hours=2))
EVENING = datetime(2026, 6, 10, 22, 0, tzinfo=PLUS2)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(wall=EVENING.timestamp(), utc_offset_min=120)


@pytest.fixture
def control() -> FakeTrackerControl:
    return FakeTrackerControl(today_total=2 * 3600 + 10 * 60)


@pytest.fixture
def tray(qtbot: QtBot, control: FakeTrackerControl, source: FakeUsageSource,
         clock: FakeClock) -> TrayController:
    return TrayController(control, source, clock, lambda: TODAY, refresh_ms=0)


def test_tooltip_reads_todays_total(tray: TrayController) -> None:
    assert tray.tray.toolTip() == "Today: 2 h 10 min"


def test_menu_lists_todays_top_three_apps(tray: TrayController, source: FakeUsageSource) -> None:
    top = source.usage(TODAY, TODAY).items[:3]
    shown = [a.text() for a in tray.top_actions if a.isVisible()]
    assert len(shown) == 3
    assert [s.split(" — ")[0] for s in shown] == [i.name for i in top]
    texts = [a.text() for a in tray.menu.actions()]
    assert texts[0] == "Open dashboard"
    assert "Settings…" in texts
    assert texts[-1] == "Quit"
    assert [a.text() for a in tray.pause_menu.actions() if a.text()] == [
        "For 15 minutes", "For 1 hour", "Until tomorrow", "Resume tracking"]


@pytest.mark.parametrize(("choice", "seconds"), [("For 15 minutes", 900), ("For 1 hour", 3600)])
def test_pause_for_a_while_uses_the_injected_clock(
    tray: TrayController, control: FakeTrackerControl, clock: FakeClock, choice: str, seconds: int
) -> None:
    tray.pause_actions[choice].trigger()
    assert control.pause_calls == [clock.wall + seconds]
    resume_at = (EVENING + timedelta(seconds=seconds)).strftime("%H:%M")
    assert tray.tray.toolTip() == f"Today: 2 h 10 min — paused until {resume_at}"
    assert tray.resume_action.isEnabled()


def test_pause_until_tomorrow_means_the_next_day_start(
    tray: TrayController, control: FakeTrackerControl
) -> None:
    tray.pause_actions["Until tomorrow"].trigger()
    expected = datetime(2026, 6, 11, 4, 0, tzinfo=PLUS2).timestamp()
    assert control.pause_calls == [expected]
    assert tray.tray.toolTip().endswith("paused until tomorrow 04:00")


def test_resume(tray: TrayController, control: FakeTrackerControl) -> None:
    assert not tray.resume_action.isEnabled()
    tray.pause_for(60)
    tray.resume_action.trigger()
    assert control.resume_calls == 1
    assert control.paused_until() is None
    assert tray.tray.toolTip() == "Today: 2 h 10 min"
    assert not tray.resume_action.isEnabled()


def test_paused_until_resumed(tray: TrayController, control: FakeTrackerControl) -> None:
    control.pause(None)
    tray.refresh()
    assert control.paused_until() == math.inf
    assert tray.tray.toolTip() == "Today: 2 h 10 min — paused"


def test_signals(tray: TrayController, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tray.open_dashboard):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.open_dashboard):
        tray.top_actions[0].trigger()
    with qtbot.waitSignal(tray.open_settings):
        tray.settings_action.trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.quit_action.trigger()
    with qtbot.waitSignal(tray.open_dashboard):
        tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_without_a_tray_the_caller_opens_the_window(tray: TrayController) -> None:
    # The offscreen platform has no system tray, as GNOME has none by default.
    assert tray_available() is False
    assert tray.show() is False
    assert not tray.tray.isVisible()


def test_live_total_refreshes(tray: TrayController, control: FakeTrackerControl) -> None:
    control.total = 3 * 3600 + 65
    tray.menu.aboutToShow.emit()
    assert tray.tray.toolTip() == "Today: 3 h 01 min"


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2026, 6, 10, 22, 0), datetime(2026, 6, 11, 4, 0)),
        (datetime(2026, 6, 11, 1, 30), datetime(2026, 6, 11, 4, 0)),  # before the day starts
        (datetime(2026, 6, 11, 4, 0), datetime(2026, 6, 12, 4, 0)),
    ],
)
def test_next_day_start(local: datetime, expected: datetime) -> None:
    tz = timezone(timedelta(minutes=-300))
    wall = local.replace(tzinfo=tz).timestamp()
    assert next_day_start(wall, -300, 4) == expected.replace(tzinfo=tz).timestamp()


class FakeAutostart:
    def __init__(self, *, fails: bool = False) -> None:
        self.where = "/fake/autostart/wellbeing.desktop"
        self.on = False
        self.fails = fails
        self.commands: list[list[str]] = []

    def enabled(self) -> bool:
        return self.on

    def enable(self, command: list[str]) -> None:
        if self.fails:
            raise PermissionError(13, "Permission denied")
        self.on = True
        self.commands.append(list(command))

    def disable(self) -> None:
        self.on = False


def test_start_at_login_is_offered_only_with_a_way_and_follows_it(tray: TrayController) -> None:
    assert not tray.login_action.isVisible()
    way = FakeAutostart()
    tray.set_autostart(way, ["/usr/bin/wellbeing"])
    assert tray.login_action.isVisible()
    assert not tray.login_action.isChecked()
    tray.login_action.trigger()
    assert way.on
    assert way.commands == [["/usr/bin/wellbeing"]]
    assert tray.login_action.isChecked()
    way.on = False  # turned off elsewhere (wellbeing autostart off)
    tray.menu.aboutToShow.emit()
    assert not tray.login_action.isChecked()


def test_the_command_for_login_is_worked_out_when_login_is_turned_on(
    tray: TrayController,
) -> None:
    asked: list[int] = []

    def command() -> list[str]:
        asked.append(1)
        return ["/usr/bin/wellbeing", "--data-dir", "/data"]

    way = FakeAutostart()
    tray.set_autostart(way, command)
    tray.menu.aboutToShow.emit()
    assert asked == []  # offering the entry needs no command (nor platformdirs)
    tray.login_action.trigger()
    assert way.commands == [["/usr/bin/wellbeing", "--data-dir", "/data"]]
    assert asked == [1]


def test_start_at_login_that_cannot_be_written_says_so(tray: TrayController) -> None:
    tray.set_autostart(FakeAutostart(fails=True), ["wellbeing"])
    tray.login_action.trigger()
    assert not tray.login_action.isChecked()
    assert tray.notifications[-1][0] == "Start at login"
    assert "Permission denied" in tray.notifications[-1][1]
