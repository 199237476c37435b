"""The tray app as a process on a real X server (Xvfb + openbox, ``QT_QPA_PLATFORM=xcb``).

With a system tray host (trayer) the icon is embedded and the app tracks (the
scripted ``--fake-platform``); without one the dashboard window opens instead.
A second instance for the same data dir is refused with a message box, and a
damaged database at start is named in the warning. SIGTERM ends the app with
exit code 0 after a final flush. Screenshots of the first two cases go to
test-artifacts/ for a person to look at.

Message boxes are modal; the tests find them by title and press Return, the
way a person would.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import report_json
from tests.integration.xhelpers import stop, wait_until, x_env, xdotool, xlib_display

pytestmark = [pytest.mark.x11, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DB_NAME = "wellbeing.sqlite3"
READY = re.compile(r"data in .*; poll [0-9.]+ s")
"""The last line the app logs (with -v) before its tracker takes the first sample."""


@dataclass
class App:
    """A running ``wellbeing`` tray app; stderr goes to a file for the test to read."""

    proc: subprocess.Popen[bytes]
    stderr_file: Path

    @property
    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self) -> float:
        """Monotonic time at which the tracker starts sampling."""
        wait_until(
            lambda: self._alive() and READY.search(self.stderr),
            timeout=30,
            what="the app's tracker to start",
        )
        return time.monotonic()

    def terminate(self) -> int:
        """SIGTERM; the exit code once the app has flushed and ended."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(15)
        except subprocess.TimeoutExpired:
            stop(self.proc, signal.SIGKILL)
            raise AssertionError(f"the app ignored SIGTERM; stderr:\n{self.stderr}") from None

    def _alive(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"the app exited with {self.proc.returncode}:\n{self.stderr}")
        return True


@contextlib.contextmanager
def running_app(display: str, data_dir: Path, *, welcome: bool = False) -> Iterator[App]:
    """``python -m wellbeing --data-dir D --fake-platform -v`` on ``display``; always stopped."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if welcome is False:
        (data_dir / "welcome-shown").touch()  # the first-run window has its own test
    env = {k: v for k, v in x_env(display).items() if not k.startswith("WELLBEING_")}
    env["QT_QPA_PLATFORM"] = "xcb"
    env["XDG_CONFIG_HOME"] = str(data_dir.parent / "xdg-config")  # never the real autostart
    stderr_file = data_dir.parent / f"app-{uuid.uuid4().hex[:6]}.stderr"
    with stderr_file.open("wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wellbeing",
                "--data-dir",
                str(data_dir),
                "--fake-platform",
                "-v",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        yield App(proc, stderr_file)
    finally:
        stop(proc)


def tray_owner(display: str) -> int:
    """The window owning the system tray selection (0: no tray host)."""
    with xlib_display(display) as d:
        atom = d.intern_atom(f"_NET_SYSTEM_TRAY_S{d.get_default_screen()}")
        owner = d.get_selection_owner(atom)
        return int(owner.id) if owner else 0


@pytest.fixture
def tray_host(x_display: str) -> Iterator[subprocess.Popen[bytes]]:
    """trayer at the bottom right, owning the tray selection; stopped afterwards."""
    if not shutil.which("trayer"):
        pytest.skip("trayer is not installed")
    assert tray_owner(x_display) == 0, "another tray host already runs on this display"
    proc = subprocess.Popen(
        ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request"]
        + ["--height", "28", "--SetDockType", "true"],
        env=x_env(x_display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: tray_owner(x_display), what="trayer to own the tray selection")
        yield proc
    finally:
        stop(proc)
        wait_until(lambda: tray_owner(x_display) == 0, what="the tray selection to be released")


def embedded_icons(display: str) -> list[tuple[str, ...]]:
    """WM_CLASS of every window inside trayer's windows (the embedded tray icons)."""
    try:
        hosts = xdotool(display, "search", "--class", "trayer").split()
    except subprocess.CalledProcessError:
        return []
    found: list[tuple[str, ...]] = []
    with xlib_display(display) as d:

        def walk(window: Any) -> None:
            for child in window.query_tree().children:
                wm_class = child.get_wm_class()
                if wm_class:
                    found.append(tuple(wm_class))
                walk(child)

        for wid in hosts:
            walk(d.create_resource_object("window", int(wid)))
    return found


def window_named(display: str, title: str) -> str:
    """The id of a visible window whose title contains ``title`` ("" if none)."""
    try:
        out = xdotool(display, "search", "--onlyvisible", "--name", title)
    except subprocess.CalledProcessError:
        return ""
    return out.split()[0] if out.split() else ""


def press_return_in(display: str, title: str) -> None:
    """Wait for the message box titled ``title``, focus it and press Return (its OK)."""
    wid = wait_until(lambda: window_named(display, title), what=f"a window titled {title!r}")
    xdotool(display, "windowactivate", "--sync", wid)
    xdotool(display, "key", "Return")


def dismiss_until_exit(display: str, title: str, proc: subprocess.Popen[bytes],
                       timeout: float = 15) -> int:
    """Press Return in the box titled ``title`` until ``proc`` exits; its exit code.

    A key pressed the moment the box is mapped can arrive before Qt takes
    keyboard focus for it, so the key is pressed again while the box is still there.
    """
    press_return_in(display, title)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(1.0)
        if proc.poll() is None and window_named(display, title):
            press_return_in(display, title)
    return proc.wait(max(0.1, deadline - time.monotonic()))


def screenshot(display: str, name: str) -> Path | None:
    """The whole screen as test-artifacts/NAME.png (None without imagemagick)."""
    if not shutil.which("import"):
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    subprocess.run(
        ["import", "-window", "root", str(path)],
        env=x_env(display),
        check=True,
        timeout=30,
        capture_output=True,
    )
    return path


def total_seconds(data_dir: Path) -> float:
    return float(report_json(data_dir)["total_seconds"])


# -- (a) with a system tray ---------------------------------------------------------------------


def test_with_a_tray_the_icon_is_embedded_tracking_runs_and_sigterm_flushes(
    x_display: str, data_dir: Path, tray_host: subprocess.Popen[bytes]
) -> None:
    with running_app(x_display, data_dir) as app:
        started = app.wait_ready()
        icons = wait_until(
            lambda: [c for c in embedded_icons(x_display) if "wellbeing" in c],
            what="the wellbeing icon embedded in trayer",
        )
        assert len(icons) == 1, icons
        assert "no system tray here" not in app.stderr
        assert window_named(x_display, "Your Activity") == ""  # the tray, not the window
        seen = wait_until(lambda: total_seconds(data_dir), timeout=20, what="tracked time")
        # Light while the window is closed: the compiled parts of SQLAlchemy and numpy,
        # the Qt modules pyqtgraph pulls in, and Qt's SVG engine (the tray's icon is
        # PNGs) are mapped once loaded.
        maps = Path(f"/proc/{app.proc.pid}/maps").read_text()
        assert "libQt6Widgets" in maps  # (the check can fail: this one is loaded)
        for heavy in ("sqlalchemy", "numpy", "QtOpenGLWidgets", "QtTest", "Svg"):
            assert heavy not in maps, f"{heavy} is loaded with the dashboard closed"
        screenshot(x_display, "gui_app_tray")
        time.sleep(1)
        stopped = time.monotonic()
        assert app.terminate() == 0, app.stderr
    final = total_seconds(data_dir)
    assert final >= seen
    # The final flush wrote use up to the stop (the demo's first app is never idle).
    assert final == pytest.approx(stopped - started, abs=1.5)


AT_REST = """
import sys
from PySide6.QtCore import QTimer
import wellbeing.app as app_module

started = app_module.TrayApp.start

def start(self):
    started(self)

    def dump():
        # Every timed job once (each distinct one: the experiment's 96 ticks are one), as
        # a day of use runs them: what they load stays loaded.
        ran = set()
        for spec, _ in list(self.limits.scheduler._backend._jobs.values()):
            if spec.run not in ran:
                ran.add(spec.run)
                spec.run()
        import PySide6.QtCore
        # PySide6 builds a class on first use: "Qt" (all its enums, 1 MiB) counts as a module
        built = ["PySide6.QtCore.Qt"] if "Qt" in vars(PySide6.QtCore) else []
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            out.write("\\n".join(sorted(sys.modules) + built))
        self.qt.exit(0)

    QTimer.singleShot(6000, dump)  # after the start-up trim (3 s), the jobs armed

app_module.TrayApp.start = start
from wellbeing.__main__ import main
sys.exit(main(["--data-dir", sys.argv[2]]))
"""
"""The tray app (the real X11 platform and notifications), its modules written 6 s after start,
once each of its timed jobs has run."""

#: What the tray at rest (window closed) must not import: SQLAlchemy, the dashboard's
#: charts, APScheduler (asyncio, ssl), plyer (a fallback, built on demand), the Limits
#: page and Time's up screen (on demand), the settings dialog.
NOT_AT_REST = (
    "sqlalchemy", "alembic", "numpy", "pyqtgraph", "apscheduler", "asyncio", "ssl",
    "plyer", "email", "multiprocessing", "concurrent.futures.process",
    "wellbeing.storage.db", "wellbeing.storage.models", "wellbeing.storage.writer",
    "wellbeing.ui.dashboard", "wellbeing.ui.charts", "wellbeing.ui.viewmodels",
    "wellbeing.ui.usage_list", "wellbeing.ui.limits_page", "wellbeing.ui.limits_model",
    "wellbeing.ui.limits_wiring", "wellbeing.ui.limit_editor", "wellbeing.ui.dashboard_limits",
    "wellbeing.ui.times_up", "wellbeing.ui.settings", "wellbeing.ui.export",
    # the commands' modules, psutil (/proc is read), logging.handlers and pickle, difflib,
    # html's entities, platformdirs (until "Start at login"), ctypes.util, the GNOME and
    # Windows backends, the banner's and the welcome's widgets
    "wellbeing.cli_data", "wellbeing.cli_desktop", "wellbeing.cli_experiment",
    "wellbeing.cli_limits", "psutil", "logging.handlers", "pickle", "difflib", "html",
    "platformdirs", "ctypes.util", "wellbeing.platform.gnome",
    "wellbeing.platform.gnome_extension", "wellbeing.services.gnome_setup",
    "wellbeing.platform.windows", "wellbeing.ui.banner", "wellbeing.ui.widgets",
    "wellbeing.ui.welcome",
    # PySide6's Qt namespace (every enum in it, 1 MiB: ui.gui_thread), the system time
    # zone's Python module (platform.system_clock reads it through the C library),
    # locale (gettext's, for argparse's words: cli_language keeps them as written), and
    # subprocess (children start through platform.child_process), jeepney's threading
    # router and concurrent.futures (platform.dbus_router), ctypes (the start-up trim
    # does without; closing the dashboard loads it), python-xlib and six (X11 is
    # spoken by platform.x11_wire). (shiboken6 itself imports shutil, bz2, lzma,
    # tempfile and random, which `wellbeing track` does without: tests/unit/services/
    # test_headless.py.)
    "PySide6.QtCore.Qt", "zoneinfo", "sysconfig", "locale", "subprocess",
    "jeepney.io.threading", "concurrent", "ctypes", "Xlib", "six",
    # the experiment's service and report, with statistics, decimal and hmac (OpenSSL's
    # libcrypto): its quarter-hourly job loads none of them while no experiment runs
    "wellbeing.services.experiment", "wellbeing.core.experiment_report", "statistics",
    "decimal", "hmac", "hashlib", "secrets",
)
#: Modules of the whole process at rest (Python's own, Qt's, jeepney, ours): 347 in
#: December 2026 (494 before issue 11; Python 3.11, PySide6 6.11), 336 once the
#: commands, psutil, logging.handlers, the GNOME modules, unused X extensions and
#: the dialogs' widgets stayed out (378 just before), 321 without zoneinfo and
#: subprocess, 315 without concurrent.futures and ctypes, 287 without python-xlib.
#: Raise it only knowingly: each module costs memory in a process meant to stay
#: under 60 MiB.
MODULES_AT_REST = 300


def test_at_rest_the_tray_app_imports_none_of_the_heavy_modules(
    x_display: str, data_dir: Path, tray_host: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    listing = tmp_path / "modules.txt"
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    (data_dir / "welcome-shown").touch()
    env = {k: v for k, v in x_env(x_display).items() if not k.startswith("WELLBEING_")}
    env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(
        [sys.executable, "-c", AT_REST, str(listing), str(data_dir)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    modules = listing.read_text(encoding="utf-8").split()
    assert "wellbeing.ui.tray" in modules  # (the check can fail: the tray is up)
    assert "wellbeing.ui.job_timer" in modules  # the jobs are armed
    assert "wellbeing.storage.experiment_store" in modules  # and ran (the experiment's asked)
    assert "no system tray here" not in done.stderr
    loaded = sorted(
        m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_AT_REST)
    )
    assert loaded == []
    assert len(modules) <= MODULES_AT_REST, f"{len(modules)} modules at rest: {modules}"


# -- (b) without a system tray ------------------------------------------------------------------


def test_without_a_tray_the_dashboard_window_opens(x_display: str, data_dir: Path) -> None:
    assert tray_owner(x_display) == 0, "a tray host runs on this display"
    with running_app(x_display, data_dir) as app:
        app.wait_ready()
        wid = wait_until(
            lambda: window_named(x_display, "Your Activity"), what="the dashboard window"
        )
        assert "no system tray here: opening the window instead" in app.stderr
        wait_until(lambda: total_seconds(data_dir), timeout=20, what="tracked time")
        xdotool(x_display, "windowactivate", "--sync", wid)
        time.sleep(5.5)  # one live-refresh period of the dashboard, so it shows the time
        screenshot(x_display, "gui_app_no_tray")
        assert app.terminate() == 0, app.stderr


# -- (c) one app per data dir -----------------------------------------------------------------


def test_a_second_instance_for_the_same_data_dir_says_so_and_exits_1(
    x_display: str, data_dir: Path
) -> None:
    with running_app(x_display, data_dir) as first:
        first.wait_ready()
        with running_app(x_display, data_dir) as second:
            assert dismiss_until_exit(x_display, "Already running", second.proc) == 1
            assert "already tracking for this data dir" in second.stderr
            assert f"pid {first.proc.pid}" in second.stderr
        assert first.proc.poll() is None  # the first one is unaffected
        assert first.terminate() == 0, first.stderr


# -- (d) a damaged database at start --------------------------------------------------------


def test_a_damaged_database_at_start_is_named_in_the_warning(
    x_display: str, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, mode=0o700)
    original = os.urandom(1024) + b"not a database" * 100
    (data_dir / DB_NAME).write_bytes(original)
    with running_app(x_display, data_dir) as app:
        press_return_in(x_display, "Database was damaged")
        named = re.search(rf"{re.escape(DB_NAME)}\.corrupt-\d{{8}}T\d{{6}}Z", app.stderr)
        assert named, app.stderr
        aside = data_dir / named[0]
        assert aside.read_bytes() == original
        assert f"Database was damaged: The database {data_dir / DB_NAME}" in app.stderr
        assert f"moved aside to {aside}" in app.stderr
        app.wait_ready()  # the box does not block: the app goes on with a fresh database
        wait_until(lambda: total_seconds(data_dir), timeout=20, what="tracked time")
        assert app.terminate() == 0, app.stderr


# -- (e) the first start ----------------------------------------------------------------------


def test_the_first_start_welcomes_once_and_turns_on_start_at_login(
    x_display: str, data_dir: Path, tray_host: subprocess.Popen[bytes]
) -> None:
    entry = data_dir.parent / "xdg-config" / "autostart" / "wellbeing.desktop"
    with running_app(x_display, data_dir, welcome=True) as app:
        app.wait_ready()
        wait_until(lambda: window_named(x_display, "Welcome to Wellbeing"), timeout=30,
                   what="the welcome window")
        time.sleep(0.5)
        screenshot(x_display, "first_run_welcome")
        assert not entry.exists()  # nothing is written before the user says so

        def pressed() -> bool:
            if window_named(x_display, "Welcome to Wellbeing"):
                press_return_in(x_display, "Welcome to Wellbeing")  # "Get started"
            return entry.exists()

        wait_until(pressed, timeout=30, interval=1.0, what="the autostart entry")
        exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
        assert f"--data-dir {data_dir}" in exec_line
        assert app.terminate() == 0, app.stderr
    assert (data_dir / "welcome-shown").exists()
    with running_app(x_display, data_dir, welcome=True) as again:
        again.wait_ready()
        time.sleep(3)
        assert not window_named(x_display, "Welcome to Wellbeing")  # once only
        assert again.terminate() == 0, again.stderr
