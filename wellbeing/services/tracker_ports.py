"""What the tracker is made of, seen from outside: its ports, settings and probe questions.

:class:`IntervalSink` (where intervals go), :class:`SampleObserver` (the limit
enforcer), :class:`KnowsRecordedEnd` (a sink that knows where this device's
recorded time ends), :class:`TrackerSettings`, the plain classifier, and what
the tracker asks of a platform's probes: whether they report changes by
themselves, and their optional descriptors and calls.
:mod:`wellbeing.services.tracker` is the loop that uses them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import Instant
from wellbeing.platform.base import SessionProbe, WindowInfo

__all__ = [
    "FLUSH_LEAD_SECONDS",
    "Classifier",
    "IntervalSink",
    "KnowsRecordedEnd",
    "SampleObserver",
    "SinkRecovery",
    "TrackerSettings",
    "lock_needs_polling",
    "plain_focus",
    "reports_changes",
    "session_call",
    "session_fd",
]

Classifier = Callable[[WindowInfo], Focus | None]


class IntervalSink(Protocol):
    """Where intervals go: ``storage.writer.UsageWriter`` satisfies this."""

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None: ...


@runtime_checkable
class KnowsRecordedEnd(Protocol):
    """A sink that can say where this device's recorded time ends (the storage writers)."""

    def recorded_until_ms(self) -> int | None: ...


class SampleObserver(Protocol):
    """Told about every sample (the limit enforcer satisfies this)."""

    def observe(
        self,
        now: Instant,
        window: WindowInfo | None,
        focus: Focus | None,
        finished: Sequence[Interval],
        running: Sequence[Interval],
    ) -> float | None:
        """Take in one sample; return seconds until it needs the next one (None: no need)."""
        ...


SinkRecovery = Callable[[Exception], IntervalSink | None]
"""Given the error a save raised, a new sink to write to from now on, or None to keep retrying."""

FLUSH_LEAD_SECONDS = 0.25
"""With an event-driven backend, the write comes this long before ``flush_every`` has passed."""


def reports_changes(probe: object) -> bool:
    """Whether a probe wakes the loop itself on every change that matters (no polling)."""
    return bool(getattr(probe, "reports_changes", False))


def session_fd(session: SessionProbe) -> int | None:
    """The descriptor that turns readable when the lock state changes, if the probe has one."""
    fileno: Callable[[], int | None] | None = getattr(session, "fileno", None)
    return None if fileno is None else fileno()


def session_call(session: SessionProbe, method: str) -> object:
    """Call an optional method of the session probe; None if it has none."""
    call: Callable[[], object] | None = getattr(session, method, None)
    return None if call is None else call()


def lock_needs_polling(session: SessionProbe, foreground: object) -> bool:
    """Whether the lock state is only seen by asking (or its descriptor cannot be waited on)."""
    if not reports_changes(session):
        return True
    return session_fd(session) is not None and not hasattr(foreground, "watch_fd")


def plain_focus(window: WindowInfo) -> Focus | None:
    """The classifier used when no rules are loaded: the app, nothing else."""
    return Focus(app_key=window.app_key, app_name=window.app_name)


@dataclass
class TrackerSettings:
    """How the tracker samples and writes.

    Attributes:
        poll_seconds: time between samples when the platform reports no change; with
            an event-driven backend, the longest a change that has no event (idle near
            the limit, a timed pause ending) may go unseen.
        idle_after_seconds: no input for this long counts as away.
        day_start_hour: local hour at which a day starts.
        flush_every: the running interval on disk is never older than this.
    """

    poll_seconds: float = 1.0
    idle_after_seconds: float = 180.0
    day_start_hour: int = 4
    flush_every: float = 5.0
