"""X11 window actions: ask a window to close, or minimise it, as the window manager's buttons do.

:class:`X11WindowActions` satisfies ``services.limit_ports.WindowActions``; the
X11 foreground probe hands one out (:meth:`X11Probe.window_actions
<wellbeing.platform.x11.X11Probe.window_actions>`), for the window ids it puts
in :attr:`WindowInfo.handle <wellbeing.platform.base.WindowInfo.handle>`.

- :meth:`~X11WindowActions.request_close` sends the EWMH ``_NET_CLOSE_WINDOW``
  client message to the root window, which is what a title bar's close button
  and a pager do: the window manager asks the app (``WM_DELETE_WINDOW``), and
  the app may offer to save first or refuse. Without an EWMH window manager
  that supports it, ``WM_DELETE_WINDOW`` goes to the window directly, if the
  window takes it. Nothing is ever killed: a window that takes neither is left
  alone (False).
- :meth:`~X11WindowActions.minimise` sends the ICCCM ``WM_CHANGE_STATE`` client
  message with ``IconicState`` to the root window, the standard way for one
  client to ask the window manager to iconify another's window.

It uses an X connection of its own, opened on first use: the probe's
connection belongs to the tracker thread and its event handling, while these
actions come from the GUI thread. A lock makes them safe from any thread.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo

__all__ = ["ICONIC_STATE", "X11WindowActions"]

log = logging.getLogger("wellbeing.platform")

ICONIC_STATE = 3
"""ICCCM ``IconicState``, for ``WM_CHANGE_STATE`` and ``WM_STATE``."""
_SOURCE_PAGER = 2
"""EWMH source indication: a pager or similar tool acting on the user's behalf."""


class X11WindowActions:
    """Closes (politely) and minimises X11 windows by their id.

    Args:
        display: X display name; default ``$DISPLAY``.
        use_ewmh: False skips ``_NET_CLOSE_WINDOW`` and always sends
            ``WM_DELETE_WINDOW`` itself (for tests of that path).
    """

    name = "x11"

    def __init__(self, display: str | None = None, *, use_ewmh: bool = True) -> None:
        self.display_name = display or os.environ.get("DISPLAY") or ""
        self._use_ewmh = use_ewmh
        self._display: Any = None
        self._lock = threading.Lock()

    # -- WindowActions ----------------------------------------------------------------------

    def request_close(self, window: WindowInfo) -> bool:
        """Ask ``window`` to close as its close button would; False if it cannot be asked."""
        if window.handle is None:
            return False
        with self._lock:
            return self._act(window.handle, self._close)

    def minimise(self, window: WindowInfo) -> bool:
        """Ask the window manager to iconify ``window``; False if it cannot be asked."""
        if window.handle is None:
            return False
        with self._lock:
            return self._act(window.handle, self._iconify)

    def close(self) -> None:
        with self._lock:
            self._disconnect()

    # -- internals ---------------------------------------------------------------------------

    def _act(self, wid: int, action: Any) -> bool:
        try:
            d = self._connect()
        except Unavailable as exc:
            log.warning("cannot act on a window: %s", exc.message)
            return False
        from Xlib import error

        try:
            window = d.create_resource_object("window", wid)
            window.get_attributes()  # BadWindow here if it is gone
            done = bool(action(d, window))
            d.sync()  # delivered, and any error reported, before we say so
            return done
        except error.XError as exc:
            log.debug("window 0x%x could not be acted on: %s", wid, exc)
            return False
        except (error.ConnectionClosedError, OSError) as exc:
            log.warning("lost the X connection while acting on a window: %s", exc)
            self._disconnect()
            return False

    def _close(self, d: Any, window: Any) -> bool:
        if self._use_ewmh and self._wm_supports(d, "_NET_CLOSE_WINDOW"):
            self._send_to_root(
                d, window, "_NET_CLOSE_WINDOW", [0, _SOURCE_PAGER, 0, 0, 0]
            )  # 0 = CurrentTime
            return True
        protocols = d.intern_atom("WM_PROTOCOLS")
        delete = d.intern_atom("WM_DELETE_WINDOW")
        if delete not in (window.get_wm_protocols() or ()):
            log.info("window 0x%x takes no WM_DELETE_WINDOW; left open", window.id)
            return False
        from Xlib import X
        from Xlib.protocol import event

        message = event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
        return True

    def _iconify(self, d: Any, window: Any) -> bool:
        self._send_to_root(d, window, "WM_CHANGE_STATE", [ICONIC_STATE, 0, 0, 0, 0])
        return True

    def _send_to_root(self, d: Any, window: Any, kind: str, data: list[int]) -> None:
        from Xlib import X
        from Xlib.protocol import event

        message = event.ClientMessage(
            window=window, client_type=d.intern_atom(kind), data=(32, data)
        )
        d.screen().root.send_event(
            message, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask
        )

    def _wm_supports(self, d: Any, atom_name: str) -> bool:
        from Xlib import X

        root = d.screen().root
        prop = root.get_property(d.intern_atom("_NET_SUPPORTED"), X.AnyPropertyType, 0, 4096)
        return bool(prop) and d.intern_atom(atom_name) in list(prop.value)

    def _connect(self) -> Any:
        if self._display is not None:
            return self._display
        if not self.display_name:
            raise Unavailable(
                translate("Platform", "DISPLAY is not set: this is not an X11 session"))
        try:
            from Xlib import error

            from wellbeing.platform.x11 import open_display
        except ImportError as exc:
            raise Unavailable(translate("Platform", "python-xlib is not installed")) from exc
        try:
            self._display = open_display(self.display_name)
        except (error.DisplayError, error.ConnectionClosedError, error.XauthError, OSError) as exc:
            raise Unavailable(
                translate("Platform", "cannot connect to the X server on {display}: {error}")
                .format(display=self.display_name, error=exc)
            ) from exc
        return self._display

    def _disconnect(self) -> None:
        if self._display is None:
            return
        try:
            self._display.close()
        except Exception as exc:  # noqa: BLE001 - closing a broken connection may fail any way
            log.debug("closing the X connection: %s", exc)
        self._display = None
