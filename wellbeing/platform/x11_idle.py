"""X11 idle time: seconds since the last input, from the MIT-SCREEN-SAVER extension.

:class:`X11IdleProbe` shares the connection of an
:class:`~wellbeing.platform.x11.X11Probe` (one X connection per session) and
tells it after each query that events may wait in the queue.
"""

from __future__ import annotations

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.x11 import X11Probe
from wellbeing.platform.x11_wire import ConnectionLost

__all__ = ["X11IdleProbe"]


class X11IdleProbe:
    """Seconds since the last input, from the MIT-SCREEN-SAVER extension.

    Shares the connection of an :class:`X11Probe`; closing either closes it.

    Raises:
        Unavailable: the X server lacks the MIT-SCREEN-SAVER extension.
    """

    name = "x11-screensaver"

    def __init__(self, probe: X11Probe) -> None:
        self._probe = probe
        try:
            present = probe.xdisplay.extension_opcode("MIT-SCREEN-SAVER") is not None
        except ConnectionLost as exc:
            raise _lost(exc) from exc
        if not present:
            raise Unavailable(
                translate("Platform", "the X server has no MIT-SCREEN-SAVER extension, so idle "
                                      "time cannot be read"),
                hint=translate("Platform", "enable the MIT-SCREEN-SAVER extension (Xvfb: do not "
                                           "pass -extension MIT-SCREEN-SAVER)"),
            )

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input.

        Raises:
            Unavailable: the connection to the X server was lost.
        """
        try:
            self._probe.note_round_trip()
            return self._probe.xdisplay.idle_milliseconds() / 1000.0
        except ConnectionLost as exc:
            raise _lost(exc) from exc

    def close(self) -> None:
        self._probe.close()


def _lost(exc: ConnectionLost) -> Unavailable:
    return Unavailable(translate(
        "Platform", "lost the connection to the X server: {error}").format(error=exc))
