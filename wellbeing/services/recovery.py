"""Storage recovery for the tracker: a SQLite file found corrupt while running is set aside.

At start-up ``Database.open`` sets a damaged file aside and starts a fresh one.
A file can also be damaged while the tracker runs (a disk error, another
program writing into it). Then every save fails with SQLite's "database disk
image is malformed" or "file is not a database", and retrying cannot help.
:class:`CorruptDatabaseRecovery` is the tracker's ``recover`` strategy for
that case: it closes the damaged database, sets the file aside exactly as at
start-up (``<name>.corrupt-<UTC time>``, companions included, nothing
deleted), opens a fresh database at the same place, points the context at it
and returns a new :class:`~wellbeing.storage.writer.UsageWriter`; the tracker
then writes its pending intervals there and goes on.

Any other failure (disk full, database locked, a server that went away) is
not recovered here: the tracker keeps its intervals and retries. Databases
that are not a local SQLite file (PostgreSQL) are never set aside.
"""

from __future__ import annotations

import logging
import platform as pyplatform
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from wellbeing.core.clock import Clock
from wellbeing.errors import WellbeingError
from wellbeing.services.context import Context
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.db import Database, set_aside_sqlite_file
from wellbeing.storage.sqlite_file import is_database_corruption
from wellbeing.storage.writer import UsageWriter

log = logging.getLogger("wellbeing.storage.recovery")

WriterFactory = Callable[[Database, int], IntervalSink]
"""Builds the sink for a database and device id (default: a plain ``UsageWriter``)."""

__all__ = [
    "CorruptDatabaseRecovery",
    "WriterFactory",
    "is_database_corruption",
    "reopen_on_corruption",
]

class CorruptDatabaseRecovery:
    """Sets a database file that went bad aside and opens a fresh one (a ``SinkRecovery``).

    Args:
        ctx: the opened context; its ``db`` and ``device_id`` are replaced on recovery.
        clock: where the set-aside time stamp comes from.
        make_writer: builds the writer for the fresh database (give the same hooks as the
            first writer, e.g. the rule labelling of new apps).
        max_recoveries: recoveries allowed in this process; beyond, the tracker just retries
            (a disk that keeps damaging fresh files must not fill up with set-aside copies).
        notify: called with the message for the user after a recovery (the tray may show it).

    Attributes:
        set_aside: the files moved aside so far, oldest first.
        notice: the message about the last recovery, for the user; None before any.
    """

    def __init__(
        self,
        ctx: Context,
        clock: Clock,
        *,
        make_writer: WriterFactory = UsageWriter,
        max_recoveries: int = 3,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.ctx = ctx
        self.clock = clock
        self.make_writer = make_writer
        self.max_recoveries = max_recoveries
        self.notify = notify
        self.set_aside: list[Path] = []
        self.notice: str | None = None
        self._file, self._url = _sqlite_location(ctx)
        self._awaiting_fresh = False
        self._gave_up = False

    def __call__(self, error: Exception) -> IntervalSink | None:
        """The writer of a fresh database if ``error`` shows a damaged file, else None."""
        if self._awaiting_fresh:  # set aside before, but the fresh database did not open
            return self._open_fresh()
        if not is_database_corruption(error):
            return None
        if self._file is None:
            log.error("the database reports damage, but it is not a local file to set aside")
            return None
        if len(self.set_aside) >= self.max_recoveries:
            if not self._gave_up:
                self._gave_up = True
                log.error(
                    "the database %s was damaged again after %d recoveries; not setting "
                    "more files aside, retrying instead - check the disk",
                    self._file,
                    len(self.set_aside),
                )
            return None
        problem = _first_line(error)
        self._close_damaged()
        stamp = datetime.fromtimestamp(self.clock.now().wall, UTC)
        try:
            aside = set_aside_sqlite_file(self._file, stamp)
        except WellbeingError as exc:
            log.error("%s", exc.user_message())
            return None
        self.set_aside.append(aside)
        self.notice = (
            f"The database {self._file} was damaged while wellbeing was recording ({problem}). "
            f"It was moved aside to {aside} - nothing was deleted - and a new, empty database "
            "was started; tracking goes on. Your earlier records are still in that file; a "
            f"tool such as `sqlite3 {aside} .recover` may save some of them."
        )
        log.warning("%s", self.notice)
        self._awaiting_fresh = True
        return self._open_fresh()

    def _close_damaged(self) -> None:
        """Close every connection first: SQLite removes ``<name>-wal`` by name on close."""
        try:
            self.ctx.db.close()
        except Exception:  # noqa: BLE001 - it is damaged; closing is best effort
            log.debug("closing the damaged database failed", exc_info=True)
            self.ctx.db.engine.dispose()

    def _open_fresh(self) -> IntervalSink | None:
        try:
            db = Database.open(self._url, self.ctx.paths, clock=self.clock)
        except WellbeingError as exc:
            log.error("could not start a fresh database: %s", exc.user_message())
            return None
        try:
            device_id = db.device_id(
                name=socket.gethostname(), platform=pyplatform.system().lower()
            )
        except Exception:  # noqa: BLE001 - e.g. disk full: retried at the next save
            log.exception("could not start a fresh database")
            db.close()
            return None
        db.set_aside = self.set_aside[-1] if self.set_aside else db.set_aside
        db.set_aside_message = self.notice or db.set_aside_message
        self.ctx.db = db
        self.ctx.device_id = device_id
        self._awaiting_fresh = False
        if self.notify is not None and self.notice is not None:
            self.notify(self.notice)
        log.info("recording into the fresh database %s", self._file)
        return self.make_writer(db, device_id)


def reopen_on_corruption(
    ctx: Context,
    clock: Clock,
    *,
    make_writer: WriterFactory = UsageWriter,
    notify: Callable[[str], None] | None = None,
) -> CorruptDatabaseRecovery:
    """The tracker's ``recover`` strategy for ``ctx`` (see :class:`CorruptDatabaseRecovery`)."""
    return CorruptDatabaseRecovery(ctx, clock, make_writer=make_writer, notify=notify)


def _sqlite_location(ctx: Context) -> tuple[Path | None, str | None]:
    """The SQLite file behind ``ctx.db`` and the URL to reopen it (None = the default file)."""
    url = ctx.db.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None, None
    file = Path(str(url.database))
    if file == ctx.paths.database:
        return file, None
    return file, url.render_as_string(hide_password=False)


def _first_line(error: BaseException) -> str:
    origin = getattr(error, "orig", None) or error.__cause__ or error
    return (str(origin).strip().splitlines() or [type(origin).__name__])[0]
