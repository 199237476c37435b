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
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import gc
import linecache
import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from wellbeing import config as config_module
from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.config import Config
from wellbeing.errors import AlreadyRunning, Unavailable, WellbeingError
from wellbeing.platform.instance import TrackerLock
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.reporting import today_local
from wellbeing.services.save_hook import notify_after_saves
from wellbeing.services.tracker import TrackerService
from wellbeing.storage.queries import UsageQueries

if TYPE_CHECKING:
    from wellbeing.ui.dashboard import DashboardWindow
    from wellbeing.ui.settings import SettingsDialog

log = logging.getLogger("wellbeing.app")

#: When the memory that starting needed is handed back.
STARTUP_TRIM_MS = 3000
#: How often Python gets control to run a signal handler if the wake-up pipe did not fire.
SIGNAL_CHECK_MS = 5000


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
        return self.queries.day_total(self.today())


@dataclass
class OpenedData:
    """What the app opened: settings, files, the read API, a notice for the user, and a closer."""

    config: Config
    paths: paths_module.Paths
    queries: UsageQueries
    notice: str | None
    close: Callable[[], None]


class SaveSignal(QObject):
    """``saved`` is emitted (queued into the GUI thread) after the tracker wrote intervals."""

    saved = Signal()


class TrayApp:
    """The running app: tracker thread, tray icon, and the dashboard on demand."""

    def __init__(self, qt: QApplication, data: OpenedData, tracker: TrackerService | None) -> None:
        from wellbeing.ui.tray import TrayController

        self.qt = qt
        self.data = data
        self.tracker = tracker
        day_start = data.config.tracking.day_start_hour
        self.queries = data.queries
        self.control = TrackerControl(tracker, self.queries, day_start)
        self.window: DashboardWindow | None = None
        self.settings: SettingsDialog | None = None
        self.tray = TrayController(
            self.control, self.queries, SystemClock(), self.control.today, day_start_hour=day_start
        )
        self.tray.open_dashboard.connect(self.open_dashboard)
        self.tray.open_settings.connect(self.open_settings)
        self.tray.quit_requested.connect(qt.quit)
        self.save_signal = SaveSignal()
        self.save_signal.saved.connect(self._on_saved)
        if tracker is not None:
            notify_after_saves(tracker, self.save_signal.saved.emit)

    def _on_saved(self) -> None:
        """The tracker wrote: redraw the tooltip, and the dashboard if it is open."""
        self.tray.refresh_tooltip()
        if self.window is not None and self.window.isVisible():
            self.window.model.refresh()

    def start(self) -> None:
        if self.tracker is not None:
            self.tracker.start()
        if not self.tray.show():
            log.info("no system tray here: opening the window instead (closing it quits)")
            self.qt.setQuitOnLastWindowClosed(True)
            self.open_dashboard()
        # What starting needed and no longer does (parsed rules and settings, the
        # argument parser, ...) goes back to the system once the app is up.
        QTimer.singleShot(STARTUP_TRIM_MS, _return_free_memory)

    def open_dashboard(self) -> None:
        if self.window is None:
            from wellbeing.ui.dashboard import DashboardWindow
            from wellbeing.ui.viewmodels import DashboardModel

            model = DashboardModel(
                self.queries, self.control.today, today_total=self.control.today_total_seconds
            )
            self.window = DashboardWindow(model, refresh_ms=0)  # redrawn by _on_saved
            self.window.resize(self.window.default_size())
            self.window.closed.connect(self._dashboard_closed)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _dashboard_closed(self) -> None:
        """Give back what the window held: its widgets, the chart's data, the model's snapshot."""
        window, self.window = self.window, None
        if window is None:
            return
        window.deleteLater()
        del window
        QTimer.singleShot(0, _return_free_memory)  # after Qt deleted the widgets

    def open_settings(self) -> None:
        from wellbeing.ui.settings import SettingsDialog

        if self.settings is None:
            self.settings = SettingsDialog(self.data.config, self.data.paths.config)
        self.settings.show()
        self.settings.raise_()

    def stop(self) -> None:
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker.platform.close()
        self.data.close()


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
            data, tracker = _open(args, paths)
        except WellbeingError as exc:
            _tell(QMessageBox.Icon.Critical, "Cannot open your data", exc.user_message())
            return exc.exit_code
        tray_app = TrayApp(qt, data, tracker)
        _quit_on_signals(qt)
        tray_app.start()
        notice: QMessageBox | None = None
        if data.notice:  # tracking already runs: tell, without blocking anything
            notice = _tell(
                QMessageBox.Icon.Warning, "Database was damaged", data.notice, wait=False
            )
        code = qt.exec()
        if notice is not None:
            notice.close()
        tray_app.stop()
        return int(code)
    finally:
        lock.release()


def _open(
    args: argparse.Namespace, paths: paths_module.Paths
) -> tuple[OpenedData, TrackerService | None]:
    """Open the data and build the tracker (None, after telling why, when windows cannot be seen).

    The local file goes the headless tracker's way (no SQLAlchemy in this
    process); a ``--db`` URL goes through SQLAlchemy.

    Raises:
        WellbeingError: the data cannot be opened.
    """
    if args.db:
        return _open_with_sqlalchemy(args)
    from wellbeing.services.headless import HeadlessStorage, build_headless_tracker
    from wellbeing.storage.sqlite_reader import SqliteReader

    config = config_module.load(paths.config)
    tracker: TrackerService | None
    try:
        tracker, storage = build_headless_tracker(paths, config, fake=args.fake_platform)
    except Unavailable as exc:
        _cannot_see_windows(exc)
        tracker, storage = None, HeadlessStorage(paths, SystemClock())
        storage.prepare()
    reader = SqliteReader(paths.database)

    def close() -> None:
        reader.close()
        storage.close(wait_s=3.0)  # a labelling child still running finishes on its own

    queries = UsageQueries(reader, day_start_hour=config.tracking.day_start_hour)
    return OpenedData(config, paths, queries, storage.notice, close), tracker


def _open_with_sqlalchemy(
    args: argparse.Namespace,
) -> tuple[OpenedData, TrackerService | None]:
    from wellbeing.services.context import open_context
    from wellbeing.services.tracking import build_tracker

    ctx = open_context(args.data_dir, args.db)
    tracker: TrackerService | None
    try:
        tracker = build_tracker(ctx, fake=args.fake_platform)
    except Unavailable as exc:
        _cannot_see_windows(exc)
        tracker = None
    return OpenedData(ctx.config, ctx.paths, ctx.queries(), ctx.notice, ctx.close), tracker


def _cannot_see_windows(exc: Unavailable) -> None:
    _tell(
        QMessageBox.Icon.Warning,
        "Cannot see your windows",
        f"{exc.user_message()}\n\nYour history is still shown; nothing new is recorded.",
    )


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
    handler's wake-up byte on a pipe watched by a ``QSocketNotifier`` gives it
    that at once (instead of a timer waking the process twice a second).
    """
    read_fd, write_fd = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, qt)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(read_fd, 512)

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
