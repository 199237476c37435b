"""Reading idle time only when it can matter.

Idle time only changes what is counted once it reaches the idle limit. Right
after a reading of ``i`` seconds, idle can be at most ``i + elapsed`` later on,
so while that bound stays clearly below the limit the reading is not repeated
and the bound is used instead (the core treats every value below the limit
alike). Near or past the limit, and after anything that breaks the bound (a
suspend, a long pause between samples), the platform is asked again. On X11
this saves a server round trip on almost every sample while someone is active.

:meth:`IdleReader.quiet_until` tells a caller that need not sample at all
while nothing happens (an event-driven tracker) how long idle time cannot matter.
"""

from __future__ import annotations

from wellbeing.core.clock import Instant
from wellbeing.platform.base import IdleProbe


class IdleReader:
    """Idle seconds for each sample, asking ``probe`` only when the answer could matter."""

    def __init__(self, probe: IdleProbe, idle_after: float, *, margin: float, max_step: float):
        self.probe = probe
        self.idle_after = idle_after
        self.margin = margin
        self.max_step = max_step
        self.reads = 0
        self._last_read: tuple[float, float] | None = None  # (idle, monotonic) of the last read
        self._previous: Instant | None = None

    def idle_seconds(self, now: Instant) -> float:
        """The idle time at ``now``: measured, or a safe upper bound well below the limit."""
        previous, self._previous = self._previous, now
        if self._last_read is not None and previous is not None:
            step = now.monotonic - previous.monotonic
            slept = (now.boot - previous.boot) - step
            idle, read_at = self._last_read
            bound = idle + (now.monotonic - read_at)
            steady = 0 <= step <= self.max_step and slept < 1.0
            if steady and bound < self.idle_after - self.margin:
                return bound
        self.reads += 1
        idle = self.probe.idle_seconds()
        self._last_read = (idle, now.monotonic)
        return idle

    def quiet_until(self) -> float | None:
        """Monotonic time before which idle time cannot matter; None if the next sample must ask.

        Until then the bound from the last reading stays below ``idle_after - margin``
        whatever happens, so no sample is needed for idle's sake.
        """
        if self._last_read is None:
            return None
        idle, read_at = self._last_read
        until = read_at + (self.idle_after - self.margin - idle)
        return until if until > read_at else None

    def forget(self) -> None:
        """Ask the platform at the next sample (after a pause, say)."""
        self._last_read = None
