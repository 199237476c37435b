"""Daily limits: what a limit is, how much of it is used, and what is due now.

Pure: no Qt, no storage, no OS. The enforcer (``services.enforcer``) keeps
today's usage in memory, calls :func:`evaluate` after every sample, carries out
the :class:`Action` list it gets back, records the events, and sleeps no longer
than :attr:`Evaluation.next_check_seconds`.

Vocabulary:

- A *target* is what a limit counts: one app (by its key, as ``report --json``
  shows it), one site (by domain), one category (``category:Social``) or all
  use (``total``). See :class:`LimitTarget` (``core.limit_targets``, with the
  parsers for what people type; every name there is importable from here).
- A *limit* gives a number of seconds per weekday (Monday = 0); a weekday
  without a number has no limit. Its *mode* says how it is kept: ``notify``
  (notifications only), ``nag`` (a "Time's up" screen that can be snoozed or
  ignored for the day) or ``block`` (the screen, no "ignore", the window is
  minimised again when focused).
- *Events* are what happened to a limit today (warned, reached, snoozed ...;
  ``core.limit_events``); they are stored (the bypass log, summed up by
  ``core.bypass``) and fed back in, so evaluation is a pure function of
  limits, usage, events and the moment.
- The *local day* is the tracking day (starts at ``day_start_hour``, see
  ``core.days``). Usage and events belong to one local day; a new day starts
  from zero.

What :func:`evaluate` decides, per limit, from today's events for its target:

- *Allowed* is the limit for the tracking day's weekday plus every snooze taken
  today (a ``snoozed`` event's detail is its minutes; :data:`DEFAULT_SNOOZE_S`
  when it has none). A snooze also lasts at least its minutes of wall time from
  when it was taken, so "15 more minutes" after a dismissed screen and half an
  hour over still means 15 more minutes: until then allowed is at least use so
  far plus what remains of it. No limit that weekday: status ``off_today``.
- The *warning* (``notify_warning``, every mode) is due once a day when use is
  at least the limit minus ``warn_before_seconds`` but not yet at the limit (no
  warning when the lead is 0; a lead as long as the limit or longer, e.g. 5
  minutes before a 1-minute limit, warns halfway instead; when use jumps past
  the limit at once, only the reach is told).
- *Reached* (``notify_reached``, every mode) is due once a day when use reaches
  the allowed time; nag and block also get ``show_times_up`` if what is in
  front counts against the limit.
- While over a *notify* limit, ``notify_still_over`` is due every
  ``repeat_every_seconds`` after the last ``reached``/``still_over`` event (at
  once after a snooze ran out), but only while the target is in front: nobody is
  reminded of what they are not using.
- While over a *nag or block* limit, ``show_times_up`` is due whenever the
  target is in front and no ``shown`` event for it is at or after the later of
  :attr:`InFront.since_ms` (when this focus began), its last snooze and its
  last change. So the screen returns each time the target is brought to the
  front, and when a snooze runs out.
- ``ignored`` holds for the rest of the day only for a nag limit that is not
  locked (block and locked limits cannot be ignored): status ``ignored``,
  nothing due.
- A ``changed`` event starts the day's warning and reach over (the limit is a
  new one); snoozes and an ignore stay. ``snoozes_left`` is the budget minus the
  snoozes taken today, never below 0.
- *Downtime* (``core.downtime``; calendar local time, across midnight and the
  day start): while it is on, what is in front, unless always allowed, behaves
  as over a nag limit. A state is added after the limits' ones: its limit
  targets the site in front (or else the app), mode nag, 0 seconds; status
  ``downtime``; ``show_times_up`` by the same "brought to the front" rule.
  Snoozes and an ignore recorded for that target apply; a downtime snooze runs
  on the wall clock (15 more minutes of the evening, whatever was used before).
  At the day start inside a downtime the events start afresh like everything
  else: the screen comes once more, with a new day's snooze budget.
- Several ``show_times_up`` in one evaluation are one screen: the enforcer shows
  the first and records every action's event.
- :attr:`Evaluation.next_check_seconds` counts the actions returned as done. It
  is the least time of continued use of what is in front (its targets' use and
  the wall clock both advancing) after which something may be due: a warning
  point, the allowed time, the next reminder, a downtime snooze ending, and
  downtime starting or ending (these also when nothing is in front). Nothing
  becomes due sooner; limits not counting what is in front do not move. Not
  counted: the day's end and a change of UTC offset; the enforcer evaluates
  again at both.

Time: the caller gives ``LimitClock`` with the local day and a trusted wall
time (:func:`limit_clock_at`). Wall-clock jumps are recorded as ``clock_jump``
events and never reset a day's use or end a lock early (see
:func:`trusted_wall_ms`).

Changing a limit (tighten, loosen, lock, cooling-off) is ``core.limit_changes``;
a value to propose for "Set limit…" is ``core.limit_suggestion``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from wellbeing.core.days import MS_PER_DAY, MS_PER_MINUTE, local_date_of
from wellbeing.core.downtime import Downtime as Downtime
from wellbeing.core.limit_events import DEFAULT_SNOOZE_S as DEFAULT_SNOOZE_S
from wellbeing.core.limit_events import NO_EVENTS, TargetEvents, digest_events
from wellbeing.core.limit_events import EventKind as EventKind
from wellbeing.core.limit_events import LimitEvent as LimitEvent
from wellbeing.core.limit_events import trusted_wall_ms as trusted_wall_ms
from wellbeing.core.limit_targets import MAX_DAILY_SECONDS as MAX_DAILY_SECONDS
from wellbeing.core.limit_targets import WEEKDAY_NAMES as WEEKDAY_NAMES
from wellbeing.core.limit_targets import LimitError as LimitError
from wellbeing.core.limit_targets import LimitTarget as LimitTarget
from wellbeing.core.limit_targets import TargetKind as TargetKind
from wellbeing.core.limit_targets import format_days as format_days
from wellbeing.core.limit_targets import parse_days as parse_days
from wellbeing.core.limit_targets import parse_duration as parse_duration
from wellbeing.core.limit_targets import parse_target_text as parse_target_text
from wellbeing.core.limit_targets import resolve_target as resolve_target

Mode = Literal["notify", "nag", "block"]
MODES: tuple[Mode, ...] = ("notify", "nag", "block")

DEFAULT_WARN_BEFORE_S = 300
"""The warning comes this long before the limit (configurable)."""
DEFAULT_REPEAT_EVERY_S = 900
"""While over a notify limit, a reminder this often."""
DEFAULT_SNOOZE_BUDGET = {"notify": 0, "nag": 2, "block": 1}
"""Snoozes a day per mode, unless the limit says otherwise."""
COOLING_OFF_S = 86_400
"""With cooling-off, a loosening applies this long after it was asked for."""


class LimitLocked(LimitError):
    """The change would loosen or remove a locked limit before its date."""


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A loosening waiting out its cooling-off: what the limit becomes, and when (UTC ms).

    ``snooze_budget`` and ``cooling_off`` are what the limit's own fields become
    (a loosening may raise the budget or turn cooling-off off). A pending removal
    has None on every weekday (``core.limit_changes``).
    """

    seconds_by_weekday: tuple[int | None, ...]
    mode: Mode
    effective_at_ms: int
    snooze_budget: int | None = None
    cooling_off: bool = True


@dataclass(frozen=True, slots=True)
class Limit:
    """One daily limit.

    Attributes:
        target: what it counts.
        seconds_by_weekday: 7 entries, Monday first; None = no limit that weekday.
        mode: ``notify``, ``nag`` or ``block``.
        locked_until: the lock holds through this local day (inclusive); None = unlocked.
        cooling_off: loosening waits :data:`COOLING_OFF_S`; tightening is immediate.
        pending: a loosening asked for under cooling-off, not yet in force.
        snooze_budget: snoozes a day; None = the mode's default.
        warn_before_seconds: the warning's lead; 0 = no warning.
        id: storage id (None before it is stored).
        experiment_id: the experiment that owns it (it then ends with its phase).
    """

    target: LimitTarget
    seconds_by_weekday: tuple[int | None, ...]
    mode: Mode = "notify"
    locked_until: date | None = None
    cooling_off: bool = False
    pending: PendingChange | None = None
    snooze_budget: int | None = None
    warn_before_seconds: int = DEFAULT_WARN_BEFORE_S
    id: int | None = None
    experiment_id: int | None = None

    def seconds_on(self, day: date) -> int | None:
        """The limit on ``day`` (its weekday), or None if there is none that day."""
        return self.seconds_by_weekday[day.weekday()]

    def is_locked(self, today: date) -> bool:
        return self.locked_until is not None and today <= self.locked_until

    @property
    def budget(self) -> int:
        """Snoozes allowed a day."""
        if self.snooze_budget is not None:
            return self.snooze_budget
        return DEFAULT_SNOOZE_BUDGET[self.mode]


DeviceScope = Literal["all", "this", "others"]
"""Whose use is read: every device's, a store's own device's, or every other device's."""


@dataclass(frozen=True, slots=True)
class UsageToday:
    """Seconds used so far today, per app key, site domain and category, and in total.

    Includes the running interval up to the moment of evaluation.
    """

    by_app: Mapping[str, float] = field(default_factory=dict)
    by_site: Mapping[str, float] = field(default_factory=dict)
    by_category: Mapping[str, float] = field(default_factory=dict)
    total: float = 0.0

    def of(self, target: LimitTarget) -> float:
        """Seconds counted against ``target`` today."""
        kind = target.kind
        if kind == "total":
            return self.total
        if kind == "app":
            return self.by_app.get(target.key, 0.0)
        if kind == "site":
            return self.by_site.get(target.key, 0.0)
        return self.by_category.get(target.key, 0.0)


@dataclass(frozen=True, slots=True)
class InFront:
    """What is in front now (None fields when unknown): to match limits and place screens.

    Attributes:
        app_key: the app's key.
        site: the recognised site's domain, if any.
        category: the category of the site if any, else of the app.
        since_ms: when this focus began (trusted UTC ms, as :attr:`LimitClock.wall_ms`):
            the "Time's up" screen returns each time the target is brought to the front.
    """

    app_key: str
    site: str | None = None
    category: str | None = None
    since_ms: int = 0

    def matches(self, target: LimitTarget) -> bool:
        """Whether using this counts against ``target``."""
        if target.kind == "total":
            return True
        if target.kind == "app":
            return target.key == self.app_key
        if target.kind == "site":
            return target.key == self.site
        return target.key == self.category


@dataclass(frozen=True, slots=True)
class LimitClock:
    """The moment of an evaluation.

    Attributes:
        local_date: the tracking day.
        wall_ms: trusted UTC ms (see :func:`trusted_wall_ms`).
        local_minute: minutes since local midnight (for downtime), 0..1439.
        weekday: the local calendar weekday of ``local_minute`` (Monday = 0).

    Build it with :func:`limit_clock_at`, so that ``local_minute`` and ``wall_ms``
    agree (the seconds within the minute are taken from ``wall_ms``).
    """

    local_date: date
    wall_ms: int
    local_minute: int
    weekday: int


LimitStatus = Literal["under", "warning", "reached", "snoozed", "ignored", "downtime", "off_today"]


@dataclass(frozen=True, slots=True)
class LimitState:
    """One limit's standing today (what the Limits page draws).

    Attributes:
        limit: the limit in force (a pending loosening not yet applied).
        allowed_seconds: today's limit plus snoozed time; None if no limit today.
        used_seconds: use counted against it today.
        status: ``under``, ``warning`` (inside the warning lead), ``reached``,
            ``snoozed`` (over the limit but inside a snooze), ``ignored`` (for today),
            ``downtime`` (held back by downtime) or ``off_today``.
        snoozes_left: what remains of today's snooze budget.
    """

    limit: Limit
    allowed_seconds: float | None
    used_seconds: float
    status: LimitStatus
    snoozes_left: int

    @property
    def remaining_seconds(self) -> float | None:
        if self.allowed_seconds is None:
            return None
        return max(0.0, self.allowed_seconds - self.used_seconds)


ActionKind = Literal["notify_warning", "notify_reached", "notify_still_over", "show_times_up"]


@dataclass(frozen=True, slots=True)
class Action:
    """Something the enforcer must do now; it records the matching event when done.

    Attributes:
        kind: ``notify_warning`` / ``notify_reached`` / ``notify_still_over`` (a
            notification, replacing the previous one for the same limit), or
            ``show_times_up`` (nag and block: the screen over the app in front;
            in block mode the enforcer also minimises the window).
        state: the limit's state at this moment (what to say).
        event: the event to record once it is done.
    """

    kind: ActionKind
    state: LimitState
    event: LimitEvent


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of :func:`evaluate`.

    Attributes:
        states: every limit's state, in the order given, then downtime's (if it
            holds back what is in front).
        actions: what is due now, limit by limit.
        next_check_seconds: seconds of continued use of what is in front after
            which something may be due (a warning, a limit, a reminder, a snooze
            ending, downtime starting or ending), counting the actions returned as
            done; None if nothing can become due.
    """

    states: tuple[LimitState, ...]
    actions: tuple[Action, ...]
    next_check_seconds: float | None


def evaluate(
    limits: Sequence[Limit],
    usage: UsageToday,
    in_front: InFront | None,
    events_today: Sequence[LimitEvent],
    now: LimitClock,
    *,
    downtime: Downtime | None = None,
    repeat_every_seconds: float = DEFAULT_REPEAT_EVERY_S,
) -> Evaluation:
    """Every limit's state today and the actions due now (see the module docstring).

    ``events_today`` are the events of ``now.local_date`` (others are skipped);
    ``in_front`` is None when nothing is used (idle, locked, nothing known).
    """
    digests = digest_events(events_today, now.local_date)
    states: list[LimitState] = []
    actions: list[Action] = []
    soonest: float | None = None
    since_ms = in_front.since_ms if in_front is not None else 0
    for limit in limits:
        matches = in_front is not None and in_front.matches(limit.target)
        state, wait = _judge(
            limit,
            digests.get(limit.target, NO_EVENTS),
            usage.of(limit.target),
            matches,
            since_ms,
            now,
            repeat_every_seconds,
            actions,
        )
        states.append(state)
        soonest = _sooner(soonest, wait)
    if downtime is not None:
        second = (now.wall_ms % MS_PER_MINUTE) / 1000
        change = downtime.seconds_to_change(now.weekday, now.local_minute, second)
        soonest = _sooner(soonest, change)
        if (
            in_front is not None
            and downtime.is_active(now.weekday, now.local_minute)
            and not downtime.allows(in_front.app_key, in_front.site, in_front.category)
        ):
            state, wait = _held_back(in_front, digests, usage, now, actions)
            states.append(state)
            soonest = _sooner(soonest, wait)
    return Evaluation(tuple(states), tuple(actions), soonest)


def _judge(
    limit: Limit,
    d: TargetEvents,
    used: float,
    matches: bool,
    since_ms: int,
    now: LimitClock,
    repeat_every_seconds: float,
    actions: list[Action],
) -> tuple[LimitState, float | None]:
    """One limit's state, its due actions (appended), and when it next may have some."""
    left = max(0, limit.budget - d.snoozes)
    base = limit.seconds_on(now.local_date)
    if base is None:
        return LimitState(limit, None, used, "off_today", left), None
    allowed = float(base + d.snooze_seconds)
    if d.snoozed_until_ms > now.wall_ms:  # a snooze also lasts its minutes from when it was taken
        allowed = max(allowed, used + (d.snoozed_until_ms - now.wall_ms) / 1000)
    if d.ignored and limit.mode == "nag" and not limit.is_locked(now.local_date):
        return LimitState(limit, allowed, used, "ignored", left), None
    lead = limit.warn_before_seconds
    warn_at = None if lead <= 0 or base <= 0 else base - lead if lead < base else base / 2
    status: LimitStatus
    if used >= allowed:
        status = "reached"
    elif used >= base:
        status = "snoozed"
    elif warn_at is not None and used >= warn_at:
        status = "warning"
    else:
        status = "under"
    state = LimitState(limit, allowed, used, status, left)
    waits: list[float] = []
    if warn_at is not None and not d.warned:
        if status == "warning":
            actions.append(_action("notify_warning", "warned", state, now))
        elif used < warn_at:
            waits.append(warn_at - used)
    if used < allowed:
        waits.append(allowed - used)
    else:
        reminded = d.reminded_ms
        if not d.reached:
            actions.append(_action("notify_reached", "reached", state, now))
            reminded = now.wall_ms
        if limit.mode == "notify":
            if matches and repeat_every_seconds > 0:
                due_ms = reminded + repeat_every_seconds * 1000
                if reminded <= d.snoozed_ms or now.wall_ms >= due_ms:
                    actions.append(_action("notify_still_over", "still_over", state, now))
                    due_ms = now.wall_ms + repeat_every_seconds * 1000
                waits.append((due_ms - now.wall_ms) / 1000)
        elif matches and d.screen_due(since_ms):
            actions.append(_action("show_times_up", "shown", state, now))
    if not matches or not waits:
        return state, None
    return state, min(waits)


_NO_TIME: tuple[int | None, ...] = (0,) * 7


def _held_back(
    in_front: InFront,
    digests: Mapping[LimitTarget, TargetEvents],
    usage: UsageToday,
    now: LimitClock,
    actions: list[Action],
) -> tuple[LimitState, float | None]:
    """Downtime's state for what is in front (not allowed), and its screen if due."""
    if in_front.site:
        target = LimitTarget("site", in_front.site)
    else:
        target = LimitTarget("app", in_front.app_key)
    limit = Limit(target, _NO_TIME, mode="nag", warn_before_seconds=0)
    d = digests.get(target, NO_EVENTS)
    used = usage.of(target)
    left = max(0, limit.budget - d.snoozes)
    if d.ignored:
        return LimitState(limit, 0.0, used, "ignored", left), None
    if now.wall_ms < d.snoozed_until_ms:
        rest = (d.snoozed_until_ms - now.wall_ms) / 1000
        return LimitState(limit, used + rest, used, "downtime", left), rest
    state = LimitState(limit, 0.0, used, "downtime", left)
    already = any(a.kind == "show_times_up" and a.event.target == target for a in actions)
    if not already and d.screen_due(in_front.since_ms):
        actions.append(_action("show_times_up", "shown", state, now, detail="downtime"))
    return state, None


def _action(
    kind: ActionKind, event: EventKind, state: LimitState, now: LimitClock, detail: str = ""
) -> Action:
    return Action(
        kind, state, LimitEvent(state.limit.target, event, now.local_date, now.wall_ms, detail)
    )


def _sooner(current: float | None, other: float | None) -> float | None:
    if other is None:
        return current
    if current is None or other < current:
        return other
    return current


_EPOCH = date(1970, 1, 1)


def limit_clock_at(wall_ms: int, utc_offset_min: int, day_start_hour: int) -> LimitClock:
    """The moment ``wall_ms`` (trusted UTC ms) under the UTC offset in force then.

    The offset is the one of that moment (it changes on DST days; the caller
    reads it, ``core`` never looks it up), so the local minute and weekday are
    those on the clock people see, and the tracking day is ``core.days``'s.
    """
    local_ms = wall_ms + utc_offset_min * MS_PER_MINUTE
    days, in_day = divmod(local_ms, MS_PER_DAY)
    return LimitClock(
        local_date=local_date_of(wall_ms, utc_offset_min, day_start_hour),
        wall_ms=wall_ms,
        local_minute=in_day // MS_PER_MINUTE,
        weekday=(_EPOCH + timedelta(days=days)).weekday(),
    )
