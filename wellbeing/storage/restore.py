"""Going back to an automatic backup: the current file is set aside, never deleted.

:func:`restore_backup` checks the backup (``PRAGMA integrity_check``), moves the
database in use and its ``-wal``/``-shm`` companions to
``wellbeing.sqlite3.before-restore-<UTC time>`` (0600), and copies the backup
into place through SQLite's online backup, as a fresh WAL database created
0600. The caller holds the tracker lock, so no tracker writes meanwhile; the
next open migrates the restored file if the backup is from an older version.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wellbeing.core.i18n import translate
from wellbeing.errors import BadDataError, StorageUnavailable
from wellbeing.storage.sqlite_file import SQLITE_COMPANIONS, integrity_problem

__all__ = ["Restored", "restore_backup"]


@dataclass(frozen=True)
class Restored:
    """Where the backup went, and where the file it replaced is kept."""

    backup: Path
    database: Path
    kept_as: Path | None


def restore_backup(backup: Path, database: Path, at: datetime) -> Restored:
    """Put ``backup`` in place of ``database``; the old file is renamed, not deleted.

    Raises:
        BadDataError: the backup is missing or damaged (nothing was changed).
        StorageUnavailable: the files could not be moved or written; the
            database in use is back where it was.
    """
    if not backup.is_file():
        raise BadDataError(translate("Storage", "there is no backup {backup}").format(
            backup=backup))
    problem = integrity_problem(backup)
    if problem is not None:
        raise BadDataError(
            translate("Storage", "the backup {backup} is damaged ({problem}); nothing was changed")
            .format(backup=backup.name, problem=problem),
            hint=translate("Storage", "Choose another backup ('wellbeing backup list')."))
    kept = _set_aside(database, at) if database.exists() else None
    partial = database.with_name(database.name + ".restoring")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        os.replace(partial, database)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if kept is not None:
            _put_back(kept, database)
        raise StorageUnavailable(
            translate("Storage", "could not restore {backup}: {error}").format(
                backup=backup.name, error=exc),
            hint=translate("Storage", "Nothing was lost: your database is as it was.")) from exc
    return Restored(backup, database, kept)


def _set_aside(database: Path, at: datetime) -> Path:
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = f".before-restore-{stamp}"
    counter = 1
    while database.with_name(database.name + suffix).exists():
        counter += 1
        suffix = f".before-restore-{stamp}-{counter}"
    target = database.with_name(database.name + suffix)
    try:
        for extra in SQLITE_COMPANIONS:
            companion = database.with_name(database.name + extra)
            if companion.exists():
                companion.rename(target.with_name(target.name + extra))
        database.rename(target)
    except OSError as exc:
        raise StorageUnavailable(
            translate("Storage", "could not set {database} aside: {error}").format(
                database=database, error=exc.strerror or exc),
            hint=translate("Storage", "Nothing was changed.")) from exc
    return target


def _put_back(kept: Path, database: Path) -> None:
    with contextlib.suppress(OSError):
        kept.rename(database)
        for extra in SQLITE_COMPANIONS:
            companion = kept.with_name(kept.name + extra)
            if companion.exists():
                companion.rename(database.with_name(database.name + extra))
