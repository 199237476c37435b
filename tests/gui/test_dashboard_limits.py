"""The dashboard with limits: "Set limit…" on any row, the Limits page, the bypass line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import clipped_labels
from tests.gui.limit_fakes import FakeLimitStore, limits_model, sample_store
from wellbeing.core.limits import LimitTarget
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.dashboard_limits import limit_refusal, row_target
from wellbeing.ui.periods import Period
from wellbeing.ui.viewmodels import DashboardModel, Row


@pytest.fixture
def store() -> FakeLimitStore:
    return sample_store()


@pytest.fixture
def window(qtbot: QtBot, model: DashboardModel, store: FakeLimitStore) -> DashboardWindow:
    w = DashboardWindow(model, limits=limits_model(store), refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def select_row(window: DashboardWindow, key: str) -> None:
    row = window.list_model.row_of(key)
    assert row is not None, key
    window.list_view.setCurrentIndex(window.list_model.index(row))


def test_without_a_limit_store_the_limit_controls_are_hidden(qtbot: QtBot,
                                                             model: DashboardModel) -> None:
    w = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(w)
    w.show()
    assert w.page_buttons == {}
    assert w.limits_page is None
    assert not w.bypass_card.isVisible()
    assert not w.limit_button.isVisible()
    w.show_page("limits")  # nothing to show: stays on the activity page
    assert w.pages.currentWidget() is w.activity_page


def test_set_limit_on_an_app_opens_the_editor_and_saves(window: DashboardWindow, qtbot: QtBot,
                                                        store: FakeLimitStore) -> None:
    select_row(window, "firefox")
    assert window.limit_button.isVisible()
    assert window.limit_button.isEnabled()
    with qtbot.waitSignal(window.limit_requested) as blocker:
        window.limit_button.click()
    assert blocker.args == ["app", "firefox"]
    editor = window.editor
    assert editor is not None
    assert editor.isVisible()
    qtbot.addWidget(editor)
    assert editor.title_label.text() == "Daily limit for Firefox"
    assert editor.target == LimitTarget("app", "firefox")
    editor.same_edit.setText("2h")
    editor.save_button.click()
    assert store.writes[-1][0] == "save"
    saved = store.writes[-1][1]
    assert saved.target == LimitTarget("app", "firefox")  # type: ignore[attr-defined]
    assert window.limits_page is not None
    assert window.limits_page.row_for(LimitTarget("app", "firefox")) is not None


def test_set_limit_on_a_category_uses_its_name(window: DashboardWindow, qtbot: QtBot) -> None:
    window.group_buttons["category"].click()
    select_row(window, "social")
    window.limit_action.trigger()
    assert window.editor is not None
    qtbot.addWidget(window.editor)
    assert window.editor.target == LimitTarget("category", "Social")
    window.editor.reject()


def test_a_site_row_sets_a_site_limit(window: DashboardWindow, qtbot: QtBot) -> None:
    window.group_buttons["site"].click()
    select_row(window, "youtube.com")
    window.limit_button.click()
    assert window.editor is not None
    qtbot.addWidget(window.editor)
    assert window.editor.target == LimitTarget("site", "youtube.com")
    window.editor.reject()


def test_other_use_cannot_have_a_limit() -> None:
    def row(key: str, name: str) -> Row:
        return Row(key, name, 60, "1 min", 0.1, 0.1, None, None, None)

    assert limit_refusal("site", row("other:firefox", "Other browsing (Firefox)")) == \
        "Browsing outside the listed sites cannot have a limit of its own"
    assert limit_refusal("category", row("other", "Other")) == \
        "Uncategorised use cannot have a limit; limit its apps instead"
    assert limit_refusal("site", row("youtube.com", "youtube.com")) is None
    assert limit_refusal("app", None) == "Select an item first"
    assert row_target("category", row("social", "Social")) == LimitTarget("category", "Social")


def test_nothing_selected_nothing_to_limit(window: DashboardWindow) -> None:
    window.list_view.setCurrentIndex(window.list_model.index(-1))
    assert window.limit_button.isVisible()
    assert not window.limit_button.isEnabled()
    assert window.limit_button.toolTip() == "Select an item first"
    window.limit_button.click()
    assert window.editor is None


def test_the_limits_page_is_one_click_away(window: DashboardWindow) -> None:
    assert window.page_buttons["activity"].isChecked()
    window.page_buttons["limits"].click()
    assert window.pages.currentWidget() is window.limits_page
    assert window.page_buttons["limits"].isChecked()
    for widget in (window.period_buttons[Period.WEEK], window.date_edit, window.export_button):
        assert not widget.isVisible()
    assert window.limits_page is not None
    assert len(window.limits_page.rows) == 5
    window.page_buttons["activity"].click()
    assert window.pages.currentWidget() is window.activity_page
    assert window.date_edit.isVisible()


def test_the_bypass_line(window: DashboardWindow) -> None:
    assert window.bypass_card.isVisible()
    assert window.bypass_label.text() == (
        "This week: limit reached on 3 days, snoozed 3 times, ignored once. "
        "Clock changed 2 times this week.")
    window.limits_link.click()
    assert window.pages.currentWidget() is window.limits_page


def test_the_total_limit_is_drawn_on_the_chart(window: DashboardWindow) -> None:
    assert window.model.state.chart.limit_seconds == 6 * 3600


def test_the_timer_refreshes_limits_too(window: DashboardWindow, store: FakeLimitStore,
                                        qtbot: QtBot) -> None:
    store.remove_limit(LimitTarget("total"))
    window.timer.setInterval(10)
    window.timer.start()
    qtbot.waitUntil(lambda: window.model.state.chart.limit_seconds is None)
    assert window.limits_page is not None
    assert len(window.limits_page.rows) == 4


def test_every_limit_control_is_named_and_keyboard_reachable(window: DashboardWindow) -> None:
    window.show_page("limits")
    QApplication.processEvents()
    controls = [w for w in window.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()]
    assert len(controls) >= 15
    unnamed = [type(w).__name__ + ":" + w.objectName() for w in controls if not w.accessibleName()]
    assert unnamed == []
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()


def test_no_label_is_clipped_at_a_large_font(qtbot: QtBot, model: DashboardModel,
                                             store: FakeLimitStore) -> None:
    w = DashboardWindow(model, limits=limits_model(store), refresh_ms=0)
    font = w.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    w.setFont(font)
    qtbot.addWidget(w)
    w.resize(w.default_size(fit_screen=False))
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    assert clipped_labels(w) == []
    w.show_page("limits")
    QApplication.processEvents()
    assert clipped_labels(w) == []
