"""A lock-state probe fed by the operating system's own notifications (Windows, macOS).

Windows tells a window of ours about locks (``WM_WTSSESSION_CHANGE``) and
sleep (``WM_POWERBROADCAST``); macOS posts workspace and distributed
notifications. Whoever receives them (a Qt native event filter, a hidden
window's thread, an Objective-C observer) turns each into a
:class:`SessionEvent` and calls :meth:`EventSession.feed`, from any thread.
:meth:`EventSession.is_locked` is then a plain read: the session counts as
locked while the screen is locked, while the machine sleeps (from the
"about to sleep" notice to the wake-up) and while this user's session is
switched away from the console, so none of that time counts as use.

Each change calls the ``on_change`` callbacks (the foreground probe's
``wake``), so a tracker waiting for the next sample takes it at once and the
running interval ends before the machine sleeps.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable

__all__ = ["EventSession", "SessionEvent"]

log = logging.getLogger("wellbeing.platform")


class SessionEvent(enum.Enum):
    """What the operating system said about the session."""

    LOCK = "lock"
    UNLOCK = "unlock"
    SUSPEND = "suspend"
    RESUME = "resume"
    DISCONNECT = "disconnect"
    """This session left the console (fast user switching, a remote session ended)."""
    CONNECT = "connect"
    """This session is on the console (or a remote desktop) again."""


_SETS = {
    SessionEvent.LOCK: ("locked", True),
    SessionEvent.UNLOCK: ("locked", False),
    SessionEvent.SUSPEND: ("asleep", True),
    SessionEvent.RESUME: ("asleep", False),
    SessionEvent.DISCONNECT: ("away", True),
    SessionEvent.CONNECT: ("away", False),
}


class EventSession:
    """SessionProbe whose state is what the notifications fed to it say.

    Args:
        name: shown in logs and ``wellbeing doctor`` ("windows-wts").
        on_change: called (outside the lock) after each change of state.

    Attributes:
        events: how many events were fed, for tests and logs.
    """

    def __init__(self, name: str, on_change: Callable[[], None] | None = None) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._state = {"locked": False, "asleep": False, "away": False}
        self._listeners: list[Callable[[], None]] = [] if on_change is None else [on_change]
        self._closers: list[Callable[[], None]] = []
        self.events = 0

    def feed(self, event: SessionEvent) -> None:
        """Take in one notification; safe from any thread."""
        key, value = _SETS[event]
        with self._lock:
            self.events += 1
            changed = self._state[key] != value
            self._state[key] = value
            listeners = list(self._listeners)
        log.info("session: %s", event.value)
        if changed:
            for listener in listeners:
                listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Also call ``listener`` after each change of state (from the feeding thread)."""
        with self._lock:
            self._listeners.append(listener)

    def on_close(self, closer: Callable[[], None]) -> None:
        """Call ``closer`` when the probe is closed (stops whatever feeds it)."""
        self._closers.append(closer)

    @property
    def asleep(self) -> bool:
        """Between an "about to sleep" notice and the wake-up."""
        with self._lock:
            return self._state["asleep"]

    def is_locked(self) -> bool:
        """Locked, asleep, or switched away from the console: no time counts."""
        with self._lock:
            return any(self._state.values())

    def close(self) -> None:
        closers, self._closers = self._closers, []
        for closer in closers:
            closer()
