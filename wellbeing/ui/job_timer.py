"""The tray app's timed jobs, driven by one single-shot Qt timer on the GUI thread.

:class:`JobTimer` drives a :class:`~wellbeing.services.scheduler.JobScheduler`
(its :class:`~wellbeing.services.scheduler.DeadlineRunner`) the way the
headless tracker loop does: run what is due, then sleep until the next job. The
sleep is a single-shot ``QTimer`` armed for the next job, but never for more
than ``max_wait_s`` (:data:`~wellbeing.services.scheduler.WAKE_CHECK_SECONDS`):
Qt's timers do not count time spent in suspend, and the runner notices a
suspend or a clock step by reading the wall clock when it is called, so a
laptop that slept through 04:00 rolls over within a minute of waking. With
nothing due that is one short call a minute.

Jobs run on the GUI thread (as they did on APScheduler's ``QtScheduler``);
the backup, a ``worker`` job, runs in a thread of its own (:func:`in_thread`).
:meth:`JobTimer.call` runs a change of the jobs (a downtime moved by the
enforcer, from the tracker's thread) on the GUI thread and re-arms the timer.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from wellbeing.services.scheduler import WAKE_CHECK_SECONDS, Job, JobScheduler
from wellbeing.ui.gui_thread import GuiThread

MIN_WAIT_MS = 50
"""The shortest timer armed (a job due now waits for the next turn of the event loop)."""


def in_thread(job: Job) -> None:
    """Run ``job`` in a new thread (not a daemon: quitting waits for a backup being written)."""
    threading.Thread(target=job, name="wellbeing-job", daemon=False).start()


class JobTimer(QObject):
    """Runs ``scheduler``'s due jobs on this object's (GUI) thread, woken by one timer.

    Args:
        scheduler: the jobs; the runner reads ``scheduler.clock``.
        max_wait_s: the longest the timer sleeps before looking at the wall clock.
    """

    def __init__(
        self,
        scheduler: JobScheduler,
        *,
        max_wait_s: float = WAKE_CHECK_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        self.max_wait_s = max_wait_s
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_due)
        self._gui = GuiThread(self)
        self._running = False
        #: How often the timer ran the jobs that were due (0 or more each time).
        self.turns = 0

    def start(self) -> None:
        """Run what is due now (jobs missed while the app was off) and arm the timer."""
        self._running = True
        self.run_due()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()

    def call(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread (from any thread), then re-arm for the jobs it changed."""

        def then_rearm() -> None:
            try:
                fn()
            finally:
                self._arm()

        self._gui(then_rearm)

    def run_due(self) -> None:
        """Run the jobs that are due, then sleep until the next one (at most ``max_wait_s``)."""
        if not self._running:
            return
        self.turns += 1
        try:
            self.scheduler.run_due()
        finally:
            self._arm()

    def _arm(self) -> None:
        if not self._running:
            return
        wait = self.scheduler.seconds_until_next_job()
        if wait is None:
            self.timer.stop()
            return
        self.timer.start(max(MIN_WAIT_MS, math.ceil(min(wait, self.max_wait_s) * 1000)))
