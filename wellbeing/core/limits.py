"""Daily limits: what a limit is, how much of it is used, and what is due now.

Pure: no Qt, no storage, no OS. The enforcer (``services.enforcer``) keeps
today's usage in memory, calls :func:`evaluate` after every sample, carries out
the :class:`Action` list it gets back, records the events, and sleeps no longer
than :attr:`Evaluation.next_check_seconds`.

Vocabulary:

- A *target* is what a limit counts: one app (by its key, as ``report --json``
  shows it), one site (by domain), one category (``category:Social``) or all
  use (``total``). See :class:`LimitTarget`.
- A *limit* gives a number of seconds per weekday (Monday = 0); a weekday
  without a number has no limit. Its *mode* says how it is kept: ``notify``
  (notifications only), ``nag`` (a "Time's up" screen that can be snoozed or
  ignored for the day) or ``block`` (the screen, no "ignore", the window is
  minimised again when focused).
- *Events* are what happened to a limit today (warned, reached, snoozed ...);
  they are stored (the bypass log) and fed back in, so evaluation is a pure
  function of limits, usage, events and the moment.
- The *local day* is the tracking day (starts at ``day_start_hour``, see
  ``core.days``). Usage and events belong to one local day; a new day starts
  from zero.

Time: the caller gives ``LimitClock`` with the local day and a trusted wall
time. Wall-clock jumps are recorded as ``clock_jump`` events and never reset a
day's use or end a lock early (see :func:`trusted_wall_ms`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

TargetKind = Literal["app", "site", "category", "total"]
Mode = Literal["notify", "nag", "block"]
MODES: tuple[Mode, ...] = ("notify", "nag", "block")

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

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DEFAULT_WARN_BEFORE_S = 300
"""The warning comes this long before the limit (configurable)."""
DEFAULT_REPEAT_EVERY_S = 900
"""While over a notify limit, a reminder this often."""
DEFAULT_SNOOZE_S = 900
""""15 more minutes"."""
DEFAULT_SNOOZE_BUDGET = {"notify": 0, "nag": 2, "block": 1}
"""Snoozes a day per mode, unless the limit says otherwise."""
COOLING_OFF_S = 86_400
"""With cooling-off, a loosening applies this long after it was asked for."""


class LimitError(ValueError):
    """A limit, a duration, days or a target that cannot be accepted; the message says why."""


class LimitLocked(LimitError):
    """The change would loosen or remove a locked limit before its date."""


@dataclass(frozen=True, slots=True)
class LimitTarget:
    """What a limit counts.

    Attributes:
        kind: ``app``, ``site``, ``category`` or ``total``.
        key: the app key, the site's domain, the category name; ``""`` for total.
    """

    kind: TargetKind
    key: str = ""

    def __str__(self) -> str:
        """The text the CLI takes and shows: ``total``, ``category:Social``, a domain, a key."""
        if self.kind == "total":
            return "total"
        if self.kind == "category":
            return f"category:{self.key}"
        return self.key


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


@dataclass(frozen=True, slots=True)
class Downtime:
    """A daily quiet period in which everything not allowed behaves as over its limit (nag).

    Attributes:
        start_minute: local minutes after midnight when it starts (23:00 = 1380).
        end_minute: when it ends; before ``start_minute`` means the next morning.
        weekdays: the weekdays (Monday = 0) on which a downtime *starts*.
        always_allowed: targets never held back (their ``str`` forms).
        enabled: off keeps the schedule but does nothing.
    """

    start_minute: int
    end_minute: int
    weekdays: frozenset[int] = frozenset(range(7))
    always_allowed: frozenset[str] = frozenset()
    enabled: bool = True


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
        if target.kind == "total":
            return self.total
        table = {"app": self.by_app, "site": self.by_site, "category": self.by_category}
        return table[target.kind].get(target.key, 0.0)


@dataclass(frozen=True, slots=True)
class InFront:
    """What is in front now (None fields when unknown): to match limits and place screens.

    Attributes:
        app_key: the app's key.
        site: the recognised site's domain, if any.
        category: the category of the site if any, else of the app.
    """

    app_key: str
    site: str | None = None
    category: str | None = None

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
        states: every limit's state, in the order given.
        actions: what is due now.
        next_check_seconds: seconds of continued use of what is in front after
            which something will be due (a warning, a limit, a reminder, a snooze
            ending, downtime starting); None if nothing can become due.
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
    """Every limit's state today and the actions due now (see the module docstring)."""
    raise NotImplementedError


def apply_change(
    current: Limit | None, wanted: Limit | None, *, today: date, now_ms: int
) -> Limit | None:
    """The limit after asking to change ``current`` into ``wanted`` (None: remove).

    Tightening (less time on some weekday and more on none, a stricter mode, a
    later lock date) applies at once. Loosening a locked limit (or removing it)
    raises :class:`LimitLocked`; under cooling-off a loosening is kept as
    ``pending`` and applies :data:`COOLING_OFF_S` later (:func:`settle`).
    """
    raise NotImplementedError


def settle(limit: Limit, now_ms: int) -> Limit:
    """``limit`` with its pending loosening applied if its time has come."""
    raise NotImplementedError


def trusted_wall_ms(wall_ms: int, jumps: Iterable[LimitEvent]) -> int:
    """Wall time with the recorded clock jumps taken back out.

    Setting the clock forward a day must neither start a new day nor end a
    lock early: every ``clock_jump`` event's signed seconds are subtracted.
    """
    raise NotImplementedError


# -- parsing what people type (CLI and editor) -------------------------------------

_DURATION_PART = re.compile(r"(\d+)\s*(h|m|s)", re.IGNORECASE)
_DURATION_WHOLE = re.compile(r"^\s*(?:\d+\s*[hms]\s*)+$", re.IGNORECASE)
MAX_DAILY_SECONDS = 86_400


def parse_duration(text: str) -> int:
    """Seconds in ``"10m"``, ``"1h30m"``, ``"90s"``, ``"1h 5m"``; more than 0, at most 24 h.

    Raises:
        LimitError: not of that form, zero, or longer than a day.
    """
    cleaned = text.strip().lower().replace("min", "m")
    if not cleaned or not _DURATION_WHOLE.match(cleaned):
        raise LimitError(
            f"'{text}' is not a duration; write it like 10m, 1h30m or 90s"
        )
    seconds = 0
    for number, unit in _DURATION_PART.findall(cleaned):
        seconds += int(number) * {"h": 3600, "m": 60, "s": 1}[unit]
    if seconds <= 0:
        raise LimitError(f"a limit must be more than zero, not '{text}'")
    if seconds > MAX_DAILY_SECONDS:
        raise LimitError(f"a daily limit can be at most 24h, not '{text}'")
    return seconds


_DAY_ALIASES = {
    "daily": range(7), "all": range(7), "every": range(7),
    "weekdays": range(5), "weekends": range(5, 7), "weekend": range(5, 7),
}


def parse_days(text: str) -> frozenset[int]:
    """Weekdays (Monday = 0) from ``"mon-fri"``, ``"sat,sun"``, ``"weekdays"``, ``"daily"``.

    Ranges wrap (``"fri-mon"``). Raises :class:`LimitError` naming the bad part.
    """
    days: set[int] = set()
    parts = [part.strip().lower() for part in text.split(",")]
    if not text.strip() or any(not part for part in parts):
        raise LimitError(f"'{text}' are not days; write them like mon-fri, sat,sun or daily")
    for part in parts:
        if part in _DAY_ALIASES:
            days.update(_DAY_ALIASES[part])
            continue
        ends = [end.strip()[:3] for end in part.split("-")]
        if len(ends) > 2 or any(end not in WEEKDAY_NAMES for end in ends):
            raise LimitError(
                f"'{part}' is not a day; use mon, tue, wed, thu, fri, sat, sun, "
                "a range like mon-fri, or daily"
            )
        first, last = (WEEKDAY_NAMES.index(end) for end in (ends[0], ends[-1]))
        day = first
        while True:
            days.add(day)
            if day == last:
                break
            day = (day + 1) % 7
    return frozenset(days)


def format_days(days: Iterable[int]) -> str:
    """The shortest way to write weekdays: ``daily``, ``mon-fri``, ``sat,sun``, ``mon,wed``."""
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return "daily"
    runs: list[list[int]] = []
    for day in chosen:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}")
        else:
            out.extend(WEEKDAY_NAMES[d] for d in run)
    return ",".join(out)


def parse_target_text(text: str) -> LimitTarget | None:
    """The target written explicitly (``total``, ``category:X``, ``app:KEY``, ``site:DOMAIN``).

    Returns None for a bare name, which the caller resolves against the apps and
    sites it knows (:func:`resolve_target`).
    """
    cleaned = text.strip()
    lowered = cleaned.lower()
    if lowered == "total":
        return LimitTarget("total")
    for prefix in ("category:", "app:", "site:"):
        if lowered.startswith(prefix):
            key = cleaned[len(prefix):].strip()
            if not key:
                raise LimitError(f"'{text}' names no {prefix[:-1]}")
            kind: TargetKind = prefix[:-1]  # type: ignore[assignment]
            return LimitTarget(kind, key.lower() if kind == "site" else key)
    return None


def resolve_target(
    text: str,
    *,
    apps: Iterable[str],
    sites: Iterable[str],
    categories: Iterable[str],
) -> LimitTarget:
    """Turn what someone typed into a target they have used, or explain with close matches.

    A bare name is a site if it is a known domain, else an app if it is a known
    app key; categories match case-insensitively. A site the person has not
    visited yet but that is written as a domain (``tiktok.com``) is accepted, so
    a limit can be set before the first visit. Anything else raises
    :class:`LimitError` suggesting the closest known names.
    """
    app_list, site_list, category_list = list(apps), list(sites), list(categories)
    explicit = parse_target_text(text)
    if explicit is not None:
        if explicit.kind == "category":
            for name in category_list:
                if name.lower() == explicit.key.lower():
                    return LimitTarget("category", name)
            raise LimitError(
                _unknown(f"category '{explicit.key}'", explicit.key, category_list)
            )
        if explicit.kind == "app" and explicit.key not in app_list:
            raise LimitError(_unknown(f"app '{explicit.key}'", explicit.key, app_list))
        return explicit
    name = text.strip()
    if not name:
        raise LimitError("name what to limit: an app, a site, category:NAME or total")
    if name.lower() in site_list:
        return LimitTarget("site", name.lower())
    if name in app_list:
        return LimitTarget("app", name)
    for key in app_list:
        if key.lower() == name.lower():
            return LimitTarget("app", key)
    if _looks_like_domain(name):
        return LimitTarget("site", name.lower())
    known = app_list + site_list + [f"category:{c}" for c in category_list] + ["total"]
    raise LimitError(_unknown(f"'{name}'", name, known))


def _looks_like_domain(name: str) -> bool:
    return re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", name.lower()) is not None


def _unknown(what: str, name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    lowered = [k for k in known if name.lower() in k.lower() and k not in close]
    close.extend(lowered[: 3 - len(close)])
    if close:
        return f"{what} is not an app, site or category you have used; did you mean " + ", ".join(
            close
        ) + "?"
    return (
        f"{what} is not an app, site or category you have used; "
        "'wellbeing report --json' lists the app keys and sites"
    )
