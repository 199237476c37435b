"""The tray app's offer to set up the GNOME Shell extension (installing faked)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from wellbeing.platform.gnome_extension import ExtensionState, ShellView, judge
from wellbeing.services.gnome_setup import SetupOutcome
from wellbeing.ui.gnome_setup_prompt import GnomeExtensionPrompt

MISSING = judge(ShellView(running=True, version="46.0", info={}), None, 1)
WAITING = judge(ShellView(running=True, version="46.0", info={}), 1, 1)


class FakeSetup:
    def __init__(self, outcome: SetupOutcome) -> None:
        self.outcome = outcome
        self.calls = 0

    def __call__(self) -> SetupOutcome:
        self.calls += 1
        return self.outcome


def test_install_runs_setup_and_shows_what_happened(qtbot: QtBot) -> None:
    setup = FakeSetup(SetupOutcome(True, True, ["Installed it.", "One more step: log out."]))
    prompt = GnomeExtensionPrompt(MISSING, setup)
    qtbot.addWidget(prompt)
    assert MISSING.state is ExtensionState.NOT_INSTALLED
    assert "only a GNOME Shell extension can tell which app is in front" in prompt.message.text()
    assert "is not installed" in prompt.message.text()
    assert prompt.install_button is not None
    assert prompt.install_button.isDefault()
    prompt.install_button.click()
    assert setup.calls == 1
    assert prompt.message.text() == "Installed it.\n\nOne more step: log out."
    assert prompt.install_button.isHidden()
    assert prompt.close_button.text() == "Close"
    prompt.close_button.click()
    assert prompt.result() == QDialog.DialogCode.Accepted


def test_not_now_changes_nothing(qtbot: QtBot) -> None:
    setup = FakeSetup(SetupOutcome(True))
    prompt = GnomeExtensionPrompt(MISSING, setup)
    qtbot.addWidget(prompt)
    assert prompt.close_button.text() == "Not now"
    prompt.close_button.click()
    assert setup.calls == 0
    assert prompt.result() == QDialog.DialogCode.Rejected


def test_a_failed_install_shows_why_and_closes_as_rejected(qtbot: QtBot) -> None:
    setup = FakeSetup(SetupOutcome(False, lines=["Cannot install: disk full."]))
    prompt = GnomeExtensionPrompt(MISSING, setup)
    qtbot.addWidget(prompt)
    assert prompt.install_button is not None
    prompt.install_button.click()
    assert prompt.message.text() == "Cannot install: disk full."
    prompt.close_button.click()
    assert prompt.result() == QDialog.DialogCode.Rejected


def test_waiting_for_a_log_in_only_says_so(qtbot: QtBot) -> None:
    setup = FakeSetup(SetupOutcome(True))
    prompt = GnomeExtensionPrompt(WAITING, setup)
    qtbot.addWidget(prompt)
    assert prompt.install_button is None
    assert "has not loaded it yet" in prompt.message.text()
    assert "Log out and back in once" in prompt.message.text()
    prompt.close_button.click()
    assert setup.calls == 0
    assert prompt.result() == QDialog.DialogCode.Accepted


def test_the_tray_app_offers_it_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    from wellbeing import app
    from wellbeing.services import gnome_setup

    shown: list[GnomeExtensionPrompt] = []
    monkeypatch.setattr(GnomeExtensionPrompt, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(gnome_setup, "needs_setup", lambda env=None: MISSING)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    assert app._offer_gnome_extension() is False  # not Wayland: needs_setup is not asked
    assert shown == []
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setattr(gnome_setup, "needs_setup", lambda env=None: None)
    assert app._offer_gnome_extension() is False
    assert shown == []
    monkeypatch.setattr(gnome_setup, "needs_setup", lambda env=None: MISSING)
    assert app._offer_gnome_extension() is True
    assert len(shown) == 1
    assert "is not installed" in shown[0].message.text()
    shown[0].deleteLater()
