"""One D-Bus connection shared by threads: replies to their callers, signals to a queue.

The notifier (``platform.notify_dbus``) calls the notification server from the
tracker's and the GUI's threads and listens for its signals meanwhile. jeepney's
threading router does that, but its module imports ``concurrent.futures`` for one
class, which the tray app at rest has no other use for (issue 11; it and ``ctypes``
together were 0.4 MiB). :class:`DBusRouter` does the same on jeepney's blocking
connection, which the tray app already has in memory (``platform.dbus_watch``): one
receiver thread, blocked on the socket while nothing comes (no polling, no CPU),
hands each reply to the call waiting for it and each signal matching a filter to
that filter's queue.

When the bus goes away (or :meth:`DBusRouter.close`), the receiver ends, the calls
waiting and any later call fail with ``ConnectionResetError``, an ``OSError`` as
jeepney's own errors for a lost connection are.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import threading
from typing import Any

log = logging.getLogger("wellbeing.platform")

_JOIN_S = 5.0


class _Waiter:
    """A call waiting for its reply."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: Any = None


class DBusRouter:
    """Routes what arrives on ``conn`` (a ``jeepney.io.blocking.DBusConnection``)."""

    def __init__(self, conn: Any, *, name: str = "wellbeing-dbus-receiver") -> None:
        self._conn = conn
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()  # guards _waiting and _closed
        self._waiting: dict[int, _Waiter] = {}
        self._filters: list[tuple[Any, queue.Queue[Any]]] = []
        self._closed = False
        self._receiver = threading.Thread(target=self._receive, name=name, daemon=True)
        self._receiver.start()

    def filter(self, rule: Any, *, queue: queue.Queue[Any]) -> None:
        """Put every message matching ``rule`` (a ``jeepney.MatchRule``) into ``queue``.

        A full queue drops the message (the receiver never waits for a reader).
        """
        self._filters.append((rule, queue))

    def send_and_get_reply(self, msg: Any, *, timeout: float) -> Any:
        """Send a method call and return its reply.

        Raises:
            TimeoutError: no reply within ``timeout`` seconds.
            ConnectionResetError: the connection is closed, or closed while waiting.
        """
        from jeepney.io.common import check_replyable

        check_replyable(msg)
        waiter = _Waiter()
        with self._lock:
            if self._closed:
                raise ConnectionResetError("the D-Bus connection is closed")
            serial = next(self._conn.outgoing_serial)
            self._waiting[serial] = waiter
        try:
            with self._send_lock:
                self._conn.send(msg, serial=serial)
            if not waiter.done.wait(timeout):
                raise TimeoutError(f"no D-Bus reply within {timeout:g} s")
            if waiter.reply is None:
                raise ConnectionResetError("the D-Bus connection closed during the call")
            return waiter.reply
        finally:
            with self._lock:
                self._waiting.pop(serial, None)

    def close(self) -> None:
        """Stop the receiver, fail the calls still waiting, close the connection."""
        with self._lock:
            self._closed = True
        with contextlib.suppress(OSError):
            self._conn.sock.shutdown(socket.SHUT_RDWR)  # wakes the receiver
        if self._receiver is not threading.current_thread():
            self._receiver.join(_JOIN_S)
        with contextlib.suppress(OSError):
            self._conn.close()

    def _receive(self) -> None:
        from jeepney import HeaderFields

        try:
            while True:
                msg = self._conn.receive()
                reply_to = msg.header.fields.get(HeaderFields.reply_serial)
                if reply_to is not None:
                    with self._lock:
                        waiter = self._waiting.get(reply_to)
                    if waiter is not None:
                        waiter.reply = msg
                        waiter.done.set()
                    continue
                for rule, matched in self._filters:
                    if rule.matches(msg):
                        with contextlib.suppress(queue.Full):
                            matched.put_nowait(msg)
        except (OSError, ValueError, RuntimeError) as exc:  # the bus went away, or close()
            if not self._closed:
                log.info("the session D-Bus connection closed: %s", exc)
        finally:
            with self._lock:
                self._closed = True
                waiting = list(self._waiting.values())
            for waiter in waiting:
                waiter.done.set()  # their reply stays None: the connection closed
