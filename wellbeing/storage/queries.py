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

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    Connection,
    Integer,
    Null,
    func,
    literal,
    null,
    select,
    type_coerce,
    union_all,
)

from wellbeing.errors import UsageError
from wellbeing.storage.models import (
    EPOCH_DAY,
    App,
    Category,
    DailyUsage,
    Device,
    Interval,
    Site,
)

if TYPE_CHECKING:
    from wellbeing.storage.db import Database

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
#: Pieces of use separated by at most this gap count as one continuous stretch.
CONTINUOUS_GAP_MS = 1000
_HOUR_MS = 3_600_000


class UsageQueries:
    """Read-only usage queries (the contract in this module's docstring).

    Args:
        db: an open ``wellbeing.storage.db.Database``.
        day_start_hour: the local clock hour at which a day starts (hourly index 0).
        today: returns the current local date (days start at ``day_start_hour``);
            the default reads the system clock.
    """

    def __init__(
        self,
        db: Database,
        *,
        day_start_hour: int = 4,
        today: Callable[[], date] | None = None,
    ) -> None:
        if not 0 <= day_start_hour <= 23:
            raise ValueError(f"day_start_hour must be 0..23, not {day_start_hour}")
        self._db = db
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
                f"The start date {start} is after the end date {end}.",
                hint="Give --from before (or equal to) --to.",
            )
        if not per_day_items and by == "app":
            return self._totals(start, end, by, device_id)
        du = DailyUsage.__table__.c
        ids = _group_ids(by, du.app_id, du.site_id)
        # The raw day number: converting it once per day, not once per row, is a third
        # of a year's report.
        stmt = (
            select(type_coerce(du.local_date, Integer), *ids, func.sum(du.seconds))
            .select_from(_with_categories(DailyUsage.__table__, du.app_id, du.site_id, by))
            .where(du.local_date.between(start, end), _device_filter(du.device_id, device_id))
            .group_by(du.local_date, *(c for c in ids if not isinstance(c, Null)))
        )
        with self._db.transaction() as conn:
            rows: Sequence[Any] = conn.execute(stmt).all()
            labels = _Labeller(by, _load_names(conn), ((r[1], r[2]) for r in rows))
            first = self._first_date(conn, device_id)
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
        du = DailyUsage.__table__.c
        ids = _group_ids(by, du.app_id, du.site_id)
        where = (du.local_date.between(start, end), _device_filter(du.device_id, device_id))
        per_day_stmt = (
            select(du.local_date, func.sum(du.seconds)).where(*where).group_by(du.local_date)
        )
        per_item_stmt = (
            select(*ids, func.sum(du.seconds))
            .select_from(_with_categories(DailyUsage.__table__, du.app_id, du.site_id, by))
            .where(*where)
            .group_by(*(c for c in ids if not isinstance(c, Null)))
        )
        with self._db.transaction() as conn:
            day_rows = dict(conn.execute(per_day_stmt).all())
            item_rows: Sequence[Any] = conn.execute(per_item_stmt).all()
            labels = _Labeller(by, _load_names(conn), ((r[0], r[1]) for r in item_rows))
            first = self._first_date(conn, device_id)
        totals: dict[str, float] = {}
        for app_id, site_id, category_id, seconds in item_rows:
            key = labels.key(app_id, site_id, category_id)
            if key is not None:
                totals[key] = totals.get(key, 0.0) + seconds
        days = [DayUsage(day, float(day_rows.get(day, 0.0)), []) for day in _dates(start, end)]
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
        iv = Interval.__table__.c
        stmt = (
            select(iv.start_ms, iv.end_ms, iv.utc_offset_min)
            .add_columns(*_group_ids(by, iv.app_id, iv.site_id))
            .select_from(_with_categories(Interval.__table__, iv.app_id, iv.site_id, by))
            .where(iv.local_date == day, _device_filter(iv.device_id, device_id))
        )
        with self._db.transaction() as conn:
            rows: Sequence[Any] = conn.execute(stmt).all()
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
        iv = Interval.__table__.c
        stmt = (
            select(iv.start_ms, iv.end_ms, iv.utc_offset_min)
            .where(iv.local_date == day, iv.end_ms > iv.start_ms)
            .where(_device_filter(iv.device_id, device_id))
            .order_by(iv.start_ms, iv.end_ms)
        )
        with self._db.transaction() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            return DayFacts(day, None, None, 0.0)
        first = rows[0]
        last = max(rows, key=lambda r: r.end_ms)
        longest = run = 0
        run_end: int | None = None
        for row in rows:
            if run_end is None or row.start_ms > run_end + CONTINUOUS_GAP_MS:
                run, run_end = 0, row.start_ms
            run += max(0, row.end_ms - max(row.start_ms, run_end))
            run_end = max(run_end, row.end_ms)
            longest = max(longest, run)
        return DayFacts(
            day,
            _local(first.start_ms, first.utc_offset_min),
            _local(last.end_ms, last.utc_offset_min),
            longest / 1000.0,
        )

    def first_date(self, device_id: int | None = None) -> date | None:
        """The earliest local date with any usage, or None when there is none."""
        with self._db.transaction() as conn:
            return self._first_date(conn, device_id)

    def apps(self) -> list[AppInfo]:
        """Every known app, by display name."""
        stmt = (
            select(App.key, App.display_name, Category.name, App.icon)
            .outerjoin(Category, Category.id == App.category_id)
            .order_by(func.lower(App.display_name), App.key)
        )
        with self._db.transaction() as conn:
            return [AppInfo(r[0], r[1], r[2], r[3]) for r in conn.execute(stmt)]

    @staticmethod
    def _first_date(conn: Connection, device_id: int | None) -> date | None:
        # Per device: walk the (device_id, local_date) index to the first row with use.
        du = DailyUsage.__table__.c

        def first_of(device: Any) -> Any:
            return (
                select(du.local_date)
                .where(du.device_id == device, du.seconds > 0.0)
                .order_by(du.local_date)
                .limit(1)
                .scalar_subquery()
            )

        if device_id is not None:
            found = conn.scalar(select(first_of(device_id)))
        else:
            per_device = (
                select(first_of(Device.id).label("first")).select_from(Device).subquery()
            )
            found = conn.scalar(select(func.min(per_device.c.first)))
        if found is None or isinstance(found, date):
            return found
        return date.fromisoformat(str(found))

    def _system_today(self) -> date:
        return (datetime.now() - timedelta(hours=self._day_start_hour)).date()


def _group_ids(by: GroupBy, app_id: Any, site_id: Any) -> list[Any]:
    """(app_id, site_id, category_id) columns for a grouping; unused ones are NULL."""
    if by == "app":
        return [app_id, null(), null()]
    if by == "site":
        return [app_id, site_id, null()]
    if by == "category":
        site, app = Site.__table__.c, App.__table__.c
        return [null(), null(), func.coalesce(site.category_id, app.category_id)]
    raise UsageError(f"Cannot group usage by {by!r}.", hint="Use app, site or category.")


def _with_categories(table: Any, app_id: Any, site_id: Any, by: GroupBy) -> Any:
    """``table``, joined to app and site when grouping by category."""
    if by != "category":
        return table
    app, site = App.__table__, Site.__table__
    return table.join(app, app.c.id == app_id).outerjoin(site, site.c.id == site_id)


@dataclass(frozen=True, slots=True)
class _Names:
    """The small name tables: id -> (key, name, category id) and id -> (name, color)."""

    apps: dict[int, tuple[str, str, int | None]]
    sites: dict[int, tuple[str, str, int | None]]
    categories: dict[int, tuple[str, str | None]]
    browsers: set[int]


def _load_names(conn: Connection) -> _Names:
    """Apps, sites and categories in one statement (a UNION ALL of the three tables)."""
    app, site, cat = App.__table__.c, Site.__table__.c, Category.__table__.c
    stmt = union_all(
        select(literal("a"), app.id, app.key, app.display_name, app.category_id, app.is_browser),
        select(literal("s"), site.id, site.domain, site.display_name, site.category_id, null()),
        select(literal("c"), cat.id, cat.name, cat.color, null(), null()),
    )
    names = _Names({}, {}, {}, set())
    for kind, row_id, key, name, category_id, is_browser in conn.execute(stmt):
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
                f"{OTHER_SITE_PREFIX}{app_key}", f"Other browsing ({app_name})", 0.0,
                *self._category(app_category),
            )
        return None


def _device_filter(column: Any, device_id: int | None) -> Any:
    if device_id is not None:
        return column == device_id
    # Keeps the (device_id, local_date) index usable when no device is named.
    return column.in_(select(Device.id).scalar_subquery())


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _local(ms: int, utc_offset_min: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000.0, timezone(timedelta(minutes=utc_offset_min)))
