"""In-memory stand-ins for the limit UI's collaborators: a store, the rules, an evaluation.

``FakeLimitStore`` follows the ``services.limit_ports.LimitStore`` contract and
records every write. ``fake_states`` and ``fake_apply_change`` are small, plain
versions of ``core.limits.evaluate`` and ``core.limit_changes.apply_change``
(enough to drive the views: use against today's limit, snoozes and ignores from
the events; loosening a locked limit refused, a loosening under cooling-off
kept as pending), so the UI tests do not depend on the real ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tests.gui.fakes import TODAY
from wellbeing.core.clock import FakeClock
from wellbeing.core.limits import (
    COOLING_OFF_S,
    DEFAULT_SNOOZE_S,
    MODES,
    Downtime,
    Limit,
    LimitEvent,
    LimitLocked,
    LimitState,
    LimitStatus,
    LimitTarget,
    PendingChange,
    UsageToday,
)
from wellbeing.ui.limits_model import LimitsModel, Suggestion

#: 2026-06-10 13:00 UTC, the GUI tests' "now" (a Wednesday, like TODAY).
NOW_WALL = 1_781_096_400.0


class FakeLimitStore:
    """A ``LimitStore`` in memory; ``writes`` lists what was asked of it."""

    def __init__(self, limits: Sequence[Limit] = (), usage: UsageToday | None = None,
                 events: Sequence[LimitEvent] = (), downtime: Downtime | None = None) -> None:
        self._limits = {lim.target: lim for lim in limits}
        self.usage = usage or UsageToday()
        self._events = list(events)
        self._downtime = downtime
        self._revision = 0
        self._next_id = 1
        self.writes: list[tuple[str, object]] = []

    def limits(self) -> list[Limit]:
        return sorted(self._limits.values(), key=lambda lim: str(lim.target))

    def save_limit(self, limit: Limit) -> Limit:
        if limit.id is None:
            limit = replace(limit, id=self._next_id)
            self._next_id += 1
        self._limits[limit.target] = limit
        self._revision += 1
        self.writes.append(("save", limit))
        return limit

    def remove_limit(self, target: LimitTarget) -> bool:
        self.writes.append(("remove", target))
        self._revision += 1
        return self._limits.pop(target, None) is not None

    def downtime(self) -> Downtime | None:
        return self._downtime

    def save_downtime(self, downtime: Downtime | None) -> None:
        self.writes.append(("downtime", downtime))
        self._downtime = downtime
        self._revision += 1

    def events(self, first: date, last: date) -> list[LimitEvent]:
        return [e for e in self._events if first <= e.local_date <= last]

    def record_event(self, event: LimitEvent) -> None:
        self._events.append(event)

    def usage_on(self, day: date, devices: str = "all") -> UsageToday:
        return self.usage if day == TODAY and devices != "others" else UsageToday()

    def revision(self) -> int:
        return self._revision


def fake_states(limits: Sequence[Limit], usage: UsageToday,
                events: Sequence[LimitEvent]) -> list[LimitState]:
    """Today's states, simply: snoozes and ignores from the events, a 5-minute warning."""
    out = []
    for limit in limits:
        mine = [e for e in events if e.target == limit.target]
        snoozes = sum(1 for e in mine if e.kind == "snoozed")
        used = usage.of(limit.target)
        base = limit.seconds_on(TODAY)
        allowed = None if base is None else base + snoozes * DEFAULT_SNOOZE_S
        status: LimitStatus
        if allowed is None:
            status = "off_today"
        elif any(e.kind == "ignored" for e in mine):
            status = "ignored"
        elif used >= allowed:
            status = "reached"
        elif base is not None and used >= base:
            status = "snoozed"
        elif used >= allowed - limit.warn_before_seconds:
            status = "warning"
        else:
            status = "under"
        out.append(LimitState(limit, allowed, used, status, max(0, limit.budget - snoozes)))
    return out


def _looser(current: Limit, wanted: Limit | None) -> bool:
    if wanted is None:
        return True
    for old, new in zip(current.seconds_by_weekday, wanted.seconds_by_weekday, strict=True):
        if new is None and old is not None or (old is not None and new is not None
                                                and new > old):
            return True
    if MODES.index(wanted.mode) < MODES.index(current.mode):
        return True
    if current.locked_until is not None and (
            wanted.locked_until is None or wanted.locked_until < current.locked_until):
        return True
    return current.cooling_off and not wanted.cooling_off


def fake_apply_change(current: Limit | None, wanted: Limit | None, *, today: date,
                      now_ms: int) -> Limit | None:
    """The commitment rules, simply: no loosening while locked; cooling-off delays a loosening."""
    if current is None:
        return wanted
    if _looser(current, wanted):
        if current.is_locked(today):
            until = current.locked_until
            raise LimitLocked(
                f"the limit on {current.target} is locked until {until}; "
                "it can be tightened but not loosened or removed before then")
        if current.cooling_off and wanted is not None:
            return replace(current, pending=PendingChange(
                wanted.seconds_by_weekday, wanted.mode, now_ms + COOLING_OFF_S * 1000))
    return wanted


def fake_bypass(events: Sequence[LimitEvent]) -> str:
    """A bypass sentence in the shape ``core.limits.bypass_summary`` gives."""
    reached = len({e.local_date for e in events if e.kind == "reached"})
    snoozed = sum(1 for e in events if e.kind == "snoozed")
    ignored = sum(1 for e in events if e.kind == "ignored")
    if not (reached or snoozed or ignored):
        return ""
    times = {1: "once", 2: "twice"}
    return (f"This week: limit reached on {reached} days, snoozed {snoozed} times, "
            f"ignored {times.get(ignored, f'{ignored} times')}")


def limits_model(store: FakeLimitStore, *, suggestion: Suggestion | None = None,
                 clock: FakeClock | None = None) -> LimitsModel:
    """A ``LimitsModel`` over ``store`` with the fakes above, today = ``TODAY``."""
    names = {"instagram.com": "instagram.com", "firefox": "Firefox", "discord": "Discord",
             "steam": "Steam"}

    def name(target: LimitTarget) -> str:
        if target.kind == "total":
            return "Total screen time"
        return names.get(target.key, target.key)

    return LimitsModel(
        store,
        today=lambda: TODAY,
        clock=clock or FakeClock(wall=NOW_WALL, utc_offset_min=120),
        states=fake_states,
        apply_change=fake_apply_change,
        bypass=fake_bypass,
        suggest=(lambda _target: suggestion),
        names=name,
    )


def every_day(seconds: int | None) -> tuple[int | None, ...]:
    return (seconds,) * 7


def sample_store() -> FakeLimitStore:
    """A few limits in every state, this week's events and a downtime."""
    social = LimitTarget("category", "Social")
    insta = LimitTarget("site", "instagram.com")
    steam = LimitTarget("app", "steam")
    discord = LimitTarget("app", "discord")
    total = LimitTarget("total")
    limits = [
        Limit(insta, every_day(30 * 60), mode="nag", locked_until=date(2026, 12, 31)),
        Limit(social, (3600,) * 5 + (7200, 7200), mode="notify"),
        Limit(steam, (None,) * 5 + (2 * 3600, 2 * 3600), mode="block"),
        Limit(discord, every_day(45 * 60), mode="nag", cooling_off=True,
              pending=PendingChange(every_day(3600), "nag", int((NOW_WALL + 8 * 3600) * 1000))),
        Limit(total, every_day(6 * 3600), mode="notify"),
    ]
    usage = UsageToday(
        by_app={"steam": 1800.0, "discord": 40 * 60.0},
        by_site={"instagram.com": 32 * 60.0},
        by_category={"Social": 50 * 60.0},
        total=3 * 3600 + 20 * 60.0,
    )
    days = [date(2026, 6, 8), date(2026, 6, 9), TODAY]
    events = [
        LimitEvent(insta, "reached", days[0], 0), LimitEvent(insta, "snoozed", days[0], 1, "15"),
        LimitEvent(insta, "reached", days[1], 2), LimitEvent(insta, "ignored", days[1], 3),
        LimitEvent(discord, "reached", days[1], 4),
        LimitEvent(insta, "reached", days[2], 5), LimitEvent(insta, "snoozed", days[2], 6, "15"),
        LimitEvent(discord, "snoozed", days[0], 7, "15"),
        LimitEvent(None, "clock_jump", days[1], 8, "3600"),
        LimitEvent(None, "clock_jump", days[2], 9, "-120"),
    ]
    downtime = Downtime(23 * 60, 7 * 60, always_allowed=frozenset({"signal-desktop",
                                                                   "wikipedia.org"}))
    return FakeLimitStore(limits, usage, events, downtime)
