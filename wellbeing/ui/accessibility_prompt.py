"""macOS: explain the Accessibility permission once, then let macOS ask for it.

Without the permission every app is still counted, but window titles, and so
the websites a browser shows, are not read. The first time the tray app runs
without it, a message says what the permission gives and what it does not;
if the user agrees, the probe's ``request_accessibility()`` makes macOS show
its own dialog. A marker file in the data folder keeps the question from
coming back at every start (``wellbeing doctor`` still says how to grant it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox

from wellbeing.paths import touch_private

__all__ = ["EXPLANATION", "MARKER", "explain_accessibility"]

log = logging.getLogger("wellbeing.ui")

MARKER = "accessibility-asked"
"""The file in the data folder that says the question was asked."""

TITLE = str(QT_TRANSLATE_NOOP("Accessibility", "See websites too?"))
EXPLANATION = str(QT_TRANSLATE_NOOP(
    "Accessibility",
    "Wellbeing already counts the time you spend in each app.\n\n"
    "To also tell which website a browser shows (the window's title), macOS "
    "needs you to allow Wellbeing under Privacy & Security > Accessibility. "
    "Titles stay on this Mac and are used only to recognise websites; "
    "Wellbeing never controls other apps.\n\n"
    "Open macOS' request now?"
))

Ask = Callable[[str, str], bool]


translate = QCoreApplication.translate


def _ask_with_a_box(title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text)
    allow = box.addButton(translate("Accessibility", "Continue"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Accessibility", "Not now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is allow


def explain_accessibility(probe: object, data_dir: Path, *, ask: Ask | None = None) -> bool:
    """Ask once whether to request the permission; True if macOS' request was made.

    Args:
        probe: the foreground probe; only one with ``request_accessibility()``
            and ``titles`` False (macOS without the permission) is asked about.
        data_dir: where the marker file goes.
        ask: shows the question, True to go on (default: a message box).
    """
    request: Callable[[], bool] | None = getattr(probe, "request_accessibility", None)
    if request is None or getattr(probe, "titles", True):
        return False
    marker = data_dir / MARKER
    if marker.exists():
        return False
    touch_private(marker)
    title, text = translate("Accessibility", TITLE), translate("Accessibility", EXPLANATION)
    if not (ask or _ask_with_a_box)(title, text):
        log.info("Accessibility not requested: the user said not now")
        return False
    granted = request()
    log.info("Accessibility requested from macOS (granted already: %s)", granted)
    return True
