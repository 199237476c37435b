"""Idle time on Wayland from ``ext-idle-notify-v1`` (KWin 5.27+, sway 1.8+, Hyprland ...).

The protocol tells a client when the seat has had no input for a timeout it
chose (``idled``) and when input came again (``resumed``); it never tells the
idle time itself. :class:`ExtIdleNotifyProbe` asks for a short timeout
(:data:`NOTIFY_AFTER_MS`) and reads the time from the events:

- after ``idled`` (at the last input + the timeout): idle is the timeout plus
  the time since the event, exact to the moment the event was read;
- otherwise idle is below the timeout: it says the time since the last
  ``resumed`` (or since it started), capped at the timeout, which is never
  less than the truth (so an idle cut never reaches back past the last input)
  and is far below any idle limit.

So the time of ``idled`` is right, its events must be read as they come: the
foreground probe's wait serves :meth:`ExtIdleNotifyProbe.fileno` and calls
:meth:`ExtIdleNotifyProbe.dispatch` (``KWinProbe.serve_fd``), without waking
the tracker. It uses ``get_idle_notification``, which honours Wayland idle
inhibitors (a video player showing a film keeps the seat from idling).

pywayland (an optional dependency, ``pip install 'wellbeing[wayland]'``) ships
the protocol's bindings; no system headers are needed.
"""

from __future__ import annotations

import logging
import os
import select
import time
from collections.abc import Callable
from typing import Any

from wellbeing.errors import Unavailable

__all__ = ["NOTIFY_AFTER_MS", "ExtIdleNotifyProbe"]

log = logging.getLogger("wellbeing.platform")

NOTIFY_AFTER_MS = 1000
"""The idle timeout asked of the compositor: the finest idle time it reports."""

_HINT = "install the Wayland extra: pip install 'wellbeing[wayland]' (pywayland)"


class ExtIdleNotifyProbe:
    """IdleProbe over ``ext_idle_notifier_v1`` (see the module docstring).

    Args:
        display: the Wayland display name; default ``$WAYLAND_DISPLAY``.
        monotonic: the clock events are timed on.

    Raises:
        Unavailable: pywayland is missing, no Wayland display answers, or the
            compositor offers no ``ext_idle_notifier_v1``.
    """

    name = "ext-idle-notify-v1"

    def __init__(
        self, display: str | None = None, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        try:
            from pywayland.client.display import Display
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1
            from pywayland.protocol.wayland import WlSeat
        except ImportError as exc:
            raise Unavailable("pywayland is not installed", hint=_HINT) from exc
        name = display or os.environ.get("WAYLAND_DISPLAY")
        if not name:
            raise Unavailable("WAYLAND_DISPLAY is not set: this is not a Wayland session")
        self._monotonic = monotonic
        self._display: Any = Display(name)
        try:
            self._display.connect()
        except (ValueError, RuntimeError, OSError) as exc:
            raise Unavailable(f"cannot connect to the Wayland display {name}: {exc}") from exc
        self._closed = False
        self._seat: Any = None
        self._notifier: Any = None
        self._notification: Any = None
        globals_: dict[str, tuple[int, int]] = {}

        def on_global(registry: Any, id_: int, interface: str, version: int) -> None:
            globals_.setdefault(interface, (id_, version))

        try:
            registry = self._display.get_registry()
            registry.dispatcher["global"] = on_global
            self._display.roundtrip()
            if "ext_idle_notifier_v1" not in globals_ or "wl_seat" not in globals_:
                missing = "ext_idle_notifier_v1" if "wl_seat" in globals_ else "a seat"
                raise Unavailable(f"the compositor on {name} offers no {missing} for idle time")
            self._seat = registry.bind(globals_["wl_seat"][0], WlSeat, 1)
            notifier_id = globals_["ext_idle_notifier_v1"][0]
            self._notifier = registry.bind(notifier_id, ExtIdleNotifierV1, 1)
            self._notification = self._notifier.get_idle_notification(
                NOTIFY_AFTER_MS, self._seat
            )
            self._notification.dispatcher["idled"] = self._on_idled
            self._notification.dispatcher["resumed"] = self._on_resumed
            self._idled_at: float | None = None
            self._active_since = monotonic()
            self._display.roundtrip()
        except Unavailable:
            self.close()
            raise
        except (RuntimeError, OSError) as exc:
            self.close()
            raise Unavailable(f"the Wayland display {name} failed: {exc}") from exc
        self.events = 0

    def fileno(self) -> int:
        """The Wayland socket: readable when an event came (serve it with :meth:`dispatch`)."""
        return int(self._display.get_fd())

    def dispatch(self) -> None:
        """Read and handle the events that have come, without waiting."""
        if self._closed:
            return
        try:
            if select.select([self.fileno()], [], [], 0)[0]:
                self._display.dispatch(block=True)  # readable: reading does not block
            else:
                self._display.dispatch(block=False)
        except (RuntimeError, OSError) as exc:
            raise Unavailable(f"lost the Wayland display: {exc}") from exc

    def idle_seconds(self) -> float:
        """Seconds since the last input (see the module docstring for the precision)."""
        self.dispatch()
        now = self._monotonic()
        timeout = NOTIFY_AFTER_MS / 1000.0
        if self._idled_at is not None:
            return timeout + max(0.0, now - self._idled_at)
        return min(timeout, max(0.0, now - self._active_since))

    def close(self) -> None:
        """Destroy what was created and disconnect (pywayland crashes at exit otherwise)."""
        if self._closed:
            return
        self._closed = True
        try:
            for proxy in (self._notification, self._notifier):
                if proxy is not None:
                    proxy.destroy()
            self._display.roundtrip()
        except (RuntimeError, OSError) as exc:
            log.debug("closing the Wayland idle notification: %s", exc)
        self._display.disconnect()

    def _on_idled(self, notification: Any) -> None:
        self.events += 1
        self._idled_at = self._monotonic()

    def _on_resumed(self, notification: Any) -> None:
        self.events += 1
        self._idled_at = None
        self._active_since = self._monotonic()
