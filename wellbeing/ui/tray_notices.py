"""Telling the user what went wrong while tracking: the tray's warning state, a notification,
and a message box that does not block.

The tracker posts :class:`~wellbeing.services.notices.TrackerNotice` objects from
its worker thread. :class:`NoticeBridge` carries each into the GUI thread
(:class:`~wellbeing.ui.gui_thread.GuiThread`), so everything visible happens there
and nothing polls.
:class:`NoticePresenter` then puts the tray icon into its warning state with
the problem in the tooltip (:meth:`TrayController.show_problem
<wellbeing.ui.tray.TrayController.show_problem>`), shows one notification per
notice (``QSystemTrayIcon.showMessage`` for now), and for a database set aside,
or when there is no tray to show a notification, a non-modal message box.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from wellbeing.services.notices import TrackerNotice
from wellbeing.ui.gui_thread import GuiThread

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("wellbeing.app")

_SIZES = (16, 22, 24, 32, 48, 64)


class ProblemShower(Protocol):
    """What the presenter needs of the tray (``ui.tray.TrayController``)."""

    def show_problem(self, notice: TrackerNotice, text: str) -> bool:
        """Enter the warning state; True if a notification was shown."""
        ...


def warning_icon(icon: QIcon) -> QIcon:
    """``icon`` with the style's warning sign in its lower right quarter."""
    from PySide6.QtCore import Qt  # with the first problem: the tray at rest has none
    from PySide6.QtWidgets import QStyle

    style = QApplication.style()
    badge = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    out = QIcon()
    for size in _SIZES:
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.drawPixmap(0, 0, icon.pixmap(size, size))
        half = max(8, size * 3 // 5)
        painter.drawPixmap(size - half, size - half, badge.pixmap(half, half))
        painter.end()
        out.addPixmap(pix)
    return out


class NoticeBridge(QObject):
    """Carries notices from any thread into the GUI thread.

    :meth:`post` is a :data:`~wellbeing.services.notices.NoticeListener`: safe to call
    from the tracker's thread; ``received`` is emitted later, in the GUI thread.

    Signals:
        received(TrackerNotice)
    """

    received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gui = GuiThread(self)

    def post(self, notice: TrackerNotice) -> None:
        self._gui(lambda: self.received.emit(notice))


class NoticePresenter(QObject):
    """Shows every tracker notice to the user (see the module docstring).

    Args:
        tray: the tray controller.
        log_file: named in the messages, so the user knows where the details are.

    Attributes:
        boxes: the message boxes shown so far (kept, so they stay up without blocking).
    """

    def __init__(
        self, tray: ProblemShower, *, log_file: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tray = tray
        self.log_file = log_file
        self.boxes: list[QMessageBox] = []
        self.bridge = NoticeBridge(self)
        self.bridge.received.connect(self.show)  # emitted in the GUI thread

    def post(self, notice: TrackerNotice) -> None:
        """Hand a notice over from any thread (subscribe this to ``tracker.notices``)."""
        self.bridge.post(notice)

    def show(self, notice: TrackerNotice) -> None:
        """In the GUI thread: the warning state, a notification, and a box where needed."""
        text = notice.message
        if self.log_file is not None:
            text += "\n\n" + self.tr("Log file: {path}").format(path=self.log_file)
        notified = self.tray.show_problem(notice, text)
        if notice.kind == "set_aside" or not notified:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Warning, notice.title, text)
            box.setModal(False)
            box.show()
            self.boxes.append(box)
        log.info("told the user: %s", notice.title)

    def close(self) -> None:
        """Close the boxes still up (the app is quitting)."""
        for box in self.boxes:
            box.close()
        self.boxes.clear()
