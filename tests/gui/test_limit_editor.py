"""The limit editor: values refused inline, what Save stores, per weekday, suggestion, locks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import clipped_labels
from tests.gui.limit_fakes import FakeLimitStore, every_day, limits_model
from wellbeing.core.limits import Limit, LimitTarget
from wellbeing.ui.limit_editor import NO_DAY, LimitEditor, duration_input, open_limit_editor
from wellbeing.ui.limits_model import Suggestion

FIREFOX = LimitTarget("app", "firefox")


def editor_for(qtbot: QtBot, store: FakeLimitStore, target: LimitTarget = FIREFOX,
               suggestion: Suggestion | None = None) -> LimitEditor:
    editor = open_limit_editor(limits_model(store, suggestion=suggestion), target)
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    return editor


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "'' is not a duration; write it like 10m, 1h30m or 90s."),
        ("soon", "'soon' is not a duration; write it like 10m, 1h30m or 90s."),
        ("0", "A limit must be more than zero, not '0'."),
        ("0m", "A limit must be more than zero, not '0m'."),
        ("-5m", "'-5m' is not a duration; write it like 10m, 1h30m or 90s."),
        ("25h", "A daily limit can be at most 24h, not '25h'."),
        ("24h1m", "A daily limit can be at most 24h, not '24h1m'."),
    ],
)
def test_every_invalid_value_is_refused_with_its_message(qtbot: QtBot, typed: str,
                                                         message: str) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.same_edit.setText(typed)
    editor.save_button.click()
    assert editor.time_error.isVisible()
    assert editor.time_error.text() == message
    assert editor.same_edit.property("invalid") is True
    assert editor.isVisible()
    assert store.writes == []
    QTest.keyClicks(editor.same_edit, "x")  # typing again clears the message
    assert not editor.time_error.isVisible()


def test_save_stores_the_limit_the_fields_describe(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.same_edit.setText("1h 15m")
    editor.mode_buttons["block"].click()
    editor.cooling_check.setChecked(True)
    editor.lock_check.setChecked(True)
    editor.lock_date.setDate(QDate(2026, 7, 1))
    editor.save_button.click()
    assert not editor.isVisible()
    assert [kind for kind, _ in store.writes] == ["save"]
    saved = store.writes[0][1]
    assert saved == Limit(FIREFOX, every_day(75 * 60), mode="block",
                          locked_until=date(2026, 7, 1), cooling_off=True, id=1)


def test_a_bare_number_means_minutes_and_enter_saves(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.same_edit.setText("")
    editor.same_edit.setFocus()
    QTest.keyClicks(editor.same_edit, "20")
    QTest.keyClick(editor.same_edit, Qt.Key.Key_Return)
    assert store.limits()[0].seconds_by_weekday == every_day(1200)
    assert store.limits()[0].mode == "nag"  # the default for a new limit


def test_per_weekday_limits(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.per_day_radio.click()
    assert all(e.isVisible() for e in editor.day_edits)
    assert not editor.same_edit.isVisible()
    for n, edit in enumerate(editor.day_edits):
        edit.setText("10m" if n < 5 else "30m")
    editor.save_button.click()
    assert store.limits()[0].seconds_by_weekday == (600,) * 5 + (1800, 1800)


def test_per_weekday_days_left_empty_have_no_limit_and_bad_days_are_named(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.per_day_radio.click()
    for edit in editor.day_edits:
        edit.setText("")
    editor.save_button.click()
    assert editor.time_error.text() == NO_DAY
    editor.day_edits[5].setText("2h")
    editor.day_edits[2].setText("30h")
    editor.save_button.click()
    assert editor.time_error.text() == "Wednesday: A daily limit can be at most 24h, not '30h'."
    assert store.writes == []
    editor.day_edits[2].setText("")
    editor.save_button.click()
    assert store.limits()[0].seconds_by_weekday == (None,) * 5 + (7200, None)


def test_an_existing_per_day_limit_opens_per_day(qtbot: QtBot) -> None:
    limit = Limit(FIREFOX, (600,) * 5 + (1800, 1800), mode="notify")
    editor = editor_for(qtbot, FakeLimitStore([limit]))
    assert editor.per_day_radio.isChecked()
    assert [e.text() for e in editor.day_edits] == ["10m"] * 5 + ["30m"] * 2
    assert editor.mode_buttons["notify"].isChecked()


def test_the_suggestion_is_shown_with_its_median_and_proposed(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store, suggestion=Suggestion(45 * 60, 3600))
    assert editor.suggestion_label.isVisible()
    assert editor.suggestion_label.text() == \
        "Suggested 45 min — a quarter below your median of 1 h"
    assert editor.same_edit.text() == "45m"  # a new limit starts from it
    editor.same_edit.setText("2h")
    editor.use_suggestion.click()
    assert editor.same_edit.text() == "45m"


def test_no_suggestion_no_line(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, FakeLimitStore())
    assert not editor.suggestion_label.isVisible()
    assert not editor.use_suggestion.isVisible()


def test_loosening_a_locked_limit_is_refused_inline(qtbot: QtBot) -> None:
    locked = Limit(FIREFOX, every_day(1800), mode="nag", locked_until=date(2026, 12, 31), id=4)
    store = FakeLimitStore([locked])
    editor = editor_for(qtbot, store)
    assert editor.locked_label.text() == \
        "Locked until 31 Dec: you can tighten this limit, not loosen it."
    assert editor.lock_check.isChecked()
    editor.same_edit.setText("1h")
    editor.save_button.click()
    assert editor.save_error.isVisible()
    assert editor.save_error.text().startswith("The limit on firefox is locked until 2026-12-31")
    assert editor.isVisible()
    assert store.writes == []
    editor.lock_check.setChecked(False)  # unlocking early is loosening too
    editor.same_edit.setText("20m")
    editor.save_button.click()
    assert "locked" in editor.save_error.text()
    assert store.writes == []
    editor.lock_check.setChecked(True)  # tightening is fine
    editor.save_button.click()
    assert not editor.isVisible()
    assert store.limits()[0].seconds_by_weekday == every_day(1200)


def test_cancel_saves_nothing(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    editor.same_edit.setText("5m")
    editor.cancel_button.click()
    assert not editor.isVisible()
    QTest.qWait(0)
    assert store.writes == []


def test_escape_cancels(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert store.writes == []


def test_lock_dates_start_tomorrow(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, FakeLimitStore())
    assert editor.lock_date.minimumDate().toPython() == date(2026, 6, 11)
    assert not editor.lock_date.isEnabled()
    editor.lock_check.click()
    assert editor.lock_date.isEnabled()


def test_total_and_category_targets(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    editor = editor_for(qtbot, store, LimitTarget("total"))
    assert editor.title_label.text() == "Daily limit for Total screen time"
    editor.same_edit.setText("5h")
    editor.save_button.click()
    social = editor_for(qtbot, store, LimitTarget("category", "Social"))
    social.same_edit.setText("1h")
    social.save_button.click()
    assert {str(lim.target): lim.seconds_by_weekday[0] for lim in store.limits()} == {
        "total": 5 * 3600, "category:Social": 3600}


def test_nothing_is_clipped(qtbot: QtBot, palette_mode: str) -> None:
    editor = editor_for(qtbot, FakeLimitStore(), suggestion=Suggestion(45 * 60, 3600))
    editor.per_day_radio.click()
    editor.day_edits[0].setText("0")
    editor.save_button.click()
    assert editor.time_error.isVisible()
    assert clipped_labels(editor) == []


@pytest.mark.parametrize(("seconds", "text"), [(2700, "45m"), (5400, "1h30m"), (3600, "1h"),
                                               (90, "1m30s")])
def test_duration_input(seconds: int, text: str) -> None:
    assert duration_input(seconds) == text


def test_every_control_is_named_and_keyboard_reachable(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, FakeLimitStore(), suggestion=Suggestion(45 * 60, 3600))
    editor.per_day_radio.click()
    controls = [w for w in editor.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()]
    assert len(controls) >= 15
    assert [w.objectName() for w in controls if not w.accessibleName()] == []
