"""``wellbeing track`` in a headless KWin (Plasma 5.27 here): what it records matches what happened.

One ``kwin_wayland --virtual`` for the module (:mod:`tests.integration.kwin_helpers`),
two native Wayland windows (Qt, app ids of our own), focus switched by
throw-away KWin scripts; the ground truth is this process's monotonic clock
right after KWin confirmed each switch, compared with ``report --json --by app``.
Idle is faked with ``org.freedesktop.ScreenSaver.SimulateUserActivity``, which
KWin counts as input. Tolerances are accuracy bounds, not speed checks.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.kwin_helpers import KWin, kwin_session
from tests.integration.test_tracking_x11 import (
    DB_NAME,
    report_line,
    seconds_by_app,
    stored_runs,
    tracking,
    wait_tracking,
)

pytestmark = [pytest.mark.slow]

APP_A, APP_B = "org.wellbeing.TestA", "org.wellbeing.TestB"
KEY_A, KEY_B = APP_A.lower(), APP_B.lower()


@pytest.fixture(scope="module")
def kwin() -> Iterator[KWin]:
    require_part(importlib.util.find_spec("pywayland") is not None, "pywayland is not installed")
    require_part(importlib.util.find_spec("PySide6") is not None, "PySide6 is not installed")
    with kwin_session() as session, session.window(APP_A, "Window A"), session.window(
        APP_B, "Window B"
    ):
        yield session


@pytest.fixture
def kde_env(kwin: KWin, monkeypatch: pytest.MonkeyPatch) -> KWin:
    """This process's environment as inside the KWin session (the tracker inherits it)."""
    for name in ("DISPLAY", "XAUTHORITY", "DBUS_SYSTEM_BUS_ADDRESS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in kwin.env.items():
        if name not in ("PATH", "HOME"):
            monkeypatch.setenv(name, value)
    return kwin


def test_focus_switches_are_recorded_within_two_seconds_each(
    kde_env: KWin, data_dir: Path
) -> None:
    kwin = kde_env
    kwin.activate(APP_A)
    kwin.simulate_activity()
    with tracking("", data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(5)
        to_b, to_b_wall = kwin.activate(APP_B), time.time()
        time.sleep(4)
        back, back_wall = kwin.activate(APP_A), time.time()
        time.sleep(4)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    assert "kde-wayland" in tracker.stderr or "kwin-script" in tracker.stderr, tracker.stderr
    truth = {KEY_A: (to_b - started) + (ended - back), KEY_B: back - to_b}
    got = seconds_by_app(data_dir)
    runs = stored_runs(data_dir / DB_NAME)
    assert [app for app, _, _ in runs] == [KEY_A, KEY_B, KEY_A], runs
    # KWin reports "no window" before every switch: merged, never a switch of its own.
    assert "no application has focus" not in tracker.stderr
    report_line(
        "kde switches",
        err_switch_to_b=runs[1][1] - to_b_wall,
        err_switch_to_a=runs[2][1] - back_wall,
        err_a=got[KEY_A] - truth[KEY_A],
        err_b=got[KEY_B] - truth[KEY_B],
    )
    for app, seconds in truth.items():
        assert got[app] == pytest.approx(seconds, abs=2.0), (app, got, truth)


def test_idle_from_ext_idle_notify_ends_use_at_the_last_input(
    kde_env: KWin, data_dir: Path
) -> None:
    kwin = kde_env
    kwin.activate(APP_B)
    kwin.simulate_activity()
    with tracking("", data_dir, "--poll", "1", "--idle-after", "3") as tracker:
        started = wait_tracking(tracker)
        for _ in range(3):
            time.sleep(1)
            kwin.simulate_activity()
        last_input = time.monotonic()
        time.sleep(7)  # no input: idle is noticed 3 s after the last input
        assert tracker.terminate() == 0, tracker.stderr
    expected = last_input - started
    got = seconds_by_app(data_dir)
    report_line("kde idle", err_b=got.get(KEY_B, 0.0) - expected, expected=expected)
    assert set(got) == {KEY_B}, got
    assert got[KEY_B] == pytest.approx(expected, abs=1.5)  # at SIGTERM it would be + 7
    assert "use counted up to the last input" in tracker.stderr


def test_the_script_is_loaded_while_tracking_and_unloaded_after(
    kde_env: KWin, data_dir: Path
) -> None:
    kwin = kde_env
    with tracking("", data_dir, "--poll", "1") as tracker:
        wait_tracking(tracker)
        found = re.search(r"KWin script (\S+) reports the active window", tracker.stderr)
        assert found, tracker.stderr
        plugin = found.group(1)
        with kwin.bus() as conn:
            (loaded,) = kwin.call(conn, "/Scripting", "org.kde.kwin.Scripting",
                                  "isScriptLoaded", "s", (plugin,))
            assert loaded is True
            assert tracker.terminate() == 0, tracker.stderr
            (loaded,) = kwin.call(conn, "/Scripting", "org.kde.kwin.Scripting",
                                  "isScriptLoaded", "s", (plugin,))
            assert loaded is False


def test_doctor_chooses_the_kwin_script(kde_env: KWin, data_dir: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "doctor"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert "ok  kde-wayland foreground: focused window from kwin-script" in res.stdout, (
        res.stdout + res.stderr
    )
    assert "idle time from ext-idle-notify" in res.stdout
    assert "x11 foreground: DISPLAY is not set: this Wayland session runs no XWayland" in res.stdout
    assert "ok  backend chosen: kde-wayland (automatically)" in res.stdout


def test_only_kwin_may_report_windows(kde_env: KWin) -> None:
    from jeepney import DBusAddress, MessageType, new_method_call

    from wellbeing.platform.kde import INTERFACE, OBJECT_PATH, KWinProbe

    kde_env.activate(APP_A)
    probe = KWinProbe(bus=kde_env.env["DBUS_SESSION_BUS_ADDRESS"])
    try:
        before = probe.active_window()
        assert before is not None
        assert before.app_key == KEY_A
        with kde_env.bus() as conn:
            target = DBusAddress(OBJECT_PATH, bus_name=probe._conn.unique_name,
                                 interface=INTERFACE)
            conn.send(new_method_call(target, "Activated", "sssi", ("evil", "evil", "t", 1)))
            probe.wait_for_change(1.0)  # answers the call
            reply = conn.receive(timeout=10)
            while reply.header.message_type == MessageType.signal:
                reply = conn.receive(timeout=10)
        assert reply.header.message_type == MessageType.error
        assert probe.active_window() == before
    finally:
        probe.close()


def test_without_kwin_on_the_bus_the_backend_says_why(tmp_path: Path) -> None:
    from tests.integration.dbus_helpers import private_bus
    from wellbeing.errors import Unavailable
    from wellbeing.platform.kde import KWinProbe

    with private_bus(tmp_path) as bus, pytest.raises(Unavailable, match="KWin does not run"):
        KWinProbe(bus=bus)
