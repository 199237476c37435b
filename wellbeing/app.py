"""Composition root of the tray app: builds the services and starts Qt.

The tracker is the very same :class:`~wellbeing.services.tracker.TrackerService`
that ``wellbeing track`` runs, here in a worker thread. The dashboard is built
the first time it is opened, so the tray appears quickly.
"""

from __future__ import annotations

import argparse
import logging
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
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.context import Context, open_context
from wellbeing.services.reporting import today_local
from wellbeing.services.tracker import TrackerService
from wellbeing.services.tracking import build_tracker
from wellbeing.storage.queries import UsageQueries

if TYPE_CHECKING:
    from wellbeing.ui.dashboard import DashboardWindow
    from wellbeing.ui.settings import SettingsDialog

log = logging.getLogger("wellbeing.app")


class TrackerControl:
    """What the tray and dashboard may ask of the tracker (``ui.tray.TrackerControl``)."""

    def __init__(self, tracker: TrackerService | None, queries: UsageQueries, day_start_hour: int):
        self.tracker = tracker
        self.queries = queries
        self.day_start_hour = day_start_hour

    def pause(self, until_wall: float | None) -> None:
        if self.tracker is not None:
            self.tracker.pause(until_wall)

    def resume(self) -> None:
        if self.tracker is not None:
            self.tracker.resume()

    def paused_until(self) -> float | None:
        return self.tracker.paused_until() if self.tracker is not None else None

    def today(self) -> date:
        return today_local(self.day_start_hour)

    def today_total_seconds(self) -> float:
        day = self.today()
        return self.queries.usage(day, day).total_seconds


class TrayApp:
    """The running app: tracker thread, tray icon, and the dashboard on demand."""

    def __init__(self, qt: QApplication, ctx: Context, tracker: TrackerService | None) -> None:
        from wellbeing.ui.tray import TrayController

        self.qt = qt
        self.ctx = ctx
        self.tracker = tracker
        day_start = ctx.config.tracking.day_start_hour
        self.queries = ctx.queries()
        self.control = TrackerControl(tracker, self.queries, day_start)
        self.window: DashboardWindow | None = None
        self.settings: SettingsDialog | None = None
        self.tray = TrayController(
            self.control, self.queries, SystemClock(), self.control.today, day_start_hour=day_start
        )
        self.tray.open_dashboard.connect(self.open_dashboard)
        self.tray.open_settings.connect(self.open_settings)
        self.tray.quit_requested.connect(qt.quit)

    def start(self) -> None:
        if self.tracker is not None:
            self.tracker.start()
        if not self.tray.show():
            log.info("no system tray here: opening the window instead (closing it quits)")
            self.qt.setQuitOnLastWindowClosed(True)
            self.open_dashboard()

    def open_dashboard(self) -> None:
        if self.window is None:
            from wellbeing.ui.dashboard import DashboardWindow
            from wellbeing.ui.viewmodels import DashboardModel

            model = DashboardModel(
                self.queries, self.control.today, today_total=self.control.today_total_seconds
            )
            self.window = DashboardWindow(model)
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
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker.platform.close()
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
            ctx = open_context(args.data_dir, args.db)
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
        tray_app = TrayApp(qt, ctx, tracker)
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
