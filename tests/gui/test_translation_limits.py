"""The limits, "Time's up" and experiment screens in German.

With the German translation installed (and its locale the default, as
``install_translation`` makes it), the limit editor, the Limits page, the
"Time's up" window, the experiment page, wizard, check-in and report show
German text, German day and month names, and decimal commas. The editor, the
"Time's up" window and the Limits page are saved to test-artifacts/
(``limit-editor-de.png``, ``times-up-de.png``, ``limits-page-de.png``) with no
label clipped: German words are longer.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from tests.gui.limit_fakes import limits_model, sample_store
from tests.gui.test_limit_screenshots import save, wait_settled
from wellbeing.core.experiment_report import LABELS
from wellbeing.core.limits import Limit, LimitState, LimitTarget
from wellbeing.platform.base import WindowInfo
from wellbeing.ui.checkin import CheckinDialog, PromptDialog, care_note
from wellbeing.ui.experiment_page import ExperimentPage
from wellbeing.ui.experiment_report import MEASURE_NAMES, ReportView
from wellbeing.ui.experiment_wizard import ExperimentWizard
from wellbeing.ui.limit_editor import LimitEditor, open_limit_editor
from wellbeing.ui.limits_model import Suggestion, default_name
from wellbeing.ui.limits_page import LimitsPage
from wellbeing.ui.times_up import TimesUpScreen, TimesUpWindow
from wellbeing.ui.translation import install_translation

INSTA = LimitTarget("site", "instagram.com")
SOCIAL = LimitTarget("category", "Social")
STEAM = LimitTarget("app", "steam")
TOTAL = LimitTarget("total")


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """German installed for one test; the translators and the default locale restored after."""
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    assert install_translation(qapp, "de") == "de"
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def editor(qtbot: QtBot) -> LimitEditor:
    model = limits_model(sample_store(), suggestion=Suggestion(45 * 60, 3600))
    dialog = open_limit_editor(model, LimitTarget("app", "firefox"))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_limit_editor_speaks_german(qtbot: QtBot, german: None) -> None:
    dialog = editor(qtbot)
    assert dialog.windowTitle() == "Tageslimit — Firefox"
    assert dialog.title_label.text() == "Tageslimit für Firefox"
    assert dialog.suggestion_label.text() == \
        "Vorschlag: 45 min — ein Viertel unter deinem Median von 1 h"
    assert dialog.use_suggestion.text() == "Übernehmen"
    assert dialog.same_radio.text() == "Jeden Tag gleich"
    assert dialog.per_day_radio.text() == "An manchen Tagen anders"
    assert [b.text() for b in dialog.mode_buttons.values()] == \
        ["Benachrichtigen", "Erinnern", "Blockieren"]
    assert dialog.lock_check.text() == "Festlegen bis"
    assert dialog.cooling_check.text() == "Bedenkzeit"
    assert (dialog.cancel_button.text(), dialog.save_button.text()) == ("Abbrechen", "Speichern")
    assert [c.text() for c in dialog.day_labels][:3] == ["Montag", "Dienstag", "Mittwoch"]
    assert dialog.lock_date.displayFormat() == "d. MMM yyyy"
    dialog.per_day_radio.click()
    for edit in dialog.day_edits:
        edit.setText("")
    assert not dialog.try_save()
    assert dialog.time_error.text() == "Setze an mindestens einem Tag ein Limit."
    dialog.day_edits[2].setText("30h")
    assert not dialog.try_save()
    assert dialog.time_error.text().startswith("Mittwoch: ")


def test_screenshot_limit_editor_in_german(qtbot: QtBot, german: None) -> None:
    dialog = editor(qtbot)
    save(dialog, "limit-editor-de")
    dialog.per_day_radio.click()
    dialog.day_edits[2].setText("0")
    dialog.mode_buttons["block"].click()
    dialog.lock_check.click()
    dialog.save_button.click()
    assert dialog.time_error.isVisible()
    wait_settled(qtbot, dialog)
    save(dialog, "limit-editor-per-weekday-de")


def test_the_limits_page_speaks_german(qtbot: QtBot, german: None) -> None:
    page = LimitsPage(limits_model(sample_store()))
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    qtbot.waitExposed(page)
    rows = {w.row.target: w for w in page.rows}
    insta = rows[INSTA]
    assert insta.used_label.text() == "32 min von 30 min"
    assert insta.status_label.text() == "Aufgeschoben · noch 13 min"
    assert insta.details_label.text() == "30 min täglich · Erinnern · Festgelegt bis 31. Dez."
    assert insta.remove_button.toolTip() == \
        "Festgelegt bis 31. Dez.: Danach kann es entfernt werden"
    assert insta.edit_button.text() == "Bearbeiten…"
    assert rows[SOCIAL].details_label.text() == "1 h Mo.–Fr. · 2 h Sa., So. · Benachrichtigen"
    assert rows[SOCIAL].status_label.text() == "noch 10 min"
    assert rows[STEAM].used_label.text() == "heute 30 min"
    assert rows[STEAM].status_label.text() == "Heute kein Limit"
    assert rows[STEAM].remove_button.text() == "Entfernen"
    assert page.total_button.text() == "Gesamte Bildschirmzeit begrenzen…"
    assert page.clock_label.text() == "Uhr diese Woche 2-mal umgestellt"
    assert page.downtime_switch.text() == "An"
    assert page.subtitle_label.text()  # the date line (the dashboard's own helper)
    assert default_name(TOTAL) == "Gesamte Bildschirmzeit"
    pending = next(w for w in page.rows if w.row.pending_text)
    assert pending.pending_label.text().startswith("Lockereres Limit ab heute um ")
    save(page, "limits-page-de")


def times_up(qtbot: QtBot, state: LimitState, window: WindowInfo) -> TimesUpWindow:
    screen = TimesUpScreen(today=lambda: TODAY)
    screen.show_times_up(state, window, lambda _: None)
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    assert screen.window is not None
    qtbot.addWidget(screen.window)
    return screen.window


def test_the_times_up_window_speaks_german(qtbot: QtBot, german: None) -> None:
    limit = Limit(LimitTarget("app", "instagram"), (30 * 60,) * 7, mode="nag")
    window = times_up(qtbot, LimitState(limit, 30 * 60, 32 * 60, "reached", 2),
                      WindowInfo("instagram", "Instagram"))
    assert window.windowTitle() == "Zeit ist um — Wellbeing"
    assert window.title_label.text() == "Zeit ist um"
    assert window.body_label.text() == \
        "Du hast Instagram heute 32 min genutzt.\nDein Limit liegt bei 30 min."
    assert window.close_button.text() == "Instagram schließen"
    assert window.snooze_button.text() == "15 Minuten mehr (noch 2)"
    assert window.ignore_button.text() == "Limit heute ignorieren"
    save(window, "times-up-de")
    window.hide()
    locked = Limit(LimitTarget("site", "youtube.com"), (3600,) * 7, mode="block",
                   locked_until=date(2026, 12, 31))
    window = times_up(qtbot, LimitState(locked, 3600 + 900, 75 * 60, "reached", 0),
                      WindowInfo("firefox", "Firefox"))
    assert window.snooze_button.text() == "Heute kein Aufschub mehr"
    assert window.note_label.text() == ("Du hast dieses Limit bis 31. Dez. festgelegt.\n"
                                        "Firefox wird minimiert, solange du über dem Limit bist.")
    save(window, "times-up-block-de")


class NoExperiment:
    """An ``ExperimentService`` before any experiment."""

    def status(self) -> None:
        return None


def test_the_experiment_screens_speak_german(qtbot: QtBot, german: None) -> None:
    page = ExperimentPage(cast(Any, NoExperiment()))
    qtbot.addWidget(page)
    assert page.setup_button.text() == "Experiment einrichten…"
    assert page.lines.text().startswith("Finde an dir selbst heraus, ob du dich besser fühlst")
    running = SimpleNamespace(
        abandoned=False, finished=False, day_number=9, days_total=28, phase="limited",
        adherence_days=2, adherence_days_within=1, checkins_done=7,
        checkins_missing=(date(2026, 3, 5),), questionnaires_due=(("who5", TODAY),))
    assert ExperimentPage._describe(cast(Any, running)).split("\n") == [
        "Tag 9 von 28. Begrenzte Woche: Deine gewählten Plattformen haben ihre Tageslimits.",
        "Tage innerhalb deiner Limits: 1 von 2.",
        "Check-ins: 7 erledigt, 1 verpasst.",
        "Die Fragebögen dieser Woche sind bereit: WHO5.",
    ]
    wizard = ExperimentWizard(lambda _choices: None)
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == "Experiment einrichten — Wellbeing"
    assert wizard.classic.text() == "Klassisch: 1 Ausgangswoche, dann 3 begrenzte Wochen"
    assert wizard.primary.itemText(0) == "Stimmung am Abend (täglicher Check-in)"
    assert wizard.minutes.suffix() == " Min. am Tag je Plattform"
    checkin = CheckinDialog("dein Tag heute", lambda _v, _n: "")
    qtbot.addWidget(checkin)
    assert checkin.windowTitle() == "Abend-Check-in — Wellbeing"
    prompt = PromptDialog(lambda _mood: None)
    qtbot.addWidget(prompt)
    prompt.save()
    assert prompt.message.text() == "Wähle zuerst eine Zahl von 0 bis 10."
    note = care_note()
    assert "Brauchst du jetzt Hilfe?" in note.text()
    assert "findahelpline.com" in note.text()
    note.deleteLater()


def test_the_report_speaks_german_with_decimal_commas(qtbot: QtBot, german: None) -> None:
    view = ReportView()
    qtbot.addWidget(view)
    measure = {"baseline_mean": 5.24, "limited_mean": 6.5, "difference": 1.25,
               "ci95": [0.5, 2.0], "nap": 0.75, "p": 0.04, "note": ""}
    view.show_report({
        "summary": "", "primary": "mood", "measures": {"mood": measure},
        "daily": [{"date": "2026-03-02", "phase": "baseline", "usage_seconds": 1800, "mood": 6}],
        "adherence": {"days": 3, "days_within_limit": 2},
        "dose_response": {"slope_per_10_min": -0.456, "r": -0.31, "n": 20},
        "phone": [{"date": "2026-03-02", "target": "instagram.com", "daily_seconds": 2400}],
    })
    header = view.table.horizontalHeaderItem(0)
    assert header is not None
    assert header.text() == "Messgröße"
    cells = [view.table.item(0, column) for column in range(6)]
    assert [c.text() for c in cells if c is not None] == [
        "Stimmung am Abend (Hauptfrage)", "5,2", "6,5", "+1,25 (0,50 bis 2,00)", "75 %", "0,04"]
    assert view.pdf_button.text() == "Als PDF speichern…"
    extra = view.extra.text().split("\n")
    assert extra[0] == "Tage innerhalb deiner Limits: 2 von 3."
    assert "im Schnitt 0,46 Punkte niedriger (Korrelation -0,31, 20 Tage)" in extra[1]
    assert extra[2] == \
        "Handy, selbst angegeben, Woche ab 2. März 2026: instagram.com 40 Min. am Tag."
    assert view.legend.text().endswith("Tag 0 ist der 2. März 2026.")
    assert "nach Phase (Ausgangsphase)" in view.legend.text()


def test_every_measure_name_is_marked_for_translation() -> None:
    assert set(LABELS.values()) <= set(MEASURE_NAMES)
