"""ScreenSaverWatch and SessionWatch against stand-in services on private buses.

A fake desktop (screen saver + GNOME's session manager) serves one private bus,
a fake logind another (playing the system bus), so nothing of the machine's own
session can answer.
"""

from __future__ import annotations

import select
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dbus_helpers import private_bus
from tests.integration.fake_logind import SESSION_ID, FakeLogind
from tests.integration.fake_screensaver import FakeScreenSaver
from wellbeing.platform.base import IdleProbe
from wellbeing.platform.screensaver import ScreenSaverWatch
from wellbeing.platform.session import LogindSession
from wellbeing.platform.session_watch import InhibitAwareIdle, SessionWatch

LIVENESS_S = 30.0


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "session").mkdir()
    with private_bus(tmp_path / "session") as address:
        yield address


@pytest.fixture
def system_bus(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "system").mkdir()
    with private_bus(tmp_path / "system") as address:
        yield address


def until(probe: ScreenSaverWatch | SessionWatch, state: str, expected: bool) -> bool:
    """Wait on the probe's descriptor and refresh until ``probe.<state>`` is ``expected``."""
    deadline = time.monotonic() + LIVENESS_S
    while time.monotonic() < deadline:
        probe.refresh()
        value = getattr(probe, state)
        value = value() if callable(value) else value
        if value is expected:
            return expected
        fd = probe.fileno()
        assert fd is not None
        select.select([fd], [], [], 0.2)
    raise AssertionError(f"{state} did not become {expected}")


def test_the_screen_saver_is_read_once_then_followed_by_its_signal(session_bus: str) -> None:
    with FakeScreenSaver(session_bus, active=True) as saver:
        watch = ScreenSaverWatch(session_bus)
        try:
            assert watch.locked is True
            assert watch.running == ["org.freedesktop.ScreenSaver", "org.gnome.SessionManager"]
            served = sum(saver.calls.values())
            saver.set_active(False)
            assert until(watch, "locked", False) is False
            saver.set_active(True)
            assert until(watch, "locked", True) is True
            for _ in range(50):
                watch.refresh()
            assert sum(saver.calls.values()) == served  # the value came with the signal
        finally:
            watch.close()


def test_a_screen_saver_that_starts_later_is_asked_and_followed(session_bus: str) -> None:
    watch = ScreenSaverWatch(session_bus)
    try:
        assert watch.running == []
        assert watch.locked is False
        with FakeScreenSaver(session_bus, active=True) as saver:
            assert until(watch, "locked", True) is True
            assert saver.calls["GetActive"] == 1
        assert until(watch, "locked", False) is False  # it left: nobody locks any more
    finally:
        watch.close()


def test_a_film_inhibiting_the_screen_saver_is_seen_through_the_session_manager(
    session_bus: str,
) -> None:
    with FakeScreenSaver(session_bus) as saver:
        watch = ScreenSaverWatch(session_bus)
        try:
            assert watch.idle_held is False
            player, cookie = saver.inhibit_as_player()
            assert until(watch, "idle_held", True) is True
            saver.uninhibit_as_player(player, cookie)
            assert until(watch, "idle_held", False) is False
            assert saver.calls["IsInhibited"] == 1 + 2  # at start, then once per change
        finally:
            watch.close()


def test_without_the_session_manager_an_inhibitor_goes_unseen(session_bus: str) -> None:
    """The freedesktop interface offers no way to see inhibitors: said, not guessed."""
    with FakeScreenSaver(session_bus, inhibit_to_session_manager=False) as saver:
        watch = ScreenSaverWatch(session_bus)
        try:
            player, cookie = saver.inhibit_as_player()
            time.sleep(0.3)
            watch.refresh()
            assert watch.idle_held is False
            assert saver.cookies  # held all the same
            saver.uninhibit_as_player(player, cookie)
        finally:
            watch.close()


class StillKeyboard:
    """An idle probe whose input idle time is set by the test."""

    name = "still"

    def __init__(self) -> None:
        self.idle = 0.0

    def idle_seconds(self) -> float:
        return self.idle

    def close(self) -> None:
        pass


def test_logind_and_the_screen_saver_together(system_bus: str, session_bus: str) -> None:
    """One descriptor for both buses; lock from either; inhibitors from either keep idle at 0."""
    now = [1000.0]
    with FakeLogind(system_bus) as logind, FakeScreenSaver(session_bus) as saver:
        watch = SessionWatch(
            [LogindSession(SESSION_ID, bus=system_bus), ScreenSaverWatch(session_bus)],
            monotonic=lambda: now[0],
        )
        keyboard = StillKeyboard()
        idle: IdleProbe = InhibitAwareIdle(keyboard, watch)
        try:
            assert watch.name == "logind + screen saver"
            fd = watch.fileno()
            assert fd is not None
            assert not select.select([fd], [], [], 0)[0]
            logind.set_locked(True)
            assert select.select([fd], [], [], LIVENESS_S)[0]  # the system bus's news
            assert until(watch, "is_locked", True) is True
            logind.set_locked(False)
            assert until(watch, "is_locked", False) is False
            saver.set_active(True)
            assert until(watch, "is_locked", True) is True  # the session bus's news
            saver.set_active(False)
            assert until(watch, "is_locked", False) is False

            keyboard.idle = 500.0
            assert idle.idle_seconds() == 500.0
            player, cookie = saver.inhibit_as_player()
            deadline = time.monotonic() + LIVENESS_S
            while idle.idle_seconds() != 0.0 and time.monotonic() < deadline:
                select.select([fd], [], [], 0.2)
            assert idle.idle_seconds() == 0.0  # a film plays: a still keyboard is no absence
            logind.set_idle_inhibitor(True)
            now[0] = 1100.0
            saver.uninhibit_as_player(player, cookie)
            time.sleep(0.3)
            assert idle.idle_seconds() == 0.0  # logind's inhibitor still holds
            now[0] = 1200.0
            logind.set_idle_inhibitor(False)
            deadline = time.monotonic() + LIVENESS_S
            while watch.inhibition.held and time.monotonic() < deadline:
                select.select([fd], [], [], 0.2)
                watch.refresh()
            now[0] = 1230.0
            assert idle.idle_seconds() == 30.0  # from the release, not from the last input

            logind.prepare_for_sleep(True)
            assert until(watch, "preparing_for_sleep", True) is True
            watch.ready_for_sleep()
            assert logind.wait_released(LIVENESS_S)
        finally:
            idle.close()
            watch.close()
        assert not logind.delay_held()
