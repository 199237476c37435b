"""``wellbeing track`` on a real headless sway: native Wayland windows, recorded as they were.

One sway (``WLR_BACKENDS=headless``, as a throw-away user) serves the whole
module, with two foot terminals of their own app_id. Focus is switched with
``swaymsg '[app_id=...] focus'``; the truth is this process's monotonic clock
right after swaymsg returned, compared with ``wellbeing report --json --by
app`` as in test_tracking_x11.py. Idle input is faked with ``swaymsg seat
seat0 cursor move``. Tolerances are accuracy bounds, not speed checks.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.test_tracking_x11 import (
    DB_NAME,
    READY,
    Tracker,
    report_line,
    seconds_by_app,
    stored_runs,
)
from tests.integration.wayland_helpers import Compositor, foot_window, start_sway, wait_focused
from tests.integration.xhelpers import have, stop, wait_until

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

APP_A, APP_B = "wb-term-a", "wb-term-b"


@pytest.fixture(scope="module")
def sway() -> Iterator[Compositor]:
    require_part(have("sway", "swaymsg", "foot"), "sway, swaymsg or foot is not installed")
    try:
        import pywayland  # noqa: F401
    except ImportError:
        require_part(False, "pywayland is not installed (pip install -e '.[test]')")
    compositor = start_sway()
    try:
        with foot_window(compositor, APP_A, "Title A"), foot_window(compositor, APP_B, "Title B"):
            yield compositor
    finally:
        compositor.close()


@contextlib.contextmanager
def tracking(sway: Compositor, data_dir: Path, *options: str) -> Iterator[Tracker]:
    """Run ``wellbeing --data-dir D track OPTIONS`` on ``sway``; always stopped afterwards."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stderr_file = data_dir.parent / f"track-{uuid.uuid4().hex[:6]}.stderr"
    with stderr_file.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "track", *options],
            env=sway.env(),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        yield Tracker(proc, data_dir, stderr_file)
    finally:
        stop(proc)


def wait_tracking(tracker: Tracker, sway: Compositor, *, keep_active: bool = False) -> float:
    """Monotonic time at which the tracker said it starts sampling (as in the X11 test)."""

    def started() -> bool:
        if tracker.proc.poll() is not None:
            raise AssertionError(f"track exited with {tracker.proc.returncode}:\n{tracker.stderr}")
        if keep_active:
            move_cursor(sway)
        return READY.search(tracker.stderr) is not None

    wait_until(started, timeout=30, interval=0.02, what="the tracker to start")
    return time.monotonic()


def move_cursor(sway: Compositor) -> None:
    """Fake user input: sway counts a seat cursor move as activity (idle notifications resume)."""
    sway.swaymsg("seat", "seat0", "cursor", "move", "1", "1")


def test_focus_switches_on_sway_are_recorded_within_two_seconds_each(
    sway: Compositor, data_dir: Path
) -> None:
    wait_focused(sway, APP_A)
    move_cursor(sway)
    with tracking(sway, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker, sway)
        time.sleep(4)
        to_b, to_b_wall = wait_focused(sway, APP_B), time.time()
        time.sleep(3)
        back, back_wall = wait_focused(sway, APP_A), time.time()
        time.sleep(4)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    truth = {APP_A: (to_b - started) + (ended - back), APP_B: back - to_b}
    got = seconds_by_app(data_dir)
    assert set(got) == set(truth), (got, tracker.stderr)
    runs = stored_runs(data_dir / DB_NAME)
    assert [app for app, _, _ in runs] == [APP_A, APP_B, APP_A], runs
    # Each window sends its own "done": the old one's deactivation and the new one's
    # activation are one switch, never a moment with nothing focused.
    assert "no application has focus" not in tracker.stderr
    assert "foreground=wlr-foreign-toplevel idle=kde-idle" in tracker.stderr
    report_line(
        "sway switches",
        err_switch_to_b=runs[1][1] - to_b_wall,
        err_switch_to_a=runs[2][1] - back_wall,
        err_a=got[APP_A] - truth[APP_A],
        err_b=got[APP_B] - truth[APP_B],
    )
    for app, seconds in truth.items():
        assert got[app] == pytest.approx(seconds, abs=2.0), (app, got, truth)


def test_idle_on_sway_ends_the_interval_at_the_last_input(
    sway: Compositor, data_dir: Path
) -> None:
    wait_focused(sway, APP_B)
    with tracking(sway, data_dir, "--poll", "1", "--idle-after", "3") as tracker:
        started = wait_tracking(tracker, sway, keep_active=True)
        for _ in range(3):
            time.sleep(1)
            move_cursor(sway)
        last_input = time.monotonic()
        time.sleep(8)  # no input: idle is noticed 3 s after the last input
        assert tracker.terminate() == 0, tracker.stderr
    expected = last_input - started
    got = seconds_by_app(data_dir)
    report_line("sway idle", err_b=got.get(APP_B, 0.0) - expected, expected=expected)
    assert set(got) == {APP_B}, got
    # Ending when idle was noticed would give about expected + 3, at SIGTERM expected + 8.
    assert got[APP_B] == pytest.approx(expected, abs=1.5)
    assert "use counted up to the last input" in tracker.stderr


def test_doctor_on_sway_names_the_session_and_chooses_wlroots(
    sway: Compositor, tmp_path: Path
) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(tmp_path / "d"), "doctor"],
        env=sway.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert f"ok  session: wayland session, WAYLAND_DISPLAY={sway.wayland_display}" in res.stdout
    assert "ok  wlroots foreground: focused window from wlr-foreign-toplevel, idle time from " \
        "kde-idle" in res.stdout
    assert "!!  x11 foreground: DISPLAY is not set: this Wayland session runs no XWayland" \
        in res.stdout
    assert "ok  backend chosen: wlroots (automatically)" in res.stdout


def test_a_forced_backend_that_cannot_work_is_an_error_with_the_reason(
    sway: Compositor, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / "config.toml").write_text('[platform]\nbackend = "x11"\n')
    res = subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "track", "--duration=5"],
        env=sway.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode != 0
    assert 'platform.backend = "x11"' in res.stderr
    assert "DISPLAY is not set" in res.stderr
    assert not (data_dir / DB_NAME).exists() or not stored_runs(data_dir / DB_NAME)
