"""X11 backend: the focused window from EWMH properties, idle time from MIT-SCREEN-SAVER.

Foreground: root ``_NET_ACTIVE_WINDOW`` -> the window's ``_NET_WM_PID`` (or,
when a client does not set it, the X-Resource extension's client-id query) ->
psutil for the executable; ``WM_CLASS``; the title from ``_NET_WM_NAME``
(UTF-8) or ``WM_NAME``. What identifies a window's app (pid, class, key, name)
is read once per window and kept until the focus moves or the window is
destroyed; the title is re-read only when a ``PropertyNotify`` says it
changed. A steady-state sample is therefore one small request (the active
window), which also guards against any missed event.

:meth:`X11Probe.wait_for_change` listens for ``PropertyNotify`` on the root
window and on the focused window and blocks in ``select()`` on the X socket,
so a focus switch is seen within milliseconds and an idle wait costs no CPU.

A window that vanishes mid-read (``BadWindow``) makes that sample ``None``;
asynchronous X errors go to a handler that logs at debug level instead of
python-xlib's default, which prints to stderr. A lost connection to the X
server raises :class:`~wellbeing.errors.Unavailable`.
"""

from __future__ import annotations

import logging
import os
import select
import time
from dataclasses import dataclass
from typing import Any

import psutil

from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.desktop_entries import DesktopIndex, app_key, tidy_name

__all__ = ["X11IdleProbe", "X11Probe"]

log = logging.getLogger("wellbeing.platform")

_TITLE_LONGS = 1024  # read titles up to 4 KiB in one request
_PROCESS_CACHE_MAX = 512


@dataclass(frozen=True, slots=True)
class _Process:
    create_time: float
    exe: str | None


@dataclass(frozen=True, slots=True)
class _Identity:
    """What names the app of one window; read once per window."""

    wid: int
    pid: int | None
    wm_class: tuple[str, ...]
    exe: str | None
    app_key: str
    app_name: str
    icon: str | None


REVERIFY_SECONDS = 30.0


class X11Probe:
    """The focused window of an X11 session with an EWMH window manager.

    Args:
        display: X display name such as ``":0"``; default ``$DISPLAY``.
        desktop_index: where app names and icons come from (default: this session's
            XDG data dirs, scanned on first use).

    Raises:
        Unavailable: python-xlib is missing, no display is set, the X server
            refuses the connection, or no EWMH window manager runs.
    """

    name = "x11"

    def __init__(
        self, display: str | None = None, *, desktop_index: DesktopIndex | None = None
    ) -> None:
        try:
            from Xlib import X, Xatom, error
            from Xlib import display as xdisplay
        except ImportError as exc:
            raise Unavailable(
                "python-xlib is not installed", hint="install python-xlib (pip install python-xlib)"
            ) from exc
        self._X: Any = X
        self._error: Any = error
        name = display or os.environ.get("DISPLAY")
        if not name:
            raise Unavailable("DISPLAY is not set: this is not an X11 session")
        self.display_name = name
        try:
            self._display: Any = xdisplay.Display(name)
        except (error.DisplayError, error.ConnectionClosedError, error.XauthError, OSError) as exc:
            raise Unavailable(f"cannot connect to the X server on {name}: {exc}") from exc
        self._closed = False
        self._display.set_error_handler(self._on_async_error)
        self._root: Any = self._display.screen().root
        intern = self._display.intern_atom
        self._ACTIVE = intern("_NET_ACTIVE_WINDOW")
        self._PID = intern("_NET_WM_PID")
        self._NET_NAME = intern("_NET_WM_NAME")
        self._WM_NAME = Xatom.WM_NAME
        self._WM_CLASS = Xatom.WM_CLASS
        self._STRING = Xatom.STRING
        self._WINDOW = Xatom.WINDOW
        self._CARDINAL = Xatom.CARDINAL
        try:
            self._require_ewmh(intern)
        except Unavailable:
            self.close()
            raise
        self._has_xres = bool(self._display.has_extension("X-Resource"))
        self._root.change_attributes(event_mask=X.PropertyChangeMask, onerror=self._ignore)
        self._display.flush()
        self._index = desktop_index if desktop_index is not None else DesktopIndex()
        self._identity: _Identity | None = None
        self._title_cache: str | None = None
        self._watched = 0
        # The root's _NET_ACTIVE_WINDOW, valid until a PropertyNotify says it changed: the
        # root's events are selected above, before the first read, so no change is missed.
        self._active_cache: int | None = None
        self._verified_at = time.monotonic()
        self._processes: dict[int, _Process] = {}
        self.requests = 0  # X round trips made by samples, for tests that guard per-sample cost

    # -- set-up ---------------------------------------------------------------------------

    def _require_ewmh(self, intern: Any) -> None:
        wm_check = intern("_NET_SUPPORTING_WM_CHECK")
        supported = intern("_NET_SUPPORTED")
        hint = "run an EWMH window manager (openbox, xfwm4, KWin, Mutter, i3 ... all are)"
        check = self._root.get_property(wm_check, self._WINDOW, 0, 1)
        if not check or not check.value:
            raise Unavailable("no EWMH window manager runs on this display", hint=hint)
        try:
            child = self._display.create_resource_object("window", int(check.value[0]))
            own = child.get_property(wm_check, self._WINDOW, 0, 1)
        except self._error.XError:
            own = None
        if not own or not own.value or int(own.value[0]) != int(check.value[0]):
            raise Unavailable("the window manager that set up this display is gone", hint=hint)
        prop = self._root.get_property(supported, self._X.AnyPropertyType, 0, 4096)
        if not prop or self._ACTIVE not in list(prop.value):
            raise Unavailable("the window manager does not publish _NET_ACTIVE_WINDOW", hint=hint)

    def _on_async_error(self, err: Any, request: Any) -> None:
        log.debug("X error on an asynchronous request (ignored): %s", err)

    def _ignore(self, err: Any, request: Any) -> None:
        log.debug("X error ignored: %s", err)

    # -- ForegroundProbe ------------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        """The focused window, or None when nothing has focus or it vanished mid-read.

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        try:
            self._consume_events()
            if time.monotonic() - self._verified_at > REVERIFY_SECONDS:
                # Belt and braces: should an event ever be missed (a quirky client or
                # window manager), the cached focus and title are re-read now and then.
                self._active_cache = self._title_cache = None
                self._verified_at = time.monotonic()
            wid = self._active_cache
            if wid is None:
                wid = self._active_cache = self._active_wid()
            if not wid:
                self._watch(0)
                return None
            window = self._display.create_resource_object("window", wid)
            identity = self._identity
            if identity is None or identity.wid != wid:
                self._watch(wid)  # before reading, so any later change sends an event
                self._title_cache = None
                identity = self._identity = self._identify(window)
            title = self._title_cache
            if title is None:
                title = self._title_cache = self._title(window)
        except self._error.XError as exc:  # BadWindow/BadDrawable: it vanished mid-read
            log.debug("focused window vanished while being read: %s", exc)
            self._identity = self._title_cache = self._active_cache = None
            return None
        except self._error.ConnectionClosedError as exc:
            raise self._lost(exc) from exc
        return WindowInfo(
            app_key=identity.app_key,
            app_name=identity.app_name,
            title=title,
            wm_class=identity.wm_class,
            pid=identity.pid,
            exe=identity.exe,
            icon=identity.icon,
        )

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True once the focus or the focused window's title changed.

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        try:
            while True:
                if self._consume_events():
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                readable, _, _ = select.select([self._display], [], [], remaining)
                if not readable:
                    return False
        except self._error.ConnectionClosedError as exc:
            raise self._lost(exc) from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._display.close()
        except (self._error.ConnectionClosedError, OSError) as exc:
            log.debug("closing the X connection: %s", exc)

    # -- reading --------------------------------------------------------------------------

    def _active_wid(self) -> int:
        self.requests += 1
        prop = self._root.get_property(self._ACTIVE, self._WINDOW, 0, 1)
        if not prop or not prop.value:
            return 0
        return int(prop.value[0])

    def _title(self, window: Any) -> str:
        """``_NET_WM_NAME``, else ``WM_NAME``; UTF-8 even where a client mislabels it STRING."""
        any_type = self._X.AnyPropertyType
        self.requests += 1
        prop = window.get_property(self._NET_NAME, any_type, 0, _TITLE_LONGS)
        if prop and prop.format == 8 and prop.value:
            return _text(prop.value, "utf-8")
        self.requests += 1
        prop = window.get_property(self._WM_NAME, any_type, 0, _TITLE_LONGS)
        if prop and prop.format == 8 and prop.value:
            return _text(prop.value, "utf-8", strict=prop.property_type == self._STRING)
        return ""

    def _identify(self, window: Any) -> _Identity:
        self.requests += 1
        prop = window.get_property(self._WM_CLASS, self._X.AnyPropertyType, 0, 256)
        wm_class: tuple[str, ...] = ()
        if prop and prop.format == 8 and prop.value:
            wm_class = tuple(_text(prop.value, "latin-1").split("\0")[:2])
        pid = self._window_pid(window)
        exe = self._exe(pid) if pid else None
        key = app_key(exe, wm_class)
        entry = self._index.find(key, wm_class)
        return _Identity(
            wid=window.id,
            pid=pid,
            wm_class=wm_class,
            exe=exe,
            app_key=key,
            app_name=entry.name if entry else tidy_name(key),
            icon=entry.icon if entry else None,
        )

    def _window_pid(self, window: Any) -> int | None:
        self.requests += 1
        prop = window.get_property(self._PID, self._CARDINAL, 0, 1)
        if prop and prop.value:
            return int(prop.value[0])
        if not self._has_xres:
            return None
        from Xlib.ext import res

        self.requests += 1
        reply = self._display.res_query_client_ids(
            [{"client": window.id, "mask": res.LocalClientPIDMask}]
        )
        for client in reply.ids:
            if client.spec.mask & res.LocalClientPIDMask and client.value:
                return int(client.value[0])
        return None

    def _exe(self, pid: int) -> str | None:
        """The executable's basename, cached per pid and guarded against pid reuse."""
        try:
            proc = psutil.Process(pid)
            created = proc.create_time()
            cached = self._processes.get(pid)
            if cached is not None and cached.create_time == created:
                return cached.exe
            try:
                exe = os.path.basename(proc.exe()) or proc.name()
            except (psutil.AccessDenied, psutil.ZombieProcess):
                exe = proc.name()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None
        if len(self._processes) >= _PROCESS_CACHE_MAX:
            self._processes.clear()
        self._processes[pid] = _Process(created, exe)
        return exe

    # -- events ---------------------------------------------------------------------------

    def _watch(self, wid: int) -> None:
        """Listen for title changes and destruction of the focused window only."""
        if wid == self._watched:
            return
        X = self._X
        if self._watched:
            old = self._display.create_resource_object("window", self._watched)
            old.change_attributes(event_mask=X.NoEventMask, onerror=self._ignore)
        if wid:
            new = self._display.create_resource_object("window", wid)
            new.change_attributes(
                event_mask=X.PropertyChangeMask | X.StructureNotifyMask, onerror=self._ignore
            )
        self._watched = wid
        self._display.flush()

    def _consume_events(self) -> bool:
        """Handle every queued event; True if one means the focus or its title changed."""
        X = self._X
        changed = False
        root_id = self._root.id
        while self._display.pending_events():
            event = self._display.next_event()
            kind = event.type
            if kind == X.PropertyNotify:
                wid = event.window.id
                if wid == root_id and event.atom == self._ACTIVE:
                    self._active_cache = None
                    changed = True
                elif wid == self._watched and event.atom in (self._NET_NAME, self._WM_NAME):
                    self._title_cache = None
                    changed = True
                elif wid == self._watched and event.atom in (self._WM_CLASS, self._PID):
                    self._identity = self._title_cache = None
                    changed = True
            elif kind == X.DestroyNotify and event.window.id == self._watched:
                self._identity = self._title_cache = self._active_cache = None
                self._watched = 0
                changed = True
        return changed

    def _lost(self, exc: BaseException) -> Unavailable:
        self._closed = True
        return Unavailable(f"lost the connection to the X server on {self.display_name}: {exc}")

    # -- shared with X11IdleProbe ---------------------------------------------------------

    @property
    def xdisplay(self) -> Any:
        """The python-xlib Display this probe uses (shared with :class:`X11IdleProbe`)."""
        return self._display


class X11IdleProbe:
    """Seconds since the last input, from the MIT-SCREEN-SAVER extension.

    Shares the connection of an :class:`X11Probe`; closing either closes it.

    Raises:
        Unavailable: the X server lacks the MIT-SCREEN-SAVER extension.
    """

    name = "x11-screensaver"

    def __init__(self, probe: X11Probe) -> None:
        self._probe = probe
        display = probe.xdisplay
        if not display.has_extension("MIT-SCREEN-SAVER"):
            raise Unavailable(
                "the X server has no MIT-SCREEN-SAVER extension, so idle time cannot be read",
                hint="enable the MIT-SCREEN-SAVER extension (Xvfb: do not pass "
                "-extension MIT-SCREEN-SAVER)",
            )
        self._root: Any = display.screen().root
        from Xlib import error

        self._error: Any = error

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input.

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        try:
            return float(self._root.screensaver_query_info().idle) / 1000.0
        except self._error.ConnectionClosedError as exc:
            raise Unavailable(f"lost the connection to the X server: {exc}") from exc

    def close(self) -> None:
        self._probe.close()


def _text(value: Any, encoding: str, *, strict: bool = False) -> str:
    """Decode a property; with ``strict``, text that is not valid UTF-8 is read as Latin-1."""
    raw = value if isinstance(value, bytes) else str(value).encode("latin-1", "replace")
    if strict:
        try:
            return raw.decode(encoding).rstrip("\0")
        except UnicodeDecodeError:
            return raw.decode("latin-1").rstrip("\0")
    return raw.decode(encoding, "replace").rstrip("\0")
