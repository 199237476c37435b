"""Quiet mode with the real dunst (restore, also after a real crash) and KDE's inhibitions.

dunst is the one ``scripts/test-services.sh`` runs; every test leaves it
unpaused. KDE Plasma is stood in for by the fake notification server offering
``inhibitions`` on a private bus.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dbus_helpers import dunst_count, dunstctl, private_bus
from tests.integration.fake_notifications import FakeNotifications
from wellbeing.core.clock import FakeClock
from wellbeing.errors import Unavailable
from wellbeing.platform.dnd import DunstDnd, GnomeDnd, KdeDnd, detect_dnd
from wellbeing.platform.notify_dbus import DbusNotifier
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.limit_ports import Notice
from wellbeing.services.quiet import STATE_FILE, QuietMode

pytestmark = pytest.mark.dbus

HOUR = 3600.0
LIVENESS_S = 30.0
ROOT = Path(__file__).resolve().parents[2]


def paused() -> bool:
    return dunstctl("is-paused") == "true"


@pytest.fixture
def dunst(notification_bus: str) -> Iterator[DunstDnd]:
    dunstctl("set-paused", "false")
    try:
        yield DunstDnd()
    finally:
        dunstctl("set-paused", "false")
        dunstctl("close-all")


def test_dunst_is_found_first(dunst: DunstDnd) -> None:
    assert detect_dnd().name == "dunst"


def test_quiet_mode_pauses_dunst_and_unpauses_it(
    dunst: DunstDnd, data_dir: Path, clock: FakeClock
) -> None:
    quiet = QuietMode(data_dir, dunst, clock)
    quiet.start(clock.wall + HOUR)
    assert paused()
    assert quiet.end() is True
    assert not paused()


def test_while_quiet_a_notice_waits_and_shows_afterwards(
    dunst: DunstDnd, data_dir: Path, clock: FakeClock, notification_bus: str
) -> None:
    notifier = DbusNotifier(bus=notification_bus)
    quiet = QuietMode(data_dir, dunst, clock)
    try:
        quiet.start(clock.wall + HOUR)
        waiting = dunst_count("waiting")
        assert notifier.notify(Notice("k", f"held {uuid.uuid4().hex[:6]}", "not now"))
        assert dunst_count("waiting") == waiting + 1
        quiet.end()
        assert dunst_count("waiting") == waiting
    finally:
        notifier.close()


def test_a_pause_the_person_set_stays(dunst: DunstDnd, data_dir: Path, clock: FakeClock) -> None:
    dunstctl("set-paused", "true")
    quiet = QuietMode(data_dir, dunst, clock)
    quiet.start(clock.wall + HOUR)
    assert paused()
    quiet.end()
    assert paused()


def test_a_crash_while_quiet_is_put_right_at_the_next_start(
    dunst: DunstDnd, data_dir: Path
) -> None:
    crash = textwrap.dedent(
        f"""
        import os, time
        from pathlib import Path
        from wellbeing.platform.dnd import DunstDnd
        from wellbeing.platform.system_clock import SystemClock
        from wellbeing.services.quiet import QuietMode
        QuietMode(Path({str(data_dir)!r}), DunstDnd(), SystemClock()).start(time.time() + 3600)
        os.kill(os.getpid(), 9)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", crash], env=env, timeout=60, check=False)
    assert res.returncode == -9
    assert paused()  # the crash left dunst paused...
    assert (data_dir / STATE_FILE).exists()
    quiet = QuietMode(data_dir, DunstDnd(), SystemClock())
    assert quiet.recover() is True  # ...the owner is gone, well before the end time
    assert not paused()
    assert quiet.active_until() is None


def test_no_dunst_gnome_or_kde_is_unavailable_with_every_reason(tmp_path: Path) -> None:
    with private_bus(tmp_path) as empty, pytest.raises(Unavailable) as caught:
        detect_dnd({"DBUS_SESSION_BUS_ADDRESS": empty, "XDG_CURRENT_DESKTOP": "openbox"})
    message = caught.value.message
    assert "dunst: dunst is not running" in message
    assert "GNOME: not a GNOME session" in message
    assert "KDE: the notification server did not answer GetCapabilities" in message


def test_gnome_needs_a_gnome_session() -> None:
    with pytest.raises(Unavailable, match="not a GNOME session"):
        GnomeDnd({"XDG_CURRENT_DESKTOP": "KDE"})


# -- KDE: inhibitions on a fake server -----------------------------------------------------


@pytest.fixture
def plasma(tmp_path: Path) -> Iterator[tuple[str, FakeNotifications]]:
    with (
        private_bus(tmp_path) as address,
        FakeNotifications(address, capabilities=("actions", "inhibitions")) as server,
    ):
        yield address, server


def test_kde_is_found_when_the_server_offers_inhibitions(
    plasma: tuple[str, FakeNotifications],
) -> None:
    address, _ = plasma
    backend = detect_dnd({"DBUS_SESSION_BUS_ADDRESS": address})
    try:
        assert backend.name == "KDE"
    finally:
        backend.close()


def test_kde_quiet_mode_inhibits_and_uninhibits_only_its_own(
    plasma: tuple[str, FakeNotifications], data_dir: Path, clock: FakeClock
) -> None:
    address, server = plasma
    theirs = KdeDnd(address)  # the person's own Do Not Disturb
    ours = KdeDnd(address)
    try:
        theirs.quiet()
        quiet = QuietMode(data_dir, ours, clock)
        quiet.start(clock.wall + HOUR)
        assert len(server.inhibitions) == 2
        assert quiet.end() is True
        assert len(server.inhibitions) == 1  # theirs stays
    finally:
        ours.close()
        theirs.close()


def test_kde_inhibition_ends_with_a_crashed_owner(
    plasma: tuple[str, FakeNotifications], data_dir: Path, clock: FakeClock
) -> None:
    address, server = plasma
    crashed = KdeDnd(address)
    QuietMode(data_dir, crashed, clock).start(clock.wall + HOUR)
    assert len(server.inhibitions) == 1
    crashed.close()  # its connection drops, as in a crash
    deadline = time.monotonic() + LIVENESS_S
    while server.inhibitions and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.inhibitions == {}  # the server dropped it with the connection
    check = KdeDnd(address)
    try:
        assert check.snapshot() == {"inhibited": False}
        clock.advance(2 * HOUR)
        assert QuietMode(data_dir, check, clock).recover() is True
        assert server.inhibitions == {}
    finally:
        check.close()


def test_kde_needs_inhibitions(tmp_path: Path) -> None:
    with (
        private_bus(tmp_path) as address,
        FakeNotifications(address, capabilities=("body",)),
        pytest.raises(Unavailable, match="no inhibitions"),
    ):
        KdeDnd(address)
