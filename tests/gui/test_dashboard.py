"""The dashboard window: clicks, keys, navigation, export, first run, live refresh, a11y."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeUsageSource
from tests.gui.helpers import SaveDialogs, clipped_labels
from wellbeing.core.durations import format_duration
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.periods import Period
from wellbeing.ui.theme import dark_palette, is_dark, light_palette
from wellbeing.ui.viewmodels import DashboardModel


@pytest.fixture
def window(qtbot: QtBot, model: DashboardModel) -> DashboardWindow:
    w = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def click_bar(window: DashboardWindow, index: int) -> None:
    chart = window.chart
    point = chart.bar_center(index).toPoint()
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)


def test_clicking_a_bar_selects_its_day(window: DashboardWindow, model: DashboardModel) -> None:
    click_bar(window, 1)
    assert model.state.selected_day == date(2026, 6, 9)
    assert window.selected_label.text().startswith("Tuesday 9 June 2026")
    assert window.open_day_button.isVisible()
    assert window.rows_caption.text() == "Apps on Tue 9 Jun"
    click_bar(window, 0)
    assert model.state.selected_day == date(2026, 6, 8)
    click_bar(window, 5)  # Saturday is in the future: nothing to select
    assert model.state.selected_day == date(2026, 6, 8)


def test_hover_text_gives_the_exact_time(window: DashboardWindow, model: DashboardModel) -> None:
    bar = model.state.chart.bars[1]
    lines = window.chart.tooltip_at(1).splitlines()
    assert lines[0] == f"Tue 9 Jun: {format_duration(bar.total_seconds)}"
    assert lines[1] == f"{bar.segments[0].name}: {format_duration(bar.segments[0].seconds)}"
    scene_point = window.chart.mapToScene(window.chart.bar_center(1).toPoint())
    assert window.chart.index_at(scene_point) == 1
    window.chart._on_move(scene_point)  # what the scene's sigMouseMoved calls
    assert window.chart.toolTip() == window.chart.tooltip_at(1)


def test_keyboard_moves_the_selection(window: DashboardWindow, model: DashboardModel,
                                      qtbot: QtBot) -> None:
    window.chart.setFocus()
    QTest.keyClick(window.chart, Qt.Key.Key_Right)
    assert model.state.selected_day == date(2026, 6, 8)
    QTest.keyClick(window.chart, Qt.Key.Key_End)  # the last day with data, not the future
    assert model.state.selected_day == TODAY
    QTest.keyClick(window.chart, Qt.Key.Key_Return)
    assert (model.state.period, model.state.start) == (Period.DAY, TODAY)


def test_double_click_opens_the_day(window: DashboardWindow, model: DashboardModel) -> None:
    # QTest.mouseDClick sends no press/release pair pyqtgraph accepts; send what Qt sends.
    viewport = window.chart.viewport()
    at = window.chart.bar_center(0)
    kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
             QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease)
    for kind in kinds:
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease \
            else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, at, viewport.mapToGlobal(at), Qt.MouseButton.LeftButton, held,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)
    assert model.state.period is Period.DAY
    assert model.state.start == date(2026, 6, 8)
    assert window.facts_card.isVisible()
    assert window.fact_values["first_use"].text() != "—"


def test_navigation_buttons_and_date_picker(window: DashboardWindow, model: DashboardModel) -> None:
    assert not window.next_button.isEnabled()
    window.previous_button.click()
    assert model.state.start == date(2026, 6, 1)
    assert window.title_label.text() == "Last week"
    assert window.next_button.isEnabled()
    window.next_button.click()
    assert model.state.start == date(2026, 6, 8)
    window.date_edit.setDate(QDate(2026, 5, 3))
    assert model.state.start == date(2026, 4, 27)
    assert model.state.selected_day == date(2026, 5, 3)
    assert window.date_edit.minimumDate().toPython() == model.state.earliest
    assert window.date_edit.maximumDate().toPython() == TODAY
    window.today_button.click()
    assert model.state.start == date(2026, 6, 8)
    window.period_buttons[Period.MONTH].click()
    assert model.state.title == "June 2026"
    assert window.previous_button.accessibleName() == "Previous month"


def test_apps_sites_categories_switch(window: DashboardWindow, model: DashboardModel,
                                      source: FakeUsageSource) -> None:
    window.group_buttons["site"].click()
    sites = source.usage(model.state.start, model.state.end, by="site")
    assert [r.key for r in window.list_model.rows] == [i.key for i in sites.items]
    assert window.rows_caption.text() == "Most used sites"
    window.group_buttons["category"].click()
    assert window.list_model.rowCount() == len(
        source.usage(model.state.start, model.state.end, by="category").items)
    assert window.group_buttons["category"].isChecked()


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read new files, so only our own care keeps them 0600."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_export_png_is_a_real_image(
    window: DashboardWindow, tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "chart.png"
    window.export_chart_png(path)
    assert path.stat().st_mode & 0o777 == 0o600
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # not blank


def test_the_menus_export_writes_where_the_user_chose(
    window: DashboardWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = SaveDialogs(monkeypatch, tmp_path / "week.png")
    window.export_png_action.trigger()
    assert dialogs.asked == [f"wellbeing-week-{window.model.state.start.isoformat()}.png"]
    assert not QImage(str(tmp_path / "week.png")).isNull()
    assert dialogs.warned == []


def test_an_export_that_cannot_be_written_says_why(
    window: DashboardWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gone" / "apps.csv"  # a folder that does not exist (root writes anywhere)
    dialogs = SaveDialogs(monkeypatch, target)
    window.export_csv_action.trigger()  # no exception escapes the menu's slot
    (said,) = dialogs.warned
    assert said.startswith(f"Could not save {target}: No such file or directory.")
    assert "Choose a folder you can write to" in said
    assert not target.parent.exists()
    assert window.isVisible()


def test_export_csv_has_the_rows(
    window: DashboardWindow, tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "apps.csv"
    path.write_text("an older, longer file that anyone could read\n" * 50)
    path.chmod(0o644)
    window.export_table_csv(path)
    assert path.stat().st_mode & 0o777 == 0o600  # replaced, and no longer readable by others
    table = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["key"] for r in table] == [r.key for r in window.model.state.rows]
    assert table[0]["time"] == window.model.state.rows[0].time_text


def test_first_run_shows_the_live_total_instead_of_a_chart(qtbot: QtBot) -> None:
    src = FakeUsageSource(TODAY)
    live = {"seconds": 0.0}
    model = DashboardModel(src, lambda: TODAY, today_total=lambda: live["seconds"])
    w = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.first_run_page
    assert w.first_run_label.text() == "Tracking has started — today so far: 0 s"
    assert w.empty_label.isVisible()
    live["seconds"] = 185.0
    src.add(TODAY, "firefox", datetime(2026, 6, 10, 9), 185)
    model.refresh()
    assert w.first_run_label.text() == "Tracking has started — today so far: 3 min"
    assert w.list_model.rowCount() == 1


def test_live_refresh_keeps_selection_and_current_row(window: DashboardWindow, qtbot: QtBot,
                                                      model: DashboardModel,
                                                      source: FakeUsageSource) -> None:
    click_bar(window, 2)
    view = window.list_view
    view.setCurrentIndex(window.list_model.index(2))
    key = window.list_model.rows[2].key
    source.add(TODAY, key, datetime(2026, 6, 10, 23, 30), 3 * 3600)  # now it is the top row
    window.timer.setInterval(10)
    window.timer.start()
    qtbot.waitUntil(lambda: window.list_model.rows[0].key == key)
    assert model.state.selected_day == TODAY
    assert window.list_model.rows[view.currentIndex().row()].key == key


def test_refresh_without_change_touches_nothing(window: DashboardWindow, qtbot: QtBot) -> None:
    resets = []
    window.list_model.modelReset.connect(lambda: resets.append(1))
    changed = []
    window.list_model.dataChanged.connect(lambda *a: changed.append(1))
    for _ in range(3):
        window.model.refresh()
    assert resets == []
    assert changed == []


def test_set_limit_waits_for_limits(window: DashboardWindow, qtbot: QtBot) -> None:
    assert not window.limit_button.isVisible()  # no LimitStore: no limits to set
    assert not window.limit_action.isVisible()
    window.set_limits_available(True)
    assert window.limit_button.isVisible()
    window.list_view.setCurrentIndex(window.list_model.index(0))
    assert window.limit_button.isEnabled()
    with qtbot.waitSignal(window.limit_requested) as blocker:
        window.limit_button.click()
    assert blocker.args == ["app", window.list_model.rows[0].key]


def test_every_control_is_named_and_keyboard_reachable(window: DashboardWindow) -> None:
    controls = [w for w in window.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()]
    assert len(controls) >= 12
    unnamed = [type(w).__name__ + ":" + w.objectName() for w in controls if not w.accessibleName()]
    assert unnamed == []
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()


def test_follows_the_palette(qtbot: QtBot, model: DashboardModel, palette_mode: str) -> None:
    w = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    assert is_dark(w.palette()) == (palette_mode == "dark")
    image = w.chart.grab().toImage()
    corner = image.pixelColor(3, 3)
    assert (corner.lightnessF() < 0.5) == (palette_mode == "dark")
    title = w.title_label.palette().color(QPalette.ColorRole.WindowText)
    assert (title.lightnessF() > 0.5) == (palette_mode == "dark")


def test_no_label_is_clipped_at_a_large_font(qtbot: QtBot, model: DashboardModel) -> None:
    w = DashboardWindow(model, refresh_ms=0)
    font = w.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    w.setFont(font)
    qtbot.addWidget(w)
    w.resize(w.default_size(fit_screen=False))
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    assert clipped_labels(w) == []



def test_switches_palette_while_open(qtbot: QtBot, model: DashboardModel,
                                     qapp: QApplication) -> None:
    before = QPalette(qapp.palette())
    qapp.setPalette(light_palette())
    w = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    assert w.chart.grab().toImage().pixelColor(3, 3).lightnessF() > 0.5
    try:
        qapp.setPalette(dark_palette())
        QApplication.processEvents()
        assert w.chart.grab().toImage().pixelColor(3, 3).lightnessF() < 0.5
    finally:
        qapp.setPalette(before)
