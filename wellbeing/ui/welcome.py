"""The first start: what is recorded, where it stays, how to pause, and "Start at login".

Shown once, the first time the tray app runs for a data folder (a marker file
there, :data:`MARKER`, keeps it from coming back), after tracking has started,
without blocking anything. It says in plain words what wellbeing records (the
app in front and for how long; the website a browser shows, recognised from
its title), where that is kept (this computer's data folder, or the database
the user chose), that window titles themselves are not kept, and how to pause.
"Start Wellbeing when I log in" is ticked by default; closing the window in any
way other than the button leaves login as it was. Whether to show it is
``ui.first_start``'s business (the tray app asks at every start; this module and
its widgets load only the first time).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wellbeing.ui.first_start import MARKER, welcome_once

__all__ = ["MARKER", "WelcomeDialog", "welcome_once"]


class WelcomeDialog(QDialog):
    """The welcome window; :attr:`start_at_login` is the user's choice.

    Args:
        where: where the data is kept, in words (a folder, or a database's host).
        on_done: called with the "start at login" choice when "Get started" is pressed.
    """

    def __init__(self, where: str, on_done: Callable[[bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Wellbeing"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_done = on_done
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 20, 24, 16)
        heading = QLabel(self.tr("Wellbeing is now counting your screen time"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        facts = [
            self.tr("<b>What is recorded:</b> which app is in front and for how long, and "
                    "which website a browser shows (recognised from the window's title). "
                    "Time away from the keyboard, with the screen locked or the computer "
                    "asleep does not count."),
            self.tr("<b>Where it stays:</b> {where}. Nothing is sent anywhere.").format(
                where=where),
            self.tr("<b>Window titles are not kept.</b> They are read to recognise websites "
                    "and then dropped; you can choose to keep them in Settings."),
            self.tr("<b>To pause:</b> the Wellbeing icon in the panel, then "
                    "<i>Pause tracking</i>."),
        ]
        for text in facts:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(label)
        self.login_box = QCheckBox(self.tr("Start Wellbeing when I log in"))
        self.login_box.setChecked(True)
        layout.addWidget(self.login_box)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Get started"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._finish)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @property
    def start_at_login(self) -> bool:
        return self.login_box.isChecked()

    def _finish(self) -> None:
        self._on_done(self.start_at_login)
        self.accept()
