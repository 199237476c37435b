"""Calls onto the GUI thread, and the tray balloon: the Qt pieces the tray app needs at rest.

The enforcer runs in the tracker's worker thread; what it asks of Qt (the
"Time's up" screen, a tray balloon, moving a timed job) must happen on the GUI
thread. :class:`GuiThread` carries a call there, always to run later: from another
thread through a signal (Qt queues it, the receiver living elsewhere), from the GUI
thread itself through a zero timer. Asking for ``Qt.ConnectionType.QueuedConnection``
instead would build PySide6's whole ``Qt`` namespace, about 1 MiB of enums the tray
app at rest does not otherwise need (issue 11).
:class:`TrayBalloon` is the notifier chain's Qt path after the desktop's own
notifications (D-Bus, plyer): it is used when those fail. Kept apart from
``ui.limits_wiring`` (the Limits page's model), which the tray app imports only
when the dashboard opens.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from wellbeing.services.limit_ports import Notice

log = logging.getLogger("wellbeing.ui")


class GuiThread(QObject):
    """Runs a call later on the thread it was made in (the GUI thread), from any thread.

    Made in the GUI thread, and never moved to another.
    """

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._home = threading.get_ident()
        self._call.connect(self._run)  # from another thread: queued, the receiver is here

    def __call__(self, fn: Callable[[], object]) -> None:
        if threading.get_ident() == self._home:
            QTimer.singleShot(0, self, lambda: self._run(fn))  # later, as a queued call
        else:
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
