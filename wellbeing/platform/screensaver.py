"""The desktop's screen saver and idle inhibitors, from the session D-Bus.

:class:`ScreenSaverWatch` follows, through their signals:

- **the screen saver or locker**, ``ActiveChanged(b)`` of
  ``org.freedesktop.ScreenSaver`` (KWin, xfce4-screensaver, cinnamon, mate,
  xscreensaver's bridge) and ``org.gnome.ScreenSaver`` (GNOME Shell). Active
  counts as locked: nobody uses a blanked or locked screen;
- **idle inhibitors taken through** ``org.freedesktop.ScreenSaver.Inhibit``, as
  far as a third party can see them. The freedesktop interface itself offers
  no way to ask whether an inhibitor is held, nor a signal when one is taken,
  so they are read where the desktops forward them: GNOME's
  ``org.gnome.SessionManager`` (``IsInhibited(8)``, the idle flag, asked again
  on ``InhibitorAdded``/``InhibitorRemoved``; gsd-screensaver-proxy forwards
  ``org.freedesktop.ScreenSaver.Inhibit`` there, and the portal's and
  browsers' GNOME inhibitors land there too) and KDE's PowerDevil policy agent
  (``HasInhibition(4)``, "change screen settings", asked again on
  ``InhibitionsChanged``; kscreenlocker forwards ``Inhibit`` there). Elsewhere
  (a bare window manager with xscreensaver, say) such inhibitors go unseen;
  logind's ``idle`` inhibitors are :mod:`.session`'s.

Each state is asked once at start, only of services that are running (so
nothing is started by D-Bus activation), and again when a service starts or
restarts (``NameOwnerChanged``); a service leaving counts as inactive. From
then on only signals are handled, without blocking (``reports_changes``);
:meth:`ScreenSaverWatch.fileno` is the bus socket.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.dbus_watch import SignalQueue

__all__ = ["ScreenSaverWatch"]

log = logging.getLogger("wellbeing.platform")


@dataclass(frozen=True, slots=True)
class _Service:
    """A session service whose one boolean state is followed.

    Attributes:
        name: its bus name (also its interface).
        path: its object.
        query: the method that answers the state (a boolean).
        signature, args: the query's arguments.
        signals: signals saying the state may have changed; ``ActiveChanged`` carries it.
    """

    name: str
    path: str
    query: str
    signature: str | None
    args: tuple[Any, ...]
    signals: tuple[str, ...]


LOCKERS = (
    _Service(
        "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "GetActive", None, (),
        ("ActiveChanged",),
    ),
    _Service(
        "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "GetActive", None, (),
        ("ActiveChanged",),
    ),
)
"""Screen savers and lockers: active means nobody is using the screen."""

INHIBITORS = (
    _Service(
        "org.gnome.SessionManager", "/org/gnome/SessionManager", "IsInhibited", "u", (8,),
        ("InhibitorAdded", "InhibitorRemoved"),
    ),
    _Service(
        "org.kde.Solid.PowerManagement.PolicyAgent",
        "/org/kde/Solid/PowerManagement/PolicyAgent",
        "HasInhibition", "u", (4,),
        ("InhibitionsChanged",),
    ),
)
"""Where desktops keep the idle inhibitors apps take (see the module docstring)."""


class ScreenSaverWatch:
    """Follows the screen savers and idle-inhibitor services of the session bus.

    Args:
        bus: ``"SESSION"`` or a D-Bus address.

    Attributes:
        locked: a screen saver or locker is active.
        idle_held: an app holds an idle inhibitor the desktop reports.
        running: the services that answered at start, by bus name.

    Raises:
        Unavailable: jeepney is missing or there is no session bus.
    """

    name = "screen saver"
    reports_changes = True
    preparing_sleep = False
    """Sleep is logind's business (:mod:`.session`)."""

    def __init__(self, bus: str = "SESSION") -> None:
        self._bus = SignalQueue(bus, purpose=translate("Platform", "follow the screen saver"))
        self._errors = self._bus.errors
        self._state: dict[str, bool] = {}
        self._by_name = {service.name: service for service in (*LOCKERS, *INHIBITORS)}
        try:
            for service in self._by_name.values():
                for signal in service.signals:
                    self._bus.subscribe(service.name, service.name, signal)
                self._bus.watch_owner(service.name)
            self.running = [name for name in self._by_name if self._bus.has_owner(name)]
            for name in self.running:
                self._ask(name)
        except self._errors as exc:
            self.close()
            raise Unavailable(translate("Platform", "the session bus did not answer: {error}")
                              .format(error=exc)) from exc
        self._bus.queue.clear()  # everything signalled so far is in the answers
        self.locked = self._any(LOCKERS)
        self.idle_held = self._any(INHIBITORS)

    def is_locked(self) -> bool:
        self.refresh()
        return self.locked

    def refresh(self) -> None:
        """Handle every signal that has arrived, without waiting."""
        if self._bus.lost:
            return
        try:
            while True:
                self._bus.receive()
                if not self._bus.queue:
                    break
                self._apply_changes()
        except OSError as exc:
            self._bus.lost = True
            self._state.clear()
            log.warning("lost the session D-Bus; screen saver detection stops: %s", exc)
        self.locked = self._any(LOCKERS)
        self.idle_held = self._any(INHIBITORS)

    def fileno(self) -> int | None:
        """The bus socket (readable when a signal arrives); None once the connection is lost."""
        return self._bus.fileno()

    def close(self) -> None:
        self._bus.close()

    # -- internals --------------------------------------------------------------------

    def _any(self, services: tuple[_Service, ...]) -> bool:
        return any(self._state.get(service.name, False) for service in services)

    def _ask(self, name: str) -> None:
        service = self._by_name[name]
        try:
            (value,) = self._bus.call(
                name, service.path, name, service.query, service.signature, service.args
            )
        except TimeoutError as exc:  # keep what was known
            log.debug("%s did not answer %s in time: %s", name, service.query, exc)
            return
        except OSError:
            raise  # the connection is lost
        except self._errors as exc:  # not running after all, or it has no such method
            log.debug("%s did not answer %s: %s", name, service.query, exc)
            value = False
        self._state[name] = bool(value)

    def _apply_changes(self) -> None:
        """Apply the queued signals in order, then ask the services whose state may have changed."""
        bus = self._bus
        ask: set[str] = set()
        while bus.queue:
            msg = bus.queue.popleft()
            member = bus.member(msg)
            if member == "NameOwnerChanged":
                name, _old, new_owner = msg.body
                if new_owner:
                    ask.add(name)
                else:
                    self._state[name] = False
                    ask.discard(name)
            elif member == "ActiveChanged":
                name = bus.interface(msg)
                if name in self._by_name:
                    (active,) = msg.body
                    self._state[name] = bool(active)
                    ask.discard(name)
            elif bus.interface(msg) in self._by_name:
                ask.add(bus.interface(msg))
        for name in ask:
            self._ask(name)
