"""The evening check-in and the weekly questionnaires, as calm, short dialogs.

The check-in asks the four ``core.instruments.DAILY_ITEMS`` on 0–10 scales
with nothing chosen beforehand (a preselected answer would be recorded
without being given), plus an optional note. A questionnaire dialog shows any
``Instrument`` exactly as its source gives it: the stem, every item with its
answer options, and the citation. In both, an unanswered item blocks saving
with a message naming it; nothing is stored until everything is answered.

Every dialog carries the "not medical advice" line and a "Need help now?"
link to crisis lines (opened in the browser only when clicked).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wellbeing.core.instruments import (
    DAILY_ITEMS,
    AnswerError,
    Instrument,
    Score,
    check_daily,
    shown,
)
from wellbeing.ui.theme import Metrics
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import label

HELP_URL = "https://findahelpline.com"
"""Crisis lines for every country (opened only when the user clicks the link)."""

CARE_TEXT = QT_TRANSLATE_NOOP(
    "Checkin",
    "This is not a diagnosis or medical advice. "
    '<a href="{url}">Need help now?</a> Free, confidential helplines in your country.'
)
"""In English, with ``{url}`` for :data:`HELP_URL`; :func:`care_note` shows it translated."""


CHOSEN_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " font-weight: bold; }"
)
"""A chosen answer stands out clearly (the style's own pressed look is faint)."""


def care_note(parent: QWidget | None = None) -> QLabel:
    """The not-medical-advice line with the "Need help now?" link."""
    note = QLabel(QCoreApplication.translate("Checkin", CARE_TEXT).format(url=HELP_URL), parent)
    note.setObjectName("care_note")
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.RichText)
    note.setOpenExternalLinks(True)
    return note


#: The validated questionnaires keep their English items (no validated translation ships);
#: in another language this line says so above them.
WORDING = QT_TRANSLATE_NOOP("QuestionnaireDialog",
                            "These questions are shown in their validated English wording.")


def error_text(exc: BaseException) -> str:
    """What to show for a refused answer: the user-facing message when there is one."""
    message = getattr(exc, "user_message", None)
    return str(message()) if callable(message) else str(exc)


class ScaleRow(QWidget):
    """One 0–10 question: eleven buttons, none chosen at first."""

    def __init__(self, key: str, question: str, low: str, high: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(f"scale_{key}")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(question, f"question_{key}", bold=True))
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.group = QButtonGroup(self)
        for value in range(11):
            button = QPushButton(str(value))
            button.setObjectName(f"{key}_{value}")
            button.setCheckable(True)
            button.setAccessibleName(f"{question} {value}")
            button.setMinimumWidth(round(Metrics.of(self.font()).line * 2))
            self.group.addButton(button, value)
            buttons.addWidget(button)
        box.addLayout(buttons)
        ends = QHBoxLayout()
        ends.addWidget(label(f"0 = {low}", muted=True))
        ends.addStretch(1)
        ends.addWidget(label(f"10 = {high}", muted=True))
        box.addLayout(ends)

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def choose(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)


class CheckinDialog(QDialog):
    """The evening check-in; ``submit`` gets the answers and returns what to say (or raises)."""

    def __init__(
        self,
        day_text: str,
        submit: Callable[[dict[str, int], str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evening check-in — Wellbeing"))
        self.setObjectName("checkin_dialog")
        self.setStyleSheet(CHOSEN_STYLE)
        self._submit = submit
        m = Metrics.of(self.font())
        box = QVBoxLayout(self)
        box.setSpacing(round(m.gap * 1.2))
        box.addWidget(label(self.tr("How was {day}?").format(day=day_text), "checkin_title",
                            scale=1.3, bold=True))
        box.addWidget(label(
            self.tr("Four quick questions, under a minute. There are no right answers."),
            muted=True))
        self.rows = [
            ScaleRow(item.key, shown(item.question), shown(item.low_label),
                     shown(item.high_label))
            for item in DAILY_ITEMS
        ]
        for row in self.rows:
            box.addWidget(row)
        self.note = QLineEdit()
        self.note.setObjectName("checkin_note")
        self.note.setPlaceholderText(self.tr("A note for yourself (optional)"))
        box.addWidget(self.note)
        self.message = label("", "checkin_message")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        box.addWidget(care_note())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("checkin_buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.result_text = ""

    def save(self) -> None:
        """Check every item is answered, then hand the answers on; stay open on a problem."""
        try:
            values = check_daily({row.key: row.value() for row in self.rows})
        except AnswerError as exc:
            self.message.setText(str(exc))
            return
        try:
            self.result_text = self._submit(values, self.note.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was saved
            self.message.setText(error_text(exc))
            return
        self.accept()


class QuestionnaireDialog(QDialog):
    """One questionnaire exactly as its source gives it; ``submit`` stores the answers."""

    def __init__(
        self,
        instrument: Instrument,
        submit: Callable[[Sequence[int]], Score],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self._submit = submit
        self.setWindowTitle(self.tr("{name} — Wellbeing").format(name=instrument.name))
        self.setObjectName(f"questionnaire_{instrument.key}")
        m = Metrics.of(self.font())
        box = QVBoxLayout(self)
        box.setSpacing(round(m.gap))
        box.addWidget(label(instrument.name, "questionnaire_title", scale=1.3, bold=True))
        # A translated interface says why the questionnaire is in English (English needs no line).
        wording = self.tr(WORDING)
        self.wording_note = label(wording, "questionnaire_wording", muted=True, wrap=True) \
            if wording != WORDING else None
        if self.wording_note is not None:
            box.addWidget(self.wording_note)
        stem = label(instrument.stem, "questionnaire_stem")
        stem.setWordWrap(True)
        box.addWidget(stem)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(round(m.gap))
        grid.setVerticalSpacing(round(m.gap * 0.8))
        for column, choice in enumerate(instrument.choices, start=1):
            head = label(choice.label, f"choice_{column}", muted=True)
            head.setWordWrap(True)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, column)
        self.groups: list[QButtonGroup] = []
        for row, text in enumerate(instrument.items, start=1):
            item = label(f"{row}. {text}", f"item_{row}")
            item.setWordWrap(True)
            item.setMinimumWidth(round(m.line * 16))
            grid.addWidget(item, row, 0)
            group = QButtonGroup(self)
            for column, choice in enumerate(instrument.choices, start=1):
                radio = QRadioButton()
                radio.setObjectName(f"item_{row}_value_{choice.value}")
                radio.setAccessibleName(f"{text}: {choice.label}")
                group.addButton(radio, choice.value)
                grid.addWidget(radio, row, column, Qt.AlignmentFlag.AlignCenter)
            self.groups.append(group)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setMinimumHeight(round(min(m.line * 30, m.line * (3 + 2.6 * len(instrument.items)))))
        box.addWidget(scroll, 1)
        citation = label(self.tr("Source: {citation}").format(citation=instrument.citation),
                         "questionnaire_citation", muted=True)
        citation.setWordWrap(True)
        box.addWidget(citation)
        self.message = label("", "questionnaire_message")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        box.addWidget(care_note())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.score: Score | None = None
        self.resize(round(m.line * 50), round(m.line * 42))

    def answers(self) -> list[int | None]:
        return [None if g.checkedButton() is None else g.checkedId() for g in self.groups]

    def choose(self, item: int, value: int) -> None:
        """Pick ``value`` for the 1-based ``item`` (tests, keyboard helpers)."""
        button = self.groups[item - 1].button(value)
        if button is not None:
            button.setChecked(True)

    def save(self) -> None:
        answers = self.answers()
        missing = next((n for n, a in enumerate(answers, start=1) if a is None), None)
        if missing is not None:
            self.message.setText(self.tr('Item {number} ("{item}") is not answered yet.').format(
                number=missing, item=self.instrument.items[missing - 1]))
            return
        try:
            self.score = self._submit([a for a in answers if a is not None])
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was saved
            self.message.setText(error_text(exc))
            return
        if self.score.band:
            saved = self.tr("Saved. Your score: {score} ({band}).")
        else:
            saved = self.tr("Saved. Your score: {score}.")
        self.message.setText(saved.format(score=self.score.score, band=self.score.band))
        self.accept()


class PhoneDialog(QDialog):
    """This week's phone screen time per target, read off Screen Time or Digital Wellbeing."""

    def __init__(
        self,
        targets: Sequence[str],
        submit: Callable[[dict[str, int]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phone screen time — Wellbeing"))
        self.setObjectName("phone_dialog")
        self._submit = submit
        box = QVBoxLayout(self)
        intro = label(self.tr(
            "wellbeing cannot see your phone. If you like, open Screen Time (iPhone) or Digital "
            "Wellbeing (Android) and type in the daily average of this week for each one. It is "
            "shown in the report beside the tracked figures, marked as self-reported."),
            "phone_intro", wrap=True)
        box.addWidget(intro)
        form = QGridLayout()
        self.fields: dict[str, QSpinBox] = {}
        for row, target in enumerate(targets):
            form.addWidget(label(target, f"phone_{row}"), row, 0)
            field = QSpinBox()
            field.setObjectName(f"phone_minutes_{row}")
            field.setRange(0, 24 * 60)
            field.setSuffix(self.tr(" min a day"))
            form.addWidget(field, row, 1)
            self.fields[target] = field
        box.addLayout(form)
        self.message = label("", "phone_message", wrap=True)
        box.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def save(self) -> None:
        try:
            self._submit({target: field.value() for target, field in self.fields.items()})
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing more was saved
            self.message.setText(error_text(exc))
            return
        self.accept()


class PromptDialog(QDialog):
    """A daytime prompt: one question, mood right now, 0–10."""

    def __init__(self, submit: Callable[[int], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A quick question — Wellbeing"))
        self.setObjectName("prompt_dialog")
        self.setStyleSheet(CHOSEN_STYLE)
        self._submit = submit
        box = QVBoxLayout(self)
        self.row = ScaleRow("mood", self.tr("How is your mood right now?"), self.tr("Very low"),
                            self.tr("Very good"))
        box.addWidget(self.row)
        self.message = label("", "prompt_message", wrap=True)
        box.addWidget(self.message)
        box.addWidget(care_note())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def save(self) -> None:
        value = self.row.value()
        if value is None:
            self.message.setText(self.tr("Choose a number from 0 to 10 first."))
            return
        try:
            self._submit(value)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was saved
            self.message.setText(error_text(exc))
            return
        self.accept()
