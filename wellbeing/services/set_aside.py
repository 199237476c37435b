"""The tracker's answer to a SQLite file damaged while it runs: set it aside, go on afresh.

A file can be damaged while the tracker runs (a disk error, another program
writing into it). Then every save fails with SQLite's "database disk image is
malformed" or "file is not a database", and retrying cannot help.
:class:`SetAsideRecovery` is the policy both trackers share (the tray app's,
through :mod:`wellbeing.services.recovery`, and the headless one, through
:mod:`wellbeing.services.headless`); they differ only in how a database is
closed and opened, which they pass in:

- the damaged file is set aside exactly as at start-up
  (``<name>.corrupt-<UTC time>``, companions included, nothing deleted),
  unless another wellbeing process (a ``report``) already did so and started a
  fresh file, which is then used as it is;
- a fresh database is opened and its writer returned, so the tracker writes its
  pending intervals there; if that fails, the next failed save tries again;
- after ``max_recoveries`` set-asides it stops (a disk that keeps damaging
  fresh files must not fill up with copies) and the tracker just retries.

Any other failure (disk full, locked) is not recovered: the tracker keeps its
intervals and retries. This module imports no SQLAlchemy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.errors import WellbeingError
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.sqlite_file import is_database_corruption, set_aside_sqlite_file

log = logging.getLogger("wellbeing.storage.recovery")


class SetAsideRecovery:
    """A tracker ``recover`` strategy for one SQLite file.

    Args:
        path: the database file.
        clock: where the set-aside time stamp comes from.
        close_damaged: closes every connection to the file (best effort).
        open_fresh: opens the database at ``path`` again (fresh after a set-aside)
            and returns its writer; raises :class:`WellbeingError` when it cannot.
        max_recoveries: set-asides allowed in this process.
        notify: called with the message for the user after a recovery.

    Attributes:
        set_aside: the files moved aside so far, oldest first.
        notice: the message about the last recovery, for the user; None before any.
    """

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        close_damaged: Callable[[], None],
        open_fresh: Callable[[], IntervalSink],
        max_recoveries: int = 3,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.max_recoveries = max_recoveries
        self.notify = notify
        self.set_aside: list[Path] = []
        self.notice: str | None = None
        self._close_damaged = close_damaged
        self._open_fresh = open_fresh
        self._inode = _inode(path)  # the file the tracker writes to
        self._awaiting_fresh = False
        self._gave_up = False

    def __call__(self, error: Exception) -> IntervalSink | None:
        """The writer of a fresh database if ``error`` shows a damaged file, else None."""
        if self._awaiting_fresh:  # set aside before, but the fresh database did not open
            return self._fresh()
        if not is_database_corruption(error):
            return None
        if len(self.set_aside) >= self.max_recoveries:
            if not self._gave_up:
                self._gave_up = True
                log.error(
                    "the database %s was damaged again after %d recoveries; not setting "
                    "more files aside, retrying instead - check the disk",
                    self.path,
                    len(self.set_aside),
                )
            return None
        problem = _first_line(error)
        self._close_damaged()
        if _inode(self.path) != self._inode:
            # Another wellbeing process found the damage first, moved the file aside and
            # started a fresh one: never move that.
            self.notice = translate(
                "Tracker", "The database {path} was damaged while wellbeing was recording "
                "({problem}); another wellbeing process already moved it aside and started a new "
                "one. Tracking goes on in that one.").format(path=self.path, problem=problem)
            log.warning(
                "the database %s was damaged while recording (%s); already moved aside",
                self.path,
                problem,
            )
            self._awaiting_fresh = True
            return self._fresh()
        stamp = datetime.fromtimestamp(self.clock.now().wall, UTC)
        try:
            aside = set_aside_sqlite_file(self.path, stamp)
        except WellbeingError as exc:
            log.error("%s", exc.user_message())
            return None
        self.set_aside.append(aside)
        self.notice = translate(
            "Tracker", "The database {path} was damaged while wellbeing was recording "
            "({problem}). It was moved aside to {aside} - nothing was deleted - and a new, empty "
            "database was started; tracking goes on. Your earlier records are still in that "
            "file; a tool such as `sqlite3 {aside} .recover` may save some of them."
        ).format(path=self.path, problem=problem, aside=aside)
        log.warning(
            "the database %s was damaged while recording (%s); moved aside to %s",
            self.path,
            problem,
            aside,
        )
        self._awaiting_fresh = True
        return self._fresh()

    def _fresh(self) -> IntervalSink | None:
        try:
            writer = self._open_fresh()
        except WellbeingError as exc:
            log.error("could not start a fresh database yet: %s", exc.user_message())
            return None
        self._inode = _inode(self.path)
        self._awaiting_fresh = False
        if self.notify is not None and self.notice is not None:
            self.notify(self.notice)
        log.info("recording into the fresh database %s", self.path)
        return writer


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _first_line(error: BaseException) -> str:
    origin = getattr(error, "orig", None) or error.__cause__ or error
    return (str(origin).strip().splitlines() or [type(origin).__name__])[0]
