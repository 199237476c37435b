"""A headless KWin (``kwin_wayland --virtual``) on a private session bus, for tests.

:func:`kwin_session` starts one, with its own HOME and XDG_RUNTIME_DIR, and
stops it afterwards. The traps it avoids (see the project's Wayland testing
notes):

- Debian's ``/usr/bin/kwin_wayland`` carries the file capability
  ``cap_sys_resource``, which containers without that capability in their
  bounding set refuse to execute; a copy (no capability) runs. It must keep
  the name ``kwin_wayland``, or its Qt platform plugin aborts.
- ``--no-lockscreen`` is left out, so KWin owns ``org.freedesktop.ScreenSaver``
  and ``SimulateUserActivity`` counts as input (there is no input device);
  ``Autolock=false`` in a private ``kscreenlockerrc`` keeps the screen unlocked.

Focus is switched by throw-away KWin scripts (:meth:`KWin.activate`) that
print a marker to KWin's log once done; the log is read to confirm it.
Windows are native Wayland Qt windows with an app id of the test's choosing
(:meth:`KWin.window`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

from tests.conftest import require_part
from tests.integration.dbus_helpers import start_bus

KWIN = "org.kde.KWin"
SOCKET = "wl-wellbeing-test"

_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
app.setDesktopFileName(sys.argv[1])
label = QLabel(sys.argv[2])
label.setWindowTitle(sys.argv[2])
label.resize(320, 200)
label.show()
app.exec()
"""

_ACTIVATE = """
(function () {
    var list = workspace.windowList ? workspace.windowList() : workspace.clientList();
    for (var i = 0; i < list.length; i++) {
        if (list[i].resourceClass == "@APP@") {
            if (workspace.windowList) { workspace.activeWindow = list[i]; }
            else { workspace.activeClient = list[i]; }
        }
    }
    var now = workspace.windowList ? workspace.activeWindow : workspace.activeClient;
    print("wb-test @TOKEN@ " + (now ? now.resourceClass : "none"));
})();
"""

_COUNT = """
(function () {
    var list = workspace.windowList ? workspace.windowList() : workspace.clientList();
    var n = 0;
    for (var i = 0; i < list.length; i++) {
        if (list[i].resourceClass == "@APP@") { n++; }
    }
    print("wb-test @TOKEN@ " + n);
})();
"""


def kwin_binary() -> str | None:
    """Where ``kwin_wayland`` is installed, or None."""
    return shutil.which("kwin_wayland") or (
        "/usr/bin/kwin_wayland" if os.path.exists("/usr/bin/kwin_wayland") else None
    )


@dataclass
class KWin:
    """A running headless KWin and what a client needs to reach it."""

    proc: subprocess.Popen[bytes]
    env: dict[str, str]
    log: Path
    home: Path
    scripts: int = 0

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    @contextlib.contextmanager
    def bus(self) -> Iterator[Any]:
        conn = open_dbus_connection(bus=self.env["DBUS_SESSION_BUS_ADDRESS"])
        try:
            yield conn
        finally:
            conn.close()

    def call(self, conn: Any, path: str, iface: str, method: str, sig: str | None = None,
             body: tuple[Any, ...] = ()) -> tuple[Any, ...]:
        msg = new_method_call(DBusAddress(path, bus_name=KWIN, interface=iface), method, sig, body)
        return tuple(unwrap_msg(conn.send_and_get_reply(msg, timeout=10)))

    def run_script(self, text: str, marker: str, timeout: float = 30.0) -> str:
        """Load, run and (once ``marker`` is in KWin's log) unload a script; the marker's line."""
        self.scripts += 1
        name = f"wb-test-{self.scripts}-{uuid.uuid4().hex[:6]}"
        path = self.home / f"{name}.js"
        path.write_text(text, encoding="utf-8")
        with self.bus() as conn:
            (script_id,) = self.call(conn, "/Scripting", "org.kde.kwin.Scripting",
                                     "loadScript", "ss", (str(path), name))
            for object_path in (f"/Scripting/Script{script_id}", f"/{script_id}"):
                try:
                    self.call(conn, object_path, "org.kde.kwin.Script", "run")
                    break
                except DBusErrorResponse:
                    continue
            line = self.wait_log(marker, timeout)
            self.call(conn, "/Scripting", "org.kde.kwin.Scripting", "unloadScript", "s", (name,))
        return line

    def wait_log(self, marker: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.log_text().splitlines():
                if marker in line:
                    return line
            time.sleep(0.01)
        raise AssertionError(f"{marker!r} never appeared in KWin's log:\n{self.log_text()[-3000:]}")

    def activate(self, app_id: str) -> float:
        """Make ``app_id``'s window active; the monotonic time right after KWin confirmed it."""
        token = uuid.uuid4().hex[:8]
        script = _ACTIVATE.replace("@APP@", app_id).replace("@TOKEN@", token)
        line = self.run_script(script, f"wb-test {token} ")
        confirmed = time.monotonic()
        assert line.rstrip().endswith(f" {app_id}"), line
        return confirmed

    def count_windows(self, app_id: str) -> int:
        """How many windows with ``app_id`` KWin manages now."""
        token = uuid.uuid4().hex[:8]
        script = _COUNT.replace("@APP@", app_id).replace("@TOKEN@", token)
        line = self.run_script(script, f"wb-test {token} ")
        return int(line.rsplit(" ", 1)[1])

    def simulate_activity(self) -> None:
        """Input, as far as KWin's idle timers know (there is no input device)."""
        with self.bus() as conn:
            msg = new_method_call(
                DBusAddress("/ScreenSaver", bus_name="org.freedesktop.ScreenSaver",
                            interface="org.freedesktop.ScreenSaver"),
                "SimulateUserActivity",
            )
            unwrap_msg(conn.send_and_get_reply(msg, timeout=10))

    @contextlib.contextmanager
    def window(self, app_id: str, title: str) -> Iterator[subprocess.Popen[bytes]]:
        """A native Wayland Qt window with ``app_id``, shown until the block ends."""
        env = {**self.env, "QT_QPA_PLATFORM": "wayland"}
        proc = subprocess.Popen([sys.executable, "-c", _WINDOW, app_id, title], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while self.count_windows(app_id) < 1:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(f"the window {app_id} never appeared")
                time.sleep(0.1)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


@contextlib.contextmanager
def kwin_session() -> Iterator[KWin]:
    """A headless KWin on a private bus of its own; skipped (or failed in CI) if not installed."""
    binary = kwin_binary()
    require_part(binary is not None, "kwin_wayland is not installed (package kwin-wayland)")
    assert binary is not None
    work = Path(tempfile.mkdtemp(prefix="wellbeing-kwin-test-"))
    bus_proc: subprocess.Popen[str] | None = None
    kwin: subprocess.Popen[bytes] | None = None
    try:
        (work / "bin").mkdir()
        runtime, home = work / "run", work / "home"
        runtime.mkdir(mode=0o700)
        (home / ".config").mkdir(parents=True)
        (home / ".config" / "kscreenlockerrc").write_text(
            "[Daemon]\nAutolock=false\nLockOnResume=false\n", encoding="utf-8"
        )
        copy = work / "bin" / "kwin_wayland"  # keeps its name; drops the file capability
        shutil.copyfile(binary, copy)  # not copy2: that copies the capability (an xattr) too
        copy.chmod(0o755)
        (work / "bus").mkdir()
        address, bus_proc = start_bus(work / "bus")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "DBUS_SESSION_BUS_ADDRESS": address,
            "WAYLAND_DISPLAY": SOCKET,
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": "KDE",
        }
        log = work / "kwin.log"
        with log.open("wb") as out:
            kwin = subprocess.Popen(
                [str(copy), "--virtual", "--width", "1280", "--height", "800",
                 "--socket", SOCKET, "--no-global-shortcuts", "--no-kactivities"],
                env={**env, "QT_LOGGING_RULES": "kwin_scripting=true"},
                stdout=out, stderr=subprocess.STDOUT,
            )
        session = KWin(kwin, env, log, home)
        deadline = time.monotonic() + 60
        while True:
            try:
                with session.bus() as conn:
                    session.call(conn, "/Scripting", "org.freedesktop.DBus.Introspectable",
                                 "Introspect")
                break
            except (DBusErrorResponse, OSError, TimeoutError):
                if kwin.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"KWin did not start:\n{session.log_text()}") from None
                time.sleep(0.05)
        yield session
    finally:
        for proc in (kwin, bus_proc):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)
