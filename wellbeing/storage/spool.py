"""A local spool of pieces not yet written to a database that could not be reached.

When the tracker writes to another database (PostgreSQL on a server) and a save
fails, the pieces waiting to be written are also kept in ``spool.sqlite3`` in
the data folder (0600, standard library only), so closing the app or a crash
while the server is away loses nothing. The spool holds the latest backlog
(each failed save replaces it: the backlog only grows until a save succeeds),
and is emptied once a save succeeds. At the next start its pieces are written
to the database, without the time the device already has there, so pieces
that did reach the server are not counted twice.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece

__all__ = ["Spool"]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS piece ("
    "app_key TEXT NOT NULL, app_name TEXT NOT NULL, site TEXT, title TEXT, category TEXT, "
    "start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL, "
    "local_date INTEGER NOT NULL, segment INTEGER NOT NULL)"
)
_EPOCH = date(1970, 1, 1)


class Spool:
    """The spool file at ``path`` (created 0600 on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        with contextlib.closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
            conn.execute(_SCHEMA)
            yield conn

    def replace(self, pieces: Sequence[Piece]) -> None:
        """Keep exactly ``pieces`` (the backlog now), in one transaction."""
        with self._connect() as conn:
            conn.execute("DELETE FROM piece")
            conn.executemany(
                "INSERT INTO piece VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.focus.app_key, p.focus.app_name, p.focus.site, p.focus.title,
                  p.focus.category, p.start_ms, p.end_ms, p.utc_offset_min,
                  (p.local_date - _EPOCH).days, p.segment) for p in pieces],
            )

    def load(self) -> list[Piece]:
        """The pieces kept, oldest first (none when there is no spool)."""
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM piece ORDER BY start_ms").fetchall()
        return [
            Piece(Focus(app, name, site, title=title, category=category), start, end, offset,
                  _EPOCH + timedelta(days=day), segment)
            for app, name, site, title, category, start, end, offset, day, segment in rows
        ]

    def clear(self) -> None:
        """Forget the pieces (they were written)."""
        if self.path.exists():
            with self._connect() as conn:
                conn.execute("DELETE FROM piece")

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM piece").fetchone()[0])
