"""The SQL text of the read queries, and the tiny executor both database layers give it.

:class:`~wellbeing.storage.queries.UsageQueries` reads through a
:class:`ReadSource`: ``storage.db.Database`` (SQLAlchemy, any dialect: the
tray app with ``--db URL``, ``report --db URL``) and
``storage.sqlite_reader.SqliteReader`` (the standard library's ``sqlite3``:
the tray app and ``report`` on the local file, which so never import
SQLAlchemy). Both run the very same statements, written here once, in the
SQL that SQLite and PostgreSQL share, with ``:name`` parameters (what
``sqlalchemy.text`` and ``sqlite3`` both understand). The schema they read is
the one ``storage.models`` and the Alembic migrations create: ``local_date`` is
a day number (days since 1970-01-01), times are integer milliseconds.

This module imports neither SQLAlchemy nor anything that does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

from wellbeing.core.i18n import translate
from wellbeing.errors import UsageError

GroupBy = Literal["app", "site", "category"]
Params = Mapping[str, Any]


class Rows(Protocol):
    """One read transaction: runs a statement and returns all its rows as tuples."""

    def rows(self, sql: str, params: Params) -> Sequence[Sequence[Any]]:
        """Run ``sql`` with ``params`` (``:name`` placeholders); return every row."""
        ...


class ReadSource(Protocol):
    """Where the queries read: ``reading()`` opens one short read transaction."""

    def reading(self) -> AbstractContextManager[Rows]:
        """A read transaction for a few statements that see the same snapshot."""
        ...


def group_ids(by: GroupBy, alias: str) -> tuple[str, str]:
    """(the app_id, site_id, category_id select list, the GROUP BY list) of a grouping.

    Unused ids are NULL; by category the id is the site's category if any, else the app's.
    """
    if by == "app":
        return f"{alias}.app_id, NULL, NULL", f"{alias}.app_id"
    if by == "site":
        return f"{alias}.app_id, {alias}.site_id, NULL", f"{alias}.app_id, {alias}.site_id"
    if by == "category":
        category = "COALESCE(s.category_id, a.category_id)"
        return f"NULL, NULL, {category}", category
    raise UsageError(translate("Storage", "Cannot group usage by {by}.").format(by=repr(by)),
                     hint=translate("Storage", "Use app, site or category."))


def from_table(table: str, alias: str, by: GroupBy) -> str:
    """``table AS alias``, joined to app (a) and site (s) when grouping by category."""
    if by != "category":
        return f"{table} AS {alias}"
    return (
        f"{table} AS {alias} JOIN app AS a ON a.id = {alias}.app_id "
        f"LEFT OUTER JOIN site AS s ON s.id = {alias}.site_id"
    )


def device_filter(alias: str, device_id: int | None) -> str:
    """One device (``:device``), or all (an IN keeps the (device_id, local_date) index usable)."""
    if device_id is not None:
        return f"{alias}.device_id = :device"
    return f"{alias}.device_id IN (SELECT id FROM device)"


def usage_per_day(by: GroupBy, device_id: int | None) -> str:
    """Seconds per (day number, app_id, site_id, category_id) in ``:start..:end``."""
    ids, group = group_ids(by, "du")
    return (
        f"SELECT du.local_date, {ids}, SUM(du.seconds) "
        f"FROM {from_table('daily_usage', 'du', by)} "
        f"WHERE du.local_date BETWEEN :start AND :end AND {device_filter('du', device_id)} "
        f"GROUP BY du.local_date, {group}"
    )


def total_per_day(device_id: int | None) -> str:
    """Seconds per day number in ``:start..:end`` (every row: no grouping, no names)."""
    return (
        "SELECT du.local_date, SUM(du.seconds) FROM daily_usage AS du "
        f"WHERE du.local_date BETWEEN :start AND :end AND {device_filter('du', device_id)} "
        "GROUP BY du.local_date"
    )


def usage_per_item(by: GroupBy, device_id: int | None) -> str:
    """Seconds per (app_id, site_id, category_id) in ``:start..:end``."""
    ids, group = group_ids(by, "du")
    return (
        f"SELECT {ids}, SUM(du.seconds) FROM {from_table('daily_usage', 'du', by)} "
        f"WHERE du.local_date BETWEEN :start AND :end AND {device_filter('du', device_id)} "
        f"GROUP BY {group}"
    )


def day_intervals(by: GroupBy, device_id: int | None) -> str:
    """Start, end, UTC offset and the grouping ids of the intervals of day ``:day``."""
    ids, _group = group_ids(by, "iv")
    return (
        f"SELECT iv.start_ms, iv.end_ms, iv.utc_offset_min, {ids} "
        f"FROM {from_table(INTERVAL, 'iv', by)} "
        f"WHERE iv.local_date = :day AND {device_filter('iv', device_id)}"
    )


def day_stretches(device_id: int | None) -> str:
    """Start, end and UTC offset of the non-empty intervals of day ``:day``, in order."""
    return (
        f"SELECT iv.start_ms, iv.end_ms, iv.utc_offset_min FROM {INTERVAL} AS iv "
        f"WHERE iv.local_date = :day AND iv.end_ms > iv.start_ms "
        f"AND {device_filter('iv', device_id)} ORDER BY iv.start_ms, iv.end_ms"
    )


def first_date(device_id: int | None) -> str:
    """The first day number with any use (per device: a walk of its index to the first row)."""
    first_of = (
        "(SELECT du.local_date FROM daily_usage AS du WHERE du.device_id = {device} "
        "AND du.seconds > 0.0 ORDER BY du.local_date LIMIT 1)"
    )
    if device_id is not None:
        return "SELECT " + first_of.format(device=":device")
    return (
        "SELECT MIN(per_device.first) FROM (SELECT "
        + first_of.format(device="d.id")
        + " AS first FROM device AS d) AS per_device"
    )


def day_total(device_id: int | None) -> str:
    """The seconds of use on day ``:day`` (every app; what the tray's tooltip shows)."""
    return (
        "SELECT SUM(du.seconds) FROM daily_usage AS du "
        f"WHERE du.local_date = :day AND {device_filter('du', device_id)}"
    )


INTERVAL = '"interval"'  # a reserved word in PostgreSQL

#: Where one device's recorded time ends (the writers, at start): the last two local days
#: only, found through the primary key, not the whole history.
RECORDED_UNTIL = (
    'SELECT MAX(end_ms) FROM "interval" WHERE device_id = :device AND local_date >= '
    '(SELECT MAX(local_date) FROM "interval" WHERE device_id = :device) - 1'
)

#: Apps, sites and categories in one statement: (kind, id, key, name, category_id, is_browser).
NAMES = (
    'SELECT \'a\', a.id, a."key", a.display_name, a.category_id, a.is_browser FROM app AS a '
    "UNION ALL SELECT 's', s.id, s.domain, s.display_name, s.category_id, NULL FROM site AS s "
    "UNION ALL SELECT 'c', c.id, c.name, c.color, NULL, NULL FROM category AS c"
)

#: Every device: id, name, platform; by name.
DEVICES = "SELECT d.id, d.name, d.platform FROM device AS d ORDER BY lower(d.name), d.id"

#: Every app: key, display name, category name, icon; by name.
APPS = (
    'SELECT a."key", a.display_name, c.name, a.icon FROM app AS a '
    "LEFT OUTER JOIN category AS c ON c.id = a.category_id "
    'ORDER BY lower(a.display_name), a."key"'
)
