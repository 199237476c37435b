"""Times that come back every week ("Monday 09:00", "daily 04:00"): the next one after a moment.

Pure: the time zone is passed in (a ``tzinfo`` such as ``zoneinfo.ZoneInfo``),
never looked up. The job runner of both the headless tracker and the tray app
(:class:`wellbeing.services.scheduler.DeadlineRunner`) computes its deadlines
here; a test checks them against a minute-by-minute oracle, DST days included.

DST: a local time that does not exist on a day (02:30 when clocks go forward
from 02:00 to 03:00) comes as late as the gap is long (03:30); a local time
that happens twice (clocks going back) comes once, the first time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from wellbeing.core.limits import WEEKDAY_NAMES

ALL_DAYS: frozenset[int] = frozenset(range(7))


@dataclass(frozen=True, slots=True)
class WeeklyTime:
    """A local time of day on some weekdays.

    Attributes:
        hour: 0..23.
        minute: 0..59.
        weekdays: Monday = 0; at least one.
        second: 0..59.
    """

    hour: int
    minute: int = 0
    weekdays: frozenset[int] = ALL_DAYS
    second: int = 0

    def __post_init__(self) -> None:
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59 and 0 <= self.second <= 59):
            raise ValueError(
                f"not a time of day: {self.hour:02d}:{self.minute:02d}:{self.second:02d}"
            )
        if not self.weekdays or not self.weekdays <= ALL_DAYS:
            raise ValueError(f"weekdays must be some of 0..6, not {sorted(self.weekdays)}")

    @property
    def cron_days(self) -> str:
        """The weekdays as a cron ``day_of_week`` field: ``mon,tue``."""
        return ",".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))

    def __str__(self) -> str:
        days = "daily" if self.weekdays == ALL_DAYS else self.cron_days
        return f"{days} {self.hour:02d}:{self.minute:02d}"


def next_time(when: WeeklyTime, after: datetime, zone: tzinfo) -> datetime:
    """The first moment strictly after ``after`` (aware) at ``when`` in ``zone``, in UTC."""
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    start = after.astimezone(zone).date() - timedelta(days=1)  # a day back: DST shifts
    for offset in range(9):
        day = start + timedelta(days=offset)
        if day.weekday() not in when.weekdays:
            continue
        clock_time = time(when.hour, when.minute, when.second)  # fold=0: see the docstring
        local = datetime.combine(day, clock_time, tzinfo=zone)
        moment = local.astimezone(UTC)
        if moment > after:
            return moment
    raise AssertionError("unreachable: a weekly time comes within 8 days")


def last_time(when: WeeklyTime, at_or_before: datetime, zone: tzinfo) -> datetime:
    """The latest moment at or before ``at_or_before`` at ``when`` in ``zone``, in UTC."""
    moment = next_time(when, at_or_before - timedelta(days=8), zone)
    latest = moment
    while moment <= at_or_before:
        latest = moment
        moment = next_time(when, moment, zone)
    return latest
