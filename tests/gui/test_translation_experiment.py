"""The experiment's screens in German: page, wizard, check-in, prompt and report.

With the German translation installed (and its locale the default, as
``install_translation`` makes it; the ``german`` fixture in conftest), the
experiment page, the set-up wizard, the evening check-in, the daytime prompt
and the report show German text, German month names and decimal commas.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from wellbeing.core.experiment_report import LABELS
from wellbeing.ui.checkin import CheckinDialog, PromptDialog, care_note
from wellbeing.ui.experiment_page import ExperimentPage
from wellbeing.ui.experiment_report import MEASURE_NAMES, ReportView
from wellbeing.ui.experiment_wizard import ExperimentWizard


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
