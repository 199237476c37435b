"""Idle time on Wayland: ``ext-idle-notify-v1``, or KDE's older ``org_kde_kwin_idle``.

Wayland tells a client nothing about input; it only says "idle" once the seat
has had no input for a timeout the client chose, and "resumed" at the next
input. :class:`WaylandIdleProbe` asks for a short timeout
(:data:`IDLE_STEP_SECONDS`) and answers :meth:`~WaylandIdleProbe.idle_seconds`
from the last of those events: 0 while input is recent (the true value is then
below the step), else the step plus the time since "idle" came. So the idle
time is known to within the step, and the tracker's cut at "the last input"
(now minus idle time) lands within it too.

The events arrive on the connection the foreground probe waits on
(:mod:`.wayland_conn`), which dispatches them as they come, so they are
time-stamped when sent rather than when next asked; they do not wake the
tracker (idle time is read when it can matter). Two events per pause in the
input of more than a step is all this costs.

``ext_idle_notifier_v1.get_idle_notification`` honours idle inhibitors (a video
player that keeps the screen on is not idle), and so does ``org_kde_kwin_idle``
on the compositors that offer it; sway 1.7 offers only the latter, KWin both,
newer wlroots compositors the former. The first one offered is used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.wayland_conn import WaylandConnection

__all__ = ["IDLE_PROTOCOLS", "IDLE_STEP_SECONDS", "WaylandIdleProbe"]

IDLE_STEP_SECONDS = 1.0
"""The idle timeout asked of the compositor: idle time is known to within this."""

IDLE_PROTOCOLS = ("ext_idle_notifier_v1", "org_kde_kwin_idle")
"""The idle protocols understood, in the order preferred."""


class WaylandIdleProbe:
    """Seconds since the last input on the compositor's first seat.

    Shares a :class:`WaylandConnection` (with the foreground probe); closing either
    closes it.

    Args:
        connection: an open connection.
        clock: monotonic seconds (injectable for tests).

    Attributes:
        name: ``"ext-idle-notify"`` or ``"kde-idle"``, the protocol in use.

    Raises:
        Unavailable: the compositor offers no seat or neither idle protocol.
    """

    def __init__(
        self, connection: WaylandConnection, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        offered = [p for p in IDLE_PROTOCOLS if connection.offers(p)]
        if not offered:
            raise Unavailable(
                translate("Platform", "the compositor offers no idle protocol (neither "
                                      "ext-idle-notify-v1 nor org_kde_kwin_idle), so time away "
                                      "from the keyboard cannot be told from use"),
                hint=translate("Platform", "use a compositor that supports ext-idle-notify-v1 "
                                           "(sway, Hyprland, KWin, labwc, river ...)"),
            )
        if not connection.offers("wl_seat"):
            raise Unavailable(translate(
                "Platform", "the compositor offers no seat (wl_seat), so no input to watch"))
        from pywayland.protocol.wayland import WlSeat

        self._conn = connection
        self._clock = clock
        self._idle_since: float | None = None  # monotonic time of the last input, when idle
        self._seat: Any = connection.bind(WlSeat, 1)
        timeout_ms = round(IDLE_STEP_SECONDS * 1000)
        if offered[0] == "ext_idle_notifier_v1":
            from wellbeing.platform.wayland_protocols.ext_idle_notify_v1 import ExtIdleNotifierV1

            self.name = "ext-idle-notify"
            self._notifier: Any = connection.bind(ExtIdleNotifierV1, 1)
            self._notification: Any = self._notifier.get_idle_notification(timeout_ms, self._seat)
            self._notification.dispatcher["idled"] = self._on_idle
        else:
            from wellbeing.platform.wayland_protocols.idle import OrgKdeKwinIdle

            self.name = "kde-idle"
            self._notifier = connection.bind(OrgKdeKwinIdle, 1)
            self._notification = self._notifier.get_idle_timeout(self._seat, timeout_ms)
            self._notification.dispatcher["idle"] = self._on_idle
        self._notification.dispatcher["resumed"] = self._on_resumed
        connection.on_close(self._destroy)
        connection.roundtrip()

    def _on_idle(self, _notification: Any) -> None:
        self._idle_since = self._clock() - IDLE_STEP_SECONDS

    def _on_resumed(self, _notification: Any) -> None:
        self._idle_since = None

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input (0 while below the step).

        Raises:
            Unavailable: the connection to the compositor was lost.
        """
        self._conn.pump()
        if self._idle_since is None:
            return 0.0
        return max(0.0, self._clock() - self._idle_since)

    def close(self) -> None:
        self._conn.close()

    def _destroy(self) -> None:
        if self.name == "ext-idle-notify":
            self._notification.destroy()
            self._notifier.destroy()
        else:
            self._notification.release()
            self._notifier.destroy()  # org_kde_kwin_idle has no destructor request: local only
        self._seat.destroy()  # bound at version 1, before wl_seat.release existed: local only
