"""Samples of the foreground window in, intervals of active use out.

CONTRACT (implemented by the core work; do not change signatures without
updating services.tracker):

- ``Sample`` is what the probe saw at one moment; ``Focus`` is what was in front.
- ``ActivityTracker.feed(sample)`` returns the intervals that *finished*
  because of this sample (already split at local-day boundaries).
- ``ActivityTracker.running()`` returns the pieces of the still-open interval,
  from its start to the last sample, so storage can flush it every few seconds.
- ``ActivityTracker.close(at)`` ends everything (shutdown) and returns the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wellbeing.core.clock import Instant


@dataclass(frozen=True, slots=True)
class Focus:
    """What is in the foreground.

    Attributes:
        app_key: stable key of the app (executable name, or WM_CLASS for runtimes).
        app_name: human display name ("Firefox").
        site: recognised website (e.g. "instagram.com") when a rule matched, else None.
        title: the window title, only when the user opted in to storing titles.
    """

    app_key: str
    app_name: str
    site: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Sample:
    """One observation: when, what had focus (None = no app), idle and lock state."""

    at: Instant
    focus: Focus | None
    idle_seconds: float
    locked: bool = False


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
