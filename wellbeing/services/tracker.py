"""The tracker: probe -> core.activity -> storage, in a loop or a worker thread.

The same service runs headless (``wellbeing track``) and inside the tray app.
It samples the platform every ``poll`` seconds, or sooner when the backend
reports a focus change, feeds :class:`~wellbeing.core.activity.ActivityTracker`,
and writes the intervals often enough that what is on disk is never more than
``flush_every`` seconds behind (so a ``kill -9`` loses at most that much).

A backend that reports every change of the focus and its title by itself (its
foreground probe has ``reports_changes = True``, as X11's does) and whose lock
state needs no polling (the session probe has ``reports_changes = True`` too;
if it also has a ``fileno()``, the foreground probe must be able to
``watch_fd`` it so that a lock wakes the wait) lets the loop sleep while
nothing happens: it then
samples when the backend says something changed, when the running interval is
due to be written, and when idle time could start to matter (see
:meth:`~wellbeing.services.idle_reader.IdleReader.quiet_until`); at the poll
rate only while paused, while idle time is near or past the limit, and while
storage fails. The backend's ``wake()``, if it has one, cuts a wait short when
the tracker is paused, resumed or stopped. A wall-clock step or a suspend is
then noticed at the next sample, up to ``flush_every`` seconds later instead of
``poll`` (the time around it that cannot be placed is that much longer).

A session probe that knows the machine is about to sleep (``preparing_for_sleep()``,
logind's ``PrepareForSleep``) makes the sample then end the running interval,
which is written at once; its ``ready_for_sleep()`` then lets the machine go
(logind waits for that, a few seconds at most). Idle inhibitors (a film
playing) are the idle probe's business (``platform.session_watch``).

Storage trouble never stops tracking: a save that fails because of the
storage (``storage_error``, see :mod:`wellbeing.services.storage_errors`)
keeps its intervals and is retried at the next sample. When a save fails, the
injected ``recover`` strategy (see :mod:`wellbeing.services.recovery`) may hand
back a new sink, e.g. a fresh database after a corrupt one was set aside; the
pending intervals and the running one are then written there at once. A save
that raises anything else is a bug: it is logged with its traceback, the loop
makes one last attempt to write and ends with
:class:`~wellbeing.errors.TrackingFailed` instead of retrying forever.

What the user must know (the worker thread died and was restarted, tracking
stopped, a database was set aside) is posted to :attr:`TrackerService.notices`
(:mod:`wellbeing.services.notices`), from whichever thread it happens in.

No Qt here: the GUI talks to it through plain methods. Its ports and settings
are :mod:`wellbeing.services.tracker_ports`.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence

from wellbeing.core.activity import ActivityTracker, Focus, Interval, Sample
from wellbeing.core.clock import Clock, Instant
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Platform, WindowInfo
from wellbeing.services.idle_reader import IdleReader
from wellbeing.services.notices import NoticeRelay
from wellbeing.services.storage_errors import is_storage_error
from wellbeing.services.tracker_ports import (
    FLUSH_LEAD_SECONDS,
    Classifier,
    IntervalSink,
    KnowsRecordedEnd,
    SampleObserver,
    SinkRecovery,
    TrackerSettings,
    lock_needs_polling,
    plain_focus,
    reports_changes,
    session_call,
    session_fd,
)
from wellbeing.services.tracker_thread import run_supervised, save_bug

__all__ = [
    "Classifier",
    "IntervalSink",
    "SampleObserver",
    "SinkRecovery",
    "TrackerService",
    "TrackerSettings",
    "plain_focus",
]

log = logging.getLogger("wellbeing.tracker")

class TrackerService:
    """Runs the sampling loop; pause/resume and status are safe from any thread.

    Args:
        platform: the probes (foreground window, idle time, lock state).
        sink: where intervals are written.
        clock: where time comes from.
        settings: sampling and writing settings.
        classify: turns a window into what is counted (app, site).
        recover: asked for a replacement sink when a save fails (None: just retry).
        observer: told about every sample (the limit enforcer); the loop wakes when
            it asks to, so a limit is acted on as it is crossed.
        notices: where what the user must be told goes (default: a relay of its own).
        storage_error: whether an error a save raised comes from the storage (retried);
            anything else stops tracking.
        restarts: how often the worker thread runs the loop again after it died.

    Attributes:
        samples: samples taken so far.
        write_failures: saves that raised.
        recoveries: times ``recover`` replaced the sink.
        failure: the bug that made a save fail and stopped tracking, else None.
        restarted: times the worker thread ran the loop again after it died.
    """

    def __init__(
        self,
        platform: Platform,
        sink: IntervalSink,
        clock: Clock,
        settings: TrackerSettings | None = None,
        classify: Classifier = plain_focus,
        recover: SinkRecovery | None = None,
        observer: SampleObserver | None = None,
        *,
        notices: NoticeRelay | None = None,
        storage_error: Callable[[BaseException], bool] = is_storage_error,
        restarts: int = 1,
    ) -> None:
        self.platform = platform
        self.sink = sink
        self.clock = clock
        self.settings = settings or TrackerSettings()
        self.classify = classify
        self.recover = recover
        self.observer = observer
        self._observer_due: float | None = None  # monotonic time the observer wants a sample
        self._observer_failed = False
        self.notices = notices or NoticeRelay()
        self.storage_error = storage_error
        self.restarts = restarts
        poll = self.settings.poll_seconds
        flush_every = self.settings.flush_every
        #: Sleep while nothing happens (see the module docstring) instead of polling.
        self.event_driven = reports_changes(platform.foreground) and not lock_needs_polling(
            platform.session, platform.foreground
        )
        #: The session probe's descriptor the foreground probe's wait also wakes on.
        self.watched_fd = session_fd(platform.session) if self.event_driven else None
        if self.watched_fd is not None:
            platform.foreground.watch_fd(self.watched_fd)  # type: ignore[attr-defined]
        self.activity = ActivityTracker(
            idle_after=self.settings.idle_after_seconds,
            day_start_hour=self.settings.day_start_hour,
            max_gap=max(15.0, 5 * poll, 3 * flush_every),
        )
        self.idle_reader = IdleReader(
            platform.idle,
            self.settings.idle_after_seconds,
            margin=2 * poll + 1.0,
            max_step=max(3 * poll, flush_every if self.event_driven else 0.0) + 1.0,
        )
        self._flush_lead = FLUSH_LEAD_SECONDS if self.event_driven else poll
        self._wake: Callable[[], None] | None = getattr(platform.foreground, "wake", None)
        self._stop = threading.Event()
        self._stop_requested: Instant | None = None
        self._lock = threading.Lock()
        self._paused_until: float | None = None
        self._paused_indefinitely = False
        self._pending: list[Interval] = []
        self._last_flush_mono: float | None = None
        self._failing_since: int | None = None
        self._written_for_sleep = False  # the interval before this sleep is written
        self._thread: threading.Thread | None = None
        # The last window classified, by the classifier then in use, and its focus.
        self._last_window: WindowInfo | None = None
        self._last_classify: Classifier | None = None
        self._last_focus: Focus | None = None
        self.samples = 0
        self.write_failures = 0
        self.recoveries = 0
        self.failure: BaseException | None = None
        self.restarted = 0

    # -- control (any thread) -------------------------------------------------

    def pause(self, until_wall: float | None) -> None:
        """Stop counting until ``until_wall`` (epoch seconds), or until resumed if None."""
        indefinitely = until_wall is None or math.isinf(until_wall)
        with self._lock:
            self._paused_until = None if indefinitely else until_wall
            self._paused_indefinitely = indefinitely
        self._interrupt_wait()
        log.info(
            "tracking paused %s",
            "until resumed" if until_wall is None else f"until {until_wall:.0f}",
        )

    def resume(self) -> None:
        with self._lock:
            self._paused_until = None
            self._paused_indefinitely = False
        self._interrupt_wait()
        log.info("tracking resumed")

    def paused_until(self) -> float | None:
        """Epoch seconds when the pause ends; ``inf`` if paused until resumed; None if running.

        A timed pause whose end has passed reads as None (it ended by itself).
        """
        wall = self.clock.now().wall
        with self._lock:
            if self._paused_indefinitely:
                return float("inf")
            if self._paused_until is not None and wall >= self._paused_until:
                self._paused_until = None
            return self._paused_until

    def is_paused(self, now: Instant | None = None) -> bool:
        if self._paused_until is None and not self._paused_indefinitely:
            return False  # not paused (read without the lock: a pause counts from the next one)
        wall = (now or self.clock.now()).wall
        with self._lock:
            if self._paused_indefinitely:
                return True
            if self._paused_until is not None and wall >= self._paused_until:
                self._paused_until = None
            return self._paused_until is not None

    @property
    def stop_requested(self) -> bool:
        """Whether :meth:`request_stop` was called."""
        return self._stop.is_set()

    def request_stop(self) -> None:
        """Ask the loop to end (safe from a signal handler); use counts up to this moment."""
        if self._stop_requested is None:
            self._stop_requested = self.clock.now()
        self._stop.set()
        self._interrupt_wait()

    def wake(self) -> None:
        """Take the next sample now (from any thread): something outside changed."""
        self._interrupt_wait()

    @property
    def pending(self) -> int:
        """Finished intervals not yet written (non-zero only while storage fails)."""
        return len(self._pending)

    # -- the loop ---------------------------------------------------------------

    def step(self) -> None:
        """Take one sample, feed it, and write what is due.

        Raises:
            Unavailable: the platform went away; nothing was fed for this sample.
        """
        self._step_at(self.clock.now())

    def run(self, duration: float | None = None) -> None:
        """Sample until :meth:`request_stop` (or ``duration`` seconds), then flush everything.

        If the platform goes away (the X server closed at logout), the running
        interval is ended at the last good sample and written, and
        ``Unavailable`` propagates.
        """
        self._continue_after_recorded()
        started = self.clock.now().monotonic
        poll = self.settings.poll_seconds
        wait_for_change = self.platform.foreground.wait_for_change
        lost = False
        try:
            while not self._stop.is_set():
                now = self.clock.now()  # one clock reading per loop: the sample's
                self._step_at(now)
                timeout = self._quiet_for(now) if self.event_driven else poll
                if duration is not None:
                    left = duration - (now.monotonic - started)
                    if left <= 0:
                        break
                    timeout = min(timeout, left)
                wait_for_change(timeout)
        except Unavailable as exc:
            lost = True
            log.warning("the platform went away (%s); saving what was recorded", exc.message)
            raise
        finally:
            self.shutdown(at_last_sample=lost)

    def start(self) -> threading.Thread:
        """Run :meth:`run` in a daemon worker thread (the GUI's way)."""
        self._thread = threading.Thread(
            target=self._run_logged, name="wellbeing-tracker", daemon=True
        )
        self._thread.start()
        return self._thread

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker thread and wait for its final flush."""
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)

    def shutdown(self, *, at_last_sample: bool = False) -> None:
        """End the running interval and write everything.

        The running interval ends when the stop was requested (the loop may
        notice it up to one poll later), else now.

        Args:
            at_last_sample: end at the last sample taken (the platform is gone, so
                nothing after it is known).
        """
        now = self.clock.now()
        end = None if at_last_sample else (self._stop_requested or now)
        self._pending.extend(self.activity.close(end))
        self._flush(now, ())
        for event in self.activity.drain_events():
            log.info("%s: %s", event.kind, event.detail)
        if self._pending and getattr(self.sink, "keeps_unsaved", False):
            log.warning("could not write %d intervals before stopping; they are kept for the "
                        "next start", len(self._pending))
        elif self._pending:
            log.error(
                "could not write %d intervals before stopping; they are lost", len(self._pending)
            )

    # -- internals ----------------------------------------------------------------

    def _continue_after_recorded(self) -> None:
        """Tell the activity tracker where earlier runs' recorded time ends.

        After a restart with the wall clock set back (by up to an hour), the new
        run's time then starts there instead of overlapping rows already written.
        """
        if not isinstance(self.sink, KnowsRecordedEnd):
            return
        try:
            until = self.sink.recorded_until_ms()
        except Exception as exc:
            if not self.storage_error(exc):
                raise
            log.warning("could not read where the recorded time ends: %s", exc)
            return
        if until is not None:
            self.activity.continue_after(until)

    def _step_at(self, now: Instant) -> None:
        sample = self._sample(now)
        self.samples += 1
        finished = self.activity.feed(sample)
        if finished:
            self._pending.extend(finished)
        for event in self.activity.drain_events():
            log.info("%s: %s", event.kind, event.detail)
        if self.observer is not None:
            self._tell_observer(now, sample, finished)
        if sample.asleep:
            self._before_sleep(now)
        else:
            self._written_for_sleep = False
        # Finished intervals wait for the next due flush too: one write every few
        # seconds however often the focus changes, and still at most 5 s at risk.
        if self._flush_due(now):
            self._flush(now, self.activity.running())
        if self.failure is not None:
            raise save_bug(self.failure) from self.failure

    def _before_sleep(self, now: Instant) -> None:
        """Write what was in use, once per sleep, then let the machine sleep."""
        if self._written_for_sleep:
            return
        self._written_for_sleep = True
        self._flush(now, self.activity.running())
        session_call(self.platform.session, "ready_for_sleep")
        if self._pending:
            log.warning("going to sleep; %d intervals could not be written yet", len(self._pending))
        else:
            log.info("going to sleep; usage written")

    def _tell_observer(self, now: Instant, sample: Sample, finished: Sequence[Interval]) -> None:
        """Hand the sample to the observer; its failure is logged once and never stops tracking."""
        assert self.observer is not None
        window = self._last_window if sample.focus is not None else None
        try:
            due = self.observer.observe(
                now, window, sample.focus, finished, self.activity.running()
            )
        except Exception:  # noqa: BLE001 - limits failing must not stop the recording
            if not self._observer_failed:
                log.exception("enforcing limits failed; tracking goes on")
            self._observer_failed = True
            self._observer_due = None
            return
        self._observer_due = None if due is None else now.monotonic + max(0.0, due)

    def _run_logged(self) -> None:
        run_supervised(self)

    def _flush_due(self, now: Instant) -> bool:
        """Whether the running interval must be written now so disk stays within flush_every.

        Polling, the next sample comes about ``poll`` seconds later, so writing when
        the next one would be too late keeps what is on disk at most ``flush_every``
        old. Event-driven, the loop wakes for the write itself, a little early.
        """
        if self._last_flush_mono is None:
            return True
        since = now.monotonic - self._last_flush_mono
        return since + self._flush_lead >= self.settings.flush_every

    def _quiet_for(self, now: Instant) -> float:
        """Event-driven: how long to wait for a change before the next sample is due anyway."""
        poll = self.settings.poll_seconds
        if (
            self._failing_since is not None  # retry the write at every sample
            or self._paused_indefinitely
            or self._paused_until is not None
        ):
            return poll
        idle_until = self.idle_reader.quiet_until()
        if idle_until is None:
            return poll  # idle time may matter: read it at every sample
        due = self.settings.flush_every - self._flush_lead
        if self._last_flush_mono is not None:
            due += self._last_flush_mono - now.monotonic
        if self._observer_due is not None:
            due = min(due, self._observer_due - now.monotonic)
        return max(0.0, min(due, idle_until - now.monotonic))

    def _interrupt_wait(self) -> None:
        """Cut the backend's wait short (pause, resume, stop), if it can be."""
        if self._wake is not None:
            self._wake()

    def _sample(self, now: Instant) -> Sample:
        if self.is_paused(now):
            if self.watched_fd is not None:
                self._is_locked()  # read what woke the wait, or the next wait spins
            asleep = bool(session_call(self.platform.session, "preparing_for_sleep"))
            return Sample(at=now, focus=None, idle_seconds=0.0, asleep=asleep)
        window = self.platform.foreground.active_window()
        if window is None:
            focus = None
        elif window is self._last_window and self.classify is self._last_classify:
            focus = self._last_focus  # the probe said nothing changed: same answer
        else:
            focus = self.classify(window)
            self._last_window, self._last_classify, self._last_focus = (
                window,
                self.classify,
                focus,
            )
        idle = self.idle_reader.idle_seconds(now)
        locked = self._is_locked()
        asleep = bool(session_call(self.platform.session, "preparing_for_sleep"))
        # A watched session descriptor wakes the wait as a lock comes: it held until now.
        exact = self.watched_fd is not None
        return Sample(now, focus, idle, locked=locked, asleep=asleep, lock_exact=exact)

    def _is_locked(self) -> bool:
        """The lock state; stops watching the session's descriptor once the probe lost it."""
        locked = self.platform.session.is_locked()
        if self.watched_fd is not None and session_fd(self.platform.session) != self.watched_fd:
            self.platform.foreground.unwatch_fd(self.watched_fd)  # type: ignore[attr-defined]
            self.watched_fd = None
        return locked

    def _flush(self, now: Instant, running: Sequence[Interval]) -> None:
        if not self._save(running):
            return
        if self._failing_since is not None:
            log.info(
                "writing works again after %d failed attempts",
                self.write_failures - self._failing_since,
            )
            self._failing_since = None
        self._pending = []
        self._last_flush_mono = now.monotonic

    def _save(self, running: Sequence[Interval]) -> bool:
        """Save pending and running intervals; on failure try the recovery once. True if saved.

        A failure that is not the storage's (a bug) sets :attr:`failure` instead.
        """
        try:
            self.sink.save(self._pending, running)
            return True
        except Exception as exc:  # noqa: BLE001 - storage trouble must not stop tracking
            self.write_failures += 1
            if not self._is_storage_failure(exc):
                return False
            replacement = self._recovered_sink(exc)
            if replacement is None:
                self._log_failure(exc)
                return False
        self.sink = replacement
        self.recoveries += 1
        try:
            self.sink.save(self._pending, running)
        except Exception as exc:  # noqa: BLE001 - the new sink failed too: keep retrying
            self.write_failures += 1
            if self._is_storage_failure(exc):
                self._log_failure(exc)
            return False
        log.warning(
            "storage replaced; %d pending intervals and the running one written to it",
            len(self._pending),
        )
        return True

    def _is_storage_failure(self, error: Exception) -> bool:
        """True for storage trouble (retried); a bug is logged once and stops the loop."""
        if self.storage_error(error):
            return True
        if self.failure is None:
            self.failure = error
            log.error(
                "saving usage failed because of a bug, not the storage; stopping tracking "
                "(%d intervals waiting get one last attempt)",
                len(self._pending),
                exc_info=error,
            )
        else:
            log.debug("the last attempt to save failed too", exc_info=error)
        return False

    def _recovered_sink(self, error: Exception) -> IntervalSink | None:
        if self.recover is None:
            return None
        try:
            return self.recover(error)
        except Exception:  # noqa: BLE001 - a failing recovery is logged, tracking goes on
            log.exception("storage recovery failed")
            return None

    def _log_failure(self, error: Exception) -> None:
        """The first failure in a row with its traceback; the rest quietly."""
        if self._failing_since is None:
            self._failing_since = self.write_failures - 1
            log.error(
                "could not write usage; keeping %d intervals and retrying at every sample",
                len(self._pending),
                exc_info=error,
            )
        else:
            log.debug("writing still fails; %d intervals waiting", len(self._pending))
