"""A fake logind on a session bus: owns org.freedesktop.login1 and serves one session's lock hint.

It answers ``Manager.GetSession(s)``, ``Manager.GetSessionByPID(u)`` and
``Properties.Get(org.freedesktop.login1.Session, LockedHint)``, counts every
method call it serves, and :meth:`FakeLogind.set_locked` emits the
``PropertiesChanged`` signal logind sends (with the value, or, like some
services, only naming it as invalidated). It runs in a thread with its own
jeepney connection, so the probe under test talks to it over a real bus.
"""

from __future__ import annotations

import threading
from collections import Counter
from types import TracebackType
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress, unwrap_msg

LOGIN1 = "org.freedesktop.login1"
SESSION_IFACE = f"{LOGIN1}.Session"
SESSION_ID = "c7"
SESSION_PATH = f"/org/freedesktop/login1/session/{SESSION_ID}"
_PRIMARY_OWNER = 1


class FakeLogind:
    """A thread serving logind's lock hint for one session; use it as a context manager.

    Args:
        bus: the D-Bus address to serve on.
        locked: the hint at start.

    Attributes:
        calls: method calls served, by member name ("GetSession", "Get", ...).
    """

    def __init__(self, bus: str, *, locked: bool = False) -> None:
        self.locked = locked
        self.calls: Counter[str] = Counter()
        self._conn: Any = open_dbus_connection(bus=bus)
        self._send_lock = threading.Lock()  # replies (thread) and signals (caller) interleave
        (owned,) = unwrap_msg(
            self._conn.send_and_get_reply(message_bus.RequestName(LOGIN1, 4), timeout=5)
        )  # 4: DO_NOT_QUEUE
        if owned != _PRIMARY_OWNER:
            self._conn.close()
            raise RuntimeError(f"{LOGIN1} is already owned on this bus")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-logind", daemon=True)
        self._thread.start()

    @property
    def total_calls(self) -> int:
        """Every method call served so far."""
        return sum(self.calls.values())

    def set_locked(self, locked: bool, *, invalidate_only: bool = False) -> None:
        """Change the hint and emit ``PropertiesChanged`` (value, or only its name)."""
        self.locked = locked
        session = DBusAddress(SESSION_PATH, interface="org.freedesktop.DBus.Properties")
        if invalidate_only:
            body: tuple[Any, ...] = (SESSION_IFACE, {}, ["LockedHint"])
        else:
            body = (SESSION_IFACE, {"LockedHint": ("b", locked)}, [])
        self._send(new_signal(session, "PropertiesChanged", "sa{sv}as", body))

    def stop(self) -> None:
        """Leave the bus (the name goes away) and end the thread."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(10)
        self._conn.close()

    def __enter__(self) -> FakeLogind:
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

    def _answer(self, msg: Any) -> None:
        member = msg.header.fields.get(HeaderFields.member)
        self.calls[member] += 1  # counted before the reply: a caller sees it once answered
        if member in ("GetSession", "GetSessionByPID"):
            reply = new_method_return(msg, "o", (SESSION_PATH,))
        elif member == "Get" and tuple(msg.body) == (SESSION_IFACE, "LockedHint"):
            reply = new_method_return(msg, "v", (("b", self.locked),))
        else:
            reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        self._send(reply)
