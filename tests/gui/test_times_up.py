"""The "Time's up" window: texts, buttons per mode, lock and budget, choices, threads, keys."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from tests.gui.helpers import clipped_labels
from wellbeing.core.limits import Limit, LimitState, LimitStatus, LimitTarget, Mode
from wellbeing.platform.base import WindowInfo
from wellbeing.services.limit_ports import TimesUpChoice, TimesUpPresenter
from wellbeing.ui.times_up import NO_SNOOZES, TimesUpScreen, TimesUpWindow, times_up_text

INSTA = LimitTarget("site", "instagram.com")
FIREFOX_WINDOW = WindowInfo("firefox", "Firefox", handle=0x2a00007)


def state(mode: Mode = "nag", *, used: float = 32 * 60, snoozes_left: int | None = None,
          locked_until: date | None = None, target: LimitTarget = INSTA,
          status: LimitStatus = "reached", snoozed: int = 0) -> LimitState:
    limit = Limit(target, (30 * 60,) * 7, mode=mode, locked_until=locked_until)
    left = limit.budget - snoozed if snoozes_left is None else snoozes_left
    return LimitState(limit, 30 * 60 + snoozed * 900, used, status, left)


class Choices:
    """Records the choices reported, and on which thread."""

    def __init__(self) -> None:
        self.got: list[TimesUpChoice] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, choice: TimesUpChoice) -> None:
        self.got.append(choice)
        self.threads.append(threading.current_thread())


@pytest.fixture
def screen(qtbot: QtBot) -> Iterator[TimesUpScreen]:
    presenter = TimesUpScreen(today=lambda: TODAY)
    yield presenter
    if presenter.window is not None:
        presenter.window.hide()
        presenter.window.deleteLater()


def shown(qtbot: QtBot, screen: TimesUpScreen, st: LimitState,
          window: WindowInfo | None = FIREFOX_WINDOW) -> tuple[TimesUpWindow, Choices]:
    choices = Choices()
    screen.show_times_up(st, window, choices)
    QApplication.processEvents()  # the call is queued, even from the GUI thread
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    assert screen.window is not None
    return screen.window, choices


def test_it_is_a_times_up_presenter() -> None:
    presenter: TimesUpPresenter = TimesUpScreen()
    assert callable(presenter.show_times_up)


def test_nag_names_the_app_and_offers_all_three(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, _ = shown(qtbot, screen, state("nag"))
    assert window.title_label.text() == "Time's up"
    assert window.body_label.text() == \
        "You've used instagram.com for 32 min today.\nYour limit is 30 min."
    assert window.close_button.text() == "Close Firefox"
    assert window.snooze_button.text() == "15 more minutes (2 left)"
    assert window.snooze_button.isEnabled()
    assert window.ignore_button.isVisible()
    assert window.ignore_button.text() == "Ignore limit for today"
    flags = window.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert flags & Qt.WindowType.FramelessWindowHint


def test_an_app_limit_uses_the_apps_own_name(qtbot: QtBot, screen: TimesUpScreen) -> None:
    insta_app = WindowInfo("instagram", "Instagram")
    window, _ = shown(qtbot, screen, state(target=LimitTarget("app", "instagram")), insta_app)
    assert window.body_label.text().startswith("You've used Instagram for 32 min today.")
    assert window.close_button.text() == "Close Instagram"


def test_block_has_no_ignore_and_one_snooze(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, _ = shown(qtbot, screen, state("block"))
    assert window.snooze_button.text() == "15 more minutes (1 left)"
    assert not window.ignore_button.isVisible()
    assert window.note_label.text() == "Firefox is minimised while you are over the limit."


def test_a_locked_limit_cannot_be_ignored(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, _ = shown(qtbot, screen, state("nag", locked_until=date(2026, 12, 31)))
    assert not window.ignore_button.isVisible()
    assert window.note_label.text() == "You locked this limit until 31 Dec."
    text = times_up_text(state("nag", locked_until=date(2026, 6, 9)), None, TODAY)
    assert text.ignore_shown  # the lock has ended


def test_budget_used_disables_the_snooze(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, choices = shown(qtbot, screen, state("nag", used=61 * 60, snoozed=2))
    assert window.snooze_button.text() == NO_SNOOZES == "No snoozes left today"
    assert not window.snooze_button.isEnabled()
    # the limit itself is still 30 min: the two snoozes are not part of it
    assert window.body_label.text().endswith("Your limit is 30 min.")
    window.choose("snooze")  # a disabled choice cannot be made
    assert choices.got == []
    assert window.isVisible()


@pytest.mark.parametrize("choice", ["close", "snooze", "ignore"])
def test_each_button_reaches_the_callback(qtbot: QtBot, screen: TimesUpScreen,
                                          choice: str) -> None:
    window, choices = shown(qtbot, screen, state("nag"))
    button = {"close": window.close_button, "snooze": window.snooze_button,
              "ignore": window.ignore_button}[choice]
    button.click()
    assert choices.got == [choice]
    assert not window.isVisible()
    assert choices.threads == [threading.main_thread()]


def test_keyboard_alone(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, choices = shown(qtbot, screen, state("nag"))
    assert window.close_button.isDefault()
    QTest.keyClick(window, Qt.Key.Key_Return)  # Enter: the default, Close
    assert choices.got == ["close"]
    window, choices = shown(qtbot, screen, state("nag"))
    window.snooze_button.setFocus()
    QTest.keyClick(window.snooze_button, Qt.Key.Key_Space)
    assert choices.got == ["snooze"]
    for button in (window.close_button, window.snooze_button, window.ignore_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_escape_dismisses_in_nag_mode_only(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, choices = shown(qtbot, screen, state("nag"))
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert choices.got == ["dismissed"]
    assert not window.isVisible()
    window, choices = shown(qtbot, screen, state("block"))
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert choices.got == []
    assert window.isVisible()
    window.close()  # closing it as the app does (not the window manager) still works
    assert not window.isVisible()


def test_called_from_a_worker_thread(qtbot: QtBot, screen: TimesUpScreen) -> None:
    choices = Choices()
    worker = threading.Thread(
        target=lambda: screen.show_times_up(state("nag"), FIREFOX_WINDOW, choices))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    window = screen.window
    assert window is not None
    assert window.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    window.snooze_button.click()
    assert choices.got == ["snooze"]
    assert choices.threads == [threading.main_thread()]
    shown(qtbot, screen, state("nag"))
    hider = threading.Thread(target=screen.hide_times_up)
    hider.start()
    hider.join()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_hide_reports_nothing(qtbot: QtBot, screen: TimesUpScreen) -> None:
    window, choices = shown(qtbot, screen, state("nag"))
    screen.hide_times_up()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert choices.got == []


def test_another_limit_replaces_the_screen(qtbot: QtBot, screen: TimesUpScreen) -> None:
    _, first = shown(qtbot, screen, state("nag"))
    window, second = shown(qtbot, screen, state("block", target=LimitTarget("total")))
    assert first.got == ["dismissed"]
    assert window.body_label.text().startswith("You've used your computer for 32 min today.")
    window.close_button.click()
    assert second.got == ["close"]
    assert first.got == ["dismissed"]


def test_category_and_downtime_texts() -> None:
    social = times_up_text(state(target=LimitTarget("category", "Social")), FIREFOX_WINDOW, TODAY)
    assert social.body == "You've spent 32 min on Social today.\nYour limit is 30 min."
    down = times_up_text(state(status="downtime"), FIREFOX_WINDOW, TODAY)
    assert down.title == "It's downtime"
    assert down.body == "Firefox is not on your always-allowed list during downtime."


def test_centred_on_the_offending_windows_screen(qtbot: QtBot) -> None:
    primary = QGuiApplication.primaryScreen()
    assert primary is not None
    area = primary.availableGeometry()
    asked: list[WindowInfo] = []

    def locate(window: WindowInfo) -> QPoint:
        asked.append(window)
        return area.center()

    presenter = TimesUpScreen(today=lambda: TODAY, locate=locate)
    window, _ = shown(qtbot, presenter, state("nag"))
    assert asked == [FIREFOX_WINDOW]
    centre = window.frameGeometry().center()
    assert abs(centre.x() - area.center().x()) <= 2
    assert abs(centre.y() - area.center().y()) <= 2
    assert window.width() < area.width()
    window.hide()


def test_nothing_is_clipped(qtbot: QtBot, screen: TimesUpScreen, palette_mode: str) -> None:
    window, _ = shown(qtbot, screen, state("nag", locked_until=date(2027, 1, 31)))
    QApplication.processEvents()
    assert clipped_labels(window) == []
    assert window.note_label.text() == "You locked this limit until 31 Jan 2027."


def test_theme_changes_while_the_window_exists(qtbot: QtBot, qapp: QApplication,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Its own style sheet changes its palette again: it restyles once per change, not forever."""
    from wellbeing.ui.theme import apply_theme, is_dark

    calls: list[bool] = []
    style = TimesUpWindow._style

    def counted(self: TimesUpWindow, palette: QPalette) -> None:
        calls.append(is_dark(palette))
        style(self, palette)

    monkeypatch.setattr(TimesUpWindow, "_style", counted)
    window = TimesUpWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        apply_theme(qapp, "dark")
        apply_theme(qapp, "light")
    finally:
        apply_theme(qapp, "system")
    assert 2 <= len(calls) <= 6
    assert True in calls
    assert False in calls
