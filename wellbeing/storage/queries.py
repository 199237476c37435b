"""Read-only queries for the CLI and UI, returning plain dataclasses.

CONTRACT (shared by storage, cli and ui; implemented by the storage work):

``UsageQueries(db)`` where ``db`` is a ``wellbeing.storage.db.Database``.

- ``usage(start, end, by="app"|"site"|"category", device_id=None)`` -> ``UsageReport``
  for local dates ``start..end`` inclusive, read from ``daily_usage`` only, in a
  constant number of SQL queries (no query per day or per row). ``days`` has one
  entry per date in the range (zeros included) each with its own ``items``;
  ``items`` are sorted by seconds descending, then key. ``daily_average_seconds``
  = total / number of "counted" days: the dates in range that are not after
  ``today`` and not before the first date with any usage (at least 1).
- ``hourly(day, by="app")`` -> 24 ``HourUsage`` (hour 0..23 of the local day
  that starts at ``day_start_hour``, so hour index 0 is 04:00-05:00 by default;
  ``HourUsage.hour`` is the clock hour) from that one day's intervals.
- ``day_facts(day)`` -> ``DayFacts`` first/last use (local datetimes) and the
  longest continuous stretch of any use (seconds).
- ``first_date()`` -> earliest local date with usage, or None.
- ``apps()`` -> every known app as ``AppInfo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

GroupBy = Literal["app", "site", "category"]


@dataclass(frozen=True, slots=True)
class UsageItem:
    """One row of a usage list: an app, a site or a category."""

    key: str
    name: str
    seconds: float
    category: str | None = None
    color: str | None = None


@dataclass(frozen=True, slots=True)
class DayUsage:
    date: date
    total_seconds: float
    items: list[UsageItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class UsageReport:
    start: date
    end: date
    by: GroupBy
    total_seconds: float
    daily_average_seconds: float
    days: list[DayUsage]
    items: list[UsageItem]

    def to_json(self) -> dict[str, object]:
        """The ``wellbeing report --json`` shape."""

        def item(i: UsageItem) -> dict[str, object]:
            out: dict[str, object] = {"key": i.key, "name": i.name, "seconds": round(i.seconds, 3)}
            if i.category is not None:
                out["category"] = i.category
            return out

        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "by": self.by,
            "total_seconds": round(self.total_seconds, 3),
            "daily_average_seconds": round(self.daily_average_seconds, 1),
            "days": [
                {
                    "date": d.date.isoformat(),
                    "total_seconds": round(d.total_seconds, 3),
                    "items": [item(i) for i in d.items],
                }
                for d in self.days
            ],
            "items": [item(i) for i in self.items],
        }


@dataclass(frozen=True, slots=True)
class HourUsage:
    hour: int
    total_seconds: float
    items: list[UsageItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DayFacts:
    date: date
    first_use: datetime | None
    last_use: datetime | None
    longest_stretch_seconds: float


@dataclass(frozen=True, slots=True)
class AppInfo:
    key: str
    name: str
    category: str | None
    icon: str | None = None
