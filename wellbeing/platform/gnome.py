"""GNOME on Wayland: the focused window from wellbeing's Shell extension, idle time from Mutter.

GNOME Shell lets no ordinary program see the focused window on Wayland
(``org.gnome.Shell.Introspect`` refuses, ``Eval`` is locked), so wellbeing's
own small extension (:mod:`.gnome_extension`, ``resources/gnome-shell/``) owns
``io.github.wellbeing.Focus`` on the session bus: ``Get()`` returns the focused
window's (app id, WM class, title, pid), and the ``Changed`` signal carries the
same the moment the focus or the focused window's title changes.

:class:`GnomeFocusProbe` subscribes to that signal on one jeepney connection
and reads ``Get()`` once; from then on :meth:`~GnomeFocusProbe.active_window`
answers from what the signals said, without a round trip, and
:meth:`~GnomeFocusProbe.wait_for_change` sleeps in ``select()`` on the bus
socket (plus a :class:`~.wakeup.Wakeup` and watched descriptors, as the X11
probe does), so nothing polls the shell while nothing changes. Only signals
from the current owner of the extension's name count. A "nothing focused"
signal waits :data:`NO_FOCUS_GRACE_SECONDS` for a next one, so a switch that
passes through no focus is one change. If the extension goes away (disabled)
nothing is focused until it is back; a lost bus raises
:class:`~wellbeing.errors.Unavailable`.

While ``org.gnome.ScreenSaver`` says the screen shield is up, nothing is
focused. Without GDM nothing owns that name, so the lock simply goes unseen
here (logind's ``LockedHint`` is the session probe's business anyway). GNOME
also stops user extensions while the screen is locked (ours does not ask to
run on the lock screen), which ends the focus the same way.

:class:`MutterIdleProbe` asks ``org.gnome.Mutter.IdleMonitor``'s ``GetIdletime``
on the same connection (the tracker reads idle time only when it can matter).
"""

from __future__ import annotations

import logging
import os
import select
import time
from collections import OrderedDict, deque
from collections.abc import Mapping
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.gnome_extension import (
    BUS_NAME,
    INTERFACE,
    OBJECT_PATH,
    installed_version,
    judge,
    read_shell,
    shipped_version,
)
from wellbeing.platform.gnome_session import require_gnome_wayland
from wellbeing.platform.wakeup import Wakeup
from wellbeing.platform.x11_identity import WindowIdentity, identity_of

__all__ = ["NO_FOCUS_GRACE_SECONDS", "GnomeFocusProbe", "MutterIdleProbe", "open_gnome"]

log = logging.getLogger("wellbeing.platform")

NO_FOCUS_GRACE_SECONDS = 0.05
"""How long a "nothing focused" signal waits for the next one before it counts."""

_DBUS = "org.freedesktop.DBus"
_DBUS_PATH = "/org/freedesktop/DBus"
_SCREENSAVER = "org.gnome.ScreenSaver"
_SHIELD = "/org/gnome/ScreenSaver"
_IDLE = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core")
_TIMEOUT_S = 2.0
_IDENTITIES_MAX = 256

Described = tuple[str, str, str, int]
"""(app id, WM class, title, pid) as the extension sends them."""


class GnomeFocusProbe:
    """The focused window of a GNOME Wayland session, from wellbeing's Shell extension.

    Args:
        env: the environment to judge the session by and find the bus in
            (default ``os.environ``).
        desktop_index: where app names and icons come from.

    Raises:
        Unavailable: not a GNOME Wayland session, no session bus, jeepney missing,
            or the extension is not running (the message says why: not installed,
            disabled, waiting for a log-in ...; the hint what to do).
    """

    name = "gnome-shell-extension"
    reports_changes = True
    """Focus and title changes wake :meth:`wait_for_change`: the tracker need not poll."""

    def __init__(
        self, env: Mapping[str, str] | None = None, *, desktop_index: DesktopIndex | None = None
    ) -> None:
        env = os.environ if env is None else env
        require_gnome_wayland(env)
        try:
            from jeepney import DBusAddress, HeaderFields, MatchRule, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable(translate("Platform", "jeepney is not installed"),
                              hint=translate("Platform", "install jeepney")) from exc
        self._unwrap = unwrap_msg
        self._bus = message_bus
        self._errors: tuple[type[BaseException], ...] = (DBusErrorResponse, TimeoutError)
        self._SENDER = HeaderFields.sender
        self._MEMBER = HeaderFields.member
        address = env.get("DBUS_SESSION_BUS_ADDRESS") or "SESSION"
        try:
            self._conn: Any = open_dbus_connection(bus=address)
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            raise Unavailable(translate("Platform", "no session D-Bus to ask GNOME Shell "
                                                    "({error})").format(error=exc)) from exc
        self._closed = False
        self._wakeup = Wakeup()
        self._index = desktop_index if desktop_index is not None else DesktopIndex()
        self._identities: OrderedDict[tuple[str, str, int], WindowIdentity] = OrderedDict()
        self._signals: deque[Any] = deque()
        self._focus = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
        self._get = new_method_call(self._focus, "Get")
        screensaver = DBusAddress(_SHIELD, bus_name=_SCREENSAVER, interface=_SCREENSAVER)
        self._get_active = new_method_call(screensaver, "GetActive")
        self._owner: str | None = None  # the extension's unique bus name
        self._screensaver: str | None = None
        self._described: Described | None = None
        self._info: WindowInfo | None = None
        self._locked = False
        self._stale = False  # a signal changed what active_window answers
        try:
            self._subscribe(MatchRule)
            self._owner = self._name_owner(BUS_NAME)
            if self._owner is None:
                status = judge(read_shell(self._conn), installed_version(env), shipped_version())
                raise Unavailable(status.detail, hint=status.fix)
            self._refresh()
            self._screensaver = self._name_owner(_SCREENSAVER)
            if self._screensaver is not None:
                self._locked = self._read_locked()
        except (*self._errors, OSError) as exc:
            self.close()
            raise Unavailable(translate("Platform", "GNOME Shell did not answer on the session "
                                                    "bus: {error}").format(error=exc)) from exc
        except Unavailable:
            self.close()
            raise
        self._stale = False

    # -- set-up ---------------------------------------------------------------------------

    def _subscribe(self, match_rule: Any) -> None:
        """Route the extension's, the screen shield's and the owners' signals to our queue.

        Each rule is matched here without a sender (a signal carries its sender's
        unique name) and sent to the bus with one (the bus resolves well-known names);
        :meth:`_apply` then checks the sender against the names' current owners.
        """
        owner_changed = {"interface": _DBUS, "member": "NameOwnerChanged", "path": _DBUS_PATH}
        screen_shield = {"interface": _SCREENSAVER, "member": "ActiveChanged", "path": _SHIELD}
        wanted: list[tuple[dict[str, str], str, str | None]] = [
            ({"interface": INTERFACE, "member": "Changed", "path": OBJECT_PATH}, BUS_NAME, None),
            (screen_shield, _SCREENSAVER, None),
            (owner_changed, _DBUS, BUS_NAME),
            (owner_changed, _DBUS, _SCREENSAVER),
        ]
        for fields, sender, arg0 in wanted:
            for rule_sender in (None, sender):
                rule = match_rule(type="signal", sender=rule_sender, **fields)
                if arg0 is not None:
                    rule.add_arg_condition(0, arg0)
                if rule_sender is None:
                    self._conn.filter(rule, queue=self._signals)
                else:
                    self._call(self._bus.AddMatch(rule))

    def _call(self, msg: Any) -> Any:
        return self._unwrap(self._conn.send_and_get_reply(msg, timeout=_TIMEOUT_S))

    def _name_owner(self, name: str) -> str | None:
        (has,) = self._call(self._bus.NameHasOwner(name))
        if not has:
            return None
        (owner,) = self._call(self._bus.GetNameOwner(name))
        return str(owner)

    def _refresh(self) -> None:
        """``Get()`` from the extension; ``Changed`` signals queued meanwhile are older: dropped."""
        app_id, wm_class, title, pid = self._call(self._get)
        self._drop_queued("Changed")
        self._show((str(app_id), str(wm_class), str(title), int(pid)))

    def _read_locked(self) -> bool:
        try:
            (active,) = self._call(self._get_active)
        except self._errors as exc:
            log.debug("org.gnome.ScreenSaver.GetActive failed: %s", exc)
            return False
        self._drop_queued("ActiveChanged")
        return bool(active)

    def _drop_queued(self, member: str) -> None:
        kept = [m for m in self._signals if m.header.fields.get(self._MEMBER) != member]
        self._signals.clear()
        self._signals.extend(kept)

    # -- ForegroundProbe ------------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        """The focused window as the last signal said; None while nothing is or it is locked.

        Raises:
            Unavailable: the session bus went away.
        """
        self._handle_pending()
        self._stale = False
        return None if self._locked else self._info

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True once the focus, its title or the lock changed.

        Returns False at the timeout, and early (False) when :meth:`wake` is called or a
        descriptor given to :meth:`watch_fd` is readable (its owner then reads it).

        Raises:
            Unavailable: the session bus went away.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        sock = self._conn.sock
        while True:
            self._handle_pending()
            if self._stale:
                if self._info is None and not self._locked:
                    self._settle()
                self._stale = False
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            readable, _, _ = select.select([sock, *self._wakeup.fds()], [], [], remaining)
            if not readable:
                return False
            if self._wakeup.read_fd in readable:
                self._wakeup.drain()
                return False
            if sock not in readable:
                return False  # a watched descriptor: its owner has news

    def _settle(self) -> None:
        """Give a "nothing focused" signal a moment for the next window's signal to follow."""
        deadline = time.monotonic() + NO_FOCUS_GRACE_SECONDS
        while self._info is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._conn.sock], [], [], remaining)[0]:
                return
            self._handle_pending()

    def wake(self) -> None:
        """Make a :meth:`wait_for_change` in progress (or the next one) return now.

        Safe from any thread and from a signal handler.
        """
        self._wakeup.wake()

    def watch_fd(self, fd: int) -> None:
        """Also end :meth:`wait_for_change` (False) when ``fd`` is readable; not closed here."""
        self._wakeup.watch(fd)

    def unwatch_fd(self, fd: int) -> None:
        self._wakeup.unwatch(fd)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._conn.close()
        except OSError as exc:
            log.debug("closing the session bus connection: %s", exc)
        self._wakeup.close()

    # -- signals --------------------------------------------------------------------------

    def _handle_pending(self) -> None:
        """Take every message already received or readable now, without waiting, and apply it."""
        try:
            while True:
                try:
                    self._conn.recv_messages(timeout=0)
                except TimeoutError:
                    break
            while self._signals:
                self._apply(self._signals.popleft())
        except OSError as exc:
            raise self._lost(exc) from exc
        except self._errors as exc:  # a Get after the extension came back failed
            log.warning("the wellbeing GNOME Shell extension did not answer: %s", exc)
            self._show(None)

    def _apply(self, msg: Any) -> None:
        fields = msg.header.fields
        member = fields.get(self._MEMBER)
        sender = fields.get(self._SENDER)
        if member == "NameOwnerChanged":
            if sender != _DBUS:
                return
            name, _old, new = msg.body
            if name == BUS_NAME:
                self._owner = new or None
                if new:
                    log.info("the wellbeing GNOME Shell extension is back")
                    self._refresh()
                else:
                    # GNOME stops extensions while the screen is locked, so this is
                    # usual; a disabled extension also ends here (doctor tells).
                    log.info(
                        "the wellbeing GNOME Shell extension stopped (screen locked, or "
                        "disabled); no app counts as focused until it is back"
                    )
                    self._show(None)
            elif name == _SCREENSAVER:
                self._screensaver = new or None
                self._set_locked(bool(new) and self._read_locked())
        elif member == "Changed" and sender is not None and sender == self._owner:
            app_id, wm_class, title, pid = msg.body
            self._show((str(app_id), str(wm_class), str(title), int(pid)))
        elif member == "ActiveChanged" and sender is not None and sender == self._screensaver:
            self._set_locked(bool(msg.body[0]))

    def _set_locked(self, locked: bool) -> None:
        if locked != self._locked:
            self._locked = locked
            self._stale = True
            log.info("screen shield %s", "up" if locked else "down")

    def _show(self, described: Described | None) -> None:
        """Make ``described`` the focused window (None or all-empty: nothing focused)."""
        if described is not None and not any(described[:2]):
            described = None
        if described == self._described:
            return
        self._described = described
        self._info = None if described is None else self._window(described)
        self._stale = True

    def _window(self, described: Described) -> WindowInfo:
        app_id, wm_class, title, pid = described
        identity = self._identify(app_id, wm_class, pid)
        return WindowInfo(
            app_key=identity.app_key,
            app_name=identity.app_name,
            title=title,
            wm_class=identity.wm_class,
            pid=identity.pid,
            exe=identity.exe,
            icon=identity.icon,
        )

    def _identify(self, app_id: str, wm_class: str, pid: int) -> WindowIdentity:
        """The app behind a window, named as on X11 (psutil's executable, else the class)."""
        key = (app_id, wm_class, pid)
        identity = self._identities.get(key)
        if identity is not None:
            self._identities.move_to_end(key)
            return identity
        classes = (wm_class,) if wm_class else (app_id,)
        identity = identity_of(pid or None, classes, self._index)
        entry = self._index.find(app_id) if app_id else None  # the shell's own desktop id
        if entry is not None:
            identity = WindowIdentity(
                identity.pid, identity.wm_class, identity.exe, identity.app_key,
                entry.name, entry.icon,
            )
        self._identities[key] = identity
        while len(self._identities) > _IDENTITIES_MAX:
            self._identities.popitem(last=False)
        return identity

    def _lost(self, exc: BaseException) -> Unavailable:
        self._closed = True
        return Unavailable(translate("Platform", "lost the session bus, so GNOME Shell cannot "
                                                 "be asked: {error}").format(error=exc))

    # -- shared with MutterIdleProbe ------------------------------------------------------

    def call(self, msg: Any) -> Any:
        """A method call on this probe's connection; signals meanwhile wait for the next wait."""
        return self._call(msg)


class MutterIdleProbe:
    """Seconds since the last input, from ``org.gnome.Mutter.IdleMonitor``'s ``GetIdletime``.

    Shares the connection of a :class:`GnomeFocusProbe`; closing either closes it.

    Raises:
        Unavailable: Mutter's idle monitor does not answer.
    """

    name = "mutter-idle-monitor"

    def __init__(self, focus: GnomeFocusProbe) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import DBusErrorResponse

        self._errors: tuple[type[BaseException], ...] = (DBusErrorResponse, TimeoutError)
        self._focus = focus
        monitor = DBusAddress(_IDLE[1], bus_name=_IDLE[0], interface=_IDLE[0])
        self._get_idletime = new_method_call(monitor, "GetIdletime")
        self.idle_seconds()

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input.

        Raises:
            Unavailable: the idle monitor or the session bus went away.
        """
        try:
            (ms,) = self._focus.call(self._get_idletime)
        except OSError as exc:
            raise Unavailable(translate("Platform", "lost the session bus: {error}")
                              .format(error=exc)) from exc
        except self._errors as exc:
            raise Unavailable(translate("Platform", "Mutter's idle monitor did not answer: "
                                                    "{error}").format(error=exc)) from exc
        return float(ms) / 1000.0

    def close(self) -> None:
        self._focus.close()


def open_gnome(env: Mapping[str, str] | None = None) -> tuple[GnomeFocusProbe, MutterIdleProbe]:
    """The foreground and idle probes of a GNOME Wayland session (``platform.select``'s builder).

    Raises:
        Unavailable: see :class:`GnomeFocusProbe` and :class:`MutterIdleProbe`.
    """
    focus = GnomeFocusProbe(env)
    try:
        idle = MutterIdleProbe(focus)
    except Unavailable:
        focus.close()
        raise
    return focus, idle
