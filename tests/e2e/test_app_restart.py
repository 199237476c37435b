"""What the "Your data" window hands on when a change needs the app quit, for real.

A real tray app runs on a data folder; ``wellbeing delete --all --yes
--restart-app`` (what the window starts, detached, before the app quits) waits
while the app holds the lock, deletes everything once the app has quit (its
last interval saved first), tells it in a notification (dunst), and starts the
tray app again on the same folder.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import psutil

from tests.e2e.helpers import run_cli, start_cli
from tests.e2e.test_gui_app import running_app
from tests.integration.dbus_helpers import dunstctl
from tests.integration.xhelpers import wait_until
from wellbeing import paths as paths_module
from wellbeing.platform.instance import TrackerLock
from wellbeing.services.data_admin import tracker_running


def restarted(paths: paths_module.Paths, before: int) -> int | None:
    """The pid of a new holder of the lock, read without taking the lock (a probe that
    takes it could make the starting app say "already running")."""
    pid = TrackerLock(paths.lock_file).holder_pid()
    return pid if pid not in (None, before) and psutil.pid_exists(pid) else None


def intervals(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "wellbeing.sqlite3") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM interval").fetchone()[0])


def test_delete_everything_waits_for_the_app_then_starts_it_again(
    x_display: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    done = run_cli("demo-data", "--days", "3", "--seed", "1", data_dir=data_dir, timeout=120)
    assert done.returncode == 0, done.stderr
    paths = paths_module.resolve(str(data_dir))
    with running_app(x_display, data_dir) as app:
        app.wait_ready()
        first_pid = app.proc.pid
        assert tracker_running(paths) == first_pid
        child = start_cli("delete", "--all", "--yes", "--restart-app", data_dir=data_dir)
        try:
            time.sleep(1.5)
            assert child.poll() is None, child.communicate()  # it waits for the app
            assert intervals(data_dir) > 0
            assert app.terminate() == 0  # what the window does next: the app quits
            out, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
        assert child.returncode == 0, err
        assert out.startswith("Deleted "), out
        assert intervals(data_dir) == 0
        again = wait_until(lambda: restarted(paths, first_pid), timeout=60,
                           what="wellbeing to be started again")
        try:
            assert _shown("Wellbeing: deleted")
        finally:
            os.kill(int(again), signal.SIGTERM)
            wait_until(lambda: tracker_running(paths) is None, timeout=30,
                       what="the restarted app to quit")


def _shown(summary: str) -> bool:
    """dunst showed it: in its history, or still on screen (closed, then in the history)."""
    if summary in dunstctl("history"):
        return True
    dunstctl("close-all")
    return summary in dunstctl("history")


def test_relaunch_waits_for_the_app_then_starts_it(x_display: str, tmp_path: Path) -> None:
    """Settings' "Restart Wellbeing now": ``relaunch`` starts the app once it has quit."""
    data_dir = tmp_path / "data"
    paths = paths_module.resolve(str(data_dir))
    with running_app(x_display, data_dir) as app:
        app.wait_ready()
        child = start_cli("relaunch", data_dir=data_dir)
        try:
            time.sleep(1.0)
            assert child.poll() is None  # the app still runs: it waits
            assert app.terminate() == 0
            _out, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
        assert child.returncode == 0, err
        again = wait_until(lambda: restarted(paths, app.proc.pid), timeout=60,
                           what="wellbeing to be started again")
        try:
            assert again is not None
        finally:
            os.kill(int(again), signal.SIGTERM)
            wait_until(lambda: tracker_running(paths) is None, timeout=30,
                       what="the restarted app to quit")
