"""The experiment's statistics against hand-computed values and their defining properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing.core.stats import (
    assignment_statistic,
    block_bootstrap_ci,
    default_block,
    dose_response,
    lag1_autocorrelation,
    mean,
    nap,
    randomization_p,
)


def test_nap_by_hand() -> None:
    # Pairs (b, t): (1,2) better, (1,3) better, (2,2) tie, (2,3) better -> 3.5 / 4.
    assert nap([1, 2], [2, 3], higher_is_better=True) == pytest.approx(0.875)
    assert nap([1, 2], [2, 3], higher_is_better=False) == pytest.approx(0.125)
    assert nap([5, 5], [5, 5], higher_is_better=True) == 0.5
    assert nap([1, 2, 3], [4, 5], higher_is_better=True) == 1.0


@given(
    st.lists(st.integers(0, 10), min_size=1, max_size=12),
    st.lists(st.integers(0, 10), min_size=1, max_size=12),
)
def test_nap_is_a_share_and_flips_with_direction(a: list[int], b: list[int]) -> None:
    up = nap(a, b, higher_is_better=True)
    down = nap(a, b, higher_is_better=False)
    assert 0 <= up <= 1
    assert up + down == pytest.approx(1.0)
    assert nap(b, a, higher_is_better=True) == pytest.approx(down)


def test_randomization_p_by_hand() -> None:
    """Two pairs of weeks: 4 possible orders. Weeks' means 6, 2, 5, 3; actual L U L U."""
    blocks = [[6.0, 6.0], [2.0, 2.0], [5.0, 5.0], [3.0, 3.0]]
    possible = [
        (True, False, True, False),
        (True, False, False, True),
        (False, True, True, False),
        (False, True, False, True),
    ]
    # Statistics: (6+5)/2-(2+3)/2 = 3; (6+3)/2-(2+5)/2 = 1; -1; -3. |stat| >= 3: 2 of 4.
    assert assignment_statistic(blocks, possible[0]) == pytest.approx(3.0)
    assert assignment_statistic(blocks, possible[1]) == pytest.approx(1.0)
    assert randomization_p(blocks, possible[0], possible) == pytest.approx(0.5)
    assert randomization_p(blocks, possible[1], possible) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="could draw"):
        randomization_p(blocks, (True, True, False, False), possible)


def test_randomization_p_with_missing_days_pools_what_exists() -> None:
    blocks = [[6.0], [], [5.0, 5.0], [3.0]]
    possible = [(True, False, True, False), (False, True, False, True)]
    # Observed: mean(6,5,5) - mean(3) = 2.333; the other: mean(3) - mean(6,5,5) = -2.333.
    assert randomization_p(blocks, possible[0], possible) == pytest.approx(1.0)
    assert randomization_p([[1.0], [], [], []], possible[0], possible) is None


def test_lag1_autocorrelation_by_hand() -> None:
    # x = 1,2,3,4: mean 2.5, deviations -1.5,-0.5,0.5,1.5;
    # numerator .75-.25+.75 = 1.25; denominator 5.
    assert lag1_autocorrelation([1, 2, 3, 4]) == pytest.approx(0.25)
    assert lag1_autocorrelation([1, 2]) is None
    assert lag1_autocorrelation([3, 3, 3]) is None


def test_dose_response_by_hand() -> None:
    # mood = 8 - 0.1 * minutes exactly: slope per 10 minutes -1, r = -1.
    pairs = [(0.0, 8.0), (10.0, 7.0), (20.0, 6.0), (30.0, 5.0), (40.0, 4.0)]
    fit = dose_response(pairs)
    assert fit is not None
    assert fit.slope_per_10_min == pytest.approx(-1.0)
    assert fit.r == pytest.approx(-1.0)
    assert fit.n == 5
    assert dose_response(pairs[:4]) is None
    assert dose_response([(10.0, y) for _, y in pairs]) is None  # minutes never vary


def test_bootstrap_is_reproducible_to_the_digit() -> None:
    baseline = [5.1, 6.3, 5.2, 4.4, 6.0, 5.7, 4.9]
    treated = [6.2, 7.1, 6.6, 7.3, 5.8, 6.1, 7.4, 6.5, 6.9, 6.3]
    first = block_bootstrap_ci(baseline, treated, seed=42)
    assert block_bootstrap_ci(baseline, treated, seed=42) == first
    assert block_bootstrap_ci(baseline, treated, seed=43) != first
    low, high = first
    assert low < mean(treated) - mean(baseline) < high
    assert low > 0  # a clear, consistent shift of about one point


def test_bootstrap_of_constant_series_is_exact() -> None:
    assert block_bootstrap_ci([3.0] * 7, [5.0] * 21, seed=1) == (2.0, 2.0)


def test_default_block_grows_with_the_cube_root() -> None:
    assert [default_block(n) for n in (1, 5, 7, 21, 64)] == [1, 2, 2, 3, 4]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.floats(0, 10, allow_nan=False), min_size=5, max_size=14),
    st.floats(-3, 3, allow_nan=False),
)
def test_a_constant_shift_moves_the_interval_by_exactly_that(
    series: list[float], shift: float
) -> None:
    """Resampling the same positions: shifting every treated value shifts both ends."""
    base = block_bootstrap_ci(series, series, seed=7, resamples=200)
    moved = block_bootstrap_ci(series, [v + shift for v in series], seed=7, resamples=200)
    assert moved[0] == pytest.approx(base[0] + shift, abs=1e-9)
    assert moved[1] == pytest.approx(base[1] + shift, abs=1e-9)
    assert base[0] <= 0 <= base[1] or base == pytest.approx((0.0, 0.0))


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="both phases"):
        block_bootstrap_ci([], [1.0], seed=1)
    with pytest.raises(ValueError, match="both phases"):
        nap([1.0], [], higher_is_better=True)
    with pytest.raises(ValueError, match="no values"):
        mean([])


def test_small_samples_read_further_out() -> None:
    """Hesterberg's expanded percentile: n = 7 reads the 0.41% quantile, not the 2.5% one."""
    from wellbeing.core.stats import _t_quantile, expanded_tail

    assert _t_quantile(0.975, 6) == pytest.approx(2.4469, abs=1e-3)  # tables: 2.447
    assert _t_quantile(0.975, 20) == pytest.approx(2.0860, abs=1e-3)  # tables: 2.086
    assert expanded_tail(0.025, 7) == pytest.approx(0.0041, abs=2e-4)
    assert expanded_tail(0.025, 1000) == pytest.approx(0.025, abs=1e-3)
