"""Render the limit screens, light and dark, to test-artifacts/ for people to look at.

The "Time's up" window in nag and block mode, the Limits page with a few limits
in every state and this week's bypass log, the dashboard with its bypass line,
and the limit editor (the same every day with a suggestion; per weekday with a
refused value). Each image must not be blank and no label may be clipped.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, realistic_source
from tests.gui.helpers import clipped_labels, lightness_spread
from tests.gui.limit_fakes import limits_model, sample_store
from tests.gui.test_screenshots import ARTIFACTS
from wellbeing.core.limits import Limit, LimitState, LimitTarget
from wellbeing.platform.base import WindowInfo
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.limit_editor import LimitEditor, open_limit_editor
from wellbeing.ui.limits_model import Suggestion
from wellbeing.ui.times_up import TimesUpScreen
from wellbeing.ui.viewmodels import DashboardModel


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()  # let pending layout requests settle, as a user would see it
    ARTIFACTS.mkdir(exist_ok=True)
    image = widget.grab().toImage()
    path = ARTIFACTS / f"{name}.png"
    assert image.save(str(path))
    assert lightness_spread(image) > 0.05, f"{path} looks blank"
    assert clipped_labels(widget) == [], f"clipped labels in {path}"


def wait_settled(qtbot: QtBot, dialog: QWidget) -> None:
    """Wait until a dialog that grew has its new size and has kept it for half a second.

    A real window manager answers each resize in turn: an older, smaller size
    can arrive after the new one was asked for, and then the new one again.
    """
    since: list[float] = []

    def settled() -> bool:
        if dialog.height() < dialog.minimumHeight() or clipped_labels(dialog):
            since.clear()
            return False
        since.append(time.monotonic())
        return since[-1] - since[0] >= 0.5

    qtbot.waitUntil(settled, timeout=10_000)


def dashboard(qtbot: QtBot) -> DashboardWindow:
    model = DashboardModel(realistic_source(TODAY, days=45), lambda: TODAY)
    window = DashboardWindow(model, limits=limits_model(sample_store()), refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(window.default_size(fit_screen=False))
    window.show()
    qtbot.waitExposed(window)
    return window


def test_screenshot_limits_page(qtbot: QtBot, palette_mode: str) -> None:
    window = dashboard(qtbot)
    window.show_page("limits")
    save(window, f"limits-page-{palette_mode}")


def test_screenshot_dashboard_bypass_line(qtbot: QtBot, palette_mode: str) -> None:
    window = dashboard(qtbot)
    assert window.bypass_card.isVisible()
    save(window, f"dashboard-limits-{palette_mode}")


def editor(qtbot: QtBot) -> LimitEditor:
    model = limits_model(sample_store(), suggestion=Suggestion(45 * 60, 3600))
    dialog = open_limit_editor(model, LimitTarget("app", "firefox"))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_screenshot_editor(qtbot: QtBot, palette_mode: str) -> None:
    dialog = editor(qtbot)
    save(dialog, f"limit-editor-{palette_mode}")


def test_screenshot_editor_per_weekday(qtbot: QtBot, palette_mode: str) -> None:
    dialog = editor(qtbot)
    dialog.per_day_radio.click()
    for n, edit in enumerate(dialog.day_edits):
        edit.setText("10m" if n < 5 else "30m")
    dialog.day_edits[2].setText("0")
    dialog.mode_buttons["block"].click()
    dialog.lock_check.click()
    dialog.save_button.click()
    assert dialog.time_error.isVisible()
    wait_settled(qtbot, dialog)
    save(dialog, f"limit-editor-per-weekday-{palette_mode}")


def times_up(qtbot: QtBot, state: LimitState, window: WindowInfo, name: str) -> None:
    screen = TimesUpScreen(today=lambda: TODAY)
    screen.show_times_up(state, window, lambda _: None)
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    assert screen.window is not None
    qtbot.addWidget(screen.window)
    save(screen.window, name)


def test_screenshot_times_up_nag(qtbot: QtBot, palette_mode: str) -> None:
    limit = Limit(LimitTarget("app", "instagram"), (30 * 60,) * 7, mode="nag")
    state = LimitState(limit, 30 * 60, 32 * 60, "reached", 2)
    times_up(qtbot, state, WindowInfo("instagram", "Instagram"), f"times-up-nag-{palette_mode}")


def test_screenshot_times_up_block(qtbot: QtBot, palette_mode: str) -> None:
    limit = Limit(LimitTarget("site", "youtube.com"), (3600,) * 7, mode="block",
                  locked_until=date(2026, 12, 31))
    state = LimitState(limit, 3600 + 900, 75 * 60, "reached", 0)
    times_up(qtbot, state, WindowInfo("firefox", "Firefox"), f"times-up-block-{palette_mode}")


def test_the_times_up_window_in_german(qtbot: QtBot, german: None) -> None:
    limit = Limit(LimitTarget("site", "youtube.com"), (3600,) * 7, mode="block",
                  locked_until=date(2026, 12, 31))
    state = LimitState(limit, 3600 + 900, 75 * 60, "reached", 0)
    screen = TimesUpScreen(today=lambda: TODAY)
    screen.show_times_up(state, WindowInfo("firefox", "Firefox"), lambda _: None)
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    window = screen.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.title_label.text() == "Zeit ist um"
    assert window.body_label.text().startswith("Du hast youtube.com heute 1 h 15 min genutzt.")
    assert "Dein Limit ist 1 h." in window.body_label.text()
    assert "Du hast dieses Limit bis 31. Dez. gesperrt." in window.note_label.text()
    assert "Firefox wird minimiert, solange du über dem Limit bist." in window.note_label.text()
    assert window.close_button.text() == "Firefox schließen"
    assert window.snooze_button.text() == "Heute keine Verlängerung mehr"
    save(window, "times-up-block-de")


def test_the_limits_page_and_editor_in_german(qtbot: QtBot, german: None) -> None:
    window = dashboard(qtbot)
    window.show_page("limits")
    page = window.limits_page
    assert page is not None
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert "Tägliche Limits" in texts
    assert "Auszeit" in texts
    assert "Uhr diese Woche 2-mal verstellt" in texts
    assert any(" von " in t for t in texts)  # a row's use against its limit
    assert any(t.startswith("noch ") or t.endswith(" drüber") for t in texts)
    save(window, "limits-page-de")

    dialog = editor(qtbot)
    assert dialog.title_label.text() == "Tägliches Limit für Firefox"
    assert dialog.mode_buttons["nag"].text() == "Erinnern"
    assert dialog.suggestion_label.text().startswith("Vorschlag: 45 min — ein Viertel unter")
    assert [label.text() for label in dialog.day_labels][:2] == ["Montag", "Dienstag"]
    save(dialog, "limit-editor-de")
