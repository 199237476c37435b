"""LogindSession against a fake logind on a real (session) bus: signals, not round trips.

Lock hint, sleep (``PrepareForSleep`` and the delay inhibitor held while awake)
and idle inhibitors, each seen from logind's signals.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import require_part
from tests.integration.fake_logind import SESSION_ID, SESSION_PATH, FakeLogind
from wellbeing.platform.session import LogindSession
from wellbeing.platform.x11 import X11Probe

LIVENESS_S = 30.0
"""Longest a signal may take to arrive before the test gives up (a liveness bound)."""


@pytest.fixture(scope="session")
def session_bus() -> str:
    """The session bus address (make test runs the tests inside dbus-run-session)."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    require_part(bool(address), "no session D-Bus (run via make test or dbus-run-session)")
    return address


@pytest.fixture
def logind(session_bus: str) -> Iterator[FakeLogind]:
    with FakeLogind(session_bus) as service:
        yield service


@pytest.fixture
def probe(session_bus: str, logind: FakeLogind) -> Iterator[LogindSession]:
    p = LogindSession(SESSION_ID, bus=session_bus)
    try:
        yield p
    finally:
        p.close()


def readable(fd: int | None, timeout: float = LIVENESS_S) -> bool:
    assert fd is not None
    return bool(select.select([fd], [], [], timeout)[0])


def after_signal(probe: LogindSession, state: str, expected: bool) -> bool:
    """Wait for the bus socket, then refresh until ``probe.<state>`` is ``expected``."""
    deadline = time.monotonic() + LIVENESS_S
    while time.monotonic() < deadline:
        probe.refresh()
        if getattr(probe, state) is expected:
            return expected
        readable(probe.fileno(), max(0.0, deadline - time.monotonic()))
    probe.refresh()
    return bool(getattr(probe, state))


def locked_after_signal(probe: LogindSession, expected: bool) -> bool:
    """Wait for the bus socket, then read the hint until it is ``expected`` (or give up)."""
    deadline = time.monotonic() + LIVENESS_S
    while time.monotonic() < deadline:
        if probe.is_locked() is expected:
            return expected
        readable(probe.fileno(), max(0.0, deadline - time.monotonic()))
    return probe.is_locked()


def test_start_reads_the_session_and_its_hint_once(session_bus: str, logind: FakeLogind) -> None:
    logind.set_locked(True)
    probe = LogindSession(SESSION_ID, bus=session_bus)
    try:
        assert probe.session_path == SESSION_PATH
        assert probe.is_locked() is True
        assert dict(logind.calls) == {"GetSession": 1, "Get": 1, "ListInhibitors": 1, "Inhibit": 1}
        assert probe.reports_changes is True
        assert logind.taken == [
            ("sleep", "wellbeing", "write the screen time in use before the machine sleeps",
             "delay")
        ]
        assert logind.delay_held()
        assert probe.holds_sleep_delay
        assert probe.preparing_sleep is False
        assert probe.idle_held is False
    finally:
        probe.close()


def test_session_found_by_pid_without_an_id(
    session_bus: str, logind: FakeLogind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    probe = LogindSession(bus=session_bus)
    try:
        assert probe.session_path == SESSION_PATH
        assert logind.calls["GetSessionByPID"] == 1
    finally:
        probe.close()


def test_asking_again_and_again_without_a_change_makes_no_call(
    probe: LogindSession, logind: FakeLogind
) -> None:
    served = logind.total_calls
    for _ in range(200):
        assert probe.is_locked() is False
    assert logind.total_calls == served


def test_lock_and_unlock_are_seen_from_the_signals_alone(
    probe: LogindSession, logind: FakeLogind
) -> None:
    served = logind.total_calls
    logind.set_locked(True)
    assert locked_after_signal(probe, True) is True
    logind.set_locked(False)
    assert locked_after_signal(probe, False) is False
    assert logind.total_calls == served  # the values came with the signals


def test_an_invalidated_hint_is_read_again_once(probe: LogindSession, logind: FakeLogind) -> None:
    served = logind.calls["Get"]
    logind.set_locked(True, invalidate_only=True)
    assert locked_after_signal(probe, True) is True
    for _ in range(20):
        probe.is_locked()
    assert logind.calls["Get"] == served + 1


def test_the_socket_turns_readable_on_a_change_and_is_read_empty(
    probe: LogindSession, logind: FakeLogind
) -> None:
    assert not readable(probe.fileno(), 0.0)
    logind.set_locked(True)
    assert readable(probe.fileno())
    assert locked_after_signal(probe, True) is True
    assert not readable(probe.fileno(), 0.0)  # is_locked() read everything that came


def test_logind_going_away_counts_as_unlocked_without_raising(
    probe: LogindSession, logind: FakeLogind
) -> None:
    logind.set_locked(True)
    assert locked_after_signal(probe, True) is True
    logind.stop()  # the name loses its owner: NameOwnerChanged
    assert locked_after_signal(probe, False) is False
    assert probe.is_locked() is False


def test_the_bus_going_away_leaves_the_last_answer_and_no_descriptor(
    probe: LogindSession, logind: FakeLogind
) -> None:
    logind.set_locked(True)
    assert locked_after_signal(probe, True) is True
    probe._conn.sock.shutdown(socket.SHUT_RDWR)  # as if the bus daemon had exited
    assert probe.is_locked() is False  # lock detection is lost: counted as unlocked
    assert probe.fileno() is None
    assert probe.is_locked() is False


def test_a_lock_ends_the_x11_wait_at_once(
    x_display: str, probe: LogindSession, logind: FakeLogind
) -> None:
    x11 = X11Probe(x_display)
    try:
        fd = probe.fileno()
        assert fd is not None
        x11.watch_fd(fd)
        x11.active_window()
        while x11.wait_for_change(0.3):  # let pending focus events pass
            x11.active_window()
        locker = threading.Timer(0.2, logind.set_locked, args=(True,))
        locker.start()
        started = time.monotonic()
        try:
            assert x11.wait_for_change(120.0) is False
        finally:
            locker.join()
        assert time.monotonic() - started < LIVENESS_S  # well before the timeout
        assert locked_after_signal(probe, True) is True
        x11.unwatch_fd(fd)
        logind.set_locked(False)
        assert readable(fd)
        waited = time.monotonic()
        assert x11.wait_for_change(0.2) is False
        assert time.monotonic() - waited >= 0.15  # not watched: it ran to its timeout
        assert readable(fd, 0.0)  # the signal is still unread: nothing consumed it
    finally:
        x11.close()


# -- sleep ------------------------------------------------------------------------------------


def test_sleep_is_delayed_until_the_tracker_is_ready_then_held_again_after_waking(
    probe: LogindSession, logind: FakeLogind
) -> None:
    served = logind.total_calls
    logind.prepare_for_sleep(True)
    assert after_signal(probe, "preparing_sleep", True) is True
    assert logind.delay_held()  # logind waits: nothing is written yet
    probe.ready_for_sleep()
    assert logind.wait_released(LIVENESS_S)
    assert not probe.holds_sleep_delay
    probe.ready_for_sleep()  # twice is harmless
    assert logind.total_calls == served  # the news came with the signal
    logind.prepare_for_sleep(False)
    assert after_signal(probe, "preparing_sleep", False) is False
    assert logind.wait_held(LIVENESS_S)
    assert logind.calls["Inhibit"] == 2
    assert probe.holds_sleep_delay


def test_closing_releases_the_delay(session_bus: str, logind: FakeLogind) -> None:
    probe = LogindSession(SESSION_ID, bus=session_bus)
    assert logind.delay_held()
    probe.close()
    assert logind.wait_released(LIVENESS_S)


def test_without_delay_no_inhibitor_is_taken_and_sleep_is_still_seen(
    session_bus: str, logind: FakeLogind
) -> None:
    probe = LogindSession(SESSION_ID, bus=session_bus, delay_sleep=False)
    try:
        assert logind.calls["Inhibit"] == 0
        logind.prepare_for_sleep(True)
        assert after_signal(probe, "preparing_sleep", True) is True
    finally:
        probe.close()


# -- idle inhibitors --------------------------------------------------------------------------


def test_an_idle_inhibitor_of_this_user_is_seen_and_its_release_too(
    probe: LogindSession, logind: FakeLogind
) -> None:
    listed = logind.calls["ListInhibitors"]
    logind.set_idle_inhibitor(True)
    assert after_signal(probe, "idle_held", True) is True
    logind.set_idle_inhibitor(False)
    assert after_signal(probe, "idle_held", False) is False
    assert logind.calls["ListInhibitors"] == listed + 2  # once per change, not per look
    for _ in range(20):
        probe.refresh()
    assert logind.calls["ListInhibitors"] == listed + 2


@pytest.mark.parametrize(
    "entry",
    [
        ("idle", "Other User's Player", "Playing", "block", os.getuid() + 1, 99),
        ("idle", "Polite Player", "Playing", "delay", os.getuid(), 99),
        ("sleep:shutdown", "Burner", "Burning a disc", "block", os.getuid(), 99),
    ],
)
def test_inhibitors_that_keep_nobody_watching_are_ignored(
    probe: LogindSession, logind: FakeLogind, entry: tuple[str, str, str, str, int, int]
) -> None:
    listed = logind.calls["ListInhibitors"]
    logind.set_idle_inhibitor(True, entry)
    deadline = time.monotonic() + LIVENESS_S
    while logind.calls["ListInhibitors"] == listed and time.monotonic() < deadline:
        readable(probe.fileno(), 0.05)
        probe.refresh()
    assert logind.calls["ListInhibitors"] == listed + 1
    assert probe.idle_held is False


def test_an_inhibitor_held_at_start_is_seen(session_bus: str, logind: FakeLogind) -> None:
    logind.set_idle_inhibitor(True)
    probe = LogindSession(SESSION_ID, bus=session_bus)
    try:
        assert probe.idle_held is True
    finally:
        probe.close()
