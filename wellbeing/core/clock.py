"""The Clock protocol (wall, monotonic and boot time) and a scriptable fake.

Durations come from the monotonic clock; wall time only places them on the
calendar; boot time keeps running through suspend, so ``Δboot − Δmono`` is the
time spent suspended and ``Δwall − Δboot`` is a clock step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Instant:
    """One reading of every clock at the same moment.

    Attributes:
        wall: seconds since the Unix epoch (UTC), as the system believes.
        monotonic: seconds on a clock that never jumps and stops in suspend.
        boot: seconds on a clock that never jumps and runs through suspend.
        utc_offset_min: the local UTC offset in force, in minutes east of UTC.
    """

    wall: float
    monotonic: float
    boot: float
    utc_offset_min: int


class Clock(Protocol):
    """Where time comes from. Inject it; never patch time globally."""

    def now(self) -> Instant:
        """Read all clocks at once."""
        ...


class FakeClock:
    """A clock that tests drive by hand.

    ``advance`` moves every clock; ``suspend`` moves wall and boot but not
    monotonic; ``step_wall`` moves only wall (someone changed the clock);
    ``set_offset`` changes the time zone / DST offset.
    """

    def __init__(
        self,
        wall: float = 1_780_000_000.0,
        *,
        monotonic: float = 1000.0,
        boot: float = 1000.0,
        utc_offset_min: int = 0,
    ) -> None:
        self.wall = wall
        self.monotonic = monotonic
        self.boot = boot
        self.utc_offset_min = utc_offset_min

    def now(self) -> Instant:
        return Instant(self.wall, self.monotonic, self.boot, self.utc_offset_min)

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of ordinary time pass."""
        self.wall += seconds
        self.monotonic += seconds
        self.boot += seconds

    def suspend(self, seconds: float) -> None:
        """Sleep the machine for ``seconds``: monotonic stands still."""
        self.wall += seconds
        self.boot += seconds

    def step_wall(self, seconds: float) -> None:
        """Someone set the wall clock forward (or back, if negative)."""
        self.wall += seconds

    def set_offset(self, utc_offset_min: int) -> None:
        """The time zone or DST changed."""
        self.utc_offset_min = utc_offset_min
