"""``wellbeing setup gnome-extension``'s words, doctor's line and the tray's offer (shell faked)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.unit.platform.test_gnome_extension import FakeCommands
from wellbeing.errors import Unavailable
from wellbeing.platform import gnome_extension
from wellbeing.platform.gnome_extension import UUID, ExtensionStatus, ShellView, judge
from wellbeing.services import gnome_setup
from wellbeing.services.gnome_setup import extension_check, needs_setup, setup_gnome_extension

GNOME_WAYLAND = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}


def fake_status(
    monkeypatch: pytest.MonkeyPatch, view: ShellView | None, installed: int | None = None
) -> None:
    """Make the shell say ``view`` (None: the bus does not answer)."""

    def status(env: Mapping[str, str] | None = None, conn: object = None) -> ExtensionStatus:
        if view is None:
            raise Unavailable("no session D-Bus to ask GNOME Shell")
        return judge(view, installed, 1)

    monkeypatch.setattr(gnome_setup, "extension_status", status)


NOT_INSTALLED = ShellView(running=True, version="43.9", info={}, user_extensions_enabled=True)
WORKING = ShellView(running=True, version="43.9", info={"state": 1.0}, reporting=True)
DISABLED = ShellView(
    running=True, version="43.9", info={"state": 2.0}, user_extensions_enabled=True
)


def env_in(tmp_path: Path) -> dict[str, str]:
    return {**GNOME_WAYLAND, "XDG_DATA_HOME": str(tmp_path)}


def test_setup_on_a_fresh_gnome_installs_and_asks_for_a_log_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_status(monkeypatch, NOT_INSTALLED)
    outcome = setup_gnome_extension(env_in(tmp_path), run=FakeCommands(enable_rc=2))
    assert outcome.ok
    assert outcome.needs_login
    target = tmp_path / "gnome-shell" / "extensions" / UUID
    assert outcome.lines == [
        f"Installed the wellbeing GNOME Shell extension (for GNOME 42 to 44) in {target}.",
        "Turned it on in GNOME's settings (org.gnome.shell enabled-extensions).",
        "One more step: log out and back in once (GNOME Shell on Wayland loads new "
        "extensions only then).",
        "Until then wellbeing cannot see which app is in front.",
    ]


def test_setup_of_a_disabled_extension_needs_no_log_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = env_in(tmp_path)
    gnome_extension.install(env, shell_version="43.9", run=FakeCommands())  # the same version
    fake_status(monkeypatch, DISABLED, installed=1)
    outcome = setup_gnome_extension(env, run=FakeCommands())
    assert outcome.ok
    assert not outcome.needs_login
    assert outcome.lines[1:] == ["Enabled it with gnome-extensions.", "It works now."]


def test_setup_when_it_works_already_does_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_status(monkeypatch, WORKING, installed=1)
    commands = FakeCommands()
    outcome = setup_gnome_extension(env_in(tmp_path), run=commands)
    assert outcome.ok
    assert outcome.lines == ["The wellbeing GNOME Shell extension is installed and works already."]
    assert commands.calls == []


def test_setup_without_an_answering_shell_still_installs_for_the_installed_gnome(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_status(monkeypatch, None)
    commands = FakeCommands()
    outcome = setup_gnome_extension(env_in(tmp_path), run=commands)
    assert outcome.ok
    assert ["gnome-shell", "--version"] in commands.calls
    assert outcome.needs_login


def test_setup_outside_gnome_refuses(tmp_path: Path) -> None:
    env = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"}
    commands = FakeCommands()
    outcome = setup_gnome_extension(env, run=commands)
    assert not outcome.ok
    assert outcome.lines[0].startswith("This is not a GNOME session (XDG_CURRENT_DESKTOP='KDE')")
    assert commands.calls == []


def test_setup_that_fails_says_why(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_status(monkeypatch, NOT_INSTALLED)
    outcome = setup_gnome_extension(env_in(tmp_path), run=FakeCommands(enable_rc=2, gsettings_rc=1))
    assert not outcome.ok
    assert "could not be enabled" in outcome.lines[0]


def test_doctor_line_only_on_gnome_wayland(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_status(monkeypatch, NOT_INSTALLED)
    assert extension_check({"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME"}) is None
    check = extension_check(GNOME_WAYLAND)
    assert check is not None
    assert not check.ok
    assert check.name == "GNOME Shell extension"
    assert check.fix is not None
    assert "wellbeing setup gnome-extension" in check.fix


def test_doctor_line_when_it_works_names_the_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_status(monkeypatch, WORKING, installed=1)
    check = extension_check(GNOME_WAYLAND)
    assert check is not None
    assert check.ok
    assert check.detail == (
        "the wellbeing GNOME Shell extension works (version 1, GNOME Shell 43.9)"
    )


def test_doctor_line_when_the_bus_does_not_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_status(monkeypatch, None)
    check = extension_check(GNOME_WAYLAND)
    assert check is not None
    assert not check.ok
    assert "no session D-Bus" in check.detail


def test_the_tray_offers_setup_only_where_it_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_status(monkeypatch, NOT_INSTALLED)
    assert needs_setup({"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME"}) is None
    status = needs_setup(GNOME_WAYLAND)
    assert status is not None
    assert not status.active
    fake_status(monkeypatch, WORKING, installed=1)
    assert needs_setup(GNOME_WAYLAND) is None
    fake_status(monkeypatch, None)
    assert needs_setup(GNOME_WAYLAND) is None
