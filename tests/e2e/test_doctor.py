"""``wellbeing doctor`` as a person runs it: with and without a desktop session."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.helpers import run_cli


def _without_session() -> dict[str, str]:
    return {"DISPLAY": "", "WAYLAND_DISPLAY": "", "DBUS_SESSION_BUS_ADDRESS": ""}


def test_doctor_without_a_display_says_what_is_missing(data_dir: Path) -> None:
    res = run_cli("doctor", data_dir=data_dir, env=_without_session())
    assert res.returncode == 1, res.stdout + res.stderr
    out = res.stdout
    assert "x11 foreground: DISPLAY is not set" in out
    assert "fix:" in out
    assert "notifications: none works, notices only go to the log" in out
    assert "freedesktop D-Bus: no session D-Bus" in out
    assert "!!  quiet mode: The desktop's Do Not Disturb cannot be switched here" in out
    assert f"data directory: {data_dir}" in out
    assert "database:" in out
    assert "Tracking cannot work yet" in out


def test_doctor_in_an_x_session_chooses_x11(data_dir: Path, x_display: str) -> None:
    res = run_cli("doctor", data_dir=data_dir, env={"DISPLAY": x_display})
    assert res.returncode == 0, res.stdout + res.stderr
    assert "ok  x11 foreground" in res.stdout
    assert "Tracking can work on this machine." in res.stdout


def test_in_german_too_doctor_judges_by_the_checks_not_their_words(
    data_dir: Path, x_display: str
) -> None:
    res = run_cli("doctor", data_dir=data_dir, env={"DISPLAY": x_display, "LANGUAGE": "de"})
    assert res.returncode == 0, res.stdout + res.stderr
    assert "ok  Vordergrund über x11: Fenster im Vordergrund von " in res.stdout
    assert "ok  gewähltes Backend: x11 (automatisch)" in res.stdout
    assert "Die Aufzeichnung kann auf diesem Rechner funktionieren." in res.stdout


def test_doctor_finds_the_notification_daemon(
    data_dir: Path, x_display: str, notification_bus: str
) -> None:
    env = {"DISPLAY": x_display, "DBUS_SESSION_BUS_ADDRESS": notification_bus}
    res = run_cli("doctor", data_dir=data_dir, env=env)
    assert "ok  notifications: freedesktop D-Bus (dunst" in res.stdout, res.stdout
    assert "with buttons" in res.stdout
    assert "ok  quiet mode: switches dunst's Do Not Disturb" in res.stdout


def test_doctor_reports_a_broken_config(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "config.toml").write_text("[tracking\n")
    res = run_cli("doctor", data_dir=data_dir, env=_without_session())
    assert "!!  config:" in res.stdout
    assert "config.toml" in res.stdout
    assert os.path.exists(data_dir / "config.toml")
