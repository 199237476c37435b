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
from collections.abc import Callable

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.x11_wire import (
    ANY_PROPERTY_TYPE,
    ATOM,
    NO_EVENT_MASK,
    SUBSTRUCTURE_NOTIFY_MASK,
    SUBSTRUCTURE_REDIRECT_MASK,
    ConnectionLost,
    ConnectionRefused,
    XConnection,
    XError,
)

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
        self._display: XConnection | None = None
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

    def _act(self, wid: int, action: Callable[[XConnection, int], bool]) -> bool:
        try:
            d = self._connect()
        except Unavailable as exc:
            log.warning("cannot act on a window: %s", exc.message)
            return False
        try:
            d.check_window(wid)  # BadWindow here if it is gone
            done = action(d, wid)
            d.sync()  # delivered, and any error reported, before we say so
            return done
        except XError as exc:
            log.debug("window 0x%x could not be acted on: %s", wid, exc)
            return False
        except ConnectionLost as exc:
            log.warning("lost the X connection while acting on a window: %s", exc)
            self._disconnect()
            return False

    def _close(self, d: XConnection, wid: int) -> bool:
        if self._use_ewmh and self._wm_supports(d, "_NET_CLOSE_WINDOW"):
            self._send_to_root(
                d, wid, "_NET_CLOSE_WINDOW", [0, _SOURCE_PAGER, 0, 0, 0]
            )  # 0 = CurrentTime
            return True
        protocols = d.intern_atom("WM_PROTOCOLS")
        delete = d.intern_atom("WM_DELETE_WINDOW")
        taken = d.get_property(wid, protocols, ATOM, 64)
        if not taken or taken[0] != 32 or delete not in taken[1]:
            log.info("window 0x%x takes no WM_DELETE_WINDOW; left open", wid)
            return False
        d.send_client_message(wid, wid, protocols, [delete, 0, 0, 0, 0], NO_EVENT_MASK)
        return True  # 0 = CurrentTime

    def _iconify(self, d: XConnection, wid: int) -> bool:
        self._send_to_root(d, wid, "WM_CHANGE_STATE", [ICONIC_STATE, 0, 0, 0, 0])
        return True

    def _send_to_root(self, d: XConnection, wid: int, kind: str, data: list[int]) -> None:
        d.send_client_message(
            d.root, wid, d.intern_atom(kind), data,
            SUBSTRUCTURE_REDIRECT_MASK | SUBSTRUCTURE_NOTIFY_MASK,
        )

    def _wm_supports(self, d: XConnection, atom_name: str) -> bool:
        prop = d.get_property(d.root, d.intern_atom("_NET_SUPPORTED"), ANY_PROPERTY_TYPE, 4096)
        return prop is not None and prop[0] == 32 and d.intern_atom(atom_name) in prop[1]

    def _connect(self) -> XConnection:
        if self._display is not None:
            return self._display
        if not self.display_name:
            raise Unavailable(
                translate("Platform", "DISPLAY is not set: this is not an X11 session"))
        try:
            self._display = XConnection(self.display_name)
        except ConnectionRefused as exc:
            raise Unavailable(
                translate("Platform", "cannot connect to the X server on {display}: {error}")
                .format(display=self.display_name, error=exc)
            ) from exc
        return self._display

    def _disconnect(self) -> None:
        if self._display is None:
            return
        self._display.close()
        self._display = None
