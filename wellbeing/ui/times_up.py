"""The "Time's up" window, and the presenter the enforcer calls from any thread.

Calm, clear, not alarming: the app's icon, "Time's up", one sentence naming
what was used and the limit ("You've used Instagram for 32 min today. Your
limit is 30 min."), then the choices, the first one the default:

- "Close Instagram": ask the app's window to close (the enforcer does it);
- "15 more minutes (2 left)": a snooze from the daily budget, disabled as "No
  snoozes left today" when the budget is used;
- "Ignore limit for today": only in nag mode and for a limit that is not locked.

The window has no title bar but a border and the card colour, stays on top,
is sized from the font and centred on the screen of the offending window (or
the primary screen), and is used with the keyboard alone (Tab, Enter, Space).
Escape or closing it is "dismissed" in nag mode and does nothing in block mode.

``TimesUpScreen`` implements ``services.limit_ports.TimesUpPresenter``: its
methods may be called from any thread (the enforcer runs in the tracker's
worker thread) and are carried to the GUI thread by queued signals;
``on_choice`` is called on the GUI thread with close, snooze, ignore or dismissed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPalette, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QPushButton, QVBoxLayout, QWidget

from wellbeing.core.durations import format_duration
from wellbeing.core.limits import DEFAULT_SNOOZE_S, LimitState, LimitTarget
from wellbeing.platform.base import WindowInfo
from wellbeing.services.limit_ports import TimesUpChoice
from wellbeing.ui.icons import IconProvider, app_icon
from wellbeing.ui.limits_model import default_name, short_day
from wellbeing.ui.theme import Metrics, card_color
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import PaletteStyler, label, primary, stylesheet

SNOOZE_MINUTES = DEFAULT_SNOOZE_S // 60
NO_SNOOZES = QT_TRANSLATE_NOOP("TimesUp", "No snoozes left today")
"""In English; shown through ``QCoreApplication.translate("TimesUp", NO_SNOOZES)``."""
Choice = Callable[[TimesUpChoice], None]


@dataclass(frozen=True, slots=True)
class TimesUpText:
    """What the window says for one limit state (pure, testable without a window)."""

    title: str
    body: str
    note: str
    close_text: str
    snooze_text: str
    snooze_enabled: bool
    ignore_shown: bool
    block: bool


def day_limit_seconds(state: LimitState) -> float | None:
    """Today's limit without the snoozes taken (``allowed_seconds`` includes them)."""
    if state.allowed_seconds is None:
        return None
    snoozed = max(0, state.limit.budget - state.snoozes_left) * DEFAULT_SNOOZE_S
    return max(0.0, state.allowed_seconds - snoozed)


def target_name(target: LimitTarget, window: WindowInfo | None) -> str:
    """The app's own name when its window is in front, else the target's name."""
    if target.kind == "app" and window is not None and window.app_key == target.key:
        return window.app_name
    return default_name(target)


def times_up_text(state: LimitState, window: WindowInfo | None, today: date,
                  name: str | None = None) -> TimesUpText:
    """The window's texts for ``state`` over ``window`` on the local day ``today``."""
    limit = state.limit
    target = limit.target
    shown = name or target_name(target, window)
    app = window.app_name if window is not None else shown
    used = format_duration(state.used_seconds)
    allowed = day_limit_seconds(state)
    title = QCoreApplication.translate("TimesUp", "Time's up")
    if state.status == "downtime":
        title = QCoreApplication.translate("TimesUp", "It's downtime")
        body = QCoreApplication.translate(
            "TimesUp", "{app} is not on your always-allowed list during downtime.")
    elif target.kind == "total":
        body = QCoreApplication.translate(
            "TimesUp", "You've used your computer for {used} today.")
    elif target.kind == "category":
        body = QCoreApplication.translate("TimesUp", "You've spent {used} on {name} today.")
    else:
        body = QCoreApplication.translate("TimesUp", "You've used {name} for {used} today.")
    body = body.format(app=app, used=used, name=shown)
    if allowed is not None and state.status != "downtime":
        body += "\n" + QCoreApplication.translate("TimesUp", "Your limit is {limit}.").format(
            limit=format_duration(allowed))
    locked = limit.locked_until is not None and limit.is_locked(today)
    block = limit.mode == "block"
    notes: list[str] = []
    if locked and limit.locked_until is not None:
        notes.append(QCoreApplication.translate(
            "TimesUp", "You locked this limit until {day}.").format(
            day=short_day(limit.locked_until, today)))
    if block:
        notes.append(QCoreApplication.translate(
            "TimesUp", "{app} is minimised while you are over the limit.").format(app=app))
    left = state.snoozes_left
    snooze_text = QCoreApplication.translate(
        "TimesUp", "{minutes} more minutes ({left} left)").format(
        minutes=SNOOZE_MINUTES, left=left) if left > 0 else \
        QCoreApplication.translate("TimesUp", NO_SNOOZES)
    return TimesUpText(
        title=title,
        body=body,
        note="\n".join(notes),
        close_text=QCoreApplication.translate("TimesUp", "Close {app}").format(app=app),
        snooze_text=snooze_text,
        snooze_enabled=left > 0,
        ignore_shown=not block and not locked,
        block=block,
    )


class TimesUpWindow(QDialog):
    """The "Time's up" window for one limit at a time; see the module docstring.

    Signals:
        chosen(str): close, snooze, ignore or dismissed; the window hides first.
    """

    chosen = Signal(str)

    def __init__(self, icons: IconProvider | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restyle = PaletteStyler(self, self._style)
        self.setObjectName("times_up")
        self.setWindowTitle(self.tr("Time's up — Wellbeing"))
        self.setWindowIcon(app_icon())
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)
        self.setModal(False)
        self._icons = icons if icons is not None else IconProvider(self.palette())
        self.text: TimesUpText | None = None
        self._build()
        self._restyle()

    def _build(self) -> None:
        m = Metrics.of(self.font())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("times_up_frame")
        outer.addWidget(self.frame)
        box = QVBoxLayout(self.frame)
        pad = round(m.gap * 2.4)
        box.setContentsMargins(pad, round(m.gap * 1.2), pad, pad)
        box.setSpacing(round(m.gap * 0.7))
        self.brand_label = label("Wellbeing", "brand", muted=True)
        box.addWidget(self.brand_label)
        self.icon_label = label(name="app_icon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = label(name="times_up_title", scale=1.6, bold=True)
        self.body_label = label(name="times_up_body", scale=1.1, wrap=True)
        self.note_label = label(name="times_up_note", muted=True, wrap=True)
        for text in (self.title_label, self.body_label, self.note_label):
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.icon_label)
        box.addSpacing(round(m.gap * 0.3))
        box.addWidget(self.title_label)
        box.addWidget(self.body_label)
        box.addWidget(self.note_label)
        box.addSpacing(round(m.gap * 1.2))
        self.close_button = primary(QPushButton())
        self.snooze_button = QPushButton()
        self.ignore_button = QPushButton(self.tr("Ignore limit for today"))
        self.ignore_button.setFlat(True)
        for button, choice in ((self.close_button, "close"), (self.snooze_button, "snooze"),
                               (self.ignore_button, "ignore")):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumHeight(round(m.line * 1.9))
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            box.addWidget(button)
        self.snooze_button.setAutoDefault(False)
        self.ignore_button.setAutoDefault(False)
        self.setFixedWidth(round(m.line * 28))

    def present(self, text: TimesUpText, icon_name: str, icon_hint: str | None,
                screen: QScreen | None) -> None:
        """Show ``text``, centred on ``screen`` (or the primary one), with the focus on Close."""
        self.text = text
        size = round(Metrics.of(self.font()).icon * 1.6)
        self.icon_label.setPixmap(self._icons.icon(icon_name, icon_hint).pixmap(size, size))
        self.title_label.setText(text.title)
        self.body_label.setText(text.body)
        self.note_label.setText(text.note)
        self.note_label.setVisible(bool(text.note))
        self.close_button.setText(text.close_text)
        self.snooze_button.setText(text.snooze_text)
        self.snooze_button.setEnabled(text.snooze_enabled)
        for button in (self.close_button, self.snooze_button, self.ignore_button):
            button.setAccessibleName(button.text())
        self.ignore_button.setVisible(text.ignore_shown)
        self.setAccessibleName(f"{text.title}. {text.body}")
        self.adjustSize()
        target = screen or QGuiApplication.primaryScreen()
        if target is not None:
            area = target.availableGeometry()
            self.move(area.center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        self.close_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def choose(self, choice: str) -> None:
        """Hide and report ``choice`` (close, snooze, ignore or dismissed)."""
        if choice == "snooze" and not self.snooze_button.isEnabled():
            return
        if choice == "ignore" and not (self.text is not None and self.text.ignore_shown):
            return
        self.hide()
        self.chosen.emit(choice)

    def reject(self) -> None:
        """Escape: "dismissed" in nag mode; nothing in block mode."""
        if self.text is not None and self.text.block:
            return
        self.choose("dismissed")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """The window manager's close counts as Escape; the app (quitting) always closes it."""
        if event.spontaneous() and self.isVisible():
            event.ignore()
            self.reject()
            return
        event.accept()  # not QDialog's: it would ask reject(), which block mode refuses

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _style(self, palette: QPalette) -> None:
        border = palette.color(QPalette.ColorRole.Mid).name()
        self._icons.set_palette(palette)
        self.setStyleSheet(stylesheet(palette, self.font(), body="times_up") + f"""
            QFrame#times_up_frame {{ background: {card_color(palette).name()};
                                     border: 1px solid {border}; }}
            """)


class TimesUpScreen(QObject):
    """The ``TimesUpPresenter`` of the tray app: safe to call from any thread.

    Args:
        today: the local (tracking) day, to tell whether a lock still holds.
        locate: a point (global pixels) on the offending window, to pick its
            screen; None or a None result means the primary screen.
        names: display names of targets (default: the window's app name, else the key).
    """

    _show_requested = Signal(object, object, object)
    _hide_requested = Signal()

    def __init__(
        self,
        *,
        today: Callable[[], date] = date.today,
        locate: Callable[[WindowInfo], QPoint | None] | None = None,
        names: Callable[[LimitTarget], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._locate = locate
        self._names = names
        self._on_choice: Choice | None = None
        self._target: LimitTarget | None = None
        self.window: TimesUpWindow | None = None
        self._show_requested.connect(self._on_show, Qt.ConnectionType.QueuedConnection)
        self._hide_requested.connect(self._on_hide, Qt.ConnectionType.QueuedConnection)

    def show_times_up(self, state: LimitState, window: WindowInfo | None,
                      on_choice: Choice) -> None:
        """Show the window for ``state`` over ``window`` (from any thread)."""
        self._show_requested.emit(state, window, on_choice)

    def hide_times_up(self) -> None:
        """Hide the window without a choice (from any thread)."""
        self._hide_requested.emit()

    @Slot(object, object, object)
    def _on_show(self, state: LimitState, window: WindowInfo | None, on_choice: Choice) -> None:
        if self.window is None:
            self.window = TimesUpWindow()
            self.window.chosen.connect(self._on_chosen)
        previous, self._on_choice = self._on_choice, on_choice
        if previous is not None and self._target != state.limit.target:
            previous("dismissed")  # replaced by another limit's screen
        self._target = state.limit.target
        name = None
        if self._names is not None and not (window is not None and state.limit.target.kind == "app"
                                            and window.app_key == state.limit.target.key):
            name = self._names(state.limit.target)
        text = times_up_text(state, window, self._today(), name)
        icon_name = window.app_name if window is not None else (name or default_name(
            state.limit.target))
        hint = window.icon if window is not None else None
        self.window.present(text, icon_name, hint, self._screen_of(window))

    def _screen_of(self, window: WindowInfo | None) -> QScreen | None:
        if window is None or self._locate is None:
            return None
        point = self._locate(window)
        return QGuiApplication.screenAt(point) if point is not None else None

    @Slot()
    def _on_hide(self) -> None:
        self._on_choice = None
        self._target = None
        if self.window is not None:
            self.window.hide()

    @Slot(str)
    def _on_chosen(self, choice: str) -> None:
        callback, self._on_choice = self._on_choice, None
        self._target = None
        if callback is not None:
            callback(choice)  # type: ignore[arg-type]
