"""The Limits page: every limit with today's use as a bar, downtime, and this week's bypass log.

Top to bottom: a "This week" card (the bypass summary and how often the clock
was changed); a card with one row per limit (icon, name, "32 min of 30 min", a
bar that turns amber near the limit and red over it, the days, the mode, the
lock and a pending loosening, and Edit… / Remove); and the Downtime card (on or
off, from and to, the always-allowed list). The page draws each ``LimitsState``
of its ``LimitsModel``; rows update in place on a refresh, so a focused button
keeps its focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wellbeing.core.limits import Downtime, LimitError, LimitTarget
from wellbeing.ui.icons import IconProvider
from wellbeing.ui.limit_editor import LimitEditor, open_limit_editor
from wellbeing.ui.limits_model import LimitRow, LimitsModel, LimitsState
from wellbeing.ui.periods import long_date
from wellbeing.ui.theme import Metrics, level_color, level_text_color
from wellbeing.ui.widgets import card, label


class LimitBar(QWidget):
    """A thin rounded bar: today's use against the limit, coloured by level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill = 0.0
        self.level = "under"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(round(Metrics.of(self.font()).bar * 1.6))

    def set_value(self, fill: float, level: str) -> None:
        if (fill, level) != (self.fill, self.level):
            self.fill, self.level = max(0.0, min(1.0, fill)), level
            self.update()

    def color(self) -> QColor:
        """The fill colour in the current palette."""
        return level_color(self.level, self.palette())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(round(Metrics.of(self.font()).line * 10), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        track = QColor(self.palette().color(QPalette.ColorRole.Text))
        track.setAlphaF(0.1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, radius, radius)
        if self.fill > 0:
            fill = QRectF(rect)
            fill.setWidth(max(rect.height(), rect.width() * self.fill))
            painter.setBrush(self.color())
            painter.drawRoundedRect(fill, radius, radius)
        painter.end()


class LimitRowWidget(QWidget):
    """One limit: icon, name and use, the bar, details, Edit… and Remove.

    Signals:
        edit_requested(object), remove_requested(object): with the row's ``LimitTarget``.
    """

    edit_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, row: LimitRow, icons: IconProvider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self.row = row
        m = Metrics.of(self.font())
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, round(m.gap * 0.5), 0, round(m.gap * 0.5))
        outer.setSpacing(round(m.gap))
        self.icon_label = QLabel()
        self.icon_label.setFixedSize(m.icon, m.icon)
        outer.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QGridLayout()
        text.setHorizontalSpacing(round(m.gap))
        text.setVerticalSpacing(round(m.gap * 0.35))
        self.name_label = label(name="limit_name", bold=True)
        self.used_label = label(name="limit_used")
        self.bar = LimitBar()
        self.details_label = label(name="limit_details", muted=True, wrap=True)
        self.status_label = label(name="limit_status")
        self.pending_label = label(name="limit_pending", muted=True, wrap=True)
        text.addWidget(self.name_label, 0, 0)
        text.addWidget(self.used_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        text.addWidget(self.bar, 1, 0, 1, 2)
        text.addWidget(self.details_label, 2, 0)
        text.addWidget(self.status_label, 2, 1,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        text.addWidget(self.pending_label, 3, 0, 1, 2)
        text.setColumnStretch(0, 1)
        outer.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(round(m.gap * 0.5))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.row.target))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.row.target))
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)
        self.set_row(row)

    def set_row(self, row: LimitRow) -> None:
        """Show ``row`` (same target: updated in place)."""
        self.row = row
        self.setAccessibleName(row.accessible_text)
        size = Metrics.of(self.font()).icon
        app_key = row.target.key if row.target.kind == "app" else None
        self.icon_label.setPixmap(self._icons.icon(row.name, key=app_key).pixmap(size, size))
        self.name_label.setText(row.name)
        self.used_label.setText(row.used_text)
        self.bar.set_value(row.fill, row.level)
        self.bar.setAccessibleName(f"{row.name}: {row.used_text}")
        details = [row.days_text, row.mode_text]
        if row.lock_text:
            details.append(row.lock_text)
        self.details_label.setText(" · ".join(details))
        self.status_label.setText(row.status_text)
        self.pending_label.setText(row.pending_text)
        self.pending_label.setVisible(bool(row.pending_text))
        self.edit_button.setAccessibleName(
            self.tr("Edit the limit on {name}").format(name=row.name))
        self.remove_button.setAccessibleName(
            self.tr("Remove the limit on {name}").format(name=row.name))
        self.remove_button.setEnabled(row.removable)
        self.remove_button.setToolTip(row.remove_tip)
        self.restyle()

    def restyle(self) -> None:
        """Colour the status text for the current palette and level."""
        color = level_text_color(self.row.level, self.palette())
        self.status_label.setStyleSheet(f"color: {color.name()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()


def _caption(text: str, name: str) -> QLabel:
    return label(text, name, scale=1.15, bold=True)


def _time(minute: int) -> QTime:
    return QTime(minute // 60 % 24, minute % 60)


class LimitsPage(QWidget):
    """The Limits page over a ``LimitsModel`` (see the module docstring)."""

    def __init__(self, model: LimitsModel, icons: IconProvider | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("limits_page")
        self.setAccessibleName(self.tr("Limits"))
        self._icons = icons if icons is not None else IconProvider(self.palette())
        self.rows: list[LimitRowWidget] = []
        self.editor: LimitEditor | None = None
        self._build()
        self._unsubscribe = model.subscribe(self._apply)
        self._apply(model.state)

    # -- construction --------------------------------------------------------------

    def _build(self) -> None:
        m = Metrics.of(self.font())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(round(m.gap * 1.3))
        titles = QHBoxLayout()
        self.title_label = label(self.tr("Limits"), "limits_title", scale=1.55, bold=True)
        self.subtitle_label = label(name="limits_subtitle", muted=True)
        titles.addWidget(self.title_label)
        titles.addSpacing(round(m.gap))
        titles.addWidget(self.subtitle_label, 0, Qt.AlignmentFlag.AlignBaseline)
        titles.addStretch(1)
        self.total_button = QPushButton(self.tr("Limit total screen time…"))
        self.total_button.setAccessibleName(self.tr("Limit total screen time"))
        self.total_button.clicked.connect(lambda: self.edit(LimitTarget("total")))
        titles.addWidget(self.total_button)
        box.addLayout(titles)
        box.addWidget(self._build_week())
        box.addWidget(self._build_limits())
        box.addWidget(self._build_downtime())
        box.addStretch(1)

    def _padded(self, frame: QFrame) -> QVBoxLayout:
        m = Metrics.of(self.font())
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(*(round(m.gap * 1.5),) * 4)
        inner.setSpacing(round(m.gap * 0.5))
        return inner

    def _build_week(self) -> QFrame:
        self.week_card = card("week_card")
        inner = self._padded(self.week_card)
        self.bypass_label = label(name="bypass_summary", scale=1.1, bold=True, wrap=True)
        self.clock_label = label(name="clock_changes", muted=True, wrap=True)
        inner.addWidget(self.bypass_label)
        inner.addWidget(self.clock_label)
        return self.week_card

    def _build_limits(self) -> QFrame:
        frame = card("limits_card")
        inner = self._padded(frame)
        inner.addWidget(_caption(self.tr("Daily limits"), "limits_caption"))
        self.notice_label = label(name="limits_notice", wrap=True)
        inner.addWidget(self.notice_label)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(round(Metrics.of(self.font()).gap * 1.1))
        inner.addLayout(self.rows_box)
        self.empty_label = label(self.tr(
            "No limits yet. Choose “Set limit…” on an app, a site or a category in "
            "Your activity, or limit your total screen time."), "no_limits", muted=True, wrap=True)
        inner.addWidget(self.empty_label)
        return frame

    def _build_downtime(self) -> QFrame:
        m = Metrics.of(self.font())
        frame = card("downtime_card")
        inner = self._padded(frame)
        head = QHBoxLayout()
        head.addWidget(_caption(self.tr("Downtime"), "downtime_caption"))
        head.addStretch(1)
        self.downtime_switch = QCheckBox(self.tr("On"))
        self.downtime_switch.setAccessibleName(self.tr("Downtime on"))
        self.downtime_switch.toggled.connect(self._downtime_edited)
        head.addWidget(self.downtime_switch)
        inner.addLayout(head)
        self.downtime_help = label(self.tr(
            "During downtime, everything but what is always allowed shows the "
            "“Time's up” screen."), "downtime_help", muted=True, wrap=True)
        inner.addWidget(self.downtime_help)
        times = QHBoxLayout()
        times.setSpacing(round(m.gap * 0.6))
        self.downtime_start = QTimeEdit()
        self.downtime_end = QTimeEdit()
        for edit, name in ((self.downtime_start, self.tr("Downtime starts")),
                           (self.downtime_end, self.tr("Downtime ends"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            for line in edit.findChildren(QLineEdit):
                line.setAccessibleName(name)
            edit.editingFinished.connect(self._downtime_edited)
        times.addWidget(label(self.tr("From"), "downtime_from"))
        times.addWidget(self.downtime_start)
        times.addWidget(label(self.tr("to"), "downtime_to"))
        times.addWidget(self.downtime_end)
        self.schedule_label = label(name="downtime_schedule", muted=True)
        times.addSpacing(round(m.gap))
        times.addWidget(self.schedule_label)
        times.addStretch(1)
        inner.addLayout(times)
        allowed = QHBoxLayout()
        allowed.addWidget(label(self.tr("Always allowed"), "always_allowed_caption"))
        self.allowed_edit = QLineEdit()
        self.allowed_edit.setAccessibleName(self.tr("Always allowed"))
        self.allowed_edit.setPlaceholderText(
            self.tr("e.g. signal-desktop, wikipedia.org, category:Reading"))
        self.allowed_edit.editingFinished.connect(self._downtime_edited)
        allowed.addWidget(self.allowed_edit, 1)
        inner.addLayout(allowed)
        return frame

    # -- drawing a state ---------------------------------------------------------------

    def _apply(self, state: LimitsState) -> None:
        self.subtitle_label.setText(long_date(state.today))
        self.bypass_label.setText(state.bypass_text or self.tr("This week: no limit was reached."))
        self.clock_label.setText(state.clock_text)
        self.clock_label.setVisible(bool(state.clock_text))
        self.total_button.setVisible(not state.has_total)
        self._apply_rows(state)
        self.empty_label.setVisible(not state.rows)
        self.notice_label.setVisible(bool(self.notice_label.text()))
        view = state.downtime
        widgets = (self.downtime_switch, self.downtime_start, self.downtime_end, self.allowed_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.downtime_switch.setChecked(view.downtime.enabled)
        self.downtime_start.setTime(_time(view.downtime.start_minute))
        self.downtime_end.setTime(_time(view.downtime.end_minute))
        if not self.allowed_edit.hasFocus():
            self.allowed_edit.setText(", ".join(sorted(view.downtime.always_allowed)))
        for widget in widgets:
            widget.blockSignals(False)
        days = view.schedule_text.split(" ", 1)[1] if " " in view.schedule_text else ""
        self.schedule_label.setText(days)
        self.schedule_label.setVisible(bool(days))

    def _apply_rows(self, state: LimitsState) -> None:
        if [w.row.target for w in self.rows] == [r.target for r in state.rows]:
            for widget, row in zip(self.rows, state.rows, strict=True):
                widget.set_row(row)
            return
        for widget in self.rows:
            self.rows_box.removeWidget(widget)
            widget.deleteLater()
        self.rows = []
        for row in state.rows:
            widget = LimitRowWidget(row, self._icons)
            widget.edit_requested.connect(self.edit)
            widget.remove_requested.connect(self.remove)
            self.rows_box.addWidget(widget)
            self.rows.append(widget)

    # -- actions -----------------------------------------------------------------------

    def row_for(self, target: LimitTarget) -> LimitRowWidget | None:
        return next((w for w in self.rows if w.row.target == target), None)

    def edit(self, target: LimitTarget) -> LimitEditor:
        """Open the limit editor for ``target`` (window-modal, not blocking)."""
        self.editor = open_limit_editor(self.model, target, parent=self)
        return self.editor

    def remove(self, target: LimitTarget) -> None:
        """Remove the limit on ``target``; a refusal (locked) is shown above the rows."""
        self.notice_label.setText("")
        try:
            self.model.remove(target)
        except LimitError as exc:
            self.notice_label.setText(str(exc))
        self.notice_label.setVisible(bool(self.notice_label.text()))

    def _downtime_edited(self) -> None:
        current = self.model.state.downtime.downtime
        start, end = self.downtime_start.time(), self.downtime_end.time()
        allowed = frozenset(p.strip() for p in self.allowed_edit.text().split(",") if p.strip())
        self.model.set_downtime(Downtime(
            start_minute=start.hour() * 60 + start.minute(),
            end_minute=end.hour() * 60 + end.minute(),
            weekdays=current.weekdays,
            always_allowed=allowed,
            enabled=self.downtime_switch.isChecked(),
        ))
