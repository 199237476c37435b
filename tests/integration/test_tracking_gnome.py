"""``wellbeing track`` on a real headless GNOME Shell (Wayland) with the shipped extension.

One shell per module (``tests/integration/gnome_shell.py`` builds it: private
buses, the legacy form of ``resources/gnome-shell`` enabled, the overview
hidden). Two native Wayland GTK windows are focused through the test helper
extension; the truth is this process's monotonic clock when the shipped
extension confirmed each switch, compared with ``wellbeing report --json``.
Tolerances are accuracy bounds, as in ``test_tracking_x11.py``. Idle is faked
with Mutter's ``ResetIdletime`` (the shell runs with MUTTER_DEBUG_RESET_IDLETIME=1).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.gnome_shell import GnomeSession, ShellUnavailable, start_gnome_shell
from tests.integration.test_tracking_x11 import (
    READY,
    Tracker,
    report_line,
    seconds_by_app,
    stored_runs,
)
from tests.integration.xhelpers import stop, wait_until

pytestmark = [pytest.mark.gnome, pytest.mark.slow]

APP_A, APP_B = "org.example.GtkA", "org.example.GtkB"
KEY_A, KEY_B = APP_A.lower(), APP_B.lower()
DB_NAME = "wellbeing.sqlite3"


@pytest.fixture(scope="module")
def gnome() -> Iterator[GnomeSession]:
    try:
        session = start_gnome_shell()
    except ShellUnavailable as exc:
        require_part(False, f"no headless GNOME Shell: {exc}")
        raise
    try:
        session.open_window(APP_A, "Title A")
        session.open_window(APP_B, "Title B")
        yield session
    finally:
        session.stop()  # a segfault on SIGTERM (exit 139) is the shell's, not a failure


@contextlib.contextmanager
def tracking(gnome: GnomeSession, data_dir: Path, *options: str) -> Iterator[Tracker]:
    """``wellbeing --data-dir D track OPTIONS`` inside the GNOME session; always stopped."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stderr_file = data_dir.parent / "track.stderr"
    with stderr_file.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "track", *options],
            env=gnome.client_env(),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        yield Tracker(proc, data_dir, stderr_file)
    finally:
        stop(proc)


def wait_tracking(tracker: Tracker) -> float:
    def started() -> bool:
        if tracker.proc.poll() is not None:
            raise AssertionError(f"track exited with {tracker.proc.returncode}:\n{tracker.stderr}")
        return READY.search(tracker.stderr) is not None

    wait_until(started, timeout=30, interval=0.02, what="the tracker to start")
    return time.monotonic()


def test_focus_switches_are_recorded_within_two_seconds_each(
    gnome: GnomeSession, data_dir: Path
) -> None:
    gnome.activate(APP_A)
    gnome.reset_idletime()
    with tracking(gnome, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(3)
        to_b, to_b_wall = gnome.activate(APP_B), time.time()
        time.sleep(2.5)
        back, back_wall = gnome.activate(APP_A), time.time()
        time.sleep(3)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    assert "foreground=gnome-shell-extension idle=mutter-idle-monitor" in tracker.stderr
    truth = {KEY_A: (to_b - started) + (ended - back), KEY_B: back - to_b}
    got = seconds_by_app(data_dir)
    assert set(got) == {KEY_A, KEY_B}, got
    runs = stored_runs(data_dir / DB_NAME)
    assert [app for app, _, _ in runs] == [KEY_A, KEY_B, KEY_A], runs
    assert "no application has focus" not in tracker.stderr
    report_line(
        "gnome switches",
        err_switch_to_b=runs[1][1] - to_b_wall,
        err_switch_to_a=runs[2][1] - back_wall,
        err_a=got[KEY_A] - truth[KEY_A],
        err_b=got[KEY_B] - truth[KEY_B],
    )
    for app, seconds in truth.items():
        assert got[app] == pytest.approx(seconds, abs=2.0), (app, got, truth)


def test_idle_ends_the_interval_at_the_last_input(gnome: GnomeSession, data_dir: Path) -> None:
    gnome.activate(APP_B)
    gnome.reset_idletime()
    with tracking(gnome, data_dir, "--poll", "1", "--idle-after", "2") as tracker:
        started = wait_tracking(tracker)
        for _ in range(2):
            time.sleep(1)
            gnome.reset_idletime()
        last_input = time.monotonic()
        time.sleep(5)  # no input: idle is noticed 2 s after the last input
        assert tracker.terminate() == 0, tracker.stderr
    expected = last_input - started
    got = seconds_by_app(data_dir)
    report_line("gnome idle", err_b=got.get(KEY_B, 0.0) - expected, expected=expected)
    assert set(got) == {KEY_B}, got
    # Ending when idle was noticed would give about expected + 2, at SIGTERM expected + 5.
    assert got[KEY_B] == pytest.approx(expected, abs=1.5)
    assert "use counted up to the last input" in tracker.stderr


def test_doctor_finds_the_extension_working(gnome: GnomeSession, data_dir: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "doctor"],
        env=gnome.client_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "ok  gnome-wayland foreground: focused window from gnome-shell-extension" in res.stdout
    assert "ok  GNOME Shell extension: the wellbeing GNOME Shell extension works" in res.stdout
