"""The GNOME probe on a private bus, with stand-ins for the extension, screen shield and Mutter.

What a real shell cannot easily be made to do is done here: a stranger sends
a fake ``Changed`` signal, the extension leaves the bus and comes back, the
screen shield goes up, a "nothing focused" signal comes right before the next
window's. The stand-in is one jeepney connection, run by a thread, that owns
the three names and answers their methods. (The real shell is driven in
``test_tracking_gnome.py``.)
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.integration.dbus_helpers import private_bus
from wellbeing.errors import Unavailable
from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.gnome import GnomeFocusProbe, MutterIdleProbe
from wellbeing.platform.gnome_extension import BUS_NAME, INTERFACE, OBJECT_PATH

pytestmark = pytest.mark.dbus

SCREENSAVER = "org.gnome.ScreenSaver"
IDLE = "org.gnome.Mutter.IdleMonitor"
FOCUS_SIGNALS = DBusAddress(OBJECT_PATH, interface=INTERFACE)
SHIELD_SIGNALS = DBusAddress("/org/gnome/ScreenSaver", interface=SCREENSAVER)
WINDOW_A = ("org.example.A", "org.example.A", "Title A", 0)
WINDOW_B = ("", "org.example.B", "Title B", 0)
NOTHING = ("", "", "", 0)


@dataclass
class StandIn:
    """The extension, the screen shield and Mutter's idle monitor, served by one thread."""

    address: str
    focused: tuple[str, str, str, int] = WINDOW_A
    locked: bool = False
    idle_ms: int = 1500
    gets: int = 0
    commands: queue.Queue[tuple[str, Any]] = field(default_factory=queue.Queue)

    def __post_init__(self) -> None:
        self.conn = open_dbus_connection(bus=self.address)
        for name in (BUS_NAME, SCREENSAVER, IDLE):
            self.own(name)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def own(self, name: str) -> None:
        self.conn.send_and_get_reply(message_bus.RequestName(name), timeout=5)

    def do(self, what: str, arg: Any = None) -> None:
        """Run a command on the serving thread and wait until it is done."""
        done = threading.Event()
        self.commands.put((what, (arg, done)))
        assert done.wait(5), what

    def _serve(self) -> None:
        while self.running:
            while not self.commands.empty():
                what, (arg, done) = self.commands.get()
                self._command(what, arg)
                done.set()
            try:
                msg = self.conn.receive(timeout=0.01)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type is MessageType.method_call:
                self._answer(msg)

    def _command(self, what: str, arg: Any) -> None:
        if what == "focus":
            self.focused = arg
            self.conn.send(new_signal(FOCUS_SIGNALS, "Changed", "sssu", arg))
        elif what == "lock":
            self.locked = arg
            self.conn.send(new_signal(SHIELD_SIGNALS, "ActiveChanged", "b", (arg,)))
        elif what == "release":
            self.conn.send_and_get_reply(message_bus.ReleaseName(arg), timeout=5)
        elif what == "own":
            self.own(arg)

    def _answer(self, msg: Any) -> None:
        member = msg.header.fields.get(3)  # HeaderFields.member
        if member == "Get":
            self.gets += 1
            self.conn.send(new_method_return(msg, "sssu", self.focused))
        elif member == "GetActive":
            self.conn.send(new_method_return(msg, "b", (self.locked,)))
        elif member == "GetIdletime":
            self.conn.send(new_method_return(msg, "t", (self.idle_ms,)))

    def stop(self) -> None:
        self.running = False
        self.thread.join(5)
        self.conn.close()


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    with private_bus(tmp_path) as address:
        yield address


@pytest.fixture
def stand_in(bus: str) -> Iterator[StandIn]:
    serving = StandIn(bus)
    yield serving
    serving.stop()


def session(address: str) -> dict[str, str]:
    return {
        "XDG_SESSION_TYPE": "wayland",
        "XDG_CURRENT_DESKTOP": "GNOME",
        "DBUS_SESSION_BUS_ADDRESS": address,
    }


@pytest.fixture
def probe(stand_in: StandIn) -> Iterator[GnomeFocusProbe]:
    focus = GnomeFocusProbe(session(stand_in.address), desktop_index=DesktopIndex(dirs=[]))
    yield focus
    focus.close()


def classes(probe: GnomeFocusProbe) -> tuple[str, ...] | None:
    window = probe.active_window()
    return None if window is None else window.wm_class


def test_reads_the_focus_once_then_follows_the_signals(
    stand_in: StandIn, probe: GnomeFocusProbe
) -> None:
    assert probe.active_window() is not None
    window = probe.active_window()
    assert window is not None
    assert (window.app_key, window.wm_class, window.title) == (
        "org.example.a", ("org.example.A",), "Title A"
    )
    assert probe.active_window() is window  # nothing changed: the same answer
    assert probe.wait_for_change(0.05) is False
    stand_in.do("focus", WINDOW_B)
    assert probe.wait_for_change(5) is True
    assert classes(probe) == ("org.example.B",)
    stand_in.do("focus", (*WINDOW_B[:2], "Title B, renamed", 0))
    assert probe.wait_for_change(5) is True
    window = probe.active_window()
    assert window is not None
    assert window.title == "Title B, renamed"
    assert stand_in.gets == 1


def test_a_strangers_changed_signal_is_ignored(
    stand_in: StandIn, probe: GnomeFocusProbe
) -> None:
    stranger = open_dbus_connection(bus=stand_in.address)
    try:
        stranger.send(new_signal(FOCUS_SIGNALS, "Changed", "sssu", WINDOW_B))
        assert probe.wait_for_change(0.3) is False
        assert classes(probe) == ("org.example.A",)
    finally:
        stranger.close()


def test_nothing_focused_right_before_a_window_is_one_change(
    stand_in: StandIn, probe: GnomeFocusProbe
) -> None:
    stand_in.do("focus", NOTHING)
    stand_in.do("focus", WINDOW_B)
    assert probe.wait_for_change(5) is True
    assert classes(probe) == ("org.example.B",)
    stand_in.do("focus", NOTHING)
    assert probe.wait_for_change(5) is True
    assert probe.active_window() is None


def test_the_extension_leaving_and_coming_back(stand_in: StandIn, probe: GnomeFocusProbe) -> None:
    stand_in.do("release", BUS_NAME)
    assert probe.wait_for_change(5) is True
    assert probe.active_window() is None
    stand_in.focused = WINDOW_B
    stand_in.do("own", BUS_NAME)
    assert probe.wait_for_change(5) is True
    assert classes(probe) == ("org.example.B",)
    assert stand_in.gets == 2


def test_the_screen_shield_hides_the_focus(stand_in: StandIn, probe: GnomeFocusProbe) -> None:
    stand_in.do("lock", True)
    assert probe.wait_for_change(5) is True
    assert probe.active_window() is None
    stand_in.do("lock", False)
    assert probe.wait_for_change(5) is True
    assert classes(probe) == ("org.example.A",)


def test_locked_at_start(stand_in: StandIn) -> None:
    stand_in.locked = True
    probe = GnomeFocusProbe(session(stand_in.address), desktop_index=DesktopIndex(dirs=[]))
    try:
        assert probe.active_window() is None
    finally:
        probe.close()


def test_wake_and_watched_descriptors_end_a_wait(probe: GnomeFocusProbe) -> None:
    threading.Timer(0.1, probe.wake).start()
    started = time.monotonic()
    assert probe.wait_for_change(30) is False
    assert time.monotonic() - started < 20  # woken, not timed out
    read_fd, write_fd = os.pipe()
    try:
        probe.watch_fd(read_fd)
        os.write(write_fd, b"x")
        assert probe.wait_for_change(30) is False
        probe.unwatch_fd(read_fd)
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_idle_time_from_the_idle_monitor(stand_in: StandIn, probe: GnomeFocusProbe) -> None:
    idle = MutterIdleProbe(probe)
    assert idle.idle_seconds() == 1.5
    stand_in.idle_ms = 42
    assert idle.idle_seconds() == 0.042


def test_a_lost_bus_is_unavailable(bus: str, stand_in: StandIn, probe: GnomeFocusProbe) -> None:
    probe._conn.sock.shutdown(socket.SHUT_RDWR)  # the bus connection breaks, as at log-out
    with pytest.raises(Unavailable, match="lost the session bus"):
        probe.wait_for_change(1)


def test_without_the_extension_on_the_bus_it_says_why(bus: str) -> None:
    with pytest.raises(Unavailable, match="GNOME Shell does not answer on the session bus"):
        GnomeFocusProbe(session(bus), desktop_index=DesktopIndex(dirs=[]))


def test_not_a_gnome_wayland_session() -> None:
    env = {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":0"}
    with pytest.raises(Unavailable, match="not a GNOME Wayland session"):
        GnomeFocusProbe(env)


def test_the_shells_desktop_id_names_the_app(stand_in: StandIn, tmp_path: Path) -> None:
    apps = tmp_path / "applications"
    apps.mkdir()
    (apps / "org.example.A.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Example Editor\nIcon=example-editor\n"
        "Exec=example-editor %F\n"
    )
    probe = GnomeFocusProbe(session(stand_in.address), desktop_index=DesktopIndex(dirs=[apps]))
    try:
        window = probe.active_window()
        assert window is not None
        assert (window.app_key, window.app_name, window.icon) == (
            "org.example.a", "Example Editor", "example-editor"
        )
    finally:
        probe.close()
