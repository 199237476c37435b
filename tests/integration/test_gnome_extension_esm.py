"""The ES-module form (GNOME 45+) of the extension, run by gjs, read by the real GNOME probe.

No GNOME 45+ shell runs on the test machines, so ``gnome/esm_driver.js``
loads the shipped module in plain gjs: Gio and GLib are real (the extension
really exports its object and owns its name on a private bus), while
``global.display``, its windows and ``Shell.WindowTracker`` are fakes driven
line by line from here. What the shell's own code does is left untested.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

from tests.conftest import require_part
from tests.integration.dbus_helpers import private_bus
from tests.integration.gnome_shell import HERE
from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.gnome import GnomeFocusProbe
from wellbeing.platform.gnome_extension import BUS_NAME, INTERFACE, OBJECT_PATH, shipped_dir

pytestmark = pytest.mark.dbus


class Driver:
    """The gjs process running the ES-module form; one command at a time."""

    def __init__(self, workdir: Path, address: str) -> None:
        gjs = shutil.which("gjs")
        require_part(gjs is not None, "gjs is not installed")
        assert gjs is not None
        text = (shipped_dir("esm") / "extension.js").read_text(encoding="utf-8")
        text, stubbed = re.subn(
            r"from '(gi://Shell|resource:///org/gnome/shell/extensions/extension\.js)'",
            "from './stub_shell.js'",
            text,
        )
        assert stubbed == 2, "the ES-module form's imports changed; update the stubs"
        (workdir / "extension.js").write_text(text, encoding="utf-8")
        for name in ("esm_driver.js", "stub_shell.js"):
            shutil.copy(HERE / "gnome" / name, workdir / name)
        self.proc = subprocess.Popen(
            [gjs, "-m", str(workdir / "esm_driver.js")],
            env={"DBUS_SESSION_BUS_ADDRESS": address, "PATH": "/usr/bin:/bin"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.read() == "enabled", self.proc.stderr

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def send(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=10)


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    with private_bus(tmp_path) as address:
        yield address


@pytest.fixture
def driver(tmp_path: Path, bus: str) -> Iterator[Driver]:
    workdir = tmp_path / "esm"
    workdir.mkdir()
    running = Driver(workdir, bus)
    yield running
    running.stop()


def get(address: str) -> tuple[str, str, str, int]:
    conn = open_dbus_connection(bus=address)
    try:
        msg = new_method_call(DBusAddress(OBJECT_PATH, BUS_NAME, INTERFACE), "Get")
        app_id, wm_class, title, pid = unwrap_msg(conn.send_and_get_reply(msg, timeout=5))
        return str(app_id), str(wm_class), str(title), int(pid)
    finally:
        conn.close()


def test_the_es_module_form_reports_focus_and_titles_and_cleans_up(
    bus: str, driver: Driver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="wellbeing.platform")
    env = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME",
           "DBUS_SESSION_BUS_ADDRESS": bus}
    probe = GnomeFocusProbe(env, desktop_index=DesktopIndex(dirs=[]))
    try:
        assert probe.active_window() is None
        assert get(bus) == ("", "", "", 0)

        assert driver.send("focus A") == "done"
        assert probe.wait_for_change(10) is True
        window = probe.active_window()
        assert window is not None
        assert (window.wm_class, window.title) == (("org.example.A",), "Title A")
        assert get(bus) == ("org.example.A", "org.example.A", "Title A", 4242)

        assert driver.send("focus B") == "done"
        assert probe.wait_for_change(10) is True
        assert get(bus) == ("", "org.example.B", "Title B", 4343)  # no desktop file: no app id

        assert driver.send("title Title B, renamed") == "done"
        assert probe.wait_for_change(10) is True
        window = probe.active_window()
        assert window is not None
        assert window.title == "Title B, renamed"

        assert driver.send("focus none") == "done"
        assert probe.wait_for_change(10) is True
        assert probe.active_window() is None

        assert driver.send("quit") == "disabled 0"  # every signal handler disconnected
        assert driver.proc.wait(10) == 0
        assert probe.wait_for_change(0.2) is False  # it had nothing focused already
        assert probe.active_window() is None
        assert "the wellbeing GNOME Shell extension stopped" in caplog.text
    finally:
        probe.close()
