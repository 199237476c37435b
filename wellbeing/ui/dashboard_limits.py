"""The dashboard's limit controls: the Limits page switch, "Set limit…" and the bypass line.

``DashboardLimits`` is the base of ``dashboard.DashboardWindow`` and holds what
the window does about limits, so the window itself stays about usage: which
rows can have a limit ("Other" use cannot), what "Set limit…" opens, the
"This week: ..." line under the summary, and switching between the Activity and
Limits pages. Without a ``LimitsModel`` (no ``LimitStore``) all of it is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from wellbeing.core.limits import LimitTarget
from wellbeing.storage.queries import OTHER_CATEGORY_KEY, OTHER_SITE_PREFIX, GroupBy
from wellbeing.ui.limit_editor import LimitEditor, open_limit_editor
from wellbeing.ui.limits_model import LimitsModel, LimitsState, week_text
from wellbeing.ui.periods import Period
from wellbeing.ui.theme import Metrics
from wellbeing.ui.usage_list import ROW_ROLE
from wellbeing.ui.viewmodels import DashboardModel, DashboardState, Row
from wellbeing.ui.widgets import card, label


def limit_refusal(by: GroupBy, row: Row | None) -> str | None:
    """Why ``row`` cannot have a limit (None: it can)."""
    if row is None:
        return QCoreApplication.translate("DashboardLimits", "Select an item first")
    if by == "site" and row.key.startswith(OTHER_SITE_PREFIX):
        return QCoreApplication.translate(
            "DashboardLimits", "Browsing outside the listed sites cannot have a limit of its own")
    if by == "category" and row.key.casefold() == OTHER_CATEGORY_KEY:
        return QCoreApplication.translate(
            "DashboardLimits", "Uncategorised use cannot have a limit; limit its apps instead")
    return None


def row_target(by: GroupBy, row: Row) -> LimitTarget:
    """The limit target of a dashboard row (a category by its name, as stored)."""
    if by == "category":
        return LimitTarget("category", row.name)
    return LimitTarget(by, row.key)


class DashboardLimits(QMainWindow):
    """What the dashboard window does about limits (see the module docstring).

    Signals:
        limit_requested(str, str): "Set limit…" chosen for (group kind, row key).
    """

    limit_requested = Signal(str, str)

    # set by DashboardWindow while it builds itself
    model: DashboardModel
    limits: LimitsModel | None
    editor: LimitEditor | None
    _state: DashboardState | None
    _limits_available: bool
    _experiment_factory: Callable[[], QWidget] | None
    experiment_page: QWidget | None
    pages: QStackedWidget
    activity_page: QWidget
    limits_page: QWidget | None
    page_buttons: dict[str, QPushButton]
    period_buttons: dict[Period, QPushButton]
    previous_button: QToolButton
    next_button: QToolButton
    date_edit: QDateEdit
    today_button: QPushButton
    export_button: QPushButton
    list_view: QListView
    limit_button: QPushButton
    limit_action: QAction
    bypass_card: QFrame
    bypass_label: QLabel
    limits_link: QPushButton

    def _build_bypass(self) -> QFrame:
        self.bypass_card = card("bypass_card")
        row = QHBoxLayout(self.bypass_card)
        m = Metrics.of(self.font())
        row.setContentsMargins(round(m.gap * 1.5), round(m.gap * 0.8), round(m.gap * 1.5),
                               round(m.gap * 0.8))
        self.bypass_label = label(name="bypass_line", wrap=True)
        self.limits_link = QPushButton(self.tr("See limits"))
        self.limits_link.setAccessibleName(self.tr("See limits"))
        self.limits_link.clicked.connect(lambda: self.show_page("limits"))
        row.addWidget(self.bypass_label, 1)
        row.addWidget(self.limits_link)
        self.bypass_card.setVisible(False)
        return self.bypass_card

    def _current_key(self) -> str | None:
        row = self._current_row()
        return row.key if row is not None else None

    def _current_row(self) -> Row | None:
        index = self.list_view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, Row) else None

    def _apply_limits(self, state: LimitsState) -> None:
        text = week_text(state)
        self.bypass_label.setText(text)
        self.bypass_card.setVisible(bool(text))
        self.model.set_limit_line(state.total_limit_seconds)

    def show_page(self, page: str) -> None:
        """Show "activity" (the dashboard), "limits" or "experiment" (when available)."""
        shown = self.limits_page if page == "limits" and self.limits_page else self.activity_page
        if page == "experiment" and self._experiment_factory is not None:
            if self.experiment_page is None:  # built when first shown (it loads the experiment)
                self.experiment_page = self._experiment_factory()
                self.pages.addWidget(self.experiment_page)
            shown = self.experiment_page
        self.pages.setCurrentWidget(shown)
        for widget in (self.activity_page, self.limits_page, self.experiment_page):
            if widget is not None:  # the hidden page takes no room
                policy = QSizePolicy.Policy.Preferred if widget is shown \
                    else QSizePolicy.Policy.Ignored
                widget.setSizePolicy(policy, policy)
        key = ("limits" if shown is self.limits_page
               else "experiment" if shown is self.experiment_page else "activity")
        if key in self.page_buttons:
            self.page_buttons[key].setChecked(True)
        for widget in (*self.period_buttons.values(), self.previous_button, self.date_edit,
                       self.next_button, self.today_button, self.export_button):
            widget.setVisible(key == "activity")

    def set_limits_available(self, available: bool) -> None:
        """Show "Set limit…" (emitting ``limit_requested``) even without a Limits model."""
        self._limits_available = available or self.limits is not None
        self._update_limit()

    def _update_limit(self) -> None:
        row, by = self._current_row(), self._state.group_by if self._state else "app"
        reason = limit_refusal(by, row)
        enabled = self._limits_available and reason is None
        for widget in (self.limit_button, self.limit_action):
            widget.setVisible(self._limits_available)
            widget.setEnabled(enabled)
            widget.setToolTip(reason or self.tr("Set a daily limit for the selected item"))

    def _request_limit(self) -> None:
        row = self._current_row()
        if not self._limits_available or self._state is None or row is None:
            return
        by = self._state.group_by
        if limit_refusal(by, row) is not None:
            return
        self.limit_requested.emit(by, row.key)
        if self.limits is not None:
            self.editor = open_limit_editor(self.limits, row_target(by, row), self, row.shown)

