"""The tray app itself: the tray icon and menu, the tracker in its thread, the windows
opened on demand, and the tracker's writes shown (at most every few seconds)."""

from __future__ import annotations

import gc
import linecache
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget

from wellbeing.config import Config
from wellbeing.errors import (
    StorageUnavailable,
)
from wellbeing.platform.system_clock import SystemClock, local_utc_offset_min
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.pause_file import PauseFile
from wellbeing.services.save_hook import notify_after_saves
from wellbeing.services.tracker import TrackerService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from wellbeing.core.clock import Clock
    from wellbeing.core.limits import LimitTarget
    from wellbeing.services.autostart import Autostart
    from wellbeing.services.limits_runtime import LimitsRuntime
    from wellbeing.storage.queries import UsageItem
    from wellbeing.ui.dashboard import DashboardWindow
    from wellbeing.ui.job_timer import JobTimer
    from wellbeing.ui.limits_model import LimitsModel
    from wellbeing.ui.settings import SettingsDialog
    from wellbeing.ui.times_up_on_demand import TimesUpOnDemand
    from wellbeing.ui.viewmodels import DashboardModel

from wellbeing.app.control import TrackerControl
from wellbeing.app.opening import (
    OpenedData,
    _db_host,
    _tell,
)

log = logging.getLogger("wellbeing.app")
translate = QCoreApplication.translate  # the interface's language (context "App")


SHOW_WRITES_EVERY_S = 20.0
"""The tracker's writes reach the tooltip and the open dashboard at most this often."""

#: When the garbage that starting left is collected.
STARTUP_TRIM_MS = 3000


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
        #: How to start at login, and the command to name (worked out when first needed).
        self.autostart: tuple[Autostart, Callable[[], list[str]]] | None = None
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
        # argument parser, ...) is collected once the app is up.
        QTimer.singleShot(STARTUP_TRIM_MS, _forget_start_up)

    def _start_limits(self, tracker: TrackerService) -> LimitsRuntime | None:
        """The enforcer in the tracker's loop, the Time's up screen, jobs on the GUI thread."""
        from wellbeing.services.limits_runtime import attach_limits
        from wellbeing.ui.banner_notifier import DashboardBanner
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
                "Warning", translate("App", "Database cannot be reached"),
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
                    way.enable(command()) if on else way.disable()

                autostart = (way.enabled, set_login)
            _rules, problems = load_rule_set(self.data.config)
            self.settings = SettingsDialog(
                self.data.config, self.data.paths.config,
                on_applied=self.apply_settings, autostart=autostart,
                forget_titles=self.forget_titles,
                rule_problems=[p.shown() for p in problems],
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
        from PySide6.QtCore import Qt

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


def _forget_start_up() -> None:
    """After start: drop what ``linecache`` holds (tracebacks, PySide6's own checks of
    modules ``ui.pyside_scan`` leaves to it) and collect garbage.

    No ``malloc_trim`` here: what starting frees is reused by the running app, and
    ``ctypes``, needed to call it, would cost the tray more (0.35 MiB at rest,
    measured; issue 11) than the trim gives back.
    """
    linecache.clearcache()
    gc.collect()


def _return_free_memory() -> None:
    """Drop caches, collect garbage and hand freed heap pages back to the system.

    Called when the dashboard closed: PySide6 reads the source of modules imported
    after it (its ``__feature__`` check), which ``ui.pyside_scan`` answers from the
    files' bytes; what still lands in ``linecache`` (modules left to PySide6's own
    check, tracebacks) goes here. It is only a cache (a traceback reads the lines
    again). Then glibc's ``malloc_trim`` returns the pages the window's widgets,
    the chart's data and the model's snapshot freed.
    """
    _forget_start_up()
    import ctypes  # the dashboard loaded far more; the tray at rest never needs it

    try:
        # The C library is already loaded: its symbols are the process's own. (Naming
        # it with ctypes.util.find_library would run ldconfig, and load ctypes.util.)
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (or no dlopen(NULL))
        return
    trim(0)
