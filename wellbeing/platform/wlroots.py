"""wlroots backend: the active window from ``wlr-foreign-toplevel-management-unstable-v1``.

Compositors built on wlroots (sway, Hyprland, river, labwc, Wayfire) announce
every toplevel window to a client that binds
``zwlr_foreign_toplevel_manager_v1``: a handle per window, then its
``title``, ``app_id`` and ``state`` (an array in which ``activated`` marks the
focused one), each batch closed by the handle's own ``done``. The protocol
gives no process id, so :attr:`WindowInfo.pid` and ``exe`` stay None; the app
is named by its app_id the way X11 names it by ``WM_CLASS``: the desktop entry
whose id (or ``StartupWMClass``) is the app_id gives the display name and
icon, and its program the key when it is not an interpreter (so Nautilus is
``nautilus`` on both); otherwise the key is the app_id, lowercased.
:attr:`WindowInfo.wm_class` is ``(app_id,)``, so wm_class rules match it.

A focus switch comes as two batches: the window left loses ``activated`` and
sends ``done``, then the new one gains it and sends its own. In between nothing
is active, which is not a moment with no window focused: after a batch leaves
nothing active, :meth:`WlrootsProbe.wait_for_change` waits up to
:data:`NO_FOCUS_GRACE_SECONDS` for the next one, so a switch is one change, and
"nothing focused" is reported only when it lasts (an empty workspace).

Event-driven like the X11 backend: :meth:`WlrootsProbe.wait_for_change` sleeps
in ``select()`` on the Wayland socket (:mod:`.wayland_conn`) and returns as
soon as the active window, its title or its app_id changed; other events
(other windows' titles, idle notifications of :mod:`.wayland_idle` on the same
connection) are handled without returning. Idle time comes from
:class:`~wellbeing.platform.wayland_idle.WaylandIdleProbe` on the same
connection (see :func:`open_wlroots`).
"""

from __future__ import annotations

import logging
import struct
import time
from dataclasses import dataclass
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.desktop_entries import (
    DesktopIndex,
    is_runtime,
    normalize_class,
    normalize_exe,
    tidy_name,
)
from wellbeing.platform.wayland_conn import WaylandConnection

__all__ = ["NO_FOCUS_GRACE_SECONDS", "TOPLEVEL_MANAGER", "WlrootsProbe", "app_identity"]

log = logging.getLogger("wellbeing.platform")

TOPLEVEL_MANAGER = "zwlr_foreign_toplevel_manager_v1"
"""The global this backend needs."""

NO_FOCUS_GRACE_SECONDS = 0.05
"""How long a batch that leaves no window active waits for the next window's batch."""

_ACTIVATED = 2  # zwlr_foreign_toplevel_handle_v1.state.activated


@dataclass(frozen=True, slots=True)
class AppIdentity:
    """What the app of an app_id is called: key, display name, icon."""

    app_key: str
    app_name: str
    icon: str | None


def app_identity(app_id: str, index: DesktopIndex) -> AppIdentity:
    """Name the app of a Wayland ``app_id`` through the desktop entries, as X11 does WM_CLASS.

    The entry whose desktop-file id, its last dotted part or ``StartupWMClass`` is
    the app_id gives the name and icon; its program is the key unless it is an
    interpreter. Without an entry, the key is the app_id lowercased ("unknown" if empty).
    """
    key = normalize_class(app_id) if app_id else "unknown"
    entry = index.find(key, (app_id,)) if app_id else None
    if entry is None:
        return AppIdentity(key, tidy_name(key), None)
    if entry.exec_name:
        program = normalize_exe(entry.exec_name)
        if program and not is_runtime(program):
            key = program
    return AppIdentity(key, entry.name, entry.icon)


class _Toplevel:
    """One window as last described by the compositor (``done``), and what is pending."""

    __slots__ = ("app_id", "title", "active", "_pending")

    def __init__(self) -> None:
        self.app_id = ""
        self.title = ""
        self.active = False
        self._pending: dict[str, Any] = {}

    def set(self, field: str, value: Any) -> None:
        self._pending[field] = value

    def commit(self) -> bool:
        """Apply what came since the last ``done``; True if anything changed."""
        changed = False
        for field, value in self._pending.items():
            if getattr(self, field) != value:
                setattr(self, field, value)
                changed = True
        self._pending.clear()
        return changed


def _activated(states: bytes) -> bool:
    count = len(states) // 4
    return _ACTIVATED in struct.unpack(f"={count}I", states[: count * 4])


class WlrootsProbe:
    """The focused window of a wlroots compositor.

    Args:
        connection: an open connection (closed with this probe).
        desktop_index: where app names and icons come from.

    Attributes:
        changes: batches that changed the active window, its title or its app_id
            (for tests that guard against spurious wake-ups).

    Raises:
        Unavailable: the compositor does not offer ``zwlr_foreign_toplevel_manager_v1``.
    """

    name = "wlr-foreign-toplevel"
    reports_changes = True
    """Focus and title changes wake :meth:`wait_for_change`: the tracker need not poll."""

    def __init__(
        self, connection: WaylandConnection, *, desktop_index: DesktopIndex | None = None
    ) -> None:
        if not connection.offers(TOPLEVEL_MANAGER):
            raise Unavailable(
                translate("Platform", "the compositor does not offer {protocol} "
                                      "(wlr-foreign-toplevel-management), so the focused window "
                                      "cannot be read").format(protocol=TOPLEVEL_MANAGER),
                hint=translate("Platform", "this backend works on wlroots compositors (sway, "
                                           "Hyprland, river, labwc, Wayfire); on GNOME or KDE use "
                                           "their own backend"),
            )
        from wellbeing.platform.wayland_protocols.wlr_foreign_toplevel_management_unstable_v1 import (  # noqa: E501
            ZwlrForeignToplevelManagerV1,
        )

        self._conn = connection
        self._index = desktop_index if desktop_index is not None else DesktopIndex()
        self._toplevels: dict[Any, _Toplevel] = {}
        self._active: Any = None  # the handle whose last batch said activated
        self._stale = True
        self._info: WindowInfo | None = None
        self._names: dict[str, AppIdentity] = {}
        self._finished = False
        self.changes = 0
        self._manager: Any = connection.bind(ZwlrForeignToplevelManagerV1, 3)
        self._manager.dispatcher["toplevel"] = self._on_toplevel
        self._manager.dispatcher["finished"] = self._on_finished
        connection.on_close(self._destroy)
        connection.roundtrip()  # the existing windows and their state
        connection.roundtrip()

    # -- events ----------------------------------------------------------------------------

    def _on_toplevel(self, _manager: Any, handle: Any) -> None:
        self._toplevels[handle] = _Toplevel()
        handle.dispatcher["title"] = self._on_title
        handle.dispatcher["app_id"] = self._on_app_id
        handle.dispatcher["state"] = self._on_state
        handle.dispatcher["done"] = self._on_done
        handle.dispatcher["closed"] = self._on_closed

    def _on_title(self, handle: Any, title: str) -> None:
        self._toplevels[handle].set("title", title)

    def _on_app_id(self, handle: Any, app_id: str) -> None:
        self._toplevels[handle].set("app_id", app_id)

    def _on_state(self, handle: Any, states: bytes) -> None:
        self._toplevels[handle].set("active", _activated(states))

    def _on_done(self, handle: Any) -> None:
        window = self._toplevels[handle]
        if not window.commit():
            return
        if window.active:
            if handle is not self._active:
                self._active = handle
            self._changed()
        elif handle is self._active:  # it lost the focus (or the focus went elsewhere)
            self._active = None
            self._changed()

    def _on_closed(self, handle: Any) -> None:
        self._toplevels.pop(handle, None)
        if handle is self._active:
            self._active = None
            self._changed()
        handle.destroy()

    def _on_finished(self, _manager: Any) -> None:
        self._finished = True
        log.warning("the compositor stopped reporting windows (foreign toplevel manager finished)")

    def _changed(self) -> None:
        self._stale = True
        self._info = None
        self.changes += 1

    # -- ForegroundProbe ----------------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        """The focused window, or None when no window has focus.

        Raises:
            Unavailable: the connection to the compositor was lost.
        """
        self._conn.pump()
        self._stale = False
        if self._active is None:
            return None
        if self._info is None:
            window = self._toplevels[self._active]
            identity = self._identity(window.app_id)
            self._info = WindowInfo(
                app_key=identity.app_key,
                app_name=identity.app_name,
                title=window.title,
                wm_class=(window.app_id,) if window.app_id else (),
                icon=identity.icon,
            )
        return self._info

    def _identity(self, app_id: str) -> AppIdentity:
        identity = self._names.get(app_id)
        if identity is None:
            identity = self._names[app_id] = app_identity(app_id, self._index)
        return identity

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True once the active window, its title or app_id changed.

        Returns False at the timeout, and early (False) when :meth:`wake` is called or a
        descriptor given to :meth:`watch_fd` is readable.

        Raises:
            Unavailable: the connection to the compositor was lost.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while not self._stale:
            if not self._conn.wait_until(deadline):
                return False
        if self._active is None:
            self._settle()
        return True

    def _settle(self) -> None:
        """Nothing is active after a batch: give the next window's batch a moment to come."""
        deadline = time.monotonic() + NO_FOCUS_GRACE_SECONDS
        while self._active is None and time.monotonic() < deadline:
            if not self._conn.wait_until(deadline):
                return

    def wake(self) -> None:
        """Make a :meth:`wait_for_change` in progress (or the next one) return now."""
        self._conn.wake()

    def watch_fd(self, fd: int) -> None:
        """Also end :meth:`wait_for_change` (False) when ``fd`` is readable; not closed here."""
        self._conn.watch_fd(fd)

    def unwatch_fd(self, fd: int) -> None:
        self._conn.unwatch_fd(fd)

    def close(self) -> None:
        self._conn.close()

    def _destroy(self) -> None:
        """Destroy every handle and stop the manager (before the connection goes)."""
        for handle in self._toplevels:
            handle.destroy()
        self._toplevels.clear()
        self._active = None
        if not self._finished:
            self._manager.stop()
            self._manager.destroy()  # client side only: the compositor ends it after stop

    @property
    def windows(self) -> int:
        """How many windows the compositor has announced and not closed."""
        return len(self._toplevels)
