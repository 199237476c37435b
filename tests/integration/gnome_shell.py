"""A real headless GNOME Shell (Wayland, no X11) of a test's own, with extensions enabled.

:func:`start_gnome_shell` builds a throw-away session in a fresh directory
(research/wayland-testing.md, sections 2 and 5, says why each step is there):

- HOME and the XDG directories point inside it *before* the session bus
  starts, because the bus starts dconf-service with its own environment;
- a private session bus (``dbus-daemon --session``) and a second bus standing
  in for the system bus (the shell needs one once ``/run/systemd/seats``
  exists; nothing needs to answer on it);
- the given extensions copied to ``$XDG_DATA_HOME/gnome-shell/extensions`` and
  enabled with ``gsettings`` before the shell starts;
- ``gnome-shell --headless --wayland --no-x11 --virtual-monitor 1280x800`` with
  ``MUTTER_DEBUG_RESET_IDLETIME=1`` (so a test can fake input with
  ``ResetIdletime``), core dumps off (the shell sometimes segfaults on SIGTERM,
  which is not a test failure);
- the overview hidden through the test helper extension (the shell starts in
  it, and it holds the keyboard focus).

Windows are GTK 3 programs run by Debian's ``/usr/bin/python3`` (python3-gi),
activated through the helper extension. Used by the integration tests and by
``benchmarks/tracker_gnome.py``; no pytest here.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FOCUS_UUID = "focus@wellbeing.github.io"
FOCUS_LEGACY = ROOT / "resources" / "gnome-shell" / "legacy" / FOCUS_UUID
HELPER = HERE / "gnome" / "helper@tests.wellbeing.github.io"
GTK_WINDOW = HERE / "gnome" / "gtk_window.py"
SYSTEM_PYTHON = "/usr/bin/python3"
WAYLAND_DISPLAY = "wl-wellbeing"
FOCUS = ("io.github.wellbeing.Focus", "/io/github/wellbeing/Focus", "io.github.wellbeing.Focus")
HELPER_BUS = (
    "io.github.wellbeing.TestHelper",
    "/io/github/wellbeing/TestHelper",
    "io.github.wellbeing.TestHelper",
)
IDLE_MONITOR = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
)
T = TypeVar("T")


class ShellUnavailable(RuntimeError):
    """A part the session needs is not installed, or the shell did not come up."""


def missing_parts() -> list[str]:
    """What is not installed among the programs the session needs (empty: all there)."""
    missing = [
        tool
        for tool in ("gnome-shell", "dbus-daemon", "gdbus", "gsettings")
        if shutil.which(tool) is None
    ]
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Gtk', '3.0')"],
        capture_output=True,
        check=False,
    ) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        missing.append("python3-gi with GTK 3 for /usr/bin/python3")
    return missing


def wait_until(check: Callable[[], T], *, timeout: float, what: str, every: float = 0.05) -> T:
    """Poll ``check`` until it returns something true; that value. Raises on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise ShellUnavailable(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)


def _no_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@dataclass
class GnomeSession:
    """A running headless GNOME Shell, its buses and the windows opened on it."""

    root: Path
    env: dict[str, str]
    shell: subprocess.Popen[bytes] | None = None
    buses: list[subprocess.Popen[str]] = field(default_factory=list)
    windows: dict[str, subprocess.Popen[str]] = field(default_factory=dict)
    shell_log: Path | None = None

    # -- talking to it --------------------------------------------------------------------

    def gdbus(self, target: tuple[str, str, str], method: str, *args: str) -> str:
        """``gdbus call`` on the session bus; its output (a GVariant tuple as text)."""
        dest, path, iface = target
        res = subprocess.run(
            ["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
             "--method", f"{iface}.{method}", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if res.returncode != 0:
            raise ShellUnavailable(f"{dest} {method}: {res.stderr.strip()}")
        return res.stdout.strip()

    def has_owner(self, name: str) -> bool:
        out = subprocess.run(
            ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
             "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", name],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return out.stdout.strip() == "(true,)"

    def focused_class(self) -> str:
        """The WM class (Wayland app_id) the shipped extension reports as focused."""
        out = self.gdbus(FOCUS, "Get")  # ('app', 'class', 'title', uint32 123)
        return out.split("'")[3] if out.count("'") >= 4 else ""

    def reset_idletime(self) -> None:
        """Count as keyboard or mouse input (needs MUTTER_DEBUG_RESET_IDLETIME=1)."""
        self.gdbus(IDLE_MONITOR, "ResetIdletime")

    def idletime_ms(self) -> int:
        return int(self.gdbus(IDLE_MONITOR, "GetIdletime").strip("(,)").split()[-1])

    def client_env(self) -> dict[str, str]:
        """What a Wayland client or ``wellbeing`` itself needs to join this session."""
        return dict(self.env)

    # -- windows --------------------------------------------------------------------------

    def open_window(self, app_id: str, title: str) -> None:
        """A native Wayland GTK 3 window with this app_id; returns once it has the focus.

        Mutter focuses a new window when its first frame is shown, which may come
        after the shell manages it; waiting for that first keeps a later activation
        of another window from being undone by it.
        """
        proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(GTK_WINDOW), app_id, title],
            env={**self.env, "GDK_BACKEND": "wayland"},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.windows[app_id] = proc
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise ShellUnavailable(f"the GTK window {app_id} did not open")
        wait_until(
            lambda: app_id in self.gdbus(HELPER_BUS, "Classes"),
            timeout=10,
            what=f"the shell to manage {app_id}",
        )
        with contextlib.suppress(ShellUnavailable):
            wait_until(lambda: self.focused_class() == app_id, timeout=1.5, what="", every=0.02)
        self.activate(app_id)

    def activate(self, app_id: str) -> float:
        """Focus the window of ``app_id``; the monotonic time the extension confirmed it."""
        if self.gdbus(HELPER_BUS, "Activate", app_id) != "(true,)":
            raise ShellUnavailable(f"no window of {app_id} to activate")
        wait_until(
            lambda: self.focused_class() == app_id, timeout=10, what=f"{app_id} focused",
            every=0.01,
        )
        return time.monotonic()

    def close_window(self, app_id: str) -> None:
        proc = self.windows.pop(app_id)
        _stop(proc)

    def gsettings(self, *args: str) -> str:
        res = subprocess.run(
            ["gsettings", *args], env=self.env, capture_output=True, text=True, timeout=20,
            check=False,
        )
        if res.returncode != 0:
            raise ShellUnavailable(f"gsettings {' '.join(args)}: {res.stderr.strip()}")
        return res.stdout.strip()

    # -- the shell: a log-in, a log-out -----------------------------------------------------

    def start_shell(self, wait_for: tuple[str, ...] = (FOCUS[0],), attempts: int = 2) -> None:
        """Start GNOME Shell (a log-in) and wait for ``wait_for`` and the helper on the bus.

        A shell that dies while starting is started once more (it is a flaky program
        headless); the log keeps both tries.
        """
        for name in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "XDG_CURRENT_DESKTOP"):
            self.env.pop(name, None)
        for attempt in range(1, attempts + 1):
            try:
                self._launch(wait_for)
                break
            except ShellUnavailable:
                self.stop_shell()
                if attempt == attempts:
                    raise
        self.env.update(
            WAYLAND_DISPLAY=WAYLAND_DISPLAY,
            XDG_SESSION_TYPE="wayland",
            XDG_CURRENT_DESKTOP="GNOME",
        )
        self.gdbus(HELPER_BUS, "HideOverview")

    def _launch(self, wait_for: tuple[str, ...]) -> None:
        self.shell_log = self.root / "gnome-shell.log"
        with self.shell_log.open("ab") as log:
            self.shell = subprocess.Popen(
                ["gnome-shell", "--headless", "--wayland", "--no-x11",
                 "--virtual-monitor", "1280x800", f"--wayland-display={WAYLAND_DISPLAY}"],
                env={**self.env, "MUTTER_DEBUG_RESET_IDLETIME": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_no_core_dumps,
            )
        shell = self.shell

        def up() -> bool:
            if shell.poll() is not None:
                raise ShellUnavailable(
                    f"gnome-shell exited with {shell.returncode}:\n{self.log_tail()}"
                )
            return all(self.has_owner(name) for name in (*wait_for, HELPER_BUS[0]))

        wait_until(up, timeout=30, what="gnome-shell and its extensions on the bus", every=0.1)

    def stop_shell(self) -> int | None:
        """Close the windows and stop the shell (a log-out); its exit code (139: segfault).

        The shell sometimes segfaults on SIGTERM; that is the shell's business, not a
        failure of the test, so the code is only returned.
        """
        for app_id in list(self.windows):
            self.close_window(app_id)
        code = _stop(self.shell) if self.shell is not None else None
        self.shell = None
        return code

    # -- ending it ------------------------------------------------------------------------

    def stop(self) -> int | None:
        """Stop windows, the shell and the buses; the shell's exit code (139: it segfaulted)."""
        code = self.stop_shell()
        for bus in reversed(self.buses):
            _stop(bus)
        shutil.rmtree(self.root, ignore_errors=True)
        return code

    def log_tail(self, lines: int = 30) -> str:
        if self.shell_log is None or not self.shell_log.exists():
            return ""
        return "\n".join(self.shell_log.read_text(errors="replace").splitlines()[-lines:])


def _stop(proc: subprocess.Popen[str] | subprocess.Popen[bytes]) -> int | None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return proc.returncode


def _start_bus(env: dict[str, str], address: str) -> subprocess.Popen[str]:
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", f"--address={address}", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    if not bus.stdout.readline().startswith("unix:"):
        _stop(bus)
        raise ShellUnavailable("dbus-daemon did not start")
    return bus


def start_gnome_shell(
    extensions: tuple[Path, ...] = (FOCUS_LEGACY, HELPER),
    *,
    wait_for: tuple[str, ...] = (FOCUS[0],),
) -> GnomeSession:
    """A fresh headless GNOME Shell with ``extensions`` enabled and the overview hidden.

    Args:
        extensions: extension folders to install and enable (the helper is needed).
        wait_for: bus names to wait for besides the helper's.

    Raises:
        ShellUnavailable: something is not installed or the shell did not come up
            (the message says what; everything started is stopped again).
    """
    missing = missing_parts()
    if missing:
        raise ShellUnavailable(f"not installed: {', '.join(missing)}")
    root = Path(tempfile.mkdtemp(prefix="wellbeing-gnome-"))
    home, runtime = root / "home", root / "run"
    for directory in (home / ".config", home / ".local/share", home / ".cache", runtime):
        directory.mkdir(parents=True, mode=0o700)
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    env = {
        **kept,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "NO_AT_BRIDGE": "1",
    }
    session = GnomeSession(root, env)
    try:
        system_address = f"unix:path={runtime}/system_bus"
        session.buses.append(_start_bus(env, system_address))
        session_address = f"unix:path={runtime}/bus"
        session.buses.append(_start_bus(env, session_address))
        env["DBUS_SESSION_BUS_ADDRESS"] = session_address
        env["DBUS_SYSTEM_BUS_ADDRESS"] = system_address
        installed = home / ".local/share/gnome-shell/extensions"
        installed.mkdir(parents=True)
        for extension in extensions:
            shutil.copytree(extension, installed / extension.name)
        session.gsettings("set", "org.gnome.shell", "enabled-extensions",
                          str([e.name for e in extensions]))
        session.start_shell(wait_for)
    except BaseException:
        session.stop()
        raise
    return session


@contextlib.contextmanager
def gnome_shell(extensions: tuple[Path, ...] = (FOCUS_LEGACY, HELPER)) -> Iterator[GnomeSession]:
    """:func:`start_gnome_shell`, stopped at the end however the block ends."""
    session = start_gnome_shell(extensions)
    try:
        yield session
    finally:
        session.stop()
