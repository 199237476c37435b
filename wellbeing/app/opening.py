"""Opening the data for the tray app: the local file (no SQLAlchemy), a database URL,
or a server that cannot be reached yet; and telling the user what went wrong.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)

from wellbeing import config as config_module
from wellbeing import paths as paths_module
from wellbeing.config import Config
from wellbeing.errors import (
    DatabaseUnreachable,
    Unavailable,
)
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.tracker import TrackerService
from wellbeing.storage.queries import UsageQueries

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from wellbeing.services.context import Context
    from wellbeing.services.experiment import ExperimentService
    from wellbeing.services.experiment_jobs import Opener


log = logging.getLogger("wellbeing.app")
translate = QCoreApplication.translate  # the interface's language (context "App")


@dataclass
class OpenedData:
    """What the app opened: settings, files, the read API, a notice for the user, and a closer."""

    config: Config
    paths: paths_module.Paths
    queries: UsageQueries
    notice: str | None
    close: Callable[[], None]
    tracker_limits: LimitStore | None = None
    """Limits as the tracker's thread reads them (the enforcer's store)."""
    ui_limits: Callable[[], LimitStore] | None = None
    """Opens a store of the limits for the GUI thread (the Limits page, the editor)."""
    ui_experiment: Callable[[Callable[[], date]], ExperimentService] | None = None
    """Opens the experiment for the GUI thread, given how to tell today (the Experiment page)."""
    job_experiment: Callable[[Callable[[], date]], Opener] | None = None
    """How the timed jobs open the experiment (check-in reminders, phase limits)."""
    notice_title: str = str(QT_TRANSLATE_NOOP("App", "Database was damaged"))
    """The title of the window that shows ``notice``."""

    @classmethod
    def of_context(cls, ctx: Context) -> OpenedData:
        """What a SQLAlchemy :class:`~wellbeing.services.context.Context` opened."""

        def experiment(today: Callable[[], date]) -> ExperimentService:
            from wellbeing.services.experiment import ExperimentService
            from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
            from wellbeing.storage.experiment_store import ExperimentStore

            store = ExperimentStore(SqlAlchemyRunner(ctx.db), ctx.device_id)
            return ExperimentService(store, ctx.limits(), today=today, now_ms=_now_ms)

        def jobs(today: Callable[[], date]) -> Opener:
            from wellbeing.services.experiment_admin import experiment_opener

            return experiment_opener(ctx, today)

        return cls(
            ctx.config, ctx.paths, ctx.queries(), ctx.notice, ctx.close,
            tracker_limits=ctx.limits(), ui_limits=ctx.limits, ui_experiment=experiment,
            job_experiment=jobs,
        )


def _open(
    args: argparse.Namespace, paths: paths_module.Paths, *, told: bool = False
) -> tuple[OpenedData, TrackerService | None]:
    """Open the data and build the tracker (None, after telling why, when windows cannot be seen).

    The local file goes the headless tracker's way (no SQLAlchemy in this
    process); a ``--db`` URL goes through SQLAlchemy. With ``told``, the user
    already heard why windows cannot be seen (the GNOME extension offer).

    Raises:
        WellbeingError: the data cannot be opened.
    """
    if args.db:
        return _open_with_sqlalchemy(args, told=told)
    from wellbeing.services.experiment_jobs import sqlite_opener
    from wellbeing.services.headless import HeadlessStorage, build_headless_tracker
    from wellbeing.storage.sqlite_reader import SqliteReader

    config = config_module.load(paths.config)
    tracker: TrackerService | None
    try:
        tracker, storage = build_headless_tracker(paths, config, fake=args.fake_platform)
    except Unavailable as exc:
        _cannot_see_windows(exc, told=told)
        tracker, storage = None, HeadlessStorage(paths, SystemClock())
        storage.prepare()
    reader = SqliteReader(paths.database)
    ui_connections: list[sqlite3.Connection] = []

    def ui_limits() -> LimitStore:
        from wellbeing.storage.sqlite_file import connect
        from wellbeing.storage.sqlite_limits import SqliteLimitStore

        assert storage.device_id is not None
        ui_connections.append(connect(paths.database))
        return SqliteLimitStore(ui_connections[-1], storage.device_id)

    def ui_experiment(today: Callable[[], date]) -> ExperimentService:
        from wellbeing.services.experiment import ExperimentService
        from wellbeing.storage.experiment_store import ExperimentStore, SqliteRunner

        limits = ui_limits()
        assert storage.device_id is not None
        store = ExperimentStore(SqliteRunner(ui_connections[-1]), storage.device_id)
        return ExperimentService(store, limits, today=today, now_ms=_now_ms)

    def close() -> None:
        reader.close()
        for conn in ui_connections:
            conn.close()
        storage.close(wait_s=3.0)  # a labelling child still running finishes on its own

    queries = UsageQueries(reader, day_start_hour=config.tracking.day_start_hour)
    data = OpenedData(
        config, paths, queries, storage.notice, close,
        tracker_limits=storage.limit_store(), ui_limits=ui_limits, ui_experiment=ui_experiment,
        job_experiment=lambda today: sqlite_opener(
            paths.database, lambda: storage.device_id, today),
    )
    return data, tracker


def _open_with_sqlalchemy(
    args: argparse.Namespace, *, told: bool = False
) -> tuple[OpenedData, TrackerService | None]:
    from wellbeing.services.context import open_context
    from wellbeing.services.tracking import build_tracker

    unreachable: DatabaseUnreachable | None = None
    try:
        ctx = open_context(args.data_dir, args.db, holds_lock=True)
    except DatabaseUnreachable as exc:
        unreachable = exc  # handled outside this handler (no exception context in its logs)
    if unreachable is not None:
        return _open_until_reachable(args, unreachable, told=told)
    tracker: TrackerService | None
    try:
        tracker = build_tracker(ctx, fake=args.fake_platform)
    except Unavailable as exc:
        _cannot_see_windows(exc, told=told)
        tracker = None
    return OpenedData.of_context(ctx), tracker


def _open_until_reachable(
    args: argparse.Namespace, exc: DatabaseUnreachable, *, told: bool = False
) -> tuple[OpenedData, TrackerService | None]:
    """Started while the server is away: track into the spool; the window reads once it answers."""
    from wellbeing.services.deferred_tracking import DeferredReadSource, start_offline

    offline = start_offline(args.data_dir, args.db, exc)
    config, later = offline.config, offline.later
    tracker: TrackerService | None
    try:
        tracker = offline.tracker(fake=args.fake_platform)
    except Unavailable as err:
        _cannot_see_windows(err, told=told)
        tracker = None
    notice = translate("App", "The database at {host} cannot be reached. Tracking goes on: "
                              "the time is kept on this computer and written to the database "
                              "as soon as it answers. Until then the window cannot show your "
                              "use.").format(host=exc.host)
    data = OpenedData(
        config, offline.paths,
        UsageQueries(DeferredReadSource(later), day_start_hour=config.tracking.day_start_hour),
        notice, later.close,
        tracker_limits=offline.limits(),
        ui_limits=offline.limits,
        job_experiment=offline.experiment,
        notice_title=str(QT_TRANSLATE_NOOP("App", "Database cannot be reached")),
    )
    return data, tracker


def _db_host(url: str) -> str:
    """The host part of a database URL, without user or password."""
    rest = url.split("://", 1)[-1]
    return rest.split("@", 1)[-1].split("/", 1)[0] or "a local file"


def _cannot_see_windows(exc: Unavailable, *, told: bool = False) -> None:
    if told:
        log.warning("Cannot see your windows: %s", exc.user_message())
        return
    _tell(
        "Warning",
        translate("App", "Cannot see your windows"),
        exc.user_message() + "\n\n"
        + translate("App", "Your history is still shown; nothing new is recorded."),
    )


BoxIcon = Literal["Information", "Warning", "Critical"]
"""A message box's icon: the name of its ``QMessageBox.Icon``."""


def _tell(icon: BoxIcon, title: str, text: str, *, wait: bool = True) -> QMessageBox:
    """Show a message box (and log it, for when nobody is looking).

    With ``wait`` the call returns when the box is closed; otherwise the box
    stays up on its own while the app goes on (keep the returned reference).
    ``QMessageBox`` is imported here, when a box is shown: the tray app at rest
    shows none (issue 11).
    """
    from PySide6.QtWidgets import QMessageBox

    log.warning("%s: %s", title, text)
    box = QMessageBox(QMessageBox.Icon[icon], title, text)
    if wait:
        box.exec()
    else:
        box.setModal(False)
        box.show()
    return box


def _now_ms() -> int:
    import time

    return int(time.time() * 1000)
