"""Read-only queries for the CLI and UI, returning plain dataclasses.

CONTRACT (shared by storage, cli and ui; implemented by the storage work):

``UsageQueries(source)`` where ``source`` is a ``ReadSource``: a
``wellbeing.storage.db.Database`` (SQLAlchemy, any dialect) or a
``wellbeing.storage.sqlite_reader.SqliteReader`` (the local file through the
standard library, so the tray app and ``report`` need no SQLAlchemy). Both run
the same SQL (:mod:`wellbeing.storage.usage_sql`) and give identical results;
this module imports neither SQLAlchemy nor anything that does.

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
- ``day_total(day)`` -> that day's seconds of use (one small statement, for the tray).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import UsageError
from wellbeing.storage import usage_sql as sql
from wellbeing.storage.pieces import EPOCH_DAY, day_number
from wellbeing.storage.usage_sql import GroupBy, ReadSource, Rows

__all__ = [
    "AppInfo", "DayFacts", "DayUsage", "GroupBy", "HourUsage", "ReadSource", "UsageItem",
    "UsageQueries", "UsageReport",
]


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
class DeviceInfo:
    """A device whose use is in the database: its row id, name and platform."""

    id: int
    name: str
    platform: str


@dataclass(frozen=True, slots=True)
class AppInfo:
    key: str
    name: str
    category: str | None
    icon: str | None = None


# --- implementation -------------------------------------------------------------------------
#
# Grouping rules:
# - by="app": one item per app key (pure foreground apps: a browser's time includes its
#   sites); category/color are the app's category.
# - by="site": one item per recognised site (key = domain, category = the site's own
#   category). A browser's use without a recognised site is one item per browser,
#   "other:<app_key>" / "Other browsing (<app name>)". Browsers are apps flagged
#   ``is_browser`` (set from the rules, services.categories) and, for data not yet
#   labelled, apps with some site rows in the same range. Use in other apps is not a
#   site and is left out, so totals of a by="site" report (and of its days) are the
#   sums of the listed items, not the whole screen time.
# - by="category": the site's category when the row has a categorised site, else the
#   app's category; uncategorised use is key "other", name "Other" (coloured like a
#   category named "Other" when one exists).
#
# Each call runs a fixed number of statements: the grouped usage rows (ids only, so
# Python handles few strings), one UNION of the small app/site/category tables for
# the names, and for usage() the first date. Python work is per distinct row group.

OTHER_CATEGORY_KEY = "other"
OTHER_CATEGORY_NAME = "Other"
#: by="site" key prefix of a browser's use without a recognised site ("other:firefox").
OTHER_SITE_PREFIX = "other:"
#: by="site" name of a browser's use without a recognised site (the dashboard translates it).
OTHER_SITE_NAME = "Other browsing ({app})"
#: Pieces of use separated by at most this gap count as one continuous stretch.
CONTINUOUS_GAP_MS = 1000
_HOUR_MS = 3_600_000




class UsageQueries:
    """Read-only usage queries (the contract in this module's docstring).

    Args:
        source: where to read (``storage.db.Database`` or ``storage.sqlite_reader.SqliteReader``).
        day_start_hour: the local clock hour at which a day starts (hourly index 0).
        today: returns the current local date (days start at ``day_start_hour``);
            the default reads the system clock.
    """

    def __init__(
        self,
        source: ReadSource,
        *,
        day_start_hour: int = 4,
        today: Callable[[], date] | None = None,
    ) -> None:
        if not 0 <= day_start_hour <= 23:
            raise ValueError(f"day_start_hour must be 0..23, not {day_start_hour}")
        self._source = source
        self._day_start_hour = day_start_hour
        self._today = today or self._system_today

    def usage(
        self,
        start: date,
        end: date,
        by: GroupBy = "app",
        device_id: int | None = None,
        *,
        per_day_items: bool = True,
    ) -> UsageReport:
        """Usage per day and in total for ``start..end`` (inclusive), from daily_usage.

        With ``per_day_items=False`` each day carries only its total (``items``
        empty); by app, SQL then does all the summing in two grouped queries,
        which is what a yearly total needs. (By category the single grouped
        query is already small; by site, browsers need the per-row labelling.)
        """
        if start > end:
            raise UsageError(
                translate("Storage", "The start date {start} is after the end date {end}.")
                .format(start=start, end=end),
                hint=translate("Storage", "Give --from before (or equal to) --to."),
            )
        if not per_day_items and by == "app":
            return self._totals(start, end, by, device_id)
        params = _range_params(start, end, device_id)
        statement = sql.usage_per_day(by, device_id)
        with self._source.reading() as conn:
            rows = conn.rows(statement, params)
            labels = _Labeller(by, _load_names(conn), ((r[1], r[2]) for r in rows))
            first = _first_date(conn, device_id)
        per_day: dict[date, dict[str, float]] = defaultdict(dict)
        by_number: dict[int, dict[str, float]] = {}
        for day_no, app_id, site_id, category_id, seconds in rows:
            key = labels.key(app_id, site_id, category_id)
            if key is not None:
                acc = by_number.get(day_no)
                if acc is None:
                    acc = by_number[day_no] = per_day[EPOCH_DAY + timedelta(days=day_no)]
                acc[key] = acc.get(key, 0.0) + seconds
        days: list[DayUsage] = []
        totals: dict[str, float] = {}
        for day in _dates(start, end):
            acc = per_day.get(day, {})
            for key, seconds in acc.items():
                totals[key] = totals.get(key, 0.0) + seconds
            items = labels.items(acc)
            shown = items if per_day_items else []
            days.append(DayUsage(day, sum(i.seconds for i in items), shown))
        return self._report(start, end, by, days, labels.items(totals), first)

    def _totals(self, start: date, end: date, by: GroupBy, device_id: int | None) -> UsageReport:
        """:meth:`usage` without per-day items, summed by SQL (every app row counts)."""
        params = _range_params(start, end, device_id)
        with self._source.reading() as conn:
            per_day = conn.rows(sql.total_per_day(device_id), params)
            day_rows = {int(d): float(s) for d, s in per_day}
            item_rows = conn.rows(sql.usage_per_item(by, device_id), params)
            labels = _Labeller(by, _load_names(conn), ((r[0], r[1]) for r in item_rows))
            first = _first_date(conn, device_id)
        totals: dict[str, float] = {}
        for app_id, site_id, category_id, seconds in item_rows:
            key = labels.key(app_id, site_id, category_id)
            if key is not None:
                totals[key] = totals.get(key, 0.0) + seconds
        days = [DayUsage(day, day_rows.get(day_number(day), 0.0), [])
                for day in _dates(start, end)]
        return self._report(start, end, by, days, labels.items(totals), first)

    def _report(
        self,
        start: date,
        end: date,
        by: GroupBy,
        days: list[DayUsage],
        items: list[UsageItem],
        first: date | None,
    ) -> UsageReport:
        """Assemble a report; the average counts days from the first use until today."""
        total = sum(d.total_seconds for d in days)
        today = self._today()
        counted = sum(1 for d in days if d.date <= today and first is not None and d.date >= first)
        return UsageReport(
            start=start,
            end=end,
            by=by,
            total_seconds=total,
            daily_average_seconds=total / max(1, counted),
            days=days,
            items=items,
        )

    def hourly(
        self, day: date, by: GroupBy = "app", device_id: int | None = None
    ) -> list[HourUsage]:
        """24 hours of ``day`` starting at ``day_start_hour``, split from its intervals."""
        params = _day_params(day, device_id)
        with self._source.reading() as conn:
            rows = conn.rows(sql.day_intervals(by, device_id), params)
            labels = _Labeller(by, _load_names(conn), ((r[3], r[4]) for r in rows))
        hours: list[dict[str, float]] = [{} for _ in range(24)]
        for start_ms, end_ms, offset_min, app_id, site_id, category_id in rows:
            key = labels.key(app_id, site_id, category_id)
            if key is None:
                continue
            local, local_end = start_ms + offset_min * 60_000, end_ms + offset_min * 60_000
            while local < local_end:
                cut = min(local_end, (local // _HOUR_MS + 1) * _HOUR_MS)
                acc = hours[((local // _HOUR_MS) % 24 - self._day_start_hour) % 24]
                acc[key] = acc.get(key, 0.0) + (cut - local) / 1000.0
                local = cut
        out = []
        for index, acc in enumerate(hours):
            items = labels.items(acc)
            hour = (self._day_start_hour + index) % 24
            out.append(HourUsage(hour, sum(i.seconds for i in items), items))
        return out

    def day_facts(self, day: date, device_id: int | None = None) -> DayFacts:
        """First and last use of ``day`` (aware local datetimes) and its longest stretch."""
        with self._source.reading() as conn:
            rows = conn.rows(sql.day_stretches(device_id), _day_params(day, device_id))
        if not rows:
            return DayFacts(day, None, None, 0.0)
        first = rows[0]
        last = max(rows, key=lambda r: r[1])
        longest = run = 0
        run_end: int | None = None
        for start_ms, end_ms, _offset in rows:
            if run_end is None or start_ms > run_end + CONTINUOUS_GAP_MS:
                run, run_end = 0, start_ms
            run += max(0, end_ms - max(start_ms, run_end))
            run_end = max(run_end, end_ms)
            longest = max(longest, run)
        return DayFacts(
            day,
            _local(first[0], first[2]),
            _local(last[1], last[2]),
            longest / 1000.0,
        )

    def day_total(self, day: date, device_id: int | None = None) -> float:
        """The seconds of use on ``day`` (every app), in one small statement."""
        with self._source.reading() as conn:
            rows = conn.rows(sql.day_total(device_id), _day_params(day, device_id))
        return float(rows[0][0] or 0.0) if rows else 0.0

    def first_date(self, device_id: int | None = None) -> date | None:
        """The earliest local date with any usage, or None when there is none."""
        with self._source.reading() as conn:
            return _first_date(conn, device_id)

    def apps(self) -> list[AppInfo]:
        """Every known app, by display name."""
        with self._source.reading() as conn:
            return [AppInfo(r[0], r[1], r[2], r[3]) for r in conn.rows(sql.APPS, {})]

    def devices(self) -> list[DeviceInfo]:
        """Every device of the database, by name."""
        with self._source.reading() as conn:
            return [DeviceInfo(int(r[0]), str(r[1]), str(r[2]))
                    for r in conn.rows(sql.DEVICES, {})]

    def device_named(self, name: str) -> DeviceInfo | None:
        """The device called ``name`` (case-insensitive), or None."""
        wanted = name.casefold()
        return next((d for d in self.devices() if d.name.casefold() == wanted), None)

    def _system_today(self) -> date:
        return (datetime.now() - timedelta(hours=self._day_start_hour)).date()


def _range_params(start: date, end: date, device_id: int | None) -> dict[str, int]:
    params = {"start": day_number(start), "end": day_number(end)}
    if device_id is not None:
        params["device"] = device_id
    return params


def _day_params(day: date, device_id: int | None) -> dict[str, int]:
    params = {"day": day_number(day)}
    if device_id is not None:
        params["device"] = device_id
    return params


def _first_date(conn: Rows, device_id: int | None) -> date | None:
    params = {} if device_id is None else {"device": device_id}
    rows = conn.rows(sql.first_date(device_id), params)
    found = rows[0][0] if rows else None
    return None if found is None else EPOCH_DAY + timedelta(days=int(found))


@dataclass(frozen=True, slots=True)
class _Names:
    """The small name tables: id -> (key, name, category id) and id -> (name, color)."""

    apps: dict[int, tuple[str, str, int | None]]
    sites: dict[int, tuple[str, str, int | None]]
    categories: dict[int, tuple[str, str | None]]
    browsers: set[int]


def _load_names(conn: Rows) -> _Names:
    """Apps, sites and categories in one statement (a UNION ALL of the three tables)."""
    names = _Names({}, {}, {}, set())
    for kind, row_id, key, name, category_id, is_browser in conn.rows(sql.NAMES, {}):
        if kind == "a":
            names.apps[row_id] = (key, name, category_id)
            if is_browser:
                names.browsers.add(row_id)
        elif kind == "s":
            names.sites[row_id] = (key, name, category_id)
        else:
            names.categories[row_id] = (key, name)
    return names


class _Labeller:
    """Maps (app_id, site_id, category_id) groups to item keys, and keys to items."""

    def __init__(self, by: GroupBy, names: _Names, app_site_ids: Iterable[tuple[Any, Any]]) -> None:
        self._by = by
        self._names = names
        # browsers, and apps with some site use in the rows at hand (for "other:<app>")
        self._site_apps = names.browsers | {
            a for a, s in app_site_ids if by == "site" and s is not None
        }
        self._keys: dict[tuple[Any, Any, Any], str | None] = {}
        self._items: dict[str, UsageItem] = {}

    def key(self, app_id: Any, site_id: Any, category_id: Any) -> str | None:
        """The item key of a group (labelling it on first sight), or None to leave it out."""
        group = (app_id, site_id, category_id)
        if group not in self._keys:
            item = self._label(app_id, site_id, category_id)
            self._keys[group] = None if item is None else item.key
            if item is not None:
                self._items.setdefault(item.key, item)
        return self._keys[group]

    def items(self, seconds_by_key: dict[str, float]) -> list[UsageItem]:
        """Items with these seconds, sorted by seconds descending then key; zeros dropped."""
        out = []
        for key, seconds in seconds_by_key.items():
            if seconds > 0:
                label = self._items[key]
                out.append(UsageItem(key, label.name, seconds, label.category, label.color))
        out.sort(key=lambda i: (-i.seconds, i.key))
        return out

    def _category(self, category_id: int | None) -> tuple[str | None, str | None]:
        if category_id is None or category_id not in self._names.categories:
            return None, None
        return self._names.categories[category_id]

    def _label(self, app_id: Any, site_id: Any, category_id: Any) -> UsageItem | None:
        if self._by == "category":
            name, color = self._category(category_id)
            if name is None:
                other_color = next((c for n, c in self._names.categories.values()
                                    if n == OTHER_CATEGORY_NAME), None)
                return UsageItem(OTHER_CATEGORY_KEY, OTHER_CATEGORY_NAME, 0.0, OTHER_CATEGORY_NAME,
                                 other_color)
            return UsageItem(name, name, 0.0, name, color)
        app_key, app_name, app_category = self._names.apps[app_id]
        if self._by == "app":
            return UsageItem(app_key, app_name, 0.0, *self._category(app_category))
        if site_id is not None:
            domain, site_name, site_category = self._names.sites[site_id]
            return UsageItem(domain, site_name, 0.0, *self._category(site_category))
        if app_id in self._site_apps:
            return UsageItem(
                f"{OTHER_SITE_PREFIX}{app_key}", OTHER_SITE_NAME.format(app=app_name), 0.0,
                *self._category(app_category),
            )
        return None


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _local(ms: int, utc_offset_min: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000.0, timezone(timedelta(minutes=utc_offset_min)))
