"""Quiet mode with GNOME's ``show-banners`` through the real ``gsettings``, kept in a private file.

GLib's keyfile backend (``GSETTINGS_BACKEND=keyfile``) stores the settings
under the test's own ``XDG_CONFIG_HOME``, so the real ``gsettings`` tool is
used without dconf and without touching anyone's desktop settings.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_part
from wellbeing.core.clock import FakeClock
from wellbeing.platform.dnd import GnomeDnd, detect_dnd
from wellbeing.services.quiet import QuietMode

GNOME = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
HOUR = 3600.0


def gsettings(*args: str) -> str:
    res = subprocess.run(
        ["gsettings", *args], capture_output=True, text=True, timeout=10, check=True
    )
    return res.stdout.strip()


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_part(shutil.which("gsettings") is not None, "gsettings is not installed")
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    schemas = gsettings("list-schemas").split()
    require_part(
        "org.gnome.desktop.notifications" in schemas, "gsettings-desktop-schemas is not installed"
    )


def banners() -> str:
    return gsettings("get", "org.gnome.desktop.notifications", "show-banners")


def test_gnome_quiet_mode_hides_banners_and_shows_them_again(
    data_dir: Path, clock: FakeClock
) -> None:
    assert banners() == "true"
    quiet = QuietMode(data_dir, GnomeDnd(GNOME), clock)
    quiet.start(clock.wall + HOUR)
    assert banners() == "false"
    assert quiet.end() is True
    assert banners() == "true"


def test_banners_the_person_turned_off_stay_off(data_dir: Path, clock: FakeClock) -> None:
    gsettings("set", "org.gnome.desktop.notifications", "show-banners", "false")
    quiet = QuietMode(data_dir, GnomeDnd(GNOME), clock)
    quiet.start(clock.wall + HOUR)
    quiet.end()
    assert banners() == "false"


def test_gnome_is_chosen_in_a_gnome_session_without_dunst() -> None:
    backend = detect_dnd({**GNOME, "DBUS_SESSION_BUS_ADDRESS": ""})
    assert backend.name == "GNOME"
