"""A fake logind on a (private) bus: one session's lock hint, sleep, and inhibitors.

It owns org.freedesktop.login1 and answers ``Manager.GetSession(s)``,
``Manager.GetSessionByPID(u)``, ``Manager.ListInhibitors()``,
``Manager.Inhibit(ssss)`` and ``Properties.Get(org.freedesktop.login1.Session,
LockedHint)``, counting every method call it serves. Like logind:

- :meth:`FakeLogind.set_locked` emits the session's ``PropertiesChanged`` (with
  the value, or, like some services, only naming it as invalidated);
- ``Inhibit`` hands out the write end of a pipe and keeps the read end, so it
  sees the inhibitor released when every copy of that end is closed
  (:meth:`FakeLogind.delay_held`);
- :meth:`FakeLogind.prepare_for_sleep` emits ``PrepareForSleep(b)``;
- :meth:`FakeLogind.set_idle_inhibitor` adds or removes an ``idle`` block
  inhibitor of another app and emits ``PropertiesChanged`` for ``BlockInhibited``
  on the manager, invalidated only (as logind does).

It runs in a thread with its own jeepney connection, so the probe under test
talks to it over a real bus.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections import Counter
from types import TracebackType
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress, unwrap_msg

LOGIN1 = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER_IFACE = f"{LOGIN1}.Manager"
SESSION_IFACE = f"{LOGIN1}.Session"
SESSION_ID = "c7"
SESSION_PATH = f"/org/freedesktop/login1/session/{SESSION_ID}"
PROPERTIES_IFACE = "org.freedesktop.DBus.Properties"
_PRIMARY_OWNER = 1
VIDEO_PLAYER = ("idle", "Video Player", "Playing a film", "block", os.getuid(), 4242)


class FakeLogind:
    """A thread serving logind's lock hint, sleep and inhibitors; use it as a context manager.

    Args:
        bus: the D-Bus address to serve on.
        locked: the hint at start.

    Attributes:
        calls: method calls served, by member name ("GetSession", "Get", ...).
        inhibitors: what ``ListInhibitors`` answers: (what, who, why, mode, uid, pid).
        taken: the inhibitors handed out by ``Inhibit``: (what, who, why, mode).
    """

    def __init__(self, bus: str, *, locked: bool = False) -> None:
        self.locked = locked
        self.calls: Counter[str] = Counter()
        self.inhibitors: list[tuple[str, str, str, str, int, int]] = []
        self.taken: list[tuple[str, str, str, str]] = []
        self._held: list[int] = []  # read ends of the pipes handed out, while open
        self._conn: Any = open_dbus_connection(bus=bus, enable_fds=True)
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
        session = DBusAddress(SESSION_PATH, interface=PROPERTIES_IFACE)
        if invalidate_only:
            body: tuple[Any, ...] = (SESSION_IFACE, {}, ["LockedHint"])
        else:
            body = (SESSION_IFACE, {"LockedHint": ("b", locked)}, [])
        self._send(new_signal(session, "PropertiesChanged", "sa{sv}as", body))

    def prepare_for_sleep(self, going: bool) -> None:
        """Emit ``PrepareForSleep(going)``: about to sleep (True) or woke up (False)."""
        manager = DBusAddress(MANAGER_PATH, interface=MANAGER_IFACE)
        self._send(new_signal(manager, "PrepareForSleep", "b", (going,)))

    def set_idle_inhibitor(self, held: bool, entry: tuple[Any, ...] = VIDEO_PLAYER) -> None:
        """Add (or remove) an inhibitor and say ``BlockInhibited`` changed (invalidated)."""
        if held:
            self.inhibitors.append(entry)  # type: ignore[arg-type]
        elif entry in self.inhibitors:
            self.inhibitors.remove(entry)  # type: ignore[arg-type]
        manager = DBusAddress(MANAGER_PATH, interface=PROPERTIES_IFACE)
        body = (MANAGER_IFACE, {}, ["BlockInhibited"])
        self._send(new_signal(manager, "PropertiesChanged", "sa{sv}as", body))

    def delay_held(self) -> bool:
        """Whether an inhibitor handed out is still held by someone (its pipe not closed)."""
        for fd in list(self._held):
            if select.select([fd], [], [], 0)[0] and not os.read(fd, 1):
                self._held.remove(fd)  # every write end is closed: released
                os.close(fd)
        return bool(self._held)

    def wait_released(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for every inhibitor handed out to be released."""
        deadline = time.monotonic() + timeout
        while self.delay_held():
            if time.monotonic() > deadline:
                return False
            select.select(list(self._held), [], [], 0.05)
        return True

    def wait_held(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s until an inhibitor handed out is held."""
        deadline = time.monotonic() + timeout
        while not self.delay_held():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def stop(self) -> None:
        """Leave the bus (the name goes away) and end the thread."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(10)
        self._conn.close()
        for fd in self._held:
            os.close(fd)
        self._held.clear()

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
        handed_out: int | None = None
        if member in ("GetSession", "GetSessionByPID"):
            reply = new_method_return(msg, "o", (SESSION_PATH,))
        elif member == "Get" and tuple(msg.body) == (SESSION_IFACE, "LockedHint"):
            reply = new_method_return(msg, "v", (("b", self.locked),))
        elif member == "ListInhibitors":
            reply = new_method_return(msg, "a(ssssuu)", (list(self.inhibitors),))
        elif member == "Inhibit":
            read_end, handed_out = os.pipe()
            self._held.append(read_end)
            self.taken.append(tuple(msg.body))  # type: ignore[arg-type]
            reply = new_method_return(msg, "h", (handed_out,))
        else:
            reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        self._send(reply)
        if handed_out is not None:
            os.close(handed_out)  # the caller has its own copy now
