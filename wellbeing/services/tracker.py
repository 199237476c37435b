"""The tracker: probe -> core.activity -> storage, in a loop or a worker thread.

The same service runs headless (``wellbeing track``) and inside the tray app.
It samples the platform every ``poll`` seconds, or sooner when the backend
reports a focus change, feeds :class:`~wellbeing.core.activity.ActivityTracker`,
and writes finished intervals at once and the running one at least every
``flush_every`` seconds (so a ``kill -9`` loses at most that much).
No Qt here: the GUI talks to it through plain methods.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from wellbeing.core.activity import ActivityTracker, Focus, Interval, Sample
from wellbeing.core.clock import Clock, Instant
from wellbeing.platform.base import Platform, WindowInfo

log = logging.getLogger("wellbeing.tracker")

Classifier = Callable[[WindowInfo], Focus | None]


class IntervalSink(Protocol):
    """Where intervals go: ``storage.writer.UsageWriter`` satisfies this."""

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None: ...


def plain_focus(window: WindowInfo) -> Focus | None:
    """The classifier used when no rules are loaded: the app, nothing else."""
    return Focus(app_key=window.app_key, app_name=window.app_name)


@dataclass
class TrackerSettings:
    poll_seconds: float = 1.0
    idle_after_seconds: float = 180.0
    day_start_hour: int = 4
    flush_every: float = 5.0


class TrackerService:
    """Runs the sampling loop; pause/resume and status are safe from any thread."""

    def __init__(
        self,
        platform: Platform,
        sink: IntervalSink,
        clock: Clock,
        settings: TrackerSettings | None = None,
        classify: Classifier = plain_focus,
    ) -> None:
        self.platform = platform
        self.sink = sink
        self.clock = clock
        self.settings = settings or TrackerSettings()
        self.classify = classify
        self.activity = ActivityTracker(
            idle_after=self.settings.idle_after_seconds,
            day_start_hour=self.settings.day_start_hour,
            max_gap=max(15.0, 5 * self.settings.poll_seconds),
        )
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._paused_until: float | None = None
        self._paused_indefinitely = False
        self._pending: list[Interval] = []
        self._last_flush_mono: float | None = None
        self._thread: threading.Thread | None = None
        self.samples = 0
        self.write_failures = 0

    # -- control (any thread) -------------------------------------------------

    def pause(self, until_wall: float | None) -> None:
        """Stop counting until ``until_wall`` (epoch seconds), or until resumed if None."""
        with self._lock:
            self._paused_until = until_wall
            self._paused_indefinitely = until_wall is None
        log.info(
            "tracking paused %s",
            "until resumed" if until_wall is None else f"until {until_wall:.0f}",
        )

    def resume(self) -> None:
        with self._lock:
            self._paused_until = None
            self._paused_indefinitely = False
        log.info("tracking resumed")

    def paused_until(self) -> float | None:
        """Epoch seconds when the pause ends; ``inf`` if paused until resumed; None if running."""
        with self._lock:
            if self._paused_indefinitely:
                return float("inf")
            return self._paused_until

    def is_paused(self, now: Instant | None = None) -> bool:
        wall = (now or self.clock.now()).wall
        with self._lock:
            if self._paused_indefinitely:
                return True
            if self._paused_until is not None and wall >= self._paused_until:
                self._paused_until = None
            return self._paused_until is not None

    def request_stop(self) -> None:
        self._stop.set()

    # -- the loop ---------------------------------------------------------------

    def step(self) -> None:
        """Take one sample, feed it, and write what is due."""
        now = self.clock.now()
        sample = self._sample(now)
        self.samples += 1
        finished = self.activity.feed(sample)
        for event in self.activity.drain_events():
            log.info("%s: %s", event.kind, event.detail)
        self._pending.extend(finished)
        due = (
            self._last_flush_mono is None
            or now.monotonic - self._last_flush_mono >= self.settings.flush_every
        )
        if self._pending or due:
            self._flush(now, self.activity.running())

    def run(self, duration: float | None = None) -> None:
        """Sample until :meth:`request_stop` (or ``duration`` seconds), then flush everything.

        If the platform goes away (the X server closed at logout), the running
        interval is ended and written, and ``Unavailable`` propagates.
        """
        started = self.clock.now().monotonic
        try:
            while not self._stop.is_set():
                self.step()
                if duration is not None and self.clock.now().monotonic - started >= duration:
                    break
                timeout = self.settings.poll_seconds
                if duration is not None:
                    left = duration - (self.clock.now().monotonic - started)
                    timeout = max(0.0, min(timeout, left))
                self.platform.foreground.wait_for_change(timeout)
        finally:
            self.shutdown()

    def start(self) -> threading.Thread:
        """Run :meth:`run` in a daemon worker thread (the GUI's way)."""
        self._thread = threading.Thread(target=self.run, name="wellbeing-tracker", daemon=True)
        self._thread.start()
        return self._thread

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker thread and wait for its final flush."""
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)

    def shutdown(self) -> None:
        """End the running interval now and write everything."""
        now = self.clock.now()
        self._pending.extend(self.activity.close(now))
        self._flush(now, ())
        for event in self.activity.drain_events():
            log.info("%s: %s", event.kind, event.detail)

    # -- internals ----------------------------------------------------------------

    def _sample(self, now: Instant) -> Sample:
        if self.is_paused(now):
            return Sample(at=now, focus=None, idle_seconds=0.0)
        window = self.platform.foreground.active_window()
        focus = self.classify(window) if window is not None else None
        idle = self.platform.idle.idle_seconds()
        locked = self.platform.session.is_locked()
        return Sample(at=now, focus=focus, idle_seconds=idle, locked=locked)

    def _flush(self, now: Instant, running: Sequence[Interval]) -> None:
        try:
            self.sink.save(self._pending, running)
        except Exception:  # noqa: BLE001 - storage trouble must not stop tracking
            self.write_failures += 1
            log.exception(
                "could not write usage; keeping %d intervals to retry", len(self._pending)
            )
            return
        self._pending = []
        self._last_flush_mono = now.monotonic
