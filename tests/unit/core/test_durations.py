import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core.durations import (
    format_axis_duration,
    format_duration,
    percent_change,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (0.4, "0 s"),
        (0.6, "1 s"),
        (45, "45 s"),
        (59.4, "59 s"),
        (59.6, "1 min"),
        (60, "1 min"),
        (119, "1 min"),
        (45 * 60, "45 min"),
        (3599, "59 min"),
        (3600, "1 h"),
        (3600 + 5 * 60, "1 h 05 min"),
        (3600 + 5 * 60 + 59, "1 h 05 min"),
        (2 * 3600 + 10 * 60, "2 h 10 min"),
        (125 * 3600 + 60, "125 h 01 min"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf, -math.inf])
def test_format_duration_rejects_bad_input(bad: float) -> None:
    with pytest.raises(ValueError, match="duration"):
        format_duration(bad)


@given(st.floats(min_value=0, max_value=10_000_000, allow_nan=False))
def test_format_duration_never_shows_more_than_used(seconds: float) -> None:
    text = format_duration(seconds)
    parts = text.split()
    shown = 0
    for value, unit in zip(parts[::2], parts[1::2], strict=True):
        shown += int(value) * {"h": 3600, "min": 60, "s": 1}[unit]
    assert shown <= round(seconds)
    assert round(seconds) - shown < 60


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0"), (900, "15 min"), (3600, "1 h"), (5400, "1 h 30"), (7200, "2 h")],
)
def test_format_axis_duration(seconds: float, text: str) -> None:
    assert format_axis_duration(seconds) == text


def test_percent_change() -> None:
    assert percent_change(112, 100) == pytest.approx(12.0)
    assert percent_change(97, 100) == pytest.approx(-3.0)
    assert percent_change(5, 0) is None
    assert percent_change(5, math.nan) is None
