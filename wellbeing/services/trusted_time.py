"""Trusted time: the tracking day and "now" with this boot's clock changes taken out.

Each time the wall clock is set (it moved more or less than boot time), the
enforcer records a ``clock_jump`` event naming the boot it happened in. Locks
and the day follow wall time minus the jumps of *this* boot
(``core.limits.trusted_wall_ms``), so setting the clock past a lock's date does
not end the lock early; a new boot (or a system without a boot id) trusts its clock.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from wellbeing.core.days import local_date_of
from wellbeing.core.limits import LimitEvent, limit_clock_at, trusted_wall_ms
from wellbeing.services.limit_ports import LimitStore

__all__ = ["JUMP_LOOKBACK_DAYS", "current_boot_id", "this_boot_jumps", "trusted_moment"]

JUMP_LOOKBACK_DAYS = 60
"""How far back stored clock jumps of this boot are looked for at start."""

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def current_boot_id() -> str:
    """An id of this boot (Linux), or "" where the system has none we can read."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _boot_of(event: LimitEvent) -> str:
    for part in event.detail.split():
        if part.startswith("boot="):
            return part[5:]
    return ""


def this_boot_jumps(store: LimitStore, boot_id: str, around: date) -> list[LimitEvent]:
    """The clock jumps recorded in this boot (none without a boot id: a new boot trusts it)."""
    if not boot_id:
        return []
    events = store.events(
        around - timedelta(days=JUMP_LOOKBACK_DAYS), around + timedelta(days=JUMP_LOOKBACK_DAYS)
    )
    return [e for e in events if e.kind == "clock_jump" and _boot_of(e) == boot_id]


def trusted_moment(
    store: LimitStore, wall: float, utc_offset_min: int, day_start_hour: int
) -> tuple[date, int]:
    """The tracking day and UTC ms by trusted time (the clock's changes in this boot taken out).

    What the CLI and the window use to judge locks, so setting the clock past a
    lock's date does not unlock it early.
    """
    wall_ms = round(wall * 1000)
    wall_day = local_date_of(wall_ms, utc_offset_min, day_start_hour)
    trusted = trusted_wall_ms(wall_ms, this_boot_jumps(store, current_boot_id(), wall_day))
    return limit_clock_at(trusted, utc_offset_min, day_start_hour).local_date, trusted
