"""The tray's "Quiet notifications" menu: the desktop's Do Not Disturb for a while.

Like Instagram's mute: 15 minutes to 8 hours, or until turned off. It switches
the desktop's own Do Not Disturb (dunst, GNOME, KDE) through
``services.quiet.QuietMode``, which puts the previous state back afterwards,
also after a crash. A timer on the GUI thread ends it on time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QMenu

from wellbeing.core.clock import Clock
from wellbeing.errors import Unavailable
from wellbeing.services.quiet import QuietMode
from wellbeing.ui.tray import TrayController

log = logging.getLogger("wellbeing.ui")

QUIET_CHOICES: tuple[tuple[str, int], ...] = (
    (str(QT_TRANSLATE_NOOP("QuietMenu", "15 minutes")), 15 * 60),
    (str(QT_TRANSLATE_NOOP("QuietMenu", "1 hour")), 3600),
    (str(QT_TRANSLATE_NOOP("QuietMenu", "2 hours")), 2 * 3600),
    (str(QT_TRANSLATE_NOOP("QuietMenu", "8 hours")), 8 * 3600),
)


translate = QCoreApplication.translate


class QuietMenu:
    """The submenu and the timer that ends quiet mode; owned by the tray."""

    def __init__(self, tray: TrayController, quiet: QuietMode, clock: Clock) -> None:
        self.quiet = quiet
        self.clock = clock
        self.menu = QMenu(translate("QuietMenu", "Quiet notifications"), tray.menu)
        self.menu.setAccessibleName(translate("QuietMenu", "Quiet notifications"))
        for text, seconds in QUIET_CHOICES:
            action = self.menu.addAction(translate("QuietMenu", "For {time}").format(
                time=translate("QuietMenu", text)))
            action.triggered.connect(lambda _=False, s=seconds: self.start(s))
        self.menu.addSeparator()
        self.end_action = self.menu.addAction(translate("QuietMenu", "Turn quiet mode off"))
        self.end_action.triggered.connect(self.end)
        tray.menu.insertMenu(tray.settings_action, self.menu)
        self.menu.aboutToShow.connect(self.refresh)
        self.timer = QTimer(self.menu)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.end_if_due)
        self.refresh()

    def start(self, seconds: float) -> None:
        try:
            self.quiet.start(self.clock.now().wall + seconds)
        except Unavailable as exc:
            log.warning("quiet mode: %s", exc.message)
            return
        self.timer.start(round(seconds * 1000))
        self.refresh()

    def end(self) -> None:
        self.quiet.end()
        self.timer.stop()
        self.refresh()

    def end_if_due(self) -> None:
        self.quiet.end_if_due()
        until = self.quiet.active_until()
        if until is not None:  # woke early (suspend): look again at the new end
            self.timer.start(max(1000, round((until - self.clock.now().wall) * 1000)))
        self.refresh()

    def refresh(self) -> None:
        self.end_action.setEnabled(self.quiet.active_until() is not None)


def add_quiet_menu(tray: TrayController, quiet: QuietMode, clock: Clock) -> QuietMenu:
    """Put the "Quiet notifications" submenu in the tray menu (before Settings)."""
    menu = QuietMenu(tray, quiet, clock)
    tray.quiet_menu = menu  # type: ignore[attr-defined]  # kept alive with the tray
    return menu
