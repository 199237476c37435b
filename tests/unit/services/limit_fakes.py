"""In-memory stand-ins for the enforcer's ports: a limit store, a notifier, a screen, windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from wellbeing.core.limits import Downtime, Limit, LimitEvent, LimitState, LimitTarget, UsageToday
from wellbeing.platform.base import WindowInfo
from wellbeing.services.limit_ports import Notice, TimesUpChoice


@dataclass
class MemoryLimitStore:
    """A LimitStore kept in lists; ``fail`` makes every call raise it."""

    stored: dict[LimitTarget, Limit] = field(default_factory=dict)
    stored_downtime: Downtime | None = None
    recorded: list[LimitEvent] = field(default_factory=list)
    usage: dict[date, UsageToday] = field(default_factory=dict)
    others: dict[date, UsageToday] = field(default_factory=dict)  # other devices' use
    others_reads: int = 0
    rev: int = 0
    fail: Exception | None = None
    reads: int = 0

    def _check(self) -> None:
        self.reads += 1
        if self.fail is not None:
            raise self.fail

    def limits(self) -> list[Limit]:
        self._check()
        return sorted(self.stored.values(), key=lambda limit: str(limit.target))

    def save_limit(self, limit: Limit) -> Limit:
        self._check()
        limit = replace(limit, id=limit.id or len(self.stored) + 1)
        self.stored[limit.target] = limit
        self.rev += 1
        return limit

    def remove_limit(self, target: LimitTarget) -> bool:
        self._check()
        self.rev += 1
        return self.stored.pop(target, None) is not None

    def downtime(self) -> Downtime | None:
        self._check()
        return self.stored_downtime

    def save_downtime(self, downtime: Downtime | None) -> None:
        self._check()
        self.stored_downtime = downtime
        self.rev += 1

    def events(self, first: date, last: date) -> list[LimitEvent]:
        self._check()
        return [e for e in self.recorded if first <= e.local_date <= last]

    def record_event(self, event: LimitEvent) -> None:
        self._check()
        self.recorded.append(event)

    def usage_on(self, day: date, devices: str = "all") -> UsageToday:
        self._check()
        if devices == "others":
            self.others_reads += 1
            return self.others.get(day, UsageToday())
        return self.usage.get(day, UsageToday())

    def revision(self) -> int:
        self._check()
        return self.rev

    def kinds(self) -> list[str]:
        return [e.kind for e in self.recorded]


@dataclass
class RecordingNotifier:
    """Delivers every notice into a list, with the clock's monotonic time."""

    now: Callable[[], float]
    name: str = "recording"
    sent: list[tuple[float, Notice]] = field(default_factory=list)

    def notify(self, notice: Notice) -> bool:
        self.sent.append((self.now(), notice))
        return True

    def close(self) -> None:
        pass

    def titles(self) -> list[str]:
        return [notice.title for _, notice in self.sent]


@dataclass
class RecordingScreen:
    """A TimesUpPresenter that remembers what it showed and lets a test choose."""

    now: Callable[[], float]
    shown: list[tuple[float, LimitState, WindowInfo | None]] = field(default_factory=list)
    hidden: int = 0
    choose: Callable[[TimesUpChoice], None] | None = None

    def show_times_up(
        self,
        state: LimitState,
        window: WindowInfo | None,
        on_choice: Callable[[TimesUpChoice], None],
    ) -> None:
        self.shown.append((self.now(), state, window))
        self.choose = on_choice

    def hide_times_up(self) -> None:
        self.hidden += 1


@dataclass
class RecordingWindows:
    """WindowActions that succeed and remember the windows."""

    closed: list[WindowInfo] = field(default_factory=list)
    minimised: list[WindowInfo] = field(default_factory=list)

    def request_close(self, window: WindowInfo) -> bool:
        self.closed.append(window)
        return True

    def minimise(self, window: WindowInfo) -> bool:
        self.minimised.append(window)
        return True
