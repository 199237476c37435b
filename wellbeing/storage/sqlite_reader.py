"""Reading the local SQLite file through the standard library, for the lean tray app and CLI.

``import sqlalchemy`` and the models cost about 40 MiB and 0.45 s, more than a
whole ``wellbeing report`` may take and more than the tray app may hold. So
both read the local file through :class:`SqliteReader`, a
:class:`~wellbeing.storage.usage_sql.ReadSource` for
:class:`~wellbeing.storage.queries.UsageQueries`: the same SQL text as
``storage.db.Database.reading`` runs through SQLAlchemy, here on a ``sqlite3``
connection (autocommit, with the pragmas every connection uses). Each
``reading()`` is one ``BEGIN`` … ``COMMIT``, so its statements see one snapshot
while the tracker writes in WAL mode.

The file must already be at this version's schema (``storage.sqlite_file.
stored_revision`` equals ``schema_head``); creating and migrating it is the
SQLAlchemy side's job. This module imports neither SQLAlchemy nor anything
that does.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.sqlite_file import connect, schema_head, stored_revision


class SqliteReader:
    """Reads one SQLite file through its own ``sqlite3`` connection (opened on first use).

    Args:
        path: the database file, at this version's schema.

    One reader serves one thread at a time (the tray app reads from the GUI
    thread; the tracker writes through its own connection).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def reading(self) -> Iterator[_SqliteRows]:
        """One read transaction (``storage.queries.ReadSource``).

        Raises:
            StorageUnavailable: the file cannot be read (busy past the timeout, I/O).
        """
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN")
                try:
                    yield _SqliteRows(conn)
                finally:
                    conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                raise StorageUnavailable(
                    translate("Storage", "Cannot read the database {path}: {error}.").format(
                        path=self.path, error=exc),
                    hint=translate("Storage", "Try again in a moment; if it persists, run "
                                              "'wellbeing doctor'."),
                ) from exc

    def is_current(self) -> bool:
        """Whether the file exists with tables at this version's schema (else: use SQLAlchemy)."""
        if not self.path.is_file() or self.path.stat().st_size == 0:
            return False
        with self._lock:
            try:
                return stored_revision(self._connection()) == schema_head()
            except (sqlite3.Error, StorageUnavailable):
                return False

    def connection(self) -> sqlite3.Connection:
        """The reader's connection (for a caller that also writes labels, under its own lock)."""
        with self._lock:
            return self._connection()

    def close(self) -> None:
        """Close the connection (a later read opens it again)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.path)
        return self._conn


class _SqliteRows:
    """``storage.usage_sql.Rows`` on a ``sqlite3`` connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return self._conn.execute(sql, dict(params)).fetchall()
