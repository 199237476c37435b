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

Here: :func:`run` (from the command line to a running tray app). The app
itself is :mod:`.tray_app`; opening the data (a local file, a database URL, a
server that cannot be reached yet) is :mod:`.opening`; the menu's control of
the tracker is :mod:`.control`.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import socket
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QSocketNotifier,
    QTimer,
)
from PySide6.QtWidgets import QApplication

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.app.control import TrackerControl
from wellbeing.app.opening import (
    OpenedData,
    _db_host,
    _open,
    _tell,
)
from wellbeing.app.tray_app import (
    SHOW_WRITES_EVERY_S,
    SaveSignal,
    TrayApp,
)
from wellbeing.errors import (
    AlreadyRunning,
    WellbeingError,
)
from wellbeing.platform.instance import START_PATIENCE_S, TrackerLock
from wellbeing.services.tracker import TrackerService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

__all__ = ["SHOW_WRITES_EVERY_S", "OpenedData", "SaveSignal", "TrackerControl", "TrayApp", "run"]

log = logging.getLogger("wellbeing.app")

#: How often Python gets control to run a signal handler if the wake-up socket did not fire.
SIGNAL_CHECK_MS = 5000
_WAKEUP_SOCKETS: list[socket.socket] = []
translate = QCoreApplication.translate  # the interface's language (context "App")

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
        _tell("Information", translate("App", "Already running"), exc.message)
        return exc.exit_code
    except WellbeingError as exc:
        _tell("Critical", translate("App", "Cannot start"), exc.user_message())
        return exc.exit_code
    try:
        told = not args.fake_platform and _offer_gnome_extension()
        try:
            data, tracker = _open(args, paths, told=told)
        except WellbeingError as exc:
            _tell("Critical", translate("App", "Cannot open your data"),
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
            notice = _tell("Warning", translate("App", data.notice_title),
                           data.notice, wait=False)
        code = qt.exec()
        if notice is not None:
            notice.close()
        tray_app.stop()
        return int(code)
    finally:
        lock.release()


def _session_notices(qt: QApplication, tracker: TrackerService | None) -> object | None:
    """On Windows, lock and sleep notices reach the tracker through Qt's loop (a native filter)."""
    windows = sys.modules.get("wellbeing.platform.windows")
    if windows is None:  # not imported, so no Windows session (and not imported for that)
        return None
    session = tracker.platform.session if tracker is not None else None
    if not isinstance(session, windows.WindowsSession):
        return None
    from wellbeing.ui.session_notices import listen_for_session_notices

    return listen_for_session_notices(qt, session)


def _start_at_login_and_welcome(
    tray_app: TrayApp, args: argparse.Namespace, paths: paths_module.Paths
) -> QDialog | None:
    """Offer "Start at login" in the tray menu; the first time, the welcome (kept open)."""
    from wellbeing.services.autostart import autostart_for, launch_command, login_data_dir
    from wellbeing.ui.first_start import welcome_once

    way = autostart_for()
    program = sys.argv[0]

    def command() -> list[str]:
        # Worked out when "Start at login" is first turned on: the default data dir it
        # compares with needs platformdirs, which the tray at rest does without.
        return launch_command(login_data_dir(args.data_dir), argv0=program)

    tray_app.tray.set_autostart(way, command)
    tray_app.autostart = (way, command)

    def done(start_at_login: bool) -> None:
        if start_at_login:
            try:
                way.enable(command())
            except OSError as exc:
                log.warning("start at login: cannot write %s: %s", way.where, exc)

    where = (f"the database you chose ({_db_host(args.db)})" if args.db
             else f"only on this computer, in {paths.data_dir}")
    return welcome_once(paths.data_dir, where, done)


def _explain_accessibility(tracker: TrackerService | None, paths: paths_module.Paths) -> None:
    """macOS without the Accessibility permission: say once what it would add, then ask."""
    probe = tracker.platform.foreground if tracker is not None else None
    if not hasattr(probe, "request_accessibility"):
        return
    from wellbeing.ui.accessibility_prompt import explain_accessibility

    explain_accessibility(probe, paths.data_dir)


def _offer_gnome_extension() -> bool:
    """On GNOME with Wayland without a working extension, offer to set it up; True if offered."""
    from wellbeing.platform.gnome_session import is_gnome_wayland

    if not is_gnome_wayland(os.environ):  # needs_setup's first answer, without its modules
        return False
    from wellbeing.services.gnome_setup import needs_setup, setup_gnome_extension

    status = needs_setup()
    if status is None:
        return False
    from wellbeing.ui.gnome_setup_prompt import GnomeExtensionPrompt

    log.warning("GNOME Shell extension: %s", status.detail)
    GnomeExtensionPrompt(status, setup_gnome_extension).exec()
    return True


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
