"""``wellbeing track`` on a real X server with stand-in logind and screen saver services.

A fake logind serves a private bus that plays the system bus
(``DBUS_SYSTEM_BUS_ADDRESS``), a fake desktop (screen saver and GNOME's session
manager) another that plays the session bus. The tracker runs as a process,
as a user runs it; what it stored is read back with ``report --json`` and
compared with the truth taken on this process's monotonic clock. Tolerances
are accuracy bounds, not speed checks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dbus_helpers import private_bus
from tests.integration.fake_logind import SESSION_ID, FakeLogind
from tests.integration.fake_screensaver import FakeScreenSaver
from tests.integration.test_tracking_x11 import (
    report_line,
    seconds_by_app,
    tracking,
    wait_tracking,
)
from tests.integration.xhelpers import XClient, activate, press_key, x_client

pytestmark = [pytest.mark.x11, pytest.mark.slow]

LIVENESS_S = 30.0


@pytest.fixture
def buses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """(system, session): private buses the tracker is pointed at through its environment."""
    (tmp_path / "system").mkdir()
    (tmp_path / "session").mkdir()
    with private_bus(tmp_path / "system") as system, private_bus(tmp_path / "session") as session:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", system)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session)
        monkeypatch.setenv("XDG_SESSION_ID", SESSION_ID)
        yield system, session


@pytest.fixture
def logind(buses: tuple[str, str]) -> Iterator[FakeLogind]:
    with FakeLogind(buses[0]) as service:
        yield service


@pytest.fixture
def saver(buses: tuple[str, str]) -> Iterator[FakeScreenSaver]:
    with FakeScreenSaver(buses[1]) as service:
        yield service


@pytest.fixture
def xterm(x_display: str) -> Iterator[XClient]:
    with x_client(x_display, ["xterm", "-title", "wb-session"]) as term:
        activate(x_display, term.wid)
        press_key(x_display)
        yield term


def test_a_suspend_is_written_before_the_sleep_and_the_sleep_counts_nothing(
    x_display: str, data_dir: Path, logind: FakeLogind, saver: FakeScreenSaver, xterm: XClient
) -> None:
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        assert logind.wait_held(LIVENESS_S), tracker.stderr  # logind would wait for it
        time.sleep(3)
        sleeping = time.monotonic()
        logind.prepare_for_sleep(True)
        assert logind.wait_released(LIVENESS_S), tracker.stderr
        on_disk_before_sleep = seconds_by_app(data_dir)
        time.sleep(2.5)  # asleep (here the clocks run on; only logind's word says so)
        logind.prepare_for_sleep(False)
        woke = time.monotonic()
        assert logind.wait_held(LIVENESS_S), tracker.stderr  # held again for the next sleep
        press_key(x_display)
        time.sleep(3)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    got = seconds_by_app(data_dir)
    before, truth = sleeping - started, (sleeping - started) + (ended - woke)
    report_line(
        "suspend",
        err_on_disk_before_sleep=on_disk_before_sleep.get("xterm", 0.0) - before,
        err_total=got["xterm"] - truth,
    )
    assert on_disk_before_sleep["xterm"] == pytest.approx(before, abs=1.5)
    assert got["xterm"] == pytest.approx(truth, abs=2.0)
    assert "going to sleep; usage written" in tracker.stderr
    assert logind.calls["Inhibit"] == 2


def test_nothing_counts_while_locked_by_logind_or_the_screen_saver(
    x_display: str, data_dir: Path, logind: FakeLogind, saver: FakeScreenSaver, xterm: XClient
) -> None:
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker, keep_active=x_display)
        time.sleep(2)
        logind.set_locked(True)
        locked = time.monotonic()
        time.sleep(2)
        logind.set_locked(False)
        unlocked = time.monotonic()
        press_key(x_display)
        time.sleep(2)
        saver.set_active(True)
        saver_on = time.monotonic()
        time.sleep(2)
        saver.set_active(False)
        saver_off = time.monotonic()
        press_key(x_display)
        time.sleep(2)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    truth = (locked - started) + (saver_on - unlocked) + (ended - saver_off)
    got = seconds_by_app(data_dir)
    report_line("locks", err_xterm=got["xterm"] - truth, truth=truth)
    assert got["xterm"] == pytest.approx(truth, abs=2.0)  # the 4 s locked are not in it
    assert tracker.stderr.count("screen locked") == 2


def test_a_film_keeps_a_still_keyboard_in_use_until_it_ends(
    x_display: str, data_dir: Path, logind: FakeLogind, saver: FakeScreenSaver, xterm: XClient
) -> None:
    """A logind idle inhibitor here; the screen saver's way is test_session_watch's."""
    logind.set_idle_inhibitor(True)
    with tracking(x_display, data_dir, "--poll", "1", "--idle-after", "3") as tracker:
        started = wait_tracking(tracker)  # nobody touches anything from here on
        time.sleep(5)
        logind.set_idle_inhibitor(False)
        film_ended = time.monotonic()
        time.sleep(5)  # idle is noticed 3 s after the film ended, and cut back to its end
        assert tracker.terminate() == 0, tracker.stderr
    got = seconds_by_app(data_dir)
    truth = film_ended - started
    report_line("film", err_xterm=got.get("xterm", 0.0) - truth, truth=truth)
    # Without the inhibitor the still keyboard would end use 3 s after the last key: ~0 s.
    assert got["xterm"] == pytest.approx(truth, abs=2.0)
    assert "an app keeps the session awake" in tracker.stderr
