"""The dashboard's banner: the notifier chain's last visible path, inside the open window.

When neither the desktop's notifications nor the tray's balloon can show a
notice (no notification daemon, no tray), an open dashboard shows it at its
top: the title in bold, the text, and a button to put it away. It goes by
itself after :data:`SHOW_MS`. :class:`DashboardBanner` is the ``Notifier`` for
the chain: it delivers only while the window is open, from any thread (it lives in
``ui.banner_notifier``, which the tray app loads at rest without these widgets).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from wellbeing.ui.banner_notifier import DashboardBanner
from wellbeing.ui.widgets import card, label

__all__ = ["SHOW_MS", "Banner", "DashboardBanner"]

SHOW_MS = 60_000


class Banner(QFrame):
    """A card with a notice's title and text, hidden until :meth:`show_notice`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame = card("banner")
        frame.setParent(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        row = QHBoxLayout(frame)
        text = QVBoxLayout()
        self.title_label = label("", "banner_title")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = label("", "banner_body")
        self.body_label.setWordWrap(True)
        text.addWidget(self.title_label)
        text.addWidget(self.body_label)
        row.addLayout(text, 1)
        self.dismiss_button = QPushButton(self.tr("OK"))
        self.dismiss_button.setAccessibleName(self.tr("Put the message away"))
        self.dismiss_button.clicked.connect(self.hide)
        row.addWidget(self.dismiss_button)
        self.setAccessibleName(self.tr("Message"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_notice(self, title: str, body: str) -> None:
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.show()
        self.timer.start(SHOW_MS)
