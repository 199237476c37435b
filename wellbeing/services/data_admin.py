"""Deleting data and restoring backups, safely beside a running tracker.

Both go through the tracker lock of the data folder (``platform.instance``):

- Deleting days before today is safe while wellbeing runs (a tracker writes
  only the day in progress), so it goes ahead; deleting today, or everything,
  needs the lock, so the tray app or ``track`` must be quit first, and holding
  the lock meanwhile keeps one from starting halfway.
- Restoring a backup always needs the lock (the file in use is replaced).

Everything deleted is named before it goes (:func:`describe_range`,
:func:`describe_everything`); deleting everything also deletes the automatic
backups (they hold the same history) but keeps the settings.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from wellbeing.core.durations import format_duration
from wellbeing.core.i18n import translate
from wellbeing.errors import AlreadyRunning, UsageError
from wellbeing.paths import Paths
from wellbeing.platform.instance import TrackerLock
from wellbeing.storage.backup import backups_dir, list_backups, sqlite_file_of
from wellbeing.storage.data_delete import Counted
from wellbeing.storage.restore import Restored, restore_backup

__all__ = [
    "Doing", "describe_everything", "describe_range", "find_backup", "holding_the_lock",
    "restore", "tracker_running",
]


def tracker_running(paths: Paths) -> int | None:
    """The pid of a tracker holding this data folder's lock (0 if unknown), or None."""
    lock = TrackerLock(paths.lock_file)
    if not paths.lock_file.exists():
        return None
    if lock.try_acquire():
        lock.release()
        return None
    return lock.holder_pid() or 0


Doing = Literal["delete", "delete-today", "move", "restart", "restore"]
"""What is done while holding the lock (each names its own sentence for a refusal)."""


def _refusal(doing: Doing, pid: str) -> str:
    sentences = {
        "delete": translate("Data", "wellbeing is running for this data folder (pid {pid}); "
                            "it cannot be deleted meanwhile."),
        "delete-today": translate("Data", "wellbeing is running for this data folder (pid "
                                  "{pid}); it cannot be deleted from today meanwhile."),
        "move": translate("Data", "wellbeing is running for this data folder (pid {pid}); "
                          "it cannot be moved meanwhile."),
        "restart": translate("Data", "wellbeing is running for this data folder (pid "
                             "{pid}); it cannot be restarted meanwhile."),
        "restore": translate("Data", "wellbeing is running for this data folder (pid "
                             "{pid}); it cannot be restored meanwhile."),
    }
    return sentences[doing].format(pid=pid)


@contextlib.contextmanager
def holding_the_lock(paths: Paths, doing: Doing, *, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the tracker lock while ``doing``; refuse while a tracker runs.

    Args:
        wait_s: how long a running wellbeing may take to quit first (the app's
            own "do it and start again", which quits right after asking).

    Raises:
        AlreadyRunning: wellbeing runs for this data folder (quit it first).
    """
    paths.lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock = TrackerLock(paths.lock_file)
    deadline = time.monotonic() + wait_s
    while not (acquired := lock.try_acquire()) and time.monotonic() < deadline:
        time.sleep(0.2)
    if not acquired:
        pid = lock.holder_pid()
        raise AlreadyRunning(
            _refusal(doing, str(pid) if pid else translate("Data", "unknown")),
            hint=translate("Data", "Quit it first (tray menu > Quit, or Ctrl+C for "
                           "'wellbeing track'), then try again."),
        )
    try:
        yield
    finally:
        lock.release()


def describe_range(counted: Counted, first: date, last: date, device: str | None) -> str:
    """The confirmation's words for deleting days."""
    days = _days(counted.days)
    use = format_duration(counted.seconds)
    if first == last:
        text = (translate("Data", "{intervals} intervals ({use} of use) on {days}, from "
                          "{first}, on {device}") if device else
                translate("Data", "{intervals} intervals ({use} of use) on {days}, from "
                          "{first}, on every device"))
    else:
        text = (translate("Data", "{intervals} intervals ({use} of use) on {days}, from "
                          "{first} to {last}, on {device}") if device else
                translate("Data", "{intervals} intervals ({use} of use) on {days}, from "
                          "{first} to {last}, on every device"))
    text = text.format(intervals=counted.intervals, use=use, days=days, first=first.isoformat(),
                       last=last.isoformat(), device=device)
    if counted.limit_events:
        text = translate("Data", "{usage} and {count} limit events of those days").format(
            usage=text, count=counted.limit_events)
    return text


def _days(count: int) -> str:
    return (translate("Data", "1 day") if count == 1 else
            translate("Data", "{count} days").format(count=count))


def describe_everything(counted: Counted, paths: Paths) -> str:
    """The confirmation's words for deleting everything."""
    backups = len(list_backups(backups_dir(paths)))
    return translate(
        "Data", "everything wellbeing recorded: {intervals} intervals ({use} of use on "
        "{days}), {limits} limits and the downtime, {events} limit events, {experiments} "
        "self-experiments with {answers} answers, and {backups} automatic backups in {folder}. "
        "Your settings ({settings}) stay").format(
        intervals=counted.intervals, use=format_duration(counted.seconds),
        days=_days(counted.days), limits=counted.limits, events=counted.limit_events,
        experiments=counted.experiments, answers=counted.answers, backups=backups,
        folder=backups_dir(paths), settings=paths.config.name)


def delete_backups(paths: Paths) -> int:
    """Delete the automatic backups (part of deleting everything); how many went."""
    gone = 0
    for backup in list_backups(backups_dir(paths)):
        backup.unlink(missing_ok=True)
        gone += 1
    return gone


def find_backup(paths: Paths, which: str) -> Path:
    """The backup named by a date (``2026-12-01``), a file name, or a path.

    Raises:
        UsageError: there is no such backup (the message lists the ones there are).
    """
    known = list_backups(backups_dir(paths))
    candidate = Path(which)
    for backup in known:
        if backup.name in (which, f"wellbeing-{which}.sqlite3") or str(backup) == which:
            return backup
    if candidate.is_file():
        return candidate
    names = ", ".join(b.name.removeprefix("wellbeing-").removesuffix(".sqlite3")
                      for b in known) or translate("Data", "none yet")
    raise UsageError(translate("Data", "there is no backup {name}").format(name=repr(which)),
                     hint=translate("Data", "Backups there are: {names}.").format(names=names))


def restore(paths: Paths, url: str | None, backup: Path, now: datetime | None = None, *,
            wait_s: float = 0.0) -> Restored:
    """Put ``backup`` in place of the database in use (a SQLite file), holding the lock.

    Raises:
        UsageError: the database in use is not a SQLite file (PostgreSQL has its own tools).
        AlreadyRunning: wellbeing runs for this data folder.
        BadDataError: the backup is damaged; StorageUnavailable: files could not be moved.
    """
    database = sqlite_file_of(url, paths)
    if database is None:
        raise UsageError(
            translate("Data", "backups are made of a SQLite file only; this database is not one"),
            hint=translate("Data",
                           "Restore a PostgreSQL database with its own tools (pg_restore)."))
    with holding_the_lock(paths, "restore", wait_s=wait_s):
        return restore_backup(backup, database, now or datetime.now(UTC))
