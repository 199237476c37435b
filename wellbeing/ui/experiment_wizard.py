"""Setting up a self-experiment: three short wizard pages in plain words.

1. What the experiment is (Hunt et al. 2018, what later studies found, what
   this app can and cannot see).
2. The plan: the design, the platforms to limit and their daily minutes, the
   main question (chosen now, before the baseline, so the report cannot pick
   the best-looking result afterwards), and the check-in time.
3. A summary with the not-medical-advice note; "Start" calls the service.

The wizard builds a ``services.experiment.Setup`` and hands it to ``start``;
a refusal (an unknown site, a target that already has a limit) is shown on
the last page and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from wellbeing.ui.checkin import care_note, error_text
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import label

INTRO = QT_TRANSLATE_NOOP(
    "ExperimentWizard",
    "In 2018, Hunt and colleagues asked 143 students to keep Facebook, Instagram and Snapchat "
    "to 10 minutes each a day for three weeks. Compared with students who used them as usual, "
    "they felt less lonely and less depressed. Later studies are mixed: most found a small "
    "effect, some none.\n\n"
    "This experiment lets you find out for yourself. First a baseline week: use your computer "
    "as usual while wellbeing records it. Then limited weeks: each platform you choose gets a "
    "daily limit. Each evening a four-question check-in (under a minute), and at the end of "
    "each week four short questionnaires. At the end you get an honest report of what changed.\n\n"
    "wellbeing sees only this computer, not your phone. Once a week you can type in what your "
    "phone's Screen Time or Digital Wellbeing shows."
)
"""In English, like :data:`PRIMARY`'s texts; the wizard shows them translated."""

PRIMARY = (
    ("mood", QT_TRANSLATE_NOOP("ExperimentWizard", "Evening mood (the daily check-in)")),
    ("lonely", QT_TRANSLATE_NOOP("ExperimentWizard", "Loneliness (the daily check-in)")),
    ("anxious", QT_TRANSLATE_NOOP("ExperimentWizard", "Anxiety (the daily check-in)")),
    ("missed_out",
     QT_TRANSLATE_NOOP("ExperimentWizard", "Feeling of missing out (the daily check-in)")),
    ("who5", QT_TRANSLATE_NOOP("ExperimentWizard", "Well-being (WHO-5, weekly)")),
    ("ucla3", QT_TRANSLATE_NOOP("ExperimentWizard", "Loneliness (UCLA, weekly)")),
    ("phq8", QT_TRANSLATE_NOOP("ExperimentWizard", "Low mood (PHQ-8, weekly)")),
    ("gad7", QT_TRANSLATE_NOOP("ExperimentWizard", "Anxiety (GAD-7, weekly)")),
)


class ExperimentWizard(QWizard):
    """The set-up wizard; ``start`` gets the choices and raises with a message if it cannot."""

    def __init__(
        self,
        start: Callable[[dict[str, object]], None],
        suggestions: str = "",
        seen: Sequence[tuple[str, float]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("experiment_wizard")
        self.setWindowTitle(self.tr("Set up an experiment — Wellbeing"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._start = start
        self.addPage(self._intro())
        self.addPage(self._plan(suggestions, seen))
        self.addPage(self._confirm())
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.resize(720, 560)

    def _intro(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Does using social media less make you feel better?"))
        box = QVBoxLayout(page)
        text = label(self.tr(INTRO), "wizard_intro", wrap=True)
        box.addWidget(text)
        box.addStretch(1)
        box.addWidget(care_note())
        return page

    def _plan(self, suggestions: str, seen: Sequence[tuple[str, float]]) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Your plan"))
        form = QFormLayout(page)
        self.classic = QRadioButton(self.tr("Classic: 1 baseline week, then 3 limited weeks"))
        self.classic.setObjectName("design_classic")
        self.classic.setChecked(True)
        self.randomized = QRadioButton(self.tr(
            "Stronger evidence: after the baseline, limited and usual weeks in a random order "
            "(4 weeks or more; the order stays hidden until the end)"
        ))
        self.randomized.setObjectName("design_randomized")
        design = QVBoxLayout()
        design.addWidget(self.classic)
        design.addWidget(self.randomized)
        self.follow_up = QCheckBox(self.tr("Add a follow-up week with the limits off (classic)"))
        self.follow_up.setObjectName("follow_up")
        design.addWidget(self.follow_up)
        form.addRow(self.tr("Design"), design)
        self.targets = QLineEdit(suggestions)
        self.targets.setObjectName("targets")
        self.targets.setPlaceholderText("instagram.com, facebook.com")
        form.addRow(self.tr("Platforms to limit"), self.targets)
        if seen:
            days = 28
            text = self.tr("Seen in the last 4 weeks: {platforms}").format(platforms=", ".join(
                self.tr("{name} ({minutes} min a day)").format(
                    name=name, minutes=round(seconds / days / 60)) for name, seconds in seen))
            form.addRow("", label(text, "seen_social", muted=True, wrap=True))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min a day each"))
        form.addRow(self.tr("Daily limit"), self.minutes)
        self.primary = QComboBox()
        self.primary.setObjectName("primary")
        for key, text in PRIMARY:
            self.primary.addItem(self.tr(text), key)
        form.addRow(self.tr("Main question"), self.primary)
        why = label(self.tr(
            "Chosen now, before the baseline, so the report leads with it whatever the results: "
            "no picking the best-looking number afterwards."), "primary_why", muted=True, wrap=True
        )
        form.addRow("", why)
        self.checkin = QTimeEdit(QTime(21, 0))
        self.checkin.setObjectName("checkin_time")
        self.checkin.setDisplayFormat("HH:mm")
        form.addRow(self.tr("Evening check-in at"), self.checkin)
        self.prompts = QSpinBox()
        self.prompts.setObjectName("prompts")
        self.prompts.setRange(0, 2)
        self.prompts.setSuffix(self.tr(" short prompts a day (mood right now)"))
        form.addRow(self.tr("During the day"), self.prompts)
        return page

    def _confirm(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Ready"))
        box = QVBoxLayout(page)
        box.addWidget(label(self.tr(
            "The limits are locked while a limited week runs, so you cannot loosen them on a "
            "bad evening; you can end the experiment at any time and keep everything you "
            "answered."), "confirm_text", wrap=True))
        box.addWidget(label(self.tr(
            "One person's result can have many causes: a stressful week, the weather, good "
            "news. The report says what fits your data, not why."), "confirm_caution",
            muted=True, wrap=True))
        self.error = QLabel("")
        self.error.setObjectName("wizard_error")
        self.error.setWordWrap(True)
        box.addWidget(self.error)
        box.addStretch(1)
        box.addWidget(care_note())
        return page

    def choices(self) -> dict[str, object]:
        """What the user chose, as ``services.experiment.Setup`` fields (targets as text)."""
        minute = self.checkin.time().hour() * 60 + self.checkin.time().minute()
        return {
            "design": "randomized" if self.randomized.isChecked() else "classic",
            "targets": [t.strip() for t in self.targets.text().split(",") if t.strip()],
            "limit_seconds": self.minutes.value() * 60,
            "checkin_minute": minute,
            "prompts_per_day": self.prompts.value(),
            "primary": self.primary.currentData(),
            "follow_up": self.follow_up.isChecked() and not self.randomized.isChecked(),
        }

    def accept(self) -> None:
        """Start the experiment; on a refusal, say why and stay open."""
        try:
            self._start(self.choices())
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was stored
            self.error.setText(error_text(exc))
            return
        super().accept()
