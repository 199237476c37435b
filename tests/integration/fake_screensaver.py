"""A fake desktop on a (private) session bus: a screen saver and GNOME's session manager.

It owns ``org.freedesktop.ScreenSaver`` and ``org.gnome.SessionManager`` and
behaves as GNOME's pair does (gsd-screensaver-proxy forwards the freedesktop
``Inhibit`` to gnome-session):

- ``org.freedesktop.ScreenSaver``: ``GetActive()``, ``Inhibit(ss) -> u``,
  ``UnInhibit(u)``; :meth:`FakeScreenSaver.set_active` emits ``ActiveChanged(b)``;
- ``org.gnome.SessionManager``: ``IsInhibited(u) -> b`` (true for the idle flag
  8 while an inhibitor is held), and ``InhibitorAdded(o)`` / ``InhibitorRemoved(o)``
  when one is taken or released.

A test takes an inhibitor as a video player does, over its own connection
(:meth:`FakeScreenSaver.inhibit_as_player`). It runs in a thread with its own
jeepney connection and counts the method calls it serves.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from types import TracebackType
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

SCREENSAVER = "org.freedesktop.ScreenSaver"
SCREENSAVER_PATH = "/org/freedesktop/ScreenSaver"
SESSION_MANAGER = "org.gnome.SessionManager"
SESSION_MANAGER_PATH = "/org/gnome/SessionManager"
IDLE_FLAG = 8


class FakeScreenSaver:
    """A thread serving the screen saver and session manager; use it as a context manager.

    Args:
        bus: the D-Bus address to serve on.
        active: the screen saver's state at start.
        inhibit_to_session_manager: own ``org.gnome.SessionManager`` and forward
            inhibitors there (GNOME); without it the inhibitors go unseen.

    Attributes:
        calls: method calls served, by member name.
        cookies: the inhibitors held, by cookie: (application, reason).
    """

    def __init__(
        self, bus: str, *, active: bool = False, inhibit_to_session_manager: bool = True
    ) -> None:
        self.bus = bus
        self.active = active
        self.forward = inhibit_to_session_manager
        self.calls: Counter[str] = Counter()
        self.cookies: dict[int, tuple[str, str]] = {}
        self._next_cookie = itertools.count(1)
        self._conn: Any = open_dbus_connection(bus=bus)
        self._send_lock = threading.Lock()
        names = [SCREENSAVER, *([SESSION_MANAGER] if self.forward else [])]
        for name in names:
            (owned,) = unwrap_msg(
                self._conn.send_and_get_reply(message_bus.RequestName(name, 4), timeout=5)
            )
            if owned != 1:
                self._conn.close()
                raise RuntimeError(f"{name} is already owned on this bus")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-screensaver", daemon=True)
        self._thread.start()

    def set_active(self, active: bool) -> None:
        """Start or stop the screen saver (lock), emitting ``ActiveChanged``."""
        self.active = active
        address = DBusAddress(SCREENSAVER_PATH, interface=SCREENSAVER)
        self._send(new_signal(address, "ActiveChanged", "b", (active,)))

    def inhibit_as_player(self) -> tuple[Any, int]:
        """Take an inhibitor as a video player would: (its connection, the cookie).

        Close the connection, or call :meth:`uninhibit_as_player`, to release it.
        """
        player: Any = open_dbus_connection(bus=self.bus)
        address = DBusAddress(SCREENSAVER_PATH, bus_name=SCREENSAVER, interface=SCREENSAVER)
        call = new_method_call(address, "Inhibit", "ss", ("Video Player", "Playing a film"))
        (cookie,) = unwrap_msg(player.send_and_get_reply(call, timeout=5))
        return player, int(cookie)

    def uninhibit_as_player(self, player: Any, cookie: int) -> None:
        address = DBusAddress(SCREENSAVER_PATH, bus_name=SCREENSAVER, interface=SCREENSAVER)
        unwrap_msg(
            player.send_and_get_reply(
                new_method_call(address, "UnInhibit", "u", (cookie,)), timeout=5
            )
        )
        player.close()

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(10)
        self._conn.close()

    def __enter__(self) -> FakeScreenSaver:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- serving --------------------------------------------------------------------

    def _send(self, msg: Any) -> None:
        with self._send_lock:
            self._conn.send(msg)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type == MessageType.method_call:
                self._answer(msg)

    def _inhibitor_signal(self, member: str, cookie: int) -> None:
        if self.forward:
            address = DBusAddress(SESSION_MANAGER_PATH, interface=SESSION_MANAGER)
            path = f"{SESSION_MANAGER_PATH}/Inhibitor{cookie}"
            self._send(new_signal(address, member, "o", (path,)))

    def _answer(self, msg: Any) -> None:
        member = msg.header.fields.get(HeaderFields.member)
        iface = msg.header.fields.get(HeaderFields.interface)
        self.calls[member] += 1
        after: tuple[str, int] | None = None
        if iface == SCREENSAVER and member == "GetActive":
            reply = new_method_return(msg, "b", (self.active,))
        elif iface == SCREENSAVER and member == "Inhibit":
            cookie = next(self._next_cookie)
            self.cookies[cookie] = tuple(msg.body)  # type: ignore[assignment]
            reply = new_method_return(msg, "u", (cookie,))
            after = ("InhibitorAdded", cookie)
        elif iface == SCREENSAVER and member == "UnInhibit":
            (cookie,) = msg.body
            self.cookies.pop(cookie, None)
            reply = new_method_return(msg)
            after = ("InhibitorRemoved", cookie)
        elif iface == SESSION_MANAGER and member == "IsInhibited" and self.forward:
            (flags,) = msg.body
            reply = new_method_return(msg, "b", (bool(flags & IDLE_FLAG and self.cookies),))
        else:
            reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        self._send(reply)
        if after is not None:
            self._inhibitor_signal(*after)
