"""Idle time as it counts while apps keep the session awake (a video, a presentation).

A film is watched with keyboard and mouse still; the player holds an *idle
inhibitor* (logind ``Inhibit("idle", …)``, ``org.freedesktop.ScreenSaver.Inhibit``)
for as long as it plays. :class:`IdleInhibition` follows whether one is held
and turns the input idle time into the idle time the tracker counts with:

- while an inhibitor is held, idle is 0: the person is taken to be watching;
- once the last one is released, idle runs from the release (or from the last
  input, if that came later), so the usual idle limit applies from then on and
  an idle cut reaches back no further than the end of the film;
- before any inhibitor was seen, idle is the input idle time unchanged.

Times are monotonic seconds, read by the caller when it learned the news.
"""

from __future__ import annotations

import math

__all__ = ["IdleInhibition"]


class IdleInhibition:
    """Whether an idle inhibitor is held, and since when none is."""

    def __init__(self) -> None:
        self._held = False
        self._released_at: float | None = None

    @property
    def held(self) -> bool:
        """Whether some app holds an idle inhibitor now (as last told)."""
        return self._held

    @property
    def released_at(self) -> float | None:
        """Monotonic time the last inhibitor was released; None if none was ever seen held."""
        return self._released_at

    def update(self, held: bool, monotonic: float) -> bool:
        """Record the state learned at ``monotonic``; True if it changed."""
        if held == self._held:
            return False
        self._held = held
        if not held:
            self._released_at = monotonic
        return True

    def effective_idle(self, input_idle: float, monotonic: float) -> float:
        """Idle seconds to count with at ``monotonic``, given the input idle time then."""
        if self._held:
            return 0.0
        if self._released_at is None or not math.isfinite(input_idle):
            return input_idle
        return min(input_idle, max(0.0, monotonic - self._released_at))
