"""The offer, at start on GNOME with Wayland, to set up wellbeing's GNOME Shell extension.

Without the extension wellbeing cannot see which app is in front on GNOME's
Wayland session, so the tray app asks (``app.py`` shows this dialog only when
``services.gnome_setup.needs_setup`` says so). *Install* does what ``wellbeing
setup gnome-extension`` does and then shows what happened, including the one
log-out GNOME needs; *Not now* changes nothing. Where installing would not
help (it waits for a log-in; extensions are switched off), the dialog only
says what to do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wellbeing.platform.gnome_extension import ExtensionState, ExtensionStatus
from wellbeing.services.gnome_setup import SetupOutcome

INTRO = str(QT_TRANSLATE_NOOP(
    "GnomeExtensionPrompt",
    "On GNOME with Wayland, only a GNOME Shell extension can tell which app is in "
    "front. wellbeing comes with a tiny one of its own: it tells wellbeing the app, "
    "window title and process of the focused window, and nothing else; nothing leaves "
    "your computer."
))

#: States that installing (again) cannot fix: the dialog only says what to do.
NOT_BY_INSTALLING = (ExtensionState.NEEDS_LOGIN, ExtensionState.USER_EXTENSIONS_OFF)


class GnomeExtensionPrompt(QDialog):
    """Explains why the extension is needed and installs it on request.

    Args:
        status: what is wrong now (from ``needs_setup``).
        setup: installs and enables it (``services.gnome_setup.setup_gnome_extension``).
    """

    def __init__(
        self,
        status: ExtensionStatus,
        setup: Callable[[], SetupOutcome],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._setup = setup
        self.outcome: SetupOutcome | None = None
        self.setWindowTitle(self.tr("See your apps on GNOME"))
        self.message = QLabel(self._text(status))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.install_button: QPushButton | None = None
        if status.state in NOT_BY_INSTALLING:
            self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
            self.close_button.clicked.connect(self.accept)
        else:
            self.install_button = self.buttons.addButton(
                self.tr("Install"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.install_button.setDefault(True)
            self.install_button.clicked.connect(self._install)
            self.close_button = self.buttons.addButton(
                self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole
            )
            self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    @staticmethod
    def _text(status: ExtensionStatus) -> str:
        intro = QCoreApplication.translate("GnomeExtensionPrompt", INTRO)
        why = status.detail[:1].upper() + status.detail[1:] + "."  # the platform's (English)
        if status.state in NOT_BY_INSTALLING and status.fix:
            return f"{intro}\n\n{why}\n\n{status.fix}."
        ask = QCoreApplication.translate(
            "GnomeExtensionPrompt", "Install it now? You will need to log out and back in once.")
        return f"{intro}\n\n{why}\n\n{ask}"

    def _install(self) -> None:
        """Install, then show what happened; the dialog stays open to be read."""
        self.outcome = self._setup()
        self.message.setText("\n\n".join(self.outcome.lines))
        assert self.install_button is not None
        self.install_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept if self.outcome.ok else self.reject)
