"""The value proposed for "Set limit…", from the last four weeks."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core.limit_suggestion import Suggestion, suggest_limit


def test_a_quarter_below_the_median_day_with_use_rounded_to_five_minutes() -> None:
    days = [3600.0, 0.0, 2400.0, 0.0, 4800.0, 3000.0, 0.0]  # median of the 4 days with use: 3300
    assert suggest_limit(days) == Suggestion(seconds=2400, median_seconds=3300.0, days=4)


@pytest.mark.parametrize(
    ("days", "seconds"),
    [
        ([400.0], 300),
        ([600.0], 600),  # 450 s: halfway rounds up
        ([60.0, 30.0], 300),  # never below 5 minutes
        ([800.0], 600),  # 600 exactly
        ([1000.0], 900),  # 750 rounds up
        ([86_400.0] * 3, 64_800),
    ],
)
def test_rounding_and_the_floor(days: list[float], seconds: int) -> None:
    suggestion = suggest_limit(days)
    assert suggestion is not None
    assert suggestion.seconds == seconds


def test_only_the_last_four_weeks_count() -> None:
    old = [36_000.0] * 30
    recent = [1200.0] * 28
    suggestion = suggest_limit(old + recent)
    assert suggestion == Suggestion(seconds=900, median_seconds=1200.0, days=28)


@pytest.mark.parametrize("days", [[], [0.0] * 28, [0.0, -5.0, math.nan]])
def test_no_history_gives_no_suggestion(days: list[float]) -> None:
    assert suggest_limit(days) is None


@given(st.lists(st.floats(0, 86_400), max_size=40))
def test_a_suggestion_is_a_whole_number_of_five_minutes_below_the_median(days: list[float]) -> None:
    suggestion = suggest_limit(days)
    if suggestion is None:
        assert not any(d > 0 for d in days[-28:])
        return
    assert suggestion.seconds % 300 == 0
    assert 300 <= suggestion.seconds <= 86_400
    assert suggestion.seconds <= max(300, suggestion.median_seconds * 0.75 + 150)
    assert 1 <= suggestion.days <= 28
