"""The dashboard in German: its buttons, captions, headings and dates.

Dates follow the translation's locale (German weekday and month names, German
date order); the screenshot goes to test-artifacts/ with no label clipped,
German words being longer than English ones.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, realistic_source
from tests.gui.test_screenshots import check_and_save, render
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.periods import Period, long_date, range_text
from wellbeing.ui.viewmodels import DashboardModel


def test_the_dashboard_speaks_german(qtbot: QtBot, german: None, model: DashboardModel) -> None:
    window = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Deine Aktivität — Wellbeing"
    assert [b.text() for b in window.period_buttons.values()] == ["Tag", "Woche", "Monat"]
    assert [b.text() for b in window.group_buttons.values()] == ["Apps", "Websites", "Kategorien"]
    assert window.period_buttons[Period.WEEK].accessibleName() == "Ansicht Woche"
    assert window.group_buttons["site"].accessibleName() == "Websites anzeigen"
    assert window.today_button.text() == "Heute"
    assert window.title_label.text() == "Diese Woche"
    assert window.subtitle_label.text() == "8. – 14. Juni 2026"
    assert window.caption_label.text() == "Tagesdurchschnitt"
    assert window.rows_caption.text() == "Meistgenutzte Apps"
    assert window.previous_button.accessibleName() == "Vorherige Woche"
    assert [text for _, text in model.state.chart.ticks][:3] == ["Mo.", "Di.", "Mi."]
    model.select_index(1)
    assert window.rows_caption.text() == "Apps am Di., 9. Juni"
    assert window.selected_label.text().startswith("Dienstag, 9. Juni 2026 · ")
    assert window.open_day_button.text() == "Tag anzeigen"
    model.set_period(Period.DAY)
    assert window.title_label.text() == "Gestern"
    assert window.caption_label.text() == "Bildschirmzeit"
    model.set_period(Period.MONTH)
    assert window.title_label.text() == "Juni 2026"
    assert window.limit_button.text() == "Limit festlegen…"
    assert window.limits_link.text() == "Limits ansehen"  # DashboardLimits' own context
    window.list_view.selectionModel().clearCurrentIndex()
    assert window.limit_button.toolTip() == "Wähle zuerst einen Eintrag aus"


def test_dates_are_english_again_without_the_translation(qapp: QApplication) -> None:
    assert long_date(TODAY) == "Wednesday 10 June 2026"
    assert range_text(date(2025, 12, 29), date(2026, 1, 4)) == "29 Dec 2025 – 4 Jan 2026"


def test_screenshot_week_in_german(qtbot: QtBot, german: None) -> None:
    model = DashboardModel(realistic_source(TODAY, days=75), lambda: TODAY)
    model.select_index(1)
    window = render(qtbot, model, "week")
    assert window.title_label.text() == "Diese Woche"
    path = check_and_save(window, "dashboard-week-de")
    assert path.stat().st_size > 10_000
