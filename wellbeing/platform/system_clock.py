"""The real clock: wall time, monotonic time and boot time read together.

Boot time is ``CLOCK_BOOTTIME`` on Linux, which keeps running through suspend.
Other systems have no such clock in :mod:`time`; there ``boot`` falls back to
the monotonic clock, so suspend cannot be told apart from a clock step by the
difference of the two (the tracker then sees suspend as a gap, never as use).

:func:`local_zone` is the system's time zone with its DST rules, for jobs at a
local time of day (``services.scheduler``): :class:`SystemZone`, which asks the C
library (``time.localtime``), as :meth:`SystemClock.now` does for the UTC offset, so
the two never disagree. It follows PEP 495 as ``zoneinfo`` does (a local time that
happens twice is the first with ``fold=0``; one in a gap is read with the offset
before it). Python's ``zoneinfo`` module would cost the tray app 0.5 MiB at rest
(it reads the interpreter's build configuration to find the zone files; issue 11).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

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
    """The system's time zone with its rules (``$TZ``, else ``/etc/localtime``)."""
    return SYSTEM_ZONE


_EPOCH = datetime(1970, 1, 1)
_DAY_S = 86_400


def _local_seconds(utc_s: int) -> int:
    """The local wall time at POSIX second ``utc_s``, as seconds of a naive epoch."""
    return utc_s + time.localtime(utc_s).tm_gmtoff


def _utc_of_local(local_s: int, fold: int) -> int:
    """The POSIX second at which the local wall time ``local_s`` (naive seconds) is.

    PEP 495: when the wall time happens twice, ``fold`` 0 is the first and 1 the
    second; when it falls into a gap, it is read with the offset in force before
    the gap (``fold`` 0) or after it (``fold`` 1). The search is CPython's own for
    naive datetimes (``datetime._mktime``): try the offsets around ``local_s``.
    """
    before = _local_seconds(local_s) - local_s
    first = local_s - before
    first_wall = _local_seconds(first)
    if first_wall == local_s:
        probe = first + (-_DAY_S, _DAY_S)[fold]
        other = _local_seconds(probe) - probe
        if other == before:
            return first  # the same offset a day either way: no change near here
    else:
        other = first_wall - first
    second = local_s - other
    if _local_seconds(second) == local_s:
        return second
    if first_wall == local_s:
        return first
    return (max, min)[fold](first, second)  # in a gap


def _naive_seconds(moment: datetime) -> int:
    return (moment.replace(tzinfo=None, microsecond=0, fold=0) - _EPOCH) // timedelta(seconds=1)


def _rules_used(dt: datetime) -> time.struct_time:
    """The C library's rules for the offset a local time is read with (in a gap: the
    rules of the side its fold names, which are not those in force at that instant)."""
    local_s = _naive_seconds(dt)
    utc_s = _utc_of_local(local_s, dt.fold)
    offset = local_s - utc_s
    for probe in (utc_s, utc_s - _DAY_S, utc_s + _DAY_S):
        rules = time.localtime(probe)
        if rules.tm_gmtoff == offset:
            return rules
    return time.localtime(utc_s)


class SystemZone(tzinfo):
    """The system's local time zone, its offsets read from the C library at each use."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        local_s = _naive_seconds(dt)
        return timedelta(seconds=local_s - _utc_of_local(local_s, dt.fold))

    def dst(self, dt: datetime | None) -> timedelta | None:
        """One hour while the C library says daylight saving time is in force, else 0.

        (The C library tells whether, not by how much; nothing here uses the amount.)
        """
        if dt is None:
            return None
        return timedelta(hours=1) if _rules_used(dt).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return time.tzname[0]
        return _rules_used(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        """The local time of ``dt`` (a UTC time carrying this zone), ``fold`` set as PEP 495."""
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        utc_s = _naive_seconds(dt)
        offset = time.localtime(utc_s).tm_gmtoff
        local = dt + timedelta(seconds=offset)
        fold = int(_utc_of_local(utc_s + offset, 0) != utc_s)  # the second of a repeated time
        return local.replace(fold=fold)

    def __repr__(self) -> str:
        return "SystemZone()"


SYSTEM_ZONE = SystemZone()


def local_utc_offset_min(utc_ms: int) -> int:
    """The local UTC offset (minutes east) the system's time zone has at ``utc_ms``."""
    return round(time.localtime(utc_ms / 1000).tm_gmtoff / 60)
