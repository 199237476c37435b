"""The "Your Activity" window: a thin view over ``viewmodels.DashboardModel``.

Layout, top to bottom: the Activity/Limits switch (when limits are
available), Day/Week/Month switch and navigation (previous, a date picker
over the whole history, next, Today); a card with the big number (daily
average, or the day's total), its change against the previous period,
today's total, the chart (with the total limit) and its legend; this week's
bypass line; the day's facts (day view); and a card listing apps, sites or
categories with a "Set limit…" action. The Limits page (``limits_page``)
replaces everything below the header; ``dashboard_limits`` holds the rest of
what the window does about limits.

The window draws each ``DashboardState`` it is given and sends every user
action back to the model; a timer asks the model to refresh every few
seconds, and an unchanged snapshot changes nothing on screen. Text sizes
follow the font, colours follow the palette (light or dark).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing.core.durations import format_duration
from wellbeing.storage.queries import GroupBy
from wellbeing.ui import dashboard_texts as texts
from wellbeing.ui.banner import Banner
from wellbeing.ui.charts import UsageChart
from wellbeing.ui.dashboard_limits import DashboardLimits
from wellbeing.ui.export import save_as, save_csv, save_png
from wellbeing.ui.icons import IconProvider, app_icon
from wellbeing.ui.limit_editor import LimitEditor
from wellbeing.ui.limits_model import LimitsModel
from wellbeing.ui.limits_page import LimitsPage
from wellbeing.ui.periods import Period, display_locale
from wellbeing.ui.theme import Metrics, scaled_font, series_colors
from wellbeing.ui.usage_list import UsageListModel, UsageRowDelegate
from wellbeing.ui.viewmodels import DashboardModel, DashboardState
from wellbeing.ui.widgets import PaletteStyler, card, label, segments, stylesheet

K = TypeVar("K")
_PAGES = (("activity", QT_TRANSLATE_NOOP("Dashboard", "Activity")),
          ("limits", QT_TRANSLATE_NOOP("Dashboard", "Limits")))
_GROUPS: tuple[tuple[GroupBy, object], ...] = (
    ("app", QT_TRANSLATE_NOOP("Dashboard", "Apps")),
    ("site", QT_TRANSLATE_NOOP("Dashboard", "Sites")),
    ("category", QT_TRANSLATE_NOOP("Dashboard", "Categories")))
_PERIODS = ((Period.DAY, QT_TRANSLATE_NOOP("Dashboard", "Day")),
            (Period.WEEK, QT_TRANSLATE_NOOP("Dashboard", "Week")),
            (Period.MONTH, QT_TRANSLATE_NOOP("Dashboard", "Month")))


def _shown(choices: Sequence[tuple[K, object]]) -> list[tuple[K, str]]:
    """The choices with their texts (``QT_TRANSLATE_NOOP``) in the interface's language."""
    return [(key, QCoreApplication.translate("Dashboard", str(text))) for key, text in choices]


class DashboardWindow(DashboardLimits):
    """The dashboard window.

    Args:
        model: the view model; the window subscribes to it.
        limits: the Limits page's model; None when limits are unavailable (no
            ``LimitStore``): then the Limits page, "Set limit…" and the bypass line are hidden.
        refresh_ms: live refresh period (0 disables the timer).

    Signals:
        limit_requested(str, str): "Set limit…" chosen for (group kind, key); see
            ``dashboard_limits``.
        closed(): the window was closed (the app may delete it to give its memory back).
    """

    closed = Signal()
    data_requested = Signal()  # "Your data…": export, import, delete (the app opens it)

    def __init__(self, model: DashboardModel, *, limits: LimitsModel | None = None,
                 experiment: Callable[[], QWidget] | None = None,
                 refresh_ms: int = 5000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.limits = limits
        self._experiment_factory = experiment
        self.experiment_page: QWidget | None = None
        self._state: DashboardState | None = None
        self._limits_available = limits is not None
        self.editor: LimitEditor | None = None
        self._restyle = PaletteStyler(self, self._style)
        self.setWindowTitle(self.tr("Your Activity — Wellbeing"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Your Activity"))
        self._icons = IconProvider(self.palette())
        self._build()
        self._restyle()
        self._unsubscribe = model.subscribe(self._apply)
        self._apply(model.state)
        self.timer = QTimer(self)
        self.timer.setObjectName("refresh_timer")
        self.timer.timeout.connect(model.refresh)
        if limits is not None:
            self.timer.timeout.connect(limits.refresh)
            self._unsubscribe_limits = limits.subscribe(self._apply_limits)
            self._apply_limits(limits.state)
        self._timer_wanted = refresh_ms > 0
        if self._timer_wanted:
            self.timer.start(refresh_ms)
        self.resize(self.default_size())

    def default_size(self, *, fit_screen: bool = True) -> QSize:
        """A comfortable size from the font, by default no larger than 90% of the screen."""
        m = Metrics.of(self.font())
        want = QSize(round(m.line * 58), round(m.line * 62))
        screen = self.screen()
        if fit_screen and screen is not None:
            room = screen.availableGeometry().size() * 0.9
            want = want.boundedTo(room)
        return want

    # -- construction --------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("body")
        outer = QVBoxLayout(body)
        m = Metrics.of(self.font())
        outer.setContentsMargins(*(round(m.gap * 1.6),) * 4)
        outer.setSpacing(round(m.gap * 1.3))
        outer.addLayout(self._build_header())
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.pages = QStackedWidget()
        self.activity_page = QWidget()
        activity = QVBoxLayout(self.activity_page)
        activity.setContentsMargins(0, 0, 0, 0)
        activity.setSpacing(round(m.gap * 1.3))
        activity.addLayout(self._build_titles())
        activity.addWidget(self._build_summary())
        activity.addWidget(self._build_bypass())
        activity.addWidget(self._build_facts())
        activity.addWidget(self._build_list(), 1)
        self.pages.addWidget(self.activity_page)
        self.limits_page: LimitsPage | None = None
        if self.limits is not None:
            self.limits_page = LimitsPage(self.limits, self._icons)
            self.pages.addWidget(self.limits_page)
        outer.addWidget(self.pages, 1)
        scroll = QScrollArea()
        scroll.setObjectName("scroll")
        scroll.setAccessibleName(self.tr("Your Activity"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.setCentralWidget(scroll)
        self._build_actions()

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.page_group = QButtonGroup(self)
        self.page_buttons: dict[str, QPushButton] = {}
        pages = [p for p in _PAGES if p[0] != "limits" or self.limits is not None]
        if self._experiment_factory is not None:
            pages.append(("experiment", QT_TRANSLATE_NOOP("Dashboard", "Experiment")))
        if len(pages) > 1:
            row.addLayout(segments(_shown(pages), self.tr("Show {lower}"), self.show_page,
                                   self.page_group, self.page_buttons))
            self.page_buttons["activity"].setChecked(True)
            row.addSpacing(round(Metrics.of(self.font()).gap * 1.5))
        self.period_group = QButtonGroup(self)
        self.period_buttons: dict[Period, QPushButton] = {}
        row.addLayout(segments(
            _shown(_PERIODS), self.tr("{} view"), self.model.set_period, self.period_group,
            self.period_buttons
        ))
        row.addStretch(1)
        self.previous_button = QToolButton()
        self.previous_button.setText("‹")
        self.next_button = QToolButton()
        self.next_button.setText("›")
        for arrow in (self.previous_button, self.next_button):
            arrow.setFont(scaled_font(arrow.font(), 1.4, bold=True))
            arrow.setAutoRaise(True)
            arrow.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.previous_button.clicked.connect(self.model.previous)
        self.next_button.clicked.connect(self.model.next)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(display_locale())
        self.date_edit.setDisplayFormat(QCoreApplication.translate("Periods", "d MMM yyyy"))
        self.date_edit.setAccessibleName(self.tr("Go to date"))
        self.date_edit.setToolTip(self.tr("Go to date"))
        self.date_edit.dateChanged.connect(self._on_date_picked)
        for inner in self.date_edit.findChildren(QLineEdit):
            inner.setAccessibleName(self.tr("Go to date"))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.today_button.clicked.connect(self.model.go_to_today)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setAccessibleName(self.tr("Export"))
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button,
                       self.export_button):
            row.addWidget(widget)
        self._header = row
        return row

    def add_to_header(self, widget: QWidget) -> None:
        """Put ``widget`` (the device filter) in the header, before the date controls."""
        self._header.insertWidget(self._header.indexOf(self.previous_button), widget)

    def _build_titles(self) -> QHBoxLayout:
        titles = QHBoxLayout()
        self.title_label = label(name="title", scale=1.55, bold=True)
        self.subtitle_label = label(name="subtitle", muted=True)
        titles.addWidget(self.title_label)
        titles.addSpacing(round(Metrics.of(self.font()).gap))
        titles.addWidget(self.subtitle_label, 0, Qt.AlignmentFlag.AlignBaseline)
        titles.addStretch(1)
        return titles

    def _build_summary(self) -> QFrame:
        frame = card("summary_card")
        grid = QGridLayout(frame)
        m = Metrics.of(self.font())
        grid.setContentsMargins(*(round(m.gap * 1.5),) * 4)
        grid.setVerticalSpacing(round(m.gap * 0.3))
        self.caption_label = label(name="headline_caption", muted=True)
        self.value_label = label(name="headline_value", scale=2.4, bold=True)
        self.change_label = label(name="change", muted=True)
        self.today_caption = label(self.tr("Today"), "today_caption", muted=True)
        self.today_value = label(name="today_value", scale=1.4, bold=True)
        grid.addWidget(self.caption_label, 0, 0)
        grid.addWidget(self.value_label, 1, 0)
        grid.addWidget(self.change_label, 2, 0)
        grid.addWidget(self.today_caption, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.today_value, 1, 1,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.chart = UsageChart()
        self.chart.setFixedHeight(round(m.line * 13))
        self.chart.bar_clicked.connect(self.model.select_index)
        self.chart.bar_activated.connect(self._open_day)
        self.chart.cleared.connect(lambda: self.model.select_day(None))
        self.first_run_page = QWidget()
        welcome = QVBoxLayout(self.first_run_page)
        welcome.addStretch(1)
        self.first_run_icon = QLabel()
        self.first_run_icon.setAccessibleName("Wellbeing")
        self.first_run_icon.setPixmap(app_icon().pixmap(round(m.icon * 2.2)))
        self.first_run_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_run_label = label(name="first_run", scale=1.3, bold=True)
        self.first_run_hint = label(
            self.tr("Your charts fill in as you use your computer. "
                    "Come back tomorrow to compare days."),
            "first_run_hint", muted=True)
        for text in (self.first_run_label, self.first_run_hint):
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setWordWrap(True)
        welcome.addWidget(self.first_run_icon)
        welcome.addSpacing(round(m.gap))
        welcome.addWidget(self.first_run_label)
        welcome.addWidget(self.first_run_hint)
        welcome.addStretch(1)
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.first_run_page)
        self.stack.setFixedHeight(round(m.line * 13))
        grid.addWidget(self.stack, 3, 0, 1, 2)
        self.legend_label = label(name="legend", muted=True)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.legend_label, 4, 0, 1, 2)
        selection = QHBoxLayout()
        self.selected_label = label(name="selected_day", bold=True)
        self.open_day_button = QPushButton(self.tr("Show day"))
        self.open_day_button.setAccessibleName(self.tr("Show the selected day"))
        self.open_day_button.clicked.connect(self.model.open_selected_day)
        selection.addWidget(self.selected_label)
        selection.addStretch(1)
        selection.addWidget(self.open_day_button)
        grid.addLayout(selection, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return frame

    def _build_facts(self) -> QFrame:
        self.facts_card = card("facts_card")
        row = QHBoxLayout(self.facts_card)
        m = Metrics.of(self.font())
        row.setContentsMargins(*(round(m.gap * 1.5),) * 4)
        self.fact_values: dict[str, QLabel] = {}
        for key, caption in (("first_use", self.tr("First use")),
                             ("last_use", self.tr("Last use")),
                             ("longest_stretch", self.tr("Longest stretch"))):
            col = QVBoxLayout()
            col.addWidget(label(caption, f"{key}_caption", muted=True))
            value = label(name=key, scale=1.2, bold=True)
            col.addWidget(value)
            self.fact_values[key] = value
            row.addLayout(col, 1)
        return self.facts_card

    def _build_list(self) -> QFrame:
        frame = card("list_card")
        box = QVBoxLayout(frame)
        m = Metrics.of(self.font())
        box.setContentsMargins(*(round(m.gap * 1.5),) * 4)
        head = QHBoxLayout()
        self.rows_caption = label(name="list_caption", scale=1.15, bold=True)
        head.addWidget(self.rows_caption)
        head.addStretch(1)
        self.group_group = QButtonGroup(self)
        self.group_buttons: dict[GroupBy, QPushButton] = {}
        head.addLayout(segments(
            _shown(_GROUPS), self.tr("Show {lower}"), self.model.set_group_by, self.group_group,
            self.group_buttons
        ))
        box.addLayout(head)
        self.list_model = UsageListModel(self._icons, self)
        self.list_view = QListView()
        self.list_view.setModel(self.list_model)
        self.list_view.setItemDelegate(UsageRowDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list_view.setMinimumHeight(round(m.line * 10))
        self.list_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.list_view.setAccessibleName(self.tr("Usage list"))
        self.empty_label = label(self.tr("Nothing recorded here yet."), "empty_list", muted=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.list_view, 1)
        box.addWidget(self.empty_label)
        foot = QHBoxLayout()
        foot.addStretch(1)
        self.limit_button = QPushButton(self.tr("Set limit…"))
        self.limit_button.setAccessibleName(self.tr("Set limit"))
        self.limit_button.clicked.connect(self._request_limit)
        foot.addWidget(self.limit_button)
        box.addLayout(foot)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._update_limit())
        return frame

    def _build_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.export_png_action = action(self.tr("Export chart as PNG…"), "Ctrl+E",
                                        self._export_png_dialog)
        self.export_csv_action = action(self.tr("Export list as CSV…"), "Ctrl+Shift+E",
                                        self._export_csv_dialog)
        self.data_action = action(self.tr("Your data: export everything, import, delete…"), "",
                                  self.data_requested.emit)
        menu = QMenu(self)
        menu.addAction(self.export_png_action)
        menu.addAction(self.export_csv_action)
        menu.addSeparator()
        menu.addAction(self.data_action)
        self.export_button.setMenu(menu)
        action(self.tr("Previous"), "Alt+Left", self.model.previous)
        action(self.tr("Next"), "Alt+Right", self.model.next)
        action(self.tr("Today"), "Ctrl+T", self.model.go_to_today)
        for n, (period, text) in enumerate(_shown(_PERIODS), start=1):
            action(self.tr("{} view").format(text), f"Ctrl+{n}", lambda _=False, p=period:
                   self.model.set_period(p))
        limit_action = QAction(self.tr("Set limit…"), self.list_view)
        limit_action.triggered.connect(self._request_limit)
        self.list_view.addAction(limit_action)
        self.limit_action = limit_action

    # -- appearance ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._restyle()

    def _style(self, palette: QPalette) -> None:
        self.setStyleSheet(stylesheet(palette, self.font()))
        self._icons.set_palette(palette)
        self.list_model.set_palette(palette)
        self.chart.apply_palette(palette)
        if self._state is not None:
            self._apply_legend(self._state)

    # -- drawing a state ---------------------------------------------------------------

    def _apply(self, state: DashboardState) -> None:
        old, self._state = self._state, state
        back, forward = texts.arrows(state.period)
        self.period_buttons[state.period].setChecked(True)
        self.group_buttons[state.group_by].setChecked(True)
        self.previous_button.setEnabled(state.can_go_previous)
        self.next_button.setEnabled(state.can_go_next)
        self.previous_button.setAccessibleName(back)
        self.previous_button.setToolTip(f"{back} (Alt+Left)")
        self.next_button.setAccessibleName(forward)
        self.next_button.setToolTip(f"{forward} (Alt+Right)")
        self.today_button.setEnabled(not state.start <= state.today <= state.end
                                     or state.selected_day is not None)
        self.date_edit.blockSignals(True)
        self.date_edit.setDateRange(_qdate(state.earliest), _qdate(state.today))
        self.date_edit.setDate(_qdate(state.selected_day or min(state.end, state.today)))
        self.date_edit.blockSignals(False)
        self.title_label.setText(state.title)
        self.subtitle_label.setText(state.subtitle if state.subtitle != state.title else "")
        head = state.headline
        self.caption_label.setText(head.caption)
        self.value_label.setText(head.value_text)
        self.change_label.setText(head.change_text)
        self.change_label.setVisible(bool(head.change_text) and not state.first_run)
        self.today_value.setText(format_duration(head.today_seconds))
        self.today_value.setAccessibleName(head.today_text)
        self.value_label.setAccessibleName(f"{head.caption}: {head.value_text}")
        self.stack.setCurrentWidget(self.first_run_page if state.first_run else self.chart)
        for widget in (self.caption_label, self.value_label):
            widget.setVisible(not state.first_run)
        viewing_today = state.period is Period.DAY and state.start == state.today
        for widget in (self.today_caption, self.today_value):
            widget.setVisible(not viewing_today)
        self.first_run_label.setText(state.first_run_text)
        self.chart.set_data(state.chart)
        if old is None or [(c.name, c.color) for c in old.chart.categories] != [
                (c.name, c.color) for c in state.chart.categories]:
            self._apply_legend(state)
        self.legend_label.setVisible(not state.first_run)
        self.selected_label.setText(state.selected_text)
        self.selected_label.setVisible(bool(state.selected_text))
        self.open_day_button.setVisible(state.selected_day is not None)
        facts = state.facts
        self.facts_card.setVisible(facts is not None)
        if facts is not None:
            for key, label in self.fact_values.items():
                label.setText(getattr(facts, key))
        self.rows_caption.setText(state.rows_caption)
        self._apply_rows(state)
        self._update_limit()

    def _apply_legend(self, state: DashboardState) -> None:
        categories = state.chart.categories
        colors = series_colors([(c.key, c.name, c.color) for c in categories], self.palette())
        parts = [
            f'<span style="color:{colors[c.key].name()}">●</span>&nbsp;{c.shown}'
            for c in categories
        ]
        self.legend_label.setText("&nbsp;&nbsp;&nbsp; ".join(parts))
        self.legend_label.setAccessibleName(
            self.tr("Legend: {names}").format(
                names=", ".join(c.shown for c in state.chart.categories)))

    def _apply_rows(self, state: DashboardState) -> None:
        current = self._current_key()
        self.list_model.set_rows(state.rows)
        self.list_view.setVisible(bool(state.rows))
        self.empty_label.setVisible(not state.rows)
        self.list_view.setAccessibleName(state.rows_caption)
        if current is not None:
            row = self.list_model.row_of(current)
            if row is not None and self._current_key() != current:
                self.list_view.selectionModel().setCurrentIndex(
                    self.list_model.index(row),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _open_day(self, index: int) -> None:
        if self.model.state.chart.selected_index != index:
            self.model.select_index(index)
        self.model.open_selected_day()

    def _on_date_picked(self, qdate: QDate) -> None:
        picked = qdate.toPython()
        if isinstance(picked, date):
            self.model.go_to(picked)

    def _default_name(self, suffix: str) -> str:
        state = self.model.state
        return f"wellbeing-{state.period.value}-{state.start.isoformat()}.{suffix}"

    def export_chart_png(self, path: str | Path) -> None:
        """Save the summary card (numbers, chart and legend) as a PNG image (0600)."""
        card = self.stack.parentWidget()
        if card is None:
            raise OSError(f"could not write the image {path}")
        save_png(card, Path(path))

    def export_table_csv(self, path: str | Path) -> None:
        """Save the rows of the list as CSV (``viewmodels.write_rows_csv``; 0600)."""
        save_csv(self.model.state.rows, Path(path))

    def _export_png_dialog(self) -> None:
        save_as(self, self.tr("Export chart"), self._default_name("png"),
                self.tr("PNG image (*.png)"), self.export_chart_png)

    def _export_csv_dialog(self) -> None:
        save_as(self, self.tr("Export list"), self._default_name("csv"),
                self.tr("CSV file (*.csv)"), self.export_table_csv)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop refreshing when closed; the tray can reopen the window."""
        self.timer.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Refresh at once when shown again, then every few seconds."""
        super().showEvent(event)
        if self._timer_wanted and not self.timer.isActive():
            self.model.refresh()
            self.timer.start()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
