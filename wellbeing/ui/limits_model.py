"""View model of the Limits page and the dashboard's bypass line: plain Python, no widgets.

Its words go through Qt's translator (``translate("Limits", ...)``; English
when none is installed) and its dates through :mod:`wellbeing.ui.periods`.

``LimitsModel`` reads a ``LimitStore`` (limits, downtime, this week's events,
today's use) and turns it into one immutable ``LimitsState``: a row per limit
(today's use against it, its days, mode, lock and a pending loosening), the
downtime schedule, the bypass summary and the clock-change count. Its commands
(``save``, ``remove``, ``set_downtime``) go through the injected
``apply_change`` (the commitment rules: a locked limit is never loosened) before
the store, and raise ``core.limits.LimitError`` / ``LimitLocked`` with a message
to show as it is.

The evaluation of today's states, the bypass summary and the suggestion of a
value are injected functions (``states``, ``bypass``, ``suggest``), wired in the
composition root to ``core.limits.evaluate``, ``bypass_summary`` and
``suggest_limit``; tests pass fakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Literal, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from wellbeing.core.categories import category_name
from wellbeing.core.clock import Clock
from wellbeing.core.durations import format_duration
from wellbeing.core.limits import (
    Downtime,
    Limit,
    LimitEvent,
    LimitState,
    LimitTarget,
    Mode,
    UsageToday,
    format_days,
)
from wellbeing.services.limit_ports import LimitStore
from wellbeing.storage.queries import AppInfo
from wellbeing.ui.periods import day_month, display_locale

translate = QCoreApplication.translate

StatesFn = Callable[[Sequence[Limit], UsageToday, Sequence[LimitEvent]], Sequence[LimitState]]
"""Today's state of each limit (in the order given), e.g. ``evaluate(...).states``."""
BypassFn = Callable[[Sequence[LimitEvent]], str]
"""This week's bypass log in one sentence ("This week: limit reached on 4 days, ..."), or ""."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed daily limit from the person's own last four weeks."""

    seconds: int
    median_seconds: float

    @property
    def text(self) -> str:
        """"Suggested 45 min — a quarter below your median of 1 h"."""
        median = format_duration(self.median_seconds)
        value = format_duration(self.seconds)
        if self.median_seconds <= 0:
            return translate("Limits", "Suggested {value}").format(value=value)
        ratio = self.seconds / self.median_seconds
        if abs(ratio - 0.75) < 0.03:
            text = translate("Limits", "Suggested {value} — a quarter below your median of "
                                       "{median}")
        elif abs(ratio - 0.5) < 0.03:
            text = translate("Limits", "Suggested {value} — half your median of {median}")
        elif ratio < 1:
            text = translate("Limits", "Suggested {value} — {percent}% below your median of "
                                       "{median}")
        elif ratio > 1:
            text = translate("Limits", "Suggested {value} — {percent}% above your median of "
                                       "{median}")
        else:
            text = translate("Limits", "Suggested {value} — the same as your median of {median}")
        return text.format(value=value, median=median, percent=round(abs(1 - ratio) * 100))


SuggestFn = Callable[[LimitTarget], Suggestion | None]
"""A value to propose for a target (``core.limits.suggest_limit`` over four weeks), or None."""


class ApplyChange(Protocol):
    """``core.limit_changes.apply_change``: the limit after a change, or LimitLocked."""

    def __call__(
        self, current: Limit | None, wanted: Limit | None, *, today: date, now_ms: int
    ) -> Limit | None: ...


Level = Literal["under", "near", "over", "none"]
NEAR_FRACTION = 0.8
"""From this share of the limit on, a bar shows "near"."""

MODE_TEXT: dict[Mode, str] = {  # in English; shown through translate("Limits", ...)
    "notify": str(QT_TRANSLATE_NOOP("Limits", "Notify")),
    "nag": str(QT_TRANSLATE_NOOP("Limits", "Nag")),
    "block": str(QT_TRANSLATE_NOOP("Limits", "Block")),
}
MODE_HELP: dict[Mode, str] = {
    "notify": str(QT_TRANSLATE_NOOP("Limits",
                                    "A notification 5 minutes before and when time is up.")),
    "nag": str(QT_TRANSLATE_NOOP(
        "Limits", "A calm “Time's up” screen you can snooze, or ignore for the day.")),
    "block": str(QT_TRANSLATE_NOOP(
        "Limits", "The screen without “ignore”; the app is minimised while over.")),
}
TOTAL_NAME = str(QT_TRANSLATE_NOOP("Limits", "Total screen time"))


@dataclass(frozen=True, slots=True)
class LimitRow:
    """One limit as the Limits page shows it.

    Attributes:
        used_text: "32 min of 30 min" (or "20 min today" on a day without a limit).
        status_text: "5 min left", "2 min over", "Snoozed · 10 min left", "Ignored today"...
        fill: the bar, today's use over today's limit (0 to 1).
        level: the bar's colour: under, near, over, or none (no limit today).
        days_text: "30 min every day", "10 min Mon–Fri · 30 min Sat, Sun".
        lock_text: "Locked until 31 Dec", or "".
        pending_text: "Looser limit from tomorrow 21:40", or "".
        removable: False while locked; ``remove_tip`` says why.
    """

    target: LimitTarget
    name: str
    used_text: str
    status_text: str
    fill: float
    level: Level
    days_text: str
    mode_text: str
    lock_text: str
    pending_text: str
    removable: bool
    remove_tip: str
    limit: Limit

    @property
    def accessible_text(self) -> str:
        """What a screen reader says for this row."""
        parts = [self.name, self.used_text, self.status_text, self.days_text, self.mode_text,
                 self.lock_text, self.pending_text]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class DowntimeView:
    """The downtime schedule (a default 23:00–07:00, off, when none is stored)."""

    downtime: Downtime
    schedule_text: str
    allowed_text: str


@dataclass(frozen=True, slots=True)
class LimitsState:
    """One immutable snapshot of the Limits page and the dashboard's bypass line."""

    today: date
    rows: tuple[LimitRow, ...]
    has_total: bool
    downtime: DowntimeView
    bypass_text: str
    clock_text: str
    total_limit_seconds: float | None


DEFAULT_DOWNTIME = Downtime(23 * 60, 7 * 60, enabled=False)


def default_name(target: LimitTarget) -> str:
    """A target's name when nothing better is known: its key, a category's shown name, or
    "Total screen time"."""
    if target.kind == "total":
        return translate("Limits", TOTAL_NAME)
    return category_name(target.key) if target.kind == "category" else target.key


def names_from_apps(apps: Iterable[AppInfo]) -> Callable[[LimitTarget], str]:
    """Names of targets: apps by their display name, the rest by :func:`default_name`."""
    by_key = {a.key: a.name for a in apps}

    def name(target: LimitTarget) -> str:
        if target.kind == "app":
            return by_key.get(target.key, target.key)
        return default_name(target)

    return name


def pretty_days(days: Iterable[int]) -> str:
    """"every day", "Mon–Fri", "Sat, Sun"."""
    text = format_days(days)
    if text == "daily":
        return translate("Limits", "every day")
    names = {_DAY_KEYS[i]: display_locale().dayName(i + 1, QLocale.FormatType.ShortFormat)
             for i in range(7)}
    return ", ".join("–".join(names.get(d, d) for d in part.split("-"))
                     for part in text.split(","))


_DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def days_text(limit: Limit) -> str:
    """"30 min every day", "10 min Mon–Fri · 30 min Sat, Sun"."""
    groups: dict[int, list[int]] = {}
    for day, seconds in enumerate(limit.seconds_by_weekday):
        if seconds is not None:
            groups.setdefault(seconds, []).append(day)
    parts = [f"{format_duration(s)} {pretty_days(days)}" for s, days in groups.items()]
    return " · ".join(parts) or translate("Limits", "No days")


def short_day(day: date, today: date) -> str:
    """"31 Dec", with the year when it is not this year's."""
    return day_month(day, with_year=day.year != today.year)


def lock_text(limit: Limit, today: date) -> str:
    """"Locked until 31 Dec" while the lock holds, else ""."""
    if limit.locked_until is None or not limit.is_locked(today):
        return ""
    return translate("Limits", "Locked until {day}").format(
        day=short_day(limit.locked_until, today))


def moment_text(at_ms: int, now_wall: float, utc_offset_min: int) -> str:
    """"today 21:40", "tomorrow 21:40", "Sat 13 Jun 21:40" (local time)."""
    tz = timezone(timedelta(minutes=utc_offset_min))
    moment = datetime.fromtimestamp(at_ms / 1000, tz)
    today = datetime.fromtimestamp(now_wall, tz).date()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return translate("Limits", "today {time}").format(time=clock)
    if moment.date() == today + timedelta(days=1):
        return translate("Limits", "tomorrow {time}").format(time=clock)
    weekday = display_locale().dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {short_day(moment.date(), today)} {clock}"


def minutes_text(minute: int) -> str:
    """"23:00" from minutes after midnight."""
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def downtime_view(downtime: Downtime | None) -> DowntimeView:
    """The downtime section's texts."""
    shown = downtime if downtime is not None else DEFAULT_DOWNTIME
    schedule = f"{minutes_text(shown.start_minute)}–{minutes_text(shown.end_minute)}"
    if shown.weekdays:
        schedule += " " + (pretty_days(shown.weekdays) if len(shown.weekdays) < 7
                           else translate("Limits", "every day"))
    allowed = sorted(shown.always_allowed)
    allowed_text = (translate("Limits", "Always allowed: {names}").format(
        names=", ".join(allowed)) if allowed else translate("Limits", "Nothing is always allowed"))
    return DowntimeView(shown, schedule, allowed_text)


def clock_changes_text(events: Sequence[LimitEvent]) -> str:
    """"Clock changed 2 times this week", or "" when it was not changed."""
    count = sum(1 for e in events if e.kind == "clock_jump")
    if count == 0:
        return ""
    return (translate("Limits", "Clock changed once this week") if count == 1 else
            translate("Limits", "Clock changed {count} times this week").format(count=count))


def week_text(state: LimitsState) -> str:
    """The dashboard's bypass line: the summary and the clock changes, as sentences."""
    parts = [state.bypass_text or (translate("Limits", "No limit was reached this week.")
                                   if state.rows else ""),
             state.clock_text]
    return " ".join(p if p.endswith(".") else f"{p}." for p in parts if p)


def _row(state: LimitState, name: str, today: date, now_wall: float, offset: int) -> LimitRow:
    limit = state.limit
    used = state.used_seconds
    day_limit = limit.seconds_on(today)
    locked = lock_text(limit, today)
    pending = ""
    if limit.pending is not None:
        when = moment_text(limit.pending.effective_at_ms, now_wall, offset)
        pending = translate("Limits", "Looser limit from {when}").format(when=when)
    level: Level = "none"
    if day_limit is None or state.status == "off_today":
        used_text = translate("Limits", "{used} today").format(used=format_duration(used))
        status, fill = translate("Limits", "No limit today"), 0.0
    else:
        used_text = translate("Limits", "{used} of {limit}").format(
            used=format_duration(used), limit=format_duration(day_limit))
        fill = min(1.0, used / day_limit) if day_limit > 0 else 1.0
        remaining = state.remaining_seconds or 0.0
        level = "under"
        if used >= day_limit or state.status in ("reached", "ignored", "downtime"):
            level = "over"
        elif state.status == "warning" or used >= NEAR_FRACTION * day_limit:
            level = "near"
        if state.status == "ignored":
            status = translate("Limits", "Ignored today")
        elif state.status == "downtime":
            status = translate("Limits", "Downtime")
        elif state.status == "snoozed":
            status = translate("Limits", "Snoozed · {left} left").format(
                left=format_duration(remaining))
        elif used > day_limit:
            status = translate("Limits", "{over} over").format(
                over=format_duration(used - day_limit))
        elif used >= day_limit:
            status = translate("Limits", "Time's up")
        else:
            status = translate("Limits", "{left} left").format(
                left=format_duration(day_limit - used))
    return LimitRow(
        target=limit.target,
        name=name,
        used_text=used_text,
        status_text=status,
        fill=fill,
        level=level,
        days_text=days_text(limit),
        mode_text=translate("Limits", MODE_TEXT[limit.mode]),
        lock_text=locked,
        pending_text=pending,
        removable=not locked,
        remove_tip=(translate("Limits", "{locked}: it can be removed after that day").format(
            locked=locked) if locked else translate("Limits", "Remove this limit")),
        limit=limit,
    )


class LimitsModel:
    """State and commands of the Limits page; produces ``LimitsState`` snapshots.

    Args:
        store: where limits, downtime, events and today's use live.
        today: the current local (tracking) day.
        clock: wall time and UTC offset (for ``now_ms`` and local times of pending changes).
        states: today's state of each limit (see :data:`StatesFn`).
        apply_change: the commitment rules (see :class:`ApplyChange`).
        bypass: this week's bypass summary (None: no summary line).
        suggest: a value to propose in the editor (None: no suggestion).
        names: display names of targets (default: :func:`default_name`).
        week_start: 0 = Monday; "this week" of the bypass log starts on it.
    """

    def __init__(
        self,
        store: LimitStore,
        *,
        today: Callable[[], date],
        clock: Clock,
        states: StatesFn,
        apply_change: ApplyChange,
        bypass: BypassFn | None = None,
        suggest: SuggestFn | None = None,
        names: Callable[[LimitTarget], str] | None = None,
        week_start: int = 0,
    ) -> None:
        self._store = store
        self._today = today
        self._clock = clock
        self._states = states
        self._apply_change = apply_change
        self._bypass = bypass
        self._suggest = suggest
        self._names = names or default_name
        self._week_start = week_start
        self._listeners: list[Callable[[LimitsState], None]] = []
        self._state = self._build()

    # -- reading -----------------------------------------------------------------

    @property
    def state(self) -> LimitsState:
        return self._state

    def subscribe(self, listener: Callable[[LimitsState], None]) -> Callable[[], None]:
        """Call ``listener`` with every new snapshot; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def name_of(self, target: LimitTarget) -> str:
        return self._names(target)

    def limit_for(self, target: LimitTarget) -> Limit | None:
        """The limit on ``target`` as stored now, if any."""
        return next((lim for lim in self._store.limits() if lim.target == target), None)

    def suggestion(self, target: LimitTarget) -> Suggestion | None:
        return self._suggest(target) if self._suggest is not None else None

    @property
    def today(self) -> date:
        return self._today()

    # -- commands ----------------------------------------------------------------

    def refresh(self) -> bool:
        """Re-read the store; notify and return True only if the snapshot changed."""
        new = self._build()
        if new == self._state:
            return False
        self._state = new
        for listener in list(self._listeners):
            listener(new)
        return True

    def save(self, wanted: Limit) -> Limit | None:
        """Set ``wanted`` (a new limit or a change) under the commitment rules.

        Returns what was stored (a loosening under cooling-off comes back as the
        old limit with ``pending`` set). Raises ``LimitError`` (``LimitLocked``
        when it would loosen a locked limit); then nothing is stored.
        """
        current = self.limit_for(wanted.target)
        result = self._apply_change(current, wanted, today=self._today(), now_ms=self._now_ms())
        saved = None
        if result is None:
            self._store.remove_limit(wanted.target)
        else:
            saved = self._store.save_limit(result)
        self.refresh()
        return saved

    def remove(self, target: LimitTarget) -> None:
        """Remove the limit on ``target``; raises ``LimitLocked`` while it is locked."""
        current = self.limit_for(target)
        if current is None:
            return
        result = self._apply_change(current, None, today=self._today(), now_ms=self._now_ms())
        if result is None:
            self._store.remove_limit(target)
        else:  # kept (e.g. a removal waiting out its cooling-off)
            self._store.save_limit(result)
        self.refresh()

    def set_downtime(self, downtime: Downtime) -> None:
        """Store the downtime schedule (turning it on or off, times, always allowed)."""
        self._store.save_downtime(downtime)
        self.refresh()

    def _now_ms(self) -> int:
        return round(self._clock.now().wall * 1000)

    # -- building a snapshot -------------------------------------------------------

    def _build(self) -> LimitsState:
        today = self._today()
        now = self._clock.now()
        week_first = today - timedelta(days=(today.weekday() - self._week_start) % 7)
        limits = self._store.limits()
        events = self._store.events(week_first, today)
        today_events = [e for e in events if e.local_date == today]
        states = self._states(limits, self._store.usage_on(today), today_events) if limits else ()
        rows = tuple(
            _row(state, self._names(state.limit.target), today, now.wall, now.utc_offset_min)
            for state in states
        )
        total = next((lim for lim in limits if lim.target.kind == "total"), None)
        return LimitsState(
            today=today,
            rows=rows,
            has_total=total is not None,
            downtime=downtime_view(self._store.downtime()),
            bypass_text=self._bypass(events) if self._bypass is not None else "",
            clock_text=clock_changes_text(events),
            total_limit_seconds=total.seconds_on(today) if total is not None else None,
        )
