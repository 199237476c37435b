"""Whether the session is locked: logind's ``LockedHint`` over the system D-Bus, or nothing.

:class:`LogindSession` finds this process's logind session (``$XDG_SESSION_ID``,
else ``GetSessionByPID``) and reads its ``LockedHint`` property on each call
(one small D-Bus round trip). Screen lockers that speak to logind set it
(GNOME, KDE, xss-lock/light-locker setups). Without a system bus or logind the
constructor raises :class:`~wellbeing.errors.Unavailable`, and selection falls
back to :class:`NeverLocked`, whose name says that locking goes unseen.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from wellbeing.errors import Unavailable

__all__ = ["LogindSession", "NeverLocked"]

log = logging.getLogger("wellbeing.platform")

_LOGIN1 = "org.freedesktop.login1"
_TIMEOUT_S = 2.0


class LogindSession:
    """SessionProbe reading logind's ``LockedHint`` for this session.

    Args:
        session_id: the logind session id; default ``$XDG_SESSION_ID``, else the
            session of this process.

    Raises:
        Unavailable: jeepney is missing, there is no system bus, logind does not
            run, or this process is in no logind session.
    """

    name = "logind"

    def __init__(self, session_id: str | None = None) -> None:
        try:
            from jeepney import DBusAddress, Properties, new_method_call
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable("jeepney is not installed", hint="install jeepney") from exc
        self._errors: tuple[type[BaseException], ...] = (DBusErrorResponse, OSError, TimeoutError)
        self._unwrap = unwrap_msg
        try:
            self._conn: Any = open_dbus_connection(bus="SYSTEM")
        except (OSError, RuntimeError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise Unavailable(
                f"no system D-Bus to ask logind about the lock screen ({why})"
            ) from exc
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
            session = DBusAddress(path, bus_name=_LOGIN1, interface=f"{_LOGIN1}.Session")
            self._get_locked = Properties(session).get("LockedHint")
            self.is_locked()
        except self._errors as exc:
            self.close()
            raise Unavailable(f"logind cannot tell whether this session is locked: {exc}") from exc

    def is_locked(self) -> bool:
        """logind's ``LockedHint`` now; False (and a debug log) if the bus stops answering."""
        try:
            reply = self._conn.send_and_get_reply(self._get_locked, timeout=_TIMEOUT_S)
            (variant,) = self._unwrap(reply)
        except self._errors as exc:
            log.debug("reading LockedHint failed: %s", exc)
            return False
        return bool(variant[1])

    def close(self) -> None:
        try:
            self._conn.close()
        except OSError as exc:
            log.debug("closing the system bus connection: %s", exc)


class NeverLocked:
    """SessionProbe for when lock detection is unavailable: always reports unlocked."""

    name = "none (lock detection unavailable)"

    def is_locked(self) -> bool:
        return False

    def close(self) -> None:
        pass
