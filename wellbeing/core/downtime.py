"""Downtime: a daily quiet period, when it is on, and when it next starts or ends.

Part of the limit vocabulary (``core.limits`` re-exports :class:`Downtime`).
Pure: no Qt, no storage, no OS.

Downtime is calendar local time, the time on the clock people see (23:00 to
07:00), not the tracking day: it runs across midnight and across the day-start
hour alike. ``weekdays`` are the days on which a downtime *starts*: with
Monday-to-Friday evenings, the Friday evening's downtime runs into Saturday
morning and Saturday evening has none. A start equal to the end is no
downtime at all (never 24 hours: a slip in the settings must not hold back
the whole day).

While downtime is on, whatever is in front that is not *always allowed*
behaves as over a nag limit (``core.limits.evaluate`` does that part).
"""

from __future__ import annotations

from dataclasses import dataclass

MINUTES_PER_DAY = 1440


@dataclass(frozen=True, slots=True)
class Downtime:
    """A daily quiet period in which everything not allowed behaves as over its limit (nag).

    Attributes:
        start_minute: local minutes after midnight when it starts (23:00 = 1380).
        end_minute: when it ends; before ``start_minute`` means the next morning.
        weekdays: the weekdays (Monday = 0) on which a downtime *starts*.
        always_allowed: targets never held back (their ``str`` forms: an app key,
            a domain, ``category:Name``; ``app:KEY`` and ``site:DOMAIN`` work too).
        enabled: off keeps the schedule but does nothing.
    """

    start_minute: int
    end_minute: int
    weekdays: frozenset[int] = frozenset(range(7))
    always_allowed: frozenset[str] = frozenset()
    enabled: bool = True

    @property
    def length_minutes(self) -> int:
        """How long one downtime lasts (0: none)."""
        return (self.end_minute - self.start_minute) % MINUTES_PER_DAY

    def is_active(self, weekday: int, minute: int) -> bool:
        """Whether downtime is on at local ``minute`` (0..1439) of calendar ``weekday``."""
        if not self.enabled or not self.weekdays:
            return False
        start = self.start_minute % MINUTES_PER_DAY
        end = self.end_minute % MINUTES_PER_DAY
        if start == end:
            return False
        if start < end:
            return weekday in self.weekdays and start <= minute < end
        if minute >= start:
            return weekday in self.weekdays
        return minute < end and (weekday - 1) % 7 in self.weekdays

    def seconds_to_change(self, weekday: int, minute: int, second: float = 0.0) -> float | None:
        """Wall seconds from ``minute:second`` of ``weekday`` to the next start or end.

        None when there is no downtime at all. The answer assumes the UTC offset
        stays as it is until then (a DST switch in between moves the true moment
        by an hour; the caller evaluates again when the offset changes).
        """
        length = self.length_minutes
        if not self.enabled or not self.weekdays or length == 0:
            return None
        start = self.start_minute % MINUTES_PER_DAY
        now_s = minute * 60 + second
        best: float | None = None
        for offset in range(-1, 8):  # yesterday's downtime may still be running
            if (weekday + offset) % 7 not in self.weekdays:
                continue
            begins = (offset * MINUTES_PER_DAY + start) * 60
            for at in (begins, begins + length * 60):
                wait = at - now_s
                if wait > 0 and (best is None or wait < best):
                    best = wait
        return best

    def allows(self, app_key: str, site: str | None, category: str | None) -> bool:
        """Whether what is in front is on the always-allowed list (by app, site or category)."""
        allowed = self.always_allowed
        if not allowed:
            return False
        if app_key in allowed or f"app:{app_key}" in allowed:
            return True
        if site is not None and (site in allowed or f"site:{site}" in allowed):
            return True
        return category is not None and f"category:{category}" in allowed
