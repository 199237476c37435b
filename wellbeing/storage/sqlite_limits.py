"""Limits, downtime and the bypass log through the stdlib ``sqlite3``, for the headless tracker.

:class:`SqliteLimitStore` is the twin of ``storage.limits.LimitRepository``
(SQLAlchemy) for ``wellbeing track`` on the local file, which never imports
SQLAlchemy (see ``storage.sqlite_writer``). Both satisfy
``services.limit_ports.LimitStore``, read and write the same rows (through
``storage.limit_rows``) and pass the same tests. This store never creates or
migrates anything: the schema is the one migration 0005 made.

The connection is the caller's, in autocommit mode (``isolation_level=None``);
each write is one ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any error),
and writes to limits or downtime add one to the ``limits_revision`` meta row in
it. ``sqlite3.OperationalError`` (busy, disk full, I/O) becomes
:class:`~wellbeing.errors.StorageUnavailable`; other database errors propagate.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from wellbeing.core.i18n import translate
from wellbeing.core.limits import (
    DeviceScope,
    Downtime,
    Limit,
    LimitEvent,
    LimitTarget,
    UsageToday,
)
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.limit_rows import (
    LIMIT_COLUMNS,
    REVISION_KEY,
    downtime_from_row,
    downtime_values,
    event_from_row,
    event_values,
    limit_from_row,
    limit_values,
    ordered,
    usage_from_rows,
)
from wellbeing.storage.pieces import day_number, unwritable

__all__ = ["SqliteLimitStore"]


class SqliteLimitStore:
    """This device's limits, downtime and limit events over a ``sqlite3`` connection.

    Args:
        connection: an open connection in autocommit mode to a migrated database;
            the store does not close it.
        device_id: the ``device`` row limits and events belong to.
        now_ms: where ``created_ms``/``updated_ms`` come from (default: the system clock).

    Raises:
        ValueError: the connection would open transactions implicitly.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        device_id: int,
        *,
        now_ms: Callable[[], int] | None = None,
    ) -> None:
        if connection.isolation_level is not None:
            raise ValueError("the connection must be in autocommit mode (isolation_level=None)")
        self._conn = connection
        self._device_id = device_id
        self._now_ms = now_ms or (lambda: int(time.time() * 1000))

    def limits(self) -> list[Limit]:
        """Every limit of this device, by target text."""
        with self._read():
            rows = self._conn.execute(_SELECT_LIMITS, (self._device_id,)).fetchall()
        return ordered(limit_from_row(row) for row in rows)

    def save_limit(self, limit: Limit) -> Limit:
        """Insert or replace the limit on ``limit.target``; returns it with its id."""
        values = limit_values(limit)
        now = self._now_ms()
        with self._write():
            row = self._conn.execute(
                _UPSERT_LIMIT, (self._device_id, *values.values(), now, now)
            ).fetchone()
            _bump_revision(self._conn)
        assert row is not None
        return replace(limit, id=int(row[0]))

    def remove_limit(self, target: LimitTarget) -> bool:
        """Delete the limit on ``target`` (its events stay); False if there was none."""
        with self._write():
            removed = self._conn.execute(
                "DELETE FROM usage_limit WHERE device_id = ? AND target_kind = ? "
                "AND target_key = ?", (self._device_id, target.kind, target.key)
            ).rowcount
            if removed:
                _bump_revision(self._conn)
        return removed > 0

    def downtime(self) -> Downtime | None:
        with self._read():
            row = self._conn.execute(
                "SELECT start_minute, end_minute, weekdays, always_allowed, enabled "
                "FROM downtime WHERE device_id = ?", (self._device_id,)
            ).fetchone()
        return None if row is None else downtime_from_row(row)

    def save_downtime(self, downtime: Downtime | None) -> None:
        """Set this device's downtime; None removes it."""
        with self._write():
            self._conn.execute("DELETE FROM downtime WHERE device_id = ?", (self._device_id,))
            if downtime is not None:
                values = downtime_values(downtime)
                self._conn.execute(
                    f"INSERT INTO downtime (device_id, {', '.join(values)}, updated_ms) "
                    f"VALUES (?, {', '.join('?' for _ in values)}, ?)",
                    (self._device_id, *values.values(), self._now_ms()),
                )
            _bump_revision(self._conn)

    def events(self, first: date, last: date) -> list[LimitEvent]:
        """This device's events of local days ``first`` .. ``last``, oldest first."""
        with self._read():
            rows = self._conn.execute(
                "SELECT target_kind, target_key, local_date, kind, at_ms, detail "
                "FROM limit_event WHERE device_id = ? AND local_date BETWEEN ? AND ? "
                "ORDER BY at_ms, id", (self._device_id, day_number(first), day_number(last))
            ).fetchall()
        return [event_from_row(row) for row in rows]

    def record_event(self, event: LimitEvent) -> None:
        values = event_values(event)
        with self._write():
            self._conn.execute(
                f"INSERT INTO limit_event (device_id, {', '.join(values)}) "
                f"VALUES (?, {', '.join('?' for _ in values)})",
                (self._device_id, *values.values()),
            )

    def usage_on(self, day: date, devices: DeviceScope = "all") -> UsageToday:
        """Use on local ``day`` by app, site, category and in total (``devices``: whose)."""
        statement = _USAGE_ON[devices]
        params: tuple[int, ...] = (day_number(day),)
        if devices != "all":
            params = (self._device_id, day_number(day))
        with self._read():
            rows = self._conn.execute(statement, params).fetchall()
        return usage_from_rows(rows)

    def revision(self) -> int:
        """The change counter of limits and downtime (one primary-key read)."""
        with self._read():
            row = self._conn.execute(
                "SELECT value FROM meta WHERE key = ?", (REVISION_KEY,)
            ).fetchone()
        return int(row[0]) if row is not None else 0

    # -- internals ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StorageUnavailable(
                translate("Storage", "Could not read limits from the database: {error}.").format(
                    error=exc),
                hint=translate("Storage",
                               "Check that the database file is readable ('wellbeing doctor')."),
            ) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction: BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise unwritable(exc) from exc


def _bump_revision(conn: sqlite3.Connection) -> None:
    bumped = conn.execute(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?",
        (REVISION_KEY,),
    ).rowcount
    if not bumped:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '1')", (REVISION_KEY,))


_VALUE_COLUMNS = tuple(limit_values(Limit(LimitTarget("total"), (None,) * 7)))

_SELECT_LIMITS = f"SELECT {', '.join(LIMIT_COLUMNS)} FROM usage_limit WHERE device_id = ?"
_UPSERT_LIMIT = (
    f"INSERT INTO usage_limit (device_id, {', '.join(_VALUE_COLUMNS)}, created_ms, updated_ms) "
    f"VALUES (?, {', '.join('?' for _ in _VALUE_COLUMNS)}, ?, ?) "
    "ON CONFLICT (device_id, target_kind, target_key) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _VALUE_COLUMNS)
    + ", updated_ms = excluded.updated_ms RETURNING id"
)
# device_id IN (...) keeps daily_usage's (device_id, local_date, ...) primary key usable.
_USAGE_SELECT = (
    "SELECT app.\"key\", site.domain, category.name, SUM(daily_usage.seconds) "
    "FROM daily_usage JOIN app ON app.id = daily_usage.app_id "
    "LEFT JOIN site ON site.id = daily_usage.site_id "
    "LEFT JOIN category ON category.id = COALESCE(site.category_id, app.category_id) "
    "WHERE daily_usage.device_id {devices} AND daily_usage.local_date = ? "
    "GROUP BY app.\"key\", site.domain, category.name"
)
# device_id IN (...) keeps the (device_id, local_date) primary key usable
_USAGE_ON: dict[str, str] = {
    "all": _USAGE_SELECT.format(devices="IN (SELECT id FROM device)"),
    "this": _USAGE_SELECT.format(devices="= ?"),
    "others": _USAGE_SELECT.format(devices="IN (SELECT id FROM device WHERE id != ?)"),
}
