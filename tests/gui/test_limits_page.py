"""The Limits page and its model: rows, bars and their colours, remove, locks, downtime, bypass."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from tests.gui.helpers import clipped_labels
from tests.gui.limit_fakes import (
    FakeLimitStore,
    every_day,
    limits_model,
    sample_store,
)
from wellbeing.core.limits import Downtime, Limit, LimitEvent, LimitTarget, UsageToday
from wellbeing.ui.limits_model import LimitsModel, days_text
from wellbeing.ui.limits_page import LimitsPage
from wellbeing.ui.theme import contrast_ratio, level_color

INSTA = LimitTarget("site", "instagram.com")
STEAM = LimitTarget("app", "steam")
DISCORD = LimitTarget("app", "discord")
SOCIAL = LimitTarget("category", "Social")
TOTAL = LimitTarget("total")


@pytest.fixture
def store() -> FakeLimitStore:
    return sample_store()


@pytest.fixture
def page(qtbot: QtBot, store: FakeLimitStore) -> LimitsPage:
    widget = LimitsPage(limits_model(store))
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_rows_show_use_against_each_limit(page: LimitsPage) -> None:
    rows = {w.row.target: w for w in page.rows}
    assert list(rows) == [SOCIAL, DISCORD, INSTA, STEAM, TOTAL]  # the store's order
    insta = rows[INSTA]
    assert insta.name_label.text() == "instagram.com"
    assert insta.used_label.text() == "32 min of 30 min"
    assert insta.status_label.text() == "Snoozed · 13 min left"
    assert insta.details_label.text() == "30 min every day · Nag · Locked until 31 Dec"
    assert rows[SOCIAL].details_label.text() == "1 h Mon–Fri · 2 h Sat, Sun · Notify"
    assert rows[SOCIAL].status_label.text() == "10 min left"
    assert rows[STEAM].used_label.text() == "30 min today"
    assert rows[STEAM].status_label.text() == "No limit today"
    assert rows[TOTAL].name_label.text() == "Total screen time"
    assert rows[TOTAL].status_label.text() == "2 h 40 min left"
    assert not page.empty_label.isVisible()
    assert not page.total_button.isVisible()  # there is a total limit already


def test_bars_fill_and_change_colour_near_and_over(page: LimitsPage) -> None:
    rows = {w.row.target: w for w in page.rows}
    assert rows[INSTA].bar.fill == 1.0
    assert rows[INSTA].bar.level == "over"
    assert rows[SOCIAL].bar.fill == pytest.approx(50 / 60)
    assert rows[SOCIAL].bar.level == "near"
    assert rows[TOTAL].bar.level == "under"
    assert rows[STEAM].bar.level == "none"
    colours = {rows[t].bar.color().name() for t in (INSTA, SOCIAL, TOTAL, STEAM)}
    assert len(colours) == 4
    image = rows[INSTA].bar.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.name() == rows[INSTA].bar.color().name()
    empty = rows[TOTAL].bar.grab().toImage()
    assert empty.pixelColor(empty.width() - 3, empty.height() // 2).name() != \
        rows[TOTAL].bar.color().name()


@pytest.mark.parametrize("level", ["under", "near", "over", "none"])
def test_bar_colours_are_readable_in_light_and_dark(palette_mode: str, level: str) -> None:
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast_ratio(level_color(level, palette), base) >= 2.2


def test_a_locked_limit_cannot_be_removed(page: LimitsPage, store: FakeLimitStore) -> None:
    insta = page.row_for(INSTA)
    assert insta is not None
    assert not insta.remove_button.isEnabled()
    assert insta.remove_button.toolTip() == "Locked until 31 Dec: it can be removed after that day"
    page.remove(INSTA)  # even when asked directly, the rules refuse
    assert page.notice_label.isVisible()
    assert "locked" in page.notice_label.text()
    assert ("remove", INSTA) not in store.writes


def test_remove(page: LimitsPage, store: FakeLimitStore, qtbot: QtBot) -> None:
    steam = page.row_for(STEAM)
    assert steam is not None
    assert steam.remove_button.isEnabled()
    steam.remove_button.click()
    assert store.writes == [("remove", STEAM)]
    assert page.row_for(STEAM) is None
    assert len(page.rows) == 4


def test_pending_loosening_is_shown(page: LimitsPage) -> None:
    discord = page.row_for(DISCORD)
    assert discord is not None
    assert discord.pending_label.isVisible()
    # asked at 15:00 local (UTC+2), applies 8 hours later
    assert discord.pending_label.text() == "Looser limit from today 23:00"


def test_loosening_under_cooling_off_waits(qtbot: QtBot, store: FakeLimitStore) -> None:
    model = limits_model(store)
    model.save(Limit(DISCORD, every_day(2 * 3600), mode="nag", cooling_off=True))
    stored = model.limit_for(DISCORD)
    assert stored is not None
    assert stored.pending is not None
    assert stored.seconds_by_weekday == every_day(45 * 60)
    row = next(r for r in model.state.rows if r.target == DISCORD)
    assert row.pending_text == "Looser limit from tomorrow 15:00"


def test_the_week_card_has_the_bypass_log_and_clock_changes(page: LimitsPage) -> None:
    assert page.bypass_label.text() == \
        "This week: limit reached on 3 days, snoozed 3 times, ignored once"
    assert page.clock_label.text() == "Clock changed 2 times this week"


def test_edit_opens_the_editor_with_the_limit(page: LimitsPage, qtbot: QtBot,
                                              store: FakeLimitStore) -> None:
    social = page.row_for(SOCIAL)
    assert social is not None
    social.edit_button.click()
    editor = page.editor
    assert editor is not None
    assert editor.isVisible()
    qtbot.addWidget(editor)
    assert editor.per_day_radio.isChecked()
    editor.day_edits[0].setText("45m")
    editor.save_button.click()
    assert store.limits()[0].seconds_by_weekday[0] == 45 * 60
    assert page.row_for(SOCIAL).details_label.text().startswith(  # type: ignore[union-attr]
        "45 min Mon · 1 h Tue–Fri")


def test_no_limits_yet(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    widget = LimitsPage(limits_model(store))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.rows == []
    assert widget.empty_label.isVisible()
    assert widget.total_button.isVisible()
    assert widget.bypass_label.text() == "This week: no limit was reached."
    assert not widget.clock_label.isVisible()
    widget.total_button.click()
    assert widget.editor is not None
    qtbot.addWidget(widget.editor)
    widget.editor.same_edit.setText("4h")
    widget.editor.save_button.click()
    assert [r.row.target for r in widget.rows] == [TOTAL]
    assert not widget.total_button.isVisible()


def test_refresh_updates_rows_in_place(page: LimitsPage, store: FakeLimitStore) -> None:
    before = list(page.rows)
    page.rows[4].edit_button.setFocus()
    store.usage = UsageToday(by_site={"instagram.com": 40 * 60.0}, total=5 * 3600.0 + 30 * 60)
    assert page.model.refresh()
    assert page.rows == before
    assert page.row_for(TOTAL).status_label.text() == "30 min left"  # type: ignore[union-attr]
    assert page.row_for(TOTAL).bar.level == "near"  # type: ignore[union-attr]
    assert not page.model.refresh()  # nothing changed: no new snapshot


def test_downtime_section(page: LimitsPage, store: FakeLimitStore) -> None:
    assert page.downtime_switch.isChecked()
    assert page.downtime_start.time() == QTime(23, 0)
    assert page.downtime_end.time() == QTime(7, 0)
    assert page.allowed_edit.text() == "signal-desktop, wikipedia.org"
    page.downtime_switch.click()
    assert store.downtime() == Downtime(23 * 60, 7 * 60, enabled=False,
                                        always_allowed=frozenset({"signal-desktop",
                                                                  "wikipedia.org"}))
    page.downtime_start.setTime(QTime(22, 30))
    page.downtime_start.editingFinished.emit()
    page.allowed_edit.setText("signal-desktop, category:Reading ,")
    page.allowed_edit.editingFinished.emit()
    assert store.downtime() == Downtime(22 * 60 + 30, 7 * 60, enabled=False,
                                        always_allowed=frozenset({"signal-desktop",
                                                                  "category:Reading"}))


def test_no_downtime_stored_shows_the_default_off(qtbot: QtBot) -> None:
    store = FakeLimitStore()
    widget = LimitsPage(limits_model(store))
    qtbot.addWidget(widget)
    assert not widget.downtime_switch.isChecked()
    assert widget.downtime_start.time() == QTime(23, 0)
    widget.downtime_switch.click()
    assert store.downtime() == Downtime(23 * 60, 7 * 60, enabled=True)


def test_events_before_this_week_are_not_counted(qtbot: QtBot) -> None:
    old = LimitEvent(INSTA, "ignored", date(2026, 6, 7), 0)  # last Sunday
    store = FakeLimitStore([Limit(INSTA, every_day(600))], events=[old])
    model = limits_model(store)
    assert model.state.bypass_text == ""
    assert model.state.clock_text == ""


def test_days_text() -> None:
    assert days_text(Limit(TOTAL, every_day(3600))) == "1 h every day"
    assert days_text(Limit(TOTAL, (600,) * 5 + (1800, 1800))) == "10 min Mon–Fri · 30 min Sat, Sun"
    assert days_text(Limit(TOTAL, (600, None, 600, None, None, None, None))) == "10 min Mon, Wed"


def test_total_limit_is_the_model_s_chart_line(store: FakeLimitStore) -> None:
    model: LimitsModel = limits_model(store)
    assert model.state.total_limit_seconds == 6 * 3600
    assert model.state.today == TODAY


def test_nothing_is_clipped(page: LimitsPage, palette_mode: str) -> None:
    QApplication.processEvents()
    assert clipped_labels(page) == []
