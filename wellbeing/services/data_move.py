"""Moving the data folder somewhere else, losing nothing (``wellbeing move-data``).

The whole folder moves (database, settings, backups, logs, this computer's
device id), holding the tracker lock so nothing writes meanwhile. On one file
system that is a single rename. Across file systems the folder is copied, the
copied database is checked (``PRAGMA quick_check``), and only then is the old
folder renamed aside (``<name>-moved-<time>``), never deleted: the person
removes it when they are sure. Afterwards every start finds the new place: a
pointer in the user's config folder (``paths.moved_pointer``) names it, and a
"start at login" entry is written again with the new folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wellbeing import paths as paths_module
from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable, UsageError
from wellbeing.paths import Paths

__all__ = ["Moved", "check_destination", "describe_move", "move_data", "point_at"]


@dataclass(frozen=True)
class Moved:
    """What :func:`move_data` did: where the data is now, and an old copy kept aside."""

    data_dir: Path
    kept_as: Path | None


def check_destination(paths: Paths, new: Path) -> Path:
    """``new`` made absolute, if the data may move there.

    Raises:
        UsageError: it is the same folder, inside the data folder (or holds it),
            or a folder that is not empty.
    """
    old = paths.data_dir.resolve()
    target = new.expanduser().absolute()
    resolved = target.resolve()
    if resolved == old:
        raise UsageError(translate("Data", "the data is already in {folder}").format(folder=old))
    if resolved.is_relative_to(old) or old.is_relative_to(resolved):
        raise UsageError(translate(
            "Data", "{target} and the data folder {folder} are inside one another").format(
            target=target, folder=old),
            hint=translate("Data", "Choose a folder outside the data folder."))
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(translate("Data", "{target} is not an empty folder").format(
            target=target),
            hint=translate("Data", "Choose a new or empty folder; nothing was moved."))
    return target


def describe_move(paths: Paths, new: Path) -> str:
    """The confirmation's words: what moves where, and how much."""
    size = sum(f.stat().st_size for f in paths.data_dir.rglob("*") if f.is_file())
    return (f"this moves your data ({size / 1e6:.1f} MB: the database, settings, backups "
            f"and logs) from {paths.data_dir} to {new}")


def move_data(paths: Paths, new: Path, now: datetime | None = None, *,
              rename: Callable[[Path, Path], None] = os.rename) -> Moved:
    """Move the data folder to ``new`` (checked by :func:`check_destination`); the caller
    holds the tracker lock. ``rename`` is the file system's (tests refuse it across
    devices, as two file systems do).

    Raises:
        StorageUnavailable: the folder could not be moved or copied (nothing changed
            where the data was); BadDataError: the copy's database failed its check.
    """
    old = paths.data_dir
    with contextlib.suppress(FileNotFoundError, OSError):
        new.rmdir()  # an empty folder the person chose
    new.parent.mkdir(parents=True, exist_ok=True)
    _checkpoint(paths.database)
    try:
        rename(old, new)
        return Moved(new, None)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise StorageUnavailable(
                translate("Data", "could not move {old} to {new}: {error}").format(
                    old=old, new=new, error=exc.strerror or exc),
                hint=translate("Data", "Nothing was moved; check the folder's permissions."),
            ) from exc
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    aside = old.with_name(f"{old.name}-moved-{stamp}")
    try:
        # The WAL was folded in (and only a tracker writes, which the lock keeps out):
        # a reader closing meanwhile may delete the -wal and -shm files mid-copy.
        shutil.copytree(old, new, copy_function=shutil.copy2,
                        ignore=shutil.ignore_patterns("*.sqlite3-wal", "*.sqlite3-shm"))
        new.chmod(0o700)
        _check_copy(new / paths.database.name)
        rename(old, aside)  # the last step: until it, the data in use is where it was
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)  # the copy only
        raise
    return Moved(new, aside)


def point_at(new: Path) -> None:
    """Make every later start use ``new`` (the pointer; removed when it is the default)."""
    pointer = paths_module.moved_pointer()
    if new.absolute() == paths_module.default_data_dir().absolute():
        pointer.unlink(missing_ok=True)
        return
    pointer.parent.mkdir(parents=True, exist_ok=True)
    paths_module.write_private(pointer, f"{new.absolute()}\n".encode())


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the file, so the folder holds one self-contained database."""
    if not database.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(database)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise StorageUnavailable(
            translate("Data", "could not prepare {database} for the move: {error}").format(
                database=database, error=exc),
            hint=translate("Data", "Nothing was moved; try 'wellbeing doctor'.")) from exc


def _check_copy(database: Path) -> None:
    from wellbeing.errors import BadDataError

    if not database.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(database)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise BadDataError(translate(
            "Data", "the copy of the database in {folder} failed its check ({result}); nothing "
            "was moved").format(folder=database.parent, result=result))
