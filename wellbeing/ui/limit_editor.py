"""The limit editor: time per day (the same every day or per weekday), mode, lock and cooling-off.

Opened from "Set limit…" on a dashboard row (an app, a site or a category) or
from the Limits page (Edit…, or total screen time). A new limit starts from the
suggestion drawn from the person's own last four weeks, shown with the median
it comes from. Durations are typed as people say them ("45", "45m", "1h30m");
a bad value, zero, or more than 24 hours is refused inline with the reason, and
so is loosening a locked limit (the ``LimitLocked`` message of the commitment
rules). Nothing is saved until Save succeeds; Cancel saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing.core.limits import (
    DEFAULT_WARN_BEFORE_S,
    MODES,
    Limit,
    LimitError,
    LimitTarget,
    Mode,
    parse_duration,
)
from wellbeing.ui.icons import app_icon
from wellbeing.ui.limits_model import LimitsModel, Suggestion, mode_help, mode_text, short_day
from wellbeing.ui.theme import Metrics, level_text_color
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import PaletteStyler, label, primary, stylesheet

NO_DAY = QT_TRANSLATE_NOOP("LimitEditor", "Set a limit on at least one day.")
"""In English; shown through ``QCoreApplication.translate("LimitEditor", NO_DAY)``."""


def weekday_name(day: int) -> str:
    """"Monday" for 0 to "Sunday" for 6, in the locale's language."""
    return QLocale().dayName(day + 1, QLocale.FormatType.LongFormat)


def duration_input(seconds: int) -> str:
    """How a duration is written in a field: "45m", "1h30m", "1h", "90s" -> "1m30s"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "")
    return out + (f"{secs}s" if secs else "") or "0m"


def sentence(message: str) -> str:
    """A message as a sentence: capitalised, ending with a full stop or question mark."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def parse_field(text: str) -> int:
    """Seconds from a field; a bare number means minutes. Raises ``LimitError``."""
    stripped = text.strip()
    if stripped.isdigit():
        try:
            return parse_duration(f"{stripped}m")
        except LimitError as exc:
            raise LimitError(str(exc).replace(f"'{stripped}m'", f"'{stripped}'")) from None
    return parse_duration(stripped)


class LimitEditor(QDialog):
    """The editor of one target's limit.

    Args:
        target: what the limit counts.
        name: how to call it ("Instagram", "Total screen time").
        current: the limit in force, if any (its values are shown).
        today: the local day (locks start from it).
        save: stores the wanted limit; raises ``LimitError`` to refuse (shown inline).
        suggestion: a value to propose, with the median it comes from.
    """

    def __init__(
        self,
        target: LimitTarget,
        name: str,
        *,
        current: Limit | None,
        today: date,
        save: Callable[[Limit], object],
        suggestion: Suggestion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._restyle = PaletteStyler(self, self._style)
        self.target = target
        self.current = current
        self.today = today
        self._save = save
        self.suggestion = suggestion
        self.saved: Limit | None = None
        self.setObjectName("limit_editor")
        self.setWindowTitle(self.tr("Daily limit — {name}").format(name=name))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Daily limit for {name}").format(name=name))
        self._build(name)
        self._show(current)
        self._restyle()
        self.fit()  # after the style: it changes the size of radio buttons

    # -- construction --------------------------------------------------------------

    def _build(self, name: str) -> None:
        m = Metrics.of(self.font())
        box = QVBoxLayout(self)
        box.setContentsMargins(*(round(m.gap * 1.8),) * 4)
        box.setSpacing(round(m.gap * 0.9))
        self.title_label = label(self.tr("Daily limit for {name}").format(name=name),
                                 "editor_title", scale=1.3, bold=True)
        box.addWidget(self.title_label)
        self.locked_label = label(name="locked_note", muted=True, wrap=True)
        box.addWidget(self.locked_label)
        suggest_row = QHBoxLayout()
        self.suggestion_label = label(name="suggestion", muted=True, wrap=True)
        self.use_suggestion = QPushButton(self.tr("Use"))
        self.use_suggestion.setAccessibleName(self.tr("Use the suggestion"))
        self.use_suggestion.clicked.connect(self._use_suggestion)
        suggest_row.addWidget(self.suggestion_label, 1)
        suggest_row.addWidget(self.use_suggestion)
        box.addLayout(suggest_row)
        box.addWidget(self._build_time(m))
        self.time_error = label(name="time_error", wrap=True)
        box.addWidget(self.time_error)
        box.addSpacing(round(m.gap * 0.8))
        box.addWidget(self._build_modes(m))
        box.addSpacing(round(m.gap * 0.8))
        box.addWidget(self._build_commitment(m))
        self.save_error = label(name="save_error", wrap=True)
        box.addWidget(self.save_error)
        box.addStretch(1)
        box.addSpacing(round(m.gap * 1.0))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = primary(QPushButton(self.tr("Save")))
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.save_button.setAccessibleName(self.tr("Save the limit"))
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        box.addLayout(buttons)
        self.setFixedWidth(round(m.line * 36))

    def _build_time(self, m: Metrics) -> QWidget:
        section = QWidget()
        grid = QGridLayout(section)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(round(m.gap))
        grid.setVerticalSpacing(round(m.gap * 0.45))
        grid.addWidget(label(self.tr("Time per day"), "time_caption", scale=1.1, bold=True),
                       0, 0, 1, 3)
        self.same_radio = QRadioButton(self.tr("The same every day"))
        self.per_day_radio = QRadioButton(self.tr("Different on some days"))
        self.days_group = QButtonGroup(self)
        for radio in (self.same_radio, self.per_day_radio):
            self.days_group.addButton(radio)
            radio.setAccessibleName(radio.text())
        self.same_edit = QLineEdit()
        self.same_edit.setAccessibleName(self.tr("Time every day"))
        self.same_edit.setPlaceholderText(self.tr("e.g. 45m or 1h30m"))
        grid.addWidget(self.same_radio, 1, 0, 1, 2)
        grid.addWidget(self.same_edit, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.per_day_radio, 2, 0, 1, 3)
        self.day_edits: list[QLineEdit] = []
        self.day_labels = []
        for day in range(7):
            day_name = weekday_name(day)
            caption = label(day_name, f"day_{day}")
            edit = QLineEdit()
            edit.setAccessibleName(self.tr("Time on {day}").format(day=day_name))
            edit.setPlaceholderText(self.tr("no limit"))
            grid.addWidget(caption, 3 + day, 1)
            grid.addWidget(edit, 3 + day, 2, Qt.AlignmentFlag.AlignLeft)
            self.day_edits.append(edit)
            self.day_labels.append(caption)
        grid.setColumnMinimumWidth(0, round(m.gap * 1.5))
        grid.setColumnStretch(2, 1)
        for edit in (self.same_edit, *self.day_edits):
            edit.setFixedWidth(round(m.line * 9))
        self.same_radio.toggled.connect(self._days_mode_changed)
        for edit in (self.same_edit, *self.day_edits):
            edit.textEdited.connect(lambda _="": self._clear_errors())
        return section

    def _build_modes(self, m: Metrics) -> QWidget:
        section = QWidget()
        grid = QGridLayout(section)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(round(m.gap))
        grid.setVerticalSpacing(round(m.gap * 0.45))
        grid.setVerticalSpacing(round(m.gap * 0.7))
        grid.addWidget(label(self.tr("When time is up"), "mode_caption", scale=1.1, bold=True),
                       0, 0, 1, 2)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QRadioButton] = {}
        for n, mode in enumerate(MODES, start=1):
            radio = QRadioButton(mode_text(mode))
            radio.setAccessibleName(f"{mode_text(mode)}: {mode_help(mode)}")
            self.mode_group.addButton(radio)
            self.mode_buttons[mode] = radio
            grid.addWidget(radio, n, 0)
            grid.addWidget(label(mode_help(mode), f"mode_help_{mode}", muted=True, wrap=True), n, 1)
        grid.setColumnStretch(1, 1)
        return section

    def _build_commitment(self, m: Metrics) -> QWidget:
        section = QWidget()
        grid = QGridLayout(section)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(round(m.gap))
        grid.setVerticalSpacing(round(m.gap * 0.45))
        grid.addWidget(label(self.tr("Commitment"), "commitment_caption", scale=1.1, bold=True),
                       0, 0, 1, 3)
        self.lock_check = QCheckBox(self.tr("Lock until"))
        self.lock_check.setAccessibleName(self.tr("Lock until a date"))
        self.lock_date = QDateEdit()
        self.lock_date.setCalendarPopup(True)
        self.lock_date.setDisplayFormat(
            QCoreApplication.translate("Limits", "d MMM yyyy", "date format"))
        self.lock_date.setAccessibleName(self.tr("Locked until"))
        for inner in self.lock_date.findChildren(QLineEdit):
            inner.setAccessibleName(self.tr("Locked until"))
        self.lock_check.toggled.connect(self.lock_date.setEnabled)
        self.lock_check.toggled.connect(lambda _=False: self._clear_errors())
        grid.addWidget(self.lock_check, 1, 0)
        grid.addWidget(self.lock_date, 1, 1)
        grid.addWidget(label(self.tr("Until then it can be tightened, not loosened or removed."),
                             "lock_help", muted=True, wrap=True), 2, 0, 1, 3)
        self.cooling_check = QCheckBox(self.tr("Cooling-off"))
        self.cooling_check.setAccessibleName(self.tr("Cooling-off"))
        grid.addWidget(self.cooling_check, 3, 0, 1, 3)
        grid.addWidget(label(self.tr("A looser limit applies 24 hours after you ask for it."),
                             "cooling_help", muted=True, wrap=True), 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return section

    # -- showing values --------------------------------------------------------------

    def _show(self, current: Limit | None) -> None:
        suggestion = self.suggestion
        self.suggestion_label.setText(suggestion.text if suggestion is not None else "")
        for widget in (self.suggestion_label, self.use_suggestion):
            widget.setVisible(suggestion is not None)
        self.lock_date.setMinimumDate(_qdate(self.today + timedelta(days=1)))
        if current is None:
            seconds = suggestion.seconds if suggestion is not None else 30 * 60
            values: tuple[int | None, ...] = (seconds,) * 7
            self.mode_buttons["nag"].setChecked(True)
            self.lock_date.setDate(_qdate(self.today + timedelta(days=7)))
            self.lock_check.setChecked(False)
            self.cooling_check.setChecked(False)
        else:
            values = current.seconds_by_weekday
            self.mode_buttons[current.mode].setChecked(True)
            locked = current.is_locked(self.today) and current.locked_until is not None
            self.lock_check.setChecked(locked)
            self.lock_date.setDate(_qdate(current.locked_until) if locked and current.locked_until
                                   else _qdate(self.today + timedelta(days=7)))
            self.cooling_check.setChecked(current.cooling_off)
        self.lock_date.setEnabled(self.lock_check.isChecked())
        texts = [duration_input(v) if v is not None else "" for v in values]
        for edit, text in zip(self.day_edits, texts, strict=True):
            edit.setText(text)
        same = len(set(values)) == 1 and values[0] is not None
        self.same_edit.setText(texts[0] if same else "")
        (self.same_radio if same else self.per_day_radio).setChecked(True)
        self._days_mode_changed()
        locked_until = current.locked_until if current is not None else None
        if current is not None and locked_until is not None and current.is_locked(self.today):
            self.locked_label.setText(self.tr(
                "Locked until {day}: you can tighten this limit, not loosen it.").format(
                day=short_day(locked_until, self.today)))
        self.locked_label.setVisible(bool(self.locked_label.text()))
        self._clear_errors()

    def _days_mode_changed(self) -> None:
        same = self.same_radio.isChecked()
        self.same_edit.setVisible(same)
        for widget in (*self.day_edits, *self.day_labels):
            widget.setVisible(not same)
        if same:
            first = next((e.text() for e in self.day_edits if e.text().strip()), "")
            if not self.same_edit.text().strip():
                self.same_edit.setText(first)
        else:
            text = self.same_edit.text()
            days = {e.text().strip() for e in self.day_edits}
            if text.strip() and (days == {""} or (len(days) == 1 and "" not in days)):
                for edit in self.day_edits:  # all empty, or all one value: take the field's
                    edit.setText(text)
        self._clear_errors()
        self.fit()

    def fit(self) -> None:
        """Take the height the content needs at the dialog's fixed width."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
                else layout.totalSizeHint().height()
            height = max(height, layout.totalMinimumSize().height())
            self.setMinimumHeight(height)  # the window manager may apply the resize later
            self.resize(self.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """A window manager may apply an older, smaller size late: ask again for the room needed."""
        super().resizeEvent(event)
        if self.height() < self.minimumHeight():
            QTimer.singleShot(0, lambda: self.resize(self.width(), self.minimumHeight()))

    def _use_suggestion(self) -> None:
        if self.suggestion is None:
            return
        text = duration_input(self.suggestion.seconds)
        self.same_radio.setChecked(True)
        self.same_edit.setText(text)
        self._clear_errors()

    # -- saving ------------------------------------------------------------------------

    def wanted(self) -> Limit:
        """The limit the fields describe; raises ``LimitError`` naming the bad field."""
        seconds: list[int | None]
        if self.same_radio.isChecked():
            try:
                seconds = [parse_field(self.same_edit.text())] * 7
            except LimitError as exc:
                self._mark(self.same_edit)
                raise LimitError(sentence(str(exc))) from None
        else:
            seconds = []
            for day, edit in enumerate(self.day_edits):
                if not edit.text().strip():
                    seconds.append(None)
                    continue
                try:
                    seconds.append(parse_field(edit.text()))
                except LimitError as exc:
                    self._mark(edit)
                    raise LimitError(self.tr("{day}: {problem}").format(
                        day=weekday_name(day), problem=sentence(str(exc)))) from None
            if all(s is None for s in seconds):
                raise LimitError(QCoreApplication.translate("LimitEditor", NO_DAY))
        mode = next(m for m, b in self.mode_buttons.items() if b.isChecked())
        locked_until = self.lock_date.date().toPython() if self.lock_check.isChecked() else None
        current = self.current
        return Limit(
            target=self.target,
            seconds_by_weekday=tuple(seconds),
            mode=mode,
            locked_until=locked_until if isinstance(locked_until, date) else None,
            cooling_off=self.cooling_check.isChecked(),
            snooze_budget=current.snooze_budget if current is not None else None,
            warn_before_seconds=current.warn_before_seconds if current is not None
            else DEFAULT_WARN_BEFORE_S,
            id=current.id if current is not None else None,
            experiment_id=current.experiment_id if current is not None else None,
        )

    def try_save(self) -> bool:
        """Check the fields and save; on a refusal show why and stay open."""
        self._clear_errors()
        try:
            wanted = self.wanted()
        except LimitError as exc:
            self.time_error.setText(str(exc))
            self.time_error.setVisible(True)
            return False
        try:
            self._save(wanted)
        except LimitError as exc:
            self.save_error.setText(sentence(str(exc)))
            self.save_error.setVisible(True)
            return False
        self.saved = wanted
        self.accept()
        return True

    def _mark(self, edit: QLineEdit) -> None:
        edit.setProperty("invalid", True)
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        edit.setFocus()

    def _clear_errors(self) -> None:
        for text in (self.time_error, self.save_error):
            text.setText("")
            text.setVisible(False)
        for edit in (self.same_edit, *self.day_edits):
            if edit.property("invalid"):
                edit.setProperty("invalid", False)
                edit.style().unpolish(edit)
                edit.style().polish(edit)

    def _style(self, palette: QPalette) -> None:
        error = level_text_color("over", palette).name()
        self.setStyleSheet(stylesheet(palette, self.font(), body="limit_editor") + f"""
            QLabel#time_error, QLabel#save_error {{ color: {error}; }}
            QLineEdit[invalid="true"] {{ border: 1px solid {error}; }}
            """)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_limit_editor(model: LimitsModel, target: LimitTarget,
                      parent: QWidget | None = None, name: str | None = None) -> LimitEditor:
    """Open the editor for ``target`` over ``model`` (window-modal, returns at once)."""
    editor = LimitEditor(
        target,
        name or model.name_of(target),
        current=model.limit_for(target),
        today=model.today,
        save=model.save,
        suggestion=model.suggestion(target),
        parent=parent,
    )
    editor.finished.connect(editor.deleteLater)
    editor.open()
    return editor
