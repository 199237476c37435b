"""X11 backend: the focused window from EWMH properties.

Root ``_NET_ACTIVE_WINDOW`` names the focused window; the properties that name
its app (``WM_CLASS``, ``_NET_WM_PID`` or the X-Resource extension's client-id
query) and its title are read here and decoded and cached by
:mod:`.x11_identity`. Idle time is :mod:`.x11_idle`'s.

What a sample costs is kept small by caching, each cache invalidated by the X
event that says it is out of date:

- The active window id is read once per root ``PropertyNotify`` on
  ``_NET_ACTIVE_WINDOW`` (and every :data:`REVERIFY_SECONDS` in case an event
  was ever missed).
- A window's identity is read once and kept while the window lives.
  ``StructureNotify`` is selected on every cached window, so its
  ``DestroyNotify`` drops the entry before the window id can be reused by a new
  client (X delivers the event before the reply to any later request, and the
  cache is consulted only after the events queued behind the reply to
  ``_NET_ACTIVE_WINDOW`` are handled). ``BadWindow`` on a read drops it too;
  one without ``WM_CLASS`` (some clients set it late) is dropped when the focus
  leaves.
- The focused window's title is re-read when focus arrives and then only when a
  ``PropertyNotify`` says it changed (only the focused window has
  ``PropertyChangeMask`` selected, so background windows retitling themselves
  cost nothing).

A switch to a window seen before therefore costs two round trips (the active
window, then both title properties in one pipelined batch); a steady sample,
none. Openbox sets ``_NET_ACTIVE_WINDOW`` to None and then to the new window on
every switch: :meth:`X11Probe.wait_for_change` lets such a burst settle for
:data:`SETTLE_SECONDS`, and a None read waits up to
:data:`NO_FOCUS_GRACE_SECONDS` for a next value, so a switch is one sample with
one read, not a "nothing focused" sample and a second switch.

:meth:`X11Probe.wait_for_change` blocks in ``select()`` on the X socket and
returns as soon as an event says the focus or the focused window's title (or
app) changed, so a switch is seen within milliseconds and an idle wait costs
no CPU; other events (window moves, root properties) are handled without
returning. :meth:`X11Probe.wake` ends a wait early from another thread or a
signal handler, and a file descriptor given to :meth:`X11Probe.watch_fd` (the
lock-state probe's bus socket) ends it when readable. ``X11Probe.reports_changes``
tells the tracker it need not poll.

A window that vanishes mid-read (``BadWindow``) makes that sample ``None``;
asynchronous X errors are logged at debug level. A lost connection to the X
server raises :class:`~wellbeing.errors.Unavailable`. The protocol itself is
spoken by :mod:`.x11_wire`.
"""

from __future__ import annotations

import logging
import os
import select
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.wakeup import Wakeup
from wellbeing.platform.x11_identity import (
    IdentityCache,
    PropertyValue,
    WindowIdentity,
    identity_of,
    pid_from,
    title_from,
    wm_class_from,
)
from wellbeing.platform.x11_wire import (
    ANY_PROPERTY_TYPE,
    CARDINAL,
    DESTROY_NOTIFY,
    NO_EVENT_MASK,
    PROPERTY_CHANGE_MASK,
    PROPERTY_NOTIFY,
    STRING,
    STRUCTURE_NOTIFY_MASK,
    WINDOW,
    WM_CLASS,
    WM_NAME,
    ConnectionLost,
    ConnectionRefused,
    XConnection,
    XError,
)

if TYPE_CHECKING:
    from wellbeing.platform.x11_actions import X11WindowActions

__all__ = [
    "NO_FOCUS_GRACE_SECONDS",
    "REVERIFY_SECONDS",
    "SETTLE_SECONDS",
    "X11Probe",
]

log = logging.getLogger("wellbeing.platform")

_TITLE_LONGS = 1024  # read titles up to 4 KiB in one request
_CLASS_LONGS = 256

REVERIFY_SECONDS = 30.0
"""The active window and its title are re-read at least this often, events or not."""

NO_FOCUS_GRACE_SECONDS = 0.05
"""How long a None ``_NET_ACTIVE_WINDOW`` may wait for the window manager's next value."""

SETTLE_SECONDS = 0.005
"""After a focus change event, how long :meth:`X11Probe.wait_for_change` waits for more."""


class X11Probe:
    """The focused window of an X11 session with an EWMH window manager.

    Args:
        display: X display name such as ``":0"``; default ``$DISPLAY``.
        desktop_index: where app names and icons come from (default: this session's
            XDG data dirs, scanned on first use).

    Attributes:
        requests: X round trips made by samples (a pipelined batch counts once),
            for tests that guard per-sample cost.
        identifications: windows whose app was looked up (X properties, psutil and
            the desktop index), for tests that guard the identity cache.

    Raises:
        Unavailable: no display is set, the X server refuses the connection, or
            no EWMH window manager runs.
    """

    name = "x11"
    reports_changes = True
    """Focus and title changes wake :meth:`wait_for_change`: the tracker need not poll."""

    def __init__(
        self, display: str | None = None, *, desktop_index: DesktopIndex | None = None
    ) -> None:
        name = display or os.environ.get("DISPLAY")
        if not name:
            raise Unavailable(
                translate("Platform", "DISPLAY is not set: this is not an X11 session"))
        self.display_name = name
        try:
            self._display = XConnection(name)
        except ConnectionRefused as exc:
            raise Unavailable(translate(
                "Platform", "cannot connect to the X server on {display}: {error}").format(
                display=name, error=exc)) from exc
        self._closed = False
        self._wakeup = Wakeup()  # wake() and watch_fd() end wait_for_change
        self._root = self._display.root
        try:
            intern = self._display.intern_atom
            self._ACTIVE = intern("_NET_ACTIVE_WINDOW")
            self._PID = intern("_NET_WM_PID")
            self._NET_NAME = intern("_NET_WM_NAME")
            self._TITLE_ATOMS = (self._NET_NAME, WM_NAME)
            self._IDENTITY_ATOMS = (WM_CLASS, self._PID)
            self._require_ewmh()
            self._has_xres = self._display.extension_opcode("X-Resource") is not None
            self._display.select_events(self._root, PROPERTY_CHANGE_MASK)
            self._display.flush()
        except ConnectionLost as exc:
            self.close()
            raise self._lost(exc) from exc
        except Unavailable:
            self.close()
            raise
        self._index = desktop_index if desktop_index is not None else DesktopIndex()
        # Every cached window has StructureNotify selected; eviction deselects it.
        self._identities = IdentityCache(on_evict=self._on_evicted)
        self._focused = 0  # the window whose properties are watched (PropertyChangeMask)
        self._title: str | None = None  # the focused window's title, None: read it
        # The root's _NET_ACTIVE_WINDOW, valid until a PropertyNotify says it changed: the
        # root's events are selected above, before the first read, so no change is missed.
        self._active: int | None = None
        self._info: WindowInfo | None = None  # the last answer, reused while nothing changed
        self._verified_at = time.monotonic()
        self._stale = False  # an event changed what a sample would read
        self._quiet = False  # wait_for_change saw an empty socket just now
        self._queued = False  # a round trip may have queued events not handled yet
        self.requests = 0
        self.identifications = 0

    # -- set-up ---------------------------------------------------------------------------

    def _require_ewmh(self) -> None:
        intern = self._display.intern_atom
        wm_check = intern("_NET_SUPPORTING_WM_CHECK")
        supported = intern("_NET_SUPPORTED")
        hint = translate(
            "Platform", "run an EWMH window manager (openbox, xfwm4, KWin, Mutter, i3 ... all are)")
        check = self._display.get_property(self._root, wm_check, WINDOW, 1)
        if not check or not check[1]:
            raise Unavailable(
                translate("Platform", "no EWMH window manager runs on this display"), hint=hint)
        child = int(check[1][0])
        try:
            own = self._display.get_property(child, wm_check, WINDOW, 1)
        except XError:
            own = None
        if not own or not own[1] or int(own[1][0]) != child:
            raise Unavailable(translate(
                "Platform", "the window manager that set up this display is gone"), hint=hint)
        prop = self._display.get_property(self._root, supported, ANY_PROPERTY_TYPE, 4096)
        if not prop or prop[0] != 32 or self._ACTIVE not in prop[1]:
            raise Unavailable(translate(
                "Platform", "the window manager does not publish _NET_ACTIVE_WINDOW"), hint=hint)

    # -- ForegroundProbe ------------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        """The focused window, or None when nothing has focus or it vanished mid-read.

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        try:
            if self._quiet:  # nothing arrived since wait_for_change looked
                self._quiet = False
            else:
                self._consume_events()
            self._stale = False
            if time.monotonic() - self._verified_at > REVERIFY_SECONDS:
                # Belt and braces: should an event ever be missed (a quirky client or
                # window manager), the cached focus and title are re-read now and then.
                self._active = self._title = self._info = None
                self._verified_at = time.monotonic()
            if self._info is not None:
                return self._info
            return self._read_focus()
        except ConnectionLost as exc:
            raise self._lost(exc) from exc

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True once the focus or the focused window's title changed.

        Returns False at the timeout, and early (False) when :meth:`wake` is called or a
        descriptor given to :meth:`watch_fd` is readable (its owner must then read it,
        or the next wait returns at once too).

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        try:
            if self._queued:
                self._consume_events()
            while True:
                if self._stale:
                    if self._active is None:
                        self._settle()
                    self._stale = False
                    self._quiet = True  # everything that arrived is handled
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                x_fd = self._display.fileno()
                readable, _, _ = select.select([x_fd, *self._wakeup.fds()], [], [], remaining)
                if not readable:
                    self._quiet = True
                    return False
                if self._wakeup.read_fd in readable:
                    self._wakeup.drain()
                    return False
                if x_fd not in readable:
                    return False  # a watched descriptor: its owner has news
                self._consume_events()
        except ConnectionLost as exc:
            raise self._lost(exc) from exc

    def _settle(self) -> None:
        """Let a burst of focus changes end (openbox: None, then the new window) before reading."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._display], [], [], remaining)[0]:
                return
            self._consume_events()

    def wake(self) -> None:
        """Make a :meth:`wait_for_change` in progress (or the next one) return now.

        Safe from any thread and from a signal handler.
        """
        self._wakeup.wake()

    def watch_fd(self, fd: int) -> None:
        """Also end :meth:`wait_for_change` (False) when ``fd`` is readable; not closed here."""
        self._wakeup.watch(fd)

    def unwatch_fd(self, fd: int) -> None:
        """Stop watching ``fd`` (call before it is closed)."""
        self._wakeup.unwatch(fd)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._display.close()
        self._wakeup.close()

    def window_actions(self) -> X11WindowActions:
        """Close or minimise the windows this probe reports (by :attr:`WindowInfo.handle`).

        Satisfies ``services.limit_ports.WindowActions``; it has an X connection of
        its own (see :mod:`.x11_actions`), opened on first use.
        """
        from wellbeing.platform.x11_actions import X11WindowActions

        return X11WindowActions(self.display_name)

    @property
    def cached_windows(self) -> int:
        """How many windows' identities are cached."""
        return len(self._identities)

    # -- reading --------------------------------------------------------------------------

    def _read_focus(self) -> WindowInfo | None:
        """Read what is out of date (active window, identity, title) and build the answer."""
        wid = self._active
        try:
            if wid is None:
                wid = self._read_active()
            if not wid:
                if self._focus_on(0):
                    self._display.flush()
                return None
            self._focus_on(wid)
            identity = self._identities.lookup(wid)
            title = self._title
            if identity is None:
                identity, title = self._identify(wid)
                self._identities.remember(wid, identity)
            elif title is None:
                title = self._read_title(wid)
            self._consume_events()  # events that came in with the replies
        except XError as exc:  # BadWindow/BadDrawable: it vanished mid-read
            log.debug("focused window vanished while being read: %s", exc)
            if wid:
                self._forget(wid)
            self._active = None
            self._consume_events()
            return None
        info = WindowInfo(
            app_key=identity.app_key,
            app_name=identity.app_name,
            title=title,
            wm_class=identity.wm_class,
            pid=identity.pid,
            exe=identity.exe,
            icon=identity.icon,
            handle=wid,
        )
        if not self._stale:  # else something changed after it was read: sample again
            self._title = title
            self._info = info
        return info

    def _read_active(self) -> int:
        """``_NET_ACTIVE_WINDOW``; a None value waits briefly for the window manager's next.

        Leaves the probe stale if the value changed again after the last read.
        """
        wid = self._active = self._active_wid()
        deadline = time.monotonic() + NO_FOCUS_GRACE_SECONDS
        while not wid:
            if self._active_changed():  # it changed again: read the new value
                wid = self._active = self._active_wid()
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._display], [], [], remaining)[0]:
                break
        # Events that came in with the reply are handled before the identity cache is
        # trusted: a DestroyNotify queued there drops the entry of a window id since reused.
        self._stale = self._active_changed()
        return wid

    def _active_changed(self) -> bool:
        """Handle queued events; True if one says ``_NET_ACTIVE_WINDOW`` changed since read."""
        self._consume_events()
        return self._active is None

    def _active_wid(self) -> int:
        (prop,) = self._properties(self._root, [(self._ACTIVE, WINDOW, 1)])
        if prop is None or not prop[1]:
            return 0
        return int(prop[1][0])

    def _properties(
        self, wid: int, wanted: Sequence[tuple[int, int, int]]
    ) -> list[PropertyValue | None]:
        """Several ``GetProperty`` requests sent together, then their replies: one round trip.

        Args:
            wid: the window.
            wanted: (property atom, type or AnyPropertyType, length in 32-bit units).

        Returns:
            (format, value, type) per property, None where it is not set.

        Raises:
            XError: BadWindow and the like, from the first reply that has one.
        """
        self.requests += 1
        self._queued = True
        return self._display.get_properties(wid, wanted)

    def _read_title(self, wid: int) -> str:
        net_name, wm_name = self._properties(
            wid, [(self._NET_NAME, ANY_PROPERTY_TYPE, _TITLE_LONGS),
                  (WM_NAME, ANY_PROPERTY_TYPE, _TITLE_LONGS)]
        )
        return title_from(net_name, wm_name, string_atom=STRING)

    def _identify(self, wid: int) -> tuple[WindowIdentity, str]:
        """Read a window's app and title in one batch; psutil and the desktop index for the rest."""
        self.identifications += 1
        wm_class_prop, pid_prop, net_name, wm_name = self._properties(
            wid,
            [
                (WM_CLASS, ANY_PROPERTY_TYPE, _CLASS_LONGS),
                (self._PID, CARDINAL, 1),
                (self._NET_NAME, ANY_PROPERTY_TYPE, _TITLE_LONGS),
                (WM_NAME, ANY_PROPERTY_TYPE, _TITLE_LONGS),
            ],
        )
        pid = pid_from(pid_prop)
        if pid is None:
            pid = self._xres_pid(wid)
        identity = identity_of(pid, wm_class_from(wm_class_prop), self._index)
        return identity, title_from(net_name, wm_name, string_atom=STRING)

    def _xres_pid(self, wid: int) -> int | None:
        """The pid of a window's client from X-Resource (xcalc sets no ``_NET_WM_PID``)."""
        if not self._has_xres:
            return None
        self.requests += 1
        self._queued = True
        return self._display.client_pid(wid)

    # -- the identity cache and event selection ------------------------------------------

    def _select(self, wid: int, mask: int) -> None:
        """Set which events of ``wid`` come to us (queued; sent with the next request)."""
        self._display.select_events(wid, mask)

    def _focus_on(self, wid: int) -> bool:
        """Watch ``wid``'s properties; the window left keeps only StructureNotify if cached.

        Selected before anything of ``wid`` is read, so any later change sends an event.

        Returns:
            Whether requests were queued (the focus moved).
        """
        old = self._focused
        if wid == old:
            return False
        if old:
            kept = self._identities.peek(old)
            if kept is not None and not kept.wm_class:
                self._identities.forget(old)  # WM_CLASS may come later: identify it afresh
                kept = None
            self._select(old, STRUCTURE_NOTIFY_MASK if kept else NO_EVENT_MASK)
        if wid:
            self._select(wid, PROPERTY_CHANGE_MASK | STRUCTURE_NOTIFY_MASK)
        self._focused = wid
        self._title = self._info = None
        return True

    def _on_evicted(self, wid: int) -> None:
        """A window left the identity cache: stop its events unless it has the focus."""
        if wid != self._focused:
            self._select(wid, NO_EVENT_MASK)

    def _forget(self, wid: int) -> bool:
        """Drop what is known of ``wid`` (destroyed, or a read said BadWindow).

        Returns:
            Whether it was the focused window.
        """
        self._identities.forget(wid)
        if wid != self._focused:
            return False
        self._focused = 0
        self._active = self._title = self._info = None
        return True

    # -- events ---------------------------------------------------------------------------

    def _consume_events(self) -> None:
        """Handle every queued event; stale if the focus, its title or its app changed."""
        self._queued = False
        display = self._display
        if not display.pending_events():
            return
        root = self._root
        while display.pending_events():
            event = display.next_event()
            kind = event.kind
            if kind == PROPERTY_NOTIFY:
                wid = event.window
                atom = event.atom
                if wid == root:
                    if atom == self._ACTIVE:
                        self._active = self._info = None
                        self._stale = True
                elif wid == self._focused:
                    if atom in self._TITLE_ATOMS:
                        self._title = self._info = None
                        self._stale = True
                    elif atom in self._IDENTITY_ATOMS:
                        self._identities.forget(wid)
                        self._title = self._info = None
                        self._stale = True
            elif kind == DESTROY_NOTIFY and self._forget(event.window):
                self._stale = True

    def _lost(self, exc: BaseException) -> Unavailable:
        self._closed = True
        return Unavailable(translate(
            "Platform", "lost the connection to the X server on {display}: {error}").format(
            display=self.display_name, error=exc))

    # -- shared with x11_idle.X11IdleProbe ----------------------------------------------

    @property
    def xdisplay(self) -> XConnection:
        """The X connection this probe uses (shared with the idle probe)."""
        return self._display

    def note_round_trip(self) -> None:
        """Another user of :attr:`xdisplay` made a round trip: events may wait in the queue."""
        self._queued = True
