"""The weekly summary's numbers and words."""

from __future__ import annotations

from datetime import date, timedelta

from wellbeing.core.limits import Limit, LimitEvent, LimitTarget, UsageToday
from wellbeing.core.summary import (
    WITHIN_TOLERANCE_S,
    WeekFigures,
    averages,
    limits_week,
    week_figures,
    weekly_summary,
)

H = 3600.0
MONDAY = date(2026, 6, 1)
WEEK = [MONDAY + timedelta(days=i) for i in range(7)]
INSTAGRAM = LimitTarget("site", "instagram.com")
TOTAL = LimitTarget("total")


def daily(seconds: int | None, weekend: int | None = None) -> tuple[int | None, ...]:
    return (seconds,) * 5 + ((seconds if weekend is None else weekend),) * 2


def test_the_example_from_the_issue() -> None:
    last = [130 * 60.0] * 7  # 2 h 10 min a day
    before = [last[0] / 0.88] * 7  # 12% more
    figures = week_figures(last, before, (5, 7, ()))
    assert weekly_summary(figures).title == "Your week: 2 h 10 min a day"
    assert weekly_summary(figures).body == (
        "Last week: 2 h 10 min a day, ▼ 12% from the week before. "
        "Within your limits on 5 of 7 days."
    )


def test_no_use_no_limits_same_as_before_and_every_day() -> None:
    assert weekly_summary(week_figures([0.0] * 7, [H] * 7)).body == (
        "No screen time was recorded last week."
    )
    assert weekly_summary(week_figures([H] * 7, [H] * 7)).body == (
        "Last week: 1 h a day, same as the week before."
    )
    assert weekly_summary(week_figures([H] * 7, [0.0] * 7, (7, 7, ()))).body == (
        "Last week: 1 h a day. Within your limits every day."
    )


def test_the_average_starts_at_the_first_day_of_use() -> None:
    # Started on Thursday of the week before: that week averages Thu-Sun only.
    before = [0.0, 0.0, 0.0, H, H, H, H]
    last = [2 * H] * 6 + [0.0]  # a day without use still counts once started
    avg, prev = averages(last, before)
    assert prev == H
    assert avg == 12 * H / 7
    assert averages([0.0, 0.0, 0.0, 0.0, 3 * H, 0.0, H], [0.0] * 7) == (4 * H / 3, None)
    assert averages([0.0] * 7, [0.0] * 7) == (None, None)


def test_days_within_limits_by_use_and_by_snoozes() -> None:
    limits = [
        Limit(INSTAGRAM, daily(600, weekend=None)),  # 10 min Mon-Fri, weekends too (same)
        Limit(TOTAL, daily(None, weekend=3 * 3600)),  # 3 h on Sat and Sun only
    ]
    usage = {
        WEEK[0]: UsageToday(by_site={"instagram.com": 600 + WITHIN_TOLERANCE_S}, total=H),
        WEEK[1]: UsageToday(by_site={"instagram.com": 601 + WITHIN_TOLERANCE_S}, total=H),
        WEEK[2]: UsageToday(by_site={"instagram.com": 100}, total=H),
        WEEK[5]: UsageToday(total=4 * H),
        WEEK[6]: UsageToday(total=2 * H),
    }
    events = [
        LimitEvent(INSTAGRAM, "snoozed", WEEK[2], 0, "15"),  # asked for more: not kept
        LimitEvent(INSTAGRAM, "warned", WEEK[3], 0),  # a warning is no bending
        LimitEvent(None, "clock_jump", WEEK[4], 0, "60"),
    ]
    within, limited, per_limit = limits_week(WEEK, limits, usage, events)
    assert (within, limited) == (4, 7)  # Mon, Thu, Fri, Sun; Tue over, Wed snoozed, Sat total
    assert [(w.target, w.kept_days, w.limited_days) for w in per_limit] == [
        (INSTAGRAM, 5, 7),
        (TOTAL, 1, 2),
    ]
    body = weekly_summary(week_figures([H] * 7, [H] * 7, (within, limited, per_limit))).body
    assert body.endswith(
        "Within your limits on 4 of 7 days (instagram.com: 5 of 7, total: 1 of 2)."
    )


def test_weekdays_without_a_limit_are_not_counted() -> None:
    weekends_only = [Limit(TOTAL, daily(None, weekend=H))]
    within, limited, _ = limits_week(WEEK, weekends_only, {}, [])
    assert (within, limited) == (2, 2)
    figures = WeekFigures(H, None, None, 1, 1)
    assert weekly_summary(figures).body == (
        "Last week: 1 h a day. Within your limits on 1 of 1 day."
    )
