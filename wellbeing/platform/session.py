"""Whether the session is locked: logind's ``LockedHint`` over the system D-Bus, or nothing.

:class:`LogindSession` finds this process's logind session (``$XDG_SESSION_ID``,
else ``GetSessionByPID``), subscribes to the session's ``PropertiesChanged``
signal (and to logind's name changing owner), and reads ``LockedHint`` once.
From then on :meth:`LogindSession.is_locked` only handles the signals that
have arrived, without blocking and without a D-Bus round trip (one ``Get``
only when a signal invalidates the property instead of carrying it). Its
:meth:`~LogindSession.fileno` is the bus socket, readable when a signal
arrives, so an event-driven tracker can sleep on it (``reports_changes``).
Screen lockers that speak to logind set the hint (GNOME, KDE,
xss-lock/light-locker setups). Without a system bus or logind the constructor
raises :class:`~wellbeing.errors.Unavailable`, and selection falls back to
:class:`NeverLocked`, whose name says that locking goes unseen.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from typing import Any

from wellbeing.errors import Unavailable

__all__ = ["LogindSession", "NeverLocked"]

log = logging.getLogger("wellbeing.platform")

_LOGIN1 = "org.freedesktop.login1"
_SESSION_IFACE = f"{_LOGIN1}.Session"
_PROPERTIES_IFACE = "org.freedesktop.DBus.Properties"
_BUS_NAME = "org.freedesktop.DBus"
_LOCKED = "LockedHint"
_TIMEOUT_S = 2.0


class LogindSession:
    """SessionProbe following logind's ``LockedHint`` for this session through its signals.

    Args:
        session_id: the logind session id; default ``$XDG_SESSION_ID``, else the
            session of this process.
        bus: ``"SYSTEM"`` (logind's bus) or a D-Bus address (tests use a session bus).

    Raises:
        Unavailable: jeepney is missing, there is no such bus, logind does not
            run, or this process is in no logind session.
    """

    name = "logind"
    reports_changes = True
    """A lock or unlock makes :meth:`fileno` readable: the tracker need not poll."""

    def __init__(self, session_id: str | None = None, *, bus: str = "SYSTEM") -> None:
        try:
            from jeepney import DBusAddress, HeaderFields, MatchRule, Properties, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable("jeepney is not installed", hint="install jeepney") from exc
        self._errors: tuple[type[BaseException], ...] = (DBusErrorResponse, OSError, TimeoutError)
        self._unwrap = unwrap_msg
        self._MEMBER = HeaderFields.member
        which = "system D-Bus" if bus == "SYSTEM" else f"D-Bus at {bus}"
        try:
            self._conn: Any = open_dbus_connection(bus=bus)
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise Unavailable(f"no {which} to ask logind about the lock screen ({why})") from exc
        self._lost = False
        self._locked = False
        self._changes: deque[Any] = deque()  # signals received, not yet applied
        try:
            manager = DBusAddress(
                "/org/freedesktop/login1", bus_name=_LOGIN1, interface=f"{_LOGIN1}.Manager"
            )
            session_id = session_id or os.environ.get("XDG_SESSION_ID")
            if session_id:
                msg = new_method_call(manager, "GetSession", "s", (session_id,))
            else:
                msg = new_method_call(manager, "GetSessionByPID", "u", (os.getpid(),))
            (path,) = unwrap_msg(self._conn.send_and_get_reply(msg, timeout=_TIMEOUT_S))
            self.session_path: str = path
            # Matched locally without a sender (signals carry logind's unique name, not
            # org.freedesktop.login1); the bus filters by the sender for us.
            for sender in (None, _LOGIN1):
                changed = MatchRule(
                    type="signal",
                    sender=sender,
                    interface=_PROPERTIES_IFACE,
                    member="PropertiesChanged",
                    path=path,
                )
                changed.add_arg_condition(0, _SESSION_IFACE)
                owner = MatchRule(
                    type="signal",
                    sender=_BUS_NAME,
                    interface=_BUS_NAME,
                    member="NameOwnerChanged",
                    path="/org/freedesktop/DBus",
                )
                owner.add_arg_condition(0, _LOGIN1)
                for rule in (changed, owner):
                    if sender is None:
                        self._conn.filter(rule, queue=self._changes)
                    else:
                        add = message_bus.AddMatch(rule)
                        unwrap_msg(self._conn.send_and_get_reply(add, timeout=_TIMEOUT_S))
            session = DBusAddress(path, bus_name=_LOGIN1, interface=_SESSION_IFACE)
            self._get_locked = Properties(session).get(_LOCKED)
            self._locked = self._read_locked()  # subscribed first: no change is missed
        except self._errors as exc:
            self.close()
            raise Unavailable(f"logind cannot tell whether this session is locked: {exc}") from exc

    def is_locked(self) -> bool:
        """logind's ``LockedHint`` as its signals last said; never blocks for a signal.

        Makes a D-Bus round trip only when a signal invalidated the hint without
        its value. If the bus stops answering, the last known value (False once the
        connection or logind is gone), with a log line.
        """
        if self._lost:
            return self._locked
        try:
            while True:
                self._receive_pending()
                if not self._changes:
                    break
                self._apply_changes()
        except TimeoutError as exc:  # a re-read got no answer: keep what was known
            log.debug("re-reading LockedHint timed out: %s", exc)
        except OSError as exc:
            self._lost, self._locked = True, False
            log.warning("lost the D-Bus connection to logind; lock detection stops: %s", exc)
        except self._errors as exc:
            log.debug("re-reading LockedHint failed: %s", exc)
        return self._locked

    def fileno(self) -> int | None:
        """The bus socket (readable when a signal arrives); None once the connection is lost."""
        if self._lost:
            return None
        return int(self._conn.sock.fileno())

    def close(self) -> None:
        try:
            self._conn.close()
        except OSError as exc:
            log.debug("closing the bus connection: %s", exc)

    # -- internals --------------------------------------------------------------------

    def _receive_pending(self) -> None:
        """Queue every signal already received or readable now, without waiting."""
        while True:
            try:
                self._conn.recv_messages(timeout=0)
            except TimeoutError:
                return

    def _read_locked(self) -> bool:
        """``Get LockedHint`` (one round trip); signals queued meanwhile are older: dropped."""
        (variant,) = self._unwrap(
            self._conn.send_and_get_reply(self._get_locked, timeout=_TIMEOUT_S)
        )
        self._changes.clear()
        return bool(variant[1])

    def _apply_changes(self) -> None:
        """Update the hint from the queued signals, re-reading it if one only invalidated it."""
        reread = False
        while self._changes:
            msg = self._changes.popleft()
            if msg.header.fields.get(self._MEMBER) == "NameOwnerChanged":
                _name, _old, new_owner = msg.body
                if new_owner:  # logind (re)started: ask it
                    reread = True
                else:
                    log.info("logind left the bus; the session counts as unlocked")
                    self._locked, reread = False, False
                continue
            _iface, changed, invalidated = msg.body
            if _LOCKED in changed:
                self._locked, reread = bool(changed[_LOCKED][1]), False
            elif _LOCKED in invalidated:
                reread = True
        if reread:
            self._locked = self._read_locked()


class NeverLocked:
    """SessionProbe for when lock detection is unavailable: always reports unlocked."""

    name = "none (lock detection unavailable)"
    reports_changes = True
    """Nothing ever changes, so nothing needs polling."""

    def is_locked(self) -> bool:
        return False

    def close(self) -> None:
        pass
