"""Guard against a Qt binding that loses references to None (the app would abort within minutes).

PySide6 6.12.0 on Python 3.11 returns ``None`` from void methods without
taking a reference: every call like ``widget.setEnabled(False)`` drops one,
and once the count reaches zero the interpreter aborts ("none_dealloc").
The dashboard's live refresh makes a few hundred such calls every 5 s, so
the app would crash after about ten minutes. Python 3.12+ (immortal None)
and PySide6 6.11 are not affected.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(False)
    lost = before - sys.getrefcount(None)
    assert lost < 100, (
        f"the Qt binding dropped {lost} references to None in 500 calls; "
        "use PySide6 != 6.12.0 on Python 3.11 (or Python >= 3.12)"
    )
