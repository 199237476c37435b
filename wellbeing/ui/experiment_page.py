"""The dashboard's Experiment page: set one up, follow it day by day, read its report.

Three states. Before any experiment: a plain explanation and "Set up an
experiment…". While one runs: the day and today's phase (never the future
random order), days within the limits, check-ins done and missing, buttons
for today's check-in, the questionnaires due, the report so far, and ending
it (everything answered is kept). Afterwards: the report.

The page talks to a ``services.experiment.ExperimentService`` only, built by
the app when the page is first shown (so the tray at rest never loads it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing.ui.checkin import (
    CheckinDialog,
    PhoneDialog,
    PromptDialog,
    QuestionnaireDialog,
    care_note,
)
from wellbeing.ui.experiment_report import ReportView
from wellbeing.ui.experiment_wizard import ExperimentWizard
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import label

if TYPE_CHECKING:
    from wellbeing.services.experiment import ExperimentService, Status
    from wellbeing.storage.queries import UsageItem

NOT_STARTED = QT_TRANSLATE_NOOP(
    "Experiment",
    "Find out, on yourself, whether using social media less makes you feel better. "
    "A baseline week, then weeks with a 10-minute daily limit on each platform you choose, "
    "with an evening check-in and a few short weekly questionnaires. It follows Hunt et al. "
    "(2018); later studies are mixed, and the report says honestly what your weeks can show."
)
"""In English, like :data:`PHASE_TEXT`; shown through ``translate("Experiment", ...)``."""

PHASE_TEXT = {
    "baseline": QT_TRANSLATE_NOOP("Experiment", "Baseline week: use your computer as usual."),
    "limited": QT_TRANSLATE_NOOP(
        "Experiment", "Limited week: your chosen platforms have their daily limits."),
    "usual": QT_TRANSLATE_NOOP("Experiment", "Usual week: no limits this week."),
    "follow-up": QT_TRANSLATE_NOOP("Experiment", "Follow-up week: the limits are off."),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate("Experiment", text) if text else ""


class ExperimentPage(QWidget):
    """The Experiment page over an ``ExperimentService``."""

    def __init__(
        self,
        service: ExperimentService,
        suggest: Callable[[], list[UsageItem]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._suggest = suggest
        self.setObjectName("experiment_page")
        self.setAccessibleName(self.tr("Experiment"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(self.tr("Experiment"), "experiment_title", scale=1.55, bold=True))
        self.lines = label("", "experiment_status", wrap=True)
        box.addWidget(self.lines)
        row = QHBoxLayout()
        self.setup_button = QPushButton(self.tr("Set up an experiment…"))
        self.setup_button.setObjectName("setup_experiment")
        self.setup_button.clicked.connect(self.open_wizard)
        self.checkin_button = QPushButton(self.tr("Evening check-in…"))
        self.checkin_button.setObjectName("open_checkin")
        self.checkin_button.clicked.connect(self.open_checkin)
        self.questionnaire_button = QPushButton(self.tr("Weekly questionnaire…"))
        self.questionnaire_button.setObjectName("open_questionnaire")
        self.questionnaire_button.clicked.connect(self.open_questionnaire)
        self.phone_button = QPushButton(self.tr("Phone screen time…"))
        self.phone_button.setObjectName("open_phone")
        self.phone_button.clicked.connect(self.open_phone)
        self.abandon_button = QPushButton(self.tr("End the experiment…"))
        self.abandon_button.setObjectName("abandon_experiment")
        self.abandon_button.clicked.connect(self.abandon)
        self.export_button = QPushButton(self.tr("Export data…"))
        self.export_button.setObjectName("export_experiment")
        self.export_button.clicked.connect(self.export)
        for button in (self.setup_button, self.checkin_button, self.questionnaire_button,
                       self.phone_button, self.export_button, self.abandon_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.report_view = ReportView()
        box.addWidget(self.report_view, 1)
        box.addWidget(care_note())
        self.dialog: QWidget | None = None
        self.refresh()

    @staticmethod
    def social_suggestions(queries: Any, today: date) -> list[UsageItem]:
        """Sites and apps of the Social category used in the last 28 days, most used first."""
        from wellbeing.storage.queries import OTHER_SITE_PREFIX

        report = queries.usage(today - timedelta(days=28), today - timedelta(days=1), by="site",
                               per_day_items=False)
        social = [item for item in report.items
                  if item.category == "Social" and not item.key.startswith(OTHER_SITE_PREFIX)]
        return sorted(social, key=lambda item: -item.seconds)[:5]

    def refresh(self) -> None:
        """Show the experiment as it stands now."""
        status = self.service.status()
        running = status is not None and not (status.finished or status.abandoned)
        self.setup_button.setVisible(not running)
        self.checkin_button.setVisible(running)
        self.abandon_button.setVisible(running)
        self.export_button.setVisible(status is not None)
        due = status.questionnaires_due if status is not None else ()
        self.questionnaire_button.setVisible(running and bool(due))
        self.phone_button.setVisible(running and status is not None and status.phone_due)
        self.lines.setText(self._describe(status))
        if status is None:
            self.report_view.hide()
            return
        self.report_view.show()
        # the summary and the notes in the interface's language, decimals as the locale writes them
        self.report_view.show_report(self.service.report().to_json(
            shown=True, point=QLocale().decimalPoint()))

    @staticmethod
    def _describe(status: Status | None) -> str:
        if status is None:
            return _translated(NOT_STARTED)
        if status.abandoned:
            return QCoreApplication.translate(
                "Experiment", "You ended this experiment early. Everything you answered is kept.")
        if status.finished:
            return QCoreApplication.translate(
                "Experiment", "Your experiment is complete. Here is what changed.")
        day = QCoreApplication.translate("Experiment", "Day {day} of {days}.").format(
            day=status.day_number, days=status.days_total)
        lines = [f"{day} {_translated(PHASE_TEXT.get(status.phase or '', ''))}"]
        if status.adherence_days:
            lines.append(QCoreApplication.translate(
                "Experiment", "Days within your limits: {within} of {days}.").format(
                within=status.adherence_days_within, days=status.adherence_days))
        missing = len(status.checkins_missing)
        if missing:
            checkins = QCoreApplication.translate(
                "Experiment", "Check-ins: {done} done, {missing} missed.")
        else:
            checkins = QCoreApplication.translate("Experiment", "Check-ins: {done} done.")
        lines.append(checkins.format(done=status.checkins_done, missing=missing))
        if status.questionnaires_due:
            lines.append(QCoreApplication.translate(
                "Experiment", "This week's questionnaires are ready: {names}.").format(
                names=", ".join(key.upper() for key, _ in status.questionnaires_due)))
        return "\n".join(lines)

    # -- actions ----------------------------------------------------------------------

    def open_wizard(self) -> ExperimentWizard:
        found = self._suggest() if self._suggest is not None else []
        wizard = ExperimentWizard(
            self._start,
            suggestions=", ".join(item.key for item in found),
            seen=[(item.name, item.seconds) for item in found],
            parent=self,
        )
        wizard.accepted.connect(self.refresh)
        self.dialog = wizard
        wizard.show()
        return wizard

    def _start(self, choices: dict[str, Any]) -> None:
        from wellbeing.core.limit_targets import LimitTarget, parse_target_text
        from wellbeing.errors import ExperimentError
        from wellbeing.services.experiment import Setup

        targets = []
        for text in choices.pop("targets"):
            target = parse_target_text(text) or LimitTarget("site", text.lower())
            if target.kind not in ("app", "site"):
                raise ExperimentError(
                    self.tr("{target} is not an app or a site.").format(target=text))
            targets.append(target)
        self.service.start(Setup(targets=tuple(targets), **choices))

    def open_checkin(self) -> CheckinDialog:
        from wellbeing.services.experiment import Checkin

        def submit(values: dict[str, int], note: str) -> str:
            saved = self.service.checkin(Checkin(note=note, **values))
            return self.tr("Replaced today's earlier check-in.") if saved.replaced \
                else self.tr("Saved.")

        # "How was {day}?": the day as the check-in's title names it
        dialog = CheckinDialog(self.tr("today", "How was {day}?"), submit, parent=self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_questionnaire(self) -> QuestionnaireDialog | None:
        from wellbeing.services.instrument_texts import instrument

        status = self.service.status()
        if status is None or not status.questionnaires_due:
            return None
        key, day = status.questionnaires_due[0]

        def submit(answers: Sequence[int], key: str = key, day: date = day) -> Any:
            return self.service.answer(key, answers, day)

        dialog = QuestionnaireDialog(instrument(key), submit, parent=self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_prompt(self) -> PromptDialog:
        from datetime import datetime

        def submit(mood: int) -> object:
            now = datetime.now()
            return self.service.answer_prompt(mood, now.hour * 60 + now.minute)

        dialog = PromptDialog(submit, parent=self)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_phone(self) -> PhoneDialog | None:
        status = self.service.status()
        if status is None:
            return None

        def submit(minutes: dict[str, int]) -> None:
            for target, value in minutes.items():
                self.service.record_phone(target, value * 60)

        dialog = PhoneDialog(status.targets, submit, parent=self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.show()
        return dialog

    def abandon(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("End the experiment?"),
            self.tr("End the experiment now? Everything you answered is kept, and its limits "
                    "are lifted."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.service.abandon()
            self.refresh()

    def export(self, directory: str | None = None) -> list[Path]:
        from wellbeing.services.experiment_export import export_experiment

        chosen = directory or QFileDialog.getExistingDirectory(
            self, self.tr("Export the experiment to"))
        if not chosen:
            return []
        return export_experiment(self.service, Path(os.fspath(chosen)))
