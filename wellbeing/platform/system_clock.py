"""The real clock: wall time, monotonic time and boot time read together.

Boot time is ``CLOCK_BOOTTIME`` on Linux, which keeps running through suspend.
Other systems have no such clock in :mod:`time`; there ``boot`` falls back to
the monotonic clock, so suspend cannot be told apart from a clock step by the
difference of the two (the tracker then sees suspend as a gap, never as use).

:func:`local_zone` is the system's time zone with its DST rules, for jobs at a
local time of day (``services.scheduler``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wellbeing.core.clock import Instant

_BOOTTIME_ID: int | None = getattr(time, "CLOCK_BOOTTIME", None)


def _boot_reader() -> Callable[[], float]:
    if _BOOTTIME_ID is None:
        return time.monotonic
    clock_id = _BOOTTIME_ID
    try:
        time.clock_gettime(clock_id)
    except OSError:  # a kernel without CLOCK_BOOTTIME (very old Linux)
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)


class SystemClock:
    """Implements :class:`wellbeing.core.clock.Clock` with the operating system's clocks.

    Attributes:
        has_boottime: False when ``boot`` is only the monotonic clock (non-Linux).
    """

    def __init__(self) -> None:
        self._boot = _boot_reader()
        self.has_boottime = self._boot is not time.monotonic

    def now(self) -> Instant:
        """Read all clocks at once, with the local UTC offset in force at that wall time."""
        monotonic = time.monotonic()
        boot = self._boot()
        wall = time.time()
        offset_s = time.localtime(wall).tm_gmtoff
        return Instant(
            wall=wall,
            monotonic=monotonic,
            boot=boot,
            utc_offset_min=round(offset_s / 60),
        )


def local_zone() -> tzinfo:
    """The system's time zone with its rules: ``$TZ``, else ``/etc/localtime``.

    Falls back to the current fixed UTC offset (right until the next DST change)
    when neither names a zone the system knows.
    """
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for key in candidates:
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    try:
        with open("/etc/localtime", "rb") as fh:
            return ZoneInfo.from_file(fh, key="localtime")
    except (OSError, ValueError):
        pass
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def local_utc_offset_min(utc_ms: int) -> int:
    """The local UTC offset (minutes east) the system's time zone has at ``utc_ms``."""
    return round(time.localtime(utc_ms / 1000).tm_gmtoff / 60)
