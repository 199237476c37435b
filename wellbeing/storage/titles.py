"""Forgetting the window titles already stored (when the user turns storing them off).

Intervals keep their app and site; only the link to the title and the titles
themselves go, in one transaction. :func:`forget_titles_in_file` does it on the
local SQLite file with the standard library (the tray app on the local file
never loads SQLAlchemy); :func:`forget_titles` on any database through
SQLAlchemy. Both return how many distinct titles were forgotten.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wellbeing.storage.db import Database

__all__ = ["forget_titles", "forget_titles_in_file"]

_UNLINK = "UPDATE interval SET title_id = NULL WHERE title_id IS NOT NULL"
_COUNT = "SELECT COUNT(*) FROM window_title"
_DELETE = "DELETE FROM window_title"


def forget_titles_in_file(database: Path) -> int:
    """Forget every stored title in the SQLite file ``database``."""
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn, conn:
        count = int(conn.execute(_COUNT).fetchone()[0])
        conn.execute(_UNLINK)
        conn.execute(_DELETE)
    return count


def forget_titles(db: Database) -> int:
    """Forget every stored title in ``db``."""
    from sqlalchemy import text

    with db.transaction() as conn:
        count = int(conn.execute(text(_COUNT)).scalar() or 0)
        conn.execute(text(_UNLINK))
        conn.execute(text(_DELETE))
    return count
