"""Storage recovery for the tray app's tracker: a SQLite file found corrupt is set aside.

At start-up ``Database.open`` sets a damaged file aside and starts a fresh one.
For a file damaged while the tracker runs, :class:`CorruptDatabaseRecovery`
applies :class:`~wellbeing.services.set_aside.SetAsideRecovery` (the policy
the headless tracker shares) to the context's database: it closes it, lets the
file be set aside, opens a fresh database at the same place, points the
context at it and returns a new :class:`~wellbeing.storage.writer.UsageWriter`.
Databases that are not a local SQLite file (PostgreSQL) are never set aside.
"""

from __future__ import annotations

import logging
import platform as pyplatform
import socket
from collections.abc import Callable
from pathlib import Path

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable
from wellbeing.services.context import Context
from wellbeing.services.set_aside import SetAsideRecovery
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.db import Database
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

    The policy is :class:`~wellbeing.services.set_aside.SetAsideRecovery`'s; this
    class closes and opens the context's SQLAlchemy database for it.

    Args:
        ctx: the opened context; its ``db`` and ``device_id`` are replaced on recovery.
        clock: where the set-aside time stamp comes from.
        make_writer: builds the writer for the fresh database (give the same hooks as the
            first writer, e.g. the rule labelling of new apps).
        max_recoveries: recoveries allowed in this process; beyond, the tracker just retries.
        notify: called with the message for the user after a recovery (the tray may show it).
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
        file, self._url = _sqlite_location(ctx)
        self._policy = None if file is None else SetAsideRecovery(
            file,
            clock,
            close_damaged=self._close_damaged,
            open_fresh=self._open_fresh,
            max_recoveries=max_recoveries,
            notify=notify,
        )

    @property
    def set_aside(self) -> list[Path]:
        """The files moved aside so far, oldest first."""
        return [] if self._policy is None else self._policy.set_aside

    @property
    def notice(self) -> str | None:
        """The message about the last recovery, for the user; None before any."""
        return None if self._policy is None else self._policy.notice

    def __call__(self, error: Exception) -> IntervalSink | None:
        """The writer of a fresh database if ``error`` shows a damaged file, else None."""
        if self._policy is None:
            if is_database_corruption(error):
                log.error("the database reports damage, but it is not a local file to set aside")
            return None
        return self._policy(error)

    def _close_damaged(self) -> None:
        """Close every connection first: SQLite removes ``<name>-wal`` by name on close."""
        try:
            self.ctx.db.close()
        except Exception:  # noqa: BLE001 - it is damaged; closing is best effort
            log.debug("closing the damaged database failed", exc_info=True)
            self.ctx.db.engine.dispose()

    def _open_fresh(self) -> IntervalSink:
        db = Database.open(self._url, self.ctx.paths, clock=self.clock)
        try:
            device_id = db.device_id(
                name=socket.gethostname(),
                platform=pyplatform.system().lower(),
                identity=self.ctx.paths.device_file,
            )
        except Exception as exc:  # e.g. disk full: retried at the next save
            db.close()
            raise StorageUnavailable(translate(
                "Storage", "Could not start a fresh database: {error}.").format(error=exc)) from exc
        if self.set_aside:
            db.set_aside = self.set_aside[-1]
            db.set_aside_message = self.notice
        self.ctx.db = db
        self.ctx.device_id = device_id
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

