"""Calls onto the GUI thread, and the tray balloon: the Qt pieces the tray app needs at rest.

The enforcer runs in the tracker's worker thread; what it asks of Qt (the
"Time's up" screen, a tray balloon, moving a timed job) must happen on the GUI
thread. :class:`GuiThread` carries a call there through a queued signal.
:class:`TrayBalloon` is the notifier chain's Qt path after the desktop's own
notifications (D-Bus, plyer): it is used when those fail. Kept apart from
``ui.limits_wiring`` (the Limits page's model), which the tray app imports only
when the dashboard opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from wellbeing.services.limit_ports import Notice

log = logging.getLogger("wellbeing.ui")


class GuiThread(QObject):
    """Runs a call on the thread this object lives in (the GUI thread), from any thread."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def __call__(self, fn: Callable[[], object]) -> None:
        self._call.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - a failing call must not take the app down
            log.exception("a call on the GUI thread failed")


class TrayBalloon:
    """A notifier path: the tray icon's balloon message (when the tray shows one)."""

    name = "tray balloon"

    def __init__(self, icon: Callable[[], QSystemTrayIcon | None], gui: GuiThread) -> None:
        self._icon = icon
        self._gui = gui

    def notify(self, notice: Notice) -> bool:
        icon = self._icon()
        if icon is None or not icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.urgency == "critical"
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._gui(lambda: icon.showMessage(notice.title, notice.body, kind, 10_000))
        return True

    def close(self) -> None:
        pass
