"""A D-Bus connection that collects the signals it subscribed to, read without ever waiting.

The session watchers (:mod:`.session` for logind, :mod:`.screensaver` for the
desktop's screen saver and inhibitors) subscribe to a few signals, then look
at what has arrived only when the tracker takes a sample. The connection's
socket turns readable when a signal comes, so an event-driven tracker sleeps
on it instead of asking. Signals are matched twice: by the bus (``AddMatch``
with the service's well-known name, so nothing else is sent to us) and here
without a sender (signals carry the service's unique name, not the
well-known one).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable

__all__ = ["SignalQueue", "bus_label"]

log = logging.getLogger("wellbeing.platform")

TIMEOUT_S = 2.0
"""Longest a method call may take before the service counts as not answering."""

_BUS_NAME = "org.freedesktop.DBus"


def bus_label(bus: str) -> str:
    """How a bus is named in messages: ``"system D-Bus"``, ``"session D-Bus"`` or its address."""
    if bus == "SYSTEM":
        return translate("Platform", "system D-Bus")
    if bus == "SESSION":
        return translate("Platform", "session D-Bus")
    return translate("Platform", "D-Bus at {address}").format(address=bus)


class SignalQueue:
    """A jeepney connection whose subscribed signals wait in :attr:`queue` until read.

    Args:
        bus: ``"SYSTEM"``, ``"SESSION"`` or a D-Bus address.
        purpose: what the connection is for, ending the sentence "no <bus> to ...".
        enable_fds: allow file descriptors in messages (logind's inhibitors are one).

    Raises:
        Unavailable: jeepney is missing or the bus cannot be reached.
    """

    def __init__(self, bus: str, *, purpose: str, enable_fds: bool = False) -> None:
        try:
            from jeepney import DBusAddress, HeaderFields, MatchRule, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable(translate("Platform", "jeepney is not installed"),
                              hint=translate("Platform", "install jeepney")) from exc
        self.errors: tuple[type[BaseException], ...] = (DBusErrorResponse, OSError, TimeoutError)
        self._address = DBusAddress
        self._rule = MatchRule
        self._method_call = new_method_call
        self._message_bus = message_bus
        self._unwrap = unwrap_msg
        self._MEMBER = HeaderFields.member
        self._PATH = HeaderFields.path
        self._INTERFACE = HeaderFields.interface
        try:
            self.conn: Any = open_dbus_connection(bus=bus, enable_fds=enable_fds)
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise Unavailable(translate("Platform", "no {bus} to {purpose} ({why})").format(
                bus=bus_label(bus), purpose=purpose, why=why)) from exc
        self.queue: deque[Any] = deque()
        self.lost = False

    def subscribe(
        self,
        sender: str,
        interface: str,
        member: str,
        *,
        path: str | None = None,
        arg0: str | None = None,
    ) -> None:
        """Queue the signals ``interface.member`` from ``sender`` (one round trip)."""
        for who in (None, sender):
            rule = self._rule(
                type="signal", sender=who, interface=interface, member=member, path=path
            )
            if arg0 is not None:
                rule.add_arg_condition(0, arg0)
            if who is None:
                self.conn.filter(rule, queue=self.queue)
            else:
                self.call_message(self._message_bus.AddMatch(rule))

    def watch_owner(self, name: str) -> None:
        """Queue ``NameOwnerChanged`` for ``name``: the service started, restarted or left."""
        self.subscribe(
            _BUS_NAME, _BUS_NAME, "NameOwnerChanged", path="/org/freedesktop/DBus", arg0=name
        )

    def has_owner(self, name: str) -> bool:
        """Whether ``name`` is owned on the bus now (one round trip)."""
        (owned,) = self.call_message(self._message_bus.NameHasOwner(name))
        return bool(owned)

    def call(
        self,
        name: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        """Call a method and return the reply's body.

        Raises:
            DBusErrorResponse, OSError, TimeoutError: see :attr:`errors`.
        """
        address = self._address(path, bus_name=name, interface=interface)
        return self.call_message(self._method_call(address, method, signature, body))

    def call_message(self, msg: Any) -> tuple[Any, ...]:
        """Send a prepared method call and return the reply's body (see :meth:`call`)."""
        reply = self.conn.send_and_get_reply(msg, timeout=TIMEOUT_S)
        return tuple(self._unwrap(reply))

    def receive(self) -> None:
        """Queue every signal already received or readable now, without waiting.

        Raises:
            OSError: the connection is lost.
        """
        while True:
            try:
                self.conn.recv_messages(timeout=0)
            except TimeoutError:
                return

    def member(self, msg: Any) -> str:
        return str(msg.header.fields.get(self._MEMBER, ""))

    def path(self, msg: Any) -> str:
        return str(msg.header.fields.get(self._PATH, ""))

    def interface(self, msg: Any) -> str:
        return str(msg.header.fields.get(self._INTERFACE, ""))

    def fileno(self) -> int | None:
        """The bus socket (readable when a signal arrives); None once the connection is lost."""
        if self.lost:
            return None
        return int(self.conn.sock.fileno())

    def close(self) -> None:
        try:
            self.conn.close()
        except OSError as exc:
            log.debug("closing the bus connection: %s", exc)
