"""What happened to limits today: the events of the bypass log, and what they add up to.

Part of the limit vocabulary (``core.limits`` re-exports :class:`LimitEvent`,
:data:`EventKind`, :data:`DEFAULT_SNOOZE_S` and :func:`trusted_wall_ms`). Pure:
no Qt, no storage, no OS.

Every warning, reach, reminder, screen, snooze, ignore, close, minimise, change
and clock jump is an event. They are stored, shown as the bypass log
(``core.bypass``), and fed back into ``core.limits.evaluate``, which reads them
per target through :func:`digest_events`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from math import isfinite
from typing import Literal

from wellbeing.core.limit_targets import LimitTarget

EventKind = Literal[
    "warned",  # the "N minutes left" notification was sent
    "reached",  # use reached the limit (notification and/or screen)
    "still_over",  # a reminder while still over (every ``repeat_every_seconds``)
    "shown",  # the "Time's up" screen was shown (again) over the app
    "snoozed",  # "15 more minutes" taken (detail: minutes)
    "ignored",  # "Ignore limit for today"
    "closed",  # "Close <app>" asked the window to close
    "minimised",  # block mode minimised the over-limit window
    "clock_jump",  # the wall clock was set (detail: signed seconds); limit-less
    "changed",  # the limit was set, tightened, loosened, locked or removed
]

DEFAULT_SNOOZE_S = 900
""""15 more minutes"."""


@dataclass(frozen=True, slots=True)
class LimitEvent:
    """Something that happened to a limit (or, for ``clock_jump``, to the day).

    Attributes:
        target: the limit's target (None for ``clock_jump``).
        kind: see :data:`EventKind`.
        local_date: the tracking day it belongs to.
        at_ms: trusted UTC ms when it happened.
        detail: e.g. snooze minutes, the signed size of a clock jump, the app closed.
    """

    target: LimitTarget | None
    kind: EventKind
    local_date: date
    at_ms: int
    detail: str = ""


NEVER = -(2**62)
"""An ``at_ms`` before every real one: the event did not happen."""


@dataclass(slots=True)
class TargetEvents:
    """What one day's events say about one target (times are trusted UTC ms; NEVER: none)."""

    warned_ms: int = NEVER
    reached_ms: int = NEVER
    reminded_ms: int = NEVER  # the last ``reached`` or ``still_over``
    shown_ms: int = NEVER
    changed_ms: int = NEVER
    snoozed_ms: int = NEVER  # when the last snooze was taken
    snoozed_until_ms: int = NEVER  # the wall-clock end of the latest snooze
    snoozes: int = 0
    snooze_seconds: int = 0
    ignored: bool = False

    @property
    def warned(self) -> bool:
        """Warned since the limit last changed."""
        return self.warned_ms != NEVER and self.warned_ms >= self.changed_ms

    @property
    def reached(self) -> bool:
        """Reached since the limit last changed."""
        return self.reached_ms != NEVER and self.reached_ms >= self.changed_ms

    def screen_due(self, since_ms: int) -> bool:
        """Whether the "Time's up" screen may come again (if the limit is over).

        Yes if none was shown since ``since_ms`` (this focus began) or since the
        last change, or none after the last snooze (a screen at the very moment
        of a snooze is the one it answered).
        """
        if self.shown_ms == NEVER or self.shown_ms <= self.snoozed_ms:
            return True
        return self.shown_ms < max(since_ms, self.changed_ms)


NO_EVENTS = TargetEvents()
"""The digest of a target without events (never modify it)."""


def digest_events(events: Sequence[LimitEvent], day: date) -> dict[LimitTarget, TargetEvents]:
    """The events of ``day`` (others skipped, and ``clock_jump``), summed up per target."""
    digests: dict[LimitTarget, TargetEvents] = {}
    for event in events:
        target = event.target
        if target is None or event.local_date != day:
            continue
        d = digests.get(target)
        if d is None:
            d = digests[target] = TargetEvents()
        kind, at = event.kind, event.at_ms
        if kind == "warned":
            d.warned_ms = max(d.warned_ms, at)
        elif kind == "reached" or kind == "still_over":
            if kind == "reached":
                d.reached_ms = max(d.reached_ms, at)
            d.reminded_ms = max(d.reminded_ms, at)
        elif kind == "shown":
            d.shown_ms = max(d.shown_ms, at)
        elif kind == "snoozed":
            seconds = snooze_seconds(event.detail)
            d.snoozes += 1
            d.snooze_seconds += seconds
            d.snoozed_ms = max(d.snoozed_ms, at)
            d.snoozed_until_ms = max(d.snoozed_until_ms, at + seconds * 1000)
        elif kind == "ignored":
            d.ignored = True
        elif kind == "changed":
            d.changed_ms = max(d.changed_ms, at)
    return digests


def snooze_seconds(detail: str) -> int:
    """A snooze's length from its detail (minutes); :data:`DEFAULT_SNOOZE_S` when it has none."""
    try:
        minutes = float(detail)
    except ValueError:
        return DEFAULT_SNOOZE_S
    if not isfinite(minutes) or minutes <= 0:
        return DEFAULT_SNOOZE_S
    return round(minutes * 60)


def trusted_wall_ms(wall_ms: int, jumps: Iterable[LimitEvent]) -> int:
    """Wall time with the recorded clock jumps taken back out.

    Setting the clock forward a day must neither start a new day nor end a
    lock early: every ``clock_jump`` event's signed seconds (the first word of
    its detail; the enforcer adds ``boot=<id>`` after it) are subtracted; other
    events, and details that do not start with a number, are skipped.
    The enforcer passes the jumps of this boot (within a boot the monotonic
    clock is the truth; a new boot starts from the wall clock again).
    """
    shift = 0
    for event in jumps:
        if event.kind != "clock_jump":
            continue
        try:
            seconds = float(event.detail.split(maxsplit=1)[0])
        except (ValueError, IndexError):
            continue
        if isfinite(seconds):
            shift += round(seconds * 1000)
    return wall_ms - shift
