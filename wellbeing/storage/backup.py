"""The daily backup of the SQLite database, with the standard library only.

:func:`backup_sqlite` copies the live database with SQLite's online backup API
(``sqlite3.Connection.backup``: one read transaction, so the tracker keeps
writing meanwhile under WAL) into ``<data dir>/backups/wellbeing-YYYY-MM-DD.sqlite3``:

- the folder is made 0700 and the copy is created 0600 *before* anything is
  written to it (as ``<name>.partial``), so no other user can ever read it;
- the copy is switched to ``journal_mode=DELETE`` (one self-contained file, no
  ``-wal`` beside it) and must pass ``PRAGMA integrity_check`` before it is
  renamed into place. A damaged live file therefore never replaces, nor rotates
  away, a good older backup: the bad copy is removed and
  :class:`BackupFailed` says why;
- after a good copy only the newest :data:`KEEP` backups are kept (older ones are
  removed, and each removal is logged), and ``PRAGMA optimize`` runs on the live
  database.

:func:`sqlite_file_of` tells which file a ``--db`` URL names, without
SQLAlchemy; for any other database there is no file to copy and the backup is
skipped (see :func:`daily_backup`). Used by the headless tracker too, so this
module never imports SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from wellbeing.core.i18n import translate
from wellbeing.errors import BackupFailed, WellbeingError
from wellbeing.paths import Paths, ensure_private_dir

__all__ = [
    "KEEP",
    "BackupFailed",
    "BackupResult",
    "backup_name",
    "backup_sqlite",
    "backups_dir",
    "daily_backup",
    "list_backups",
    "sqlite_file_of",
]

log = logging.getLogger("wellbeing.storage.backup")

KEEP = 7
"""How many daily backups are kept."""

_NAME = re.compile(r"^wellbeing-(\d{4}-\d{2}-\d{2})\.sqlite3$")
_BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class BackupResult:
    """What a backup did.

    Attributes:
        path: the new backup file.
        removed: older backups removed by the rotation, oldest first.
    """

    path: Path
    removed: tuple[Path, ...] = ()


def backups_dir(paths: Paths) -> Path:
    """``<data dir>/backups``."""
    return paths.data_dir / "backups"


def backup_name(day: date) -> str:
    """``wellbeing-YYYY-MM-DD.sqlite3``."""
    return f"wellbeing-{day.isoformat()}.sqlite3"


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder`` (by their names only), oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def backup_sqlite(database: Path, folder: Path, day: date, *, keep: int = KEEP) -> BackupResult:
    """Copy ``database`` into ``folder`` as the backup of ``day``; rotate; optimize.

    A backup of ``day`` made earlier is replaced only by a good new one.

    Raises:
        BackupFailed: the database cannot be read, the copy fails its integrity
            check, or the folder cannot be written. Nothing older was touched.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    if not database.is_file() or database.stat().st_size == 0:
        raise BackupFailed(translate(
            "Storage", "There is no database at {database} to back up yet.").format(
            database=database))
    try:
        ensure_private_dir(folder)
    except WellbeingError as exc:
        raise BackupFailed(exc.message, hint=exc.hint) from exc
    final = folder / backup_name(day)
    partial = final.with_name(final.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by a crash during an earlier attempt
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        _copy(database, partial)
        problem = _integrity_problem(partial)
        if problem is not None:
            raise BackupFailed(
                translate("Storage", "The database {database} is damaged ({problem}), so it was "
                                     "not backed up; the older backups were kept.").format(
                    database=database, problem=problem),
                hint=translate("Storage", "Your earlier backups are in {folder}.").format(
                    folder=folder),
            )
        os.replace(partial, final)
        _sync_dir(folder)
    except sqlite3.Error as exc:
        raise BackupFailed(
            translate("Storage", "Could not back up the database {database}: {error}; the older "
                                 "backups were kept.").format(database=database, error=exc),
            hint=translate("Storage", "If this keeps happening, run `wellbeing doctor`."),
        ) from exc
    except OSError as exc:
        raise BackupFailed(
            translate("Storage", "Could not write the backup {backup}: {error}; the older "
                                 "backups were kept.").format(
                backup=final, error=exc.strerror or exc),
            hint=translate("Storage", "Check that {folder} is yours and has free space.").format(
                folder=folder),
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    removed = _rotate(folder, keep)
    _optimize(database)
    log.info("backed up the database to %s", final)
    return BackupResult(final, removed)


def _copy(database: Path, target: Path) -> None:
    """The online backup of ``database`` into the (empty, private) file ``target``."""
    with contextlib.closing(sqlite3.connect(database, timeout=_BUSY_TIMEOUT_MS / 1000)) as src:
        src.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        with contextlib.closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            # The copy keeps the WAL flag of the original; a backup is one plain file.
            dst.execute("PRAGMA journal_mode=DELETE")
    for extra in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            target.with_name(target.name + extra).unlink()


def _integrity_problem(path: Path) -> str | None:
    """``PRAGMA integrity_check`` of a copy: None if sound, else what is wrong."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    findings = [str(r[0]) for r in rows]
    if findings == ["ok"]:
        return None
    return "; ".join(findings[:3]) + (" ..." if len(findings) > 3 else "")


def _rotate(folder: Path, keep: int) -> tuple[Path, ...]:
    """Remove all but the newest ``keep`` backups; return what was removed."""
    backups = list_backups(folder)
    removed: list[Path] = []
    for old in backups[: max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("could not remove the old backup %s: %s", old, exc)
            continue
        log.info("removed the old backup %s (keeping the newest %d)", old, keep)
        removed.append(old)
    return tuple(removed)


def _optimize(database: Path) -> None:
    """``PRAGMA optimize`` on the live database (a failure is only logged).

    A fresh connection has run no queries for ``optimize`` to learn from, so it
    is asked to look at every table (``0x10002``, SQLite 3.46+), with a bounded
    analysis. Older SQLite (Debian 12 has 3.40) ignores that flag and would do
    nothing, so a database never analysed gets one bounded ``ANALYZE`` first.
    """
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=_BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.isolation_level = None
            conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA analysis_limit=400")
            analysed = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
            ).fetchone()
            if analysed is None:
                conn.execute("ANALYZE")
            conn.execute("PRAGMA optimize=0x10002")
    except sqlite3.Error as exc:
        log.warning("PRAGMA optimize on %s failed: %s", database, exc)


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sqlite_file_of(url: str | None, paths: Paths) -> Path | None:
    """The SQLite file a ``--db`` URL names (None: the data dir's own), or None if not a file.

    ``sqlite:///relative.db``, ``sqlite:////abs/path.db`` and ``sqlite+pysqlite://...``
    name files; ``sqlite://`` and ``:memory:`` do not, nor does any other database.
    """
    if url is None:
        return paths.database
    parts = urlsplit(url)
    if parts.scheme.split("+")[0] != "sqlite":
        return None
    if not parts.path.startswith("/") or parts.path == "/":
        return None
    name = unquote(parts.path[1:])
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name).expanduser().absolute()


def daily_backup(paths: Paths, url: str | None, day: date, *, keep: int = KEEP) -> Path | None:
    """The scheduled backup: back up the database in use, or say why not (logged, not raised).

    Returns:
        The new backup, or None when there was nothing to back up or it failed.
    """
    database = sqlite_file_of(url, paths)
    if database is None:
        log.info("no backup: the database is not a SQLite file (%s)", _scheme(url))
        return None
    try:
        return backup_sqlite(database, backups_dir(paths), day, keep=keep).path
    except BackupFailed as exc:
        log.error("%s", exc.user_message())
        return None


def _scheme(url: str | None) -> str:
    """A URL's scheme only: never log credentials."""
    return urlsplit(url or "").scheme or "unknown"
