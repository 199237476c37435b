"""Composition root of the tray app: builds the services and starts Qt.

The tracker is the very same :class:`~wellbeing.services.tracker.TrackerService`
that ``wellbeing track`` runs, here in a worker thread. On the local file it
is built exactly like the headless one (:mod:`wellbeing.services.headless`:
the stdlib ``sqlite3`` writer, an upkeep child for migrations and labels), and
the tray reads through :class:`~wellbeing.storage.sqlite_reader.SqliteReader`,
so the tray process never imports SQLAlchemy; ``--db URL`` keeps SQLAlchemy.
The dashboard (pyqtgraph, numpy) is imported the first time it opens, and
closing it deletes its widgets and data. Views redraw when the tracker has
written (the ``saved`` signal), not on a timer.

Light at rest (issue 11: 60 MiB, 2 CPU-s an hour with the window closed): the
timed jobs run on :class:`~wellbeing.services.scheduler.DeadlineRunner` driven
by one Qt timer (``ui.job_timer``; no APScheduler, hence no asyncio or ssl),
the "Time's up" screen is built when a limit first needs it
(``ui.times_up_on_demand``), and the Limits page's modules load with the
dashboard. ``tests/e2e/test_gui_app.py`` counts what the tray at rest imports.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import gc
import linecache
import logging
import math
import signal
import socket
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from wellbeing import config as config_module
from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.config import Config
from wellbeing.errors import (
    AlreadyRunning,
    DatabaseUnreachable,
    StorageUnavailable,
    Unavailable,
    WellbeingError,
)
from wellbeing.platform.instance import START_PATIENCE_S, TrackerLock
from wellbeing.platform.system_clock import SystemClock, local_utc_offset_min
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.pause_file import PauseFile
from wellbeing.services.reporting import today_local
from wellbeing.services.save_hook import notify_after_saves
from wellbeing.services.tracker import TrackerService
from wellbeing.storage.queries import UsageQueries

if TYPE_CHECKING:
    from wellbeing.core.clock import Clock
    from wellbeing.core.limits import LimitTarget
    from wellbeing.services.autostart import Autostart
    from wellbeing.services.context import Context
    from wellbeing.services.experiment import ExperimentService
    from wellbeing.services.experiment_jobs import Opener
    from wellbeing.services.limits_runtime import LimitsRuntime
    from wellbeing.storage.queries import UsageItem
    from wellbeing.ui.dashboard import DashboardWindow
    from wellbeing.ui.job_timer import JobTimer
    from wellbeing.ui.limits_model import LimitsModel
    from wellbeing.ui.settings import SettingsDialog
    from wellbeing.ui.times_up_on_demand import TimesUpOnDemand
    from wellbeing.ui.viewmodels import DashboardModel

log = logging.getLogger("wellbeing.app")
translate = QCoreApplication.translate  # the interface's language (context "App")

SHOW_WRITES_EVERY_S = 20.0
"""The tracker's writes reach the tooltip and the open dashboard at most this often."""

#: When the memory that starting needed is handed back.
STARTUP_TRIM_MS = 3000
#: How often Python gets control to run a signal handler if the wake-up socket did not fire.
SIGNAL_CHECK_MS = 5000
_WAKEUP_SOCKETS: list[socket.socket] = []


class TrackerControl:
    """What the tray and dashboard may ask of the tracker (``ui.tray.TrackerControl``).

    With a ``pause_file``, a pause is kept across restarts: :meth:`restore_pause`
    pauses again as the app was when it quit.
    """

    def __init__(
        self,
        tracker: TrackerService | None,
        queries: UsageQueries,
        day_start_hour: int,
        pause_file: PauseFile | None = None,
    ):
        self.tracker = tracker
        self.queries = queries
        self.day_start_hour = day_start_hour
        self.pause_file = pause_file

    def pause(self, until_wall: float | None) -> None:
        if self.tracker is not None:
            self.tracker.pause(until_wall)
            if self.pause_file is not None:
                self.pause_file.save(until_wall)

    def resume(self) -> None:
        if self.tracker is not None:
            self.tracker.resume()
            if self.pause_file is not None:
                self.pause_file.clear()

    def restore_pause(self) -> None:
        """Pause the tracker again if the app was paused when it last quit."""
        if self.tracker is None or self.pause_file is None:
            return
        until = self.pause_file.load(self.tracker.clock.now().wall)
        if until is not None:
            self.tracker.pause(None if math.isinf(until) else until)

    def paused_until(self) -> float | None:
        return self.tracker.paused_until() if self.tracker is not None else None

    def today(self) -> date:
        return today_local(self.day_start_hour)

    def today_total_seconds(self) -> float:
        return self.queries.day_total(self.today())


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


class SaveSignal(QObject):
    """``saved`` is emitted (queued into the GUI thread) after the tracker wrote intervals."""

    saved = Signal()


class TrayApp:
    """The running app: tracker thread, tray icon, and the dashboard on demand."""

    def __init__(
        self,
        qt: QApplication,
        data: OpenedData,
        tracker: TrackerService | None,
        *,
        db_url: str | None = None,
        fake: bool = False,
    ) -> None:
        from wellbeing.ui.gui_thread import GuiThread
        from wellbeing.ui.tray import TrayController
        from wellbeing.ui.tray_notices import NoticePresenter

        self.qt = qt
        self.data = data
        self.tracker = tracker
        self.db_url = db_url
        self.fake = fake
        self.gui = GuiThread()
        self.limits: LimitsRuntime | None = None
        self.jobs: JobTimer | None = None
        self.times_up: TimesUpOnDemand | None = None
        self._ui_limits: LimitStore | None = None
        day_start = data.config.tracking.day_start_hour
        self.queries = data.queries
        self.control = TrackerControl(
            tracker, self.queries, day_start, PauseFile(data.paths.pause_file)
        )
        self.control.restore_pause()
        self.window: DashboardWindow | None = None
        self._cannot_read: QMessageBox | None = None  # kept while it shows
        self.settings: SettingsDialog | None = None
        self.autostart: tuple[Autostart, list[str]] | None = None
        self.tray = TrayController(
            self.control, self.queries, SystemClock(), self.control.today, day_start_hour=day_start,
            offset_at=local_utc_offset_min,
        )
        self.tray.open_dashboard.connect(self.open_dashboard)
        self.tray.open_settings.connect(self.open_settings)
        self.tray.open_checkin.connect(self.open_checkin)
        self.tray.quit_requested.connect(qt.quit)
        # What goes wrong while tracking reaches the tray from the tracker's thread.
        self.notices = NoticePresenter(self.tray, log_file=data.paths.log_file)
        if tracker is not None:
            tracker.notices.subscribe(self.notices.post)
        self.save_signal = SaveSignal()
        self.save_signal.saved.connect(self._on_saved)
        self.clock: Clock = SystemClock()
        self._shown_at: float | None = None  # when the last write was shown
        self._show_later = QTimer()
        self._show_later.setSingleShot(True)
        self._show_later.timeout.connect(self._show_writes)
        if tracker is not None:
            notify_after_saves(tracker, self.save_signal.saved.emit)

    def _on_saved(self) -> None:
        """The tracker wrote: show it (the tooltip, the dashboard if open) at once, or,
        within :data:`SHOW_WRITES_EVERY_S` of the last time, once when that has passed.

        The texts show minutes, so a write every few seconds (a switch every 5 s)
        need not cost a query each; the first write after a quiet spell shows at once.
        """
        if self._show_later.isActive():
            return
        wait = (0.0 if self._shown_at is None
                else self._shown_at + SHOW_WRITES_EVERY_S - self.clock.now().monotonic)
        if wait <= 0:
            self._show_writes()
        else:
            self._show_later.start(max(1, round(wait * 1000)))

    def _show_writes(self) -> None:
        self._shown_at = self.clock.now().monotonic
        self.tray.refresh_tooltip()
        if self.window is not None and self.window.isVisible():
            self.window.model.refresh()

    def start(self) -> None:
        if self.tracker is not None:
            self.limits = self._start_limits(self.tracker)
            self.tracker.start()
        if not self.tray.show():
            log.info("no system tray here: opening the window instead (closing it quits)")
            self.qt.setQuitOnLastWindowClosed(True)
            self.open_dashboard()
        # What starting needed and no longer does (parsed rules and settings, the
        # argument parser, ...) goes back to the system once the app is up.
        QTimer.singleShot(STARTUP_TRIM_MS, _return_free_memory)

    def _start_limits(self, tracker: TrackerService) -> LimitsRuntime | None:
        """The enforcer in the tracker's loop, the Time's up screen, jobs on the GUI thread."""
        from wellbeing.services.limits_runtime import attach_limits
        from wellbeing.ui.banner import DashboardBanner
        from wellbeing.ui.gui_thread import TrayBalloon
        from wellbeing.ui.job_timer import JobTimer, in_thread
        from wellbeing.ui.times_up_on_demand import TimesUpOnDemand
        from wellbeing.ui.tray_quiet import add_quiet_menu

        if self.data.tracker_limits is None:
            return None
        self.times_up = TimesUpOnDemand(self.gui, today=self.control.today, names=self._names)
        try:
            runtime = attach_limits(
                tracker,
                self.data.tracker_limits,
                self.data.config,
                self.data.paths,
                db_url=self.db_url,
                fake=self.fake,
                presenter=self.times_up,
                extra_notifiers=[
                    TrayBalloon(lambda: self.tray.tray, self.gui),
                    DashboardBanner(lambda: self.window, self.gui),
                ],
                tracker_runs_jobs=False,
                in_worker=in_thread,
                in_scheduler_thread=self._in_job_thread,
                experiment=self.data.job_experiment,
                on_action=self._on_notice_action,
            )
        except Exception:  # noqa: BLE001 - tracking goes on without limits; the log says why
            log.exception("limits could not be started; tracking goes on without them")
            return None
        self.jobs = JobTimer(runtime.scheduler, parent=self.gui)
        self.jobs.start()
        if runtime.quiet is not None:
            add_quiet_menu(self.tray, runtime.quiet, tracker.clock)
        return runtime

    def _in_job_thread(self, fn: Callable[[], None]) -> None:
        """Change the jobs on the GUI thread (from the tracker's), then re-arm their timer."""
        if self.jobs is not None:
            self.jobs.call(fn)
        else:
            self.gui(fn)

    def _names(self) -> Callable[[LimitTarget], str]:
        """Display names of limit targets (read when the Time's up screen is first built)."""
        from wellbeing.ui.limits_model import names_from_apps

        return names_from_apps(self.queries.apps())

    def _limits_model(self) -> LimitsModel | None:
        """The Limits page's model on a store of the GUI thread; None without limits."""
        from wellbeing.ui.limits_model import names_from_apps
        from wellbeing.ui.limits_wiring import limits_model

        if self.data.ui_limits is None:
            return None
        if self._ui_limits is None:
            self._ui_limits = self.data.ui_limits()
        # locks are judged by trusted time (the enforcer's day) when it runs
        today = self.limits.enforcer.today if self.limits is not None else self.control.today
        return limits_model(
            self._ui_limits,
            clock=SystemClock(),
            today=today,
            day_start_hour=self.data.config.tracking.day_start_hour,
            names=names_from_apps(self.queries.apps()),
        )

    def open_dashboard(self) -> None:
        try:
            self._show_dashboard()
        except StorageUnavailable as exc:  # the database server has not answered (yet)
            log.warning("the window cannot show your use: %s", exc.message)
            self._cannot_read = _tell(
                QMessageBox.Icon.Warning, "Database cannot be reached",
                self.data.notice or exc.user_message(), wait=False)

    def _show_dashboard(self) -> None:
        if self.window is None:
            from wellbeing.ui.dashboard import DashboardWindow
            from wellbeing.ui.viewmodels import DashboardModel

            model = DashboardModel(
                self.queries, self.control.today, today_total=self.control.today_total_seconds
            )
            self.window = DashboardWindow(  # redrawn by _on_saved
                model, limits=self._limits_model(), experiment=self._experiment_page(),
                refresh_ms=0,
            )
            self.window.resize(self.window.default_size())
            self.window.closed.connect(self._dashboard_closed)
            self.window.data_requested.connect(self.open_data)
            self._offer_device_filter(self.window, model)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _offer_device_filter(self, window: DashboardWindow, model: DashboardModel) -> None:
        """Several devices in the database: "All devices" or one, in the dashboard's header."""
        devices = self.queries.devices()
        if len(devices) < 2:
            return
        from wellbeing.ui.device_filter import DeviceChooser, DeviceSource

        def choose(device_id: int | None) -> None:
            model.set_source(DeviceSource(self.queries, device_id), live_today=device_id is None)

        window.add_to_header(DeviceChooser(devices, choose))

    def _on_notice_action(self, key: str, action_id: str) -> None:
        """A notification's button (any thread): "Check in" opens today's check-in."""
        from wellbeing.services.experiment_jobs import CHECKIN_ACTION, PROMPT_ACTION

        if action_id == CHECKIN_ACTION:
            self.gui(self.open_checkin)
        elif action_id == PROMPT_ACTION:
            self.gui(lambda: self.open_checkin("open_prompt"))

    def open_checkin(self, which: str = "open_checkin") -> None:
        """Open the dashboard's Experiment page and today's check-in (or prompt) on it."""
        if self.data.ui_experiment is None:
            return
        self.open_dashboard()
        window = self.window
        if window is None:
            return
        window.show_page("experiment")
        page = window.experiment_page
        opener = getattr(page, which, None)
        if callable(opener):
            opener()

    def _experiment_page(self) -> Callable[[], QWidget] | None:
        """Builds the Experiment page when it is first shown (it loads the experiment then)."""
        opener = self.data.ui_experiment
        if opener is None:
            return None
        today = self.limits.enforcer.today if self.limits is not None else self.control.today

        def build() -> QWidget:
            from wellbeing.ui.experiment_page import ExperimentPage

            def suggest() -> list[UsageItem]:
                return ExperimentPage.social_suggestions(self.queries, today())

            return ExperimentPage(opener(today), suggest)

        return build

    def _dashboard_closed(self) -> None:
        """Give back what the window held: its widgets, the chart's data, the model's snapshot."""
        window, self.window = self.window, None
        if window is None:
            return
        window.deleteLater()
        del window
        QTimer.singleShot(0, _return_free_memory)  # after Qt deleted the widgets

    def open_settings(self) -> None:
        from wellbeing.platform.select import CANDIDATES
        from wellbeing.services.classifier import load_rule_set
        from wellbeing.ui.data_dialog import cli_runner
        from wellbeing.ui.settings import SettingsDialog

        if self.settings is None:
            autostart = None
            if self.autostart is not None:
                way, command = self.autostart

                def set_login(on: bool) -> None:
                    way.enable(command) if on else way.disable()

                autostart = (way.enabled, set_login)
            _rules, problems = load_rule_set(self.data.config)
            self.settings = SettingsDialog(
                self.data.config, self.data.paths.config,
                on_applied=self.apply_settings, autostart=autostart,
                forget_titles=self.forget_titles,
                rule_problems=[str(p) for p in problems],
                data_dir=self.data.paths.data_dir,
                database=_db_host(self.db_url) if self.db_url else None,
                backends=[c.name for c in CANDIDATES],
                run=cli_runner(self.data.paths.data_dir, self.db_url),
                restart=self.quit_for,
            )
        self.settings.show()
        self.settings.raise_()

    def quit_for(self, args: Sequence[str]) -> None:
        """Hand ``wellbeing ARGS`` (with --restart-app: it waits for this app to quit,
        does it, and starts the app again) to a detached child, then quit."""
        from wellbeing.ui.data_dialog import cli_detached

        log.info("quitting for: wellbeing %s", " ".join(args[:3]))
        cli_detached(self.data.paths.data_dir, self.db_url)(args)
        self.qt.quit()

    def open_data(self) -> None:
        """The "Your data" window: export, import, delete days, backups (via the CLI)."""
        from wellbeing.ui.data_dialog import DataDialog, cli_runner

        run = cli_runner(self.data.paths.data_dir, self.db_url)
        dialog = DataDialog(run, self.control.today(), self.window, restart=self.quit_for)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: self._on_saved())  # imports and deletions show
        dialog.show()

    def apply_settings(self, config: Config) -> None:
        """What the running app can take at once: the classifier (titles, ignored apps,
        rules) and the away-after time; the rest waits for the next start."""
        from wellbeing.services.classifier import WindowClassifier, load_rule_set
        from wellbeing.ui.theme import apply_theme

        self.data.config = config
        apply_theme(self.qt, config.appearance.theme)
        if self.tracker is None:
            return
        rule_set, _problems = load_rule_set(config)
        self.tracker.classify = WindowClassifier(rule_set, config.privacy)
        idle = config.tracking.idle_after_seconds
        self.tracker.activity.idle_after = idle
        self.tracker.idle_reader.idle_after = idle
        self.tracker.wake()
        log.info("settings applied: classifier and away-after time (%g s)", idle)

    def forget_titles(self) -> int:
        """Forget the window titles stored so far (after "keep titles" was turned off)."""
        from wellbeing.storage.backup import sqlite_file_of
        from wellbeing.storage.titles import forget_titles, forget_titles_in_file

        database = sqlite_file_of(self.db_url, self.data.paths)
        if database is not None:
            return forget_titles_in_file(database)
        from wellbeing.storage.db import Database

        db = Database.open(self.db_url, self.data.paths)
        try:
            return forget_titles(db)
        finally:
            db.close()

    def stop(self) -> None:
        self.notices.close()
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker.platform.close()
        if self.jobs is not None:
            self.jobs.stop()
        if self.limits is not None:
            self.limits.close()
        if self.times_up is not None:
            self.times_up.hide_times_up()
        self.data.close()


def run(args: argparse.Namespace) -> int:
    """Start the tray app; returns the process exit code."""
    qt = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt, QApplication)
    qt.setApplicationName("wellbeing")
    qt.setApplicationDisplayName("Wellbeing")
    qt.setDesktopFileName("io.github.wellbeing")
    qt.setQuitOnLastWindowClosed(False)
    from wellbeing.ui.translation import install_translation

    install_translation(qt)
    paths = paths_module.resolve(args.data_dir)
    try:
        paths_module.ensure_private_dir(paths.data_dir)
        logs.setup(paths, stderr_level=logging.INFO if args.verbose else logging.WARNING)
        lock = TrackerLock(paths.lock_file)
        lock.acquire(patience_s=START_PATIENCE_S)
    except AlreadyRunning as exc:
        _tell(QMessageBox.Icon.Information, translate("App", "Already running"), exc.message)
        return exc.exit_code
    except WellbeingError as exc:
        _tell(QMessageBox.Icon.Critical, translate("App", "Cannot start"), exc.user_message())
        return exc.exit_code
    try:
        told = not args.fake_platform and _offer_gnome_extension()
        try:
            data, tracker = _open(args, paths, told=told)
        except WellbeingError as exc:
            _tell(QMessageBox.Icon.Critical, translate("App", "Cannot open your data"),
                  exc.user_message())
            return exc.exit_code
        if data.config.appearance.theme != "system":
            from wellbeing.ui.theme import apply_theme

            apply_theme(qt, data.config.appearance.theme)
        tray_app = TrayApp(qt, data, tracker, db_url=args.db, fake=args.fake_platform)
        session_notices = _session_notices(qt, tracker)  # noqa: F841 - kept while Qt runs
        _quit_on_signals(qt)
        tray_app.start()
        _explain_accessibility(tracker, paths)
        welcome = _start_at_login_and_welcome(tray_app, args, paths)  # noqa: F841 - kept
        notice: QMessageBox | None = None
        if data.notice:  # tracking already runs: tell, without blocking anything
            notice = _tell(QMessageBox.Icon.Warning, translate("App", data.notice_title),
                           data.notice, wait=False)
        code = qt.exec()
        if notice is not None:
            notice.close()
        tray_app.stop()
        return int(code)
    finally:
        lock.release()


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
    from wellbeing.services.context import open_context
    from wellbeing.services.deferred_tracking import (
        DeferredLimitStore,
        DeferredReadSource,
        LaterContext,
        build_deferred_tracker,
        deferred_experiment,
    )
    from wellbeing.services.experiment_admin import experiment_opener
    from wellbeing.services.limit_admin import open_limit_store

    paths = paths_module.resolve(args.data_dir)
    config = config_module.load(paths.config)
    log.warning("the database at %s cannot be reached (%s); tracking goes on and the time "
                "is kept in %s until it answers", exc.host, exc.message, paths.spool)
    later = LaterContext(lambda: open_context(args.data_dir, args.db, holds_lock=True))
    tracker: TrackerService | None
    try:
        tracker, _sink = build_deferred_tracker(
            later, paths.spool, paths.data_dir, config, where=exc.host, fake=args.fake_platform)
    except Unavailable as err:
        _cannot_see_windows(err, told=told)
        tracker = None
    notice = translate("App", "The database at {host} cannot be reached. Tracking goes on: "
                              "the time is kept on this computer and written to the database "
                              "as soon as it answers. Until then the window cannot show your "
                              "use.").format(host=exc.host)
    data = OpenedData(
        config, paths,
        UsageQueries(DeferredReadSource(later), day_start_hour=config.tracking.day_start_hour),
        notice, later.close,
        tracker_limits=DeferredLimitStore(later, open_limit_store),
        ui_limits=lambda: DeferredLimitStore(later, open_limit_store),
        job_experiment=lambda today: deferred_experiment(later, experiment_opener, today),
        notice_title=str(QT_TRANSLATE_NOOP("App", "Database cannot be reached")),
    )
    return data, tracker


def _session_notices(qt: QApplication, tracker: TrackerService | None) -> object | None:
    """On Windows, lock and sleep notices reach the tracker through Qt's loop (a native filter)."""
    from wellbeing.platform.windows import WindowsSession

    session = tracker.platform.session if tracker is not None else None
    if not isinstance(session, WindowsSession):
        return None
    from wellbeing.ui.session_notices import listen_for_session_notices

    return listen_for_session_notices(qt, session)


def _start_at_login_and_welcome(
    tray_app: TrayApp, args: argparse.Namespace, paths: paths_module.Paths
) -> QDialog | None:
    """Offer "Start at login" in the tray menu; the first time, the welcome (kept open)."""
    from wellbeing.services.autostart import autostart_for, launch_command, login_data_dir
    from wellbeing.ui.welcome import welcome_once

    way = autostart_for()
    command = launch_command(login_data_dir(args.data_dir))
    tray_app.tray.set_autostart(way, command)
    tray_app.autostart = (way, command)

    def done(start_at_login: bool) -> None:
        if start_at_login:
            try:
                way.enable(command)
            except OSError as exc:
                log.warning("start at login: cannot write %s: %s", way.where, exc)

    where = (f"the database you chose ({_db_host(args.db)})" if args.db
             else f"only on this computer, in {paths.data_dir}")
    return welcome_once(paths.data_dir, where, done)


def _db_host(url: str) -> str:
    """The host part of a database URL, without user or password."""
    rest = url.split("://", 1)[-1]
    return rest.split("@", 1)[-1].split("/", 1)[0] or "a local file"


def _explain_accessibility(tracker: TrackerService | None, paths: paths_module.Paths) -> None:
    """macOS without the Accessibility permission: say once what it would add, then ask."""
    probe = tracker.platform.foreground if tracker is not None else None
    if not hasattr(probe, "request_accessibility"):
        return
    from wellbeing.ui.accessibility_prompt import explain_accessibility

    explain_accessibility(probe, paths.data_dir)


def _offer_gnome_extension() -> bool:
    """On GNOME with Wayland without a working extension, offer to set it up; True if offered."""
    from wellbeing.services.gnome_setup import needs_setup, setup_gnome_extension

    status = needs_setup()
    if status is None:
        return False
    from wellbeing.ui.gnome_setup_prompt import GnomeExtensionPrompt

    log.warning("GNOME Shell extension: %s", status.detail)
    GnomeExtensionPrompt(status, setup_gnome_extension).exec()
    return True


def _cannot_see_windows(exc: Unavailable, *, told: bool = False) -> None:
    if told:
        log.warning("Cannot see your windows: %s", exc.user_message())
        return
    _tell(
        QMessageBox.Icon.Warning,
        translate("App", "Cannot see your windows"),
        exc.user_message() + "\n\n"
        + translate("App", "Your history is still shown; nothing new is recorded."),
    )


def _now_ms() -> int:
    import time

    return int(time.time() * 1000)


def _return_free_memory() -> None:
    """Drop caches, collect garbage and hand freed heap pages back to the system.

    PySide6 reads the source of every module imported after it (its
    ``__feature__`` check calls ``inspect.getsource``), which leaves them all in
    ``linecache``: 3.4 MiB for the tray app, much more once the dashboard
    imported pyqtgraph and numpy. It is only a cache (a traceback reads the
    lines again). Then glibc's ``malloc_trim`` returns the freed pages.
    """
    linecache.clearcache()
    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


def _tell(icon: QMessageBox.Icon, title: str, text: str, *, wait: bool = True) -> QMessageBox:
    """Show a message box (and log it, for when nobody is looking).

    With ``wait`` the call returns when the box is closed; otherwise the box
    stays up on its own while the app goes on (keep the returned reference).
    """
    log.warning("%s: %s", title, text)
    box = QMessageBox(icon, title, text)
    if wait:
        box.exec()
    else:
        box.setModal(False)
        box.show()
    return box


def _quit_on_signals(qt: QApplication) -> None:
    """Let SIGINT/SIGTERM end the Qt loop cleanly, without waking up while nothing happens.

    Python runs a signal handler only when the interpreter gets control; the
    handler's wake-up byte on a socket watched by a ``QSocketNotifier`` gives it
    that at once (instead of a timer waking the process twice a second). A
    socket pair, not a pipe: Windows takes only a socket as the wake-up
    descriptor, and macOS has no ``pipe2``.
    """
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    _WAKEUP_SOCKETS[:] = [reader, writer]  # kept open for the life of the process
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, qt)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            reader.recv(512)


    notifier.activated.connect(drain)
    def quit_on(signum: int, _frame: object) -> None:
        log.info("received %s, quitting", signal.Signals(signum).name)
        # Through the event loop: a signal that comes while the app is still starting
        # (before exec() runs, when exit() would do nothing) ends it as soon as it runs.
        QTimer.singleShot(0, lambda: qt.exit(0))

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, quit_on)
    # A safety net in case something else takes the wake-up descriptor: Python runs
    # pending handlers at least every few seconds (720 wake-ups an hour, not 7,200).
    timer = QTimer(qt)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_CHECK_MS)
