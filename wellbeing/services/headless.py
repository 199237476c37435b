"""The headless tracker on the local SQLite file, without SQLAlchemy.

``wellbeing track`` runs for weeks; it should cost next to nothing. Importing
SQLAlchemy alone takes 37 MB of memory on Python 3.11, and a flush through it
costs about a millisecond, so this tracker writes through the standard
library's ``sqlite3`` (:class:`~wellbeing.storage.sqlite_writer.SqliteUsageWriter`,
which shares its bookkeeping with the SQLAlchemy writer and passes the same
tests). The schema still belongs to the SQLAlchemy models and Alembic; the
jobs that need them run in a short-lived child process
(:mod:`wellbeing.services.upkeep`) whose memory goes back when it exits:

- at start, ``prepare``: create or migrate the file, set a damaged one aside,
  get the device row, re-label stored apps and sites from the rules;
- when the tracker stored new apps or sites, ``label`` (in the background, one
  child per burst of new names, :data:`LABEL_DELAY_S` after the first), so
  categories and WM_CLASS are stored as in the tray app;
- when the file is found damaged while tracking: it is set aside by the policy
  the tray app shares (:class:`~wellbeing.services.set_aside.SetAsideRecovery`)
  and ``prepare`` starts a fresh one.

The tray app and ``track --db URL`` keep the SQLAlchemy writer
(:mod:`wellbeing.services.tracking`). import-linter checks that this module
never imports SQLAlchemy, not even indirectly.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from wellbeing.config import Config
from wellbeing.core.activity import Interval
from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.core.notice_texts import damaged_at_start
from wellbeing.errors import StorageUnavailable, WellbeingError
from wellbeing.paths import Paths
from wellbeing.platform import child_process
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.notices import NoticeRelay
from wellbeing.services.set_aside import SetAsideRecovery
from wellbeing.services.tracker import IntervalSink, TrackerService
from wellbeing.services.tracker_parts import announce_ready, tracker_parts
from wellbeing.storage.sqlite_file import (
    connect,
    schema_head,
    stored_revision,
)
from wellbeing.storage.sqlite_limits import SqliteLimitStore
from wellbeing.storage.sqlite_writer import SqliteUsageWriter

log = logging.getLogger("wellbeing.tracker")

#: How the upkeep child is started with this interpreter; a frozen bundle (PyInstaller)
#: has no ``-m``, so its one program takes :data:`FROZEN_UPKEEP` first instead.
FROZEN_UPKEEP = "--wellbeing-upkeep"
UPKEEP = (FROZEN_UPKEEP,) if getattr(sys, "frozen", False) else ("-m", "wellbeing.services.upkeep")
_PREPARE_TIMEOUT_S = 600.0  # a migration of years of history takes seconds; be generous
#: How long the first new app or site waits for others before one child labels them all.
LABEL_DELAY_S = 30.0

WmClasses = Callable[[], Mapping[str, tuple[str, ...]]]


class UpkeepFailed(WellbeingError):
    """The upkeep child could not prepare the database; carries the child's exit code."""

    def __init__(self, message: str, exit_code: int, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.exit_code = exit_code


class HeadlessStorage:
    """The local database as the headless tracker uses it: connection, writer, labels, recovery.

    Args:
        paths: the data directory's files (the database is ``paths.database``).
        clock: where the time of a set-aside comes from.
        wm_classes: the WM_CLASS parts seen so far per app key (stored with labels).
        python: the interpreter that runs the upkeep child (default: this one).
        notify: called with the message for the user when a damaged file was set aside
            (at start by the ``prepare`` child, or while tracking).
    """

    def __init__(
        self,
        paths: Paths,
        clock: Clock,
        *,
        wm_classes: WmClasses = dict,
        python: str = sys.executable,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.paths = paths
        self.notify = notify
        self.clock = clock
        self.device_id: int | None = None
        #: What ``prepare`` says the user should be told (a damaged file set aside), or None.
        self.notice: str | None = None
        self._wm_classes = wm_classes
        self._python = python
        self._conn: sqlite3.Connection | None = None
        self._recovery: SetAsideRecovery | None = None  # from the first open_writer()
        self._labellers: list[child_process.Child] = []
        self._labels_due: float | None = None  # monotonic time the labelling child starts
        self.labellers_started = 0

    # -- start -----------------------------------------------------------------------------

    def prepare(self) -> int:
        """Run the ``prepare`` child; return this machine's device id.

        Raises:
            UpkeepFailed: the child reported a user-facing error (its exit code is kept).
        """
        command = [self._python, *UPKEEP, "prepare", "--data-dir", str(self.paths.data_dir)]
        try:
            done = child_process.run(command, timeout=_PREPARE_TIMEOUT_S)
        except OSError as exc:  # TimeoutError included
            raise StorageUnavailable(
                translate("Storage", "Could not prepare the database {path}: {error}.").format(
                    path=self.paths.database, error=exc),
                hint=translate("Storage", "See the log in the data directory's logs folder."),
            ) from exc
        if done.code != 0:
            raise _child_error(done.code, done.stderr)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        if result.get("notice"):
            self.notice = str(result["notice"])
            if result.get("set_aside") and result.get("problem"):  # in this process' language
                self.notice = damaged_at_start(self.paths.database, str(result["problem"]),
                                               str(result["set_aside"]))
            if self.notify is not None and self._recovery is None:
                log.info("the database was set aside at start")  # the user hears it from notify
                self.notify(self.notice)
            else:
                log.warning("%s", self.notice)
        self.device_id = int(result["device_id"])
        return self.device_id

    def open_writer(self) -> IntervalSink:
        """Connect to the prepared file and return the writer (call :meth:`prepare` first).

        Raises:
            StorageUnavailable: the file cannot be opened or is not at this version's schema.
        """
        if self.device_id is None:
            raise RuntimeError("prepare() first")
        self._close_connection()
        conn = connect(self.paths.database)
        revision, head = stored_revision(conn), schema_head()
        if revision != head:
            conn.close()
            raise StorageUnavailable(
                translate("Storage", "The database {path} is at schema {revision}, not {head} as "
                                     "prepared.").format(
                    path=self.paths.database, revision=repr(revision), head=repr(head)),
                hint=translate("Storage",
                               "Another program changed it while wellbeing started; start again."),
            )
        self._conn = conn
        if self._recovery is None:  # watches the file just opened
            self._recovery = SetAsideRecovery(
                self.paths.database,
                self.clock,
                close_damaged=self._close_connection,
                open_fresh=self._open_fresh,
                notify=self.notify,
            )
        writer = SqliteUsageWriter(conn, self.device_id, on_new_names=self.request_labels)
        return _ThenPoll(writer, self.poll)

    def limit_store(self) -> LimitStore:
        """Limits on the connection in use (a fresh file after a set-aside included)."""
        return cast(LimitStore, _LiveLimitStore(self))

    # -- labels for new apps and sites -------------------------------------------------------

    def request_labels(self, app_keys: Sequence[str], domains: Sequence[str]) -> None:
        """The writer stored new apps or sites: label them in a background child soon.

        New names come in bursts (the first minutes of tracking, a new app's
        first windows) and then rarely; the first wish starts a
        :data:`LABEL_DELAY_S` wait that gathers the rest of the burst, so one
        child labels them all (each costs about half a CPU-second).
        """
        log.debug("new apps %s, sites %s: labelling soon", list(app_keys), list(domains))
        if self._labels_due is None:
            self._labels_due = self.clock.now().monotonic + LABEL_DELAY_S

    def poll(self) -> None:
        """Start the labelling child once its wait is over (called after every save)."""
        self._reap_labellers()
        if self._labels_due is not None and self.clock.now().monotonic >= self._labels_due:
            self._start_labeller()

    def label_command(self) -> list[str]:
        """The labelling child's command line: no app name or window class is on it."""
        return [self._python, *UPKEEP, "label", "--data-dir", str(self.paths.data_dir),
                "--wm-classes-on-stdin"]

    def _start_labeller(self) -> None:
        """Start the labelling child; the WM_CLASS parts seen reach it on stdin.

        Its stdin is an unnamed 0600 file holding them, not a pipe, so starting
        it never waits for the child to read.
        """
        self._labels_due = None
        wm_classes = {key: list(parts) for key, parts in self._wm_classes().items()}
        try:
            with child_process.unnamed_file(self.paths.data_dir) as seen:
                seen.write(json.dumps(wm_classes).encode("utf-8"))
                seen.seek(0)
                child = child_process.start(self.label_command(), stdin_fd=seen.fileno())
        except OSError as exc:
            log.warning("could not start labelling new apps: %s", exc)
            return
        self._labellers.append(child)
        self.labellers_started += 1

    def _reap_labellers(self, *, wait_s: float = 0.0) -> None:
        running = []
        for child in self._labellers:
            try:
                code = child.wait(timeout=wait_s) if wait_s else child.poll()
            except TimeoutError:
                log.warning("labelling new apps did not finish; it goes on in the background")
                continue
            if code is None:
                running.append(child)
            elif code != 0:
                log.warning("labelling new apps failed (exit %s); the log says why", code)
        self._labellers = running

    # -- damage while tracking ---------------------------------------------------------------

    def recover(self, error: Exception) -> IntervalSink | None:
        """The tracker's recovery: set a damaged file aside and write to a fresh one."""
        if self._recovery is None:  # no writer was ever opened
            return None
        return self._recovery(error)

    @property
    def set_aside(self) -> list[Path]:
        """The files moved aside while tracking, oldest first."""
        return [] if self._recovery is None else self._recovery.set_aside

    def _open_fresh(self) -> IntervalSink:
        self.prepare()
        return self.open_writer()

    # -- end ---------------------------------------------------------------------------------

    def close(self, *, wait_s: float = 30.0) -> None:
        """Label what waits, let labelling children finish, checkpoint the WAL and close."""
        if self._labels_due is not None:
            self._start_labeller()
        self._reap_labellers(wait_s=wait_s)
        self._close_connection()

    def _close_connection(self) -> None:
        if self._conn is None:
            return
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.debug("no checkpoint at close: %s", exc)
        try:
            self._conn.close()
        except sqlite3.Error as exc:
            log.debug("closing the damaged database: %s", exc)
        self._conn = None


class _LiveLimitStore:
    """A :class:`SqliteLimitStore` on whatever connection the storage holds now."""

    def __init__(self, storage: HeadlessStorage) -> None:
        self._storage = storage
        self._store: SqliteLimitStore | None = None
        self._conn: sqlite3.Connection | None = None

    def __getattr__(self, name: str) -> Any:
        conn, device_id = self._storage._conn, self._storage.device_id
        if conn is None or device_id is None:
            raise StorageUnavailable(translate(
                "Storage", "The database is not open (it is being replaced)."))
        if self._store is None or conn is not self._conn:
            self._store, self._conn = SqliteLimitStore(conn, device_id), conn
        return getattr(self._store, name)


class _ThenPoll:
    """The writer, plus a call to the storage's ``poll`` after every save (labels due)."""

    def __init__(self, writer: SqliteUsageWriter, poll: Callable[[], None]) -> None:
        self._writer = writer
        self._poll = poll

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        self._writer.save(finished, running)
        self._poll()


def build_headless_tracker(
    paths: Paths,
    config: Config,
    *,
    fake: bool = False,
    poll: float | None = None,
    idle_after: float | None = None,
) -> tuple[TrackerService, HeadlessStorage]:
    """Prepare the local database, then build the tracker writing to it without SQLAlchemy.

    A damaged file set aside (at start or while tracking) is posted to ``tracker.notices``.

    Raises:
        WellbeingError: the database cannot be used (the child's message and exit code).
    """
    parts = tracker_parts(config, fake=fake, poll=poll, idle_after=idle_after)
    notices = NoticeRelay()
    storage = HeadlessStorage(
        paths, parts.clock, wm_classes=lambda: parts.classifier.wm_classes,
        notify=notices.set_aside,
    )
    try:
        storage.prepare()
        writer = storage.open_writer()
    except BaseException:
        storage.close()
        parts.platform.close()
        raise
    tracker = TrackerService(
        parts.platform, writer, parts.clock, parts.settings,
        classify=parts.classifier, recover=storage.recover, notices=notices,
    )
    announce_ready(parts, paths.data_dir)
    return tracker, storage


def _child_error(code: int, stderr: str) -> WellbeingError:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    said = [line.removeprefix("wellbeing: ") for line in lines if line.startswith("wellbeing: ")]
    if said:
        return UpkeepFailed(" ".join(said), code)
    return UpkeepFailed(
        translate("Storage", "Preparing the database failed: {reason}.").format(
            reason=lines[-1] if lines else translate("Storage", "exit code {code}").format(
                code=code)),
        code if 1 <= code <= 4 else 4,
        hint=translate("Storage", "This is a bug; the log in the data directory's logs folder "
                                  "has the details."),
    )

