"""The bypass log summed up, and its sentence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wellbeing.core.bypass import BypassSummary, bypass_summary
from wellbeing.core.limits import EventKind, LimitEvent, LimitTarget

MONDAY = date(2026, 6, 1)
SUNDAY = MONDAY + timedelta(days=6)
GAME = LimitTarget("app", "supertuxkart")
VIDEO = LimitTarget("site", "youtube.com")


def event(day: int, kind: EventKind, target: LimitTarget | None = GAME) -> LimitEvent:
    return LimitEvent(target, kind, MONDAY + timedelta(days=day), 1_780_000_000_000 + day)


def test_a_week_of_events_summed_up() -> None:
    events = [
        event(0, "warned"), event(0, "reached"), event(0, "reached", VIDEO), event(0, "shown"),
        event(0, "snoozed"), event(0, "snoozed"), event(1, "reached"), event(1, "ignored"),
        event(2, "reached", VIDEO), event(2, "still_over", VIDEO), event(2, "closed"),
        event(3, "reached"), event(3, "snoozed"), event(3, "minimised"),
        event(4, "clock_jump", None), event(6, "clock_jump", None),
        event(-1, "reached"), event(7, "reached"), event(7, "snoozed"),  # other weeks
    ]
    summary = bypass_summary(events, MONDAY, SUNDAY)
    assert summary == BypassSummary(
        first=MONDAY, last=SUNDAY, days_reached=4, reached=5, warnings=1, snoozes=3,
        ignores=1, closes=1, minimised=1, clock_jumps=2,
    )
    assert summary.sentence() == (
        "This week: limit reached on 4 days, snoozed 3 times, ignored once, "
        "closed an app once, clock changed 2 times"
    )


@pytest.mark.parametrize(
    ("events", "sentence"),
    [
        ([], "No limits reached this week"),
        ([event(0, "warned"), event(1, "shown")], "No limits reached this week"),
        ([event(2, "reached")], "This week: limit reached on 1 day"),
        ([event(2, "reached"), event(2, "reached", VIDEO)], "This week: limit reached on 1 day"),
        (
            [event(0, "reached"), event(1, "reached"), event(1, "snoozed"), event(1, "ignored"),
             event(1, "ignored")],
            "This week: limit reached on 2 days, snoozed once, ignored 2 times",
        ),
        ([event(5, "clock_jump", None)], "This week: no limit reached, clock changed once"),
    ],
)
def test_the_sentence_counts_in_plain_words(events: list[LimitEvent], sentence: str) -> None:
    assert bypass_summary(events, MONDAY, SUNDAY).sentence() == sentence


def test_the_sentence_names_the_period_it_is_given() -> None:
    summary = bypass_summary([event(0, "reached")], MONDAY, SUNDAY)
    assert summary.sentence("last week") == "Last week: limit reached on 1 day"
    assert BypassSummary(MONDAY, MONDAY).sentence("today") == "No limits reached today"
    assert BypassSummary(MONDAY, MONDAY).is_empty
