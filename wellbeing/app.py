"""Composition root of the tray app: builds the services and starts Qt.

The tracker is the very same :class:`~wellbeing.services.tracker.TrackerService`
that ``wellbeing track`` runs, here in a worker thread. The dashboard is built
the first time it is opened, so the tray appears quickly.
"""

from __future__ import annotations

import argparse
import logging
import math
import signal
import sys
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.errors import AlreadyRunning, Unavailable, WellbeingError
from wellbeing.platform.instance import TrackerLock
from wellbeing.platform.system_clock import SystemClock, local_utc_offset_min
from wellbeing.services.context import Context, open_context
from wellbeing.services.pause_file import PauseFile
from wellbeing.services.reporting import today_local
from wellbeing.services.tracker import TrackerService
from wellbeing.services.tracking import build_tracker
from wellbeing.storage.queries import UsageQueries

if TYPE_CHECKING:
    from wellbeing.services.limits_runtime import LimitsRuntime
    from wellbeing.ui.dashboard import DashboardWindow
    from wellbeing.ui.settings import SettingsDialog
    from wellbeing.ui.times_up import TimesUpScreen

log = logging.getLogger("wellbeing.app")


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
        day = self.today()
        return self.queries.usage(day, day).total_seconds


class TrayApp:
    """The running app: tracker thread, tray icon, and the dashboard on demand."""

    def __init__(
        self,
        qt: QApplication,
        ctx: Context,
        tracker: TrackerService | None,
        *,
        db_url: str | None = None,
        fake: bool = False,
    ) -> None:
        from wellbeing.ui.limits_wiring import GuiThread
        from wellbeing.ui.tray import TrayController
        from wellbeing.ui.tray_notices import NoticePresenter

        self.qt = qt
        self.ctx = ctx
        self.tracker = tracker
        self.db_url = db_url
        self.fake = fake
        self.gui = GuiThread()
        self.limits: LimitsRuntime | None = None
        self.times_up: TimesUpScreen | None = None
        day_start = ctx.config.tracking.day_start_hour
        self.queries = ctx.queries()
        self.control = TrackerControl(
            tracker, self.queries, day_start, PauseFile(ctx.paths.pause_file)
        )
        self.control.restore_pause()
        self.window: DashboardWindow | None = None
        self.settings: SettingsDialog | None = None
        self.tray = TrayController(
            self.control, self.queries, SystemClock(), self.control.today, day_start_hour=day_start,
            offset_at=local_utc_offset_min,
        )
        self.tray.open_dashboard.connect(self.open_dashboard)
        self.tray.open_settings.connect(self.open_settings)
        self.tray.quit_requested.connect(qt.quit)
        # What goes wrong while tracking reaches the tray from the tracker's thread.
        self.notices = NoticePresenter(self.tray, log_file=ctx.paths.log_file)
        if tracker is not None:
            tracker.notices.subscribe(self.notices.post)

    def start(self) -> None:
        if self.tracker is not None:
            self.limits = self._start_limits(self.tracker)
            self.tracker.start()
        if not self.tray.show():
            log.info("no system tray here: opening the window instead (closing it quits)")
            self.qt.setQuitOnLastWindowClosed(True)
            self.open_dashboard()

    def _start_limits(self, tracker: TrackerService) -> LimitsRuntime | None:
        """The enforcer in the tracker's loop, the Time's up screen, jobs on the GUI thread."""
        from apscheduler.schedulers.qt import QtScheduler

        from wellbeing.services.limits_runtime import attach_limits
        from wellbeing.ui.limits_model import names_from_apps
        from wellbeing.ui.limits_wiring import TrayBalloon
        from wellbeing.ui.times_up import TimesUpScreen
        from wellbeing.ui.tray_quiet import add_quiet_menu

        self.times_up = TimesUpScreen(
            today=self.control.today, names=names_from_apps(self.queries.apps())
        )
        try:
            runtime = attach_limits(
                tracker,
                self.ctx.limits(),
                self.ctx.config,
                self.ctx.paths,
                db_url=self.db_url,
                fake=self.fake,
                presenter=self.times_up,
                extra_notifiers=[TrayBalloon(lambda: self.tray.tray, self.gui)],
                scheduler_class=QtScheduler,
                in_scheduler_thread=self.gui,
            )
        except Exception:  # noqa: BLE001 - tracking goes on without limits; the log says why
            log.exception("limits could not be started; tracking goes on without them")
            return None
        if runtime.quiet is not None:
            add_quiet_menu(self.tray, runtime.quiet, tracker.clock)
        return runtime

    def open_dashboard(self) -> None:
        if self.window is None:
            from wellbeing.ui.dashboard import DashboardWindow
            from wellbeing.ui.limits_model import names_from_apps
            from wellbeing.ui.limits_wiring import limits_model
            from wellbeing.ui.viewmodels import DashboardModel

            model = DashboardModel(
                self.queries, self.control.today, today_total=self.control.today_total_seconds
            )
            # locks are judged by trusted time (the enforcer's day) when it runs
            today = self.limits.enforcer.today if self.limits is not None else self.control.today
            limits = limits_model(
                self.ctx.limits(),
                clock=SystemClock(),
                today=today,
                day_start_hour=self.ctx.config.tracking.day_start_hour,
                names=names_from_apps(self.queries.apps()),
            )
            self.window = DashboardWindow(model, limits=limits)
            self.window.resize(self.window.default_size())
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def open_settings(self) -> None:
        from wellbeing.ui.settings import SettingsDialog

        if self.settings is None:
            self.settings = SettingsDialog(self.ctx.config, self.ctx.paths.config)
        self.settings.show()
        self.settings.raise_()

    def stop(self) -> None:
        self.notices.close()
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker.platform.close()
        if self.limits is not None:
            self.limits.close()
        if self.times_up is not None:
            self.times_up.hide_times_up()
        self.ctx.close()


def run(args: argparse.Namespace) -> int:
    """Start the tray app; returns the process exit code."""
    qt = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt, QApplication)
    qt.setApplicationName("wellbeing")
    qt.setApplicationDisplayName("Wellbeing")
    qt.setDesktopFileName("io.github.wellbeing")
    qt.setQuitOnLastWindowClosed(False)
    paths = paths_module.resolve(args.data_dir)
    try:
        paths_module.ensure_private_dir(paths.data_dir)
        logs.setup(paths, stderr_level=logging.INFO if args.verbose else logging.WARNING)
        lock = TrackerLock(paths.lock_file)
        lock.acquire()
    except AlreadyRunning as exc:
        _tell(QMessageBox.Icon.Information, "Already running", exc.message)
        return exc.exit_code
    except WellbeingError as exc:
        _tell(QMessageBox.Icon.Critical, "Cannot start", exc.user_message())
        return exc.exit_code
    try:
        try:
            ctx = open_context(args.data_dir, args.db, holds_lock=True)
        except WellbeingError as exc:
            _tell(QMessageBox.Icon.Critical, "Cannot open your data", exc.user_message())
            return exc.exit_code
        try:
            tracker: TrackerService | None = build_tracker(ctx, fake=args.fake_platform)
        except Unavailable as exc:
            _tell(
                QMessageBox.Icon.Warning,
                "Cannot see your windows",
                f"{exc.user_message()}\n\nYour history is still shown; nothing new is recorded.",
            )
            tracker = None
        tray_app = TrayApp(qt, ctx, tracker, db_url=args.db, fake=args.fake_platform)
        _quit_on_signals(qt)
        tray_app.start()
        notice: QMessageBox | None = None
        if ctx.notice:  # tracking already runs: tell, without blocking anything
            notice = _tell(QMessageBox.Icon.Warning, "Database was damaged", ctx.notice, wait=False)
        code = qt.exec()
        if notice is not None:
            notice.close()
        tray_app.stop()
        return int(code)
    finally:
        lock.release()


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
    """Let SIGINT/SIGTERM end the Qt loop cleanly (a timer gives Python a chance to run)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: qt.quit())
    timer = QTimer(qt)
    timer.timeout.connect(lambda: None)
    timer.start(500)
