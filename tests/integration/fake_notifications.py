"""A fake notification server on a D-Bus bus: Notify, buttons, and KDE's inhibitions.

It owns ``org.freedesktop.Notifications`` on the bus it is given (a private bus
of the test, never the one dunst serves) and answers ``GetCapabilities``,
``GetServerInformation``, ``Notify``, ``CloseNotification``, ``Inhibit``,
``UnInhibit`` and ``Properties.Get(..., "Inhibited")``. Like GNOME Shell 46
and later, it sends ``ActionInvoked`` and ``NotificationClosed`` only to the
connection that created the notification, so a client listening on another
connection would miss them. Like Plasma, it drops a client's inhibitions when
that client leaves the bus. ``hang=True`` makes it never answer ``Notify``.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MatchRule,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

NOTIFICATIONS = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
_PRIMARY_OWNER = 1


@dataclass(frozen=True)
class Shown:
    """One Notify call as the server received it."""

    sender: str
    id: int
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, Any]
    timeout: int


class FakeNotifications:
    """A thread serving the notification API on ``bus``; use it as a context manager.

    Attributes:
        shown: every Notify call, oldest first.
        inhibitions: cookie -> the sender holding it.
    """

    def __init__(
        self, bus: str, *, capabilities: tuple[str, ...] = ("actions", "body"), hang: bool = False
    ) -> None:
        self.capabilities = list(capabilities)
        self.hang = hang
        self.shown: list[Shown] = []
        self.inhibitions: dict[int, str] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._conn: Any = open_dbus_connection(bus=bus)
        (owned,) = unwrap_msg(
            self._conn.send_and_get_reply(message_bus.RequestName(NOTIFICATIONS, 4), timeout=5)
        )
        if owned != _PRIMARY_OWNER:
            self._conn.close()
            raise RuntimeError(f"{NOTIFICATIONS} is already owned on this bus")
        gone = MatchRule(type="signal", sender="org.freedesktop.DBus", member="NameOwnerChanged")
        unwrap_msg(self._conn.send_and_get_reply(message_bus.AddMatch(gone), timeout=5))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-notifications", daemon=True)
        self._thread.start()

    def last(self) -> Shown:
        with self._lock:
            return self.shown[-1]

    def invoke(self, server_id: int, action: str) -> None:
        """Press a button: ``ActionInvoked`` to the notification's sender only."""
        self._emit(server_id, "ActionInvoked", "us", (server_id, action))

    def close_notification(self, server_id: int, reason: int) -> None:
        """``NotificationClosed`` (1 expired, 2 dismissed, 3 closed by a call) to its sender."""
        self._emit(server_id, "NotificationClosed", "uu", (server_id, reason))

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(10)
        self._conn.close()

    def __enter__(self) -> FakeNotifications:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- serving --------------------------------------------------------------------

    def _emit(self, server_id: int, member: str, signature: str, body: tuple[Any, ...]) -> None:
        """To the sender of ``server_id``; to everyone for an id it never gave (another app's)."""
        with self._lock:
            sender = next((s.sender for s in self.shown if s.id == server_id), None)
        msg = new_signal(DBusAddress(PATH, interface=NOTIFICATIONS), member, signature, body)
        if sender is not None:
            msg.header.fields[HeaderFields.destination] = sender
        self._conn.send(msg)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            kind = msg.header.message_type
            if kind == MessageType.method_call:
                reply = self._answer(msg)
                if reply is not None:
                    self._conn.send(reply)
            elif kind == MessageType.signal:
                name, _old, new = msg.body
                if not new:  # a client left the bus: its inhibitions end
                    with self._lock:
                        for cookie in [c for c, s in self.inhibitions.items() if s == name]:
                            del self.inhibitions[cookie]

    def _answer(self, msg: Any) -> Any:
        member = msg.header.fields.get(HeaderFields.member)
        sender = msg.header.fields.get(HeaderFields.sender)
        if member == "GetCapabilities":
            return new_method_return(msg, "as", (self.capabilities,))
        if member == "GetServerInformation":
            return new_method_return(msg, "ssss", ("fake", "wellbeing tests", "1.0", "1.2"))
        if member == "Notify":
            if self.hang:
                return None
            app, replaces, icon, summary, body, actions, hints, timeout = msg.body
            server_id = replaces or next(self._ids)
            shown = Shown(
                sender, server_id, app, replaces, icon, summary, body, actions, hints, timeout
            )
            with self._lock:
                self.shown.append(shown)
            return new_method_return(msg, "u", (server_id,))
        if member == "CloseNotification":
            return new_method_return(msg)
        if member == "Inhibit" and "inhibitions" in self.capabilities:
            with self._lock:
                cookie = next(self._ids)
                self.inhibitions[cookie] = sender
            return new_method_return(msg, "u", (cookie,))
        if member == "UnInhibit" and "inhibitions" in self.capabilities:
            with self._lock:
                self.inhibitions.pop(msg.body[0], None)
            return new_method_return(msg)
        if member == "Get" and tuple(msg.body) == (NOTIFICATIONS, "Inhibited"):
            with self._lock:
                inhibited = bool(self.inhibitions)
            return new_method_return(msg, "v", (("b", inhibited),))
        return new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),))
