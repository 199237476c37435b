"""Writing intervals of use through the stdlib ``sqlite3`` module, for the lean headless tracker.

``import sqlalchemy`` alone costs more memory than the headless tracker may
use, so ``wellbeing track`` writes through :class:`SqliteUsageWriter`, which
imports neither SQLAlchemy nor any module that does (not ``storage.models``,
``storage.writer`` or ``storage.db``). It behaves exactly like
``storage.writer.UsageWriter.save``: the bookkeeping is the shared
:class:`storage.pieces.PieceLedger`; this module only gives it the row
operations as plain SQL with ``?`` placeholders. The schema (tables, keys,
``local_date`` as a day number) is the one ``storage.models`` and the Alembic
migrations create; this writer never creates or migrates anything.

The caller opens and configures the connection (``isolation_level=None``,
i.e. no implicit transactions, and the usual pragmas: busy_timeout, WAL,
synchronous=NORMAL, foreign_keys=ON). Each save is ONE transaction
(``BEGIN IMMEDIATE`` … ``COMMIT``, ``ROLLBACK`` on any error); in steady
state it is one UPDATE of the running piece and one daily_usage upsert.

Errors: a ``sqlite3.OperationalError`` (database locked, disk full, I/O)
becomes :class:`~wellbeing.errors.StorageUnavailable`, raised from it; any
other ``sqlite3.DatabaseError`` (a damaged file: "database disk image is
malformed", "file is not a database") propagates unchanged, so
``services.recovery.is_database_corruption`` recognises it. Either way the
database and the writer's memory are as before the save, which may be retried.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from wellbeing.core.activity import Interval as Piece
from wellbeing.storage.pieces import (
    NewNamesHook,
    PieceLedger,
    PieceRow,
    UsageKey,
    day_number,
    unwritable,
)
from wellbeing.storage.usage_sql import RECORDED_UNTIL

__all__ = ["SqliteUsageWriter"]


class SqliteUsageWriter:
    """Stores ``core.activity.Interval`` pieces for one device through a ``sqlite3`` connection.

    Args:
        connection: an open connection in autocommit mode (``isolation_level=None``)
            to a database with the current schema; the writer does not close it.
        device_id: the ``device`` row the pieces belong to.
        on_new_names: called after a commit that created app or site rows with
            (new app keys, new site domains); a failure there is logged and ignored.

    Raises:
        ValueError: the connection would open transactions implicitly.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        device_id: int,
        *,
        on_new_names: NewNamesHook | None = None,
    ) -> None:
        if connection.isolation_level is not None:
            raise ValueError("the connection must be in autocommit mode (isolation_level=None)")
        self._conn = connection
        self._device_id = device_id
        self._ledger = PieceLedger(on_new_names=on_new_names)

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        """Write finished and running pieces in one transaction (see ``storage.pieces``).

        Raises:
            StorageUnavailable: the database could not be written (busy, disk full, I/O).
            sqlite3.DatabaseError: the database file is damaged.
            ValueError: a piece ends before it starts.
        """
        self._ledger.save(finished, running, self._transaction)

    def recorded_until_ms(self) -> int | None:
        """Where this device's recorded time ends (epoch ms; None: nothing recorded)."""
        try:
            row = self._conn.execute(RECORDED_UNTIL, {"device": self._device_id}).fetchone()
        except sqlite3.OperationalError as exc:
            raise unwritable(exc) from exc
        return None if row is None or row[0] is None else int(row[0])

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[_SqliteStore]:
        """One transaction: BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteStore(conn, self._device_id)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise unwritable(exc) from exc


class _SqliteStore:
    """The ledger's row operations (``storage.pieces.RowStore``) as plain SQL."""

    def __init__(self, conn: sqlite3.Connection, device_id: int) -> None:
        self._conn = conn
        self._device_id = device_id

    def app_id(self, key: str, display_name: str) -> int:
        return self._get_or_create(_FIND_APP, _CREATE_APP, key, display_name)

    def site_id(self, domain: str) -> int:
        return self._get_or_create(_FIND_SITE, _CREATE_SITE, domain, domain)

    def title_id(self, title: str) -> int:
        return self._get_or_create(_FIND_TITLE, _CREATE_TITLE, title)

    def insert_piece(self, row: PieceRow) -> bool:
        cursor = self._conn.execute(_INSERT_PIECE, (
            self._device_id, day_number(row.local_date), row.start_ms, row.app_id,
            row.site_id, row.title_id, row.end_ms, row.utc_offset_min,
        ))
        return cursor.rowcount == 1  # 0: ON CONFLICT DO NOTHING, the start was taken

    def update_pieces(self, changes: Sequence[tuple[int, PieceRow]]) -> None:
        self._conn.executemany(_UPDATE_PIECE, [
            (row.app_id, row.site_id, row.title_id, row.start_ms, row.end_ms,
             row.utc_offset_min, self._device_id, day_number(row.local_date), stored_start)
            for stored_start, row in changes
        ])

    def delete_pieces(self, keys: Sequence[tuple[date, int]]) -> None:
        self._conn.executemany(_DELETE_PIECE, [
            (self._device_id, day_number(day), start) for day, start in keys
        ])

    def add_usage(self, deltas: Mapping[UsageKey, int]) -> None:
        self._conn.executemany(_ADD_USAGE, [
            (self._device_id, day_number(day), app_id, 0 if site_id is None else site_id,
             site_id, ms / 1000.0)
            for (day, app_id, site_id), ms in deltas.items()
            if ms != 0
        ])

    def _get_or_create(self, find: str, create: str, value: str, *more: str) -> int:
        """The id of the row named ``value``, inserted with ``more`` values if missing."""
        found = self._conn.execute(find, (value,)).fetchall()
        if not found:  # under BEGIN IMMEDIATE no one else can insert it meanwhile
            found = self._conn.execute(create, (value, *more)).fetchall()
        return int(found[0][0])


_FIND_APP = 'SELECT id FROM app WHERE "key" = ?'
_CREATE_APP = 'INSERT INTO app ("key", display_name) VALUES (?, ?) RETURNING id'
_FIND_SITE = "SELECT id FROM site WHERE domain = ?"
_CREATE_SITE = "INSERT INTO site (domain, display_name) VALUES (?, ?) RETURNING id"
_FIND_TITLE = "SELECT id FROM window_title WHERE title = ?"
_CREATE_TITLE = "INSERT INTO window_title (title) VALUES (?) RETURNING id"

_INSERT_PIECE = (
    'INSERT INTO "interval" (device_id, local_date, start_ms, app_id, site_id, title_id, '
    "end_ms, utc_offset_min) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (device_id, local_date, start_ms) DO NOTHING"
)
_UPDATE_PIECE = (
    'UPDATE "interval" SET app_id = ?, site_id = ?, title_id = ?, start_ms = ?, end_ms = ?, '
    "utc_offset_min = ? WHERE device_id = ? AND local_date = ? AND start_ms = ?"
)
_DELETE_PIECE = 'DELETE FROM "interval" WHERE device_id = ? AND local_date = ? AND start_ms = ?'
_ADD_USAGE = (
    "INSERT INTO daily_usage (device_id, local_date, app_id, site_key, site_id, seconds) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, local_date, app_id, site_key) "
    "DO UPDATE SET seconds = daily_usage.seconds + excluded.seconds"
)
