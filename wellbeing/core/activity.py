"""Samples of the foreground window in, intervals of active use out.

``Sample`` is what the probe saw at one moment; ``Focus`` is what was in front;
:class:`ActivityTracker` turns a stream of samples into intervals of use.

How time is counted (the product's honesty rests on this):

- Between two consecutive samples, what the earlier sample saw is taken to
  hold until the later one; the later sample's time is the switch time. A focus
  change ends the running interval and starts the next at that same
  millisecond (contiguous: no gap, no overlap). A UTC offset change (time zone
  or DST) does the same, so every interval has one offset.
- Durations come from the monotonic clock; wall time only places them. Between
  discontinuities the tracker keeps one *frame*, a fixed mapping
  ``wall = frame wall + (monotonic − frame monotonic)``, and every start and
  end is placed through it, so no interval ever comes from a wall difference.
  Times are integer UTC ms (``round(wall * 1000)``).
- Idle: a sample with ``idle_seconds >= idle_after`` ends the running interval
  at the last input (``monotonic − idle_seconds``, never before the interval's
  start or a last input already seen). Below the threshold time counts (a
  person reading still uses the app). When input resumes, use counts again
  from the first input, ``max(previous sample, now − idle_seconds)``, for the
  app that was in front while idle, then switches at the sample as usual.
- Locked screen: the running interval ends at the previous sample (the last
  moment known unlocked), or at this one if the sample says the lock was
  reported as it happened (``lock_exact``), or earlier if idle cut it; nothing
  runs while locked. After unlocking, use counts from the first unlocked sample.
- Going to sleep: a sample taken as the machine is about to sleep (``asleep``:
  logind's ``PrepareForSleep``) ends the running interval at that sample (the
  person was there up to then), or earlier if idle or a lock cut it; nothing
  runs while asleep, and use counts again from the first sample after waking.
  The sleep itself is then also seen as a suspend (below) when it was long.
- Discontinuities end the running interval at the previous sample and count
  nothing until the current one, where a new frame (using the new wall time)
  and, if something is in use, a new interval start: suspend (``Δboot − Δmono
  > step_tolerance``, or short sleeps adding up to that), a wall-clock step
  (``|Δwall − Δboot| > step_tolerance``, or wall drifting that far from the
  frame in small steps), and a gap (``Δmono > max_gap``: the process was
  frozen or sampling stopped).
- A sample whose monotonic time is before the previous sample's is ignored.
- A wall clock set back (by up to ``MAX_SET_BACK_SHIFT_S``) never places time
  over time already recorded, by this run or, told through ``continue_after``,
  by an earlier process: the new frame then starts where the last one
  ended (its times run that much later than the clock says) until the next
  discontinuity finds the clock past it. Set back further, the clock was
  plainly wrong before, and the new frame follows the clock.
- Every interval is split at the local day boundary (``day_start_hour``) under
  its own offset; the pieces of one run share ``segment``.

Finished versus running pieces (the rule storage relies on):

- ``feed()`` and ``close()`` return *final* pieces: each exactly once, never to
  change again. That includes the earlier-day pieces of a run that is still
  going, once no later sample can cut the run back to before that day ended
  (idle can cut back to the last input, up to ``idle_after`` ago; while
  someone types, the earlier piece is final at the first sample of the new
  day).
- ``running()`` returns the *provisional* pieces of the open run, from the end
  of its last final piece to the last sample: usually one piece, two just after
  a day boundary. They keep ``segment`` and ``start_ms`` while they grow, so
  storage can update the same rows. A provisional piece may later come back
  shorter (an idle cut reaches back to the last input) or not at all (the cut
  fell before its start, e.g. a window took focus while nobody was there).
  Each ``running()`` result therefore *replaces* the previous one for that
  ``segment``; the final pieces of that segment replace both. Final and
  provisional pieces never overlap, so a final piece plus the current
  provisional pieces never count a moment twice.
- ``segment`` numbers increase by one per run, starting at ``first_segment``.

State is a few fields whatever the session's length; ``drain_events`` keeps
at most :data:`MAX_PENDING_EVENTS` events.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from wellbeing.core.clock import Instant
from wellbeing.core.days import (
    next_day_start_ms,
    split_at_days,
    validate_day_start_hour,
)


@dataclass(frozen=True, slots=True)
class Focus:
    """What is in the foreground.

    Attributes:
        app_key: stable key of the app (executable name, or WM_CLASS for runtimes).
        app_name: human display name ("Firefox").
        site: recognised website (e.g. "instagram.com") when a rule matched, else None.
        title: the window title, only when the user opted in to storing titles; left
            out of the repr (and so of every interval's and sample's), so no log line or
            traceback ever shows it.
        category: the category the rules give (the site's, else the app's), for
            limits on a category; None when unknown. Not part of equality: it
            follows from the other fields under one rule set.
    """

    app_key: str
    app_name: str
    site: str | None = None
    title: str | None = field(default=None, repr=False)
    category: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Sample:
    """One observation: when, what had focus (None = no app), idle, lock and sleep state.

    ``asleep`` is True from the moment the system says it is about to sleep
    until it says it woke up (the machine may still run for a moment after the
    first such sample: long enough to write what was used). ``lock_exact`` says
    the lock state was reported the moment it changed (a signal woke the
    sampler), so it held until this sample, not just until the previous one.
    """

    at: Instant
    focus: Focus | None
    idle_seconds: float
    locked: bool = False
    asleep: bool = False
    lock_exact: bool = False


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of active foreground use inside one local day.

    ``segment`` numbers the uninterrupted run this piece belongs to: the pieces
    of one run split at a day boundary share it, and the running interval keeps
    its ``segment`` (and ``start_ms``) while it grows.
    """

    focus: Focus
    start_ms: int
    end_ms: int
    utc_offset_min: int
    local_date: date
    segment: int

    @property
    def seconds(self) -> float:
        return (self.end_ms - self.start_ms) / 1000.0


EventKind = Literal[
    "idle",
    "active",
    "locked",
    "unlocked",
    "suspend",
    "wake",
    "clock_step",
    "offset_change",
    "gap",
    "no_focus",
]

MAX_PENDING_EVENTS = 256
#: A wall clock set back at most this far (seconds) is not followed back over time already
#: recorded; set back further, the clock was plainly wrong before (a hardware clock in
#: local time, a bad date) and the new time is believed, as it is by the rest of the system.
MAX_SET_BACK_SHIFT_S = 3600.0


@dataclass(frozen=True, slots=True)
class TrackerEvent:
    """Something notable the tracker saw, for the log.

    Attributes:
        kind: what happened (see :data:`EventKind`).
        wall: wall time (epoch seconds) of the sample that revealed it.
        detail: one human sentence, e.g. ``"wall clock jumped +3600.0 s"``.
    """

    kind: EventKind
    wall: float
    detail: str


@dataclass(slots=True)
class _Frame:
    """The mono -> wall mapping of one stretch without discontinuities.

    ``shift`` (seconds, >= 0) moves the stretch later than the wall clock says:
    after the clock was set back, so that it starts where the last one ended
    and never overlaps time already recorded (``wall`` stays the clock's, for
    telling steps and drift).
    """

    wall: float
    monotonic: float
    boot: float
    shift: float = 0.0

    @classmethod
    def at(cls, instant: Instant, *, not_before_ms: int | None = None) -> _Frame:
        shift = 0.0
        if not_before_ms is not None and instant.wall * 1000 < not_before_ms:
            shift = not_before_ms / 1000 - instant.wall
            if shift > MAX_SET_BACK_SHIFT_S:  # the clock was far off before: believe it now
                shift = 0.0
        return cls(instant.wall, instant.monotonic, instant.boot, shift)

    def ms_at(self, monotonic: float) -> int:
        return round((self.wall + self.shift + (monotonic - self.monotonic)) * 1000)


@dataclass(slots=True)
class _Run:
    """The open interval: one focus under one offset, growing with each sample.

    ``settled_mono`` is the earliest moment any future end can fall on (its start,
    or the latest input seen in it); pieces ending at or before it are final.
    ``pending_ms`` is where the part not yet returned as final begins, and
    ``boundary_ms`` the next day boundary after it.
    """

    focus: Focus
    segment: int
    utc_offset_min: int
    start_mono: float
    end_mono: float
    settled_mono: float
    pending_ms: int
    boundary_ms: int


def _clean_idle(value: float) -> float:
    """Idle seconds as a non-negative number (NaN and negatives read as 0)."""
    return value if value > 0.0 else 0.0


class ActivityTracker:
    """Turns samples into intervals of active foreground use (see the module docstring).

    Args:
        idle_after: seconds without input after which the user counts as away.
        day_start_hour: local hour (0..23) at which a day starts.
        max_gap: longest monotonic time between samples that still counts as
            continuous; a longer wait counts as nothing.
        step_tolerance: seconds of clock disagreement tolerated before it is a
            suspend or a clock step.
        first_segment: number of the first run (storage may continue numbering
            across restarts).
    """

    def __init__(
        self,
        *,
        idle_after: float = 180.0,
        day_start_hour: int = 4,
        max_gap: float = 15.0,
        step_tolerance: float = 2.0,
        first_segment: int = 1,
    ) -> None:
        if not idle_after > 0 or not math.isfinite(idle_after):
            raise ValueError(f"idle_after must be a positive number of seconds, not {idle_after!r}")
        if not max_gap > 0 or not math.isfinite(max_gap):
            raise ValueError(f"max_gap must be a positive number of seconds, not {max_gap!r}")
        if not step_tolerance >= 0 or not math.isfinite(step_tolerance):
            raise ValueError(f"step_tolerance must be >= 0 seconds, not {step_tolerance!r}")
        self.idle_after = float(idle_after)
        self.day_start_hour = validate_day_start_hour(day_start_hour)
        self.max_gap = float(max_gap)
        self.step_tolerance = float(step_tolerance)
        self._next_segment = first_segment
        self._prev: Sample | None = None
        self._frame: _Frame | None = None
        self._not_before_ms: int | None = None  # where the last closed run ended
        self._run: _Run | None = None
        self._events: deque[TrackerEvent] = deque(maxlen=MAX_PENDING_EVENTS)

    # -- public API -------------------------------------------------------------

    def continue_after(self, recorded_until_ms: int) -> None:
        """Earlier runs (another process, before a restart) recorded up to ``recorded_until_ms``.

        A wall clock set back since then, by up to ``MAX_SET_BACK_SHIFT_S``, then
        starts the next stretch where that time ended, as within one run.
        """
        self._not_before_ms = max(self._not_before_ms or 0, recorded_until_ms)

    def feed(self, sample: Sample) -> list[Interval]:
        """Take one sample; return the pieces that became final because of it."""
        finished: list[Interval] = []
        prev, frame = self._prev, self._frame
        now = sample.at
        if prev is None or frame is None:
            self._frame = _Frame.at(now, not_before_ms=self._not_before_ms)
            if self._is_active(sample):
                assert sample.focus is not None
                self._open(sample.focus, now.utc_offset_min, now.monotonic)
            self._prev = sample
            return finished

        back = prev.at.monotonic - now.monotonic
        if not back <= 0.0:  # also catches NaN
            self._event(
                "clock_step", now.wall,
                f"monotonic clock went back {back:.3f} s; sample ignored",
            )
            return finished

        self._note_transitions(prev, sample)
        breaks = self._discontinuities(prev.at, now, frame)
        if breaks:
            for kind, detail in breaks:
                self._event(kind, now.wall, detail)
            self._close_run(prev.at.monotonic, finished)
            # Set back, the clock would place the new stretch over recorded time: no earlier
            # than where the last one ended (the gap between the samples counts nothing).
            self._frame = _Frame.at(now, not_before_ms=frame.ms_at(prev.at.monotonic))
            if self._is_active(sample):
                assert sample.focus is not None
                self._open(sample.focus, now.utc_offset_min, now.monotonic)
        else:
            self._advance(prev, sample, finished)
        self._prev = sample
        self._settle(finished)
        return finished

    def running(self) -> list[Interval]:
        """The provisional pieces of the open run, up to the last sample (may be empty)."""
        run, frame = self._run, self._frame
        if run is None or frame is None:
            return []
        return self._pieces(run, run.pending_ms, frame.ms_at(run.end_mono))

    def close(self, at: Instant | None = None) -> list[Interval]:
        """End everything (shutdown) and return the remaining final pieces.

        The open run is extended to ``at`` when ``at`` continues the last sample
        without a discontinuity, else it ends at the last sample. The next
        :meth:`feed` starts afresh.
        """
        finished: list[Interval] = []
        prev, frame = self._prev, self._frame
        if self._run is not None and prev is not None and frame is not None:
            end = prev.at.monotonic
            if at is not None:
                breaks = self._discontinuities(prev.at, at, frame)
                for kind, detail in breaks:
                    self._event(kind, at.wall, detail)
                if not breaks and at.monotonic >= prev.at.monotonic:
                    end = at.monotonic
            self._close_run(end, finished)
        if prev is not None and frame is not None:  # a later start never goes before this
            self._not_before_ms = max(self._not_before_ms or 0, frame.ms_at(prev.at.monotonic),
                                      *(p.end_ms for p in finished))
        self._run = None
        self._prev = None
        self._frame = None
        return finished

    def drain_events(self) -> list[TrackerEvent]:
        """Events since the last drain, oldest first (at most MAX_PENDING_EVENTS)."""
        events = list(self._events)
        self._events.clear()
        return events

    # -- state machine ------------------------------------------------------------

    def _is_idle(self, sample: Sample) -> bool:
        return _clean_idle(sample.idle_seconds) >= self.idle_after

    def _is_active(self, sample: Sample) -> bool:
        return (
            sample.focus is not None
            and not sample.locked
            and not sample.asleep
            and not self._is_idle(sample)
        )

    def _advance(self, prev: Sample, sample: Sample, finished: list[Interval]) -> None:
        """Apply ``sample`` after ``prev`` when no discontinuity lies between them."""
        now = sample.at.monotonic
        idle = _clean_idle(sample.idle_seconds)
        run = self._run
        if run is None:
            run = self._resume_after_idle(prev, sample, idle)
        if run is None:
            if self._is_active(sample):
                assert sample.focus is not None
                self._open(sample.focus, sample.at.utc_offset_min, now)
            return

        end: float | None = None
        if idle >= self.idle_after:
            end = max(run.settled_mono, now - idle)
        if sample.locked:
            lock_end = max(run.settled_mono, now if sample.lock_exact else prev.at.monotonic)
            end = lock_end if end is None else min(end, lock_end)
        if sample.asleep and end is None:
            end = now  # in use until the system said it goes to sleep
        if end is not None:
            self._close_run(end, finished)
        elif sample.focus != run.focus or sample.at.utc_offset_min != run.utc_offset_min:
            self._close_run(now, finished)
            if sample.focus is not None:
                self._open(sample.focus, sample.at.utc_offset_min, now)
        else:
            run.end_mono = now
            run.settled_mono = max(run.settled_mono, now - idle)

    def _resume_after_idle(self, prev: Sample, sample: Sample, idle: float) -> _Run | None:
        """Open a run from the first input when input resumes after idle, else None.

        The app in front while idle (``prev.focus``) is the one used from the
        first input until ``sample``, where the usual switch rules apply.
        """
        if (
            prev.focus is None
            or prev.locked
            or prev.asleep
            or not self._is_idle(prev)
            or sample.locked
            or sample.asleep
            or idle >= self.idle_after
        ):
            return None
        first_input = max(prev.at.monotonic, sample.at.monotonic - idle)
        if not first_input < sample.at.monotonic:
            return None
        return self._open(prev.focus, prev.at.utc_offset_min, first_input)

    def _open(self, focus: Focus, utc_offset_min: int, start_mono: float) -> _Run:
        assert self._frame is not None
        start_ms = self._frame.ms_at(start_mono)
        run = _Run(
            focus=focus,
            segment=self._next_segment,
            utc_offset_min=utc_offset_min,
            start_mono=start_mono,
            end_mono=start_mono,
            settled_mono=start_mono,
            pending_ms=start_ms,
            boundary_ms=next_day_start_ms(start_ms, utc_offset_min, self.day_start_hour),
        )
        self._next_segment += 1
        self._run = run
        return run

    def _close_run(self, end_mono: float, finished: list[Interval]) -> None:
        """End the open run at ``end_mono`` (never before what is settled) and emit the rest."""
        run, frame = self._run, self._frame
        self._run = None
        if run is None or frame is None:
            return
        end_ms = frame.ms_at(max(end_mono, run.settled_mono))
        finished.extend(self._pieces(run, run.pending_ms, end_ms))

    def _settle(self, finished: list[Interval]) -> None:
        """Emit the earlier-day pieces of the open run that can no longer change."""
        run, frame = self._run, self._frame
        if run is None or frame is None:
            return
        settled_ms = frame.ms_at(run.settled_mono)
        while run.boundary_ms <= settled_ms:
            finished.extend(self._pieces(run, run.pending_ms, run.boundary_ms))
            run.pending_ms = run.boundary_ms
            run.boundary_ms = next_day_start_ms(
                run.pending_ms, run.utc_offset_min, self.day_start_hour
            )

    def _pieces(self, run: _Run, start_ms: int, end_ms: int) -> list[Interval]:
        spans = split_at_days(start_ms, end_ms, run.utc_offset_min, self.day_start_hour)
        return [
            Interval(run.focus, a, b, run.utc_offset_min, day, run.segment) for a, b, day in spans
        ]

    # -- diagnosis ------------------------------------------------------------------

    def _discontinuities(
        self, prev: Instant, now: Instant, frame: _Frame
    ) -> list[tuple[EventKind, str]]:
        """Why time between ``prev`` and ``now`` must count as nothing (empty: it may count)."""
        tol = self.step_tolerance
        d_mono = now.monotonic - prev.monotonic
        d_boot = now.boot - prev.boot
        d_wall = now.wall - prev.wall
        found: list[tuple[EventKind, str]] = []
        slept = d_boot - d_mono
        slept_in_frame = (now.boot - frame.boot) - (now.monotonic - frame.monotonic)
        if slept > tol:
            found.append(("suspend", f"machine slept {slept:.1f} s"))
        elif slept_in_frame > tol:
            found.append(("suspend", f"short sleeps added up to {slept_in_frame:.1f} s"))
        elif slept < -tol:
            found.append(("gap", f"boot clock fell {-slept:.1f} s behind the monotonic clock"))
        step = d_wall - d_boot
        drift = (now.wall - frame.wall) - (now.boot - frame.boot)
        if abs(step) > tol:
            found.append(("clock_step", f"wall clock jumped {step:+.1f} s"))
        elif abs(drift) > tol:
            found.append(("clock_step", f"wall clock drifted {drift:+.1f} s in small steps"))
        if d_mono > self.max_gap:
            found.append(("gap", f"no sample for {d_mono:.1f} s"))
        if not all(math.isfinite(x) for x in (d_mono, d_boot, d_wall)):
            found.append(("gap", "a clock reading was not a finite number"))
        return found

    def _note_transitions(self, prev: Sample, sample: Sample) -> None:
        wall = sample.at.wall
        old_offset, new_offset = prev.at.utc_offset_min, sample.at.utc_offset_min
        if old_offset != new_offset:
            self._event(
                "offset_change", wall, f"UTC offset changed {old_offset:+d} -> {new_offset:+d} min"
            )
        if sample.locked != prev.locked:
            self._event("locked" if sample.locked else "unlocked", wall,
                        "screen locked" if sample.locked else "screen unlocked")
        if sample.asleep != prev.asleep:
            if sample.asleep:
                self._event("suspend", wall, "going to sleep; use counted up to now")
            else:
                self._event("wake", wall, "woke up from sleep")
        was_idle, is_idle = self._is_idle(prev), self._is_idle(sample)
        if is_idle and not was_idle:
            self._event(
                "idle", wall,
                f"no input for {_clean_idle(sample.idle_seconds):.0f} s; "
                "use counted up to the last input",
            )
        elif was_idle and not is_idle:
            self._event("active", wall, f"input after {_clean_idle(prev.idle_seconds):.0f} s idle")
        if sample.focus is None and prev.focus is not None:
            self._event("no_focus", wall, "no application has focus")

    def _event(self, kind: EventKind, wall: float, detail: str) -> None:
        self._events.append(TrackerEvent(kind, wall, detail))
