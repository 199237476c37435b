"""The tray icon: today's total at a glance, the top apps, and pausing the tracker.

Menu: Open dashboard · today's top 3 apps with their times · Pause tracking ▸
(15 minutes, 1 hour, Until tomorrow, Resume) · Settings… · Quit. The tooltip
reads "Today: 2 h 10 min" (plus "paused until 14:35" while paused).

When something went wrong while tracking (the tracking thread died, a damaged
database was set aside), :meth:`TrayController.show_problem` puts the icon
into a warning state, adds the problem to the tooltip and shows one
notification (see :mod:`wellbeing.ui.tray_notices`).

When the desktop has no system tray (``tray_available()`` is False, common on
GNOME without an extension), ``TrayController.show()`` returns False and the
caller opens the dashboard window instead, so the app is never invisible.

``TrackerControl`` is the contract the tracker service implements; time comes
from an injected ``Clock`` so pausing can be tested without waiting.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from wellbeing.core.clock import Clock
from wellbeing.core.days import next_local_day_start_ms
from wellbeing.core.durations import format_duration
from wellbeing.errors import StorageUnavailable
from wellbeing.services.notices import TrackerNotice
from wellbeing.ui.icons import tray_icon
from wellbeing.ui.tray_notices import warning_icon

if TYPE_CHECKING:
    from wellbeing.services.autostart import Autostart
    from wellbeing.ui.viewmodels import UsageSource

PAUSE_CHOICES: tuple[tuple[str, int], ...] = (("For 15 minutes", 15 * 60), ("For 1 hour", 3600))


class TrackerControl(Protocol):
    """What the UI may ask of the running tracker (implemented by services.tracker).

    ``paused_until()`` returns None when tracking runs, the wall time (Unix
    seconds) at which it resumes by itself, or ``math.inf`` when paused until
    ``resume()`` is called. ``today_total_seconds()`` includes the interval
    still running, so it is the live figure.
    """

    def pause(self, until_wall: float | None) -> None:
        """Stop recording until ``until_wall`` (None: until ``resume``)."""
        ...

    def resume(self) -> None:
        """Record again now."""
        ...

    def paused_until(self) -> float | None:
        """See the class docstring."""
        ...

    def today_total_seconds(self) -> float:
        """Today's use so far, in seconds."""
        ...


def tray_available() -> bool:
    """Whether the desktop shows tray icons; if not, open the dashboard instead."""
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


def next_day_start(
    wall: float,
    utc_offset_min: int,
    day_start_hour: int = 4,
    offset_at: Callable[[int], int] | None = None,
) -> float:
    """The wall time (Unix seconds) when the next app day starts ("until tomorrow").

    App days start at ``day_start_hour`` local time, so at 01:00 with the
    default 04:00 "tomorrow" begins three hours later, not 27. The day logic is
    :func:`wellbeing.core.days.next_local_day_start_ms`: ``offset_at`` (UTC ms ->
    offset in minutes; default: the offset now, all night) places the start hour
    by the local clock of that moment, so a DST night ends the pause at 04:00 too.
    """
    ms = next_local_day_start_ms(
        round(wall * 1000),
        utc_offset_min,
        day_start_hour,
        offset_at or (lambda _ms: utc_offset_min),
    )
    return ms / 1000


def _local_clock(wall: float, utc_offset_min: int, now_wall: float, now_offset_min: int) -> str:
    """``wall`` as local clock time at its own offset: "14:35", "tomorrow 04:00", "12 Jun 09:00"."""
    moment = datetime.fromtimestamp(wall, timezone(timedelta(minutes=utc_offset_min)))
    today = datetime.fromtimestamp(now_wall, timezone(timedelta(minutes=now_offset_min))).date()
    if moment.date() == today:
        return moment.strftime("%H:%M")
    if moment.date() == today + timedelta(days=1):
        return f"tomorrow {moment.strftime('%H:%M')}"
    return moment.strftime("%d %b %H:%M")


def _greyed(icon: QIcon) -> QIcon:
    out = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        image = icon.pixmap(size, size).toImage()
        alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(
            QImage.Format.Format_ARGB32)
        grey.setAlphaChannel(alpha)
        out.addPixmap(QPixmap.fromImage(grey))
    return out


class TrayController(QObject):
    """Owns the ``QSystemTrayIcon`` and its menu.

    Args:
        control: the tracker.
        source: usage for today's top apps (optional; the menu omits them without it).
        clock: wall time and UTC offset, for pause deadlines.
        today: the current app day.
        day_start_hour: local hour at which an app day starts.
        refresh_ms: how often the tooltip is refreshed by a timer (0, the default: only
            when the menu opens and when :meth:`refresh_tooltip` is called, which the app
            does after each write of the tracker).
        offset_at: the local UTC offset (minutes) at a moment given in UTC ms, for the
            end of "until tomorrow" across a DST change (the app passes the system's
            zone, :func:`~wellbeing.platform.system_clock.local_utc_offset_min`;
            default: the clock's offset now, as if it never changed).

    Signals:
        open_dashboard(), open_checkin(), open_settings(), quit_requested().
    """

    open_dashboard = Signal()
    open_settings = Signal()
    open_checkin = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        control: TrackerControl,
        source: UsageSource | None,
        clock: Clock,
        today: Callable[[], date],
        *,
        day_start_hour: int = 4,
        refresh_ms: int = 0,
        offset_at: Callable[[int], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._offset_at = offset_at or (lambda _ms: clock.now().utc_offset_min)
        self._control = control
        self._source = source
        self._clock = clock
        self._today = today
        self._day_start_hour = day_start_hour
        self._icon = tray_icon()
        self._paused: QIcon | None = None
        self._warning: QIcon | None = None
        #: The last problem shown (the icon stays in its warning state), else None.
        self.problem: TrackerNotice | None = None
        #: Notifications shown, as (title, text), oldest first.
        self.notifications: list[tuple[str, str]] = []
        self.tray = QSystemTrayIcon(self._icon, self)
        self._shows_paused = False
        self._icon_state = (False, False)  # (a problem shown, paused): what the icon shows
        self.tray.activated.connect(self._on_activated)
        self.menu = self._build_menu()
        self.tray.setContextMenu(self.menu)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        if refresh_ms > 0:
            self.timer.start(refresh_ms)
        self.refresh()

    def _build_menu(self) -> QMenu:
        menu = QMenu()
        menu.setAccessibleName("Wellbeing")
        self.open_action = menu.addAction(self.tr("Open dashboard"))
        self.open_action.triggered.connect(self.open_dashboard)
        menu.addSeparator()
        self.top_header = menu.addAction(self.tr("Today"))
        self.top_header.setEnabled(False)
        self.top_actions: list[QAction] = []
        for _ in range(3):
            action = menu.addAction("")
            action.triggered.connect(self.open_dashboard)
            action.setVisible(False)
            self.top_actions.append(action)
        menu.addSeparator()
        self.pause_menu = QMenu(self.tr("Pause tracking"), menu)
        self.pause_actions: dict[str, QAction] = {}
        shown = {"For 15 minutes": self.tr("For 15 minutes"), "For 1 hour": self.tr("For 1 hour")}
        for text, seconds in PAUSE_CHOICES:
            action = self.pause_menu.addAction(shown.get(text, text))
            action.triggered.connect(lambda _=False, s=seconds: self.pause_for(s))
            self.pause_actions[text] = action
        tomorrow = self.pause_menu.addAction(self.tr("Until tomorrow"))
        tomorrow.triggered.connect(self.pause_until_tomorrow)
        self.pause_actions["Until tomorrow"] = tomorrow
        self.pause_menu.addSeparator()
        self.resume_action = self.pause_menu.addAction(self.tr("Resume tracking"))
        self.resume_action.triggered.connect(self.resume)
        menu.addMenu(self.pause_menu)
        self.checkin_action = menu.addAction(self.tr("Experiment check-in…"))
        self.checkin_action.triggered.connect(self.open_checkin)
        menu.addSeparator()
        self.login_action = menu.addAction(self.tr("Start at login"))
        self.login_action.setCheckable(True)
        self.login_action.setVisible(False)  # until set_autostart gives a way to do it
        self.login_action.toggled.connect(self._on_login_toggled)
        self._autostart: tuple[Autostart, Sequence[str] | Callable[[], Sequence[str]]] | None = None
        self.settings_action = menu.addAction(self.tr("Settings…"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = menu.addAction(self.tr("Quit"))
        self.quit_action.triggered.connect(self.quit_requested)
        menu.aboutToShow.connect(self.refresh)
        menu.aboutToShow.connect(self._show_login_state)
        return menu

    # -- start at login -----------------------------------------------------------------

    def set_autostart(
        self, way: Autostart, command: Sequence[str] | Callable[[], Sequence[str]]
    ) -> None:
        """Offer "Start at login" in the menu, done ``way`` with ``command`` (or what it
        returns, asked when the entry is turned on)."""
        self._autostart = (way, command)
        self.login_action.setVisible(True)
        self._show_login_state()

    def _show_login_state(self) -> None:
        if self._autostart is None:
            return
        try:
            on = self._autostart[0].enabled()
        except OSError:
            on = False
        self.login_action.blockSignals(True)
        self.login_action.setChecked(on)
        self.login_action.blockSignals(False)

    def _on_login_toggled(self, on: bool) -> None:
        if self._autostart is None:
            return
        way, command = self._autostart
        try:
            if on:
                way.enable(command() if callable(command) else command)
            else:
                way.disable()
        except OSError as exc:
            title = self.tr("Start at login")
            text = self.tr("Could not change {where}: {why}").format(
                where=way.where, why=exc.strerror or exc)
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning)
            self.notifications.append((title, text))
        self._show_login_state()

    # -- showing -----------------------------------------------------------------------

    def show(self) -> bool:
        """Show the icon; returns False when there is no tray (open the window instead)."""
        if not tray_available():
            return False
        self.tray.show()
        return True

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_dashboard.emit()

    def tooltip(self) -> str:
        """"Today: 2 h 10 min", plus the pause state."""
        try:
            shown = format_duration(max(0.0, self._control.today_total_seconds()))
        except StorageUnavailable:  # a database server away (at start or now): no figure
            shown = "—"
        text = self.tr("Today: {time}").format(time=shown)
        paused = self.paused_text()
        text = f"{text} — {paused}" if paused else text
        return f"{text}\n{self.problem.title}" if self.problem is not None else text

    def paused_text(self) -> str:
        """"paused until 14:35", "paused", or "" when tracking."""
        until = self._control.paused_until()
        if until is None:
            return ""
        if math.isinf(until):
            return self.tr("paused")
        now = self._clock.now()
        then = self._offset_at(round(until * 1000))
        return self.tr("paused until {time}").format(
            time=_local_clock(until, then, now.wall, now.utc_offset_min))

    @property
    def _paused_icon(self) -> QIcon:
        """The icon in grey (made the first time tracking is paused)."""
        if self._paused is None:
            self._paused = _greyed(self._icon)
        return self._paused

    @property
    def _warning_icon(self) -> QIcon:
        """The icon with a warning sign (made with the first problem: it needs the style's
        icons, which the tray at rest does not load)."""
        if self._warning is None:
            self._warning = warning_icon(self._icon)
        return self._warning

    def refresh_tooltip(self) -> str:
        """Update the tooltip and the icon (one small query); return the tooltip."""
        tip = self.tooltip()
        if tip != self.tray.toolTip():
            self.tray.setToolTip(tip)
        paused = self._control.paused_until() is not None
        state = (self.problem is not None, paused)
        if state != self._icon_state:
            self._icon_state = state
            icon = self._paused_icon if paused else self._icon
            self.tray.setIcon(self._warning_icon if self.problem is not None else icon)
        self._shows_paused = paused
        return tip

    def refresh(self) -> None:
        """Update the tooltip, the top apps and the pause entries."""
        tip = self.refresh_tooltip()
        self.top_header.setText(tip.split(" — ")[0])
        paused = self._shows_paused
        self.pause_menu.setTitle(self.tr("Tracking paused") if paused
                                 else self.tr("Pause tracking"))
        self.resume_action.setEnabled(paused)
        self.resume_action.setText(
            self.tr("Resume tracking ({state})").format(state=self.paused_text()) if paused
            else self.tr("Resume tracking"))
        items = []
        if self._source is not None:
            day = self._today()
            with contextlib.suppress(StorageUnavailable):  # the server is away: none shown
                items = self._source.usage(day, day, by="app").items[:3]
        self.top_header.setVisible(bool(items))
        for action, item in zip(self.top_actions, [*items, None, None, None], strict=False):
            action.setVisible(item is not None)
            if item is not None:
                action.setText(f"{item.name} — {format_duration(item.seconds)}")

    # -- problems ----------------------------------------------------------------------

    def show_problem(self, notice: TrackerNotice, text: str) -> bool:
        """Enter the warning state for ``notice`` and notify once; True if a notification showed.

        The icon keeps its warning sign and the tooltip the problem until the app quits.
        """
        self.problem = notice
        self.refresh()
        if not self.tray.isVisible():
            return False
        self.tray.showMessage(notice.title, text, QSystemTrayIcon.MessageIcon.Warning, 20_000)
        self.notifications.append((notice.title, text))
        return True

    # -- pausing -----------------------------------------------------------------------

    def pause_for(self, seconds: float) -> None:
        """Pause for ``seconds`` from now."""
        self._control.pause(self._clock.now().wall + seconds)
        self.refresh()

    def pause_until_tomorrow(self) -> None:
        """Pause until the next app day starts."""
        now = self._clock.now()
        self._control.pause(
            next_day_start(now.wall, now.utc_offset_min, self._day_start_hour, self._offset_at)
        )
        self.refresh()

    def resume(self) -> None:
        """Resume tracking now."""
        self._control.resume()
        self.refresh()
