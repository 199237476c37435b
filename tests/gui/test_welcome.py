"""The first-start welcome: what it says, the login choice, shown once per data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wellbeing.ui.welcome import MARKER, WelcomeDialog, welcome_once


def test_it_says_what_is_recorded_where_and_how_to_pause(qtbot: QtBot) -> None:
    dialog = WelcomeDialog("only on this computer, in /home/me/.local/share/wellbeing",
                           lambda _on: None)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "which app is in front" in text
    assert "only on this computer, in /home/me/.local/share/wellbeing" in text
    assert "Window titles are not kept" in text
    assert "Pause tracking" in text
    assert dialog.start_at_login  # on by default


def test_get_started_reports_the_choice(qtbot: QtBot) -> None:
    chosen: list[bool] = []
    dialog = WelcomeDialog("here", chosen.append)
    qtbot.addWidget(dialog)
    dialog.login_box.setChecked(False)
    dialog.start_button.click()
    assert chosen == [False]


def test_closing_it_otherwise_changes_nothing(qtbot: QtBot) -> None:
    chosen: list[bool] = []
    dialog = WelcomeDialog("here", chosen.append)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert chosen == []


def test_shown_once_per_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    first = welcome_once(tmp_path, "here", lambda _on: None)
    assert first is not None
    qtbot.addWidget(first)
    assert first.isVisible()
    assert (tmp_path / MARKER).exists()
    assert welcome_once(tmp_path, "here", lambda _on: None) is None
