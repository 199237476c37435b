"""The limit enforcer: today's use in memory -> ``core.limits`` -> notifications and screens.

It runs inside the tracker's loop (``TrackerService(observer=...)``): after every
sample the tracker hands it what is in front and the intervals the sample
finished or extended, and it answers how long the tracker may sleep before the
next limit could be crossed, so a limit is acted on within a sample of being
reached instead of at the next flush.

Today's use is kept in memory: this device's seeded from storage
(``LimitStore.usage_on(day, "this")``) at start and when a new day begins,
then grown from the tracker's own pieces (final ones once, the running ones
replaced at every sample), so an evaluation costs no database read. Limits
count every device's use (a 10-minute limit is 10 minutes on all computers
sharing a database): the other devices' use of today is read at the same
moments and again every :data:`OTHERS_EVERY_S` seconds (one small grouped
read a minute), and added at each evaluation.
Limits and downtime are re-read when the store's
``revision()`` changes, checked at most every :data:`RELOAD_EVERY_S` seconds:
a limit set from the CLI or the window takes effect within about 5 s (the
tracker wakes at least that often to write).

The day and locks follow *trusted* time: wall time minus every clock jump seen
in this boot (``core.limits.trusted_wall_ms``). Setting the clock a day forward
neither starts a new day (today's use stays) nor ends a lock; each jump is
recorded as a ``clock_jump`` event with the boot it happened in.

Choices made on the "Time's up" screen (close, 15 more minutes, ignore) may
arrive from any thread; they are queued and carried out in the tracker's thread
at once (``wake`` cuts the tracker's wait short), because closing or minimising
a window talks to the same display connection the tracker reads.

Without a screen (the headless ``wellbeing track``) nag and block limits notify
instead, and say so once at start.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import Clock, Instant
from wellbeing.core.days import local_date_of
from wellbeing.core.durations import format_duration
from wellbeing.core.limit_changes import settle
from wellbeing.core.limits import (
    DEFAULT_SNOOZE_S,
    Action,
    Downtime,
    Evaluation,
    InFront,
    Limit,
    LimitEvent,
    LimitState,
    LimitTarget,
    UsageToday,
    evaluate,
    limit_clock_at,
    trusted_wall_ms,
)
from wellbeing.platform.base import WindowInfo
from wellbeing.services.limit_notices import reached_notice, still_over_notice, warning_notice
from wellbeing.services.limit_ports import (
    LimitStore,
    Notifier,
    TimesUpChoice,
    TimesUpPresenter,
    WindowActions,
)
from wellbeing.services.trusted_time import current_boot_id as current_boot_id
from wellbeing.services.trusted_time import this_boot_jumps as this_boot_jumps
from wellbeing.services.trusted_time import trusted_moment as trusted_moment

log = logging.getLogger("wellbeing.limits")

RELOAD_EVERY_S = 2.0
"""Limits are re-read when they changed, checked at most this often."""
OTHERS_EVERY_S = 60.0
"""How often the other devices' use of today is read again (shared databases)."""
CLOCK_JUMP_TOLERANCE_S = 2.0
"""A wall clock that moved this much more or less than boot time was set."""
@dataclass
class _Counts:
    """Seconds by app, site and category, and the total (mutable, for one day)."""

    by_app: dict[str, float]
    by_site: dict[str, float]
    by_category: dict[str, float]
    total: float = 0.0

    @classmethod
    def empty(cls) -> _Counts:
        return cls({}, {}, {})

    @classmethod
    def of(cls, usage: UsageToday) -> _Counts:
        return cls(
            dict(usage.by_app), dict(usage.by_site), dict(usage.by_category), usage.total
        )

    def add(self, focus: Focus, seconds: float) -> None:
        if seconds <= 0:
            return
        self.by_app[focus.app_key] = self.by_app.get(focus.app_key, 0.0) + seconds
        if focus.site:
            self.by_site[focus.site] = self.by_site.get(focus.site, 0.0) + seconds
        if focus.category:
            self.by_category[focus.category] = self.by_category.get(focus.category, 0.0) + seconds
        self.total += seconds

    def copy(self) -> _Counts:
        return _Counts(dict(self.by_app), dict(self.by_site), dict(self.by_category), self.total)

    def merge(self, other: UsageToday) -> None:
        """Add another device's use (already counted by app, site and category)."""
        for mine, theirs in ((self.by_app, other.by_app), (self.by_site, other.by_site),
                             (self.by_category, other.by_category)):
            for key, seconds in theirs.items():
                mine[key] = mine.get(key, 0.0) + seconds
        self.total += other.total

    def frozen(self) -> UsageToday:
        return UsageToday(self.by_app, self.by_site, self.by_category, self.total)


class LimitEnforcer:
    """Keeps today's use, evaluates the limits after every sample and acts.

    Args:
        store: limits, downtime, events and seeding use.
        notifier: how people are told (a chain that never raises).
        clock: where time comes from (for choices made between samples).
        day_start_hour: the local hour a tracking day starts.
        presenter: the "Time's up" screen; None: nag and block notify instead.
        window_actions: closing and minimising windows; None: cannot.
        wake: cuts the tracker's wait short (a choice was made).
        own_pid: windows of this process (the screen itself) are not held back.
        boot_id: this boot's id, stored with clock jumps.
        warn_before_seconds: the warning's lead for every limit (the settings'
            ``[limits] warn_before_minutes``); None keeps each limit's own.
    """

    def __init__(
        self,
        store: LimitStore,
        notifier: Notifier,
        clock: Clock,
        *,
        day_start_hour: int = 4,
        presenter: TimesUpPresenter | None = None,
        window_actions: WindowActions | None = None,
        wake: Callable[[], None] | None = None,
        own_pid: int | None = None,
        boot_id: str | None = None,
        warn_before_seconds: int | None = None,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.clock = clock
        self.day_start_hour = day_start_hour
        self.presenter = presenter
        self.window_actions = window_actions
        self.wake = wake
        self.own_pid = os.getpid() if own_pid is None else own_pid
        self.boot_id = current_boot_id() if boot_id is None else boot_id
        self.warn_before_seconds = warn_before_seconds
        self._lock = threading.Lock()
        self._choices: list[tuple[LimitState, WindowInfo | None, TimesUpChoice]] = []
        self._limits: list[Limit] = []
        self._downtime: Downtime | None = None
        self._revision: int | None = None
        self._checked_mono: float | None = None
        self._day: date | None = None
        self._counts = _Counts.empty()
        self._read_failing = False  # the limits could not be re-read last time
        self._others = UsageToday()  # the other devices' use of today (shared databases)
        self._others_read = 0.0  # monotonic time it was read
        self._running: list[Interval] = []
        self._day_of_wall: dict[date, date | None] = {}
        self._events: list[LimitEvent] = []
        self._jumps: list[LimitEvent] = []
        self._last: Instant | None = None
        self._front_key: tuple[str, str | None] | None = None
        self._front_since_ms = 0
        self._window: WindowInfo | None = None
        self._names: dict[str, str] = {}
        self._latest: Evaluation | None = None
        self._said_needs_screen = False

    # -- start and what the UI may read ------------------------------------------------

    def start(self, now: Instant | None = None) -> None:
        """Load limits, this boot's clock jumps and today's use (before tracking writes)."""
        now = now or self.clock.now()
        self._reload(now, force=True)
        wall_day = local_date_of(_ms(now.wall), now.utc_offset_min, self.day_start_hour)
        try:
            self._jumps = this_boot_jumps(self.store, self.boot_id, wall_day)
        except Exception:  # noqa: BLE001 - a database not reached yet must not stop tracking
            log.warning("could not read this boot's clock changes; trusting the clock")
            self._jumps = []
        self._last = now
        self._roll_over_if_due(now)
        self._tell_about_screens()

    @property
    def downtime(self) -> Downtime | None:
        """The downtime in force (as last read from the store)."""
        return self._downtime

    def today(self) -> date:
        """The tracking day limits count for (trusted time)."""
        if self._day is not None:
            return self._day
        now = self.clock.now()
        return limit_clock_at(
            self._trusted_ms(now), now.utc_offset_min, self.day_start_hour
        ).local_date

    def refresh(self) -> None:
        """Evaluate again soon (downtime ended, a setting changed): wakes the tracker."""
        if self.wake is not None:
            self.wake()

    def state_of(self, target_text: str) -> LimitState | None:
        """The last known state of the limit on ``target_text`` (``str`` of its target)."""
        latest = self.latest()
        if latest is None:
            return None
        for state in latest.states:
            if str(state.limit.target) == target_text:
                return state
        return None

    def latest(self) -> Evaluation | None:
        """The last evaluation (states for the tray or a status line); None before the first."""
        with self._lock:
            return self._latest

    def choose(self, state: LimitState, window: WindowInfo | None, choice: TimesUpChoice) -> None:
        """A choice on the "Time's up" screen (any thread): carried out in the tracker's thread."""
        with self._lock:
            self._choices.append((state, window, choice))
        if self.wake is not None:
            self.wake()

    # -- the tracker's hook ------------------------------------------------------------

    def observe(
        self,
        now: Instant,
        window: WindowInfo | None,
        focus: Focus | None,
        finished: Sequence[Interval],
        running: Sequence[Interval],
    ) -> float | None:
        """Take in one sample; act on what is due; seconds until the next check is needed."""
        if self._last is None:
            self.start(now)
        self._note_clock_jump(now)
        self._reload(now)
        self._roll_over_if_due(now)
        self._refresh_others(now)
        wall_day = local_date_of(_ms(now.wall), now.utc_offset_min, self.day_start_hour)
        self._day_of_wall[wall_day] = self._day
        if len(self._day_of_wall) > 8:
            del self._day_of_wall[min(self._day_of_wall)]
        for piece in finished:
            if self._counts_today(piece):
                self._counts.add(piece.focus, piece.seconds)
        self._running = [piece for piece in running if self._counts_today(piece)]
        if focus is not None:
            self._names[focus.app_key] = focus.app_name
        self._window = window
        self._carry_out_choices(now)
        evaluation = self._evaluate(now, self._in_front(now, window, focus))
        told = {a.state.limit.target for a in evaluation.actions if a.kind == "notify_reached"}
        screen_shown = False
        for action in evaluation.actions:
            if action.kind == "show_times_up":
                # one screen at a time (the first limit's); every limit's event is recorded
                already_told = self.presenter is None and action.state.limit.target in told
                if screen_shown or already_told:
                    self._record(action.event)
                    continue
                screen_shown = True
            self._act(action, window)
        with self._lock:
            self._latest = evaluation
        return evaluation.next_check_seconds

    # -- internals ---------------------------------------------------------------------

    def _counts_today(self, piece: Interval) -> bool:
        """Whether a piece is use of today (the trusted day), whatever its wall day says.

        A piece carries the wall clock's day. Each sample notes which trusted day
        its wall day was then; a piece counts when its wall day was today's. So after
        the clock is set a day forward, the pieces of the "new" wall day still count
        for today, and at a real day change yesterday's last piece does not.
        """
        return self._day_of_wall.get(piece.local_date) == self._day

    def _trusted_ms(self, now: Instant) -> int:
        return trusted_wall_ms(_ms(now.wall), self._jumps)

    def _evaluate(self, now: Instant, in_front: InFront | None) -> Evaluation:
        trusted = self._trusted_ms(now)
        clock = limit_clock_at(trusted, now.utc_offset_min, self.day_start_hour)
        self._limits = [settle(limit, trusted) for limit in self._limits]
        usage = self._counts.copy()
        usage.merge(self._others)
        for piece in self._running:
            usage.add(piece.focus, piece.seconds)
        return evaluate(
            self._limits, usage.frozen(), in_front, self._events, clock, downtime=self._downtime
        )

    def _in_front(
        self, now: Instant, window: WindowInfo | None, focus: Focus | None
    ) -> InFront | None:
        """What the limits see in front; our own windows (the screen) are not held back."""
        if focus is None or (window is not None and window.pid == self.own_pid):
            if focus is None:
                self._front_key = None
            return None
        key = (focus.app_key, focus.site)
        if key != self._front_key:
            self._front_key = key
            self._front_since_ms = self._trusted_ms(now)
        return InFront(
            focus.app_key, focus.site, focus.category, since_ms=self._front_since_ms
        )

    def _reload(self, now: Instant, *, force: bool = False) -> None:
        recently = (
            self._checked_mono is not None and now.monotonic - self._checked_mono < RELOAD_EVERY_S
        )
        if recently and not force:
            return
        self._checked_mono = now.monotonic
        try:
            revision = self.store.revision()
            if not force and revision == self._revision:
                self._read_failing = False
                return
            limits, downtime = self.store.limits(), self.store.downtime()
        except Exception:  # noqa: BLE001 - storage trouble keeps the limits already loaded
            # The first failure in a row with its traceback; the rest (every 2 s) quietly.
            log.warning("could not re-read the limits; keeping the ones loaded",
                        exc_info=not self._read_failing)
            self._read_failing = True
            return
        self._read_failing = False
        if self._revision is not None:
            log.info("limits changed: %d in force", len(limits))
        if self.warn_before_seconds is not None:
            lead = self.warn_before_seconds
            limits = [replace(limit, warn_before_seconds=lead) for limit in limits]
        self._revision, self._limits, self._downtime = revision, limits, downtime
        self._tell_about_screens()

    def _refresh_others(self, now: Instant) -> None:
        """Re-read the other devices' use of today every :data:`OTHERS_EVERY_S` seconds."""
        if now.monotonic - self._others_read < OTHERS_EVERY_S or self._day is None:
            return
        self._others_read = now.monotonic
        try:
            self._others = self.store.usage_on(self._day, "others")
        except Exception:  # noqa: BLE001 - keep the last figures; try again later
            log.warning("could not read the other devices' use; keeping the last",
                        exc_info=not self._read_failing)

    def _roll_over_if_due(self, now: Instant) -> None:
        clock = limit_clock_at(self._trusted_ms(now), now.utc_offset_min, self.day_start_hour)
        if clock.local_date == self._day:
            return
        first = self._day is None
        self._day = clock.local_date
        self._running = []
        try:
            self._counts = _Counts.of(self.store.usage_on(clock.local_date, "this"))
            self._others = self.store.usage_on(clock.local_date, "others")
            self._others_read = now.monotonic
            self._events = [
                e for e in self.store.events(clock.local_date, clock.local_date)
                if e.kind != "clock_jump"
            ]
        except Exception:  # noqa: BLE001 - without the stored figures, count from zero
            log.warning("could not read today's use; counting from now", exc_info=True)
            self._counts, self._events = _Counts.empty(), []
            self._others, self._others_read = UsageToday(), now.monotonic
        log.info(
            "%s %s: %s used so far",
            "limits count from" if first else "a new day for limits:",
            clock.local_date.isoformat(),
            format_duration(self._counts.total),
        )

    def _note_clock_jump(self, now: Instant) -> None:
        last, self._last = self._last, now
        if last is None:
            return
        jump = (now.wall - last.wall) - (now.boot - last.boot)
        if abs(jump) <= CLOCK_JUMP_TOLERANCE_S:
            return
        at = trusted_wall_ms(_ms(now.wall), self._jumps) - round(jump * 1000)
        day = self._day or local_date_of(at, now.utc_offset_min, self.day_start_hour)
        detail = f"{jump:+.3f}" + (f" boot={self.boot_id}" if self.boot_id else "")
        event = LimitEvent(None, "clock_jump", day, at, detail)
        self._jumps.append(event)
        log.warning("the clock was set %+.0f s; today's use and locks keep to the old time", jump)
        self._record(event)

    def _record(self, event: LimitEvent) -> None:
        if event.kind != "clock_jump":
            self._events.append(event)
        try:
            self.store.record_event(event)
        except Exception:  # noqa: BLE001 - the bypass log must not stop enforcement
            log.warning("could not record a limit event (%s)", event.kind, exc_info=True)

    def _act(self, action: Action, window: WindowInfo | None) -> None:
        state = action.state
        if action.kind == "show_times_up":
            if self.presenter is not None:
                self._record(action.event)
                self.presenter.show_times_up(
                    state, window, lambda choice: self.choose(state, window, choice)
                )
                if state.limit.mode == "block" and window is not None:
                    self._minimise(state, window)
                return
            notice = reached_notice(state, self._names, has_screen=False)
        elif action.kind == "notify_warning":
            notice = warning_notice(state, self._names)
        elif action.kind == "notify_reached":
            notice = reached_notice(state, self._names, has_screen=self.presenter is not None)
        else:
            notice = still_over_notice(state, self._names)
        delivered = self.notifier.notify(notice)
        log.info("%s: %s%s", action.kind, notice.title, "" if delivered else " (not delivered)")
        self._record(action.event)

    def _minimise(self, state: LimitState, window: WindowInfo) -> None:
        if self.window_actions is None or not self.window_actions.minimise(window):
            return
        self._record(self._event(state.limit.target, "minimised", window.app_key))

    def _carry_out_choices(self, now: Instant) -> None:
        with self._lock:
            choices, self._choices = self._choices, []
        for state, window, choice in choices:
            target = state.limit.target
            if choice == "snooze":
                if state.snoozes_left <= 0:
                    log.warning("no snoozes left today for %s", target)
                    continue
                self._record(self._event(target, "snoozed", str(DEFAULT_SNOOZE_S // 60)))
            elif choice == "ignore":
                if state.limit.mode != "nag" or state.limit.is_locked(self._day or date.min):
                    log.warning("%s cannot be ignored (locked or blocking)", target)
                    continue
                self._record(self._event(target, "ignored"))
            elif choice == "close":
                closed = (
                    window is not None
                    and self.window_actions is not None
                    and self.window_actions.request_close(window)
                )
                self._record(
                    self._event(target, "closed", "asked" if closed else "could not ask")
                )
            if self.presenter is not None and choice != "dismissed":
                self.presenter.hide_times_up()

    def _event(self, target: LimitTarget, kind: str, detail: str = "") -> LimitEvent:
        now = self.clock.now()
        day = self._day or local_date_of(_ms(now.wall), now.utc_offset_min, self.day_start_hour)
        return LimitEvent(target, kind, day, self._trusted_ms(now), detail)  # type: ignore[arg-type]

    def _tell_about_screens(self) -> None:
        if self.presenter is not None or self._said_needs_screen:
            return
        strict = [str(limit.target) for limit in self._limits if limit.mode != "notify"]
        if self._downtime is not None and self._downtime.enabled:
            strict.append("downtime")
        if strict:
            self._said_needs_screen = True
            log.warning(
                "nag and block limits (%s) show a \"Time's up\" screen only in the tray app; "
                "here they notify instead",
                ", ".join(strict),
            )


def _ms(seconds: float) -> int:
    return round(seconds * 1000)

