"""The weekly summary gathered through the LimitStore protocol, from a small in-memory store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from wellbeing.core.limits import Downtime, Limit, LimitEvent, LimitTarget, UsageToday
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.weekly_summary import (
    WEEKLY_SUMMARY_KEY,
    gather_week,
    last_week_of,
    weekly_notice,
)

H = 3600.0
TOTAL = LimitTarget("total")


@dataclass
class MemoryLimitStore:
    """Just enough of a LimitStore: limits, events and daily use held in dicts."""

    stored: list[Limit] = field(default_factory=list)
    log: list[LimitEvent] = field(default_factory=list)
    use: dict[date, UsageToday] = field(default_factory=dict)
    asked: list[date] = field(default_factory=list)

    def limits(self) -> list[Limit]:
        return list(self.stored)

    def save_limit(self, limit: Limit) -> Limit:
        self.stored = [x for x in self.stored if x.target != limit.target] + [limit]
        return limit

    def remove_limit(self, target: LimitTarget) -> bool:
        before = len(self.stored)
        self.stored = [x for x in self.stored if x.target != target]
        return len(self.stored) != before

    def downtime(self) -> Downtime | None:
        return None

    def save_downtime(self, downtime: Downtime | None) -> None:
        pass

    def events(self, first: date, last: date) -> list[LimitEvent]:
        return [e for e in self.log if first <= e.local_date <= last]

    def record_event(self, event: LimitEvent) -> None:
        self.log.append(event)

    def usage_on(self, day: date, devices: str = "all") -> UsageToday:
        self.asked.append(day)
        return self.use.get(day, UsageToday())

    def revision(self) -> int:
        return 0


def test_last_week_is_the_monday_to_sunday_before_this_one() -> None:
    assert last_week_of(date(2026, 6, 8)) == (date(2026, 6, 1), date(2026, 6, 7))  # a Monday
    assert last_week_of(date(2026, 6, 10)) == (date(2026, 6, 1), date(2026, 6, 7))
    assert last_week_of(date(2026, 6, 14)) == (date(2026, 6, 1), date(2026, 6, 7))  # Sunday


def test_the_notice_from_a_store() -> None:
    store = MemoryLimitStore()
    checked: LimitStore = store  # it satisfies the protocol
    first = date(2026, 6, 1)
    for i in range(14):
        day = first - timedelta(days=7) + timedelta(days=i)
        store.use[day] = UsageToday(total=(2 * H if i < 7 else 1.5 * H))
    store.stored = [Limit(TOTAL, (int(1.5 * H),) * 7)]
    store.record_event(LimitEvent(TOTAL, "ignored", first + timedelta(days=2), 0))
    store.record_event(LimitEvent(TOTAL, "ignored", first - timedelta(days=2), 0))  # earlier

    notice = weekly_notice(checked, date(2026, 6, 8))

    assert notice.key == WEEKLY_SUMMARY_KEY
    assert notice.title == "Your week: 1 h 30 min a day"
    assert notice.body == (
        "Last week: 1 h 30 min a day, ▼ 25% from the week before. "
        "Within your limits on 6 of 7 days."
    )
    assert sorted(set(store.asked)) == [
        first - timedelta(days=7) + timedelta(days=i) for i in range(14)
    ]
    figures = gather_week(store, date(2026, 6, 8))
    assert figures.per_limit[0].kept_days == 6
