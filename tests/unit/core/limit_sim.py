"""A simulated enforcer for the core.limits tests: whole days on a fake clock.

It does what ``services.enforcer`` does, minus the desktop: it counts use of
what is in front (on the monotonic clock, into the tracking day of trusted
time), calls ``evaluate`` after every step, carries out the actions by
recording their events, answers each "Time's up" screen with a chooser, and
sleeps no longer than ``next_check_seconds``.

While it runs it checks the promises ``evaluate`` makes:

- once the actions returned are recorded, evaluating again at the same moment
  returns none (every action is due once);
- nothing becomes due before ``next_check_seconds`` has passed, as long as only
  time went on (same thing in front, same day, same offset, no choice made);
- when the simulation steps exactly to that deadline, something is due there
  (or downtime started or ended): the deadline is exact, not just early.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from wellbeing.core.clock import FakeClock
from wellbeing.core.days import next_day_start_ms
from wellbeing.core.limits import (
    Action,
    Downtime,
    Evaluation,
    EventKind,
    InFront,
    Limit,
    LimitClock,
    LimitEvent,
    LimitTarget,
    UsageToday,
    evaluate,
    limit_clock_at,
    trusted_wall_ms,
)

Choice = str  # "snooze", "ignore", "close", "dismiss"
Chooser = Callable[[Action, "Sim"], Choice]


def dismiss(action: Action, sim: Sim) -> Choice:
    return "dismiss"


def scripted(*choices: Choice) -> Chooser:
    """Answer the screens with ``choices`` in turn, then dismiss them."""
    queue = list(choices)

    def choose(action: Action, sim: Sim) -> Choice:
        return queue.pop(0) if queue else "dismiss"

    return choose


@dataclass
class Sim:
    """One person, their limits and a fake clock; see the module docstring."""

    limits: list[Limit]
    start: datetime  # aware
    day_start_hour: int = 4
    downtime: Downtime | None = None
    repeat_every_seconds: float = 900
    chooser: Chooser = dismiss
    max_step_s: float = 3600.0
    clock: FakeClock = field(init=False)
    zone: ZoneInfo = field(init=False)
    in_front: InFront | None = field(default=None, init=False)
    events: list[LimitEvent] = field(default_factory=list, init=False)
    jumps: list[LimitEvent] = field(default_factory=list, init=False)
    done: list[Action] = field(default_factory=list, init=False)
    usage_ms: dict[date, Counter[str]] = field(default_factory=dict, init=False)
    last: Evaluation | None = field(default=None, init=False)
    exact_hits: int = field(default=0, init=False)
    _promise: tuple[int, object] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        assert self.start.tzinfo is not None
        self.zone = self.start.tzinfo  # type: ignore[assignment]
        self.clock = FakeClock(wall=self.start.timestamp())
        self.clock.set_offset(self._offset())
        self.check()  # the enforcer evaluates when it starts

    # -- the moment ---------------------------------------------------------------

    def _offset(self) -> int:
        moment = datetime.fromtimestamp(self.clock.wall, UTC).astimezone(self.zone)
        delta = moment.utcoffset()
        assert delta is not None
        return int(delta.total_seconds() // 60)

    def wall_ms(self) -> int:
        return round(self.clock.wall * 1000)

    def now(self) -> LimitClock:
        trusted = trusted_wall_ms(self.wall_ms(), self.jumps)
        return limit_clock_at(trusted, self.clock.utc_offset_min, self.day_start_hour)

    def local(self) -> datetime:
        """The wall clock as people see it."""
        return datetime.fromtimestamp(self.clock.wall, self.zone)

    def usage(self, day: date | None = None) -> UsageToday:
        counts = self.usage_ms.get(day or self.now().local_date, Counter())
        tables: dict[str, dict[str, float]] = {"app": {}, "site": {}, "category": {}}
        for key, ms in counts.items():
            kind, _, name = key.partition(":")
            if kind in tables:
                tables[kind][name] = ms / 1000
        return UsageToday(
            tables["app"], tables["site"], tables["category"], counts.get("total", 0) / 1000
        )

    def events_on(self, day: date) -> list[LimitEvent]:
        return [e for e in self.events if e.local_date == day]

    # -- what the person does ------------------------------------------------------

    def focus(self, app: str | None, site: str | None = None, category: str | None = None) -> None:
        """Bring ``app`` to the front (None: nothing in front, e.g. idle)."""
        if app is None:
            self.in_front = None
        else:
            self.in_front = InFront(app, site, category, since_ms=self.now().wall_ms)
        self._promise = None
        self.check()

    def use(self, seconds: float, every: float | None = None) -> None:
        """Go on with what is in front for ``seconds`` (also when nothing is)."""
        left_ms = round(seconds * 1000)
        while left_ms > 0:
            now = self.now()
            step = left_ms
            day_end = next_day_start_ms(now.wall_ms, self.clock.utc_offset_min, self.day_start_hour)
            step = min(step, day_end - now.wall_ms, round(self.max_step_s * 1000))
            if every is not None:
                step = min(step, round(every * 1000))
            if self._promise is not None:
                step = min(step, max(1, self._promise[0] - now.wall_ms))
            self._advance(step)
            left_ms -= step
            self.check()

    def wait(self, seconds: float) -> None:
        """Time passes with nothing in front."""
        self.focus(None)
        self.use(seconds)

    def wait_until(self, moment: datetime) -> None:
        """Nothing in front until the wall clock shows ``moment``."""
        seconds = moment.timestamp() - self.clock.wall
        assert seconds >= 0, moment
        self.wait(seconds)

    def _advance(self, ms: int) -> None:
        now = self.now()
        self.clock.advance(ms / 1000)
        self.clock.set_offset(self._offset())
        if self.in_front is not None:
            counts = self.usage_ms.setdefault(now.local_date, Counter())
            front = self.in_front
            counts[f"app:{front.app_key}"] += ms
            if front.site:
                counts[f"site:{front.site}"] += ms
            if front.category:
                counts[f"category:{front.category}"] += ms
            counts["total"] += ms

    def set_clock(self, seconds: float) -> None:
        """Someone sets the wall clock by ``seconds``; the enforcer records the jump."""
        self.clock.step_wall(seconds)
        self.clock.set_offset(self._offset())
        now = self.now()  # trusted: still the old time, the jump not yet counted
        jump = LimitEvent(None, "clock_jump", now.local_date, now.wall_ms, f"{seconds:g}")
        self.jumps.append(jump)
        self.events.append(jump)
        self._promise = None
        self.check()

    def record(self, target: LimitTarget, kind: EventKind, detail: str = "") -> None:
        """An event from outside the loop (a notification button, a change)."""
        now = self.now()
        self.events.append(LimitEvent(target, kind, now.local_date, now.wall_ms, detail))
        self._promise = None
        self.check()

    # -- the enforcer ---------------------------------------------------------------

    def evaluate(self) -> Evaluation:
        now = self.now()
        return evaluate(
            self.limits,
            self.usage(now.local_date),
            self.in_front,
            self.events_on(now.local_date),
            now,
            downtime=self.downtime,
            repeat_every_seconds=self.repeat_every_seconds,
        )

    def _context(self) -> object:
        now = self.now()
        downtime = self.downtime
        active = downtime is not None and downtime.is_active(now.weekday, now.local_minute)
        return (self.in_front, now.local_date, self.clock.utc_offset_min, active)

    def check(self) -> Evaluation:
        """Evaluate, check the promises, carry out the actions and answer the screens."""
        now = self.now()
        result = self.evaluate()
        context = self._context()
        if self._promise is not None:
            promised_ms, promised_context = self._promise
            same = _same_but_downtime(promised_context, context)
            if same and result.actions:
                assert now.wall_ms >= promised_ms, (
                    f"{[a.kind for a in result.actions]} due {promised_ms - now.wall_ms} ms "
                    "before next_check_seconds said"
                )
            if same and now.wall_ms == promised_ms:
                started_or_ended = promised_context != context
                assert result.actions or started_or_ended, "nothing due at the deadline"
                self.exact_hits += 1
        for action in result.actions:
            self.events.append(action.event)
            self.done.append(action)
        for action in result.actions:
            if action.kind == "show_times_up":
                self._answer(action)
        again = self.evaluate()
        assert not again.actions, f"due again once done: {[a.kind for a in again.actions]}"
        self.last = again
        wait = again.next_check_seconds
        if wait is None:
            self._promise = None
        else:
            assert wait > 0, wait
            # In whole ms, forgiving float noise (57.143 s - 2.857 s is not 57.143000000000001 s).
            self._promise = (now.wall_ms + math.ceil(wait * 1000 - 1e-6), self._context())
        return again

    def _answer(self, action: Action) -> None:
        choice = self.chooser(action, self)
        state, target = action.state, action.state.limit.target
        now = self.now()

        def add(kind: EventKind, detail: str = "") -> None:
            self.events.append(LimitEvent(target, kind, now.local_date, now.wall_ms, detail))

        if choice == "snooze" and state.snoozes_left > 0:
            add("snoozed", "15")
        elif (
            choice == "ignore"
            and state.limit.mode == "nag"
            and not state.limit.is_locked(now.local_date)
        ):
            add("ignored")
        elif choice == "close":
            add("closed", self.in_front.app_key if self.in_front else "")
            self.in_front = None
        elif state.limit.mode == "block":
            add("minimised")

    # -- reading back ---------------------------------------------------------------

    def kinds(self, day: date | None = None) -> list[str]:
        """The kinds of the actions carried out (on ``day``), in order."""
        return [a.kind for a in self.done if day is None or a.event.local_date == day]

    def times(self, kind: str) -> list[datetime]:
        """Local times of the actions of ``kind`` (trusted time: the wall clock before any jump)."""
        return [
            datetime.fromtimestamp(a.event.at_ms / 1000, self.zone)
            for a in self.done
            if a.kind == kind
        ]


def _same_but_downtime(before: object, after: object) -> bool:
    """Only time went on: same thing in front, same day and offset (downtime may toggle)."""
    assert isinstance(before, tuple)
    assert isinstance(after, tuple)
    return before[:3] == after[:3]
