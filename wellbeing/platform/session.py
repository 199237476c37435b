"""logind over the system D-Bus: the lock screen, sleep, and apps keeping the session awake.

:class:`LogindSession` finds this process's logind session (``$XDG_SESSION_ID``,
else ``GetSessionByPID``) and subscribes to what logind announces:

- the session's ``LockedHint`` (``PropertiesChanged``): screen lockers that speak
  to logind set it (GNOME, KDE, xss-lock/light-locker setups). The session's
  ``Lock``/``Unlock`` signals are not used: they are *requests* to a screen
  locker, and nothing says whether one obeyed (with i3lock no ``Unlock`` ever
  comes);
- ``PrepareForSleep(true)`` as the machine is about to sleep and
  ``PrepareForSleep(false)`` after it woke. While awake it holds a *delay*
  inhibitor for sleep, so logind waits (up to its ``InhibitDelayMaxSec``, 5 s by
  default) until the tracker has written the running interval and called
  :meth:`LogindSession.ready_for_sleep`, which releases it; it is taken again
  after waking;
- idle inhibitors: ``BlockInhibited`` changing makes it list the inhibitors
  again (``ListInhibitors``); one that blocks ``idle`` and belongs to this user
  (a video player, a presentation) means a still keyboard is no sign of absence.

It reads each state once at start and from then on only handles the signals
that have arrived, without blocking and without a round trip (except a ``Get``
when a signal only invalidates ``LockedHint``, and ``ListInhibitors``). Its
:meth:`~LogindSession.fileno` is the bus socket, readable when a signal
arrives, so an event-driven tracker can sleep on it (``reports_changes``).
Without a system bus or logind the constructor raises
:class:`~wellbeing.errors.Unavailable`; :class:`NeverLocked` then says that
locking goes unseen.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.dbus_watch import SignalQueue

__all__ = ["LogindSession", "NeverLocked"]

log = logging.getLogger("wellbeing.platform")

_LOGIN1 = "org.freedesktop.login1"
_MANAGER_PATH = "/org/freedesktop/login1"
_MANAGER_IFACE = f"{_LOGIN1}.Manager"
_SESSION_IFACE = f"{_LOGIN1}.Session"
_PROPERTIES_IFACE = "org.freedesktop.DBus.Properties"
_LOCKED = "LockedHint"
_BLOCK_INHIBITED = "BlockInhibited"
_WHY_DELAY = "write the screen time in use before the machine sleeps"


class LogindSession:
    """SessionProbe following logind's lock hint, sleep and idle inhibitors through signals.

    Args:
        session_id: the logind session id; default ``$XDG_SESSION_ID``, else the
            session of this process.
        bus: ``"SYSTEM"`` (logind's bus) or a D-Bus address (tests use a session bus).
        delay_sleep: hold a delay inhibitor for sleep while awake (see the module docstring).

    Attributes:
        locked: ``LockedHint`` as the signals handled so far say.
        preparing_sleep: between ``PrepareForSleep(true)`` and ``(false)``.
        idle_held: an idle inhibitor of this user is held.

    Raises:
        Unavailable: jeepney is missing, there is no such bus, logind does not
            run, or this process is in no logind session.
    """

    name = "logind"
    reports_changes = True
    """A change makes :meth:`fileno` readable: the tracker need not poll."""

    def __init__(
        self, session_id: str | None = None, *, bus: str = "SYSTEM", delay_sleep: bool = True
    ) -> None:
        self._bus = SignalQueue(
            bus, purpose=translate("Platform", "ask logind about the lock screen"),
            enable_fds=delay_sleep,
        )
        self._errors = self._bus.errors
        self._delay_sleep = delay_sleep
        self._delay: Any = None  # the delay inhibitor's descriptor while held
        self.locked = False
        self.preparing_sleep = False
        self.idle_held = False
        try:
            session_id = session_id or os.environ.get("XDG_SESSION_ID")
            if session_id:
                found = self._manager("GetSession", "s", (session_id,))
            else:
                found = self._manager("GetSessionByPID", "u", (os.getpid(),))
            self.session_path: str = found[0]
            bus_ = self._bus
            bus_.subscribe(
                _LOGIN1, _PROPERTIES_IFACE, "PropertiesChanged",
                path=self.session_path, arg0=_SESSION_IFACE,
            )
            bus_.watch_owner(_LOGIN1)
            bus_.subscribe(_LOGIN1, _MANAGER_IFACE, "PrepareForSleep", path=_MANAGER_PATH)
            bus_.subscribe(
                _LOGIN1, _PROPERTIES_IFACE, "PropertiesChanged",
                path=_MANAGER_PATH, arg0=_MANAGER_IFACE,
            )
            self.locked = self._read_locked()  # subscribed first: no change is missed
        except self._errors as exc:
            self.close()
            raise Unavailable(translate(
                "Platform", "logind cannot tell whether this session is locked: {error}").format(
                error=exc)) from exc
        self.idle_held = self._read_idle_held()
        self._hold_sleep()

    @property
    def _conn(self) -> Any:
        """The jeepney connection (tests cut it to play a bus going away)."""
        return self._bus.conn

    def is_locked(self) -> bool:
        """logind's ``LockedHint`` as its signals last said; never blocks for a signal.

        If the bus stops answering, the last known value (False once the
        connection or logind is gone), with a log line.
        """
        self.refresh()
        return self.locked

    def refresh(self) -> None:
        """Handle every signal that has arrived (lock, sleep, inhibitors), without waiting."""
        if self._bus.lost:
            return
        try:
            while True:
                self._bus.receive()
                if not self._bus.queue:
                    break
                self._apply_changes()
        except TimeoutError as exc:  # a re-read got no answer: keep what was known
            log.debug("re-reading logind state timed out: %s", exc)
        except OSError as exc:
            self._bus.lost = True
            self.locked = self.preparing_sleep = self.idle_held = False
            self._release_delay()
            log.warning("lost the D-Bus connection to logind; lock detection stops: %s", exc)
        except self._errors as exc:
            log.debug("re-reading logind state failed: %s", exc)

    def ready_for_sleep(self) -> None:
        """What was in use is written: let the machine sleep (release the delay inhibitor)."""
        if self._delay is not None:
            log.info("usage written; the machine may sleep now")
        self._release_delay()

    @property
    def holds_sleep_delay(self) -> bool:
        """Whether the delay inhibitor for sleep is held now."""
        return self._delay is not None

    def fileno(self) -> int | None:
        """The bus socket (readable when a signal arrives); None once the connection is lost."""
        return self._bus.fileno()

    def close(self) -> None:
        self._release_delay()
        self._bus.close()

    # -- internals --------------------------------------------------------------------

    def _manager(self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()
                 ) -> tuple[Any, ...]:
        return self._bus.call(_LOGIN1, _MANAGER_PATH, _MANAGER_IFACE, method, signature, body)

    def _read_locked(self) -> bool:
        """``Get LockedHint`` (a round trip); its signals queued meanwhile are older: dropped."""
        (variant,) = self._bus.call(
            _LOGIN1, self.session_path, _PROPERTIES_IFACE, "Get", "ss", (_SESSION_IFACE, _LOCKED)
        )
        queue = self._bus.queue
        kept = [m for m in queue if self._bus.path(m) != self.session_path]
        queue.clear()
        queue.extend(kept)
        return bool(variant[1])

    def _read_idle_held(self) -> bool:
        """Whether this user holds an inhibitor blocking idle; False if logind cannot say."""
        try:
            (inhibitors,) = self._manager("ListInhibitors")
        except self._errors as exc:
            log.debug("logind did not list its inhibitors: %s", exc)
            return False
        uid = os.getuid()
        for what, who, _why, mode, owner, pid in inhibitors:
            if mode == "block" and "idle" in str(what).split(":") and owner == uid:
                log.debug("idle inhibited by %s (pid %s)", who, pid)
                return True
        return False

    def _hold_sleep(self) -> None:
        """Take the delay inhibitor for sleep, unless held (a failure is logged, not raised)."""
        if not self._delay_sleep or self._delay is not None:
            return
        try:
            (fd,) = self._manager(
                "Inhibit", "ssss", ("sleep", "wellbeing", _WHY_DELAY, "delay")
            )
        except self._errors as exc:
            log.info("cannot ask logind to wait for wellbeing before sleep: %s", exc)
            return
        self._delay = fd

    def _release_delay(self) -> None:
        delay, self._delay = self._delay, None
        if delay is not None:
            try:
                delay.close()
            except OSError as exc:
                log.debug("closing the sleep inhibitor: %s", exc)

    def _apply_changes(self) -> None:
        """Apply the queued signals in order, then re-read what a signal only invalidated."""
        reread_lock = reread_idle = False
        bus = self._bus
        while bus.queue:
            msg = bus.queue.popleft()
            member = bus.member(msg)
            if member == "NameOwnerChanged":
                _name, _old, new_owner = msg.body
                if new_owner:  # logind (re)started: ask it
                    reread_lock = reread_idle = True
                    self._release_delay()  # the old logind's inhibitor went with it
                    self._hold_sleep()
                else:
                    log.info("logind left the bus; the session counts as unlocked")
                    self.locked = self.preparing_sleep = self.idle_held = False
                    reread_lock = reread_idle = False
            elif member == "PrepareForSleep":
                (going,) = msg.body
                self._on_prepare_for_sleep(bool(going))
            elif bus.path(msg) == _MANAGER_PATH:
                _iface, changed, invalidated = msg.body
                if _BLOCK_INHIBITED in changed or _BLOCK_INHIBITED in invalidated:
                    reread_idle = True
            else:
                _iface, changed, invalidated = msg.body
                if _LOCKED in changed:
                    self.locked, reread_lock = bool(changed[_LOCKED][1]), False
                elif _LOCKED in invalidated:
                    reread_lock = True
        if reread_lock:
            self.locked = self._read_locked()
        if reread_idle:
            self.idle_held = self._read_idle_held()

    def _on_prepare_for_sleep(self, going: bool) -> None:
        self.preparing_sleep = going
        if going:
            log.info("the machine is about to sleep")
        else:
            log.info("the machine woke up")
            self._hold_sleep()


class NeverLocked:
    """SessionProbe for when lock detection is unavailable: always reports unlocked."""

    name = "none (lock detection unavailable)"
    reports_changes = True
    """Nothing ever changes, so nothing needs polling."""

    def is_locked(self) -> bool:
        return False

    def close(self) -> None:
        pass
